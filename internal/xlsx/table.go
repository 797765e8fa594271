package xlsx

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// table is one appendix laid out: what goes in which cell, before any
// spreadsheet is involved. It is what the tests of layouts look at.
type table struct {
	appendix *plan.Appendix
	layout   *layout.Layout
	// label, title, subtitle and ref are the lines above the table.
	label, title, subtitle, ref string
	cols                        []layout.Column
	// numbers is the column-number row; nil when the layout has none.
	numbers []string
	rows    []tableRow
	// total is the grand-total row; nil when the layout has none.
	total *tableRow
	note  string
	// warnings are things the reader of the workbook should hear about.
	warnings []Warning
	// unlocked are the columns a person fills in (by index): their cells
	// stay editable when the sheet is protected. Nil for an appendix.
	unlocked []bool
	// validations are added to the sheet as it is written.
	validations []*excelize.DataValidation
	// formulas writes parents and the total as SUM formulas (see
	// markSums); sheet and at are where writeTable put the table.
	formulas bool
	sheet    string
	at       sheetLayout
}

// tableRow is one printed row.
type tableRow struct {
	cells []value
	style layout.RowStyle
	// merges are the cells merged across columns, each the first and
	// last column index; the first cell holds the value.
	merges []span
	// heading marks a row that must not end a page: a field's, a
	// section's or a criterion's, printed above its first row.
	heading bool
	// down is how many rows below continue this one (a cell too long
	// for one row goes on in them); tall are the cells merged down over
	// those rows, each a span of columns.
	down int
	tall []span
	// item is the plan item of a data row; nil for other rows.
	item *plan.Item
	// lines is how many lines the row's tallest cell takes, as fitRows
	// measured it; 0 when not measured (tableRow measures it then).
	lines int
}

// span is a range of columns, 0-based, both ends included.
type span struct{ first, last int }

// mergedAt returns the merge that starts at column i, if any, and whether
// column i is inside a merge without starting it.
func (r *tableRow) mergedAt(i int) (m span, starts, inside bool) {
	for _, m := range slices.Concat(r.merges, r.tall) {
		if m.first == m.last {
			continue
		}
		if m.first == i {
			return m, true, false
		}
		if i > m.first && i <= m.last {
			return m, false, true
		}
	}
	return span{}, false, false
}

// value is a cell: text, or an exact number with the position in the
// plan file it comes from (for messages about it). The number is apart,
// behind a pointer: most cells of a large plan are texts, and a table
// holds every cell of the appendix at once.
type value struct {
	text string
	// numCell is the cell's number; nil for a text or empty cell.
	*numCell
}

// numCell is a numeric cell's figure and what goes with it.
type numCell struct {
	num     decimal.Dec
	percent bool
	// format is the number format when it is not the one of the number's
	// decimals: a date's, whose number is its serial day.
	format string
	pos    plan.Pos
	// sum lists the rows (indices in table.rows) whose cells in the same
	// column this one adds up; formula is that sum as written, once the
	// rows have their places (see sumFormulas).
	sum     []int
	formula string
	// comment says why a stated figure is kept as a value.
	comment string
}

func text(s string) value { return value{text: s} }

// hasGroups reports whether a header group spans some columns, which
// takes a second header row.
func (t *table) hasGroups() bool {
	for _, c := range t.cols {
		if c.Group != "" {
			return true
		}
	}
	return false
}

// layoutOf returns the layout an appendix is printed with: the one it
// names, or the one its items suggest.
func layoutOf(a *plan.Appendix) *layout.Layout {
	if l := layout.Get(a.Layout.Value); l != nil {
		return l
	}
	scored, products, targets := false, false, false
	a.Walk(func(it *plan.Item) {
		scored = scored || it.Scores.Max.Given || it.Scores.Achieved.Given || it.Scores.Target.Given
		products = products || len(it.Products) > 0
		targets = targets || it.TargetText.Set()
	})
	switch {
	case scored:
		return layout.Get("scored")
	case products:
		return layout.Get("deliverables")
	case targets:
		return layout.Get("targets")
	}
	return layout.Get("tasks")
}

// vars are the values of a label's placeholders.
func vars(m plan.Meta) map[string]string {
	v := map[string]string{}
	if m.Year.Given {
		v["year"] = strconv.Itoa(m.Year.Value)
	}
	switch {
	case m.BaselineYear.Given:
		v["baseline_year"] = strconv.Itoa(m.BaselineYear.Value)
	case m.Year.Given:
		// PAR INDEX results are published the year after they are
		// measured, so a plan works from the year before its own.
		v["baseline_year"] = strconv.Itoa(m.Year.Value - 1)
	}
	return v
}

// buildTable lays out one appendix. A column override the layout does not
// know is a problem of the plan, returned as a diagnostic.
func buildTable(p *plan.Plan, a *plan.Appendix) (*table, []diag.Diagnostic) {
	a.Compute()
	l := layoutOf(a)
	var overrides []layout.Override
	for _, c := range a.Columns {
		overrides = append(overrides, layout.Override{
			Key: c.Key.Value, Label: c.Label.Value, LabelSet: c.Label.Set(),
			Hide: c.Hide.Value, HideSet: c.Hide.Given,
		})
	}
	cols, err := l.Resolve(overrides)
	if err != nil {
		pos := a.Pos
		var oe *layout.OverrideError
		if errors.As(err, &oe) && oe.Index >= 0 && oe.Index < len(a.Columns) {
			pos = a.Columns[oe.Index].Pos
		}
		return nil, []diag.Diagnostic{{
			File: p.File, Line: pos.Line, Col: pos.Col, Severity: diag.Error, Rule: plan.RuleInvalidValue,
			Msg: msg.New("export.column-override", "ID", a.ID.Value, "Err", err),
		}}
	}
	v := vars(p.Meta)
	for i := range cols {
		cols[i].Label = layout.Expand(cols[i].Label, v)
	}
	t := &table{
		appendix: a, layout: l, cols: cols,
		label: a.Label.Value, title: a.Title.Value, subtitle: a.Subtitle.Value, ref: reference(p.Meta),
	}
	if l.ColumnNumbers != layout.NumbersNone {
		for i := range cols {
			n := strconv.Itoa(i + 1)
			if l.ColumnNumbers == layout.NumbersParens {
				n = "(" + n + ")"
			}
			t.numbers = append(t.numbers, n)
		}
	}
	n := &numberer{layout: l, running: map[int]int{}}
	var walk func(items []*plan.Item, parentCode string)
	walk = func(items []*plan.Item, parentCode string) {
		for i, it := range items {
			code := it.Code.Value
			if code == "" {
				code = n.number(it.Depth, i+1, parentCode)
			} else {
				n.count(it.Depth)
			}
			style := l.StyleFor(it.Depth, len(it.Items) > 0)
			row := tableRow{style: style, cells: make([]value, len(cols)), heading: it.Depth == 0 || len(it.Items) > 0, item: it}
			for j, c := range cols {
				row.cells[j] = cellValue(l, a, it, c.Field, code, style)
			}
			if l.NoteOverScores {
				noteOverScores(&row, cols, it.Note.Value)
			}
			t.rows = append(t.rows, row)
			walk(it.Items, code)
		}
	}
	walk(a.Items, "")
	t.fitRows()
	t.total, t.note = totalAndNote(a, l, cols, v)
	if l.Note != "" && a.Note.Value != "" && t.note != a.Note.Value {
		t.warnings = append(t.warnings, Warning{Pos: a.Note.Pos,
			Msg: msg.New("export.note-differs", "Computed", t.note, "Note", a.Note.Value)})
	}
	return t, nil
}

// numberer numbers the rows that have no code, in the layout's style.
type numberer struct {
	layout  *layout.Layout
	running map[int]int // depth → rows so far at that depth
}

func (n *numberer) count(depth int) { n.running[depth]++ }

func (n *numberer) number(depth, index int, parent string) string {
	n.count(depth)
	switch n.layout.NumberingAt(depth) {
	case layout.Hierarchical:
		if parent == "" {
			return strconv.Itoa(index)
		}
		return parent + "." + strconv.Itoa(index)
	case layout.Letter:
		return letter(index)
	case layout.Roman:
		return roman(index)
	case layout.Running:
		return strconv.Itoa(n.running[depth])
	}
	return strconv.Itoa(index)
}

// noteOverScores moves the note of a row without scores into its score
// columns, merged (the first run of adjacent score columns).
func noteOverScores(row *tableRow, cols []layout.Column, note string) {
	if note == "" {
		return
	}
	first, last := -1, -1
	for i, c := range cols {
		if !layout.IsScore(c.Field) {
			if first >= 0 {
				break
			}
			continue
		}
		if row.cells[i].numCell != nil {
			return
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first < 0 {
		return
	}
	for i, c := range cols {
		if c.Field == layout.FieldNote {
			row.cells[i] = value{}
		}
	}
	row.cells[first] = text(note)
	if last > first {
		row.merges = append(row.merges, span{first, last})
	}
}

// cellValue is what an item shows in a column of the given field.
func cellValue(l *layout.Layout, a *plan.Appendix, it *plan.Item, field, code string, style layout.RowStyle) value {
	switch field {
	case layout.FieldCode:
		return text(code)
	case layout.FieldName:
		name := l.Prefix(it.Criterion.Value) + it.Name.Value
		if style.Upper {
			name = strings.ToUpper(name)
		}
		return text(name)
	case layout.FieldCriterion:
		return text(it.Criterion.Value)
	case layout.FieldMax, layout.FieldAchieved, layout.FieldTarget:
		k := map[string]plan.ScoreKey{layout.FieldMax: plan.Max, layout.FieldAchieved: plan.Achieved, layout.FieldTarget: plan.Target}[field]
		if it.Percent() {
			// A percentage is the item's own; children are never summed.
			if s := it.Scores.Get(k); s.Given {
				return value{numCell: &numCell{num: s.Value, percent: true, pos: s.Pos}}
			}
			return value{}
		}
		// A parent that states no score shows the sum of its children,
		// which is what the plan format says it is.
		if e := it.Sums.Effective[k]; e.OK {
			return value{numCell: &numCell{num: e.V, pos: scorePos(it.Scores.Get(k), it.Pos)}}
		}
		return value{}
	case layout.FieldTargetText:
		return text(it.TargetText.Value)
	case layout.FieldTasks:
		return text(joinList(it.Tasks, plan.ListStyleOf(a, it, field)))
	case layout.FieldProducts:
		return text(joinList(it.Products, plan.ListStyleOf(a, it, field)))
	case layout.FieldLead:
		return text(joinList(it.Lead, plan.ListStyleOf(a, it, field)))
	case layout.FieldSupport:
		return text(joinList(it.Support, plan.ListStyleOf(a, it, field)))
	case layout.FieldDeadline:
		return text(it.Deadline.Value)
	case layout.FieldNote:
		return text(it.Note.Value)
	case layout.FieldGroup:
		return text(it.Group.Value)
	}
	return value{}
}

// totals returns the appendix's total row: the stated total where the
// document prints one, else the sum of its top-level items.
func totals(a *plan.Appendix) [3]plan.Opt {
	var out [3]plan.Opt
	for _, k := range plan.ScoreKeys {
		out[k] = a.TopSum(k)
		if a.Total != nil && a.Total.Get(k).Given {
			out[k] = plan.Opt{V: a.Total.Get(k).Value, OK: true}
		}
	}
	return out
}

// totalAndNote lays out the grand-total row and the note under the table.
// The layout's computed note replaces the plan's (which keeps the text
// the document prints) when the total gives its figures.
func totalAndNote(a *plan.Appendix, l *layout.Layout, cols []layout.Column, v map[string]string) (*tableRow, string) {
	note := a.Note.Value
	if l.TotalLabel == "" {
		return nil, note
	}
	tot := totals(a)
	first := -1
	for i, c := range cols {
		if layout.IsScore(c.Field) {
			first = i
			break
		}
	}
	if first < 0 || (!tot[plan.Max].OK && !tot[plan.Achieved].OK && !tot[plan.Target].OK) {
		return nil, note
	}
	row := &tableRow{cells: make([]value, len(cols)), style: layout.RowStyle{Bold: true}}
	// The label fills the columns before the first score, merged; a
	// table that starts with a score has no room for it.
	if first > 0 {
		row.cells[0] = text(l.TotalLabel)
	}
	if first > 1 {
		row.merges = []span{{0, first - 1}}
	}
	for i, c := range cols {
		if !layout.IsScore(c.Field) {
			continue
		}
		k := map[string]plan.ScoreKey{layout.FieldMax: plan.Max, layout.FieldAchieved: plan.Achieved, layout.FieldTarget: plan.Target}[c.Field]
		if tot[k].OK {
			row.cells[i] = value{numCell: &numCell{num: tot[k].V, pos: a.Pos}}
			if a.Total != nil {
				row.cells[i].pos = scorePos(a.Total.Get(k), a.Total.Pos)
			}
		}
	}
	if l.Note != "" {
		if computed, ok := increaseNote(l.Note, tot, v); ok {
			note = computed
		}
	}
	return row, note
}

// increaseNote fills the layout's note from the total: "Mục tiêu năm 2021
// tăng 8,17 điểm (14,6%) so với năm 2020". Decimal commas, as the
// documents write numbers in prose; the percent of the achieved total,
// rounded half away from zero to one decimal.
func increaseNote(tmpl string, tot [3]plan.Opt, v map[string]string) (string, bool) {
	ach, tgt := tot[plan.Achieved], tot[plan.Target]
	if !ach.OK || !tgt.OK || ach.V.Sign() <= 0 {
		return "", false
	}
	inc := tgt.V.Sub(ach.V)
	pct, ok := decimal.Percent(inc.Abs(), ach.V, 1)
	if !ok {
		return "", false
	}
	w := map[string]string{"change": "tăng", "increase": inc.Abs().Comma(), "percent": pct.Comma()}
	if inc.Sign() < 0 {
		w["change"] = "giảm"
	}
	for k, s := range v {
		w[k] = s
	}
	return layout.Expand(tmpl, w), true
}

// scorePos is where a score was written, or fallback when it is a sum.
func scorePos(n plan.Number, fallback plan.Pos) plan.Pos {
	if n.Given {
		return n.Pos
	}
	return fallback
}
