package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// TestLongCellRoundTrip: a task too long for one row is exported on
// several rows of its item and imported back as the one task it was.
func TestLongCellRoundTrip(t *testing.T) {
	var words []string
	for i := 0; len(strings.Join(words, " ")) < 3000; i++ {
		words = append(words, "nhiệm", "vụ", "cải", "cách", "hành", "chính", "số"+strings.Repeat("x", i%5))
	}
	long := strings.Join(words, " ")
	src := `plan: {id: t, title: Kế hoạch thử, year: 2024, baseline_year: 2023}
appendices:
  - id: a
    label: Phụ lục 01
    title: Bảng thử
    layout: scored
    items:
      - code: "1"
        name: Lĩnh vực
        items:
          - {code: "1.1", name: Tiêu chí, max: 2, achieved: 1, target: 2, lead: [Sở Nội vụ], tasks: ["` + long + `"]}
          - {code: "1.2", name: Tiêu chí sau, max: 1, achieved: 1, target: 1, tasks: [Sau]}
`
	want, ds := plan.Load("long.yaml", []byte(src))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	doc, err := ReadXLSX(bytes.NewReader(exportPlan(t, want)), "", DefaultXLSXLimits)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	it := res.Plan.Appendices[0].Items[0].Items[0]
	var got []string
	for _, task := range it.Tasks {
		got = append(got, task.Value)
	}
	if len(got) != 1 || got[0] != long {
		t.Errorf("1.1's tasks came back as %d: %.80q…, want the one task", len(got), got)
	}
	if n := len(res.Plan.Appendices[0].Items[0].Items); n != 2 {
		t.Errorf("%d criteria under 1, want 2", n)
	}
}
