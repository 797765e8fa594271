package plan

import (
	"os"
	"strings"
	"testing"
)

// userSlip changes one line of a plan the way a person userSlips when editing it.
type userSlip struct {
	name string
	// edit returns the changed line, or "" when the userSlip does not apply
	// to this line.
	edit func(line string) string
	// rule and col are what the finding must say; col 0 is not checked.
	col func(line string) int
	// contains is a word of the English message.
	contains string
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

var userSlips = []userSlip{
	{name: "outdent by 2", contains: "column", edit: func(l string) string {
		if !strings.HasPrefix(strings.TrimSpace(l), "achieved:") || indentOf(l) < 4 {
			return ""
		}
		return l[2:]
	}},
	{name: "indent by 2", contains: "deeper", edit: func(l string) string {
		if t := strings.TrimSpace(l); !strings.HasPrefix(t, "name:") || strings.HasPrefix(t, "- ") {
			return ""
		}
		return "  " + l
	}},
	{name: "tab", contains: "tab", edit: func(l string) string {
		if t := strings.TrimSpace(l); !strings.HasPrefix(t, "achieved:") && !strings.HasPrefix(t, "deadline:") {
			return ""
		}
		return "\t" + strings.TrimLeft(l, " ")
	}},
	{name: "list item deeper", contains: "column", edit: func(l string) string {
		if !strings.HasPrefix(strings.TrimSpace(l), "- code:") {
			return ""
		}
		return "  " + l
	}},
	{name: "missing colon", contains: "colon", edit: func(l string) string {
		t := strings.TrimSpace(l)
		for _, k := range []string{"max", "achieved", "target", "deadline"} {
			if strings.HasPrefix(t, k+": ") {
				return strings.Replace(l, k+": ", k+" ", 1)
			}
		}
		return ""
	}},
	{name: "unclosed quote", contains: "quote", edit: func(l string) string {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "name: ") || strings.ContainsAny(t, "\"'") {
			return ""
		}
		return strings.Replace(l, "name: ", `name: "`, 1)
	}},
}

// TestSyntaxSlipsAtTheirLine: each userSlip, made at many lines of the
// bundled plans, is reported at the line where it was made.
func TestSyntaxSlipsAtTheirLine(t *testing.T) {
	for _, file := range []string{"../../plans/daknong-2024.yaml", "../../plans/hagiang-2021.yaml", "../../plans/gialai-2023.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for _, s := range userSlips {
			tried, found := 0, 0
			for i := 0; i < len(lines) && tried < 12; i += 37 {
				// the next line the userSlip applies to
				j := i
				for j < len(lines) && s.edit(lines[j]) == "" {
					j++
				}
				if j >= len(lines) {
					break
				}
				changed := append([]string{}, lines...)
				changed[j] = s.edit(lines[j])
				_, ds := Load("x.yaml", []byte(strings.Join(changed, "\n")))
				if len(ds) == 0 {
					continue // still valid YAML (a userSlip YAML cannot see)
				}
				tried++
				d := ds[0]
				// A line outdented onto the column of an enclosing key
				// is a key of that block, and the text is broken only at
				// the next line: either line is a right answer.
				ambiguous := s.name == "outdent by 2" && onEnclosingColumn(changed, j) && d.Line == j+2
				if d.Rule == RuleYAMLSyntax && (d.Line == j+1 || ambiguous) && (strings.Contains(d.Message(), s.contains) || ambiguous) {
					found++
				} else {
					t.Errorf("%s, %s at line %d (%q): got %s", file, s.name, j+1, changed[j], d)
				}
				i = j
			}
			if tried < 3 {
				t.Errorf("%s: userSlip %s was tried %d times only", file, s.name, tried)
			}
			t.Logf("%s: %s found at its line %d of %d times", file, s.name, found, tried)
		}
	}
}

// onEnclosingColumn reports whether line j starts at the column of a key
// line above it that is less indented than the line before j.
func onEnclosingColumn(lines []string, j int) bool {
	c, before := indentOf(lines[j]), indentOf(lines[j-1])
	for i := j - 1; i >= 0; i-- {
		if in := indentOf(lines[i]); in < before && strings.TrimSpace(lines[i]) != "" {
			if in == c {
				return true
			}
			before = in
		}
	}
	return false
}

// TestSyntaxPositions: what yaml.v3 reports without a line is found.
func TestSyntaxPositions(t *testing.T) {
	base, err := os.ReadFile("../../plans/daknong-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(base), "\n")
	tests := []struct {
		name     string
		line     int // 1-based
		edit     func(string) string
		rule     string
		col      int
		contains string
	}{
		{name: "DEL byte", line: 11, edit: func(l string) string { return l[:8] + "\x7f" + l[8:] }, rule: RuleControlCharacter, col: 9, contains: "U+007F"},
		{name: "undefined alias", line: 15, edit: func(l string) string { return l[:strings.Index(l, ":")+2] + "*nope" }, rule: RuleYAMLSyntax, contains: "*nope"},
		{name: "ESC escape", line: 10, edit: func(l string) string { return l[:strings.Index(l, ":")+2] + `"a\e[31m"` }, rule: RuleControlCharacter, col: 0, contains: "U+001B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changed := append([]string{}, lines...)
			changed[tt.line-1] = tt.edit(lines[tt.line-1])
			_, ds := Load("x.yaml", []byte(strings.Join(changed, "\n")))
			if len(ds) == 0 {
				t.Fatal("no finding")
			}
			d := ds[0]
			if d.Rule != tt.rule || d.Line != tt.line || tt.col != 0 && d.Col != tt.col || !strings.Contains(d.Message(), tt.contains) {
				t.Errorf("got %s; want %s at %d:%d containing %q", d, tt.rule, tt.line, tt.col, tt.contains)
			}
		})
	}
}
