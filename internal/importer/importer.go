package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/scaffold"
	"github.com/parplan/parplan/internal/vntext"
	"github.com/parplan/parplan/internal/xlsx"
)

// Options steer the mapping.
type Options struct {
	// Layout, when set, is the layout every table is read with.
	Layout string
	// ID is the plan id; "" makes one from the issuer and year.
	ID string
	// Source is the name of the file read, for plan.source.
	Source string
}

// Result is the plan read from a document, with what the importer has
// to say about it.
type Result struct {
	Plan *plan.Plan
	// Notes are comments for the plan file: on the file, per appendix
	// and per item (where the importer guessed).
	Top        []msg.Message
	Appendices map[*plan.Appendix][]msg.Message
	Items      map[*plan.Item][]msg.Message
	// Tables say what was read from each table, in order.
	Tables []TableSummary
	// Skipped are the tables whose header matches no layout, when
	// others did.
	Skipped []*Table
	// idFromFile is set when the caller named the plan.
	idFromFile bool
	// listStyles are the styles each table's list cells are written in.
	listStyles map[*plan.Appendix]map[listKey]string
}

// TableSummary is what one table gave.
type TableSummary struct {
	Table  *Table
	Layout string
	// Rows are the data rows read; Items the items made (a continued row
	// makes none); ByDepth the items per depth.
	Rows, Items int
	ByDepth     []int
	// Spread counts rows that took a value from a cell merged over them;
	// Split the agency cells split at ";"; Skipped the repeated header
	// and column-number rows.
	Spread, Split, Skipped int
	HeaderRows             int
	// Fields are the item fields the table has columns for.
	Fields map[string]bool
}

// NoLayoutError is a document none of whose tables has a header the
// layouts know.
type NoLayoutError struct {
	// Table is the first table, Header its header as found.
	Table  *Table
	Header []string
	// Closest are the layouts that came closest, best first.
	Closest []string
}

func (e *NoLayoutError) Error() string {
	return fmt.Sprintf("no layout matches the header %q (closest: %s)", e.Header, strings.Join(e.Closest, ", "))
}

// ErrNoTable is a document without any table.
var ErrNoTable = fmt.Errorf("the document holds no table")

// Import maps a document's tables to a plan.
func Import(doc *Document, opts Options) (*Result, error) {
	if len(doc.Tables) == 0 {
		return nil, ErrNoTable
	}
	var only *layout.Layout
	if opts.Layout != "" {
		only = layout.Get(opts.Layout)
		if only == nil {
			return nil, fmt.Errorf("unknown layout %q", opts.Layout)
		}
	}
	// The stored plan is parsed while the tables are read and mapped
	// (ReadXLSX starts it): its YAML is the largest text a workbook
	// holds, and parsing it took as long as mapping all the tables.
	var stored *storedLoad
	if len(doc.Stored) > 0 {
		stored = doc.stored
		if !stored.of(doc.Stored) {
			stored = loadStored(doc.Stored)
		}
	}
	res := &Result{Plan: &plan.Plan{}, Appendices: map[*plan.Appendix][]msg.Message{}, Items: map[*plan.Item][]msg.Message{},
		listStyles: map[*plan.Appendix]map[listKey]string{}}
	years := map[string]string{}
	var firstFail *NoLayoutError
	ids := map[string]int{}
	for _, t := range doc.Tables {
		if len(doc.Stored) > 0 && t.Sheet == xlsx.SummarySheet {
			continue // parplan's own summary of the appendices
		}
		h, tried := matchHeader(t, only)
		if !h.enough() {
			if firstFail == nil {
				firstFail = noLayout(t, tried)
			}
			res.Skipped = append(res.Skipped, t)
			continue
		}
		a, sum := readTable(t, h, res, years)
		a.ID = text(uniqueID(appendixID(a, t), ids))
		res.Plan.Appendices = append(res.Plan.Appendices, a)
		res.Tables = append(res.Tables, sum)
	}
	if len(res.Plan.Appendices) == 0 {
		return nil, firstFail
	}
	meta(doc, res, years, opts)
	res.idFromFile = opts.ID != ""
	if stored != nil {
		if p := stored.plan(); p != nil {
			applyStored(res, p)
		}
	}
	for _, a := range res.Plan.Appendices {
		setListStyles(a, res.listStyles[a])
	}
	return res, nil
}

func noLayout(t *Table, tried []*headerMatch) *NoLayoutError {
	e := &NoLayoutError{Table: t}
	if len(t.Rows) > 0 {
		for _, c := range headerCols(t, 0, 1) {
			if c.Label != "" {
				e.Header = append(e.Header, strings.TrimSpace(c.Group+" "+c.Label))
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range tried {
		if !seen[m.Layout.ID] && len(e.Closest) < 2 {
			seen[m.Layout.ID] = true
			e.Closest = append(e.Closest, m.Layout.ID)
		}
	}
	return e
}

// readTable maps one table whose header matched.
func readTable(t *Table, h *headerMatch, res *Result, years map[string]string) (*plan.Appendix, TableSummary) {
	a := &plan.Appendix{Layout: text(h.Layout.ID)}
	for _, c := range h.Cols {
		if c.Year != "" && c.Placeholder != "" && years[c.Placeholder] == "" {
			years[c.Placeholder] = c.Year
		}
	}
	r := &rowReader{t: t, h: h}
	r.read()
	a.Items = r.items
	res.listStyles[a] = r.listStyles
	if r.total != nil && (r.total.Max.Given || r.total.Achieved.Given || r.total.Target.Given) {
		a.Total = r.total
	}
	for it, ms := range r.comments {
		res.Items[it] = append(res.Items[it], ms...)
	}
	around(t, a)
	a.Columns = overrides(h, years)
	fields := map[string]bool{}
	for _, c := range h.Cols {
		fields[fieldOf(h.Layout.Columns[c.Col])] = true
	}
	if fields[layout.FieldName] && len(h.Layout.NamePrefixes) > 0 {
		fields[layout.FieldCriterion] = true
	}
	return a, TableSummary{Table: t, Layout: h.Layout.ID, Rows: r.stats.Rows, Items: r.stats.Items, ByDepth: r.stats.ByDepth,
		Spread: r.stats.Spread, Split: r.stats.Split, Skipped: r.stats.Skipped, HeaderRows: h.Rows, Fields: fields}
}

// overrides records where the table's columns differ from its layout: a
// label written otherwise, a column the layout shows that the table does
// not have, a column it hides that the table has.
func overrides(h *headerMatch, years map[string]string) []*plan.Column {
	t := map[int]columnMatch{}
	for _, c := range h.Cols {
		t[c.Col] = c
	}
	var out []*plan.Column
	for k, c := range h.Layout.Columns {
		m, ok := t[k]
		switch {
		case !ok && !c.Hide:
			out = append(out, &plan.Column{Key: text(c.Key), Hide: plan.Bool{Value: true, Given: true}})
		case ok:
			col := &plan.Column{Key: text(c.Key)}
			if c.Hide {
				col.Hide = plan.Bool{Value: false, Given: true}
			}
			if lbl := m.label(h); lbl != "" && lbl != layout.Expand(c.Label, years) {
				col.Label = text(placeholders(lbl, m))
			}
			if col.Hide.Given || col.Label.Value != "" {
				out = append(out, col)
			}
		}
	}
	return out
}

// label is the header text of a matched column, as written.
func (c columnMatch) label(h *headerMatch) string { return h.labels[c.Grid] }

// placeholders writes a label's year back as the placeholder the layout
// uses, so the label follows the plan's year.
func placeholders(label string, m columnMatch) string {
	if m.Year == "" || m.Placeholder == "" {
		return label
	}
	return strings.Replace(label, m.Year, "{"+m.Placeholder+"}", 1)
}

var (
	labelLine = regexp.MustCompile(`^(?i:phụ lục|phu luc|biểu|bieu)\b`)
	reference = regexp.MustCompile(`^\(\s*(?:[Bb]an hành )?[Kk]èm theo\s+(.+?)\s+số\s+(.+?)\s+ngày\s+(\d{1,2})(?:[/.-]|\s+tháng\s+)(\d{1,2})(?:[/.-]|\s+năm\s+)(\d{4})\s+của\s+(.+?)\s*\)$`)
	// spacedSlash is a document number typed with spaces around its
	// slash: "1908 /KH-UBND".
	spacedSlash = regexp.MustCompile(`\s*/\s*`)
	yearInTitle = regexp.MustCompile(`(?i)\bn[aă]m\s+(\d{4})\b`)
)

// around reads the lines above the table (label, title, the "(Kèm theo …)"
// line) and under it (the note).
func around(t *Table, a *plan.Appendix) {
	var title, rest []string
	for _, p := range t.Before {
		s := oneLine(p.Text)
		switch {
		case s == "":
		case a.Label.Value == "" && labelLine.MatchString(s):
			a.Label = text(s)
		case reference.MatchString(s):
			// The reference line is the plan's: see meta.
		case upper(s) && len(rest) == 0:
			title = append(title, s)
		default:
			rest = append(rest, s)
		}
	}
	a.Title = text(strings.Join(title, " "))
	if a.Title.Value == "" && len(rest) > 0 {
		a.Title, rest = text(rest[0]), rest[1:]
	}
	a.Subtitle = text(strings.Join(rest, " "))
	var notes []string
	for _, p := range t.After {
		if s := oneLine(p.Text); s != "" {
			notes = append(notes, s)
		}
	}
	if len(notes) > 3 {
		// A document goes on after its last table: keep the lines that
		// read as the table's note.
		var keep []string
		for _, n := range notes {
			if f := fold(n); strings.HasPrefix(f, "ghi chu") || strings.HasPrefix(n, "(*)") || strings.HasPrefix(n, "*") {
				keep = append(keep, n)
			}
		}
		notes = keep
	}
	a.Note = text(strings.Join(notes, "\n"))
}

// upper reports whether a line is written in capitals (a title).
func upper(s string) bool {
	letters, caps := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return letters >= 4 && caps*10 >= letters*8
}

// appendixID makes an id from the appendix's label ("Phụ lục 01" →
// phu-luc-01), its sheet, or its place.
func appendixID(a *plan.Appendix, t *Table) string {
	for _, s := range []string{a.Label.Value, t.Sheet} {
		if id := slug(s); id != "" {
			return id
		}
	}
	return "bang-" + strconv.Itoa(t.Index)
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	s = nonID.ReplaceAllString(strings.ToLower(vntext.Fold(s)), "-")
	return strings.Trim(s, "-")
}

func uniqueID(id string, seen map[string]int) string {
	seen[id]++
	if n := seen[id]; n > 1 {
		return id + "-" + strconv.Itoa(n)
	}
	return id
}

// meta fills in plan: from the reference line, the header's years and
// the document's title.
func meta(doc *Document, res *Result, years map[string]string, opts Options) {
	m := &res.Plan.Meta
	for _, t := range doc.Tables {
		for _, p := range t.Before {
			if g := reference.FindStringSubmatch(oneLine(p.Text)); g != nil && m.Number.Value == "" {
				m.Document, m.Number, m.Issuer = text(g[1]), text(spacedSlash.ReplaceAllString(g[2], "/")), text(g[6])
				d, _ := strconv.Atoi(g[3])
				mo, _ := strconv.Atoi(g[4])
				m.Date = text(fmt.Sprintf("%s-%02d-%02d", g[5], mo, d))
			}
		}
	}
	if y, err := strconv.Atoi(years["year"]); err == nil {
		m.Year = plan.Int{Value: y, Given: true}
	}
	if y, err := strconv.Atoi(years["baseline_year"]); err == nil {
		m.BaselineYear = plan.Int{Value: y, Given: true}
	}
	if !m.Year.Given {
		for _, a := range res.Plan.Appendices {
			if g := yearInTitle.FindStringSubmatch(vntext.Fold(a.Title.Value)); g != nil {
				y, _ := strconv.Atoi(g[1])
				m.Year = plan.Int{Value: y, Given: true}
				res.Top = append(res.Top, msg.New("import.year-from-title", "Year", y))
				break
			}
		}
	}
	if !m.Year.Given {
		res.Top = append(res.Top, msg.New("import.no-year"))
	}
	m.Title = text(doc.Title)
	if m.Title.Value == "" {
		m.Title = res.Plan.Appendices[0].Title
		res.Top = append(res.Top, msg.New("import.title-from-appendix"))
	}
	m.ID = text(opts.ID)
	if m.ID.Value == "" {
		m.ID = text(scaffold.Slug(m.Issuer.Value, m.Year.Value))
	}
	m.Source = text(opts.Source)
	if set := guessSet(res.Plan); set != "" {
		m.CriteriaSet = text(set)
		res.Top = append(res.Top, msg.New("import.criteria-set", "Set", set))
	}
}

// guessSet names the criteria set that scores the baseline year, for a
// plan with a table numbered by criteria.
func guessSet(p *plan.Plan) string {
	if !p.Meta.BaselineYear.Given {
		return ""
	}
	scored := false
	for _, a := range p.Appendices {
		if l := layout.Get(a.Layout.Value); l != nil && l.ByCriteria() {
			scored = true
		}
	}
	if !scored {
		return ""
	}
	sets, err := criteria.Sets()
	if err != nil {
		return ""
	}
	for _, s := range sets {
		if s.Covers(p.Meta.BaselineYear.Value) {
			return s.ID
		}
	}
	return ""
}
