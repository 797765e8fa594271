package xlsx

import (
	"strings"

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

// maxCell is the most characters an Excel cell holds.
const maxCell = 32767

// writeStored writes the plan into the stored sheet: one line of its
// canonical YAML per row, a line longer than a cell continued in the
// next columns.
func writeStored(f *excelize.File, p *plan.Plan) error {
	if _, err := f.NewSheet(StoredSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(StoredSheet)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(string(plan.Encode(p, "", plan.Comments{})), "\n"), "\n")
	row := 1
	if err := sw.SetRow("A1", []any{StoredHeader}); err != nil {
		return err
	}
	for _, l := range lines {
		row++
		var cells []any
		r := []rune(l)
		for len(r) > maxCell {
			cells = append(cells, excelize.Cell{Value: string(r[:maxCell])})
			r = r[maxCell:]
		}
		cells = append(cells, excelize.Cell{Value: string(r)})
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SetSheetVisible(StoredSheet, false, true)
}
