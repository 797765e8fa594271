package xlsx

// A sheet that prints several tables of different shapes one under the
// other (the progress report) lays them on one grid of columns: a table
// column spans one or more grid columns, merged.

// spanCol is a column of such a table: its header, how many grid columns
// it spans, and how its text aligns (numbers are centred).
type spanCol struct {
	label string
	span  int
	align string
}

// spanRow is a body row: a cell per column, or for a group row (an
// appendix's name over its fields) one text across the table.
type spanRow struct {
	cells []cell
	bold  bool
	group bool
}

// keepRows is how many rows of a table print on the page of its heading,
// at least; a table of up to twice as many is not split.
const keepRows = 3

// spanTable writes a bordered table under a heading, where it is when
// its heading, header and first rows fit there (a short table: all of
// it), else on a new page. Each page it runs onto starts with its header
// again. (The report's tables follow one another: a table moved whole to
// the next page would leave most of a page blank.)
func (s *summary) spanTable(heading string, cols []spanCol, rows []spanRow) error {
	first := make([]int, len(cols)) // grid column (0-based) where each column starts
	n := 0
	for i, c := range cols {
		first[i] = n
		n += c.span
	}
	width := func(i int) float64 {
		return mergedPoints(s.widths[first[i] : first[i]+cols[i].span]...)
	}
	head := make([]cell, len(cols))
	for i, c := range cols {
		head[i] = txt(c.label)
	}
	height := func(cells []cell, bold, group bool) float64 {
		lines := 1
		for i, c := range cells {
			if c.text == "" {
				continue
			}
			w := width(i)
			if group {
				w = mergedPoints(s.widths[:n]...)
			}
			lines = max(lines, wrappedLines(c.text, w, noteSize, bold))
		}
		return heightFor(lines, noteSize)
	}
	headH := height(head, true, false)
	heights := make([]float64, len(rows))
	sum := heightFor(wrappedLines(heading, mergedPoints(s.widths...), headingStyle.size, true), headingStyle.size) + headH
	start := sum // the heading, the header and the first rows
	for i, r := range rows {
		heights[i] = height(r.cells, r.bold || r.group, r.group)
		sum += heights[i]
		if i < keepRows {
			start += heights[i]
		}
	}
	if len(rows) <= 2*keepRows {
		start = sum
	}
	if err := s.fit(start); err != nil {
		return err
	}
	if err := s.line(heading, headingStyle); err != nil {
		return err
	}
	header := func() error {
		if err := s.spanRow(cols, first, head, func(int, cell) cellStyle { return headerStyle }, false); err != nil {
			return err
		}
		return s.next(headH)
	}
	if err := header(); err != nil {
		return err
	}
	for i, r := range rows {
		if s.used+heights[i] > summaryPageHeight {
			if err := s.fit(summaryPageHeight); err != nil {
				return err
			}
			if err := header(); err != nil {
				return err
			}
		}
		styleOf := func(j int, c cell) cellStyle {
			cs := cellStyle{size: noteSize, bold: r.bold || r.group, align: cols[j].align, valign: "center", wrap: true, border: true}
			if c.num.OK {
				cs.align = "center"
				cs.numFmt = c.format
				if cs.numFmt == "" {
					cs.numFmt = numFmt(c.num.V, false)
				}
			}
			if r.group {
				cs.align = "left"
			}
			return cs
		}
		if err := s.spanRow(cols, first, r.cells, styleOf, r.group); err != nil {
			return err
		}
		if err := s.next(heights[i]); err != nil {
			return err
		}
	}
	return nil
}

// spanRow writes the cells of the current row, each over its columns,
// merged; a group row's first cell spans the whole table.
func (s *summary) spanRow(cols []spanCol, first []int, cells []cell, styleOf func(int, cell) cellStyle, group bool) error {
	last := first[len(cols)-1] + cols[len(cols)-1].span
	for i, c := range cells {
		from, to := first[i], first[i]+cols[i].span-1
		if group {
			if i > 0 {
				break
			}
			to = last - 1
		}
		cs := styleOf(i, c)
		if err := s.put(cellRef(from+1, s.row), c, cs); err != nil {
			return err
		}
		for col := from + 1; col <= to; col++ {
			// The covered cells carry the borders.
			if err := s.put(cellRef(col+1, s.row), cell{}, cs); err != nil {
				return err
			}
		}
		if to > from {
			if err := s.merge(from+1, to+1); err != nil {
				return err
			}
		}
	}
	return nil
}
