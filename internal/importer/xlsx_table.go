package importer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// A sheet holds one table among lines of text: the label, the title and
// the "(Kèm theo …)" line above it, the note and the signatures below.
// findTable tells them apart with these rules, on the cells that show
// text of their own (a merged range counts once, at its top-left cell):
//
//   - The header is the first row with at least three cells of text, more
//     of them text than numbers; a sheet without one starts its table at
//     the first row of its widest block of rows with two cells or more
//     (rows at most one empty row apart). The table's columns are the
//     header's (its merged ranges included).
//   - The table runs to the last row with two cells or more in its
//     columns, or that continues a merged range from a row of the table.
//     Between two such rows there may be one empty row (kept, as an empty
//     Row) or rows with a single cell (a group's title), not both: a note
//     under the table followed by an empty row and the signatures is not
//     part of it.
//   - When the header's cells have borders, as a printed table's do, the
//     table instead runs on while its rows have a bordered cell in its
//     columns, empty rows and single cells included, up to the last row
//     with two cells or more among them: borders mark where a table ends
//     better than text does. (A bordered header over rows without borders
//     falls back to the rule above.)
//   - Columns right or left of the header's that hold text in the table's
//     rows, without an empty column in between, are the table's too.
//   - A table has at least two rows: a single line is text, not a table.

// sheetGrid indexes a scanned sheet for the table rules.
type sheetGrid struct {
	rd      *xlReader
	rows    []scanRow
	index   map[int]int // row number → position in rows
	merges  []mergeRange
	byRow   map[int][]int32 // row number → the merged ranges that cover it
	lastRow int
}

func newGrid(rd *xlReader, sh xlSheet, s *scanSheet) (*sheetGrid, error) {
	g := &sheetGrid{rd: rd, rows: s.rows, merges: s.merges,
		index: make(map[int]int, len(s.rows)), byRow: map[int][]int32{}}
	for i, r := range s.rows {
		g.index[r.num] = i
	}
	g.lastRow = s.rows[len(s.rows)-1].num
	covered := 0
	for i, m := range s.merges {
		for n := m.r1; n <= min(m.r2, g.lastRow); n++ {
			if covered++; covered > rd.lim.MaxCells {
				return nil, &LimitError{What: TooLargeCells, Limit: int64(rd.lim.MaxCells), Sheet: sh.name}
			}
			g.byRow[n] = append(g.byRow[n], int32(i))
		}
	}
	return g, nil
}

// table returns the sheet's table, or nil when it holds none.
func (rd *xlReader) table(sh xlSheet, s *scanSheet) (*Table, error) {
	if len(s.rows) == 0 {
		return nil, nil
	}
	g, err := newGrid(rd, sh, s)
	if err != nil {
		return nil, err
	}
	h, last, c1, c2, ok := g.findTable()
	if !ok {
		return nil, nil
	}
	c1, c2 = g.widen(h, last, c1, c2)
	size := (last - h + 1) * (c2 - c1 + 1)
	if size > rd.budget {
		return nil, &LimitError{What: TooLargeCells, Limit: int64(rd.lim.MaxCells), Sheet: sh.name}
	}
	rd.budget -= size
	t := &Table{Index: sh.pos, Sheet: norm.NFC.String(sh.name), Columns: c2 - c1 + 1}
	titles := rd.printTitles(sh)
	for _, r := range g.rows {
		switch {
		case r.num < h:
			if p, ok := g.para(r.num); ok {
				t.Before = append(t.Before, p)
			}
		case r.num > last:
			if p, ok := g.para(r.num); ok {
				t.After = append(t.After, p)
			}
		}
	}
	t.Rows = make([]Row, 0, last-h+1)
	for n := h; n <= last; n++ {
		t.Rows = append(t.Rows, Row{Cells: g.cells(n, c1, c2), Line: n, Header: titles.covers(n)})
	}
	return t, nil
}

// ownCell is a cell that shows text of its own, covering columns col to
// end (further than col for a merged range).
type ownCell struct {
	col, end int
	numeric  bool
	bold     bool
	border   bool
}

// own returns the cells of row n, in columns c1 to c2, that show text of
// their own: not empty, and not hidden under a merged range.
func (g *sheetGrid) own(n, c1, c2 int) []ownCell {
	i, ok := g.index[n]
	if !ok {
		return nil
	}
	var out []ownCell
	for _, c := range g.rows[i].cells {
		col := int(c.col)
		if col < c1 || col > c2 || c.cell.Text == "" {
			continue
		}
		end, hidden := col, false
		for _, mi := range g.byRow[n] {
			m := g.merges[mi]
			if col < m.c1 || col > m.c2 {
				continue
			}
			if n == m.r1 && col == m.c1 {
				end = m.c2
			} else {
				hidden = true
			}
		}
		if !hidden {
			out = append(out, ownCell{col: col, end: end, numeric: c.cell.Numeric,
				bold: c.cell.Bold, border: g.rd.style(c.style).border})
		}
	}
	return out
}

// looksLikeHeader: at least three cells, more of them text than numbers.
func looksLikeHeader(cells []ownCell) bool {
	numbers := 0
	for _, c := range cells {
		if c.numeric {
			numbers++
		}
	}
	return len(cells) >= 3 && len(cells)-numbers > numbers
}

// span returns the first and last column cells cover.
func span(cells []ownCell) (int, int) {
	c1, c2 := cells[0].col, cells[0].end
	for _, c := range cells[1:] {
		c1, c2 = min(c1, c.col), max(c2, c.end)
	}
	return c1, c2
}

// findTable returns the table's first and last rows and columns.
func (g *sheetGrid) findTable() (h, last, c1, c2 int, ok bool) {
	for _, r := range g.rows {
		cells := g.own(r.num, 1, maxColumn)
		if !looksLikeHeader(cells) {
			continue
		}
		c1, c2 := span(cells)
		if last := g.tableEnd(r.num, c1, c2); last > r.num {
			return r.num, last, c1, c2, true
		}
	}
	b, found := g.widestBlock()
	if !found {
		return 0, 0, 0, 0, false
	}
	if last := g.tableEnd(b.first, b.c1, b.c2); last > b.first {
		return b.first, last, b.c1, b.c2, true
	}
	return 0, 0, 0, 0, false
}

// block is a run of rows with two cells or more, at most one empty row
// apart.
type block struct {
	first, rows int
	c1, c2      int
	cols        map[int]bool
}

// widestBlock returns the sheet's block of two rows or more that covers
// the most columns, the first of them on a tie.
func (g *sheetGrid) widestBlock() (block, bool) {
	var best, cur block
	prev := 0 // the row number of cur's last row
	for _, r := range g.rows {
		cells := g.own(r.num, 1, maxColumn)
		if len(cells) == 0 {
			continue
		}
		if len(cells) == 1 || cur.rows == 0 || r.num-prev > 2 {
			if cur.rows >= 2 && len(cur.cols) > len(best.cols) {
				best = cur
			}
			cur = block{}
		}
		if len(cells) == 1 {
			continue
		}
		if cur.rows == 0 {
			cur = block{first: r.num, c1: cells[0].col, c2: cells[0].end, cols: map[int]bool{}}
		}
		cur.rows++
		prev = r.num
		for _, c := range cells {
			cur.c1, cur.c2 = min(cur.c1, c.col), max(cur.c2, c.end)
			for col := c.col; col <= c.end; col++ {
				cur.cols[col] = true
			}
		}
	}
	if cur.rows >= 2 && len(cur.cols) > len(best.cols) {
		best = cur
	}
	return best, best.rows >= 2
}

// tableEnd returns the last row of the table whose header is row h, in
// columns c1 to c2.
func (g *sheetGrid) tableEnd(h, c1, c2 int) int {
	header := g.own(h, c1, c2)
	bordered := len(header) > 0
	for _, c := range header {
		bordered = bordered && c.border
	}
	if bordered {
		// A header drawn with borders over rows without them is not a
		// bordered table: the borders say nothing about where it ends.
		if last := g.borderedEnd(h, c1, c2); last > h {
			return last
		}
	}
	return g.plainEnd(h, c1, c2)
}

// borderedEnd: the table runs on while its rows have a bordered cell.
func (g *sheetGrid) borderedEnd(h, c1, c2 int) int {
	last := h
	for n := h + 1; n <= g.lastRow; n++ {
		cont := g.continues(n, h, c1, c2)
		if !cont && !g.bordered(n, c1, c2) {
			break
		}
		if cont || len(g.own(n, c1, c2)) >= 2 {
			last = n
		}
	}
	return last
}

// plainEnd: the table runs on over one empty row, or over rows with a
// single cell, but not over both.
func (g *sheetGrid) plainEnd(h, c1, c2 int) int {
	last := h
	gapEmpty, gapLone := false, false
	for n := h + 1; n <= g.lastRow; n++ {
		cells := len(g.own(n, c1, c2))
		switch {
		case cells >= 2 || g.continues(n, h, c1, c2):
			last, gapEmpty, gapLone = n, false, false
		case cells == 0:
			if gapEmpty || gapLone {
				return last
			}
			gapEmpty = true
		default:
			if gapEmpty {
				return last
			}
			gapLone = true
		}
	}
	return last
}

// continues reports whether row n continues a merged range with text
// that starts in a row from h on, in columns c1 to c2.
func (g *sheetGrid) continues(n, h, c1, c2 int) bool {
	for _, mi := range g.byRow[n] {
		m := g.merges[mi]
		if m.r1 < n && m.r1 >= h && m.c1 <= c2 && m.c2 >= c1 && g.cellAt(m.r1, m.c1).Text != "" {
			return true
		}
	}
	return false
}

// bordered reports whether a cell of row n in columns c1 to c2 has a
// border.
func (g *sheetGrid) bordered(n, c1, c2 int) bool {
	i, ok := g.index[n]
	if !ok {
		return false
	}
	for _, c := range g.rows[i].cells {
		if int(c.col) >= c1 && int(c.col) <= c2 && g.rd.style(c.style).border {
			return true
		}
	}
	return false
}

// widen extends columns c1 to c2 over the columns next to them that hold
// text in rows h to last.
func (g *sheetGrid) widen(h, last, c1, c2 int) (int, int) {
	used := map[int]bool{}
	for n := h; n <= last; n++ {
		for _, c := range g.own(n, 1, maxColumn) {
			for col := c.col; col <= c.end; col++ {
				used[col] = true
			}
		}
	}
	for used[c2+1] {
		c2++
	}
	for used[c1-1] {
		c1--
	}
	return c1, c2
}

// cellAt returns the content of the cell at row n, column col.
func (g *sheetGrid) cellAt(n, col int) Cell {
	i, ok := g.index[n]
	if !ok {
		return Cell{}
	}
	cells := g.rows[i].cells
	j := sort.Search(len(cells), func(j int) bool { return int(cells[j].col) >= col })
	if j < len(cells) && int(cells[j].col) == col {
		return cells[j].cell
	}
	return Cell{}
}

// cells returns row n's cells in columns c1 to c2, merged ranges spread.
func (g *sheetGrid) cells(n, c1, c2 int) []Cell {
	out := make([]Cell, c2-c1+1)
	if i, ok := g.index[n]; ok {
		for _, c := range g.rows[i].cells {
			if col := int(c.col); col >= c1 && col <= c2 {
				out[col-c1] = c.cell
			}
		}
	}
	for _, mi := range g.byRow[n] {
		m := g.merges[mi]
		src := g.cellAt(m.r1, m.c1)
		for col := max(c1, m.c1); col <= min(c2, m.c2); col++ {
			if n == m.r1 && col == m.c1 {
				continue
			}
			// What a merged range hides is not shown; only its top-left
			// cell's content is.
			c := src
			if c.Text != "" {
				c.Spread, c.SpreadDown = true, n > m.r1
			}
			out[col-c1] = c
		}
	}
	return out
}

// para returns row n's text as a paragraph: its cells' text joined with
// spaces, bold when all of it is.
func (g *sheetGrid) para(n int) (Para, bool) {
	cells := g.own(n, 1, maxColumn)
	if len(cells) == 0 {
		return Para{}, false
	}
	parts := make([]string, 0, len(cells))
	bold := true
	for _, c := range cells {
		parts = append(parts, strings.Join(g.cellAt(n, c.col).Paras, " "))
		bold = bold && c.bold
	}
	return Para{Text: strings.Join(parts, " "), Bold: bold, Line: n}, true
}

// rowSpan is a range of rows, 1-based and inclusive; the zero value is
// empty.
type rowSpan struct{ from, to int }

func (s rowSpan) covers(n int) bool { return s.from > 0 && n >= s.from && n <= s.to }

// printTitleRef finds the rows of a print titles reference:
// "'Phụ lục 01'!$A:$A,'Phụ lục 01'!$7:$8" gives 7 to 8.
var printTitleRef = regexp.MustCompile(`!\$?(\d+):\$?(\d+)`)

// printTitles returns the rows a sheet repeats at the top of every
// printed page (its _xlnm.Print_Titles), which are its table's header.
func (rd *xlReader) printTitles(sh xlSheet) rowSpan {
	for _, dn := range rd.f.GetDefinedName() {
		if dn.Name != "_xlnm.Print_Titles" || dn.Scope != sh.name {
			continue
		}
		if m := printTitleRef.FindStringSubmatch(dn.RefersTo); m != nil {
			from, err1 := strconv.Atoi(m[1])
			to, err2 := strconv.Atoi(m[2])
			if err1 == nil && err2 == nil && from >= 1 && from <= to {
				return rowSpan{from, to}
			}
		}
	}
	return rowSpan{}
}
