package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/gap"
)

// gapMarkdown writes GitHub-flavoured Markdown tables, for reports and
// pull requests.
type gapMarkdown struct {
	opts GapOptions
}

func (p gapMarkdown) Print(w io.Writer, r *gap.Report) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n", mdEscape(r.Title))
	for _, a := range r.Appendices {
		ew.printf("\n## %s\n\n", mdEscape(appendixHeading(a)))
		switch {
		case p.opts.ByLead:
			mdTable(ew, []string{"Cơ quan chủ trì", "Số mục", "Dùng chung", "Bị mất", "Tăng", "Còn thiếu", "Mã"}, []bool{false, true, true, true, true, true, false}, leadRows(a))
			ew.printf("\n%s\n", leadCounting)
		case a.Scored():
			header := gapHeader(r)
			var rows [][]string
			legend := ""
			for _, row := range a.Rows {
				if row.Survey {
					legend = surveyLegend
				}
				name := row.Name
				if row.Depth == 0 {
					name = "**" + name + "**"
				}
				if row.Survey {
					name += " †"
				}
				rows = append(rows, []string{row.Ref, name, num(row.Max), num(row.Achieved), num(row.Target),
					num(row.Lost), num(row.Gain), num(row.Left), pct(row.Recovery), strings.Join(row.Lead, "; ")})
			}
			t := a.Total
			rows = append(rows, []string{"", "**Tổng**", num(t.Max), num(t.Achieved), num(t.Target), num(t.Lost), num(t.Gain), num(t.Left), pct(t.Recovery), ""})
			mdTable(ew, header, []bool{false, false, true, true, true, true, true, true, true, false}, rows)
			ew.printf("\n%s\n", projection(r, t))
			for _, l := range []string{recoveryLine(t), statedLineOrEmpty(a), legend} {
				if l != "" {
					ew.printf("\n%s\n", mdEscape(l))
				}
			}
			if lines := discrepancyLines(a); lines != nil {
				ew.printf("\n%s\n\n", lines[0])
				for _, l := range lines[1:] {
					ew.printf("- %s\n", mdEscape(strings.TrimSpace(l)))
				}
			}
		default:
			ew.printf("Phụ lục này không có dữ liệu điểm: %d mục, mục tiêu và nhiệm vụ ghi bằng lời.\n\n", a.Items)
			var rows [][]string
			for _, s := range a.Sections {
				rows = append(rows, []string{s.Code, s.Name, fmt.Sprint(s.Items), fmt.Sprint(s.WithLead), fmt.Sprint(s.WithTargetText), fmt.Sprint(s.WithDeadline)})
			}
			mdTable(ew, []string{"Mục", "Tên", "Số mục", "Có chủ trì", "Có mục tiêu", "Có thời gian"}, []bool{false, false, true, true, true, true}, rows)
		}
	}
	return ew.err
}

func statedLineOrEmpty(a *gap.Appendix) string {
	if a.Stated == nil {
		return ""
	}
	return statedLine(a.Stated, a.Total)
}

func leadRows(a *gap.Appendix) [][]string {
	var rows [][]string
	for _, l := range a.ByLead {
		rows = append(rows, []string{l.Agency, fmt.Sprint(l.Items), fmt.Sprint(l.Shared), num(l.Lost), num(l.Gain), num(l.Left), strings.Join(l.Codes, ", ")})
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
