package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/worklist"
)

// WorklistOptions says how a worklist workbook is written.
type WorklistOptions struct {
	// P writes the texts; nil writes Vietnamese.
	P *msg.Printer
	// Appendices names the plan's appendices by id (AppendixLabels): an
	// item's code is followed by its appendix's name when the agency's
	// items come from several appendices, where codes may repeat. Nil
	// prints the codes alone.
	Appendices map[string]string
}

// The keys of the worklist's columns.
const (
	wlSTT      = "stt"
	wlRef      = "ref"
	wlName     = "name"
	wlTasks    = "tasks"
	wlProducts = "products"
	wlWith     = "with"
	wlDeadline = "deadline"
	wlLost     = "lost"
	wlGain     = "gain"
	wlResult   = "result"
	wlStatus   = "status"
	wlEvidence = "evidence"
)

// BuildWorklist lays out one agency's share of the plan as an enclosure
// of the plan's document: its heading, the "(Kèm theo …)" line, then one
// table of the items it leads (section I) and those it supports (section
// II; the sections are numbered only when there are both), with three
// columns the agency fills in: the results, the status (a drop-down of
// the statuses a progress report takes) and the documents that show
// them. Those cells are unlocked; the sheet is not protected.
//
// The columns of tasks, products and points are left out when none of
// the agency's items has any. The sheet is printed on A4 landscape,
// fitted to the page width, with the header rows on every page.
func BuildWorklist(wl *worklist.Worklist, a *worklist.Agency, opts WorklistOptions) (*Workbook, error) {
	p := opts.P
	if p == nil {
		p = msg.For(msg.VI)
	}
	t := worklistTable(wl, a, p, opts.Appendices)
	wb, st, err := newBook(sheetName(p.T("books.worklist.sheet"), "worklist", map[string]bool{}))
	if err != nil {
		return nil, err
	}
	warnings, err := writeTable(wb.f, st, wb.Sheets[0], t)
	if err == nil {
		wb.Warnings = warnings
		err = bookProps(wb.f, p, strings.ToUpper(t.title), wl.Plan.Title, dateOf(wl.Plan.Date))
	}
	if err != nil {
		_ = wb.Close()
		return nil, err
	}
	return wb, nil
}

// worklistColumns are the worklist's columns: those of tasks, products
// and points only when some item has them.
func worklistColumns(p *msg.Printer, tasks, products, points bool) []layout.Column {
	col := func(key, id string, width float64, align string) layout.Column {
		return layout.Column{Key: key, Label: p.T(id), Width: width, Align: align}
	}
	cols := []layout.Column{
		col(wlSTT, "books.col.stt", 5, layout.AlignCenter),
		col(wlRef, "books.col.ref", 8, layout.AlignCenter),
		col(wlName, "books.col.name", 26, layout.AlignLeft),
	}
	if tasks {
		cols = append(cols, col(wlTasks, "books.worklist.col.tasks", 32, layout.AlignLeft))
	}
	if products {
		cols = append(cols, col(wlProducts, "books.worklist.col.products", 16, layout.AlignLeft))
	}
	cols = append(cols,
		col(wlWith, "books.worklist.col.with", 20, layout.AlignLeft),
		col(wlDeadline, "books.col.deadline", 18, layout.AlignCenter))
	if points {
		g := p.T("books.worklist.col.points")
		lost, gain := col(wlLost, "books.worklist.col.lost", 8, layout.AlignCenter), col(wlGain, "books.worklist.col.gain", 8.5, layout.AlignCenter)
		lost.Group, gain.Group = g, g
		cols = append(cols, lost, gain)
	}
	g := p.T("books.worklist.col.report")
	for _, c := range []layout.Column{
		col(wlResult, "books.worklist.col.result", 20, layout.AlignLeft),
		col(wlStatus, "books.col.status", 12, layout.AlignCenter),
		col(wlEvidence, "books.col.evidence", 16, layout.AlignLeft),
	} {
		c.Group = g
		cols = append(cols, c)
	}
	return cols
}

// worklistTable lays out an agency's worklist.
func worklistTable(wl *worklist.Worklist, a *worklist.Agency, p *msg.Printer, labels map[string]string) *table {
	var tasks, products, points bool
	var lead, support []*worklist.Item
	appendices := map[string]bool{}
	for _, it := range a.Items {
		tasks = tasks || len(it.Tasks) > 0
		products = products || len(it.Products) > 0
		points = points || it.Lost.OK || it.Gain.OK
		appendices[it.Appendix] = true
		if it.Role == worklist.Lead {
			lead = append(lead, it)
		} else {
			support = append(support, it)
		}
	}
	cols := worklistColumns(p, tasks, products, points)
	index := map[string]int{}
	for i, c := range cols {
		index[c.Key] = i
	}
	t := &table{
		layout: bookLayout, cols: cols, numbers: parens(len(cols)),
		title: worklistTitle(p, a.Name, len(lead) > 0, len(support) > 0),
		ref:   referenceLine(p, wl.Plan.Document, wl.Plan.Number, wl.Plan.Date, wl.Plan.Issuer),
	}
	if t.ref == "" {
		// Nothing to refer to by number: the plan is named by its title.
		t.subtitle = wl.Plan.Title
	}
	t.unlocked = make([]bool, len(cols))
	for _, k := range []string{wlResult, wlStatus, wlEvidence} {
		t.unlocked[index[k]] = true
	}
	sections := []struct {
		id    string
		items []*worklist.Item
	}{{"books.worklist.section-lead", lead}, {"books.worklist.section-support", support}}
	numbered := len(lead) > 0 && len(support) > 0
	for s, sec := range sections {
		if len(sec.items) == 0 {
			continue
		}
		if numbered {
			row := tableRow{cells: make([]value, len(cols)), style: layout.RowStyle{Bold: true},
				merges: []span{{1, len(cols) - 1}}, heading: true}
			row.cells[0] = text(roman(s + 1))
			row.cells[1] = text(strings.ToUpper(p.T(sec.id)))
			t.rows = append(t.rows, row)
		}
		for i, it := range sec.items {
			row := tableRow{cells: make([]value, len(cols))}
			set := func(key string, v value) {
				if i, ok := index[key]; ok {
					row.cells[i] = v
				}
			}
			ref := it.Ref
			if l := labels[it.Appendix]; l != "" && len(appendices) > 1 {
				ref += "\n(" + l + ")"
			}
			name := it.Name
			if it.Criterion != "" {
				name += "\n" + p.T("books.worklist.criterion", "Criterion", it.Criterion)
			}
			set(wlSTT, text(strconv.Itoa(i+1)))
			set(wlRef, text(ref))
			set(wlName, text(name))
			set(wlTasks, text(bullets(it.Tasks)))
			set(wlProducts, text(bullets(it.Products)))
			set(wlWith, text(withText(p, it)))
			set(wlDeadline, text(deadlineText(p, it)))
			set(wlLost, optValue(it.Lost, it.Percent))
			set(wlGain, optValue(it.Gain, it.Percent))
			t.rows = append(t.rows, row)
		}
	}
	t.fitRows()
	// The status drop-down covers the item rows, not the section rows.
	pos := planRows(t)
	var refs []string
	status := index[wlStatus] + 1
	first := 0
	for i := 0; i <= len(t.rows); i++ {
		item := i < len(t.rows) && len(t.rows[i].merges) == 0
		switch {
		case item && first == 0:
			first = pos.dataFirst + i
		case !item && first > 0:
			refs = append(refs, cellRef(status, first)+":"+cellRef(status, pos.dataFirst+i-1))
			first = 0
		}
	}
	statuses := statusNames(p)
	if len(refs) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(strings.Join(refs, " "))
		if err := dv.SetDropList(statuses); err == nil {
			dv.SetInput(p.T("books.worklist.prompt-title"), p.T("books.worklist.prompt"))
			dv.SetError(excelize.DataValidationErrorStyleStop, p.T("books.worklist.error-title"),
				p.T("books.worklist.error", "Statuses", strings.Join(statuses, "; ")))
			t.validations = append(t.validations, dv)
		}
	}
	t.note = p.T("books.worklist.note", "StatusCol", status, "EvidenceCol", index[wlEvidence]+1,
		"Statuses", strings.Join(statuses, "; "))
	return t
}

// worklistTitle is the heading of an agency's worklist, by what it does.
func worklistTitle(p *msg.Printer, agency string, leads, supports bool) string {
	switch {
	case agency == gap.NoLead:
		return p.T("books.worklist.title-no-lead")
	case leads && supports:
		return p.T("books.worklist.title-both", "Agency", agency)
	case supports:
		return p.T("books.worklist.title-support", "Agency", agency)
	}
	return p.T("books.worklist.title-lead", "Agency", agency)
}

// withText names the item's other agencies, each kind under its label:
// for an item the agency leads, who else leads it and who supports; for
// one it supports, who leads and who else supports.
func withText(p *msg.Printer, it *worklist.Item) string {
	leadID, supportID := "books.worklist.lead", "books.worklist.co-support"
	if it.Role == worklist.Lead {
		leadID, supportID = "books.worklist.co-lead", "books.worklist.support"
	}
	var parts []string
	for _, g := range []struct {
		id    string
		names []string
	}{{leadID, it.Lead}, {supportID, it.Support}} {
		switch len(g.names) {
		case 0:
		case 1:
			parts = append(parts, p.T(g.id)+" "+agencyName(p, g.names[0]))
		default:
			names := make([]string, len(g.names))
			for i, n := range g.names {
				names[i] = agencyName(p, n)
			}
			parts = append(parts, p.T(g.id)+"\n"+bullets(names))
		}
	}
	return strings.Join(parts, "\n")
}

// deadlineText is the deadline as the plan writes it, and the first day
// something of it falls due.
func deadlineText(p *msg.Printer, it *worklist.Item) string {
	var lines []string
	if d := strings.TrimSpace(it.Deadline); d != "" {
		lines = append(lines, d)
	}
	if !it.Due.IsZero() {
		lines = append(lines, p.T("books.worklist.due", "Date", dateText(p, it.Due)))
	}
	return strings.Join(lines, "\n")
}
