package render

import (
	"io"

	"github.com/parplan/parplan/internal/diff"
	"github.com/parplan/parplan/internal/plan"
)

// diffMarkdown writes the changes for a pull-request comment: the heading,
// a table of every appendix's totals (old, new, change), then a section
// for the plan, one for each appendix and one for each field with
// changes, in the user's language.
type diffMarkdown struct {
	opts DiffOptions
}

func (p diffMarkdown) Print(w io.Writer, r *diff.Result) error {
	ew := &errWriter{w: w}
	x := diffWords{p.opts.p()}
	ew.printf("## %s\n", mdEscape(x.heading(r)))
	var rows [][]string
	for _, a := range r.Appendices {
		if !a.Scored() {
			continue
		}
		for _, s := range a.Total {
			delta := ""
			if d := s.Delta(); d.OK {
				delta = x.p.Signed(d.V)
			}
			rows = append(rows, []string{appendixTitle(a), x.p.T(diffScoreKey(s.Key)), x.opt(s.Old), x.opt(s.New), delta})
		}
	}
	if len(rows) > 0 {
		ew.printf("\n")
		header := []string{x.p.T("diff.col.appendix"), x.p.T("diff.col.score"), x.p.T("diff.col.old"), x.p.T("diff.col.new"), x.p.T("diff.col.delta")}
		mdTable(ew, header, []bool{false, false, true, true, true}, rows)
	}
	for _, s := range x.sections(r) {
		ew.printf("\n### %s\n", mdEscape(s.title))
		p.list(ew, s.lines)
		for _, f := range s.fields {
			ew.printf("\n#### %s\n", mdEscape(f.title))
			if f.scores != "" {
				ew.printf("\n%s\n", mdEscape(f.scores))
			}
			p.list(ew, f.lines)
		}
	}
	return ew.err
}

// opt is a total's cell: the value, or empty when absent.
func (x diffWords) opt(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	return x.p.Num(o.V)
}

func (p diffMarkdown) list(ew *errWriter, lines []diffLine) {
	if len(lines) == 0 {
		return
	}
	ew.printf("\n")
	for _, l := range lines {
		ew.printf("- %s\n", mdEscape(l.text))
	}
}
