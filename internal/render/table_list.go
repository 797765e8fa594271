package render

import (
	"io"
	"strings"
)

// pairSep separates the "label: value" pairs on a line of the list layout.
const pairSep = " · "

// renderList writes the table as a list, for a terminal too narrow for
// its figures: one block per row, blocks apart by a blank line. A block's
// first line holds its key and title (a code and a name), wrapped under
// the title; the other cells follow as "header: value" pairs, as many to
// a line as fit, an empty cell left out. A pair too long for a line wraps,
// its continuation two columns further in. The row's indentation (its
// level in a tree) indents the whole block. A blank line ends the list.
func (t Table) renderList(w io.Writer) error {
	ew := &errWriter{w: w}
	key, title := -1, -1
	for i, c := range t.Cols {
		switch c.Role {
		case Key:
			key = i
		case Title:
			title = i
		}
	}
	rows := t.Rows
	if len(t.Footer) > 0 {
		rows = append(rows[:len(rows):len(rows)], t.Footer)
	}
	for r, row := range rows {
		if r > 0 {
			ew.printf("\n")
		}
		strong := t.Color && r < len(t.Strong) && t.Strong[r]
		for _, line := range t.block(row, key, title) {
			if strong {
				line = boldLines([]string{line})[0]
			}
			ew.printf("%s\n", line)
		}
	}
	// A blank line ends the list, as the frame ends a table.
	ew.printf("\n")
	return ew.err
}

// block lays out one row of the list.
func (t Table) block(row []string, key, title int) []string {
	cell := func(i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return row[i]
	}
	name := cell(title)
	text := strings.TrimLeft(name, " ")
	indent := min(len(name)-len(text), max(0, t.Width-20))
	code := cell(key)
	head := strings.Repeat(" ", indent)
	if code != "" {
		head += code + " "
	}
	hang := width(head)
	if t.Width-hang < 12 {
		hang = indent
	}
	var out []string
	switch {
	case text == "":
		if code != "" {
			out = append(out, strings.TrimRight(head, " "))
		}
	case t.Width-width(head) < 12:
		// A code too long to share its line: the name goes below it.
		out = append(out, strings.TrimRight(head, " "))
		out = append(out, indented(wrap(text, t.Width-hang), hang)...)
	default:
		// Continuation lines hang under the name.
		lines := wrap(text, t.Width-hang)
		out = append(out, head+lines[0])
		out = append(out, indented(lines[1:], hang)...)
	}
	// The figures.
	in := hang
	if code == "" {
		in = indent + 2
	}
	in = min(in, max(0, t.Width-12))
	avail := t.Width - in
	var line string
	flush := func() {
		if line != "" {
			out = append(out, strings.Repeat(" ", in)+line)
			line = ""
		}
	}
	for i, c := range t.Cols {
		v := cell(i)
		if i == key || i == title || v == "" {
			continue
		}
		pair := oneLine(c.Header) + ": " + v
		switch {
		case line != "" && width(line)+width(pairSep)+width(pair) <= avail:
			line += pairSep + pair
		case width(pair) <= avail:
			flush()
			line = pair
		default:
			flush()
			lines := wrap(pair, avail)
			out = append(out, strings.Repeat(" ", in)+lines[0])
			if len(lines) > 1 {
				out = append(out, indented(wrap(lineRest(pair, lines[0]), avail-2), in+2)...)
			}
		}
	}
	flush()
	return out
}

// lineRest returns what of s follows its first line first, without the
// space or newline the break took.
func lineRest(s, first string) string {
	rest := s[len(first):]
	if rest != "" && (rest[0] == ' ' || rest[0] == '\n') {
		rest = rest[1:]
	}
	return rest
}

func indented(lines []string, n int) []string {
	pad := strings.Repeat(" ", n)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = pad + l
	}
	return out
}
