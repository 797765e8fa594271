package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Pages. A printed appendix is read page by page: a field's or a
// criterion's heading at the foot of a page, its first row overleaf, is
// a page nobody signs off. parplan paginates the sheet itself, from the
// row heights it sets, and writes every page break as a manual one a
// little before the page is full, so that the spreadsheet never needs a
// break of its own: a heading row always starts the page of its first
// row.

// A4 in points, and the page's printable area inside the margins.
const (
	a4Short = 595.28
	a4Long  = 841.89
	// pageReserve is the part of a page's height left unused, for the
	// spreadsheet's rounding of row heights and of the print scale.
	pageReserve = 0.02
)

// defaultRowHeight is the height of a row parplan does not size, in
// points (excelize's default row height).
const defaultRowHeight = 15

// printable is the width and height inside the margins of an A4 page in
// the orientation, in points.
func printable(orientation string) (w, h float64) {
	w, h = a4Short, a4Long
	if orientation == "landscape" {
		w, h = h, w
	}
	return w - (marginLeft+marginRight)*72, h - (marginTop+marginBottom)*72
}

// pageRows is the height in points that a page holds of the sheet's rows,
// at the scale that fits the columns to the page's width.
func pageRows(orientation string, widths []float64) float64 {
	w, h := printable(orientation)
	scale := 1.0
	if total := printedWidth(widths...); total > w {
		scale = w / total
	}
	return h / scale * (1 - pageReserve)
}

// paginate returns the rows (1-based) that start a new page, given the
// height of each row (heights[r-1] for row r), the rows repeated at the
// top of every page (titleFirst..titleLast, 0 for none), the height a
// page holds, and the rows that must not end a page (keep(r): a heading
// stays with the row after it). A page that would end on kept rows
// breaks before them, unless they fill the page from its top.
func paginate(heights []float64, titleFirst, titleLast int, page float64, keep func(row int) bool) []int {
	titles := 0.0
	if titleFirst > 0 {
		for r := titleFirst; r <= titleLast && r <= len(heights); r++ {
			titles += heights[r-1]
		}
	}
	var breaks []int
	start, used := 1, 0.0 // the page's first row and the height it has
	for r := 1; r <= len(heights); r++ {
		h := heights[r-1]
		if used+h <= page || r == start {
			used += h
			continue
		}
		b := r
		for b-1 > start && keep(b-1) {
			b--
		}
		if b-1 == start && keep(start) {
			b = r // a page of headings only: break where it is full
		}
		breaks = append(breaks, b)
		start, used = b, titles
		for i := b; i <= r; i++ {
			used += heights[i-1]
		}
	}
	return breaks
}

// maxCellLines is how many lines of text at size points a row holds: no
// row is higher than maxRowHeight, nor than a page leaves for it under
// the repeated header.
func maxCellLines(size, room float64) int {
	n := 1
	for heightFor(n+1, size) < min(maxRowHeight, room) {
		n++
	}
	return n
}

// splitLongRows continues a cell that needs more lines than a row holds on
// the rows below it, as many as it takes: each continuation row holds the
// next lines of the cell (at a line break of the source when one falls in
// the second half of a row, else after the row's last line), and the
// item's other cells are merged down over the continuation rows. Nothing
// is cut: the rows together hold every word.
func splitLongRows(t *table, room float64) {
	size := t.layout.FontSize
	limit := maxCellLines(size, room)
	var out []tableRow
	for _, r := range t.rows {
		var chunks [][]string
		n, lines := 1, 1
		for i, v := range r.cells {
			_, _, inside := r.mergedAt(i)
			if v.numCell != nil || v.text == "" || inside {
				continue
			}
			c, l := splitCell(v.text, cellWidth(t, &r, i), size, r.style.Bold, limit)
			if len(c) > 1 {
				if chunks == nil {
					chunks = make([][]string, len(r.cells))
				}
				chunks[i] = c
				n = max(n, len(c))
			}
			lines = max(lines, l)
		}
		if n == 1 {
			// Its height is measured: writeTable need not wrap its
			// cells again.
			r.lines = lines
			out = append(out, r)
			continue
		}
		head := r
		head.cells = append([]value(nil), r.cells...)
		head.merges, head.tall, head.down, head.lines = nil, nil, n-1, 0
		rest := make([]tableRow, n-1)
		for k := range rest {
			rest[k] = tableRow{cells: make([]value, len(r.cells)), style: r.style}
		}
		for i := range r.cells {
			m, starts, inside := r.mergedAt(i)
			if inside {
				continue
			}
			if !starts {
				m = span{i, i}
			}
			if chunks[i] == nil {
				head.tall = append(head.tall, m)
				continue
			}
			head.cells[i] = text(chunks[i][0])
			if starts {
				head.merges = append(head.merges, m)
			}
			for k, c := range chunks[i][1:] {
				rest[k].cells[i] = text(c)
				if starts {
					rest[k].merges = append(rest[k].merges, m)
				}
			}
		}
		out = append(out, head)
		out = append(out, rest...)
	}
	t.rows = out
}

// fitRows continues the table's too long cells on rows of their own
// (splitLongRows), leaving room on a page for the repeated header.
func (t *table) fitRows() {
	splitLongRows(t, pageRows(t.layout.Orientation, t.widths())-headerRoom)
}

// widths are the widths of the table's columns, in Excel units.
func (t *table) widths() []float64 {
	ws := make([]float64, len(t.cols))
	for i, c := range t.cols {
		ws[i] = c.Width
	}
	return ws
}

// cellWidth is the width text may take in cell i of row r, in points.
func cellWidth(t *table, r *tableRow, i int) float64 {
	m, starts, _ := r.mergedAt(i)
	if !starts {
		return columnPoints(t.cols[i].Width)
	}
	var ws []float64
	for j := m.first; j <= m.last; j++ {
		ws = append(ws, t.cols[j].Width)
	}
	return mergedPoints(ws...)
}

// splitCell cuts s into parts of at most limit lines each in a cell of
// width points; one part when it fits. The parts joined with "\n" (or,
// where a part ends inside a line of the source, with " ") give s's words
// back in order; nil, with the number of lines s takes, when it fits.
func splitCell(s string, width, size float64, bold bool, limit int) ([]string, int) {
	if n := wrappedLines(s, width, size, bold); n <= limit {
		return nil, n
	}
	// The printed lines, each marked when it starts a line of the source.
	type line struct {
		text  string
		first bool
	}
	var lines []line
	for _, para := range strings.Split(s, "\n") {
		for j, l := range wrap(para, width, size, bold) {
			lines = append(lines, line{l, j == 0})
		}
	}
	var parts []string
	for len(lines) > 0 {
		n := min(limit, len(lines))
		if n < len(lines) {
			for k := n; k > limit/2; k-- {
				if lines[k].first {
					n = k
					break
				}
			}
		}
		var b strings.Builder
		for k, l := range lines[:n] {
			if k > 0 && l.first {
				b.WriteString("\n")
			}
			b.WriteString(l.text)
		}
		parts = append(parts, strings.TrimRight(b.String(), " "))
		lines = lines[n:]
	}
	return parts, 0
}

// headerRoom is what a page keeps for the header rows repeated at its
// top when a long cell is cut into rows, in points.
const headerRoom = 120

// breakPages paginates a written table and sets its page breaks: a
// heading row, the header and the title block never end a page, nor
// does the total or the blank row above the note.
func breakPages(f *excelize.File, sheet string, t *table, pos sheetLayout, set map[int]float64, page float64) error {
	heights := make([]float64, pos.last)
	for r := range heights {
		heights[r] = defaultRowHeight
		if h, ok := set[r+1]; ok {
			heights[r] = h
		}
	}
	// The note under the table never stands alone on a page: the total
	// and the blank row above it go with it.
	tail := pos.last + 1
	if pos.note > 0 {
		tail = pos.note - 1
		if pos.total > 0 {
			tail = pos.total
		}
	}
	keep := func(row int) bool {
		if row < pos.dataFirst || row >= tail {
			return true
		}
		i := row - pos.dataFirst
		return i < len(t.rows) && t.rows[i].heading
	}
	titleFirst, titleLast := pos.headerFirst, max(pos.numbers, pos.headerLast)
	for _, r := range paginate(heights, titleFirst, titleLast, page, keep) {
		if err := f.InsertPageBreak(sheet, cellRef(1, r)); err != nil {
			return err
		}
	}
	return nil
}
