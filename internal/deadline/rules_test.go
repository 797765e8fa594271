package deadline

import (
	"strings"
	"testing"
)

// TestRuleExamples: every rule reads its examples, and wins them: a new
// pattern that steals another's texts shows here.
func TestRuleExamples(t *testing.T) {
	for _, r := range builtin().rules {
		t.Run(r.Name, func(t *testing.T) {
			if len(r.Examples) == 0 {
				t.Fatal("a rule needs at least one example")
			}
			for _, ex := range r.Examples {
				parts := splitParts(ex)
				if len(parts) != 1 {
					t.Errorf("example %q is %d parts, want one", ex, len(parts))
					continue
				}
				m, problem, winner := builtin().read(parts[0], 2024)
				switch {
				case winner == nil:
					t.Errorf("example %q: no rule reads it", ex)
				case winner != r:
					t.Errorf("example %q: rule %s wins it", ex, winner.Name)
				case problem != "":
					t.Errorf("example %q: problem %q", ex, problem)
				case m.Kind != r.Kind:
					t.Errorf("example %q: kind %s, want %s", ex, m.Kind, r.Kind)
				case (m.Kind == KindDate || m.Kind == KindPeriod) && m.End.IsZero():
					t.Errorf("example %q: a %s without a day", ex, m.Kind)
				case m.Kind == KindRecurring && (m.Every == "" || m.Start.IsZero()):
					t.Errorf("example %q: recurring without a period or span: %+v", ex, m)
				}
			}
		})
	}
}

// TestCompile: a broken rules file says what is wrong with it.
func TestCompile(t *testing.T) {
	const base = "values: {every: {quy: quarter}}\nfragments: {q: '(?P<quarters>i)'}\nrules:\n"
	tests := []struct {
		name string
		data string
		want string
	}{
		{"unknown field", base + "  - {name: a, pattern: x, kind: date, colour: red}", "colour"},
		{"no name", base + "  - {pattern: x, kind: date}", "name"},
		{"same name", base + "  - {name: a, pattern: x, kind: date}\n  - {name: a, pattern: y, kind: date}", `repeated name "a"`},
		{"kind", base + "  - {name: a, pattern: x, kind: soon}", `kind "soon"`},
		{"every", base + "  - {name: a, pattern: x, kind: recurring, every: week}", `every "week"`},
		{"span", base + "  - {name: a, pattern: x, kind: period, span: month}", `span "month"`},
		{"fragment", base + "  - {name: a, pattern: '{{nope}}', kind: date}", `no fragment "nope"`},
		{"regexp", base + "  - {name: a, pattern: '(', kind: date}", "rule a"},
		{"group", base + "  - {name: a, pattern: '(?P<week>\\d)', kind: date}", `group "week"`},
		{"values", "values: {every: {tuan: week}}\nrules: []", `"week"`},
		{"label regexp", "timeinlabel: '('\nrules: []", "timeinlabel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compile([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("compile: %v, want an error with %q", err, tt.want)
			}
		})
	}
	if _, err := compile([]byte(base + "  - {name: a, pattern: 'quy {{q}}', kind: period, examples: [Quý I]}")); err != nil {
		t.Errorf("a good file: %v", err)
	}
}

// TestFold: the patterns see lower case without diacritics, one space,
// respelt words; a slice of the folded text maps back to the original.
func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Quí  II", "quy ii"},
		{"Hằng THÁNG", "hang thang"},
		{"hàng tháng", "hang thang"},
		{"Đến\u00a0hết – tháng", "den het - thang"},
		{"tháng cuối kì", "thang cuoi ky"},
		{"Quinh", "quinh"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			f := fold(tt.in, builtin().spellings)
			if f.s != tt.want {
				t.Errorf("fold(%q) = %q, want %q", tt.in, f.s, tt.want)
			}
			if len(f.off) != len(f.s)+1 {
				t.Fatalf("%d offsets for %d bytes", len(f.off), len(f.s))
			}
			if got := f.original(0, len(f.s)); got != tt.in {
				t.Errorf("original of all = %q, want %q", got, tt.in)
			}
		})
	}
	f := fold("Đăng ký Quí II", builtin().spellings)
	if got := f.original(0, strings.Index(f.s, " quy")); got != "Đăng ký" {
		t.Errorf("original before quy = %q", got)
	}
	if got := f.original(strings.Index(f.s, "quy"), len(f.s)); got != "Quí II" {
		t.Errorf("original from quy = %q", got)
	}
}
