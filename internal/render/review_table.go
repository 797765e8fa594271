package render

import (
	"io"
	"strings"

	"github.com/parplan/parplan/internal/review"
)

// reviewTable writes a review for a terminal: per appendix one table of
// the criteria under their fields' totals, the summary under it, the
// percent items apart, and the criteria missed two years running.
type reviewTable struct {
	opts ReviewOptions
}

func (p reviewTable) Print(w io.Writer, r *review.Report) error {
	ew := &errWriter{w: w, width: p.opts.Width}
	x := words{p.opts.p()}
	for i, c := range r.Comparisons {
		if i > 0 {
			ew.printf("\n")
		}
		ew.println(x.reviewHeading(c))
		ew.println(x.setLine(c))
		for _, a := range c.Appendices {
			ew.printf("\n")
			ew.println(reviewAppendixHeading(a))
			ew.render(p.appendixTable(x, c, a))
			for _, l := range x.reviewSummary(c, a) {
				ew.println(l)
			}
			if len(a.Percent) > 0 {
				ew.printf("\n")
				ew.println(x.p.T("render.percent.heading", "Count", len(a.Percent)))
				ew.render(p.percentTable(x, c, a))
			}
		}
		ew.println(x.currentOnlyLine(c))
	}
	if r.Chained {
		for _, g := range repeatGroups(r) {
			ew.printf("\n")
			ew.println(x.repeatHeading(g.years, len(g.repeats)))
			if len(g.repeats) > 0 {
				ew.render(p.repeatTable(x, g))
			}
		}
	}
	return ew.err
}

func reviewAppendixHeading(a *review.Appendix) string {
	var parts []string
	for _, s := range []string{a.Label, a.Title} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return a.ID
	}
	return strings.Join(parts, " — ")
}

func (p reviewTable) table(cols []Col) Table {
	return Table{Cols: cols, Width: p.opts.Width, Color: p.opts.Color, P: p.opts.p()}
}

// columns are the table's columns for a header from reviewHeader.
func reviewCols(h []string, cross bool) []Col {
	cols := []Col{{Header: h[0], Role: Key}}
	i := 1
	if cross {
		cols = append(cols, Col{Header: h[1]})
		i = 2
	}
	cols = append(cols, Col{Header: h[i], Role: Title, Wrap: true, Min: 16, Comfort: 40})
	for _, hh := range h[i+1 : len(h)-1] {
		cols = append(cols, Col{Header: hh, Align: Right})
	}
	return append(cols, Col{Header: h[len(h)-1], Wrap: true, Min: 9, Comfort: 12})
}

func (p reviewTable) appendixTable(x words, c *review.Comparison, a *review.Appendix) Table {
	t := p.table(reviewCols(x.reviewHeader(c, false), c.CrossSet))
	t.Rows, t.Strong = x.reviewBody(c, a, func(name string, depth int) string { return strings.Repeat("  ", depth) + name })
	t.Footer = x.fieldCells(c, "", x.p.T("render.total"), a.Total)
	return t
}

func (p reviewTable) percentTable(x words, c *review.Comparison, a *review.Appendix) Table {
	t := p.table(reviewCols(x.reviewHeader(c, true), c.CrossSet))
	for _, r := range a.Percent {
		t.Rows = append(t.Rows, x.reviewCells(c, r, r.Name))
	}
	return t
}

func (p reviewTable) repeatTable(x words, g repeatGroup) Table {
	h := x.repeatHeader(g.years)
	cols := []Col{{Header: h[0], Role: Key}, {Header: h[1], Role: Title, Wrap: true, Min: 16, Comfort: 40}}
	for _, hh := range h[2:] {
		cols = append(cols, Col{Header: hh, Align: Right})
	}
	t := p.table(cols)
	for _, rep := range g.repeats {
		t.Rows = append(t.Rows, x.repeatCells(rep))
	}
	return t
}
