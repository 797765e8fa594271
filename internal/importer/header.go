package importer

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/vntext"
)

//go:embed headers.yaml
var headersYAML []byte

// headerData is headers.yaml.
type headerData struct {
	Fields  map[string][]string `yaml:"fields"`
	Totals  []string            `yaml:"totals"`
	Groups  []string            `yaml:"groups"`
	Derived []string            `yaml:"derived"`
}

var headers = sync.OnceValue(func() headerData {
	var h headerData
	if err := yaml.Unmarshal(headersYAML, &h); err != nil {
		panic(fmt.Sprintf("importer: embedded headers.yaml: %v", err))
	}
	for f := range h.Fields {
		if !slices.Contains(layout.Fields, f) {
			panic(fmt.Sprintf("importer: headers.yaml: %q is not an item field", f))
		}
	}
	return h
})

// fold is how header texts are compared: lower case, no diacritics, runs
// of punctuation and space as one space.
func fold(s string) string {
	s = vntext.Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		// strings.ToLower, a rune at a time, without its copy of s.
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= 0x80 {
			r = unicode.ToLower(r)
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '{' || r == '}' || r == '_' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// labelPattern matches a folded header text against a label that may hold
// {year} or {baseline_year}; the year it finds is the first submatch.
type labelPattern struct {
	re *regexp.Regexp
	// placeholder is "year", "baseline_year" or "" (no year in the label).
	placeholder string
}

var placeholderRe = regexp.MustCompile(`\{(year|baseline_year)\}`)

var (
	patternMu    sync.Mutex
	patternCache = map[string]labelPattern{}
)

// newPattern compiles (once) the pattern of a label.
func newPattern(label string) labelPattern {
	patternMu.Lock()
	defer patternMu.Unlock()
	if p, ok := patternCache[label]; ok {
		return p
	}
	p := compilePattern(label)
	patternCache[label] = p
	return p
}

func compilePattern(label string) labelPattern {
	f := fold(label)
	p := labelPattern{}
	if m := placeholderRe.FindStringSubmatch(f); m != nil {
		p.placeholder = m[1]
	}
	parts := placeholderRe.Split(f, -1)
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	p.re = regexp.MustCompile("^" + strings.Join(parts, `(\d{4})`) + "$")
	return p
}

func (p labelPattern) match(folded string) (year string, ok bool) {
	m := p.re.FindStringSubmatch(folded)
	if m == nil {
		return "", false
	}
	if len(m) > 1 {
		return m[1], true
	}
	return "", true
}

// synonyms are the patterns of headers.yaml, per field.
var synonyms = sync.OnceValue(func() map[string][]labelPattern {
	out := map[string][]labelPattern{}
	for f, labels := range headers().Fields {
		for _, l := range labels {
			out[f] = append(out[f], compilePattern(strings.ReplaceAll(l, "{year}", "{baseline_year}")))
		}
	}
	// achieved years are baseline years; every other field's are the
	// target year.
	for f, ps := range out {
		if f == layout.FieldAchieved {
			continue
		}
		for i := range ps {
			if ps[i].placeholder != "" {
				ps[i].placeholder = "year"
			}
		}
	}
	return out
})

var groupNames = sync.OnceValue(func() []string {
	var out []string
	for _, g := range headers().Groups {
		out = append(out, fold(g))
	}
	return out
})

// headerCol is what the header says about one grid column of a table.
type headerCol struct {
	// Label is the header's text for the column as written (its lowest
	// header cell); Group the text above it, if any.
	Label, Group string
}

// columnMatch is a table column matched to a layout column.
type columnMatch struct {
	// Grid is the table column; Col the layout column (an index into
	// the layout's Columns).
	Grid, Col int
	// Exact is set when the header is the layout's own label (years
	// aside), not a synonym.
	Exact bool
	// Year is the year the header names, if any, and which one.
	Year, Placeholder string
}

// headerMatch is a layout matched to a table's header rows.
type headerMatch struct {
	Layout *layout.Layout
	// Start and Rows are the header's first row and number of rows.
	Start, Rows int
	Cols        []columnMatch
	Score       int
	// Numbers is set when the row after the header numbers the columns.
	Numbers bool
	// labels are the header's label per grid column, as written.
	labels []string
}

// field returns the table column that holds a layout field, or -1.
func (h *headerMatch) field(f string) int {
	for _, c := range h.Cols {
		if fieldOf(h.Layout.Columns[c.Col]) == f {
			return c.Grid
		}
	}
	return -1
}

func fieldOf(c layout.Column) string {
	if c.Field != "" {
		return c.Field
	}
	return c.Key
}

// headerCols reads rows [start, start+n) as a header: for each grid
// column its lowest text and the different text above it.
func headerCols(t *Table, start, n int) []headerCol {
	width := 0
	for _, r := range t.Rows[start : start+n] {
		width = max(width, len(r.Cells))
	}
	cols := make([]headerCol, width)
	for j := range cols {
		for i := start; i < start+n; i++ {
			if j >= len(t.Rows[i].Cells) {
				continue
			}
			text := oneLine(t.Rows[i].Cells[j].Text)
			if text == "" {
				continue
			}
			switch {
			case cols[j].Label == "":
				cols[j].Label = text
			case text != cols[j].Label:
				cols[j].Group, cols[j].Label = cols[j].Label, text
			}
		}
	}
	return cols
}

// oneLine is s with its whitespace collapsed (lines joined with spaces),
// in NFC.
func oneLine(s string) string {
	if !spaceCollapsed(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// spaceCollapsed reports whether s has no space to collapse: none at
// either end, no line break or tab, no two in a row.
func spaceCollapsed(s string) bool {
	prev := true // as if a space came before the first rune
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (r != ' ' || prev) {
			return false
		}
		prev = sp
	}
	return !prev || s == ""
}

// matchHeader finds the layout and header rows that best fit the top of
// a table. only, when set, is the one layout to try.
func matchHeader(t *Table, only *layout.Layout) (best *headerMatch, tried []*headerMatch) {
	layouts := layout.All()
	if only != nil {
		layouts = []*layout.Layout{only}
	}
	for start := 0; start < min(3, len(t.Rows)); start++ {
		for n := 1; n <= 3 && start+n <= len(t.Rows); n++ {
			cols := headerCols(t, start, n)
			for _, l := range layouts {
				m := scoreHeader(l, cols)
				m.Start, m.Rows = start, n
				for _, c := range cols {
					m.labels = append(m.labels, c.Label)
				}
				tried = append(tried, m)
				if best == nil || m.Score > best.Score || m.Score == best.Score && m.Rows < best.Rows {
					best = m
				}
			}
		}
	}
	if best != nil {
		best.Numbers = numberRow(t, best.Start+best.Rows)
	}
	sort.SliceStable(tried, func(i, j int) bool { return tried[i].Score > tried[j].Score })
	return best, tried
}

// scoreHeader matches each header column to a column of l: its own label
// first, then the synonyms of headers.yaml. A layout scores 3 per exact
// label, 2 per synonym, and loses 1 per column it shows that the table
// does not have.
func scoreHeader(l *layout.Layout, cols []headerCol) *headerMatch {
	m := &headerMatch{Layout: l}
	used := map[int]bool{}
	for j, hc := range cols {
		if hc.Label == "" {
			continue
		}
		f := fold(hc.Label)
		fg := fold(hc.Group + " " + hc.Label)
		found := false
		for k, c := range l.Columns {
			if used[k] {
				continue
			}
			p := newPattern(c.Label)
			year, ok := p.match(f)
			if !ok {
				year, ok = p.match(fg)
			}
			if ok {
				m.Cols = append(m.Cols, columnMatch{Grid: j, Col: k, Exact: true, Year: year, Placeholder: p.placeholder})
				used[k], found = true, true
				m.Score += 3
				break
			}
		}
		if found {
			continue
		}
		for k, c := range l.Columns {
			if used[k] {
				continue
			}
			for _, p := range synonyms()[fieldOf(c)] {
				if year, ok := p.match(f); ok {
					m.Cols = append(m.Cols, columnMatch{Grid: j, Col: k, Year: year, Placeholder: p.placeholder})
					used[k], found = true, true
					m.Score += 2
					break
				}
			}
			if found {
				break
			}
		}
	}
	for k, c := range l.Columns {
		if !c.Hide && !used[k] {
			m.Score--
		}
	}
	// A header column the layout has no place for: another kind of
	// table (parplan's own summary sheet, a budget table).
	for j, hc := range cols {
		if hc.Label != "" && !slices.ContainsFunc(m.Cols, func(c columnMatch) bool { return c.Grid == j }) {
			m.Score -= 2
		}
	}
	if m.field(layout.FieldName) < 0 || derivedColumns(cols) {
		m.Score = min(m.Score, 0)
	}
	sort.Slice(m.Cols, func(a, b int) bool { return m.Cols[a].Grid < m.Cols[b].Grid })
	return m
}

// derivedColumns reports whether a header has a column of computed
// figures (points lost, still missing): a summary, not an appendix.
func derivedColumns(cols []headerCol) bool {
	for _, c := range cols {
		f := fold(c.Label)
		for _, d := range headers().Derived {
			if strings.HasPrefix(f, fold(d)) {
				return true
			}
		}
	}
	return false
}

var columnNumber = regexp.MustCompile(`^\(?(\d{1,2})\)?$`)

// numberRow reports whether row i numbers the columns: (1) (2) (3) … or
// 1 2 3 …, each non-empty cell one more than the one before.
func numberRow(t *Table, i int) bool {
	if i >= len(t.Rows) {
		return false
	}
	n, last := 0, 0
	for _, c := range t.Rows[i].Cells {
		text := strings.TrimSpace(c.Text)
		if text == "" || c.Spread {
			continue
		}
		if len(text) > 4 {
			return false // longer than "(99)": not a column number
		}
		m := columnNumber.FindStringSubmatch(text)
		if m == nil {
			return false
		}
		var v int
		fmt.Sscan(m[1], &v)
		if v != last+1 {
			return false
		}
		last = v
		n++
	}
	return n >= 3
}

// enough says whether a header match is good enough to read the table
// by: a name column and at least two others.
func (h *headerMatch) enough() bool {
	return h != nil && h.field(layout.FieldName) >= 0 && len(h.Cols) >= 3 && h.Score > 0
}
