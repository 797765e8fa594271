package xlsx

import (
	"github.com/xuri/excelize/v2"

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
// header, to be joined back in order.
func writeStored(f *excelize.File, p *plan.Plan) error {
	sw, err := f.NewStreamWriter(StoredSheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{StoredHeader}); err != nil {
		return err
	}
	text := []rune(string(plan.Encode(p, "", plan.Comments{})))
	for row := 2; len(text) > 0; row++ {
		n := min(len(text), storedPiece)
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, []any{string(text[:n])}); err != nil {
			return err
		}
		text = text[n:]
	}
	return sw.Flush()
}
