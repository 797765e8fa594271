package render

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/parplan/parplan/internal/review"
)

// reviewCSV writes RFC 4180 CSV (UTF-8, CRLF line ends), one row per
// criterion of every comparison, the same in every language; text cells a
// spreadsheet would run as a formula get a leading apostrophe.
type reviewCSV struct{}

func (reviewCSV) Print(w io.Writer, r *review.Report) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write([]string{"target_year", "result_year", "previous", "current", "appendix", "code", "current_code", "name", "field",
		"depth", "unit", "survey", "max", "target", "result", "difference", "status"})
	for _, c := range r.Comparisons {
		for _, a := range c.Appendices {
			for _, row := range append(append([]review.Row{}, a.Rows...), a.Percent...) {
				unit := "points"
				if row.Percent {
					unit = "percent"
				}
				_ = cw.Write([]string{fmt.Sprint(c.TargetYear), fmt.Sprint(c.ResultYear), text(planName(c.Previous)), text(planName(c.Current)),
					text(a.ID), text(row.Code), text(row.CurrentCode), text(row.Name), text(row.Field), fmt.Sprint(row.Depth), unit,
					fmt.Sprint(row.Survey), num(row.Max), num(row.Target), num(row.Result), num(row.Diff), row.Status.String()})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
