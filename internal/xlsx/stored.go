package xlsx

import (
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
)

// StoredSheet is the very hidden sheet that holds the plan a workbook was
// exported from, line by line, for parplan import: what the printed
// tables cannot show (acknowledgements, results, survey flags, a column
// the layout hides) comes back from it, while everything the tables show
// is read from the tables, so edits made in Excel win.
const StoredSheet = "parplan"

// StoredHeader is the first cell of the stored sheet.
const StoredHeader = "parplan plan file (read by parplan import; do not edit)"

// storedPiece is how many characters of the plan a cell of the stored
// sheet holds: under the 32,767 an Excel cell can.
const storedPiece = 30000

// addStored adds the stored sheet, very hidden, while the workbook's
// sheets are still empty: excelize reads every sheet back to hide one.
// It stands second among the sheets, out of sight.
func addStored(f *excelize.File) error {
	if _, err := f.NewSheet(StoredSheet); err != nil {
		return err
	}
	return f.SetSheetVisible(StoredSheet, false, true)
}

// writeStored writes the plan into the stored sheet: its canonical YAML
// in pieces of at most a cell's length, one piece per row under the
// header, to be joined back in order. The lists and texts a table prints
// are left out of it (import reads them from the table): the stored plan
// holds the rest, and each item's code, name and scores, by which import
// pairs the rows with it.
func writeStored(f *excelize.File, st *styles, p *plan.Plan, tables []*table) error {
	sw, err := st.rows.newRowStream(f, StoredSheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow(1, []excelize.Cell{{Value: StoredHeader}}, 0); err != nil {
		return err
	}
	restore := leaveOutPrinted(tables)
	// Bytes, not a string: converting would copy the whole plan; each
	// piece is copied as it is written.
	text := plan.Encode(p, "", plan.Comments{})
	restore()
	for row := 2; len(text) > 0; row++ {
		// The first storedPiece characters (not bytes: a piece never
		// splits a character).
		n, chars := 0, 0
		for n < len(text) && chars < storedPiece {
			_, size := utf8.DecodeRune(text[n:])
			n += size
			chars++
		}
		if err := sw.SetRow(row, []excelize.Cell{{Value: string(text[:n])}}, 0); err != nil {
			return err
		}
		text = text[n:]
	}
	return sw.Flush()
}

// leaveOutPrinted empties, in the items of the tables' appendices, the
// lists and texts the tables print, and returns the function that puts
// them back.
func leaveOutPrinted(tables []*table) (restore func()) {
	type saved struct {
		it                             *plan.Item
		tasks, products, lead, support []plan.Text
		deadline, note, targetText     plan.Text
	}
	var undo []saved
	for _, t := range tables {
		shown := map[string]bool{}
		for _, c := range t.cols {
			shown[c.Field] = true
		}
		t.appendix.Walk(func(it *plan.Item) {
			// Only the items that lose something are saved: in a plan
			// of one-line items, none is.
			if !(shown[layout.FieldTasks] && it.Tasks != nil || shown[layout.FieldProducts] && it.Products != nil ||
				shown[layout.FieldLead] && it.Lead != nil || shown[layout.FieldSupport] && it.Support != nil ||
				shown[layout.FieldDeadline] && it.Deadline != (plan.Text{}) || shown[layout.FieldTargetText] && it.TargetText != (plan.Text{})) {
				return
			}
			s := saved{it: it, tasks: it.Tasks, products: it.Products, lead: it.Lead, support: it.Support,
				deadline: it.Deadline, note: it.Note, targetText: it.TargetText}
			undo = append(undo, s)
			if shown[layout.FieldTasks] {
				it.Tasks = nil
			}
			if shown[layout.FieldProducts] {
				it.Products = nil
			}
			if shown[layout.FieldLead] {
				it.Lead = nil
			}
			if shown[layout.FieldSupport] {
				it.Support = nil
			}
			if shown[layout.FieldDeadline] {
				it.Deadline = plan.Text{}
			}
			if shown[layout.FieldTargetText] {
				it.TargetText = plan.Text{}
			}
		})
	}
	return func() {
		for _, s := range undo {
			s.it.Tasks, s.it.Products, s.it.Lead, s.it.Support = s.tasks, s.products, s.lead, s.support
			s.it.Deadline, s.it.Note, s.it.TargetText = s.deadline, s.note, s.targetText
		}
	}
}
