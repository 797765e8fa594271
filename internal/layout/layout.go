// Package layout declares the Phụ lục table layouts as data: which
// columns a table has, how they are labelled and grouped, how rows are
// numbered and styled, and what is printed around the table. Adding a
// layout is a change to layouts.yaml plus a test.
package layout

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/msg"
)

//go:embed layouts.yaml
var layoutsYAML []byte

// Layout is one table layout. See layouts.yaml for what each key means.
type Layout struct {
	ID          string `yaml:"id"`
	Description string `yaml:"description"`
	// Orientation is Portrait or Landscape.
	Orientation string `yaml:"orientation"`
	// FontSize is the table's font size in points.
	FontSize float64 `yaml:"font_size"`
	// PageNumbers places the page numbers: PageNumbersTop (the default,
	// as Nghị định 30/2020/NĐ-CP places them), PageNumbersBottom or
	// PageNumbersNone.
	PageNumbers string `yaml:"page_numbers"`
	// ColumnNumbers is the style of the row that numbers the columns
	// under the header: NumbersNone, NumbersPlain or NumbersParens.
	ColumnNumbers string `yaml:"column_numbers"`
	// Numbering is the numbering style of rows without a code, per depth;
	// the last style applies to deeper levels.
	Numbering    []string     `yaml:"numbering"`
	NamePrefixes []NamePrefix `yaml:"name_prefixes"`
	RowStyles    []RowStyle   `yaml:"row_styles"`
	Columns      []Column     `yaml:"columns"`
	// TotalLabel labels the grand-total row; "" means the table has none.
	TotalLabel string `yaml:"total_label"`
	// Note is the template of a note computed from the total row and
	// printed under the table; "" means none.
	Note string `yaml:"note"`
	// NoteOverScores prints the note of a row without scores across the
	// score columns, merged, as Hà Giang prints "Bộ Nội vụ đánh giá" for
	// the criterion the Ministry scores.
	NoteOverScores bool `yaml:"note_over_scores"`
}

// Column is one column of a layout.
type Column struct {
	// Key names the column in a plan's overrides; unique in the layout.
	Key string `yaml:"key"`
	// Field is the item field that fills the column; it defaults to Key.
	Field string `yaml:"field"`
	// Label is the header text; it may hold {year} and {baseline_year}.
	Label string `yaml:"label"`
	// Group is a header printed over consecutive columns with the same
	// group (merged), with each column's label below it.
	Group string `yaml:"group"`
	// Width is in Excel character units.
	Width float64 `yaml:"width"`
	// Align is AlignLeft (the default), AlignCenter or AlignRight.
	Align string `yaml:"align"`
	// Hide leaves the column out unless a plan shows it.
	Hide bool `yaml:"hide"`
}

// NamePrefix is put before the name of an item whose criterion code has
// Parts dot-separated parts: "TC 1.1 - " for criterion 1.1.
type NamePrefix struct {
	Parts int    `yaml:"criterion_parts"`
	Text  string `yaml:"text"`
}

// RowStyle styles the rows it matches. Depth and Parent are conditions
// when set; the first matching rule of a layout applies.
type RowStyle struct {
	Depth  *int  `yaml:"depth"`
	Parent *bool `yaml:"parent"`
	Bold   bool  `yaml:"bold"`
	Italic bool  `yaml:"italic"`
	Upper  bool  `yaml:"upper"`
}

// Orientations.
const (
	Portrait  = "portrait"
	Landscape = "landscape"
)

// Page number placements. Top is Nghị định 30/2020/NĐ-CP's rule for a
// document and each of its appendices: centred in the top margin, not on
// the first page. Bottom centres them in the bottom margin of every page.
const (
	PageNumbersTop    = "top"
	PageNumbersBottom = "bottom"
	PageNumbersNone   = "none"
)

// Column number row styles.
const (
	NumbersNone   = "none"
	NumbersPlain  = "plain"
	NumbersParens = "parens"
)

// Alignments.
const (
	AlignLeft   = "left"
	AlignCenter = "center"
	AlignRight  = "right"
)

// Numbering styles.
const (
	Hierarchical = "hierarchical"
	Letter       = "letter"
	Roman        = "roman"
	Index        = "index"
	Running      = "running"
)

// Item fields a column can show.
const (
	FieldCode       = "code"
	FieldName       = "name"
	FieldCriterion  = "criterion"
	FieldMax        = "max"
	FieldAchieved   = "achieved"
	FieldTarget     = "target"
	FieldTargetText = "target_text"
	FieldTasks      = "tasks"
	FieldProducts   = "products"
	FieldLead       = "lead"
	FieldSupport    = "support"
	FieldDeadline   = "deadline"
	FieldNote       = "note"
	FieldGroup      = "group"
)

// Fields lists the item fields a column can show.
var Fields = []string{
	FieldCode, FieldName, FieldCriterion, FieldMax, FieldAchieved, FieldTarget, FieldTargetText,
	FieldTasks, FieldProducts, FieldLead, FieldSupport, FieldDeadline, FieldNote, FieldGroup,
}

// IsScore reports whether a field holds a score (a number).
func IsScore(field string) bool {
	return field == FieldMax || field == FieldAchieved || field == FieldTarget
}

// Placeholders a column label may hold, and those a note template may
// hold besides.
var (
	LabelPlaceholders = []string{"year", "baseline_year"}
	NotePlaceholders  = []string{"year", "baseline_year", "change", "increase", "percent"}
)

// loaded is the embedded layouts, read on first use: a command that needs
// none (--help) does not pay for them.
var loaded = sync.OnceValues(func() (map[string]*Layout, []*Layout) { return mustLoad(layoutsYAML) })

func all() map[string]*Layout { m, _ := loaded(); return m }

func order() []*Layout { _, o := loaded(); return o }

func mustLoad(data []byte) (map[string]*Layout, []*Layout) {
	list, err := Parse(data)
	if err != nil {
		panic(fmt.Sprintf("layout: embedded layouts.yaml: %v", err))
	}
	m := make(map[string]*Layout, len(list))
	for _, l := range list {
		m[l.ID] = l
	}
	return m, list
}

// Parse reads and checks a layouts file (the format of layouts.yaml): unknown keys, duplicate ids and
// malformed layouts are errors.
func Parse(data []byte) ([]*Layout, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var list []*Layout
	if err := dec.Decode(&list); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, l := range list {
		for i := range l.Columns {
			if l.Columns[i].Field == "" {
				l.Columns[i].Field = l.Columns[i].Key
			}
			if l.Columns[i].Align == "" {
				l.Columns[i].Align = AlignLeft
			}
		}
		if err := l.Check(); err != nil {
			return nil, err
		}
		if seen[l.ID] {
			return nil, fmt.Errorf("layout %q is declared twice", l.ID)
		}
		seen[l.ID] = true
	}
	return list, nil
}

// ByCriteria reports whether the layout numbers its rows with the
// criterion codes (1, 1.3, 1.3.1) rather than sections and running
// numbers.
func (l *Layout) ByCriteria() bool {
	return len(l.Numbering) > 0 && l.Numbering[0] == Hierarchical
}

// Known reports whether id names a layout.
func Known(id string) bool { return all()[id] != nil }

// Get returns the layout with the given id, or nil.
func Get(id string) *Layout { return all()[id] }

// All returns the layouts in the order of layouts.yaml.
func All() []*Layout { return slices.Clone(order()) }

// Names returns the layout ids, sorted. They are read off the lines of
// layouts.yaml that start a layout ("- id: scored"), without parsing it:
// the help of import names them, and parsing the layouts was a tenth of
// the start-up of every command. TestNames compares them with the
// parsed layouts.
func Names() []string { return slices.Clone(names()) }

var names = sync.OnceValue(func() []string {
	var names []string
	for line := range strings.Lines(string(layoutsYAML)) {
		if id, ok := strings.CutPrefix(line, "- id: "); ok {
			names = append(names, strings.TrimSpace(id))
		}
	}
	sort.Strings(names)
	return slices.Clip(names)
})

var (
	idPattern          = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	placeholderPattern = regexp.MustCompile(`\{([^{}]*)\}`)
)

// Check reports the first thing wrong with the layout: a missing or
// unknown value, a duplicate column key, a group split by another column,
// an unknown placeholder.
func (l *Layout) Check() error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("layout %q: %s", l.ID, fmt.Sprintf(format, args...))
	}
	if !idPattern.MatchString(l.ID) {
		return fail("id must be lower-case letters, digits and hyphens")
	}
	if l.Description == "" {
		return fail("description is missing")
	}
	if l.Orientation != Portrait && l.Orientation != Landscape {
		return fail("orientation %q is not %s or %s", l.Orientation, Portrait, Landscape)
	}
	if l.FontSize < 6 || l.FontSize > 20 {
		return fail("font_size %v is not between 6 and 20", l.FontSize)
	}
	if !slices.Contains([]string{"", PageNumbersTop, PageNumbersBottom, PageNumbersNone}, l.PageNumbers) {
		return fail("page_numbers %q is not top, bottom or none", l.PageNumbers)
	}
	if !slices.Contains([]string{NumbersNone, NumbersPlain, NumbersParens}, l.ColumnNumbers) {
		return fail("column_numbers %q is not none, plain or parens", l.ColumnNumbers)
	}
	if len(l.Numbering) == 0 {
		return fail("numbering is missing")
	}
	for _, n := range l.Numbering {
		if !slices.Contains([]string{Hierarchical, Letter, Roman, Index, Running}, n) {
			return fail("numbering style %q is not hierarchical, letter, roman, index or running", n)
		}
	}
	for _, p := range l.NamePrefixes {
		if p.Parts < 1 || p.Text == "" {
			return fail("a name prefix needs criterion_parts ≥ 1 and a text")
		}
		if err := checkPlaceholders(p.Text, []string{"criterion"}); err != nil {
			return fail("name prefix %q: %v", p.Text, err)
		}
	}
	for i, rs := range l.RowStyles {
		if rs.Depth != nil && *rs.Depth < 0 {
			return fail("row style %d: depth must be 0 or more", i+1)
		}
	}
	if len(l.Columns) == 0 {
		return fail("no columns")
	}
	keys := map[string]bool{}
	visible := 0
	for i, c := range l.Columns {
		switch {
		case c.Key == "":
			return fail("column %d has no key", i+1)
		case keys[c.Key]:
			return fail("column key %q appears twice", c.Key)
		case !slices.Contains(Fields, c.Field):
			return fail("column %q: field %q is not one of %s", c.Key, c.Field, strings.Join(Fields, ", "))
		case c.Label == "":
			return fail("column %q has no label", c.Key)
		case c.Width <= 0 || c.Width > 255:
			return fail("column %q: width %v is not between 0 and 255", c.Key, c.Width)
		case !slices.Contains([]string{AlignLeft, AlignCenter, AlignRight}, c.Align):
			return fail("column %q: align %q is not left, center or right", c.Key, c.Align)
		}
		if err := checkPlaceholders(c.Label, LabelPlaceholders); err != nil {
			return fail("column %q label: %v", c.Key, err)
		}
		keys[c.Key] = true
		if !c.Hide {
			visible++
		}
	}
	if visible == 0 {
		return fail("every column is hidden")
	}
	if err := checkGroups(l.Columns); err != nil {
		return fail("%v", err)
	}
	if err := checkPlaceholders(l.Note, NotePlaceholders); err != nil {
		return fail("note: %v", err)
	}
	if l.Note != "" && l.TotalLabel == "" {
		return fail("a computed note needs a total row (total_label)")
	}
	return nil
}

// checkGroups reports a group whose columns are not next to each other,
// which a merged header cannot span.
func checkGroups(cols []Column) error {
	done := map[string]bool{}
	for i, c := range cols {
		if c.Group == "" || (i > 0 && cols[i-1].Group == c.Group) {
			continue
		}
		if done[c.Group] {
			return fmt.Errorf("the columns of group %q are not next to each other", c.Group)
		}
		done[c.Group] = true
	}
	return nil
}

func checkPlaceholders(s string, allowed []string) error {
	for _, m := range placeholderPattern.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(allowed, m[1]) {
			return fmt.Errorf("unknown placeholder {%s} (allowed: {%s})", m[1], strings.Join(allowed, "}, {"))
		}
	}
	return nil
}

// Expand fills the {name} placeholders of s from vars; a placeholder
// without a value is left as written.
func Expand(s string, vars map[string]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return placeholderPattern.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := vars[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// Override is a plan's change to one column of its appendix's layout.
type Override struct {
	Key string
	// Label replaces the column's label when set.
	Label    string
	LabelSet bool
	// Hide hides (true) or shows (false) the column when set.
	Hide    bool
	HideSet bool
}

// ErrUnknownColumn is wrapped by Resolve's error for an override whose
// key is not a column of the layout.
var ErrUnknownColumn = errors.New("unknown column")

// Resolve applies overrides to the layout's columns and returns the
// columns to print, in layout order. The error for an override names its
// index (0-based) in overrides.
func (l *Layout) Resolve(overrides []Override) ([]Column, error) {
	cols := slices.Clone(l.Columns)
	for i, o := range overrides {
		j := slices.IndexFunc(cols, func(c Column) bool { return c.Key == o.Key })
		if j < 0 {
			keys := make([]string, len(l.Columns))
			for k, c := range l.Columns {
				keys[k] = c.Key
			}
			return nil, &OverrideError{Index: i, Err: &msg.Error{Err: ErrUnknownColumn,
				Msg: msg.New("layout.unknown-column", "Key", o.Key, "Layout", l.ID, "Columns", keys)}}
		}
		if o.LabelSet {
			if o.Label == "" {
				return nil, &OverrideError{Index: i, Err: msg.Errorf("layout.empty-label", "Key", o.Key)}
			}
			cols[j].Label = o.Label
		}
		if o.HideSet {
			cols[j].Hide = o.Hide
		}
	}
	var out []Column
	for _, c := range cols {
		if !c.Hide {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, &OverrideError{Index: len(overrides) - 1, Err: msg.Errorf("layout.all-hidden")}
	}
	return out, nil
}

// OverrideError is a problem with one of a plan's column overrides.
type OverrideError struct {
	// Index is the override's index in the list given to Resolve.
	Index int
	Err   error
}

func (e *OverrideError) Error() string { return e.Err.Error() }
func (e *OverrideError) Unwrap() error { return e.Err }

// NumberingAt returns the numbering style of rows at depth (0-based).
func (l *Layout) NumberingAt(depth int) string {
	if depth < len(l.Numbering) {
		return l.Numbering[depth]
	}
	return l.Numbering[len(l.Numbering)-1]
}

// Prefix returns the name prefix for an item with the given criterion
// code, or "".
func (l *Layout) Prefix(criterion string) string {
	if criterion == "" {
		return ""
	}
	parts := strings.Count(criterion, ".") + 1
	for _, p := range l.NamePrefixes {
		if p.Parts == parts {
			return Expand(p.Text, map[string]string{"criterion": criterion})
		}
	}
	return ""
}

// StyleFor returns the style of a row at depth, with or without items.
func (l *Layout) StyleFor(depth int, parent bool) RowStyle {
	for _, rs := range l.RowStyles {
		if rs.Depth != nil && *rs.Depth != depth {
			continue
		}
		if rs.Parent != nil && *rs.Parent != parent {
			continue
		}
		return rs
	}
	return RowStyle{}
}
