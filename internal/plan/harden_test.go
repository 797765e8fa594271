package plan

import (
	"fmt"
	"strings"
	"testing"
)

// withMax is the minimal plan with its item's max written as v.
func withMax(v string) []byte {
	return []byte(strings.Replace(minimal, "max: 12.9045", "max: "+v, 1))
}

// TestLeadingZero: a number with a leading zero means 8 to some YAML
// tools and 10 to others, so it is refused with the number to write.
func TestLeadingZero(t *testing.T) {
	tests := []struct {
		value string
		fix   string // "" when the number is fine
	}{
		{value: "010", fix: "10"},
		{value: "08", fix: "8"},
		{value: "002.50", fix: "2.50"},
		{value: "-010", fix: "-10"},
		{value: "+07", fix: "7"},
		{value: "00", fix: "0"},
		{value: "0"},
		{value: "0.5"},
		{value: "0.25"},
		{value: "-0.5"},
		{value: "10"},
		{value: "100.05"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			p, ds := Load("x.yaml", withMax(tt.value))
			if tt.fix == "" {
				if len(ds) > 0 {
					t.Fatalf("want no finding, got %v", ds)
				}
				if got := p.Appendices[0].Items[0].Scores.Max.Value.String(); strings.TrimLeft(got, "-") != strings.TrimLeft(tt.value, "-") {
					t.Errorf("max = %s, want %s", got, tt.value)
				}
				return
			}
			d := firstDiag(t, ds)
			want := fmt.Sprintf("%q starts with a zero", tt.value)
			if d.Rule != RuleWrongType || d.Line != 10 || !strings.Contains(d.Message(), want) || !strings.HasSuffix(d.Message(), "write "+tt.fix) {
				t.Errorf("got %s\nwant %s at line 10 containing %q and ending %q", d, RuleWrongType, want, "write "+tt.fix)
			}
		})
	}
}

// TestLeadingZeroInteger: a year is a number too.
func TestLeadingZeroInteger(t *testing.T) {
	_, ds := Load("x.yaml", []byte(strings.Replace(minimal, "year: 2024", "year: 02024", 1)))
	if d := firstDiag(t, ds); d.Line != 4 || !strings.Contains(d.Message(), `"02024" starts with a zero`) || !strings.HasSuffix(d.Message(), "write 2024") {
		t.Errorf("got %s", d)
	}
}

// TestLongNumberClipped: a number of 100,000 digits is named by its
// first characters and its length, not echoed whole.
func TestLongNumberClipped(t *testing.T) {
	digits := strings.Repeat("1", 100_000)
	for _, v := range []string{digits, "." + digits, "1," + digits, `"` + digits + `"`, digits + ".", "0x" + digits} {
		name := v[:min(len(v), 3)]
		t.Run(name, func(t *testing.T) {
			_, ds := Load("x.yaml", withMax(v))
			d := firstDiag(t, ds)
			if len(d.Message()) > 200 || !strings.Contains(d.Message(), "…") {
				t.Errorf("message of %d bytes, want a clipped value: %.300s", len(d.Message()), d.Message())
			}
		})
	}
	_, ds := Load("x.yaml", withMax(digits))
	if d := firstDiag(t, ds); !strings.Contains(d.Message(), "(100000 characters) has more than 30 digits") {
		t.Errorf("got %s", d)
	}
}

// TestNUL: one NUL byte in a UTF-8 file is named at its line and column
// as a stray character; UTF-16 is recognised by its pattern of zeros.
func TestNUL(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		line, col int
		contains  string
	}{
		{name: "one NUL in a text", data: "plan:\n  id: t\n  title: ab\x00c\n", line: 3, col: 12, contains: "NUL byte (U+0000) in the text"},
		{name: "NUL at an odd offset", data: "plan:\n  id: t\n  title: a\x00\n", line: 3, col: 11, contains: "in the text"},
		{name: "NUL at the start", data: "\x00plan:\n  id: t\n", line: 1, col: 1, contains: "in the text"},
		{name: "UTF-16 LE", data: "p\x00l\x00a\x00n\x00:\x00\n\x00", line: 1, col: 2, contains: "UTF-16"},
		{name: "UTF-16 BE", data: "\x00p\x00l\x00a\x00n\x00:\x00\n", line: 1, col: 1, contains: "UTF-16"},
		{name: "binary", data: "plan\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", line: 1, col: 5, contains: "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Load("x.yaml", []byte(tt.data))
			d := firstDiag(t, ds)
			if d.Rule != RuleEncoding || d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Message(), tt.contains) {
				t.Errorf("got %s\nwant %s at %d:%d containing %q", d, RuleEncoding, tt.line, tt.col, tt.contains)
			}
		})
	}
}

// nestedItems is a plan whose items nest levels deep.
func nestedItems(levels int) []byte {
	var b strings.Builder
	b.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
	for i := 0; i < levels; i++ {
		ind := strings.Repeat("    ", i)
		fmt.Fprintf(&b, "%s      - name: n%d\n", ind, i)
		if i < levels-1 {
			fmt.Fprintf(&b, "%s        items:\n", ind)
		}
	}
	return []byte(b.String())
}

// TestItemDepthBoundary: items may nest exactly MaxItemDepth levels.
func TestItemDepthBoundary(t *testing.T) {
	max := DefaultLimits.MaxItemDepth
	if _, ds := Load("x.yaml", nestedItems(max)); len(ds) > 0 {
		t.Errorf("%d levels: want no finding, got %v", max, ds)
	}
	_, ds := Load("x.yaml", nestedItems(max+1))
	d := firstDiag(t, ds)
	if d.Rule != RuleLimit || d.Line != 5+2*max || !strings.Contains(d.Message(), fmt.Sprintf("deeper than %d levels", max)) {
		t.Errorf("%d levels: got %s, want %s at line %d", max+1, d, RuleLimit, 5+2*max)
	}
}

// flatItems is a plan of n items at the top level of one appendix.
func flatItems(n int) []byte {
	var b strings.Builder
	b.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      - name: n%d\n", i)
	}
	return []byte(b.String())
}

// TestItemCountLimit: a plan may hold MaxItems items; one more is refused
// at the first item over the limit.
func TestItemCountLimit(t *testing.T) {
	lim := DefaultLimits
	lim.MaxItems = 50
	if _, ds := LoadWithLimits("x.yaml", flatItems(50), lim); len(ds) > 0 {
		t.Errorf("50 items: want no finding, got %v", ds)
	}
	p, ds := LoadWithLimits("x.yaml", flatItems(51), lim)
	d := firstDiag(t, ds)
	if d.Rule != RuleLimit || d.Line != 4+51 || d.Message() != "more than 50 items in the file, the limit for a plan file" {
		t.Errorf("51 items: got %s", d)
	}
	if len(ds) != 1 {
		t.Errorf("want one finding, got %v", ds)
	}
	if p != nil && len(p.Appendices) > 0 && len(p.Appendices[0].Items) > 50 {
		t.Errorf("read %d items past the limit", len(p.Appendices[0].Items))
	}
	// Items count over every level and appendix.
	two := "plan: {id: t, title: T, year: 2024}\nappendices:\n" +
		"  - id: a\n    items:\n      - name: a\n        items: [{name: b}, {name: c}]\n" +
		"  - id: b\n    items:\n      - name: d\n"
	lim.MaxItems = 3
	if _, ds := LoadWithLimits("x.yaml", []byte(two), lim); len(ds) != 1 || ds[0].Line != 9 {
		t.Errorf("4 items over 2 appendices, limit 3: got %v, want one finding at line 9", ds)
	}
}

// TestDefaultItemLimit: the default limit is 100,000 items.
func TestDefaultItemLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("a 2 MB plan")
	}
	_, ds := Load("x.yaml", flatItems(DefaultLimits.MaxItems+1))
	if d := firstDiag(t, ds); d.Rule != RuleLimit || !strings.Contains(d.Message(), "more than 100000 items") {
		t.Errorf("got %s", d)
	}
}
