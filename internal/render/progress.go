package render

import (
	"fmt"
	"io"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/progress"
)

// ProgressPrinter writes a plan's progress in one format.
type ProgressPrinter interface {
	Print(w io.Writer, s *progress.Status) error
}

// ProgressFormats lists the progress formats; xlsx is written by package
// xlsx.
var ProgressFormats = []string{"table", "markdown", "json", "xlsx"}

// NewProgress returns the printer of a format other than xlsx.
func NewProgress(format string, opts GapOptions) (ProgressPrinter, error) {
	switch format {
	case "table":
		return progressTable{opts}, nil
	case "markdown", "md":
		return progressMarkdown{opts}, nil
	case "json":
		return progressJSON{}, nil
	}
	return nil, msg.Errorf("render.unknown-format", "Format", format, "Formats", ProgressFormats)
}

// status names a status in the user's language.
func (x words) status(s string) string { return x.p.T("render.status." + s) }

// countHeader is the header of the counts, after the first columns.
func (x words) countHeader() []string {
	var h []string
	for _, id := range []string{"items", "done", "in-progress", "not-started", "dropped", "no-report", "overdue", "due-soon", "at-risk"} {
		h = append(h, x.p.T("render.progress.col."+id))
	}
	return h
}

func (x words) counts(c *progress.Count) []string {
	return []string{fmt.Sprint(c.Items), fmt.Sprint(c.Done), fmt.Sprint(c.InProgress), fmt.Sprint(c.NotStarted),
		fmt.Sprint(c.Dropped), fmt.Sprint(c.NoReport), fmt.Sprint(c.Overdue), fmt.Sprint(c.Soon), x.num(c.PointsAtRisk)}
}

// progressLines are the lines above the tables: as of when, from how
// many reports, the points at risk.
func (x words) progressLines(s *progress.Status) []string {
	lines := []string{x.p.T("render.progress.as-of", "Date", x.date(s.AsOf), "Count", s.Reports)}
	n := len(s.Overdue())
	if n == 0 {
		lines = append(lines, x.p.T("render.progress.none-overdue"))
	} else {
		lines = append(lines, x.p.T("render.progress.overdue", "Count", n, "Points", x.num(s.PointsAtRisk)))
	}
	return lines
}

type progressTable struct{ opts GapOptions }

func (p progressTable) Print(w io.Writer, s *progress.Status) error {
	ew := &errWriter{w: w, width: p.opts.Width}
	x := words{p.opts.p()}
	ew.println(fmt.Sprintf("%s (%s)", s.Title, s.PlanID))
	for _, l := range x.progressLines(s) {
		ew.println(l)
	}
	counts := func(first []Col) Table {
		t := Table{Width: p.opts.Width, Color: p.opts.Color, P: x.p, Cols: first}
		for i, h := range x.countHeader() {
			drop := 0
			if i == 4 || i == 7 { // dropped, due soon
				drop = 1
			}
			t.Cols = append(t.Cols, Col{Header: h, Align: Right, Drop: drop})
		}
		return t
	}
	ew.printf("\n")
	ew.println(x.p.T("render.progress.by-agency"))
	t := counts([]Col{{Header: x.p.T("render.col.agency"), Role: Title, Wrap: true, Min: 14, Comfort: 30}})
	for _, c := range s.ByAgency {
		t.Rows = append(t.Rows, append([]string{x.agency(c.Agency)}, x.counts(c)...))
	}
	ew.render(t)
	ew.printf("\n")
	ew.println(x.p.T("render.progress.by-field"))
	t = counts([]Col{{Header: x.p.T("render.col.code"), Role: Key}, {Header: x.p.T("render.progress.col.field"), Role: Title, Wrap: true, Min: 14, Comfort: 30}})
	for _, c := range s.ByField {
		t.Rows = append(t.Rows, append([]string{c.Field, c.Name}, x.counts(c)...))
	}
	ew.render(t)
	if over := s.Overdue(); len(over) > 0 {
		ew.printf("\n")
		ew.println(x.p.T("render.progress.overdue-heading"))
		t := Table{Width: p.opts.Width, Color: p.opts.Color, P: x.p, Cols: []Col{
			{Header: x.p.T("render.col.code"), Role: Key},
			{Header: x.p.T("render.col.item"), Role: Title, Wrap: true, Min: 16, Comfort: 36},
			{Header: x.p.T("render.col.lead"), Wrap: true, Min: 12, Comfort: 20, Drop: 1},
			{Header: x.p.T("render.col.deadline"), Wrap: true, Min: 12, Comfort: 20, Drop: 2},
			{Header: x.p.T("render.progress.col.missed"), Align: Right},
			{Header: x.p.T("render.progress.col.status")},
			{Header: x.p.T("render.col.gain"), Align: Right, Drop: 3},
		}}
		for _, it := range over {
			t.Rows = append(t.Rows, []string{it.Ref, it.Name, leadText(x, it.Lead), it.Deadline, x.date(it.Missed),
				x.status(it.Status), x.num(it.Gain)})
		}
		ew.render(t)
	}
	return ew.err
}

type progressMarkdown struct{ opts GapOptions }

func (p progressMarkdown) Print(w io.Writer, s *progress.Status) error {
	ew := &errWriter{w: w}
	x := words{p.opts.p()}
	ew.printf("# %s\n\n", mdEscape(x.p.T("render.progress.title", "Plan", s.Title)))
	for _, l := range x.progressLines(s) {
		ew.printf("%s\n\n", mdEscape(l))
	}
	right := []bool{false, true, true, true, true, true, true, true, true, true}
	ew.printf("## %s\n\n", x.p.T("render.progress.by-agency"))
	var rows [][]string
	for _, c := range s.ByAgency {
		rows = append(rows, append([]string{x.agency(c.Agency)}, x.counts(c)...))
	}
	mdTable(ew, append([]string{x.p.T("render.col.agency")}, x.countHeader()...), right, rows)
	ew.printf("\n## %s\n\n", x.p.T("render.progress.by-field"))
	rows = nil
	for _, c := range s.ByField {
		rows = append(rows, append([]string{c.Field + " " + c.Name}, x.counts(c)...))
	}
	mdTable(ew, append([]string{x.p.T("render.progress.col.field")}, x.countHeader()...), right, rows)
	if over := s.Overdue(); len(over) > 0 {
		ew.printf("\n## %s\n\n", x.p.T("render.progress.overdue-heading"))
		rows = nil
		for _, it := range over {
			rows = append(rows, []string{it.Ref, it.Name, leadText(x, it.Lead), it.Deadline, x.date(it.Missed), x.status(it.Status), x.num(it.Gain)})
		}
		mdTable(ew, []string{x.p.T("render.col.code"), x.p.T("render.col.item"), x.p.T("render.col.lead"), x.p.T("render.col.deadline"),
			x.p.T("render.progress.col.missed"), x.p.T("render.progress.col.status"), x.p.T("render.col.gain")},
			[]bool{false, false, false, false, true, false, true}, rows)
	}
	return ew.err
}

// ProgressJSONVersion is the version of the progress JSON shape.
const ProgressJSONVersion = 1

type progressJSON struct{}

type jsonProgress struct {
	Version      int                 `json:"version"`
	Plan         jsonProgressPlan    `json:"plan"`
	AsOf         string              `json:"as_of"`
	DueSoonDays  int                 `json:"due_soon_days"`
	Reports      int                 `json:"reports"`
	Items        []jsonProgressItem  `json:"items"`
	ByAgency     []jsonProgressCount `json:"by_agency"`
	ByField      []jsonProgressCount `json:"by_field"`
	PointsAtRisk *decimal.Dec        `json:"points_at_risk"`
}

type jsonProgressPlan struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Year  int    `json:"year"`
}

type jsonProgressItem struct {
	Appendix   string       `json:"appendix"`
	Ref        string       `json:"ref"`
	Code       string       `json:"code"`
	Name       string       `json:"name"`
	Field      string       `json:"field"`
	Lead       []string     `json:"lead"`
	Status     string       `json:"status"`
	ReportedBy *string      `json:"reported_by"`
	ReportedOn *string      `json:"reported_on"`
	DoneOn     *string      `json:"done_on"`
	Evidence   *string      `json:"evidence"`
	Note       *string      `json:"note"`
	Overdue    bool         `json:"overdue"`
	DueSoon    bool         `json:"due_soon"`
	Missed     *string      `json:"missed"`
	Next       *string      `json:"next_due"`
	Criterion  *string      `json:"criterion"`
	Gain       *decimal.Dec `json:"gain"`
	Deadline   jsonDeadline `json:"deadline"`
}

type jsonProgressCount struct {
	Agency       string       `json:"agency,omitempty"`
	Appendix     string       `json:"appendix,omitempty"`
	Field        string       `json:"field,omitempty"`
	Name         string       `json:"name,omitempty"`
	Items        int          `json:"items"`
	Done         int          `json:"done"`
	InProgress   int          `json:"in_progress"`
	NotStarted   int          `json:"not_started"`
	Dropped      int          `json:"dropped"`
	NoReport     int          `json:"no_report"`
	Overdue      int          `json:"overdue"`
	DueSoon      int          `json:"due_soon"`
	PointsAtRisk *decimal.Dec `json:"points_at_risk"`
}

func optText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func jsonCount(c *progress.Count) jsonProgressCount {
	return jsonProgressCount{Agency: c.Agency, Appendix: c.Appendix, Field: c.Field, Name: c.Name, Items: c.Items,
		Done: c.Done, InProgress: c.InProgress, NotStarted: c.NotStarted, Dropped: c.Dropped, NoReport: c.NoReport,
		Overdue: c.Overdue, DueSoon: c.Soon, PointsAtRisk: ptr(c.PointsAtRisk)}
}

func (progressJSON) Print(w io.Writer, s *progress.Status) error {
	out := jsonProgress{Version: ProgressJSONVersion, Plan: jsonProgressPlan{ID: s.PlanID, Title: s.Title, Year: s.Year},
		AsOf: s.AsOf.String(), DueSoonDays: s.Soon, Reports: s.Reports, Items: []jsonProgressItem{},
		ByAgency: []jsonProgressCount{}, ByField: []jsonProgressCount{}, PointsAtRisk: ptr(s.PointsAtRisk)}
	for _, it := range s.Items {
		out.Items = append(out.Items, jsonProgressItem{Appendix: it.Appendix, Ref: it.Ref, Code: it.Code, Name: it.Name,
			Field: it.Field, Lead: nonNil(it.Lead), Status: it.Status, ReportedBy: optText(it.ReportedBy),
			ReportedOn: jsonDate(it.ReportedOn), DoneOn: jsonDate(it.DoneOn), Evidence: optText(it.Evidence),
			Note: optText(it.Note), Overdue: it.Overdue, DueSoon: it.DueSoon, Missed: jsonDate(it.Missed),
			Next: jsonDate(it.Next), Criterion: optText(it.Criterion), Gain: ptr(it.Gain),
			Deadline: newJSONDeadline(it.Deadline, it.Milestones)})
	}
	for _, c := range s.ByAgency {
		out.ByAgency = append(out.ByAgency, jsonCount(c))
	}
	for _, c := range s.ByField {
		out.ByField = append(out.ByField, jsonCount(c))
	}
	return encodeJSON(w, out)
}
