package xlsx

import (
	"slices"
	"strconv"
	"strings"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/progress"
)

// ProgressOptions says how a progress workbook is written.
type ProgressOptions struct {
	// P writes the texts; nil writes Vietnamese.
	P *msg.Printer
	// Appendices names the plan's appendices by id (AppendixLabels): a
	// plan with several has its fields and items grouped under their
	// appendix's name, and an overdue item's code followed by it. Nil
	// names them by id.
	Appendices map[string]string
}

// reportWidths are the report sheet's grid columns (Excel character
// units): a code, a name, then nine counts. They add up to less than a
// landscape A4 page between the margins, so the report prints unscaled.
var reportWidths = []float64{7, 34, 9, 9, 9, 9, 9, 9, 9, 9, 9}

// BuildProgress lays out where a plan stands on a day, ready to print
// on A4 landscape: a report sheet with the title and the day, the
// figures in words, the counts by lead agency and by field (with their
// total), the overdue items and the points at risk; and a sheet of
// every item's status, its latest report and its dates, whose header
// rows print on every page.
func BuildProgress(s *progress.Status, opts ProgressOptions) (*Workbook, error) {
	p := opts.P
	if p == nil {
		p = msg.For(msg.VI)
	}
	wb, st, err := newBook(sheetName(p.T("books.progress.sheet"), "report", map[string]bool{}))
	if err != nil {
		return nil, err
	}
	r := &progressReport{s: s, p: p, labels: opts.Appendices}
	for _, it := range s.Items {
		if !slices.Contains(r.appendices, it.Appendix) {
			r.appendices = append(r.appendices, it.Appendix)
		}
	}
	sm, err := newSummary(wb.f, st, wb.Sheets[0], reportWidths)
	if err == nil {
		err = r.write(sm)
	}
	if err == nil {
		taken := map[string]bool{strings.ToLower(wb.Sheets[0]): true}
		name := sheetName(p.T("books.progress.items-sheet"), "items", taken)
		if err = wb.addSheet(false, "", name); err == nil {
			var warnings []Warning
			warnings, err = writeTable(wb.f, st, name, r.itemsTable())
			wb.Warnings = warnings
		}
	}
	if err == nil {
		err = bookProps(wb.f, p, r.title(), s.Title, s.AsOf)
	}
	if err != nil {
		_ = wb.Close()
		return nil, err
	}
	return wb, nil
}

type progressReport struct {
	s      *progress.Status
	p      *msg.Printer
	labels map[string]string
	// appendices are the ids of the appendices the items are in, in
	// plan order.
	appendices []string
}

func (r *progressReport) title() string {
	return strings.ToUpper(r.p.T("books.progress.title", "Plan", r.s.Title))
}

// appendixName is what a group row calls an appendix.
func (r *progressReport) appendixName(id string) string {
	if l := r.labels[id]; l != "" {
		return l
	}
	return id
}

// ref is an item's code, followed by its appendix's name when the plan
// has several appendices, where codes may repeat.
func (r *progressReport) ref(it *progress.Item) string {
	if len(r.appendices) > 1 {
		return it.Ref + "\n(" + r.appendixName(it.Appendix) + ")"
	}
	return it.Ref
}

// write writes the report sheet.
func (r *progressReport) write(sm *summary) error {
	p, s := r.p, r.s
	title := cellStyle{size: titleSize, bold: true, align: "center", valign: "center", wrap: true}
	asOf := cellStyle{size: titleSize, italic: true, align: "center", valign: "center", wrap: true}
	prose := cellStyle{size: noteSize, align: "left", valign: "center", wrap: true}
	if err := sm.line(r.title(), title); err != nil {
		return err
	}
	if err := sm.line(p.T("books.progress.as-of", "Date", dateText(p, s.AsOf)), asOf); err != nil {
		return err
	}
	if err := sm.blank(); err != nil {
		return err
	}
	total := r.total()
	lines := []string{
		p.T("books.progress.reports", "Count", s.Reports, "Date", dateText(p, s.AsOf)),
		p.T("books.progress.overview", "Items", total.Items, "Done", total.Done, "InProgress", total.InProgress,
			"NotStarted", total.NotStarted, "Dropped", total.Dropped, "NoReport", total.NoReport),
		p.T("books.progress.timing", "Overdue", total.Overdue, "Days", s.Soon, "Soon", total.Soon),
	}
	if s.PointsAtRisk.OK {
		lines = append(lines, p.T("books.progress.at-risk", "Points", s.PointsAtRisk.V))
	}
	for _, l := range lines {
		if err := sm.line(l, prose); err != nil {
			return err
		}
	}

	// I. By lead agency.
	if err := sm.blank(); err != nil {
		return err
	}
	var rows []spanRow
	for i, c := range s.ByAgency {
		rows = append(rows, spanRow{cells: append([]cell{txt(strconv.Itoa(i + 1)), txt(agencyName(p, c.Agency))}, r.counts(c)...)})
	}
	cols := r.countCols(p.T("books.col.stt"), p.T("books.col.lead"))
	if err := sm.spanTable(p.T("books.progress.by-agency"), cols, rows); err != nil {
		return err
	}
	if err := sm.line(p.T("books.progress.by-agency-note"), cellStyle{size: 11, italic: true, align: "left", valign: "center", wrap: true}); err != nil {
		return err
	}

	// II. By field, grouped by appendix when there are several.
	if err := sm.blank(); err != nil {
		return err
	}
	rows = nil
	group := ""
	for _, c := range s.ByField {
		if len(r.appendices) > 1 && c.Appendix != group {
			group = c.Appendix
			rows = append(rows, spanRow{cells: []cell{txt(r.appendixName(group))}, group: true})
		}
		rows = append(rows, spanRow{cells: append([]cell{txt(c.Field), txt(c.Name)}, r.counts(c)...)})
	}
	rows = append(rows, spanRow{cells: append([]cell{txt(""), txt(p.T("books.progress.total"))}, r.counts(total)...), bold: true})
	cols = r.countCols(p.T("books.col.ref"), p.T("books.progress.col.field"))
	if err := sm.spanTable(p.T("books.progress.by-field"), cols, rows); err != nil {
		return err
	}

	// III. Overdue items, the longest overdue first.
	if err := sm.blank(); err != nil {
		return err
	}
	over := s.Overdue()
	if len(over) == 0 {
		if err := sm.line(p.T("books.progress.overdue"), headingStyle); err != nil {
			return err
		}
		if err := sm.line(p.T("books.progress.none-overdue"), prose); err != nil {
			return err
		}
	} else {
		rows = nil
		for _, it := range over {
			rows = append(rows, spanRow{cells: []cell{txt(r.ref(it)), txt(it.Name), txt(r.leads(it.Lead)),
				txt(it.Deadline), dateCell(p, it.Missed), txt(statusName(p, it.Status)), num(it.Gain)}})
		}
		cols := []spanCol{
			{p.T("books.col.ref"), 1, "center"},
			{p.T("books.col.name"), 1, "left"},
			{p.T("books.col.lead"), 2, "left"},
			{p.T("books.col.deadline"), 2, "center"},
			{p.T("books.progress.col.missed"), 2, "center"},
			{p.T("books.col.status"), 2, "center"},
			{p.T("books.progress.col.gain"), 1, "center"},
		}
		if err := sm.spanTable(p.T("books.progress.overdue"), cols, rows); err != nil {
			return err
		}
	}
	if err := pageSetup(sm.f, sm.sheet, layout.Landscape, layout.PageNumbersTop, 0, 0); err != nil {
		return err
	}
	return sm.close()
}

// countCols are the columns of a table of counts after its two first.
func (r *progressReport) countCols(code, name string) []spanCol {
	cols := []spanCol{{code, 1, "center"}, {name, 1, "left"}}
	for _, id := range []string{"items", "done", "in-progress", "not-started", "dropped", "no-report", "overdue", "due-soon", "at-risk"} {
		cols = append(cols, spanCol{r.p.T("books.progress.col." + id), 1, "center"})
	}
	return cols
}

func (r *progressReport) counts(c *progress.Count) []cell {
	return []cell{count(c.Items), count(c.Done), count(c.InProgress), count(c.NotStarted), count(c.Dropped),
		count(c.NoReport), count(c.Overdue), count(c.Soon), num(c.PointsAtRisk)}
}

// total adds up the counts by field: each item is under one field. Its
// points at risk are the plan's (a criterion counts once).
func (r *progressReport) total() *progress.Count {
	t := &progress.Count{}
	for _, c := range r.s.ByField {
		t.Items += c.Items
		t.Done += c.Done
		t.InProgress += c.InProgress
		t.NotStarted += c.NotStarted
		t.Dropped += c.Dropped
		t.NoReport += c.NoReport
		t.Overdue += c.Overdue
		t.Soon += c.Soon
	}
	t.PointsAtRisk = r.s.PointsAtRisk
	return t
}

// leads names the lead agencies: one as it is, several as "- name"
// lines.
func (r *progressReport) leads(names []string) string {
	if len(names) == 1 {
		return agencyName(r.p, names[0])
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = agencyName(r.p, n)
	}
	return bullets(out)
}

// The keys of the item sheet's columns.
const (
	piSTT      = "stt"
	piRef      = "ref"
	piName     = "name"
	piLead     = "lead"
	piDeadline = "deadline"
	piStatus   = "status"
	piMissed   = "missed"
	piNext     = "next"
	piReported = "reported"
	piDoneOn   = "done-on"
	piEvidence = "evidence"
	piNote     = "note"
	piGain     = "gain"
)

// itemsTable lays out every item's status, under its appendix's name
// when the plan has several.
func (r *progressReport) itemsTable() *table {
	p, s := r.p, r.s
	col := func(key, label string, width float64, align string) layout.Column {
		return layout.Column{Key: key, Label: label, Width: width, Align: align}
	}
	cols := []layout.Column{
		col(piSTT, p.T("books.col.stt"), 5, layout.AlignCenter),
		col(piRef, p.T("books.col.ref"), 8, layout.AlignCenter),
		col(piName, p.T("books.col.name"), 30, layout.AlignLeft),
		col(piLead, p.T("books.col.lead"), 18, layout.AlignLeft),
		col(piDeadline, p.T("books.col.deadline"), 13, layout.AlignCenter),
		col(piStatus, p.T("books.col.status"), 12, layout.AlignCenter),
		col(piMissed, p.T("books.progress.col.missed"), 11.5, layout.AlignCenter),
		col(piNext, p.T("books.progress.col.next"), 11.5, layout.AlignCenter),
		col(piReported, p.T("books.progress.col.reported"), 16, layout.AlignLeft),
		col(piDoneOn, p.T("books.progress.col.done-on"), 11.5, layout.AlignCenter),
		col(piEvidence, p.T("books.col.evidence"), 16, layout.AlignLeft),
		col(piNote, p.T("books.col.note"), 14, layout.AlignLeft),
		col(piGain, p.T("books.progress.col.gain"), 9, layout.AlignCenter),
	}
	t := &table{layout: bookLayout, cols: cols, numbers: parens(len(cols)),
		title: p.T("books.progress.items-title"),
		ref:   p.T("books.progress.as-of", "Date", dateText(p, s.AsOf))}
	group, n := "", 0
	for _, it := range s.Items {
		if len(r.appendices) > 1 && it.Appendix != group {
			group, n = it.Appendix, 0
			row := tableRow{cells: make([]value, len(cols)), style: layout.RowStyle{Bold: true}, merges: []span{{0, len(cols) - 1}}, heading: true}
			row.cells[0] = text(r.appendixName(group))
			t.rows = append(t.rows, row)
		}
		n++
		reported := it.ReportedBy
		if !it.ReportedOn.IsZero() {
			reported = strings.TrimSpace(reported + "\n(" + dateText(p, it.ReportedOn) + ")")
		}
		t.rows = append(t.rows, tableRow{cells: []value{
			text(strconv.Itoa(n)), text(it.Ref), text(it.Name), text(r.leads(it.Lead)), text(it.Deadline),
			text(statusName(p, it.Status)), dateValue(p, it.Missed), dateValue(p, it.Next), text(reported),
			dateValue(p, it.DoneOn), text(it.Evidence), text(it.Note), optValue(it.Gain, false),
		}})
	}
	t.fitRows()
	return t
}
