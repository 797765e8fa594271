package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/gap"
)

// gapCSV writes RFC 4180 CSV (UTF-8, CRLF line ends), one row per item,
// per lead agency, or (recoverable) per ranked criterion, field and total. Text cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) get a leading
// apostrophe; number cells are written as numbers.
type gapCSV struct {
	opts GapOptions
}

func (p gapCSV) Print(w io.Writer, r *gap.Report) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if p.opts.ByLead {
		_ = cw.Write([]string{"appendix", "agency", "items", "shared", "lost", "gain", "left", "codes"})
		for _, a := range r.Appendices {
			for _, l := range a.ByLead {
				_ = cw.Write([]string{text(a.ID), text(l.Agency), fmt.Sprint(l.Items), fmt.Sprint(l.Shared),
					num(l.Lost), num(l.Gain), num(l.Left), text(strings.Join(l.Codes, " "))})
			}
		}
	} else if p.opts.Recoverable {
		_ = cw.Write(recoverableCSVHeader)
		for _, a := range r.Appendices {
			if a.Recoverable != nil {
				recoverableCSV(func(rec []string) { _ = cw.Write(rec) }, a)
			}
		}
	} else {
		_ = cw.Write([]string{"appendix", "code", "ref", "name", "depth", "unit", "survey", "max", "achieved", "target", "lost", "gain", "left", "recovery_percent", "lead"})
		for _, a := range r.Appendices {
			rows := append(append(append([]gap.Row{}, a.Rows...), a.Percent...), a.NoScore...)
			for _, row := range rows {
				unit := row.Unit
				if unit == "" {
					unit = "points"
				}
				_ = cw.Write([]string{text(a.ID), text(row.Code), text(row.Ref), text(row.Name), fmt.Sprint(row.Depth), unit, fmt.Sprint(row.Survey),
					num(row.Max), num(row.Achieved), num(row.Target), num(row.Lost), num(row.Gain), num(row.Left),
					num(row.Recovery), text(strings.Join(row.Lead, "; "))})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// text neutralises a cell a spreadsheet would otherwise run as a formula
// (OWASP "CSV injection").
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
