package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
)

// GapPrinter writes a gap report in one format.
type GapPrinter interface {
	Print(w io.Writer, r *gap.Report) error
}

// GapOptions are what every gap printer may use.
type GapOptions struct {
	// ByLead prints the analysis per lead agency instead of per item.
	ByLead bool
	// Color emphasises field rows and headers (table format only).
	Color bool
	// Width is the terminal width the table must fit; 0 is unbounded
	// (output piped to a file or program).
	Width int
	// File is the plan's path as the user gave it, for hints.
	File string
}

// GapFormats lists the gap format names, for flags, help and completion.
var GapFormats = []string{"table", "csv", "json", "markdown"}

// NewGap returns the gap printer for a format name.
func NewGap(format string, opts GapOptions) (GapPrinter, error) {
	switch format {
	case "table":
		return gapTable{opts}, nil
	case "csv":
		return gapCSV{opts}, nil
	case "json":
		return gapJSON{}, nil
	case "markdown", "md":
		return gapMarkdown{opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q (valid formats: %s)", format, strings.Join(GapFormats, ", "))
}

// num formats an optional value as the table does: the exact digits, or
// empty when absent.
func num(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	return o.V.String()
}

// pct formats an optional percentage for tables: "22.38%".
func pct(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	return o.V.String() + "%"
}

// comma formats an optional value for Vietnamese prose: "85,415".
func comma(o plan.Opt) string {
	if !o.OK {
		return "?"
	}
	return o.V.Comma()
}

// signedComma formats a change for prose: "+3,264".
func signedComma(o plan.Opt) string {
	if !o.OK {
		return "?"
	}
	if o.V.Sign() > 0 {
		return "+" + o.V.Comma()
	}
	return o.V.Comma()
}

// gapHeader returns the column headers, in the documents' vocabulary.
func gapHeader(r *gap.Report) []string {
	achieved, target := "Đạt", "Mục tiêu"
	if r.BaselineYear != 0 {
		achieved = fmt.Sprintf("Đạt %d", r.BaselineYear)
	}
	if r.Year != 0 {
		target = fmt.Sprintf("Mục tiêu %d", r.Year)
	}
	return []string{"Mã", "Lĩnh vực/Tiêu chí", "Tối đa", achieved, target, "Bị mất", "Tăng", "Còn thiếu", "Thu hồi", "Chủ trì"}
}

// projection is the one-line summary of an appendix's totals:
// "2023: 85,415/100 → mục tiêu 2024: 88,679 (+3,264 điểm, +3,82%)".
func projection(r *gap.Report, t *gap.Total) string {
	if !t.Achieved.OK || !t.Target.OK {
		var missing []string
		if !t.Achieved.OK {
			missing = append(missing, "điểm đạt được (achieved)")
		}
		if !t.Target.OK {
			missing = append(missing, "mục tiêu (target)")
		}
		return fmt.Sprintf("Chưa có %s: điền cho từng tiêu chí để tính điểm bị mất và phấn đấu tăng.", strings.Join(missing, " và "))
	}
	from, to := "Đạt", "mục tiêu"
	if r.BaselineYear != 0 {
		from = fmt.Sprint(r.BaselineYear)
	}
	if r.Year != 0 {
		to = fmt.Sprintf("mục tiêu %d", r.Year)
	}
	inc := ""
	if t.Increase.OK {
		inc = ", " + signedComma(t.Increase) + "%"
	}
	return fmt.Sprintf("%s: %s/%s → %s: %s (%s điểm%s)", from, comma(t.Achieved), comma(t.Max), to, comma(t.Target), signedComma(t.Gain), inc)
}

// recoveryLine says how much of the lost points the plan wins back.
func recoveryLine(t *gap.Total) string {
	if !t.Lost.OK || !t.Gain.OK {
		return ""
	}
	s := fmt.Sprintf("Kế hoạch phấn đấu lấy lại %s trong %s điểm bị mất", comma(t.Gain), comma(t.Lost))
	if t.Recovery.OK {
		s += fmt.Sprintf(" (%s%%)", t.Recovery.V.Comma())
	}
	if t.Left.OK {
		s += fmt.Sprintf("; nếu đạt mọi mục tiêu vẫn còn thiếu %s điểm", comma(t.Left))
	}
	return s + "."
}

// statedLine compares the increase the document's note states with the
// computed one.
func statedLine(s *gap.StatedIncrease, t *gap.Total) string {
	verdict := "khớp với số tính được"
	if !s.PointsMatch || (s.Percent.OK && !s.PercentMatch) {
		verdict = "KHÔNG khớp với số tính được"
	}
	computed := signedComma(t.Gain) + " điểm"
	if t.Increase.OK {
		computed += ", " + signedComma(t.Increase) + "%"
		if s.Percent.OK && s.Percent.V.Scale() < t.Increase.V.Scale() {
			computed += " ≈ " + s.Percent.V.Comma() + "%"
		}
	}
	return fmt.Sprintf("Văn bản ghi: %q — %s (%s).", s.Text, verdict, computed)
}

// discrepancyLines lists stated scores that differ from the sum of their
// parts.
func discrepancyLines(a *gap.Appendix) []string {
	if len(a.Discrepancies) == 0 {
		return nil
	}
	lines := []string{"Điểm ghi trong văn bản khác tổng các mục con (báo cáo dùng số ghi trong văn bản):"}
	for _, d := range a.Discrepancies {
		what := "Tổng"
		if d.Item != nil {
			what = d.Item.Code.Value
			if what == "" {
				what = d.Item.Name.Value
			}
		}
		kind := ""
		if d.Rounding {
			kind = ", làm tròn"
		}
		ack := ""
		if d.Acknowledged {
			ack = " — đã ghi nhận: " + d.Reason
		}
		lines = append(lines, fmt.Sprintf("  %s %s: ghi %s, tổng %s (chênh %s%s) [%s]%s", what, keyName(d.Key), d.Stated, d.Sum, d.Stated.Sub(d.Sum).Signed(), kind, d.Rule, ack))
	}
	return lines
}

func keyName(k plan.ScoreKey) string {
	return [...]string{"tối đa", "đạt được", "mục tiêu"}[k]
}

// leadCounting says how an item with several lead agencies is counted.
const leadCounting = "Mục có nhiều cơ quan chủ trì được tính đủ cho từng cơ quan, nên tổng các cột có thể lớn hơn tổng của phụ lục."

const surveyLegend = "† Chấm qua điều tra xã hội học (Điều tra XHH): tỉnh không tự chấm được."
