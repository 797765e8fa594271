package render

import (
	"io"

	"github.com/parplan/parplan/internal/review"
)

// reviewMarkdown writes a review as GitHub-flavoured Markdown, in the
// user's language: a section per comparison, a table per appendix.
type reviewMarkdown struct {
	opts ReviewOptions
}

func (p reviewMarkdown) Print(w io.Writer, r *review.Report) error {
	ew := &errWriter{w: w}
	x := words{p.opts.p()}
	for i, c := range r.Comparisons {
		if i > 0 {
			ew.printf("\n")
		}
		ew.printf("# %s\n", mdEscape(x.reviewHeading(c)))
		if l := x.setLine(c); l != "" {
			ew.printf("\n%s\n", mdEscape(l))
		}
		for _, a := range c.Appendices {
			ew.printf("\n## %s\n\n", mdEscape(reviewAppendixHeading(a)))
			h := x.reviewHeader(c, false)
			rows, strong := x.reviewBody(c, a, func(name string, _ int) string { return name })
			name := 1
			if c.CrossSet {
				name = 2
			}
			for i := range rows {
				if strong[i] {
					rows[i][name] = "**" + mdEscape(rows[i][name]) + "**"
				}
			}
			rows = append(rows, x.fieldCells(c, "", "**"+x.p.T("render.total")+"**", a.Total))
			mdTable(ew, h, rightCols(len(h), name, true), rows)
			ew.printf("\n")
			for _, l := range x.reviewSummary(c, a) {
				ew.printf("%s\n", mdEscape(l))
			}
			if len(a.Percent) > 0 {
				ew.printf("\n%s\n\n", mdEscape(x.p.T("render.percent.heading", "Count", len(a.Percent))))
				h := x.reviewHeader(c, true)
				var rows [][]string
				for _, r := range a.Percent {
					rows = append(rows, x.reviewCells(c, r, r.Name))
				}
				mdTable(ew, h, rightCols(len(h), name, true), rows)
			}
		}
		if l := x.currentOnlyLine(c); l != "" {
			ew.printf("\n%s\n", mdEscape(l))
		}
	}
	if r.Chained {
		for _, g := range repeatGroups(r) {
			ew.printf("\n## %s\n", mdEscape(x.repeatHeading(g.years, len(g.repeats))))
			if len(g.repeats) == 0 {
				continue
			}
			ew.printf("\n")
			var rows [][]string
			for _, rep := range g.repeats {
				rows = append(rows, x.repeatCells(rep))
			}
			h := x.repeatHeader(g.years)
			mdTable(ew, h, rightCols(len(h), 1, false), rows)
		}
	}
	return ew.err
}

// rightCols right-aligns the figures: the n columns after the name's,
// but the last when it is text (a status).
func rightCols(n, name int, lastText bool) []bool {
	right := make([]bool, n)
	for i := name + 1; i < n; i++ {
		right[i] = true
	}
	right[n-1] = right[n-1] && !lastText
	return right
}
