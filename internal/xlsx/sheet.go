package xlsx

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
)

// Page setup of every sheet, for A4 paper. Margins are in inches, within
// what Nghị định 30/2020/NĐ-CP asks of a printed page: top and bottom
// 20–25 mm, left 30–35 mm (the binding side), right 15–20 mm.
const (
	paperA4      = 9
	marginTop    = 0.85 // 21.6 mm
	marginBottom = 0.85 // 21.6 mm
	marginLeft   = 1.25 // 31.8 mm
	marginRight  = 0.7  // 17.8 mm
	marginHF     = 0.3  // header and footer: 7.6 mm from the edge
)

// sheetLayout is where the parts of a table land on its sheet (1-based
// row numbers; 0 when the part is absent).
type sheetLayout struct {
	label, title, subtitle, ref int
	headerFirst, headerLast     int
	numbers                     int
	dataFirst                   int
	total                       int
	note                        int
	last                        int
}

func planRows(t *table) sheetLayout {
	var s sheetLayout
	r := 0
	next := func(present bool) int {
		if !present {
			return 0
		}
		r++
		return r
	}
	s.label = next(t.label != "")
	s.title = next(t.title != "")
	s.subtitle = next(t.subtitle != "")
	s.ref = next(t.ref != "")
	if r > 0 {
		r++ // a blank line between the title block and the table
	}
	s.headerFirst = r + 1
	s.headerLast = s.headerFirst
	if t.hasGroups() {
		s.headerLast++
	}
	r = s.headerLast
	s.numbers = next(t.numbers != nil)
	s.dataFirst = r + 1
	r += len(t.rows)
	s.total = next(t.total != nil)
	if t.note != "" {
		r++ // blank line
		s.note = next(true)
	}
	s.last = r
	return s
}

func colName(n int) string {
	name, _ := excelize.ColumnNumberToName(n)
	return name
}

func cellRef(col, row int) string { return colName(col) + strconv.Itoa(row) }

// writeTable writes a laid-out appendix to the (empty) sheet with the
// stream writer: rows in order, every sheet property set before the rows
// that the stream writer writes first. The table's long cells are
// already continued on rows of their own (fitRows): the formulas that
// refer to rows were planned after that.
func writeTable(f *excelize.File, st *styles, sheet string, t *table) (warnings []Warning, err error) {
	ncols := len(t.cols)
	var widths []float64
	for _, c := range t.cols {
		widths = append(widths, c.Width)
	}
	page := pageRows(t.layout.Orientation, widths)
	pos := planRows(t)
	t.sheet, t.at = sheet, pos
	sumFormulas(t, pos)
	width := mergedPoints(widths...)
	size := t.layout.FontSize

	// The stream writer writes sheetPr (fit to page) when it starts.
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	rs, err := st.rows.newRowStream(f, sheet)
	if err != nil {
		return nil, err
	}
	sw := rs.sw
	for i, c := range t.cols {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, err
		}
	}
	frozen := pos.dataFirst - 1
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: frozen, TopLeftCell: cellRef(1, frozen+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cellRef(1, frozen+1), ActiveCell: cellRef(1, frozen+1), Pane: "bottomLeft"}},
	}); err != nil {
		return nil, err
	}

	w := &rowWriter{sw: rs, st: st, ncols: ncols, heights: map[int]float64{}}
	// Title block: each line merged across the table's width.
	lines := []struct {
		row  int
		text string
		cs   cellStyle
	}{
		{pos.label, t.label, cellStyle{size: titleSize, bold: true, align: "center", valign: "center", wrap: true}},
		{pos.title, strings.ToUpper(t.title), cellStyle{size: titleSize, bold: true, align: "center", valign: "center", wrap: true}},
		{pos.subtitle, t.subtitle, cellStyle{size: titleSize, bold: true, align: "center", valign: "center", wrap: true}},
		{pos.ref, t.ref, cellStyle{size: titleSize, italic: true, align: "center", valign: "center", wrap: true}},
	}
	for _, ln := range lines {
		if ln.row == 0 {
			continue
		}
		h := heightFor(wrappedLines(ln.text, width, ln.cs.size, ln.cs.bold), ln.cs.size)
		if err := w.merged(ln.row, ln.text, ln.cs, h); err != nil {
			return nil, err
		}
	}

	if err := w.header(t, pos, size); err != nil {
		return nil, err
	}
	if pos.numbers > 0 {
		cs := cellStyle{size: size, italic: true, align: "center", valign: "center", border: true}
		vals := make([]value, ncols)
		for i, n := range t.numbers {
			vals[i] = text(n)
		}
		if err := w.row(pos.numbers, vals, func(int) cellStyle { return cs }, heightFor(1, size)); err != nil {
			return nil, err
		}
	}
	for i, r := range t.rows {
		if err := w.tableRow(pos.dataFirst+i, t, r, size); err != nil {
			return nil, err
		}
	}
	if pos.total > 0 {
		if err := w.tableRow(pos.total, t, *t.total, size); err != nil {
			return nil, err
		}
	}
	if pos.note > 0 {
		cs := cellStyle{size: noteSize, align: "left", valign: "top", wrap: true}
		h := heightFor(wrappedLines(t.note, width, noteSize, false), noteSize)
		if err := w.merged(pos.note, t.note, cs, h); err != nil {
			return nil, err
		}
	}

	if err := pageSetup(f, sheet, t.layout.Orientation, t.layout.PageNumbers, pos.headerFirst, max(pos.numbers, pos.headerLast)); err != nil {
		return nil, err
	}
	if err := breakPages(f, sheet, t, pos, w.heights, page); err != nil {
		return nil, err
	}
	// Codes such as "1" and "2" are text on purpose ("1.10" must stay
	// 1.10); spare the reader the "number stored as text" markers.
	if err := f.AddIgnoredErrors(sheet, cellRef(1, 1)+":"+cellRef(ncols, max(pos.last, 1)), excelize.IgnoredErrorsNumberStoredAsText); err != nil {
		return nil, err
	}
	for _, dv := range t.validations {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return nil, err
		}
	}
	if err := addComments(f, sheet, t, pos); err != nil {
		return nil, err
	}
	if err := rs.Flush(); err != nil {
		return nil, err
	}
	return w.warnings, nil
}

// tableRow writes a data or total row: each cell styled after its column
// and the row, merged cells centred, as high as its tallest cell.
func (w *rowWriter) tableRow(row int, t *table, r tableRow, size float64) error {
	// fitRows measured most rows already.
	lines := r.lines
	for i, v := range r.cells {
		if r.lines > 0 {
			break
		}
		lines = max(lines, 1)
		m, starts, inside := r.mergedAt(i)
		if v.text == "" || inside {
			continue
		}
		width := columnPoints(t.cols[i].Width)
		if starts {
			var ws []float64
			for j := m.first; j <= m.last; j++ {
				ws = append(ws, t.cols[j].Width)
			}
			width = mergedPoints(ws...)
		}
		lines = max(lines, wrappedLines(v.text, width, size, r.style.Bold))
	}
	lines = max(lines, 1)
	styleOf := func(i int) cellStyle {
		c := t.cols[i]
		cs := cellStyle{size: size, bold: r.style.Bold, italic: r.style.Italic, align: c.Align, valign: "center", wrap: true, border: true}
		if v := r.cells[i]; v.numCell != nil {
			cs.numFmt = cmp.Or(v.format, numFmt(v.num, v.percent))
		}
		if _, starts, inside := r.mergedAt(i); starts || inside {
			cs.align = "center"
		} else {
			cs.unlocked = i < len(t.unlocked) && t.unlocked[i]
		}
		return cs
	}
	if err := w.row(row, r.cells, styleOf, heightFor(lines, size)); err != nil {
		return err
	}
	for _, m := range r.merges {
		if err := w.sw.MergeCell(cellRef(m.first+1, row), cellRef(m.last+1, row)); err != nil {
			return err
		}
	}
	for _, m := range r.tall {
		if err := w.sw.MergeCell(cellRef(m.first+1, row), cellRef(m.last+1, row+r.down)); err != nil {
			return err
		}
	}
	return nil
}

// pageSetup prints the sheet on A4, fitted to the page width, with the
// header rows repeated on every page and the pages numbered as numbers
// says (a layout.PageNumbers value).
func pageSetup(f *excelize.File, sheet, orientation, numbers string, titleFirst, titleLast int) error {
	size, fitW, fitH, firstPage := paperA4, 1, 0, uint(1)
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &fitW, FitToHeight: &fitH, FirstPageNumber: &firstPage,
	}); err != nil {
		return err
	}
	top, bottom, left, right, hf, center := marginTop, marginBottom, marginLeft, marginRight, marginHF, true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &hf, Footer: &hf, Horizontally: &center,
	}); err != nil {
		return err
	}
	if hf := pageNumbers(numbers); hf != nil {
		if err := f.SetHeaderFooter(sheet, hf); err != nil {
			return err
		}
	}
	if titleFirst <= 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(sheet), titleFirst, titleLast),
		Scope:    sheet,
	})
}

// rowWriter writes rows through a row stream with cached styles.
type rowWriter struct {
	sw       *rowStream
	st       *styles
	ncols    int
	warnings []Warning
	// heights are the heights set, in points, by row.
	heights map[int]float64
	// cells are reused from row to row: the row stream encodes a row
	// before SetRow returns.
	cells []excelize.Cell
}

// merged writes one text across the whole width of the table.
func (w *rowWriter) merged(row int, s string, cs cellStyle, height float64) error {
	vals := make([]value, w.ncols)
	vals[0] = text(s)
	if err := w.row(row, vals, func(int) cellStyle { return cs }, height); err != nil {
		return err
	}
	if w.ncols > 1 {
		return w.sw.MergeCell(cellRef(1, row), cellRef(w.ncols, row))
	}
	return nil
}

// row writes one row; height 0 leaves the height to the spreadsheet,
// which fits it to the wrapped text.
func (w *rowWriter) row(row int, vals []value, styleOf func(int) cellStyle, height float64) error {
	if len(w.cells) < len(vals) {
		w.cells = make([]excelize.Cell, len(vals))
	}
	cells := w.cells[:len(vals)]
	for i, v := range vals {
		id, err := w.st.id(styleOf(i))
		if err != nil {
			return err
		}
		c := excelize.Cell{StyleID: id}
		switch {
		case v.numCell != nil:
			c.Formula = v.formula
			if f, exact := cellNumber(v.num); exact {
				c.Value = f
			} else {
				// More digits than a spreadsheet keeps: text, so that
				// what was written is what is shown.
				c.Value = v.num.String()
				w.warnings = append(w.warnings, Warning{Pos: v.pos,
					Msg: msg.New("export.number-as-text", "Value", msg.Raw(v.num.String()), "Cell", cellRef(i+1, row))})
			}
		case v.text != "":
			c.Value = v.text
		}
		w.cells[i] = c
	}
	if height > 0 {
		height = math.Min(height, maxRowHeight)
		w.heights[row] = height
	}
	return w.sw.SetRow(row, cells, height)
}

// header writes the header rows: a label per column, and over grouped
// columns the group's label, merged; a column outside any group spans
// both header rows.
func (w *rowWriter) header(t *table, pos sheetLayout, size float64) error {
	cs := cellStyle{size: size, bold: true, align: "center", valign: "center", wrap: true, border: true}
	same := func(int) cellStyle { return cs }
	lines := func(s string, widths ...float64) int { return wrappedLines(s, mergedPoints(widths...), size, true) }
	if !t.hasGroups() {
		vals := make([]value, len(t.cols))
		h := 0
		for i, c := range t.cols {
			vals[i] = text(c.Label)
			h = max(h, lines(c.Label, c.Width))
		}
		return w.row(pos.headerFirst, vals, same, heightFor(h, size))
	}
	top := make([]value, len(t.cols))
	bottom := make([]value, len(t.cols))
	var merges [][2]string
	topLines, bottomLines, spanLines := 1, 1, 1
	for i := 0; i < len(t.cols); {
		c := t.cols[i]
		if c.Group == "" {
			top[i] = text(c.Label)
			spanLines = max(spanLines, lines(c.Label, c.Width))
			merges = append(merges, [2]string{cellRef(i+1, pos.headerFirst), cellRef(i+1, pos.headerLast)})
			i++
			continue
		}
		j := i
		var gw []float64
		for j < len(t.cols) && t.cols[j].Group == c.Group {
			bottom[j] = text(t.cols[j].Label)
			bottomLines = max(bottomLines, lines(t.cols[j].Label, t.cols[j].Width))
			gw = append(gw, t.cols[j].Width)
			j++
		}
		top[i] = text(c.Group)
		topLines = max(topLines, lines(c.Group, gw...))
		if j-i > 1 {
			merges = append(merges, [2]string{cellRef(i+1, pos.headerFirst), cellRef(j, pos.headerFirst)})
		}
		i = j
	}
	h1, h2 := heightFor(topLines, size), heightFor(bottomLines, size)
	if need := heightFor(spanLines, size); h1+h2 < need {
		h2 = need - h1
	}
	if err := w.row(pos.headerFirst, top, same, h1); err != nil {
		return err
	}
	if err := w.row(pos.headerLast, bottom, same, h2); err != nil {
		return err
	}
	for _, m := range merges {
		if err := w.sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return nil
}

// pageNumber is the page number field of a header or footer: Times New
// Roman, 13 pt, upright.
const pageNumber = `&C&"` + Font + `,Regular"&13&P`

// pageNumbers is the header and footer that number the pages as placed.
// Each sheet starts at 1: an appendix is printed and signed on its own,
// and Nghị định 30/2020/NĐ-CP numbers an appendix's pages apart from the
// document's. By default (top) the number is centred in the top margin
// and the first page shows none, as the decree asks of a document.
func pageNumbers(placement string) *excelize.HeaderFooterOptions {
	switch placement {
	case layout.PageNumbersNone:
		return nil
	case layout.PageNumbersBottom:
		return &excelize.HeaderFooterOptions{OddFooter: pageNumber}
	}
	return &excelize.HeaderFooterOptions{DifferentFirst: true, OddHeader: pageNumber}
}
