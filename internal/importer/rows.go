package importer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// codeStyle is how a row's code is written.
type codeStyle int

const (
	styleNone codeStyle = iota
	styleHierarchical
	styleLetter
	styleRoman
	styleNumber
)

var (
	hierCode   = regexp.MustCompile(`^\d+(\.\d+)+$`)
	numberCode = regexp.MustCompile(`^\d+$`)
	romanCode  = regexp.MustCompile(`^[IVXLC]+$`)
	letterCode = regexp.MustCompile(`^[A-Z]$`)
)

// cleanCode is a code as printed, without the trailing "." or ")" some
// tables write ("1.", "I.", "a)").
func cleanCode(s string) string {
	s = oneLine(s)
	return strings.TrimRight(s, ".)")
}

func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	n := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// sequence tells letters from Roman numerals by what came before: "C"
// after "B" is a letter, "V" after "IV" a numeral.
type sequence struct {
	letter, roman int
}

func (q *sequence) style(code string) codeStyle {
	switch {
	case code == "":
		return styleNone
	case hierCode.MatchString(code):
		return styleHierarchical
	case numberCode.MatchString(code):
		return styleNumber
	}
	isLetter, isRoman := letterCode.MatchString(code), romanCode.MatchString(code)
	switch {
	case isLetter && isRoman:
		if int(code[0]-'A')+1 == q.letter+1 && romanValue(code) != q.roman+1 {
			q.letter++
			return styleLetter
		}
		q.roman = romanValue(code)
		return styleRoman
	case isRoman:
		q.roman = romanValue(code)
		return styleRoman
	case isLetter:
		q.letter = int(code[0]-'A') + 1
		q.roman = 0
		return styleLetter
	}
	return styleNone
}

// number reads a score cell: a decimal point or a decimal comma, the
// digits as shown; "" for an empty cell. A cell that ends in "%" is a
// percentage.
func number(text string) (d decimal.Dec, percent, ok bool) {
	s := strings.ReplaceAll(oneLine(text), " ", "")
	if strings.HasSuffix(s, "%") {
		s, percent = strings.TrimSuffix(s, "%"), true
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := decimal.Parse(s)
	if err != nil {
		return decimal.Dec{}, false, false
	}
	return v, percent, true
}

// bullet is a list marker at the start of a cell's line.
var bullet = regexp.MustCompile(`^(?:[-–—•·*+]|\d+[.)])\s+`)

// listEntries splits a list cell into entries: one per line, markers
// removed; a "+ " line stays inside the entry above it (a sub-point),
// unless the cell is a list of "+ " points (plusCell); agency cells also
// split at ";". split reports whether a line was split at ";"; style is
// the list style the cell is written in, "" when it has one entry. cont
// is the style of the cell a continued cell goes on from ("-" when the
// cell is not continued).
func listEntries(c Cell, agencies bool, cont string) (entries []string, split bool, style string) {
	lines := make([]string, 0, len(c.Paras))
	for _, line := range c.Paras {
		if line = oneLine(line); line != "" {
			lines = append(lines, line)
		}
	}
	plus := !agencies && (cont == plan.StylePlus || cont == "-" && plusCell(lines))
	marked := false
	for _, line := range lines {
		if strings.HasPrefix(line, "+ ") && !agencies && !plus {
			// A sub-point stays in its point: the one above, in this
			// cell or (when a page break cut the cell) in the row above.
			if len(entries) > 0 {
				entries[len(entries)-1] += " " + line
			} else {
				entries = append(entries, line)
			}
			continue
		}
		if strings.ContainsRune("-–—•·*+0123456789", []rune(line)[0]) {
			if l := bullet.ReplaceAllString(line, ""); l != line {
				line, marked = l, marked || !strings.HasPrefix(line, "+")
			}
		}
		if !agencies {
			entries = append(entries, line)
			continue
		}
		parts := strings.Split(line, ";")
		if len(parts) > 1 {
			split = true
		}
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				entries = append(entries, p)
			}
		}
	}
	switch {
	case plus:
		style = plan.StylePlus
	case len(entries) < 2:
	case agencies && len(lines) == 1 && split:
		style = plan.StyleSemicolons
	case marked:
		style = plan.StyleBullets
	default:
		style = plan.StyleLines
	}
	return entries, split, style
}

// plusCell reports whether a cell's lines are a list of "+ " points: two
// lines or more, each a "+ " point or a line ending with ":" that leads
// in to the points below it (Đắk Nông 2.1.1). Where a point has "- " or
// no mark, its "+ " lines are its sub-points (Gia Lai 2023).
func plusCell(lines []string) bool {
	points := 0
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "+ "):
			points++
		case strings.HasSuffix(l, ":") && !bullet.MatchString(l):
		default:
			return false
		}
	}
	return points > 0 && len(lines) >= 2
}

// listKey is one list field of an item.
type listKey struct {
	it    *plan.Item
	field string
}

// setListStyles gives the appendix the list style most of its items'
// lists of several entries are written in, per field (when that is not
// the default, bullets), and an item the style of a list written
// otherwise.
func setListStyles(a *plan.Appendix, styles map[listKey]string) {
	count := map[string]map[string]int{}
	a.Walk(func(it *plan.Item) {
		for _, f := range plan.ListFields {
			if s := styles[listKey{it, f}]; s != "" && len(*listOf(it, f)) >= 2 {
				if count[f] == nil {
					count[f] = map[string]int{}
				}
				count[f][s]++
			}
		}
	})
	if a.ListStyle == nil {
		var st plan.ListStyle
		for _, f := range plan.ListFields {
			best := plan.StyleBullets
			for _, s := range plan.ListStyles {
				if count[f][s] > count[f][best] {
					best = s
				}
			}
			if best != plan.StyleBullets {
				st.SetField(f, best)
			}
		}
		if !st.Empty() {
			a.ListStyle = &st
		}
	}
	a.Walk(func(it *plan.Item) {
		for _, f := range plan.ListFields {
			s := styles[listKey{it, f}]
			if s == "" || len(*listOf(it, f)) < 2 {
				continue
			}
			if it.ListStyle != nil {
				it.ListStyle.SetField(f, "")
			}
			if s != plan.ListStyleOf(a, it, f) {
				if it.ListStyle == nil {
					it.ListStyle = &plan.ListStyle{}
				}
				it.ListStyle.SetField(f, s)
			}
		}
		if it.ListStyle.Empty() {
			it.ListStyle = nil
		}
	})
	if a.ListStyle.Empty() {
		a.ListStyle = nil
	}
}

// listOf is an item's list field, to read or to extend.
func listOf(it *plan.Item, field string) *[]plan.Text {
	switch field {
	case layout.FieldTasks:
		return &it.Tasks
	case layout.FieldProducts:
		return &it.Products
	case layout.FieldLead:
		return &it.Lead
	case layout.FieldSupport:
		return &it.Support
	}
	return nil
}

// prefixPattern is a layout's name prefix ("TC {criterion} - ") as a
// pattern that finds the criterion code in a printed name.
type prefixPattern struct {
	re    *regexp.Regexp
	parts int
}

func prefixPatterns(l *layout.Layout) []prefixPattern {
	var out []prefixPattern
	for _, p := range l.NamePrefixes {
		before, after, _ := strings.Cut(p.Text, "{criterion}")
		re := `^(?i:` + spaced(before) + `)(\d+(?:\.\d+)*)(?:` + spaced(after) + `)`
		out = append(out, prefixPattern{re: regexp.MustCompile(re), parts: p.Parts})
	}
	return out
}

// spaced quotes s for a pattern in which any run of spaces matches any
// run of spaces (or none), and a dash any dash.
func spaced(s string) string {
	var b strings.Builder
	if strings.HasPrefix(s, " ") {
		b.WriteString(`\s*`)
	}
	for _, f := range strings.Fields(s) {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), `\s*`) {
			b.WriteString(`\s*`)
		}
		if f == "-" || f == "–" {
			b.WriteString(`[-–—:]`)
			continue
		}
		b.WriteString(regexp.QuoteMeta(f))
	}
	if strings.HasSuffix(s, " ") {
		b.WriteString(`\s*`)
	}
	return b.String()
}

// rowReader turns the data rows of one table into items.
type rowReader struct {
	t        *Table
	h        *headerMatch
	prefixes []prefixPattern
	seq      sequence
	// depthOf orders the code styles of a sectioned table: the style's
	// depth among the styles the table uses.
	depthOf map[codeStyle]int
	// open are the items that can take children, per depth.
	open []*plan.Item
	// lastItem is the item placed last.
	lastItem *plan.Item
	byCode   map[string]*plan.Item
	items    []*plan.Item

	total *plan.Scores
	// comments are the importer's notes on items: where it guessed.
	comments map[*plan.Item][]msg.Message
	stats    tableStats
	file     string
	// listStyles are the styles the items' list cells are written in.
	listStyles map[listKey]string
	// totalLabel is the layout's total label, folded, once known.
	totalLabel *string
	// cut is set while a row continues a cell of the row above that
	// the exporter or a page break cut inside an entry.
	cut bool
}

// tableStats counts what a table held, for the summary.
type tableStats struct {
	Rows, Items, Spread, Split, Skipped int
	ByDepth                             []int
}

func (r *rowReader) col(f string) int { return r.h.field(f) }

func (r *rowReader) cell(row Row, f string) Cell {
	j := r.col(f)
	if j < 0 || j >= len(row.Cells) {
		return Cell{}
	}
	return row.Cells[j]
}

func (r *rowReader) note(it *plan.Item, m msg.Message) {
	if r.comments == nil {
		r.comments = map[*plan.Item][]msg.Message{}
	}
	r.comments[it] = append(r.comments[it], m)
}

// isTotal reports whether a row is the grand-total row.
func (r *rowReader) isTotal(row Row) bool {
	text := fold(oneLine(r.cell(row, layout.FieldName).Text))
	if text == "" {
		text = fold(oneLine(r.cell(row, layout.FieldCode).Text))
	}
	if slices.Contains(foldedTotals(), text) {
		return true
	}
	if r.totalLabel == nil {
		lbl := fold(r.h.Layout.TotalLabel)
		r.totalLabel = &lbl
	}
	return *r.totalLabel != "" && text == *r.totalLabel
}

// foldedTotals are the labels of total rows, folded once (folding them
// for every row was a tenth of reading a table).
var foldedTotals = sync.OnceValue(func() []string {
	out := make([]string, len(headers().Totals))
	for i, t := range headers().Totals {
		out[i] = fold(t)
	}
	return out
})

// repeatsHeader reports whether a row is the header again (as a table
// pasted after a page break repeats it) or the column-number row.
func (r *rowReader) repeatsHeader(row Row, header []foldedHeader) bool {
	same, n := 0, 0
	for _, c := range r.h.Cols {
		if c.Grid >= len(row.Cells) || header[c.Grid].label == "" {
			continue
		}
		n++
		text := row.Cells[c.Grid].Text
		if len(text) > 2*header[c.Grid].size+8 {
			continue // far longer than the header: a data cell
		}
		if f := fold(oneLine(text)); f == header[c.Grid].label || header[c.Grid].group != "" && f == header[c.Grid].group {
			same++
		}
	}
	return n > 0 && same*2 > n
}

// foldedHeader is a header column folded once, for comparing every row
// with it.
type foldedHeader struct {
	label, group string
	// size is the longer of the two texts as written, in bytes.
	size int
}

func foldHeader(cols []headerCol) []foldedHeader {
	out := make([]foldedHeader, len(cols))
	for i, c := range cols {
		out[i] = foldedHeader{label: fold(c.Label), group: fold(c.Group), size: max(len(c.Label), len(c.Group))}
	}
	return out
}

func empty(row Row) bool {
	for _, c := range row.Cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// read maps the table's data rows.
func (r *rowReader) read() {
	r.byCode = map[string]*plan.Item{}
	r.prefixes = prefixPatterns(r.h.Layout)
	header := foldHeader(headerCols(r.t, r.h.Start, r.h.Rows))
	first := r.h.Start + r.h.Rows
	if r.h.Numbers {
		first++
	}
	r.planDepths(first)
	for i := first; i < len(r.t.Rows); i++ {
		row := r.t.Rows[i]
		switch {
		case empty(row):
			continue
		case row.Header || r.repeatsHeader(row, header) || numberRow(r.t, i):
			r.stats.Skipped++
			continue
		case r.isTotal(row):
			r.total = r.scores(row, nil)
			continue
		}
		r.stats.Rows++
		r.row(row)
	}
}

// planDepths decides the depth of each code style a sectioned table uses,
// in the layout's order: letter sections over Roman sections over
// numbered rows, but a table without letters starts at Roman.
func (r *rowReader) planDepths(first int) {
	used := map[codeStyle]bool{}
	var q sequence
	for i := first; i < len(r.t.Rows); i++ {
		code := cleanCode(r.cell(r.t.Rows[i], layout.FieldCode).Text)
		used[q.style(code)] = true
	}
	order := []codeStyle{}
	for _, n := range r.h.Layout.Numbering {
		s := map[string]codeStyle{layout.Letter: styleLetter, layout.Roman: styleRoman,
			layout.Index: styleNumber, layout.Running: styleNumber, layout.Hierarchical: styleNumber}[n]
		if !containsStyle(order, s) {
			order = append(order, s)
		}
	}
	r.depthOf = map[codeStyle]int{}
	d := 0
	for _, s := range order {
		if used[s] {
			r.depthOf[s] = d
			d++
		}
	}
}

func containsStyle(ss []codeStyle, s codeStyle) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// row maps one data row to an item and places it in the tree.
func (r *rowReader) row(row Row) {
	codeCell := r.cell(row, layout.FieldCode)
	codeText := cleanCode(codeCell.Text)
	nameCell := r.cell(row, layout.FieldName)
	name := oneLine(nameCell.Text)
	if codeCell.SpreadDown && nameCell.SpreadDown {
		// The item's code and name merged down over this row: the rest
		// of the row above (parplan's export continues a long cell so).
		codeText, name = "", ""
	}
	it := &plan.Item{}
	if fixed, ok := r.numericCode(codeCell, codeText); ok {
		r.note(it, msg.New("import.code-fixed", "Shown", codeText, "Code", fixed))
		codeText = fixed
	}
	criterion := ""
	for _, p := range r.prefixes {
		if m := p.re.FindStringSubmatchIndex(name); m != nil {
			criterion = name[m[2]:m[3]]
			name = strings.TrimSpace(name[m[1]:])
			break
		}
	}
	if codeText == "" && name == "" && r.onlyText(row) && r.continuation(row) {
		return
	}
	it.Code = text(codeText)
	it.Name = text(name)
	it.Criterion = text(criterion)
	r.fill(it, row)
	r.place(it, codeText)
	r.stats.Items++
}

// onlyText reports whether a row has text only in the columns a cell cut
// by a page break goes on in (tasks, products, notes): the rest of the
// row above, not a row of its own.
func (r *rowReader) onlyText(row Row) bool {
	for _, c := range r.h.Cols {
		if c.Grid >= len(row.Cells) || strings.TrimSpace(row.Cells[c.Grid].Text) == "" || row.Cells[c.Grid].SpreadDown {
			continue
		}
		switch fieldOf(r.h.Layout.Columns[c.Col]) {
		case layout.FieldTasks, layout.FieldProducts, layout.FieldNote, layout.FieldTargetText:
		default:
			return false
		}
	}
	return true
}

// numericCode mends a hierarchical code that a spreadsheet stored as a
// number and shows with too few decimals: 1.10 shown as "1.1" after 1.9
// is 1.10, the code that follows its sibling.
func (r *rowReader) numericCode(c Cell, code string) (string, bool) {
	if !c.Numeric || !hierCode.MatchString(code) || r.byCode[code] == nil {
		return "", false
	}
	parent, last := splitLast(code)
	prev := r.lastChildOf(parent)
	if prev == "" {
		return "", false
	}
	_, prevLast := splitLast(prev)
	n, err := strconv.Atoi(prevLast)
	if err != nil {
		return "", false
	}
	next := strconv.Itoa(n + 1)
	if strings.HasPrefix(next, last) && strings.TrimLeft(next[len(last):], "0") == "" {
		return parent + "." + next, true
	}
	return "", false
}

// splitLast splits "1.3.10" into "1.3" and "10".
func splitLast(code string) (parent, last string) {
	i := strings.LastIndex(code, ".")
	if i < 0 {
		return "", code
	}
	return code[:i], code[i+1:]
}

// lastChildOf is the code of the latest item under the item with code
// parent.
func (r *rowReader) lastChildOf(parent string) string {
	p := r.byCode[parent]
	if p == nil || len(p.Items) == 0 {
		return ""
	}
	return p.Items[len(p.Items)-1].Code.Value
}

// continuation adds a row with neither code nor name to the item above
// it: the rest of a row a page break cut in two. It reports whether
// there was an item to add to.
func (r *rowReader) continuation(row Row) bool {
	if len(r.items) == 0 {
		return false
	}
	last := r.last()
	r.cut = true
	r.fill(last, row)
	r.cut = false
	r.note(last, msg.New("import.continued", "Line", row.Line))
	return true
}

// last is the item placed last: the deepest last item of the tree.
func (r *rowReader) last() *plan.Item { return r.lastItem }

func text(s string) plan.Text { return plan.Text{Value: s} }

// fill sets an item's fields from a row; a field already set (by the row
// a continuation continues) is extended.
func (r *rowReader) fill(it *plan.Item, row Row) {
	spread := false
	for _, c := range r.h.Cols {
		f := fieldOf(r.h.Layout.Columns[c.Col])
		if c.Grid >= len(row.Cells) {
			continue
		}
		cell := row.Cells[c.Grid]
		if cell.SpreadDown && strings.TrimSpace(cell.Text) != "" && f != layout.FieldCode && f != layout.FieldName {
			spread = true
		}
		switch f {
		case layout.FieldTasks, layout.FieldProducts, layout.FieldLead, layout.FieldSupport:
			key := listKey{it, f}
			cont := "-"
			if r.cut {
				cont = r.listStyles[key]
			}
			entries, split, style := listEntries(cell, f == layout.FieldLead || f == layout.FieldSupport, cont)
			if r.listStyles == nil {
				r.listStyles = map[listKey]string{}
			}
			if r.listStyles[key] == "" {
				r.listStyles[key] = style
			}
			if split {
				r.stats.Split++
				r.note(it, msg.New("import.split", "Line", row.Line, "Count", len(entries)))
			}
			list := listOf(it, f)
			// A continued cell that starts without a list mark goes on
			// with the entry the row above ended on.
			joinFirst := r.cut && len(cell.Paras) > 0 && !bullet.MatchString(strings.TrimSpace(cell.Paras[0]))
			for k, e := range entries {
				if n := len(*list); n > 0 && (strings.HasPrefix(e, "+ ") || k == 0 && joinFirst) {
					(*list)[n-1] = text((*list)[n-1].Value + " " + e)
					continue
				}
				*list = append(*list, text(e))
			}
		case layout.FieldDeadline:
			appendText(&it.Deadline, cell)
		case layout.FieldNote:
			appendText(&it.Note, cell)
		case layout.FieldTargetText:
			appendText(&it.TargetText, cell)
		case layout.FieldGroup:
			appendText(&it.Group, cell)
		case layout.FieldCriterion:
			if it.Criterion.Value == "" {
				it.Criterion = text(cleanCode(cell.Text))
			}
		}
	}
	sc := r.scores(row, it)
	it.Scores.Max, it.Scores.Achieved, it.Scores.Target = sc.Max, sc.Achieved, sc.Target
	if spread {
		r.stats.Spread++
		r.note(it, msg.New("import.spread", "Line", row.Line))
	}
}

// appendText sets a text field from a cell, or adds the cell's text to
// what the field holds.
func appendText(dst *plan.Text, c Cell) {
	s := oneLine(c.Text)
	if s == "" {
		return
	}
	if dst.Value != "" {
		s = dst.Value + " " + s
	}
	*dst = text(s)
}

// scores reads the score cells of a row. A text across the score cells
// (Hà Giang's "Bộ Nội vụ đánh giá") is the item's note and no score.
func (r *rowReader) scores(row Row, it *plan.Item) *plan.Scores {
	sc := &plan.Scores{}
	for _, f := range []string{layout.FieldMax, layout.FieldAchieved, layout.FieldTarget} {
		c := r.cell(row, f)
		if strings.TrimSpace(c.Text) == "" || (c.Spread && !c.SpreadDown) {
			continue
		}
		v, percent, ok := number(c.Text)
		if !ok {
			if it != nil && it.Note.Value == "" {
				it.Note = text(oneLine(c.Text))
			}
			continue
		}
		if percent && it != nil {
			it.Unit = text(plan.UnitPercent)
		}
		n := plan.Number{Value: v, Given: true}
		switch f {
		case layout.FieldMax:
			sc.Max = n
		case layout.FieldAchieved:
			sc.Achieved = n
		default:
			sc.Target = n
		}
	}
	return sc
}

// place puts an item in the tree by its code: a hierarchical code under
// the item whose code it extends, a section code at its style's depth, a
// row without code beside the row above it.
func (r *rowReader) place(it *plan.Item, code string) {
	style := r.seq.style(code)
	var parent *plan.Item
	depth := 0
	switch {
	case style == styleNone:
		if last := r.last(); last != nil {
			parent, depth = last.Parent, last.Depth
		}
		r.note(it, msg.New("import.no-code"))
	case style == styleHierarchical || style == styleNumber && r.h.Layout.NumberingAt(0) == layout.Hierarchical:
		parentCode := ""
		if i := strings.LastIndex(code, "."); i >= 0 {
			parentCode = code[:i]
		}
		if parentCode != "" {
			parent = r.byCode[parentCode]
			if parent == nil {
				// 2.1 without a row 2: under the nearest section.
				parent = r.openAt(r.depthOf[styleNumber] - 1)
				r.note(it, msg.New("import.no-parent", "Code", code, "Parent", parentCode))
			}
		} else {
			parent = r.openAt(r.depthOf[styleNumber] - 1)
		}
	default:
		depth = r.depthOf[style]
		parent = r.openAt(depth - 1)
	}
	if parent != nil {
		depth = parent.Depth + 1
		it.Parent = parent
		parent.Items = append(parent.Items, it)
	} else {
		depth = 0
		r.items = append(r.items, it)
	}
	it.Depth = depth
	r.lastItem = it
	for len(r.open) <= depth {
		r.open = append(r.open, nil)
	}
	r.open = r.open[:depth+1]
	r.open[depth] = it
	if code != "" {
		if _, dup := r.byCode[code]; !dup {
			r.byCode[code] = it
		}
	}
	for len(r.stats.ByDepth) <= depth {
		r.stats.ByDepth = append(r.stats.ByDepth, 0)
	}
	r.stats.ByDepth[depth]++
}

// openAt is the latest item at depth, or nil (depth < 0 or none yet).
func (r *rowReader) openAt(depth int) *plan.Item {
	if depth < 0 || depth >= len(r.open) {
		return nil
	}
	return r.open[depth]
}
