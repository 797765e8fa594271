package plan

import (
	"fmt"
	"strings"
	"testing"
)

func TestCutLine(t *testing.T) {
	tests := []struct {
		data  string
		want  []string
		count int // lineCount: the last line a position can be on
	}{
		{"", []string{""}, 1},
		{"a", []string{"a"}, 1},
		{"a\n", []string{"a", ""}, 1},
		{"a\r\nb", []string{"a", "b"}, 2},
		{"a\rb\r", []string{"a", "b", ""}, 2},
		{"a\r\rb", []string{"a", "", "b"}, 3},
		{"a\n\rb\r\n", []string{"a", "", "b", ""}, 3},
		{"a\r\r\n", []string{"a", "", ""}, 1},
	}
	for _, tt := range tests {
		var got []string
		data := []byte(tt.data)
		for {
			l, rest, found := cutLine(data)
			got = append(got, string(l))
			if !found {
				break
			}
			data = rest
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("lines of %q = %q, want %q", tt.data, got, tt.want)
		}
		if n := lineCount([]byte(tt.data)); n != tt.count {
			t.Errorf("lineCount(%q) = %d, want %d", tt.data, n, tt.count)
		}
	}
}

// TestLineBreaks: a lone CR starts a line, as it does for yaml.v3 and
// editors, in every place the loader counts lines itself; NEL and the
// Unicode separators, which yaml.v3 counts and editors do not, are
// refused where they are.
func TestLineBreaks(t *testing.T) {
	plan := "plan:\n  id: t\n  title: T\n  year: 2024\nappendices:\n  - id: a\n    items:\n      - name: x\n"
	cr := func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	tests := []struct {
		name      string
		data      string
		rule      string
		line, col int
		contains  string
	}{
		{name: "DEL after lone CRs", data: cr("plan:\n  id: t\n  title: a\x7fb\n"), rule: RuleControlCharacter, line: 3, col: 11, contains: "U+007F"},
		{name: "DEL after CRLFs", data: crlf("plan:\n  id: t\n  title: a\x7fb\n"), rule: RuleControlCharacter, line: 3, col: 11, contains: "U+007F"},
		{name: "control character after lone CRs", data: cr("plan:\n  id: t\n  title: a\x01b\n"), rule: RuleEncoding, line: 3, col: 11, contains: "U+0001"},
		{name: "syntax error after lone CRs", data: cr("plan:\n  id: t\n  title: [a\n  year: 2024\n"), rule: RuleYAMLSyntax, line: 3},
		{name: "model finding after lone CRs", data: cr(strings.Replace(plan, "year: 2024", "year: x", 1)), rule: RuleWrongType, line: 4, col: 9},
		{name: "line separator", data: "plan:\n  id: t\n  title: a\u2028b\n", rule: RuleControlCharacter, line: 3, col: 11, contains: "U+2028"},
		{name: "paragraph separator in quotes", data: "plan:\n  id: t\n  title: 'a\u2029b'\n", rule: RuleControlCharacter, line: 3, col: 12, contains: "U+2029"},
		{name: "NEL", data: "plan:\n  id: t\n  title: a\u0085b\n", rule: RuleControlCharacter, line: 3, col: 11, contains: "U+0085"},
		{name: "NEL after lone CRs", data: cr("plan:\n  id: t\n") + "  title: a\u0085b\n", rule: RuleControlCharacter, line: 3, col: 11, contains: "U+0085"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Load("x.yaml", []byte(tt.data))
			d := firstDiag(t, ds)
			if d.Rule != tt.rule || d.Line != tt.line || (tt.col > 0 && d.Col != tt.col) || !strings.Contains(d.Message(), tt.contains) {
				t.Errorf("got %s\nwant %s at %d:%d containing %q", d, tt.rule, tt.line, tt.col, tt.contains)
			}
		})
	}
}

// TestPrecountLoneCR: the item count before parsing sees the lines of a
// file written with lone CRs, and stops where the loader's count does.
func TestPrecountLoneCR(t *testing.T) {
	var b strings.Builder
	b.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
	for i := range 5 {
		fmt.Fprintf(&b, "      - name: n%d\n", i)
	}
	data := []byte(strings.ReplaceAll(b.String(), "\n", "\r"))
	pos, over := precountItems(data, 3)
	if !over || pos != (Pos{8, 9}) {
		t.Errorf("precountItems = %v, %v; want the fourth item at 8:9", pos, over)
	}
}
