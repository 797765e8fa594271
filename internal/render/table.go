// Package render writes parplan's tabular output: aligned terminal tables
// (github.com/olekukonko/tablewriter), CSV, Markdown and JSON, with every
// text a person reads taken from the message catalogues (internal/msg).
package render

import (
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/parplan/parplan/internal/msg"
)

// Align is a column's alignment.
type Align int

// Alignments.
const (
	Left Align = iota
	Right
	Center
)

// Role is a column's place in the list layout that replaces a table on a
// terminal too narrow for it.
type Role int

// Roles: a figure under the title ("Max: 9.5"), the key at the head of
// the title line (a code), the title (a name).
const (
	Pair Role = iota
	Key
	Title
)

// Col describes one column of a Table.
type Col struct {
	Header string
	Align  Align
	// Wrap lets the column's text wrap at word boundaries to fit the
	// terminal. A column that does not wrap (numbers, codes) is always as
	// wide as its widest value, so a value is never broken; only its
	// header may wrap, at word boundaries.
	Wrap bool
	// Min is the narrowest a wrapping column may get, in terminal columns
	// (default 12). Comfort is the width it wants before the other
	// columns' headers wrap to make room for it (default 2 × Min).
	Min, Comfort int
	// Drop orders the columns given up when the terminal is too narrow
	// for all of them: 1 first, then 2, …; 0 is never dropped. When even
	// the columns that are never dropped do not fit, the table is written
	// as a list instead.
	Drop int
	// Hint is said after the line that names the dropped columns when
	// this one is among them ("see --by lead").
	Hint string
	Role Role
}

func (c Col) min() int {
	if c.Min > 0 {
		return c.Min
	}
	return 12
}

func (c Col) comfort() int {
	if c.Comfort > 0 {
		return c.Comfort
	}
	return 2 * c.min()
}

// Table is a terminal table: a header, rows, an optional footer. Cells
// are never cut: a wrapping cell's lines, joined, are its text, and the
// indentation that leads a cell (a level in a tree) is repeated on each
// of its lines.
type Table struct {
	Cols   []Col
	Rows   [][]string
	Footer []string
	// Strong marks rows to emphasise (bold) on a color terminal.
	Strong []bool
	// Width is the terminal width the table must fit, in columns; 0
	// (output piped to a file or program) never wraps a cell.
	Width int
	// Color turns on bold for strong rows and the header.
	Color bool
	// P writes the line that names dropped columns; nil is Vietnamese.
	P *msg.Printer
}

// borders is how many terminal columns the frame of an n-column table
// takes: a rule and a space on each side of every cell, and the last rule.
func borders(n int) int { return 3*n + 1 }

// layout is how a table fits its width.
type layout struct {
	keep   []int // the columns shown, in order
	widths []int // each shown column's content width
	list   bool  // too narrow for a table: write a list
}

// fit chooses the columns and their widths. Unbounded, every column is
// as wide as its widest cell. Bounded, the columns that do not wrap keep
// their widest value, and their headers wrap (the widest saving first)
// only as far as the wrapping columns need: to two lines when those
// would otherwise get less than their comfortable width, to more only
// when they would get less than their minimum. The wrapping columns
// share the rest (see share). When even that leaves a wrapping column
// under its minimum, the next droppable column goes; when nothing is
// left to drop, the table becomes a list.
func (t Table) fit() layout {
	n := len(t.Cols)
	// natural: as wide as the widest cell and the header on one line;
	// least: as narrow as the column may get; two: as narrow as it gets
	// with a header of at most two lines.
	natural, least, two := make([]int, n), make([]int, n), make([]int, n)
	for i, c := range t.Cols {
		v := 0
		for _, row := range append(slices.Clip(t.Rows), t.Footer) {
			if i < len(row) {
				v = max(v, widest(row[i]))
			}
		}
		natural[i] = max(v, width(c.Header))
		if c.Wrap {
			least[i] = min(natural[i], c.min())
			two[i] = least[i]
		} else {
			// A header wraps at word boundaries.
			least[i] = max(v, longestWord(c.Header))
			two[i] = least[i]
			for len(wrap(c.Header, two[i])) > 2 {
				two[i]++
			}
		}
	}
	keep := make([]int, n)
	for i := range keep {
		keep[i] = i
	}
	if t.Width <= 0 {
		return layout{keep: keep, widths: pickInts(natural, keep)}
	}
	for {
		w := pickInts(natural, keep)
		room := t.Width - borders(len(keep))
		want, need, full := 0, 0, 0
		var fixed []int // positions in keep of columns that do not wrap
		for j, i := range keep {
			if t.Cols[i].Wrap {
				want += min(natural[i], t.Cols[i].comfort())
				need += least[i]
				full += natural[i]
			} else {
				room -= natural[i]
				fixed = append(fixed, j)
			}
		}
		// Headers wrap to two lines for the wrapping columns' comfort, to
		// more only for their minimum. Once one header takes that many
		// lines the others may too at no cost in height, as long as the
		// wrapping columns can use the room.
		if room < want {
			narrow(w, keep, fixed, natural, two, &room, full)
		}
		if room < need {
			narrow(w, keep, fixed, natural, least, &room, full)
		}
		if room >= need {
			share(w, keep, t.Cols, natural, least, room)
			t.tighten(w, keep, natural)
			return layout{keep: keep, widths: w}
		}
		drop, at := 0, -1
		for j, i := range keep {
			if d := t.Cols[i].Drop; d > 0 && (at < 0 || d < drop) {
				drop, at = d, j
			}
		}
		if at < 0 {
			return layout{list: true}
		}
		keep = slices.Delete(slices.Clone(keep), at, at+1)
	}
}

// narrow narrows the columns at positions fixed of keep towards to
// (the widest saving first) until room reaches goal.
func narrow(w, keep, fixed, natural, to []int, room *int, goal int) {
	fixed = slices.Clone(fixed)
	slices.SortStableFunc(fixed, func(a, b int) int {
		return (natural[keep[b]] - to[keep[b]]) - (natural[keep[a]] - to[keep[a]])
	})
	for _, j := range fixed {
		if *room >= goal {
			return
		}
		if d := w[j] - to[keep[j]]; d > 0 {
			*room += d
			w[j] = to[keep[j]]
		}
	}
}

// share gives the wrapping columns their least width and then the rest
// of room: a column that lacks no more than an even share gets what it
// lacks (so a name one character too long is not wrapped for it), and
// the others share what is left in proportion to what they lack (so
// the longer texts get more).
func share(w, keep []int, cols []Col, natural, least []int, room int) {
	var open []int // positions in keep of the columns still short
	for j, i := range keep {
		if cols[i].Wrap {
			w[j] = least[i]
			room -= least[i]
			if natural[i] > least[i] {
				open = append(open, j)
			}
		}
	}
	lack := func(j int) int { return natural[keep[j]] - w[j] }
	for done := false; !done && len(open) > 0; {
		done = true
		even := room / len(open)
		for k, j := range open {
			if lack(j) <= even {
				room -= lack(j)
				w[j] = natural[keep[j]]
				open = slices.Delete(open, k, k+1)
				done = false
				break
			}
		}
	}
	total := 0
	for _, j := range open {
		total += lack(j)
	}
	if total == 0 {
		return
	}
	extra := room
	for _, j := range open {
		d := extra * lack(j) / total
		w[j] += d
		room -= d
	}
	for room > 0 { // what the rounding left, one column at a time
		best := -1
		for _, j := range open {
			if lack(j) > 0 && (best < 0 || lack(j) > lack(best)) {
				best = j
			}
		}
		if best < 0 {
			return
		}
		w[best]++
		room--
	}
}

// tighten gives the room that wrapping leaves unused (a column of 30
// whose lines, broken at words, are at most 27 wide) to the wrapping
// columns that still wrap, a few times over. A column narrowed to its
// widest line wraps the same way.
func (t Table) tighten(w, keep, natural []int) {
	for range 4 {
		slack := 0
		var short []int
		for j, i := range keep {
			if !t.Cols[i].Wrap {
				continue
			}
			used := t.used(i, w[j])
			slack += w[j] - used
			w[j] = used
			if used < natural[i] {
				short = append(short, j)
			}
		}
		if slack == 0 || len(short) == 0 {
			return
		}
		for slack > 0 {
			gave := false
			for _, j := range short {
				if slack > 0 && w[j] < natural[keep[j]] {
					w[j]++
					slack--
					gave = true
				}
			}
			if !gave {
				return
			}
		}
	}
}

// used is how wide column i's wrapped cells and header are at width w.
func (t Table) used(i, w int) int {
	n := 0
	for _, l := range wrap(t.Cols[i].Header, w) {
		n = max(n, width(l))
	}
	for _, row := range append(slices.Clip(t.Rows), t.Footer) {
		if i < len(row) {
			for _, l := range wrapCell(row[i], w) {
				n = max(n, width(l))
			}
		}
	}
	return n
}

func pickInts(v, keep []int) []int {
	out := make([]int, len(keep))
	for j, i := range keep {
		out[j] = v[i]
	}
	return out
}

// Render writes the table, or the list that replaces it on a terminal
// too narrow for its figures, and says which columns it left out.
func (t Table) Render(w io.Writer) error {
	l := t.fit()
	if l.list {
		return t.renderList(w)
	}
	if err := t.renderTable(w, l); err != nil {
		return err
	}
	var dropped []string
	var hints []string
	for i, c := range t.Cols {
		if !slices.Contains(l.keep, i) {
			dropped = append(dropped, oneLine(c.Header))
			if c.Hint != "" && !slices.Contains(hints, c.Hint) {
				hints = append(hints, c.Hint)
			}
		}
	}
	if len(dropped) == 0 {
		return nil
	}
	p := printer(t.P)
	line := p.T("table.dropped", "Count", len(dropped), "Cols", dropped, "Width", t.Width)
	for _, h := range hints {
		line += " " + h
	}
	_, err := io.WriteString(w, strings.Join(fill(line, t.Width), "\n")+"\n")
	return err
}

func (t Table) renderTable(w io.Writer, l layout) error {
	aligns := make([]tw.Align, len(l.keep))
	for j, i := range l.keep {
		aligns[j] = map[Align]tw.Align{Left: tw.AlignLeft, Right: tw.AlignRight, Center: tw.AlignCenter}[t.Cols[i].Align]
	}
	// The cells come wrapped: tablewriter only draws them.
	tbl := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithFooterAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithFooterAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithTrimTab(tw.Off),
	)
	cells := func(row []string, bold bool) []any {
		out := make([]any, len(l.keep))
		for j, i := range l.keep {
			s := ""
			if i < len(row) {
				s = row[i]
			}
			lines := []string{s}
			if t.Cols[i].Wrap {
				lines = wrapCell(s, l.widths[j])
			}
			if bold && t.Color {
				lines = boldLines(lines)
			}
			out[j] = strings.Join(lines, "\n")
		}
		return out
	}
	header := make([]any, len(l.keep))
	for j, i := range l.keep {
		lines := wrap(t.Cols[i].Header, l.widths[j])
		if t.Color {
			lines = boldLines(lines)
		}
		header[j] = strings.Join(lines, "\n")
	}
	tbl.Header(header...)
	for r, row := range t.Rows {
		if err := tbl.Append(cells(row, r < len(t.Strong) && t.Strong[r])...); err != nil {
			return err
		}
	}
	if len(t.Footer) > 0 {
		tbl.Footer(cells(t.Footer, false)...)
	}
	return tbl.Render()
}

// wrapCell wraps a cell to w columns, repeating the indentation that
// leads it (a level in a tree) on every line, as far as the indentation
// leaves room for a few characters.
func wrapCell(s string, w int) []string {
	text := strings.TrimLeft(s, " ")
	indent := len(s) - len(text)
	indent = max(0, min(indent, w-8))
	pad := strings.Repeat(" ", indent)
	lines := wrap(text, w-indent)
	for k := range lines {
		lines[k] = pad + lines[k]
	}
	return lines
}

func boldLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, s := range lines {
		if s != "" {
			out[i] = "\x1b[1m" + s + "\x1b[0m"
		}
	}
	return out
}

// oneLine joins a label's lines with spaces.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

func printer(p *msg.Printer) *msg.Printer {
	if p == nil {
		return msg.For(msg.VI)
	}
	return p
}
