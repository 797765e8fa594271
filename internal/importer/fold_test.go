package importer

import (
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/vntext"
)

// foldSlow is fold as first written: strings.ToLower of the folded text,
// then the filter.
func foldSlow(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(vntext.Fold(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '{' || r == '}' || r == '_' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// FuzzFold: fold lowers case a rune at a time exactly as strings.ToLower
// does, whatever the text (Kelvin sign, dotted İ, invalid UTF-8).
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Điểm đạt được năm {year}", "TỔNG CỘNG", "\u212a\u0130 Ω", "a\xffb", "Nhiệm vụ, giải pháp", "  _x_ "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}
