package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/gap"
)

// gapMarkdown writes GitHub-flavoured Markdown tables, for reports and
// pull requests, in the user's language (numbers with its decimal mark).
type gapMarkdown struct {
	opts GapOptions
}

func (p gapMarkdown) Print(w io.Writer, r *gap.Report) error {
	ew := &errWriter{w: w}
	x := words{p.opts.p()}
	ew.printf("# %s\n", mdEscape(r.Title))
	for _, a := range r.Appendices {
		ew.printf("\n## %s\n\n", mdEscape(appendixHeading(a)))
		switch {
		case p.opts.ByLead:
			header := []string{x.p.T("render.col.agency"), x.p.T("render.col.items"), x.p.T("render.col.shared"),
				x.p.T("render.col.lost"), x.p.T("render.col.gain"), x.p.T("render.col.left"), x.p.T("render.col.codes")}
			mdTable(ew, header, []bool{false, true, true, true, true, true, false}, leadRows(x, a))
			ew.printf("\n%s\n", x.p.T("render.lead-counting"))
		case a.Recoverable != nil:
			recoverableMarkdown(ew, x, a)
		case a.Scored():
			header := x.gapHeader(r)
			var rows [][]string
			legend := ""
			for _, row := range a.Rows {
				if row.Survey {
					legend = x.p.T("render.survey-legend")
				}
				name := row.Name
				if row.Depth == 0 {
					name = "**" + name + "**"
				}
				if row.Survey {
					name += " †"
				}
				rows = append(rows, []string{row.Ref, name, x.num(row.Max), x.num(row.Achieved), x.num(row.Target),
					x.num(row.Lost), x.num(row.Gain), x.num(row.Left), x.pct(row.Recovery), leadText(x, row.Lead)})
			}
			t := a.Total
			rows = append(rows, []string{"", "**" + x.p.T("render.total") + "**", x.num(t.Max), x.num(t.Achieved), x.num(t.Target),
				x.num(t.Lost), x.num(t.Gain), x.num(t.Left), x.pct(t.Recovery), ""})
			mdTable(ew, header, []bool{false, false, true, true, true, true, true, true, true, false}, rows)
			ew.printf("\n%s\n", x.projection(r, t))
			stated := ""
			if a.Stated != nil {
				stated = x.statedLine(a.Stated, t)
			}
			for _, l := range []string{x.recoveryLine(t), stated, legend} {
				if l != "" {
					ew.printf("\n%s\n", mdEscape(l))
				}
			}
			if lines := x.discrepancyLines(a); lines != nil {
				ew.printf("\n%s\n\n", lines[0])
				for _, l := range lines[1:] {
					ew.printf("- %s\n", mdEscape(strings.TrimSpace(l)))
				}
			}
		default:
			ew.printf("%s\n\n", x.p.T("render.md.unscored", "Count", a.Items))
			var rows [][]string
			for _, s := range a.Sections {
				rows = append(rows, []string{s.Code, s.Name, fmt.Sprint(s.Items), fmt.Sprint(s.WithLead), fmt.Sprint(s.WithTargetText), fmt.Sprint(s.WithDeadline)})
			}
			header := []string{x.p.T("render.col.section"), x.p.T("render.col.section-name"), x.p.T("render.col.items"),
				x.p.T("render.col.with-lead"), x.p.T("render.col.with-target"), x.p.T("render.col.with-deadline")}
			mdTable(ew, header, []bool{false, false, true, true, true, true}, rows)
		}
	}
	return ew.err
}

func leadRows(x words, a *gap.Appendix) [][]string {
	var rows [][]string
	for _, l := range a.ByLead {
		rows = append(rows, []string{x.agency(l.Agency), fmt.Sprint(l.Items), fmt.Sprint(l.Shared), x.num(l.Lost), x.num(l.Gain), x.num(l.Left), strings.Join(l.Codes, ", ")})
	}
	return rows
}

func mdTable(ew *errWriter, header []string, right []bool, rows [][]string) {
	ew.printf("| %s |\n", strings.Join(mapEscape(header), " | "))
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---"
		if i < len(right) && right[i] {
			seps[i] = "---:"
		}
	}
	ew.printf("| %s |\n", strings.Join(seps, " | "))
	for _, r := range rows {
		ew.printf("| %s |\n", strings.Join(mapEscape(r), " | "))
	}
}

func mapEscape(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdCell(s)
	}
	return out
}

// mdCell escapes a table cell: pipes, and line breaks as <br>.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}

func mdEscape(s string) string {
	return strings.NewReplacer("*", `\*`, "_", `\_`, "<", "&lt;").Replace(s)
}
