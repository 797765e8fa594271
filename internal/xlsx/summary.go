package xlsx

import (
	"cmp"
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
)

// Widths of the summary sheet's columns (Excel character units): a
// number, a name, then figures. They add up to less than a landscape A4
// page between the margins, so the summary prints unscaled.
var summaryWidths = []float64{7, 46, 12, 12, 12, 12, 12, 12}

// summaryPageHeight is the height, in points, of a landscape A4 page
// between the margins, less the footer's room.
const summaryPageHeight = 595 - (marginTop+marginBottom)*72 - 12

// Heights in points of a blank row and of a row under a chart; a chart
// is measured in pixels, 4 pixels to 3 points.
const (
	blankHeight = 12
	chartRow    = 15
)

// summary writes the summary sheet with the normal (not streaming) API:
// it is small, and charts need it.
type summary struct {
	f     *excelize.File
	st    *styles
	sheet string
	vars  map[string]string
	// widths are the sheet's column widths (Excel character units); the
	// lines above tables span them all.
	widths []float64
	// row is the next free row; used is how many points of the current
	// printed page the rows so far take.
	row  int
	used float64
}

// writeSummary writes the gap figures of each appendix: for a scored one,
// per field max, achieved, target, lost, gain and left with totals and a
// chart, then per lead agency; for one without scores, items per section
// with a chart, and per lead agency. The figures are package gap's.
func writeSummary(f *excelize.File, st *styles, sheet string, p *plan.Plan, appendix string) error {
	rep, err := gap.Analyze(p, gap.Options{Appendix: appendix, Level: gap.LevelField})
	if err != nil {
		return err
	}
	s := &summary{f: f, st: st, sheet: sheet, row: 1, vars: vars(p.Meta), widths: summaryWidths}
	if err := s.setWidths(); err != nil {
		return err
	}
	if err := s.line("TỔNG HỢP", cellStyle{size: titleSize, bold: true, align: "center", valign: "center"}); err != nil {
		return err
	}
	if err := s.line(p.Meta.Title.Value, cellStyle{size: noteSize, italic: true, align: "center", valign: "center", wrap: true}); err != nil {
		return err
	}
	for _, a := range rep.Appendices {
		if err := s.blank(); err != nil {
			return err
		}
		heading := cmp.Or(a.Label, a.ID)
		if a.Title != "" {
			heading += ": " + a.Title
		}
		if a.Scored() {
			err = s.scored(a, heading)
		} else {
			err = s.unscored(a, heading)
		}
		if err != nil {
			return err
		}
	}
	return pageSetup(f, sheet, "landscape", 0, 0)
}

// setWidths sets the sheet's column widths.
func (s *summary) setWidths() error {
	for i, w := range s.widths {
		if err := s.f.SetColWidth(s.sheet, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	return nil
}

// fit starts a new printed page unless the next h points fit on this one:
// a chart or a table prints whole rather than split across two pages.
func (s *summary) fit(h float64) error {
	if s.used == 0 || s.used+h <= summaryPageHeight {
		return nil
	}
	s.used = 0
	return s.f.InsertPageBreak(s.sheet, cellRef(1, s.row))
}

// next moves on to the next row, which took h points.
func (s *summary) next(h float64) error {
	if err := s.f.SetRowHeight(s.sheet, s.row, h); err != nil {
		return err
	}
	s.row++
	s.used += h
	return nil
}

func (s *summary) blank() error { return s.next(blankHeight) }

// line writes a text across the summary's width.
func (s *summary) line(text string, cs cellStyle) error {
	first, last := cellRef(1, s.row), cellRef(len(s.widths), s.row)
	if err := s.f.SetCellStr(s.sheet, first, text); err != nil {
		return err
	}
	id, err := s.st.id(cs)
	if err != nil {
		return err
	}
	if err := s.f.SetCellStyle(s.sheet, first, last, id); err != nil {
		return err
	}
	if err := s.f.MergeCell(s.sheet, first, last); err != nil {
		return err
	}
	return s.next(heightFor(wrappedLines(text, mergedPoints(s.widths...), cs.size, cs.bold), cs.size))
}

// cell is one cell of a summary table: text, or a number.
type cell struct {
	text string
	num  plan.Opt
	// format is the number format when it is not the one of the
	// number's decimals: a date's, whose number is its serial day.
	format string
}

func txt(s string) cell   { return cell{text: s} }
func num(o plan.Opt) cell { return cell{num: o} }
func count(i int) cell    { return cell{num: plan.Opt{V: decimal.FromInt(int64(i)), OK: true}} }

// headingStyle is the style of the line above a table, headerStyle that
// of its header cells.
var (
	headingStyle = cellStyle{size: noteSize, bold: true, align: "left", valign: "center", wrap: true}
	headerStyle  = cellStyle{size: noteSize, bold: true, align: "center", valign: "center", wrap: true, border: true, fill: "F2F2F2"}
)

// table writes a bordered table under a heading: a header row, the rows,
// and a bold total row (its label across the first two columns) if total
// is not nil. It returns the sheet rows of the first and last body rows.
func (s *summary) table(heading string, header []string, rows [][]cell, total []cell) (first, last int, err error) {
	head := make([]cell, len(header))
	for i, h := range header {
		head[i] = txt(h)
	}
	body := func(bold bool) func(int, cell) cellStyle {
		return func(i int, c cell) cellStyle {
			cs := cellStyle{size: noteSize, bold: bold, align: "left", valign: "center", wrap: true, border: true}
			if i == 0 || c.num.OK {
				cs.align = "center"
			}
			if c.num.OK {
				cs.numFmt = numFmt(c.num.V, false)
			}
			return cs
		}
	}
	type line struct {
		cells   []cell
		styleOf func(int, cell) cellStyle
		total   bool
	}
	lines := []line{{head, func(int, cell) cellStyle { return headerStyle }, false}}
	for _, r := range rows {
		lines = append(lines, line{r, body(false), false})
	}
	if total != nil {
		lines = append(lines, line{total, body(true), true})
	}
	heights := make([]float64, len(lines))
	sum := heightFor(wrappedLines(heading, mergedPoints(s.widths...), headingStyle.size, true), headingStyle.size)
	for i, l := range lines {
		heights[i] = s.height(l.cells, l.styleOf, l.total)
		sum += heights[i]
	}
	// A table longer than a page starts on a page of its own; a shorter
	// one prints whole, with its heading.
	if err := s.fit(math.Min(sum, summaryPageHeight)); err != nil {
		return 0, 0, err
	}
	if err := s.line(heading, headingStyle); err != nil {
		return 0, 0, err
	}
	for i, l := range lines {
		if i == 1 {
			first = s.row
		}
		if err := s.write(l.cells, l.styleOf); err != nil {
			return 0, 0, err
		}
		if l.total {
			if err := s.f.MergeCell(s.sheet, cellRef(1, s.row), cellRef(2, s.row)); err != nil {
				return 0, 0, err
			}
		} else {
			last = s.row
		}
		if err := s.next(heights[i]); err != nil {
			return 0, 0, err
		}
	}
	return first, last, nil
}

// height is the height of a table row: enough for its tallest cell.
func (s *summary) height(cells []cell, styleOf func(int, cell) cellStyle, total bool) float64 {
	lines := 1
	for i, c := range cells {
		if c.text == "" || c.num.OK {
			continue
		}
		width := columnPoints(s.widths[i])
		if total && i == 0 {
			width = mergedPoints(s.widths[0], s.widths[1])
		}
		cs := styleOf(i, c)
		lines = max(lines, wrappedLines(c.text, width, cs.size, cs.bold))
	}
	return heightFor(lines, noteSize)
}

// write writes the cells of the current row.
func (s *summary) write(cells []cell, styleOf func(int, cell) cellStyle) error {
	for i, c := range cells {
		if err := s.put(cellRef(i+1, s.row), c, styleOf(i, c)); err != nil {
			return err
		}
	}
	return nil
}

// put writes one cell and styles it.
func (s *summary) put(ref string, c cell, cs cellStyle) error {
	switch {
	case c.num.OK:
		if f, exact := cellNumber(c.num.V); exact {
			if err := s.f.SetCellFloat(s.sheet, ref, f, -1, 64); err != nil {
				return err
			}
		} else if err := s.f.SetCellStr(s.sheet, ref, c.num.V.String()); err != nil {
			return err
		}
	case c.text != "":
		if err := s.f.SetCellStr(s.sheet, ref, c.text); err != nil {
			return err
		}
	}
	id, err := s.st.id(cs)
	if err != nil {
		return err
	}
	return s.f.SetCellStyle(s.sheet, ref, ref, id)
}

// scored writes a scored appendix's field table, its chart and the
// figures per lead agency.
func (s *summary) scored(a *gap.Appendix, heading string) error {
	header := []string{
		"STT", "Lĩnh vực",
		"Điểm tối đa",
		withYear("Điểm đạt được", s.vars["baseline_year"]),
		withYear("Mục tiêu", s.vars["year"]),
		"Điểm bị mất (tối đa − đạt được)",
		"Điểm phấn đấu tăng (mục tiêu − đạt được)",
		"Còn thiếu (tối đa − mục tiêu)",
	}
	var rows [][]cell
	for _, r := range a.Rows {
		rows = append(rows, []cell{txt(r.Code), txt(r.Name), num(r.Max), num(r.Achieved), num(r.Target), num(r.Lost), num(r.Gain), num(r.Left)})
	}
	tot := a.Total
	label := "Tổng cộng"
	if tot.Stated {
		label = "Tổng cộng (theo dòng tổng của phụ lục)"
	}
	first, last, err := s.table(heading, header, rows, []cell{txt(label), txt(""), num(tot.Max), num(tot.Achieved), num(tot.Target), num(tot.Lost), num(tot.Gain), num(tot.Left)})
	if err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := s.blank(); err != nil {
			return err
		}
		title := "Điểm theo lĩnh vực"
		if a.Label != "" {
			title += " — " + a.Label
		}
		// Per field, the maximum, the points achieved and the target as
		// bars side by side: where points were lost and how much of them
		// the plan wins back shows at a glance.
		if err := s.chart(title, 90+54*len(rows), first, last, []excelize.ChartSeries{
			s.series("C", "BFBFBF", first, last),
			s.series("D", "4472C4", first, last),
			s.series("E", "70AD47", first, last),
		}); err != nil {
			return err
		}
	}
	return s.byLead(a, true)
}

func withYear(label, year string) string {
	if year == "" {
		return label
	}
	return label + " năm " + year
}

// series is the column col of the table rows first…last against the
// names in column B, named by the column's header.
func (s *summary) series(col, color string, first, last int) excelize.ChartSeries {
	sheet := quoteSheet(s.sheet)
	return excelize.ChartSeries{
		Name:       fmt.Sprintf("%s!$%s$%d", sheet, col, first-1),
		Categories: fmt.Sprintf("%s!$B$%d:$B$%d", sheet, first, last),
		Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, first, col, last),
		Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
	}
}

// Charts have at most maxCategories bars (more cannot be read; the table
// is there) and are at most maxChartHeight pixels high, a page.
const (
	maxCategories  = 30
	maxChartHeight = 600
)

// chart draws horizontal bars, the categories top-down in table order,
// height pixels high, on the rows below the current one.
func (s *summary) chart(title string, height, first, last int, series []excelize.ChartSeries) error {
	if last-first+1 > maxCategories {
		return nil
	}
	height = min(height, maxChartHeight)
	pts := float64(height) * 0.75
	if err := s.fit(pts); err != nil {
		return err
	}
	font := excelize.Font{Family: Font, Size: 10, Color: "000000"}
	gapWidth, overlap := uint(50), -10
	printObj := true
	legend := excelize.ChartLegend{Position: "bottom", Font: &font}
	if len(series) == 1 {
		legend.Position = "none"
	}
	if err := s.f.AddChart(s.sheet, cellRef(1, s.row), &excelize.Chart{
		Type:   excelize.Bar,
		Series: series,
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Family: Font, Size: 13, Bold: true, Color: "000000"},
		}}},
		Legend:    legend,
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: font, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: 900, Height: uint(height)},
		GapWidth:  &gapWidth,
		Overlap:   &overlap,
		Format:    excelize.GraphicOptions{PrintObject: &printObj, OffsetX: 4, OffsetY: 4},
	}); err != nil {
		return err
	}
	// The rows under the chart have a known height, so that the chart
	// covers a known number of them.
	for range int(math.Ceil((pts+6)/chartRow)) + 1 {
		if err := s.next(chartRow); err != nil {
			return err
		}
	}
	return nil
}

// byLead writes the figures per lead agency. An item with several lead
// agencies counts for each, so the columns have no total.
func (s *summary) byLead(a *gap.Appendix, scored bool) error {
	if len(a.ByLead) == 0 {
		return nil
	}
	if err := s.blank(); err != nil {
		return err
	}
	var header []string
	var rows [][]cell
	if scored {
		header = []string{"STT", "Cơ quan chủ trì", "Số tiêu chí chủ trì", "Trong đó cùng chủ trì với cơ quan khác", "Điểm bị mất", "Điểm phấn đấu tăng", "Còn thiếu"}
		for i, l := range a.ByLead {
			rows = append(rows, []cell{count(i + 1), txt(l.Agency), count(l.Items), count(l.Shared), num(l.Lost), num(l.Gain), num(l.Left)})
		}
	} else {
		header = []string{"STT", "Cơ quan chủ trì", "Số nội dung chủ trì", "Trong đó cùng chủ trì với cơ quan khác"}
		for i, l := range a.ByLead {
			rows = append(rows, []cell{count(i + 1), txt(l.Agency), count(l.Items), count(l.Shared)})
		}
	}
	if _, _, err := s.table("Theo cơ quan chủ trì", header, rows, nil); err != nil {
		return err
	}
	return s.line("Một nội dung do nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan, nên các cột không cộng thành tổng của phụ lục.",
		cellStyle{size: 11, italic: true, align: "left", valign: "center", wrap: true})
}

// unscored writes, for an appendix without scores, the items per section
// with a chart, then per lead agency.
func (s *summary) unscored(a *gap.Appendix, heading string) error {
	header := []string{"TT", "Mục", "Số nội dung", "Có cơ quan chủ trì", "Có thời gian thực hiện"}
	var rows [][]cell
	var items, lead, deadline int
	for _, sec := range a.Sections {
		rows = append(rows, []cell{txt(sec.Code), txt(sec.Name), count(sec.Items), count(sec.WithLead), count(sec.WithDeadline)})
		items += sec.Items
		lead += sec.WithLead
		deadline += sec.WithDeadline
	}
	first, last, err := s.table(heading, header, rows, []cell{txt("Tổng cộng"), txt(""), count(items), count(lead), count(deadline)})
	if err != nil {
		return err
	}
	if len(rows) > 1 {
		if err := s.blank(); err != nil {
			return err
		}
		if err := s.chart("Số nội dung theo mục — "+cmp.Or(a.Label, a.ID), 90+40*len(rows), first, last,
			[]excelize.ChartSeries{s.series("C", "4472C4", first, last)}); err != nil {
			return err
		}
	}
	return s.byLead(a, false)
}
