package render

import (
	"io"

	"github.com/parplan/parplan/internal/diff"
)

// diffText writes the changes for a terminal: a heading line, then the
// plan's changes and each appendix's, the items' under their field, each
// line marked + (added), - (removed), ~ (changed) or > (moved), in color
// when the terminal has it.
type diffText struct {
	opts DiffOptions
}

// diffColors are the SGR colors of the marks.
var diffColors = map[mark]string{
	markAdded:   "32",
	markRemoved: "31",
	markChanged: "33",
	markMoved:   "36",
}

func (p diffText) Print(w io.Writer, r *diff.Result) error {
	ew := &errWriter{w: w}
	x := diffWords{p.opts.p()}
	ew.printf("%s\n", p.bold(x.heading(r)))
	for _, s := range x.sections(r) {
		ew.printf("%s\n", p.bold(s.title+":"))
		for _, l := range s.lines {
			p.line(ew, "  ", l)
		}
		for _, f := range s.fields {
			title := f.title
			if f.scores != "" {
				title += ": " + f.scores
			}
			ew.printf("  %s\n", title)
			for _, l := range f.lines {
				p.line(ew, "    ", l)
			}
		}
	}
	return ew.err
}

func (p diffText) line(ew *errWriter, indent string, l diffLine) {
	text := string(l.mark) + " " + l.text
	if l.mark == markNone {
		text = l.text
	}
	if c, ok := diffColors[l.mark]; ok && p.opts.Color {
		text = "\x1b[" + c + "m" + text + "\x1b[0m"
	}
	ew.printf("%s%s\n", indent, text)
}

func (p diffText) bold(s string) string {
	if !p.opts.Color {
		return s
	}
	return "\x1b[1m" + s + "\x1b[0m"
}
