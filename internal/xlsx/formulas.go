package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

// Parents and totals are formulas: a parent's score cell is the SUM of
// its children's cells, the total row's the SUM of the top-level items',
// so that a person who corrects a criterion in Excel sees its field and
// the total follow. Each formula cell also stores its value (the <v> of
// the cell), the plan's exact figure, for viewers that do not
// recalculate and for parplan import.
//
// A stated figure that differs from the sum of its parts (an
// acknowledged discrepancy of the source document) is kept as the
// document prints it, a value, with a comment that says why.

// scoreKey is the score a column of the field shows.
func scoreKey(field string) (plan.ScoreKey, bool) {
	switch field {
	case layout.FieldMax:
		return plan.Max, true
	case layout.FieldAchieved:
		return plan.Achieved, true
	case layout.FieldTarget:
		return plan.Target, true
	}
	return 0, false
}

// markSums marks, in a laid-out appendix, the score cells of parents and
// of the total row with the rows they add up, or with the comment of a
// stated figure that is not their sum. ds are the plan's discrepancies
// (validate.Discrepancies), for their acknowledged reasons.
func markSums(t *table, ds []validate.Discrepancy, p *msg.Printer) {
	rowOf := make(map[*plan.Item]int, len(t.rows))
	for i, r := range t.rows {
		if r.item != nil {
			rowOf[r.item] = i
		}
	}
	reason := func(it *plan.Item, k plan.ScoreKey) string {
		for _, d := range ds {
			if d.Appendix == t.appendix && d.Item == it && d.Key == k && d.Acknowledged {
				return d.Reason
			}
		}
		return ""
	}
	// mark sets c to add up the cells of items in column j, or, when
	// the stated figure differs from their sum, to say so.
	mark := func(c *value, j int, k plan.ScoreKey, items []*plan.Item, stated plan.Number, parent *plan.Item) {
		if c.numCell == nil {
			return
		}
		var rows []int
		var sum decimal.Dec
		for _, it := range items {
			e := it.Sums.Effective[k]
			i, ok := rowOf[it]
			if it.Percent() || !e.OK || !ok || t.rows[i].cells[j].numCell == nil {
				continue
			}
			rows = append(rows, i)
			sum = sum.Add(e.V)
		}
		switch {
		case len(rows) == 0:
		case stated.Given && !stated.Value.Equal(sum):
			c.comment = p.T("export.comment.stated", "Stated", stated.Value, "Sum", sum, "Reason", reason(parent, k))
		default:
			c.sum = rows
		}
	}
	for i := range t.rows {
		r := &t.rows[i]
		if r.item == nil || len(r.item.Items) == 0 || r.item.Percent() {
			continue
		}
		for j, col := range t.cols {
			if k, ok := scoreKey(col.Field); ok {
				mark(&r.cells[j], j, k, r.item.Items, r.item.Scores.Get(k), r.item)
			}
		}
	}
	if t.total != nil {
		for j, col := range t.cols {
			if k, ok := scoreKey(col.Field); ok {
				var stated plan.Number
				if t.appendix.Total != nil {
					stated = t.appendix.Total.Get(k)
				}
				mark(&t.total.cells[j], j, k, t.appendix.Items, stated, nil)
			}
		}
	}
}

// sumFormulas writes out the sums markSums set, now that the rows have
// their places on the sheet: SUM(D9:D11,D14). A sum over a cell that
// holds text (a number with more digits than a spreadsheet keeps) stays
// a value: the formula would not give the figure.
func sumFormulas(t *table, pos sheetLayout) {
	if !t.formulas {
		return
	}
	exact := func(v value) bool {
		if v.numCell == nil {
			return false
		}
		_, ok := cellNumber(v.num)
		return ok
	}
	do := func(r *tableRow) {
		for j := range r.cells {
			c := &r.cells[j]
			if c.numCell == nil || len(c.sum) == 0 || !exact(*c) {
				continue
			}
			ok := true
			for _, i := range c.sum {
				ok = ok && exact(t.rows[i].cells[j])
			}
			if ok {
				c.formula = sumOf(colName(j+1), pos.dataFirst, c.sum)
			}
		}
	}
	for i := range t.rows {
		do(&t.rows[i])
	}
	if t.total != nil {
		do(t.total)
	}
}

// sumOf is the SUM of the cells of column col in the given rows (indices
// from the first data row at sheet row first), runs of adjacent rows as
// ranges.
func sumOf(col string, first int, rows []int) string {
	var b strings.Builder
	b.WriteString("SUM(")
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(col + strconv.Itoa(first+rows[i]))
		if j > i {
			b.WriteString(":" + col + strconv.Itoa(first+rows[j]))
		}
		i = j + 1
	}
	b.WriteByte(')')
	return b.String()
}

// addComments adds the comments markSums set to the sheet; excelize
// keeps them apart from the rows, so a streamed sheet can take them
// before it is flushed.
func addComments(f *excelize.File, sheet string, t *table, pos sheetLayout) error {
	add := func(row int, r tableRow) error {
		for j, c := range r.cells {
			if c.numCell == nil || c.comment == "" {
				continue
			}
			if err := f.AddComment(sheet, excelize.Comment{
				Author: "parplan", Cell: cellRef(j+1, row), Width: 360, Height: 140,
				Paragraph: []excelize.RichTextRun{{Text: c.comment, Font: &excelize.Font{Family: Font, Size: 11, Color: "000000"}}},
			}); err != nil {
				return err
			}
		}
		return nil
	}
	for i, r := range t.rows {
		if err := add(pos.dataFirst+i, r); err != nil {
			return err
		}
	}
	if t.total != nil {
		return add(pos.total, *t.total)
	}
	return nil
}
