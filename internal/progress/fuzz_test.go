package progress_test

import (
	"os"
	"testing"

	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
	"github.com/parplan/parplan/internal/progress"
)

// FuzzReport feeds progress report files to plan.LoadReport and, when one
// loads clean, checks it against the test plan and takes the status
// from it. Nothing may panic, every finding must sit inside the report
// (line 1 to the line count + 1, counting lines as YAML does, column
// ≥ 1) and name a known rule.
//
// Seeds: the reports of the tests, and reports with each kind of mistake.
func FuzzReport(f *testing.F) {
	for _, r := range reportTexts {
		f.Add([]byte(r.text))
	}
	for _, s := range []string{
		"progress:\n  plan: year-2024\n  as_of: 2024-02-30\n  reported_by: Sở Nội vụ\n  items:\n    - {ref: \"9.9\", status: done}\n",
		"progress:\n  plan: year-2024\n  as_of: 2024-03-31\n  reported_by: Sở Nội vụ\n  items:\n    - {ref: \"1.1\", status: finished, done_on: 2023-01-01}\n    - {ref: \"1.1\", status: done}\n",
		"progress:\n  plan: year-2024\n  as_of: 2024-03-31\n  reported_by: Sở Nội vụ\n  items:\n    - {ref: \"1.1\", appendix: phu-luc-09, status: blocked, note: x}\n",
		"progress: [1, 2]\n",
		"progress:\n  plan: &a year-2024\n  as_of: *a\n",
	} {
		f.Add([]byte(s))
	}
	data, err := os.ReadFile("testdata/year-2024.yaml")
	if err != nil {
		f.Fatal(err)
	}
	p, ds := plan.Load("year-2024.yaml", data)
	if p == nil || len(ds) > 0 {
		f.Fatal(ds)
	}
	known := map[string]bool{}
	for _, r := range plan.Rules {
		known[r.ID] = true
	}
	for _, r := range progress.Rules() {
		known[r.ID] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ds := plan.LoadReport("fuzz.yaml", data)
		if r != nil && len(ds) == 0 {
			ds = progress.Check(p, []*plan.Report{r})
			for _, day := range []string{"2024-01-01", "2024-07-15", "2025-12-31"} {
				d, err := deadline.ParseDate(day)
				if err != nil {
					t.Fatal(err)
				}
				_ = progress.Compute(p, []*plan.Report{r}, progress.Options{AsOf: d})
			}
		}
		lines := plantest.YAMLLines(data)
		for _, d := range ds {
			if d.Line < 1 || d.Line > lines+1 || d.Col < 1 {
				t.Errorf("position outside the file (%d lines): %s", lines, d)
			}
			if !known[d.Rule] {
				t.Errorf("unknown rule %q: %s", d.Rule, d)
			}
		}
	})
}
