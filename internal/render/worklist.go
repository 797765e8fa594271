package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/worklist"
)

// WorklistPrinter writes worklists in one format.
type WorklistPrinter interface {
	Print(w io.Writer, wl *worklist.Worklist) error
}

// WorklistFormats lists the worklist formats written to a stream; xlsx is
// written by package xlsx.
var WorklistFormats = []string{"table", "markdown", "csv", "json", "xlsx"}

// NewWorklist returns the printer of a format other than xlsx.
func NewWorklist(format string, opts GapOptions) (WorklistPrinter, error) {
	switch format {
	case "table":
		return worklistTable{opts}, nil
	case "markdown", "md":
		return worklistMarkdown{opts}, nil
	case "csv":
		return worklistCSV{}, nil
	case "json":
		return worklistJSON{}, nil
	}
	return nil, msg.Errorf("render.unknown-format", "Format", format, "Formats", WorklistFormats)
}

// role names a role in the user's language: chủ trì, phối hợp.
func (x words) role(r worklist.Role) string { return x.p.T("render.role." + string(r)) }

// agencySummary is the line under an agency's name: how many items it
// leads and supports, the points at stake.
func (x words) agencySummary(a *worklist.Agency) string {
	lead := a.Lead()
	return x.p.T("render.worklist.summary", "Lead", lead, "Support", len(a.Items)-lead)
}

type worklistTable struct{ opts GapOptions }

func (p worklistTable) Print(w io.Writer, wl *worklist.Worklist) error {
	ew := &errWriter{w: w, width: p.opts.Width}
	x := words{p.opts.p()}
	ew.println(fmt.Sprintf("%s (%s)", wl.Plan.Title, wl.Plan.ID))
	for _, a := range wl.Agencies {
		ew.printf("\n")
		ew.println(x.agency(a.Name) + " — " + x.agencySummary(a))
		ew.render(p.agencyTable(x, a))
	}
	return ew.err
}

func (p worklistTable) agencyTable(x words, a *worklist.Agency) Table {
	h := func(id string) string { return x.p.T(id) }
	scored := false
	for _, it := range a.Items {
		scored = scored || it.Lost.OK || it.Gain.OK
	}
	cols := []Col{
		{Header: h("render.col.code"), Role: Key},
		{Header: h("render.col.item"), Role: Title, Wrap: true, Min: 16, Comfort: 36},
		{Header: h("render.col.role")},
	}
	if scored {
		cols = append(cols, Col{Header: h("render.col.lost"), Align: Right, Drop: 3}, Col{Header: h("render.col.gain"), Align: Right, Drop: 3})
	}
	cols = append(cols,
		Col{Header: h("render.col.due"), Align: Right},
		Col{Header: h("render.col.deadline"), Wrap: true, Min: 12, Comfort: 24, Drop: 2},
		Col{Header: h("render.col.with"), Wrap: true, Min: 12, Comfort: 24, Drop: 1})
	t := Table{Width: p.opts.Width, Color: p.opts.Color, P: x.p, Cols: cols}
	for _, it := range a.Items {
		with := it.Lead
		if it.Role == worklist.Lead {
			with = it.Support
		}
		row := []string{it.Ref, it.Name, x.role(it.Role)}
		if scored {
			row = append(row, x.num(it.Lost), x.num(it.Gain))
		}
		t.Rows = append(t.Rows, append(row, x.date(it.Due), it.Deadline, leadText(x, with)))
		t.Strong = append(t.Strong, false)
	}
	return t
}

type worklistMarkdown struct{ opts GapOptions }

func (p worklistMarkdown) Print(w io.Writer, wl *worklist.Worklist) error {
	ew := &errWriter{w: w}
	x := words{p.opts.p()}
	ew.printf("# %s\n", mdEscape(x.p.T("render.worklist.title", "Plan", wl.Plan.Title)))
	for _, a := range wl.Agencies {
		ew.printf("\n## %s\n\n%s\n", mdEscape(x.agency(a.Name)), mdEscape(x.agencySummary(a)))
		for _, it := range a.Items {
			ew.printf("\n### %s %s (%s)\n\n", mdEscape(it.Ref), mdEscape(it.Name), x.role(it.Role))
			if it.Criterion != "" {
				ew.printf("- %s: %s\n", x.p.T("render.col.criterion"), mdEscape(it.Criterion))
			}
			if it.Lost.OK || it.Gain.OK {
				ew.printf("- %s: %s · %s: %s\n", x.p.T("render.col.lost"), x.num(it.Lost), x.p.T("render.col.gain"), x.num(it.Gain))
			}
			if it.Deadline != "" {
				ew.printf("- %s: %s", x.p.T("render.col.deadline"), mdEscape(it.Deadline))
				if s := x.milestones(it.Milestones); s != "" {
					ew.printf(" (%s)", mdEscape(strings.ReplaceAll(s, "\n", "; ")))
				}
				ew.printf("\n")
			}
			for _, l := range []struct {
				id    string
				names []string
			}{{"render.col.lead", it.Lead}, {"render.col.support", it.Support}} {
				if len(l.names) > 0 {
					ew.printf("- %s: %s\n", x.p.T(l.id), mdEscape(leadText(x, l.names)))
				}
			}
			p.list(ew, x.p.T("render.col.tasks"), it.Tasks)
			p.list(ew, x.p.T("render.col.products"), it.Products)
		}
	}
	return ew.err
}

func (worklistMarkdown) list(ew *errWriter, heading string, entries []string) {
	if len(entries) == 0 {
		return
	}
	ew.printf("- %s:\n", heading)
	for _, e := range entries {
		ew.printf("  - %s\n", mdEscape(strings.ReplaceAll(e, "\n", " ")))
	}
}

// worklistCSV writes one row per agency and item.
type worklistCSV struct{}

func (worklistCSV) Print(w io.Writer, wl *worklist.Worklist) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write([]string{"agency", "role", "appendix", "ref", "code", "name", "criterion", "lost", "gain", "due", "deadline", "lead", "support", "tasks", "products"})
	for _, a := range wl.Agencies {
		for _, it := range a.Items {
			_ = cw.Write([]string{text(a.Name), string(it.Role), text(it.Appendix), text(it.Ref), text(it.Code), text(it.Name),
				text(it.Criterion), num(it.Lost), num(it.Gain), it.Due.String(), text(it.Deadline),
				text(strings.Join(it.Lead, "; ")), text(strings.Join(it.Support, "; ")),
				text(strings.Join(it.Tasks, "\n")), text(strings.Join(it.Products, "\n"))})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WorklistJSONVersion is the version of the worklist JSON shape.
const WorklistJSONVersion = 1

type worklistJSON struct{}

type jsonWorklist struct {
	Version  int              `json:"version"`
	Plan     jsonWorklistPlan `json:"plan"`
	Agencies []jsonAgencyWork `json:"agencies"`
}

type jsonWorklistPlan struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Document string `json:"document"`
	Number   string `json:"number"`
	Date     string `json:"date"`
	Issuer   string `json:"issuer"`
	Year     int    `json:"year"`
}

type jsonAgencyWork struct {
	Agency string         `json:"agency"`
	Items  []jsonWorkItem `json:"items"`
}

type jsonWorkItem struct {
	Appendix  string       `json:"appendix"`
	Ref       string       `json:"ref"`
	Code      string       `json:"code"`
	Name      string       `json:"name"`
	Role      string       `json:"role"`
	Criterion *string      `json:"criterion"`
	Lost      *decimal.Dec `json:"lost"`
	Gain      *decimal.Dec `json:"gain"`
	Unit      string       `json:"unit"`
	Tasks     []string     `json:"tasks"`
	Products  []string     `json:"products"`
	Lead      []string     `json:"lead"`
	Support   []string     `json:"support"`
	Due       *string      `json:"due"`
	Deadline  jsonDeadline `json:"deadline"`
}

func (worklistJSON) Print(w io.Writer, wl *worklist.Worklist) error {
	out := jsonWorklist{Version: WorklistJSONVersion, Agencies: []jsonAgencyWork{},
		Plan: jsonWorklistPlan{ID: wl.Plan.ID, Title: wl.Plan.Title, Document: wl.Plan.Document, Number: wl.Plan.Number,
			Date: wl.Plan.Date, Issuer: wl.Plan.Issuer, Year: wl.Plan.Year}}
	for _, a := range wl.Agencies {
		ja := jsonAgencyWork{Agency: a.Name, Items: []jsonWorkItem{}}
		for _, it := range a.Items {
			unit := "points"
			if it.Percent {
				unit = "percent"
			}
			var crit *string
			if it.Criterion != "" {
				crit = &it.Criterion
			}
			ja.Items = append(ja.Items, jsonWorkItem{Appendix: it.Appendix, Ref: it.Ref, Code: it.Code, Name: it.Name,
				Role: string(it.Role), Criterion: crit, Lost: ptr(it.Lost), Gain: ptr(it.Gain), Unit: unit,
				Tasks: nonNil(it.Tasks), Products: nonNil(it.Products), Lead: nonNil(it.Lead), Support: nonNil(it.Support),
				Due: jsonDate(it.Due), Deadline: newJSONDeadline(it.Deadline, it.Milestones)})
		}
		out.Agencies = append(out.Agencies, ja)
	}
	return encodeJSON(w, out)
}

// nonNil makes an absent list an empty JSON array.
func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
