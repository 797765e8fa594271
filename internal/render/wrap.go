package render

import (
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// width is the display width of s in terminal columns, measured as
// tablewriter measures it (escape sequences are not counted, combining
// marks are 0 wide, East Asian wide characters 2), so that the widths
// chosen here are the widths tablewriter draws.
func width(s string) int { return twwidth.Width(s) }

// wrap breaks s into lines at most w columns wide. Lines break at a space,
// which the break takes (one space: the rest of a run stays on the next
// line); a word wider than w is broken between characters, never before a
// combining mark. A newline in s always breaks. Nothing else is taken or
// added: joining the lines with the spaces and newlines they were broken
// at gives s back exactly.
func wrap(s string, w int) []string {
	w = max(w, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		for width(para) > w {
			cut, next := breakAt(para, w)
			if cut == len(para) {
				break // one character wider than the line
			}
			out = append(out, para[:cut])
			para = para[next:]
		}
		out = append(out, para)
	}
	return out
}

// breakAt finds where to break s, which is wider than w: the line is
// s[:cut] and the rest starts at s[next:].
func breakAt(s string, w int) (cut, next int) {
	lastSpace := -1 // a space a line may end before
	used := 0
	for i, r := range s {
		rw := width(string(r))
		if r == ' ' && i > 0 && s[i-1] != ' ' && used <= w {
			lastSpace = i
		}
		if used+rw > w {
			if lastSpace > 0 {
				return lastSpace, lastSpace + 1
			}
			// One word wider than the line: break inside it, before the
			// first character that does not fit (r is never a combining
			// mark, which is 0 wide, so marks stay with their base). A
			// first character wider than the line goes on a line alone.
			cut = i
			if cut == 0 {
				cut = clusterEnd(s)
			}
			return cut, cut
		}
		used += rw
	}
	return len(s), len(s)
}

// clusterEnd is the end of s's first character with its combining marks.
func clusterEnd(s string) int {
	_, end := utf8.DecodeRuneInString(s)
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if width(string(r)) != 0 || r == ' ' {
			break
		}
		end += size
	}
	return end
}

// longestWord is the width of the widest space-separated word of s: the
// narrowest s can wrap without breaking a word.
func longestWord(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		n = max(n, width(f))
	}
	return n
}

// widest is the width of the widest line of s.
func widest(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, width(line))
	}
	return n
}
