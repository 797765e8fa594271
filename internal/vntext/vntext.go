// Package vntext holds the Vietnamese text helpers parplan shares.
package vntext

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s without diacritics, with đ and Đ as d and D, in NFC:
// "Đắk Nông" → "Dak Nong". It is for comparing and making ids, never for
// display.
func Fold(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	ascii := true
	for _, r := range s {
		if r < 0x80 {
			b.WriteByte(byte(r))
			continue
		}
		f := foldRune(r)
		b.WriteString(f)
		ascii = ascii && isASCII(f)
	}
	if ascii {
		return b.String() // NFC already
	}
	return norm.NFC.String(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// folded caches the fold of each non-ASCII rune: Fold runs on every cell
// of an imported table. Runes below tableRunes (Latin with all its
// diacritics, Vietnamese's U+1EA0–U+1EF9 and the combining marks
// included) have a slot each, which, unlike a sync.Map keyed by rune,
// costs no allocation to look up; others go to the map.
var (
	table  [tableRunes]atomic.Pointer[string]
	folded sync.Map // rune → string
)

const tableRunes = 0x2000

func foldRune(r rune) string {
	if r >= 0 && r < tableRunes {
		if p := table[r].Load(); p != nil {
			return *p
		}
		out := fold1(r)
		table[r].Store(&out)
		return out
	}
	if v, ok := folded.Load(r); ok {
		return v.(string)
	}
	out := fold1(r)
	folded.Store(r, out)
	return out
}

// fold1 folds one rune: its canonical decomposition without the
// combining marks.
func fold1(r rune) string {
	switch r {
	case 'đ':
		return "d"
	case 'Đ':
		return "D"
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
	out, _, err := transform.String(t, string(r))
	if err != nil {
		return string(r)
	}
	return out
}
