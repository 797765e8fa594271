package validate

import (
	"slices"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// TestDeadlineRules: which rule each deadline of a 2024 plan draws; the
// range runs from 2023 to 2025.
func TestDeadlineRules(t *testing.T) {
	tests := []struct {
		name     string
		deadline string
		want     []string
	}{
		{"in the plan year", "Quý II/2024", nil},
		{"the year before", "Trước ngày 31/12/2023", nil},
		{"January of the next year", "Trước ngày 31/01 năm sau", nil},
		{"the year after", "Quý IV/2025", nil},
		{"two years before", "Quý IV/2022", []string{ruleDeadlineRange}},
		{"two years after", "Tháng 1/2026", []string{ruleDeadlineRange}},
		{"a recurrence of another year", "Hằng quý năm 2030", []string{ruleDeadlineRange}},
		{"no dates", "Thường xuyên; Sau khi có hướng dẫn; Theo kế hoạch", nil},
		{"a leap day", "Trước ngày 29/02/2024", nil},
		{"no such day", "Trước ngày 30/02/2024", []string{ruleDeadlineDate}},
		{"unread", "Sớm nhất có thể", []string{ruleDeadlineUnparsed}},
		{"one part unread", "Quý I/2024; sớm nhất có thể; Quý II/2027", []string{ruleDeadlineUnparsed, ruleDeadlineRange}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "plan: {id: d, title: Kế hoạch, year: 2024}\nappendices:\n  - id: a\n    items:\n      - {code: \"1\", name: Nhiệm vụ, deadline: \"" + tt.deadline + "\"}\n"
			p, ds := plan.Load("d.yaml", []byte(src))
			if p == nil || len(ds) > 0 {
				t.Fatalf("load: %v", ds)
			}
			var got []string
			for _, d := range Plan(p, Options{}) {
				got = append(got, d.Rule)
				if d.Line != 5 || d.Col != 47 {
					t.Errorf("%s at %d:%d, want the deadline's position 5:47", d.Rule, d.Line, d.Col)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("rules %q, want %q", got, want)
			}
		})
	}
}
