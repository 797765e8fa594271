package xlsx

import (
	"cmp"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// parplan's own workbooks, the worklists and the progress report, are
// printed like the export's appendices (Times New Roman, A4 landscape,
// the header rows on every page), with the texts in the user's language.

// bookFontSize is the font size of the books' tables, in points: the
// size of the export's layouts.
const bookFontSize = 12

// bookLayout is what writeTable takes from a layout for a book's table.
var bookLayout = &layout.Layout{Orientation: layout.Landscape, FontSize: bookFontSize}

// AppendixLabels names each appendix of a plan by its id as a book
// prints it: its label ("Phụ lục 01"), else its id.
func AppendixLabels(p *plan.Plan) map[string]string {
	out := map[string]string{}
	for _, a := range p.Appendices {
		out[a.ID.Value] = cmp.Or(a.Label.Value, a.ID.Value)
	}
	return out
}

// newBook starts an empty workbook whose first sheet is named first.
func newBook(first string) (*Workbook, *styles, error) {
	f := excelize.NewFile()
	// The Normal style's font is what empty cells and column widths are
	// measured in.
	if err := f.SetDefaultFont(Font); err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	wb := &Workbook{f: f}
	if err := wb.addSheet(true, f.GetSheetName(0), first); err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return wb, newStyles(f), nil
}

// bookProps fixes a book's document properties: nothing in them depends
// on when the book was made, so the same input gives the same bytes.
func bookProps(f *excelize.File, p *msg.Printer, title, subject string, when deadline.Date) error {
	created := "2000-01-01T00:00:00Z"
	if !when.IsZero() {
		created = when.String() + "T00:00:00Z"
	}
	lang := "vi-VN"
	if p.Lang() == msg.EN {
		lang = "en"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Creator: "parplan", LastModifiedBy: "parplan",
		Language: lang, Created: created, Modified: created,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "parplan"})
}

// referenceLine is the "(Kèm theo Kế hoạch số … ngày … của …)" line in
// the printer's language, from the parts of the plan's document that are
// known; "" without a number and a date, as for the export (reference).
// The date is written as the documents write it: 18/7/2024.
func referenceLine(p *msg.Printer, document, number, date, issuer string) string {
	if number == "" && date == "" {
		return ""
	}
	day := dayMonthYear(date)
	if document == "" {
		document = p.T("books.document")
	}
	return p.T("books.reference", "Document", document, "Number", number, "Date", day, "Issuer", issuer)
}

// dateText writes a day as the user's language does: 31/12/2024 in
// Vietnamese; "" for no date.
func dateText(p *msg.Printer, d deadline.Date) string {
	if d.IsZero() {
		return ""
	}
	return p.T("render.date", "Day", fmt.Sprintf("%02d", d.Day), "Month", fmt.Sprintf("%02d", int(d.Month)),
		"Year", fmt.Sprintf("%04d", d.Year))
}

// excelEpoch is day 0 of a spreadsheet's dates (1900 date system, past
// the 1900 leap-year bug).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDay is the number a spreadsheet stores for a day.
func serialDay(d deadline.Date) int64 {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return int64(t.Sub(excelEpoch).Hours() / 24)
}

// dateValue is a date cell: the day's serial number shown in the user's
// date format, so that a spreadsheet sorts and filters it as a date.
func dateValue(p *msg.Printer, d deadline.Date) value {
	if d.IsZero() {
		return value{}
	}
	return value{numCell: &numCell{num: decimal.FromInt(serialDay(d)), format: p.T("books.date-format")}}
}

// dateCell is dateValue for the report sheet's tables.
func dateCell(p *msg.Printer, d deadline.Date) cell {
	if d.IsZero() {
		return cell{}
	}
	return cell{num: plan.Opt{V: decimal.FromInt(serialDay(d)), OK: true}, format: p.T("books.date-format")}
}

// optValue is a number cell of an optional score, exact as written.
func optValue(o plan.Opt, percent bool) value {
	if !o.OK {
		return value{}
	}
	return value{numCell: &numCell{num: o.V, percent: percent}}
}

// statusName names a status (plan.Status* or progress.NoReport) as a
// cell does: "Đã hoàn thành".
func statusName(p *msg.Printer, status string) string {
	return capitalize(p.T("render.status." + status))
}

// statusNames are the statuses a report may give, in order: the choices
// of the worklist's status column.
func statusNames(p *msg.Printer) []string {
	out := make([]string, len(plan.Statuses))
	for i, s := range plan.Statuses {
		out[i] = statusName(p, s)
	}
	return out
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// agencyName is an agency as a cell names it: the items without a lead
// agency are grouped under a name of the user's language.
func agencyName(p *msg.Printer, name string) string {
	if name == gap.NoLead {
		return p.T("render.no-lead")
	}
	return name
}

// bullets writes a list as the lines of one cell, each "- entry".
func bullets(vals []string) string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, "- "+v)
		}
	}
	return strings.Join(out, "\n")
}

// parens writes the column-number row: (1), (2), ….
func parens(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("(%d)", i+1)
	}
	return out
}

// dateOf reads an ISO date (YYYY-MM-DD); the zero date when s is not one.
func dateOf(s string) deadline.Date {
	d, _ := deadline.ParseDate(s)
	return d
}
