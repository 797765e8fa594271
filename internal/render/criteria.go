package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
)

// TableOptions are what the tables of parplan criteria and parplan
// validate --list-rules need.
type TableOptions struct {
	// Width is the terminal width, in columns; 0 (piped) never wraps.
	Width int
	Color bool
	// P is the user's language; nil is Vietnamese.
	P *msg.Printer
}

func (o TableOptions) table(cols []Col) Table {
	return Table{Cols: cols, Width: o.Width, Color: o.Color, P: printer(o.P)}
}

// Assessment names an assessment kind in the documents' words: tự chấm,
// điều tra XHH, SIPAS, KT-XH, Bộ Nội vụ.
func Assessment(p *msg.Printer, kind string) string {
	if kind == "" {
		return ""
	}
	return printer(p).T("render.assessment." + kind)
}

// CriteriaSet writes a criteria set: its heading, its criteria down to
// depth (0: the fields, 1: and their criteria; more: every level) with
// their maximum points and assessment, and how the points divide by
// assessment.
func CriteriaSet(w io.Writer, set *criteria.Set, depth int, o TableOptions) error {
	p := printer(o.P)
	ew := &errWriter{w: w, width: o.Width}
	heading := "render.criteria.heading"
	if set.Scheme != "" {
		heading = "render.criteria.heading-scheme"
	}
	ew.println(p.T(heading, "ID", set.ID, "Name", set.Name, "Decision", set.Decision, "Scheme", set.Scheme, "Years", set.Years()))
	ew.render(criteriaSetTable(set, depth, o))
	var parts []string
	split := set.Split()
	for _, a := range criteria.Assessments {
		if v, ok := split[a]; ok {
			parts = append(parts, Assessment(p, a)+" "+p.Num(v.Trim()))
		}
	}
	ew.println(p.T("render.criteria.split", "Parts", strings.Join(parts, " · ")))
	if c := set.Coverage(); len(c) > 0 {
		ew.println(p.T("render.criteria.coverage", "Text", coverageText(p, c)))
	}
	return ew.err
}

func criteriaSetTable(set *criteria.Set, depth int, o TableOptions) Table {
	p := printer(o.P)
	t := o.table([]Col{
		{Header: p.T("render.col.code"), Role: Key},
		{Header: p.T("render.col.criteria-name"), Role: Title, Wrap: true, Min: 16, Comfort: 50},
		{Header: p.T("render.col.max"), Align: Right},
		{Header: p.T("render.col.assessment")},
	})
	set.Walk(func(c *criteria.Criterion) {
		if c.Depth() > depth {
			return
		}
		max := ""
		if c.HasMax {
			max = p.Num(c.Max)
		}
		t.Rows = append(t.Rows, []string{c.Code, strings.Repeat("  ", c.Depth()) + c.Name, max, Assessment(p, c.Assessment)})
		t.Strong = append(t.Strong, c.Depth() == 0)
	})
	t.Footer = []string{"", p.T("render.total"), p.Num(set.Max), ""}
	return t
}

// CoverageText joins what a set's data lacks into one sentence's text
// (criteria.Set.Coverage), without the final stop.
func CoverageText(p *msg.Printer, c []msg.Message) string { return coverageText(printer(p), c) }

func coverageText(p *msg.Printer, c []msg.Message) string {
	parts := make([]string, len(c))
	for i, m := range c {
		parts[i] = p.S(m)
	}
	return strings.Join(parts, "; ")
}

// CriteriaSets lists the built-in criteria sets, then the Đề án each
// belongs to.
func CriteriaSets(w io.Writer, sets []*criteria.Set, o TableOptions) error {
	p := printer(o.P)
	ew := &errWriter{w: w, width: o.Width}
	ew.render(criteriaSetsTable(sets, o))
	for _, s := range sets {
		if s.Scheme != "" {
			ew.println(p.T("render.criteria.scheme", "ID", s.ID, "Scheme", s.Scheme))
		}
	}
	ew.println(p.T("render.criteria.print-one"))
	return ew.err
}

func criteriaSetsTable(sets []*criteria.Set, o TableOptions) Table {
	p := printer(o.P)
	t := o.table([]Col{
		{Header: p.T("render.col.set"), Role: Title},
		{Header: p.T("render.col.decision"), Wrap: true, Min: 16, Comfort: 40},
		{Header: p.T("render.col.years")},
		{Header: p.T("render.col.items"), Align: Right},
		{Header: p.T("render.col.points"), Align: Right},
		{Header: p.T("render.col.note"), Wrap: true, Min: 10},
	})
	for _, s := range sets {
		n := 0
		s.Walk(func(*criteria.Criterion) { n++ })
		var notes []string
		if s.SelfOnly {
			notes = append(notes, p.T("render.criteria.self-only"))
		}
		if short := s.Shortfall(); len(short) > 0 {
			notes = append(notes, p.T("render.criteria.known", "Parts", short))
		}
		if !s.Complete && len(notes) == 0 {
			notes = append(notes, p.T("render.criteria.incomplete"))
		}
		note := strings.Join(notes, "; ")
		t.Rows = append(t.Rows, []string{s.ID, s.Decision, s.Years(), fmt.Sprint(n), p.Num(s.Max), note})
	}
	return t
}

// Rules writes the table of validate's rules; describe gives each rule's
// description in the user's language.
func Rules(w io.Writer, rules []diag.Rule, describe func(diag.Rule) string, o TableOptions) error {
	return rulesTable(rules, describe, o).Render(w)
}

func rulesTable(rules []diag.Rule, describe func(diag.Rule) string, o TableOptions) Table {
	p := printer(o.P)
	t := o.table([]Col{
		{Header: p.T("render.col.rule"), Role: Title},
		{Header: p.T("render.col.severity")},
		{Header: p.T("render.col.description"), Wrap: true, Min: 20, Comfort: 60},
	})
	for _, r := range rules {
		t.Rows = append(t.Rows, []string{r.ID, r.Severity.String(), describe(r)})
	}
	return t
}
