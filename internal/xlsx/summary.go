package xlsx

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// Widths of the summary sheet's columns (Excel character units): a
// number, a name, then figures. They add up to less than a landscape A4
// page between the margins, so the summary prints unscaled.
var summaryWidths = []float64{7, 46, 12, 12, 12, 12, 12, 12}

// summaryPageHeight is the height, in points, of a landscape A4 page
// between the margins, less the page number's room.
const summaryPageHeight = 595 - (marginTop+marginBottom)*72 - 12

// Heights in points of a blank row and of a row under a chart; a chart
// is measured in pixels, 4 pixels to 3 points.
const (
	blankHeight = 12
	chartRow    = 15
)

// summary writes a sheet of tables one under the other (the export's
// summary, the progress report) through a stream writer, a row at a
// time: the cells of the current row are collected, then written when
// the row is done (next). Merges, page breaks and charts go to the sheet
// before it is flushed (close).
type summary struct {
	f     *excelize.File
	sw    *rowStream
	st    *styles
	sheet string
	vars  map[string]string
	p     *msg.Printer
	// formulas writes totals and differences as formulas, and the
	// figures of an appendix as references to its sheet.
	formulas bool
	// widths are the sheet's column widths (Excel character units); the
	// lines above tables span them all.
	widths []float64
	// row is the next free row; used is how many points of the current
	// printed page the rows so far take.
	row  int
	used float64
	// cells are the current row's cells, by column (0-based); the zero
	// Cell is none.
	cells []excelize.Cell
}

// newSummary starts the sheet, its columns as wide as widths.
func newSummary(f *excelize.File, st *styles, sheet string, widths []float64) (*summary, error) {
	sw, err := st.rows.newRowStream(f, sheet)
	if err != nil {
		return nil, err
	}
	s := &summary{f: f, sw: sw, st: st, sheet: sheet, row: 1, widths: widths, p: msg.For(msg.VI)}
	for i, w := range widths {
		if err := sw.sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// close writes the sheet out.
func (s *summary) close() error { return s.sw.Flush() }

// writeSummary writes the gap figures of each appendix: for a scored one,
// per field max, achieved, target, lost, gain and left with totals and a
// chart, then per lead agency; for one without scores, items per section
// with a chart, and per lead agency. The figures are package gap's; with
// formulas, those of a field are references to its row in the
// appendix's sheet (tables), the differences and totals formulas.
func writeSummary(f *excelize.File, st *styles, sheet string, p *plan.Plan, tables []*table, opts Options) error {
	// The summary prints the rows, sections and agencies, not the items
	// without scores (every item of a plan without any, a row each); the
	// agencies' item codes are let go while it is written.
	rep, err := gap.Analyze(p, gap.Options{Appendix: opts.Appendix, Level: gap.LevelField, NoItemLists: true})
	if err != nil {
		return err
	}
	for _, a := range rep.Appendices {
		for i := range a.ByLead {
			a.ByLead[i].Codes = nil
		}
	}
	s, err := newSummary(f, st, sheet, summaryWidths)
	if err != nil {
		return err
	}
	s.vars, s.p, s.formulas = vars(p.Meta), opts.P, !opts.NoFormulas
	if err := s.line(s.p.T("export.summary.title"), cellStyle{size: titleSize, bold: true, align: "center", valign: "center"}); err != nil {
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
		var t *table
		for _, tt := range tables {
			if tt.appendix.ID.Value == a.ID {
				t = tt
			}
		}
		if a.Scored() {
			err = s.scored(a, t, heading)
		} else {
			err = s.unscored(a, t, heading)
		}
		if err != nil {
			return err
		}
	}
	if err := pageSetup(f, sheet, layout.Landscape, layout.PageNumbersTop, 0, 0); err != nil {
		return err
	}
	return s.close()
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

// next writes the current row, h points high, and moves on to the next.
func (s *summary) next(h float64) error {
	if err := s.sw.SetRow(s.row, s.cells, h); err != nil {
		return err
	}
	s.cells = s.cells[:0]
	s.row++
	s.used += h
	return nil
}

func (s *summary) blank() error { return s.next(blankHeight) }

// merge merges the cells from…to of the current row (1-based columns).
func (s *summary) merge(from, to int) error {
	return s.sw.MergeCell(cellRef(from, s.row), cellRef(to, s.row))
}

// line writes a text across the summary's width.
func (s *summary) line(text string, cs cellStyle) error {
	for i := range s.widths {
		c := cell{}
		if i == 0 {
			c = txt(text)
		}
		if err := s.put(cellRef(i+1, s.row), c, cs); err != nil {
			return err
		}
	}
	if err := s.merge(1, len(s.widths)); err != nil {
		return err
	}
	return s.next(heightFor(wrappedLines(text, mergedPoints(s.widths...), cs.size, cs.bold), cs.size))
}

// cell is one cell of a summary table: text, or a number.
type cell struct {
	text string
	num  plan.Opt
	// format is the number format when it is not the one of the
	// number's decimals: a date's, whose number is its serial day; or
	// the decimals of the other figures of its column.
	format string
	// formula gives the number; in it, {r} stands for the cell's row
	// and {first} and {last} for the table's first and last body rows.
	formula string
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
	return s.tableOf(heading, header, len(rows), func(i int) []cell { return rows[i] }, total)
}

// tableOf is table with the n body rows made one at a time by row: a
// plan's sections are as many as its items, and their rows, all made
// first, took more memory than the plan.
func (s *summary) tableOf(heading string, header []string, n int, row func(i int) []cell, total []cell) (first, last int, err error) {
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
				cs.numFmt = cmp.Or(c.format, numFmt(c.num.V, false))
			}
			return cs
		}
	}
	type line struct {
		cells   []cell
		styleOf func(int, cell) cellStyle
		total   bool
	}
	headStyle, bodyStyle, totalStyle := func(int, cell) cellStyle { return headerStyle }, body(false), body(true)
	// line i: the header, the body rows, then the total.
	lineAt := func(i int) line {
		switch {
		case i == 0:
			return line{head, headStyle, false}
		case i <= n:
			return line{row(i - 1), bodyStyle, false}
		}
		return line{total, totalStyle, true}
	}
	lines := 1 + n
	if total != nil {
		lines++
	}
	// A table longer than a page starts on a page of its own; a shorter
	// one prints whole, with its heading: past a page, the heights of
	// the rest do not matter here.
	sum := heightFor(wrappedLines(heading, mergedPoints(s.widths...), headingStyle.size, true), headingStyle.size)
	for i := 0; i < lines && sum <= summaryPageHeight; i++ {
		l := lineAt(i)
		sum += s.height(l.cells, l.styleOf, l.total)
	}
	if err := s.fit(math.Min(sum, summaryPageHeight)); err != nil {
		return 0, 0, err
	}
	if err := s.line(heading, headingStyle); err != nil {
		return 0, 0, err
	}
	// The body rows follow the header row.
	first, last = s.row+1, s.row+n
	for i := range lines {
		l := lineAt(i)
		cells := l.cells
		if s.formulas {
			cells = placed(cells, s.row, first, last)
		} else {
			cells = valuesOnly(cells)
		}
		if err := s.write(cells, l.styleOf); err != nil {
			return 0, 0, err
		}
		if l.total {
			if err := s.merge(1, 2); err != nil {
				return 0, 0, err
			}
		}
		if err := s.next(s.height(l.cells, l.styleOf, l.total)); err != nil {
			return 0, 0, err
		}
	}
	return first, last, nil
}

// placed fills in the rows a row's formulas name.
func placed(cells []cell, row, first, last int) []cell {
	r := strings.NewReplacer("{r}", strconv.Itoa(row), "{first}", strconv.Itoa(first), "{last}", strconv.Itoa(last))
	out := make([]cell, len(cells))
	for i, c := range cells {
		if c.formula != "" {
			c.formula = r.Replace(c.formula)
		}
		out[i] = c
	}
	return out
}

func valuesOnly(cells []cell) []cell {
	out := make([]cell, len(cells))
	for i, c := range cells {
		c.formula = ""
		out[i] = c
	}
	return out
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

// put sets one cell of the current row, styled.
func (s *summary) put(ref string, c cell, cs cellStyle) error {
	col, _, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return err
	}
	id, err := s.st.id(cs)
	if err != nil {
		return err
	}
	out := excelize.Cell{StyleID: id}
	switch {
	case c.num.OK:
		if f, exact := cellNumber(c.num.V); exact {
			out.Value, out.Formula = f, c.formula
		} else {
			out.Value = c.num.V.String()
		}
	case c.text != "":
		out.Value = c.text
	}
	for len(s.cells) < col {
		s.cells = append(s.cells, excelize.Cell{})
	}
	s.cells[col-1] = out
	return nil
}

// decimals is the largest number of decimals of the figures.
func decimals(figs ...plan.Opt) int {
	n := 0
	for _, f := range figs {
		if f.OK {
			n = max(n, f.V.Scale())
		}
	}
	return n
}

// decimalsFmt is the number format with n decimals.
func decimalsFmt(n int) string {
	if n <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", n)
}

// link is a reference to the cell of an appendix table that shows fig:
// row i of its rows (-1 for the total row), in the column of key k; ""
// when there is no such cell or it does not hold fig as a number.
func link(t *table, i int, k plan.ScoreKey, fig plan.Opt) string {
	if t == nil || t.sheet == "" || !fig.OK {
		return ""
	}
	r, row := t.total, t.at.total
	if i >= 0 {
		r, row = &t.rows[i], t.at.dataFirst+i
	}
	if r == nil {
		return ""
	}
	for j, c := range t.cols {
		if kk, ok := scoreKey(c.Field); ok && kk == k {
			v := r.cells[j]
			if v.numCell == nil || v.percent || !v.num.Equal(fig.V) {
				return ""
			}
			if _, exact := cellNumber(v.num); !exact {
				return ""
			}
			return quoteSheet(t.sheet) + "!" + cellRef(j+1, row)
		}
	}
	return ""
}

// differs is the formula of a − b in the cells of columns a and b of the
// row, when the figures give d. The difference is rounded to the
// decimals of its operands, which it has exactly: what is left of
// rounding is the float noise of a spreadsheet's subtraction
// (9.5 − 9.45 = 0.0500000000000007).
func differs(a, b string, fa, fb, d plan.Opt) string {
	if !fa.OK || !fb.OK || !d.OK || !fa.V.Sub(fb.V).Equal(d.V) {
		return ""
	}
	return "ROUND(" + a + "{r}-" + b + "{r}," + strconv.Itoa(max(fa.V.Scale(), fb.V.Scale())) + ")"
}

// sumColumn is the formula of the sum of a column's body rows, when
// their figures give total.
func sumColumn(col string, figs []plan.Opt, total plan.Opt) string {
	var sum decimal.Dec
	n := 0
	for _, f := range figs {
		if f.OK {
			sum = sum.Add(f.V)
			n++
		}
	}
	if n == 0 || !total.OK || !sum.Equal(total.V) {
		return ""
	}
	return "SUM(" + col + "{first}:" + col + "{last})"
}

// printedCode is the number the appendix's table prints in row i.
func printedCode(t *table, i int) string {
	for j, c := range t.cols {
		if c.Field == layout.FieldCode {
			return t.rows[i].cells[j].text
		}
	}
	return ""
}

// sectionName is the name of a field or section in the summary; one the
// plan leaves unnamed is called by its number.
func (s *summary) sectionName(code, name string) string {
	if strings.TrimSpace(name) != "" || code == "" {
		return name
	}
	return s.p.T("export.summary.unnamed", "Code", code)
}

// scored writes a scored appendix's field table, its chart and the
// figures per lead agency. t is the appendix's table, whose cells the
// figures refer to; nil when it was not written.
func (s *summary) scored(a *gap.Appendix, t *table, heading string) error {
	p := s.p
	header := []string{
		p.T("export.summary.col.stt"), p.T("export.summary.col.field"),
		p.T("export.summary.col.max"),
		withYear(p, "export.summary.col.achieved", s.vars["baseline_year"]),
		withYear(p, "export.summary.col.target", s.vars["year"]),
		p.T("export.summary.col.lost"),
		p.T("export.summary.col.gain"),
		p.T("export.summary.col.left"),
	}
	tot := a.Total
	// Each column shows the decimals of the figures it is made of.
	var maxes, achs, tgts, losts, gains, lefts []plan.Opt
	for _, r := range a.Rows {
		maxes, achs, tgts = append(maxes, r.Max), append(achs, r.Achieved), append(tgts, r.Target)
		losts, gains, lefts = append(losts, r.Lost), append(gains, r.Gain), append(lefts, r.Left)
	}
	dMax := decimals(append(maxes, tot.Max)...)
	dAch := decimals(append(achs, tot.Achieved)...)
	dTgt := decimals(append(tgts, tot.Target)...)
	formats := []string{"", "", decimalsFmt(dMax), decimalsFmt(dAch), decimalsFmt(dTgt),
		decimalsFmt(max(dMax, dAch)), decimalsFmt(max(dTgt, dAch)), decimalsFmt(max(dMax, dTgt))}
	figures := func(r []cell) []cell {
		for i := range r {
			if formats[i] != "" {
				r[i].format = formats[i]
			}
		}
		return r
	}
	// The rows of a field-level report are the appendix's top-level
	// items that score points, in file order.
	rowOf := map[int]int{}
	if t != nil {
		n := 0
		for i, r := range t.rows {
			it := r.item
			if it == nil || it.Depth != 0 || it.Percent() {
				continue
			}
			if e := it.Sums.Effective; !e[plan.Max].OK && !e[plan.Achieved].OK && !e[plan.Target].OK {
				continue
			}
			if n < len(a.Rows) && a.Rows[n].Code == it.Code.Value && a.Rows[n].Name == it.Name.Value {
				rowOf[n] = i
			}
			n++
		}
	}
	var rows [][]cell
	for n, r := range a.Rows {
		i, ok := rowOf[n]
		code := r.Code
		if ok && code == "" {
			code = printedCode(t, i)
		}
		linked := func(k plan.ScoreKey, fig plan.Opt) cell {
			c := num(fig)
			if ok {
				c.formula = link(t, i, k, fig)
			}
			return c
		}
		rows = append(rows, figures([]cell{
			txt(code), txt(s.sectionName(code, r.Name)),
			linked(plan.Max, r.Max), linked(plan.Achieved, r.Achieved), linked(plan.Target, r.Target),
			{num: r.Lost, formula: differs("C", "D", r.Max, r.Achieved, r.Lost)},
			{num: r.Gain, formula: differs("E", "D", r.Target, r.Achieved, r.Gain)},
			{num: r.Left, formula: differs("C", "E", r.Max, r.Target, r.Left)},
		}))
	}
	label := p.T("export.summary.total")
	// A stated total is the appendix's total row; else the sum of the
	// fields.
	sumOrLink := func(col string, k plan.ScoreKey, figs []plan.Opt, fig plan.Opt) cell {
		c := num(fig)
		if tot.Stated {
			c.formula = link(t, -1, k, fig)
		} else {
			c.formula = sumColumn(col, figs, fig)
		}
		return c
	}
	if tot.Stated {
		label = p.T("export.summary.total-stated")
	}
	total := figures([]cell{txt(label), txt(""),
		sumOrLink("C", plan.Max, maxes, tot.Max), sumOrLink("D", plan.Achieved, achs, tot.Achieved), sumOrLink("E", plan.Target, tgts, tot.Target),
		{num: tot.Lost, formula: differs("C", "D", tot.Max, tot.Achieved, tot.Lost)},
		{num: tot.Gain, formula: differs("E", "D", tot.Target, tot.Achieved, tot.Gain)},
		{num: tot.Left, formula: differs("C", "E", tot.Max, tot.Target, tot.Left)},
	})
	first, last, err := s.table(heading, header, rows, total)
	if err != nil {
		return err
	}
	if len(rows) > 0 {
		title := p.T("export.summary.chart-scored")
		if a.Label != "" {
			title += " — " + a.Label
		}
		// Per field, the maximum, the points achieved and the target as
		// bars side by side: where points were lost and how much of them
		// the plan wins back shows at a glance.
		if err := s.charts(title, 54, first, last, []chartSeries{
			{"C", "BFBFBF", header[2]}, {"D", "4472C4", header[3]}, {"E", "70AD47", header[4]},
		}); err != nil {
			return err
		}
	}
	return s.byLead(a, true)
}

func withYear(p *msg.Printer, id, year string) string {
	if year == "" {
		return p.T(id)
	}
	return p.T(id+"-year", "Year", year)
}

// chartSeries is a column of a summary table drawn as bars: its letter,
// the bars' colour and the number format of their labels.
type chartSeries struct {
	col, color, name string
}

// series is the column of the table rows first…last against the names
// in column B, named by the column's header.
func (s *summary) series(cs chartSeries, header, first, last int) excelize.ChartSeries {
	sheet := quoteSheet(s.sheet)
	return excelize.ChartSeries{
		Name:       fmt.Sprintf("%s!$%s$%d", sheet, cs.col, header),
		Categories: fmt.Sprintf("%s!$B$%d:$B$%d", sheet, first, last),
		Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, cs.col, first, cs.col, last),
		Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{cs.color}},
		DataLabel:  excelize.ChartDataLabel{Font: chartFont},
	}
}

// Charts are at most maxChartHeight pixels high, a printed page; a chart
// takes chartPad pixels besides its bars (title, axis, legend). A table
// of more categories than a chart holds at a readable size is drawn as
// several charts, each of consecutive rows.
const (
	maxChartHeight = 600
	chartPad       = 90
	// maxChartRows is the longest table drawn as a chart: 200 fields or
	// sections make some twenty charts of a page each.
	maxChartRows = 200
)

// chartFont is the typeface of every text of a chart, as of the cells.
var chartFont = excelize.Font{Family: Font, Size: 10, Color: "000000"}

// charts draws the rows first…last of the table above as horizontal
// bars, categories top-down in table order, perCategory pixels for each:
// one chart, or as many as it takes to keep each within a page, of
// consecutive rows and about as many each.
func (s *summary) charts(title string, perCategory, first, last int, series []chartSeries) error {
	n := last - first + 1
	if n > maxChartRows {
		// Hundreds of pages of bars are no picture of anything, and
		// excelize counts every chart already drawn before the next:
		// a table this long gets a line saying why it has none.
		if err := s.blank(); err != nil {
			return err
		}
		return s.line(s.p.T("export.summary.no-chart", "Title", title, "Rows", n, "Max", maxChartRows),
			cellStyle{size: noteSize, italic: true, align: "left", valign: "center", wrap: true})
	}
	parts := (n + (maxChartHeight-chartPad)/perCategory - 1) / ((maxChartHeight - chartPad) / perCategory)
	per := (n + parts - 1) / parts
	for part := range parts {
		from := first + part*per
		to := min(last, from+per-1)
		t := title
		if parts > 1 {
			t = s.p.T("export.summary.chart-part", "Title", title, "Part", part+1, "Parts", parts)
		}
		var ss []excelize.ChartSeries
		for _, c := range series {
			ss = append(ss, s.series(c, first-1, from, to))
		}
		if err := s.blank(); err != nil {
			return err
		}
		if err := s.chart(t, chartPad+perCategory*(to-from+1), ss); err != nil {
			return err
		}
		if len(series) > 1 {
			if err := s.legend(series); err != nil {
				return err
			}
		}
	}
	return nil
}

// chart draws horizontal bars, height pixels high, on the rows below the
// current one. The bars start at zero and their labels show the figures
// as the table does (its number formats).
func (s *summary) chart(title string, height int, series []excelize.ChartSeries) error {
	height = min(height, maxChartHeight)
	pts := float64(height) * 0.75
	// The chart and its legend line print on one page.
	if err := s.fit(pts + blankHeight); err != nil {
		return err
	}
	font := chartFont
	gapWidth, overlap := uint(50), -10
	zero := 0.0
	printObj := true
	if err := s.f.AddChart(s.sheet, cellRef(1, s.row), &excelize.Chart{
		Type:   excelize.Bar,
		Series: series,
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Family: Font, Size: 13, Bold: true, Color: "000000"},
		}}},
		// The legend is a line of the sheet under the chart (legend):
		// spreadsheets disagree on the order of a bar chart's legend.
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: font, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{SourceLinked: true}},
		Dimension: excelize.ChartDimension{Width: 900, Height: uint(height)},
		GapWidth:  &gapWidth,
		Overlap:   &overlap,
		Format:    excelize.GraphicOptions{PrintObject: &printObj, OffsetX: 4, OffsetY: 4},
	}); err != nil {
		return err
	}
	// The rows under the chart have a known height, so that the chart
	// covers a known number of them.
	for range int(math.Ceil((pts + 6) / chartRow)) {
		if err := s.next(chartRow); err != nil {
			return err
		}
	}
	return nil
}

// legend writes a chart's legend under it, across the sheet: a square of
// each series' colour and its name, in the order of the bars (top down,
// left to right). Excel lists a bar chart's series in that order and
// LibreOffice in the reverse; a line of the sheet reads the same in both.
func (s *summary) legend(series []chartSeries) error {
	var runs []excelize.RichTextRun
	for i, c := range series {
		sep := "      "
		if i == 0 {
			sep = ""
		}
		runs = append(runs,
			excelize.RichTextRun{Text: sep + "■ ", Font: &excelize.Font{Family: Font, Size: 12, Color: c.color}},
			excelize.RichTextRun{Text: c.name, Font: &excelize.Font{Family: Font, Size: 10, Color: "000000"}})
	}
	id, err := s.st.id(cellStyle{size: 10, align: "center", valign: "center"})
	if err != nil {
		return err
	}
	s.cells = append(s.cells[:0], excelize.Cell{StyleID: id, Value: runs})
	if err := s.merge(1, len(s.widths)); err != nil {
		return err
	}
	return s.next(heightFor(1, 12))
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
	p := s.p
	var header []string
	var rows [][]cell
	if scored {
		header = []string{p.T("export.summary.col.stt"), p.T("export.summary.col.lead"), p.T("export.summary.col.lead-items"),
			p.T("export.summary.col.shared"), p.T("export.summary.col.lead-lost"), p.T("export.summary.col.lead-gain"), p.T("export.summary.col.lead-left")}
		var losts, gains, lefts []plan.Opt
		for _, l := range a.ByLead {
			losts, gains, lefts = append(losts, l.Lost), append(gains, l.Gain), append(lefts, l.Left)
		}
		fl, fg, fr := decimalsFmt(decimals(losts...)), decimalsFmt(decimals(gains...)), decimalsFmt(decimals(lefts...))
		for i, l := range a.ByLead {
			rows = append(rows, []cell{count(i + 1), txt(agencyName(p, l.Agency)), count(l.Items), count(l.Shared),
				{num: l.Lost, format: fl}, {num: l.Gain, format: fg}, {num: l.Left, format: fr}})
		}
	} else {
		header = []string{p.T("export.summary.col.stt"), p.T("export.summary.col.lead"), p.T("export.summary.col.lead-contents"), p.T("export.summary.col.shared")}
		for i, l := range a.ByLead {
			rows = append(rows, []cell{count(i + 1), txt(agencyName(p, l.Agency)), count(l.Items), count(l.Shared)})
		}
	}
	if _, _, err := s.table(p.T("export.summary.by-lead"), header, rows, nil); err != nil {
		return err
	}
	return s.line(p.T("export.summary.by-lead-note"), cellStyle{size: 11, italic: true, align: "left", valign: "center", wrap: true})
}

// unscored writes, for an appendix without scores, the items per section
// with a chart, then per lead agency.
func (s *summary) unscored(a *gap.Appendix, t *table, heading string) error {
	p := s.p
	header := []string{p.T("export.summary.col.tt"), p.T("export.summary.col.section"), p.T("export.summary.col.items"),
		p.T("export.summary.col.with-lead"), p.T("export.summary.col.with-deadline")}
	// lastRow is the last table row of each item, found once: looking
	// each section up in all the rows was quadratic in the items.
	var lastRow map[*plan.Item]int
	row := func(i int) []cell {
		sec := a.Sections[i]
		code := sec.Code
		if code == "" && t != nil && i < len(t.appendix.Items) {
			// A section is a top-level item; the table numbers the
			// ones without a code.
			if lastRow == nil {
				lastRow = make(map[*plan.Item]int, len(t.appendix.Items))
				for j, r := range t.rows {
					lastRow[r.item] = j
				}
			}
			if j, ok := lastRow[t.appendix.Items[i]]; ok {
				code = printedCode(t, j)
			}
		}
		return []cell{txt(code), txt(s.sectionName(code, sec.Name)), count(sec.Items), count(sec.WithLead), count(sec.WithDeadline)}
	}
	var items, lead, deadline int64
	for _, sec := range a.Sections {
		items, lead, deadline = items+int64(sec.Items), lead+int64(sec.WithLead), deadline+int64(sec.WithDeadline)
	}
	// Each total is the sum of its column's counts, so a SUM formula
	// gives it when the column has any (sumColumn's condition).
	total := func(col string, sum int64) cell {
		c := num(plan.Opt{V: decimal.FromInt(sum), OK: true})
		if len(a.Sections) > 0 {
			c.formula = sumColumn(col, []plan.Opt{c.num}, c.num)
		}
		return c
	}
	rows := len(a.Sections)
	first, last, err := s.tableOf(heading, header, rows, row, []cell{txt(p.T("export.summary.total")), txt(""),
		total("C", items), total("D", lead), total("E", deadline)})
	if err != nil {
		return err
	}
	if rows > 1 {
		if err := s.charts(p.T("export.summary.chart-unscored", "Appendix", cmp.Or(a.Label, a.ID)), 40, first, last,
			[]chartSeries{{"C", "4472C4", header[2]}}); err != nil {
			return err
		}
	}
	return s.byLead(a, false)
}
