// Package vntext holds the Vietnamese text helpers parplan shares.
package vntext

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s without diacritics, with đ and Đ as d and D, in NFC:
// "Đắk Nông" → "Dak Nong". It is for comparing and making ids, never for
// display.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		b.WriteString(foldRune(r))
	}
	return norm.NFC.String(b.String())
}

// folded caches the fold of each non-ASCII rune: Fold runs on every cell
// of an imported table.
var folded sync.Map // rune → string

func foldRune(r rune) string {
	if v, ok := folded.Load(r); ok {
		return v.(string)
	}
	var out string
	switch r {
	case 'đ':
		out = "d"
	case 'Đ':
		out = "D"
	default:
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
		var err error
		if out, _, err = transform.String(t, string(r)); err != nil {
			out = string(r)
		}
	}
	folded.Store(r, out)
	return out
}
