package plan

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
)

// Report is one progress report: what an agency (or the Sở Nội vụ for
// all of them) says was done on a plan's items as of a day. Reports are
// files of their own, so that the signed plan stays as signed.
type Report struct {
	// File is the path the report was loaded from, as given by the caller.
	File string
	Pos  Pos
	// Plan is the id of the plan the report is about.
	Plan       Text
	AsOf       Date
	ReportedBy Text
	Items      []*ReportItem
}

// ReportItem is the status of one item of the plan.
type ReportItem struct {
	Pos Pos
	// Ref names the item as gap and worklist do (plan.Refs); Appendix
	// picks the appendix where the ref is in more than one.
	Ref      Text
	Appendix Text
	Status   Text
	DoneOn   Date
	Evidence Text
	Note     Text
}

// Date is a calendar day written YYYY-MM-DD, with its position.
type Date struct {
	Value time.Time
	Pos   Pos
	Given bool
}

// String gives the date as YYYY-MM-DD, or "" when it is not given.
func (d Date) String() string {
	if !d.Given {
		return ""
	}
	return d.Value.Format(time.DateOnly)
}

// The statuses an item of a report may have.
const (
	StatusNotStarted = "not-started"
	StatusInProgress = "in-progress"
	StatusDone       = "done"
	StatusDropped    = "dropped"
)

// Statuses lists the statuses in the order reports count them.
var Statuses = []string{StatusNotStarted, StatusInProgress, StatusDone, StatusDropped}

// LoadReport parses a progress report. file is used in diagnostics only.
// Like Load it returns the report (nil when the file is not usable YAML)
// and the problems of reading it; whether its items exist in the plan is
// checked by package progress.
func LoadReport(file string, data []byte) (r *Report, ds []diag.Diagnostic) {
	d := &decoder{file: file, lim: DefaultLimits}
	defer func() {
		if x := recover(); x != nil {
			r = nil
			ds = append(d.diags, diag.Diagnostic{File: file, Line: 1, Col: 1, Severity: diag.Error,
				Rule: RuleYAMLSyntax, Msg: msg.New("load.parser-panic", "Err", fmt.Sprint(x))})
		}
	}()
	r = d.loadReport(data)
	if d.redo {
		// As in LoadWithLimits.
		d = &decoder{file: file, lim: DefaultLimits, noFast: true}
		r = d.loadReport(data)
	}
	return r, d.diags
}

// loadReport decodes data into a report, or returns nil after reporting
// why there is none.
func (d *decoder) loadReport(data []byte) *Report {
	root := d.parse(data)
	if root == nil {
		return nil
	}
	r := &Report{File: d.file, Pos: posOf(root)}
	d.mapping(root, m("subj.file"), []field{
		{name: "progress", required: true, decode: func(n *yaml.Node) { d.report1(n, r) }},
	})
	return r
}

func (d *decoder) report1(n *yaml.Node, r *Report) {
	what := m("subj.bare", "Key", "progress")
	r.Pos = posOf(n)
	d.mapping(n, what, []field{
		{name: "plan", required: true, decode: d.setText(&r.Plan, key(what, "plan"))},
		{name: "as_of", required: true, decode: d.date(&r.AsOf, key(what, "as_of"))},
		{name: "reported_by", required: true, decode: d.setText(&r.ReportedBy, key(what, "reported_by"))},
		{name: "items", required: true, decode: func(n *yaml.Node) {
			d.sequence(n, key(what, "items"), func(i int, n *yaml.Node) {
				it := &ReportItem{Pos: posOf(n)}
				d.reportItem(n, it, m("subj.entry-n", "N", i+1, "Of", key(what, "items")))
				r.Items = append(r.Items, it)
			})
		}},
	})
	d.checkID(r.Plan, key(what, "plan"))
}

func (d *decoder) reportItem(n *yaml.Node, it *ReportItem, what msg.Message) {
	if n = d.node(n); n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "ref" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				what = m("subj.ref", "Ref", v.Value)
			}
		}
	}
	d.fields(n, what, []field{
		{name: "ref", required: true, decode: d.setText(&it.Ref, key(what, "ref"))},
		{name: "appendix", decode: d.setText(&it.Appendix, key(what, "appendix"))},
		{name: "status", required: true, decode: d.setText(&it.Status, key(what, "status"))},
		{name: "done_on", decode: d.date(&it.DoneOn, key(what, "done_on"))},
		{name: "evidence", decode: d.setText(&it.Evidence, key(what, "evidence"))},
		{name: "note", decode: d.setText(&it.Note, key(what, "note"))},
	})
	if it.Status.Set() && !isStatus(it.Status.Value) {
		d.report(it.Status.Pos, RuleInvalidValue, m("load.bad-status", "What", what, "Value", it.Status.Value,
			"Statuses", Statuses))
	}
}

func isStatus(s string) bool {
	for _, st := range Statuses {
		if s == st {
			return true
		}
	}
	return false
}

// date decodes a day written YYYY-MM-DD.
func (d *decoder) date(dst *Date, what msg.Message) func(*yaml.Node) {
	return func(n *yaml.Node) {
		t, ok := d.text(n, what)
		if !ok {
			return
		}
		v, err := time.Parse(time.DateOnly, t.Value)
		if err != nil || !datePattern.MatchString(t.Value) {
			d.report(t.Pos, RuleInvalidValue, m("load.bad-day", "What", what, "Value", t.Value))
			return
		}
		*dst = Date{Value: v, Pos: t.Pos, Given: true}
	}
}
