// Package xlsx writes a plan's appendices (Phụ lục) as an Excel workbook
// laid out like the signed original: one sheet per appendix in the layout
// of its source document (package layout), set up to print on A4, plus a
// summary sheet with the gap figures and a chart.
//
// It also writes parplan's own workbooks, printed the same way: an
// agency's worklist (BuildWorklist), to be filled in and sent back, and
// the progress report (BuildProgress).
//
// The package knows nothing of files: Build lays the workbook out and
// WriteTo writes it to any io.Writer. The same plan always gives the same
// bytes.
package xlsx

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

// Options selects what the workbook holds.
type Options struct {
	// Appendix is the id of the one appendix to export; "" exports all.
	Appendix string
	// NoFormulas writes every figure as a value: no SUM formulas for
	// parents, totals and the summary.
	NoFormulas bool
	// P writes the texts parplan adds (the summary, comments) in its
	// language; nil is Vietnamese, the language of the documents.
	P *msg.Printer
}

// SummarySheet is the name of the summary sheet.
const SummarySheet = "Tổng hợp"

// Workbook is a laid-out workbook, ready to be written. Close it when done:
// large sheets may use temporary files.
type Workbook struct {
	f *excelize.File
	// Sheets are the names of the visible sheets, in order: for an
	// export, one per appendix, then the summary.
	Sheets []string
	// Warnings are things the reader of the workbook should know: a
	// computed note that differs from the plan's, a number with more
	// digits than a spreadsheet keeps.
	Warnings []Warning
}

// Warning is something the reader of the workbook should know, at a
// place in the plan file.
type Warning struct {
	Pos plan.Pos
	Msg msg.Message
}

// AppendixIDs lists the ids of the plan's appendices, in file order.
func AppendixIDs(p *plan.Plan) []string {
	ids := make([]string, len(p.Appendices))
	for i, a := range p.Appendices {
		ids[i] = a.ID.Value
	}
	return ids
}

// Build lays out the plan's appendices and summary. Problems of the plan
// that stop the export (a column override its layout does not have) are
// returned as diagnostics with a nil workbook; err is the tool failing or
// an unknown appendix id.
func Build(p *plan.Plan, opts Options) (*Workbook, []diag.Diagnostic, error) {
	// Each export measures its own texts: what an earlier one remembered
	// is let go, and what this one remembers is let go when it is laid
	// out (not kept while it is written, nor after).
	resetWrapMemo()
	defer resetWrapMemo()
	var apps []*plan.Appendix
	for _, a := range p.Appendices {
		if opts.Appendix == "" || a.ID.Value == opts.Appendix {
			apps = append(apps, a)
		}
	}
	if opts.Appendix != "" && len(apps) == 0 {
		return nil, nil, fmt.Errorf("no appendix %q in the plan (appendices: %s)", opts.Appendix, strings.Join(AppendixIDs(p), ", "))
	}
	if opts.P == nil {
		opts.P = msg.For(msg.VI)
	}
	var tables []*table
	var ds []diag.Diagnostic
	for _, a := range apps {
		t, d := buildTable(p, a)
		ds = append(ds, d...)
		tables = append(tables, t)
	}
	if len(ds) > 0 {
		diag.Sort(ds)
		return nil, ds, nil
	}
	discrepancies := validate.Discrepancies(p)
	for _, t := range tables {
		t.formulas = !opts.NoFormulas
		markSums(t, discrepancies, opts.P)
	}

	f := excelize.NewFile()
	wb := &Workbook{f: f}
	if err := wb.fill(p, tables, opts); err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return wb, nil, nil
}

func (wb *Workbook) fill(p *plan.Plan, tables []*table, opts Options) error {
	f := wb.f
	// The Normal style's font is what empty cells and column widths are
	// measured in.
	if err := f.SetDefaultFont(Font); err != nil {
		return err
	}
	if err := addStored(f); err != nil {
		return fmt.Errorf("stored plan: %w", err)
	}
	st := newStyles(f)
	taken := map[string]bool{strings.ToLower(SummarySheet): true, strings.ToLower(StoredSheet): true}
	first := f.GetSheetName(0)
	for i, t := range tables {
		name := sheetName(t.label, t.appendix.ID.Value, taken)
		if err := wb.addSheet(i == 0, first, name); err != nil {
			return err
		}
		warnings, err := writeTable(f, st, name, t)
		if err != nil {
			return fmt.Errorf("appendix %q: %w", t.appendix.ID.Value, err)
		}
		wb.Warnings = append(wb.Warnings, t.warnings...)
		wb.Warnings = append(wb.Warnings, warnings...)
	}
	if err := wb.addSheet(len(tables) == 0, first, SummarySheet); err != nil {
		return err
	}
	if err := writeSummary(f, st, SummarySheet, p, tables, opts); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	// The tables' rows are on their sheets and in the summary: let them
	// go before the stored plan, the last and largest part to build.
	for _, t := range tables {
		t.rows, t.total = nil, nil
	}
	if err := writeStored(f, st, p, tables); err != nil {
		return fmt.Errorf("stored plan: %w", err)
	}
	// The first sheet, renamed from excelize's Sheet1, is the active one.
	// (SetActiveSheet would read every sheet back, streamed ones too.)
	//
	// Adding a chart registers the image content types from a map, in an
	// order that changes from run to run; sort them.
	if ct := f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	return docProps(f, p, tables)
}

// addSheet names the workbook's first sheet, or adds one.
func (wb *Workbook) addSheet(rename bool, first, name string) error {
	wb.Sheets = append(wb.Sheets, name)
	if rename {
		return wb.f.SetSheetName(first, name)
	}
	_, err := wb.f.NewSheet(name)
	return err
}

// docProps fixes the document properties: nothing in them depends on
// when or where the export ran, so two exports are byte-identical.
func docProps(f *excelize.File, p *plan.Plan, tables []*table) error {
	when := "2000-01-01T00:00:00Z"
	if d := p.Meta.Date.Value; d != "" && dayMonthYear(d) != "" {
		when = d + "T00:00:00Z"
	}
	var labels []string
	for _, t := range tables {
		if l := cmp.Or(t.label, t.appendix.ID.Value); !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          p.Meta.Title.Value,
		Subject:        strings.Join(labels, "; "),
		Description:    strings.Trim(reference(p.Meta), "()"),
		Identifier:     p.Meta.ID.Value,
		Creator:        "parplan",
		LastModifiedBy: "parplan",
		Language:       "vi-VN",
		Created:        when,
		Modified:       when,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "parplan"})
}

// WriteTo writes the workbook as .xlsx to w.
func (wb *Workbook) WriteTo(w io.Writer) (int64, error) {
	return wb.f.WriteTo(w)
}

// Close releases the workbook's temporary files.
func (wb *Workbook) Close() error { return wb.f.Close() }
