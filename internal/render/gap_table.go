package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/parplan/parplan/internal/gap"
)

// gapTable writes aligned tables for a terminal: field rows emphasised,
// numbers right-aligned, long names wrapped to fit the width.
type gapTable struct {
	opts GapOptions
}

// defaultWidth is the width used when output is not a terminal.
const defaultWidth = 160

func (p gapTable) Print(w io.Writer, r *gap.Report) error {
	ew := &errWriter{w: w}
	ew.printf("%s (%s)\n", r.Title, r.PlanID)
	for _, a := range r.Appendices {
		ew.printf("\n%s\n", appendixHeading(a))
		switch {
		case p.opts.ByLead:
			p.byLead(ew, a)
		case a.Scored():
			p.scored(ew, r, a)
		default:
			p.unscored(ew, r, a)
		}
	}
	return ew.err
}

func appendixHeading(a *gap.Appendix) string {
	parts := []string{}
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

func (p gapTable) width() int {
	if p.opts.Width > 0 {
		return p.opts.Width
	}
	return defaultWidth
}

// fit chooses column widths: fixed columns (numbers, codes) as wide as
// their widest value, flexible columns (names) sharing the rest fairly
// (none wider than it needs). It returns the columns to keep, dropping
// optional ones (in order) when the terminal is too narrow for each
// flexible column to get minFlex.
func fit(total int, header []string, rows [][]string, flexible []int, optional []int, minFlex int) (keep []int, widths []int) {
	keep = make([]int, len(header))
	for i := range keep {
		keep[i] = i
	}
	natural := make([]int, len(header))
	for i, h := range header {
		natural[i] = 4
		for _, row := range rows {
			if i < len(row) {
				for _, line := range strings.Split(row[i], "\n") {
					natural[i] = max(natural[i], runewidth.StringWidth(line))
				}
			}
		}
		// Headers may wrap to two lines, not more, and never cut a word.
		for _, word := range strings.Fields(h) {
			natural[i] = max(natural[i], runewidth.StringWidth(word))
		}
		for wrapLines(h, natural[i]) > 2 {
			natural[i]++
		}
	}
	for {
		fixed, flex := 0, []int{}
		for _, i := range keep {
			if contains(flexible, i) {
				flex = append(flex, i)
			} else {
				fixed += natural[i]
			}
		}
		room := total - fixed - 3*len(keep) - 1
		if len(flex) == 0 || room >= len(flex)*minFlex || len(optional) == 0 {
			width := map[int]int{}
			// Water-filling: the narrowest needs are met first.
			sorted := append([]int{}, flex...)
			slices.SortFunc(sorted, func(a, b int) int { return natural[a] - natural[b] })
			// When nothing more can be dropped, the flexible columns take
			// what room there is (down to a few characters) so the table
			// still fits the terminal.
			floor := minFlex
			if room < len(sorted)*minFlex {
				floor = 8
			}
			for n, i := range sorted {
				share := max(room/(len(sorted)-n), floor)
				width[i] = min(natural[i], share)
				room -= width[i]
			}
			widths = make([]int, len(keep))
			for j, i := range keep {
				if w, ok := width[i]; ok {
					widths[j] = w
				} else {
					widths[j] = natural[i]
				}
			}
			return keep, widths
		}
		keep = remove(keep, optional[0])
		optional = optional[1:]
	}
}

// wrapLines counts the lines text takes when wrapped at width.
func wrapLines(text string, width int) int {
	lines, cur := 1, 0
	for _, word := range strings.Fields(text) {
		w := runewidth.StringWidth(word)
		switch {
		case cur == 0:
			cur = w
		case cur+1+w <= width:
			cur += 1 + w
		default:
			lines, cur = lines+1, w
		}
	}
	return lines
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func remove(s []int, v int) []int {
	out := make([]int, 0, len(s))
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

func pick(row []string, keep []int) []string {
	out := make([]string, len(keep))
	for j, i := range keep {
		if i < len(row) {
			out[j] = row[i]
		}
	}
	return out
}

func (p gapTable) scored(ew *errWriter, r *gap.Report, a *gap.Appendix) {
	header := gapHeader(r)
	var rows [][]string
	var strong []bool
	survey := false
	for _, row := range a.Rows {
		name := row.Name
		if !r.Sorted {
			name = strings.Repeat("  ", row.Depth) + name
		}
		if row.Survey {
			name += " †"
			survey = true
		}
		rows = append(rows, []string{row.Ref, name, num(row.Max), num(row.Achieved), num(row.Target),
			num(row.Lost), num(row.Gain), num(row.Left), pct(row.Recovery), strings.Join(row.Lead, "; ")})
		strong = append(strong, row.Depth == 0)
	}
	t := a.Total
	footer := []string{"", "Tổng", num(t.Max), num(t.Achieved), num(t.Target), num(t.Lost), num(t.Gain), num(t.Left), pct(t.Recovery), ""}
	// Columns: 0 Mã, 1 name, 2–8 numbers, 9 Chủ trì. The lead column
	// goes first on a narrow terminal, then the recovery share.
	optional := []int{9, 8}
	if !anyLead(a.Rows) {
		header, rows, footer = header[:9], trimCols(rows, 9), footer[:9]
		optional = []int{8}
	}
	keep, widths := fit(p.width(), header, append(rows, footer), []int{1, 9}, optional, 16)
	tbl := Table{Header: pick(header, keep), Footer: pick(footer, keep), ColWidth: widths, Color: p.opts.Color, Strong: strong}
	for _, row := range rows {
		tbl.Rows = append(tbl.Rows, pick(row, keep))
	}
	for _, i := range keep {
		if i >= 2 && i <= 8 {
			tbl.Align = append(tbl.Align, Right)
		} else {
			tbl.Align = append(tbl.Align, Left)
		}
	}
	ew.render(tbl)
	ew.println(projection(r, t))
	ew.println(recoveryLine(t))
	if a.Stated != nil {
		ew.println(statedLine(a.Stated, t))
	}
	if survey {
		ew.println(surveyLegend)
	}
	if !contains(keep, 9) && anyLead(a.Rows) {
		ew.println("(Cột Chủ trì được ẩn vì cửa sổ hẹp; xem --by lead.)")
	}
	for _, l := range discrepancyLines(a) {
		ew.println(l)
	}
	p.percent(ew, r, a)
	p.noScore(ew, a)
}

func anyLead(rows []gap.Row) bool {
	for _, r := range rows {
		if len(r.Lead) > 0 {
			return true
		}
	}
	return false
}

func trimCols(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r[:min(n, len(r))]
	}
	return out
}

// percent lists the percent-unit items apart from the points.
func (p gapTable) percent(ew *errWriter, r *gap.Report, a *gap.Appendix) {
	if len(a.Percent) == 0 {
		return
	}
	achieved, target := "Đạt (%)", "Mục tiêu (%)"
	if r.BaselineYear != 0 {
		achieved = fmt.Sprintf("Đạt %d (%%)", r.BaselineYear)
	}
	if r.Year != 0 {
		target = fmt.Sprintf("Mục tiêu %d (%%)", r.Year)
	}
	ew.printf("\nChỉ số tính theo tỷ lệ %% (không cộng vào điểm): %d mục\n", len(a.Percent))
	header := []string{"Mã", "Tiêu chí", achieved, target, "Tăng", "Mục tiêu ghi bằng lời"}
	var rows [][]string
	for _, row := range a.Percent {
		rows = append(rows, []string{row.Ref, row.Name, num(row.Achieved), num(row.Target), num(row.Gain), row.TargetText})
	}
	_, widths := fit(p.width(), header, rows, []int{1, 5}, nil, 16)
	ew.render(Table{Header: header, Rows: rows, ColWidth: widths, Align: []Align{Left, Left, Right, Right, Right, Left}})
}

// noScore lists the items without any score: counted, never zero.
func (p gapTable) noScore(ew *errWriter, a *gap.Appendix) {
	if len(a.NoScore) == 0 {
		return
	}
	ew.printf("\nKhông có dữ liệu điểm (không tính là 0): %d mục\n", len(a.NoScore))
	for _, row := range a.NoScore {
		detail := row.Note
		if detail == "" {
			detail = row.TargetText
		}
		line := fmt.Sprintf("  %s %s", row.Ref, row.Name)
		if detail != "" {
			line += " — " + detail
		}
		ew.println(line)
	}
}

// unscored describes an appendix without scores: what it holds, and
// where to look instead.
func (p gapTable) unscored(ew *errWriter, r *gap.Report, a *gap.Appendix) {
	ew.printf("Phụ lục này không có dữ liệu điểm: %d mục trong %d phần, mục tiêu và nhiệm vụ ghi bằng lời, nên không tính được điểm bị mất hay phấn đấu tăng (không tính là 0).\n", a.Leaves, len(a.Sections))
	header := []string{"Mục", "Tên", "Số mục", "Có chủ trì", "Có mục tiêu", "Có thời gian"}
	var rows [][]string
	for _, s := range a.Sections {
		rows = append(rows, []string{s.Code, s.Name, fmt.Sprint(s.Items), fmt.Sprint(s.WithLead), fmt.Sprint(s.WithTargetText), fmt.Sprint(s.WithDeadline)})
	}
	_, widths := fit(p.width(), header, rows, []int{1}, nil, 20)
	ew.render(Table{Header: header, Rows: rows, ColWidth: widths, Align: []Align{Left, Left, Right, Right, Right, Right}, Color: p.opts.Color})
	p.percent(ew, r, a)
	file := p.opts.File
	if file == "" {
		file = r.PlanID + ".yaml"
	}
	ew.printf("Ai phụ trách các mục: parplan gap --by lead --appendix %s %s\n", a.ID, file)
}

func (p gapTable) byLead(ew *errWriter, a *gap.Appendix) {
	header := []string{"Cơ quan chủ trì", "Số mục", "Dùng chung", "Bị mất", "Tăng", "Còn thiếu", "Mã"}
	var rows [][]string
	for _, l := range a.ByLead {
		rows = append(rows, []string{l.Agency, fmt.Sprint(l.Items), fmt.Sprint(l.Shared), num(l.Lost), num(l.Gain), num(l.Left), strings.Join(l.Codes, ", ")})
	}
	if !a.Scored() {
		// Without scores only the counts mean anything.
		header = []string{header[0], header[1], header[2], header[6]}
		for i, row := range rows {
			rows[i] = []string{row[0], row[1], row[2], row[6]}
		}
	}
	last := len(header) - 1
	keep, widths := fit(p.width(), header, rows, []int{0, last}, []int{last}, 20)
	tbl := Table{Header: pick(header, keep), ColWidth: widths, Color: p.opts.Color}
	for _, row := range rows {
		tbl.Rows = append(tbl.Rows, pick(row, keep))
	}
	for _, i := range keep {
		if i >= 1 && i < last {
			tbl.Align = append(tbl.Align, Right)
		} else {
			tbl.Align = append(tbl.Align, Left)
		}
	}
	ew.render(tbl)
	ew.println(leadCounting)
	if !a.Scored() {
		ew.println("Phụ lục này không có dữ liệu điểm: chỉ đếm số mục.")
	}
}

// errWriter keeps the first write error, so a report is a sequence of
// writes checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) println(s string) {
	if s != "" {
		e.printf("%s\n", s)
	}
}

func (e *errWriter) render(t Table) {
	if e.err == nil {
		e.err = t.Render(e.w)
	}
}
