package deadline

import (
	"strings"
	"unicode"

	"github.com/parplan/parplan/internal/vntext"
)

// folded is a text as the patterns see it, with the way back to the
// original: labels and problem dates are quoted as the plan wrote them.
type folded struct {
	s    string
	orig string
	// off[i] is the byte offset in orig of the rune that gave byte i of
	// s; off[len(s)] is len(orig).
	off []int
}

// fold lower-cases text, removes its diacritics, writes every run of
// spaces as one space and long dashes as "-", then replaces the words of
// spellings. text is trimmed already.
func fold(text string, spellings map[string]string) folded {
	var b strings.Builder
	off := make([]int, 0, len(text)+1)
	space := false
	for i, r := range text {
		var out string
		switch {
		case unicode.IsSpace(r):
			if space {
				continue
			}
			space, out = true, " "
		case r == '–' || r == '—' || r == '‐' || r == '−':
			space, out = false, "-"
		case r < 0x80:
			space, out = false, string(unicode.ToLower(r))
		default:
			space, out = false, strings.ToLower(vntext.Fold(string(unicode.ToLower(r))))
		}
		for range len(out) {
			off = append(off, i)
		}
		b.WriteString(out)
	}
	off = append(off, len(text))
	f := folded{s: b.String(), orig: text, off: off}
	if len(spellings) > 0 {
		f = f.respell(spellings)
	}
	return f
}

// respell replaces whole words. The bytes of a replacement all point at
// the start of the word they replace, so a slice that starts or ends at a
// word boundary still maps back exactly.
func (f folded) respell(spellings map[string]string) folded {
	var b strings.Builder
	off := make([]int, 0, len(f.off))
	for i := 0; i < len(f.s); {
		j := i
		for j < len(f.s) && isWordByte(f.s[j]) {
			j++
		}
		if j == i {
			b.WriteByte(f.s[i])
			off = append(off, f.off[i])
			i++
			continue
		}
		w := f.s[i:j]
		if r, ok := spellings[w]; ok {
			b.WriteString(r)
			for range len(r) {
				off = append(off, f.off[i])
			}
		} else {
			b.WriteString(w)
			off = append(off, f.off[i:j]...)
		}
		i = j
	}
	off = append(off, len(f.orig))
	return folded{s: b.String(), orig: f.orig, off: off}
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// original returns the original text of the folded bytes s[i:j].
func (f folded) original(i, j int) string { return f.orig[f.off[i]:f.off[j]] }
