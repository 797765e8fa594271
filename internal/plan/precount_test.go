package plan

import (
	"fmt"
	"strings"
	"testing"
)

// TestPrecountItems: the count before parsing refuses a plan over the
// item limit at the very place the loader's own count does, and counts
// no name that is not an item's: the plan's agencies, comments, the text
// of block scalars.
func TestPrecountItems(t *testing.T) {
	head := "plan:\n  id: t\n  title: T\n  year: 2024\n  agencies:\n    - name: Sở A\n    - name: Sở B\n" +
		"appendices:\n  - id: a\n    note: |\n      name: not an item\n      name: nor this\n    items:\n"
	// A list at its key's column: "- id: a" under "appendices:".
	flat := "plan:\n  id: t\n  title: T\n  year: 2024\n  agencies:\n    - name: Sở A\n    - name: Sở B\n" +
		"appendices:\n- id: a\n  note: |\n    name: not an item\n    name: nor this\n  items:\n"
	shapes := map[string]func(i int) string{
		"name first": func(i int) string { return fmt.Sprintf("      - name: n%d\n        max: 1\n", i) },
		"code first": func(i int) string {
			return fmt.Sprintf("      - code: \"%d\"\n        # name: a comment\n        name: n%d\n", i, i)
		},
		"nested": func(i int) string {
			return fmt.Sprintf("      - name: f%d\n        items:\n          - name: c%d\n", i, i)
		},
		"with a text": func(i int) string {
			return fmt.Sprintf("      - name: n%d\n        note: >-\n          name: text\n", i)
		},
	}
	lim := DefaultLimits
	lim.MaxItems = 7
	for name, item := range shapes {
		for _, head := range []string{head, flat} {
			t.Run(name, func(t *testing.T) {
				testPrecount(t, name, head, item, lim)
			})
		}
	}
}

func testPrecount(t *testing.T, name, head string, item func(int) string, lim Limits) {
	{
		{
			var b strings.Builder
			b.WriteString(head)
			for i := 1; i <= 6; i++ {
				b.WriteString(item(i))
			}
			data := []byte(b.String())
			if _, ds := LoadWithLimits("x.yaml", data, lim); len(ds) > 0 && name != "nested" {
				t.Fatalf("under the limit: %v", ds)
			}
			if _, over := precountItems(data, lim.MaxItems); over != (name == "nested") {
				t.Errorf("under the limit: precount says over %v", over)
			}
			for i := 7; i <= 9; i++ {
				b.WriteString(item(i))
			}
			data = []byte(b.String())
			_, fast := LoadWithLimits("x.yaml", data, lim)
			usePrecount = false
			_, slow := LoadWithLimits("x.yaml", data, lim)
			usePrecount = true
			if _, over := precountItems(data, lim.MaxItems); !over {
				t.Error("over the limit: the precount does not see it")
			}
			f, s := firstDiag(t, fast), firstDiag(t, slow)
			if f.Rule != RuleLimit || f.Line != s.Line || f.Col != s.Col || f.Message() != s.Message() {
				t.Errorf("precount %s, loader %s", f, s)
			}
		}
	}
}

// BenchmarkRefuseFlat measures how soon a 10 MB plan of 440,000 items is
// refused.
func BenchmarkRefuseFlat(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("plan: {id: flat, title: Flat, year: 2024}\nappendices:\n- id: a\n  items:\n")
	for sb.Len() < 10_000_000 {
		fmt.Fprintf(&sb, "  - name: %d Nội dung nhiệm vụ\n", sb.Len())
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := Load("x.yaml", data); len(ds) != 1 || ds[0].Rule != RuleLimit {
			b.Fatal(ds)
		}
	}
}
