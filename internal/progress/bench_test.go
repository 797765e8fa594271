package progress_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/progress"
)

// BenchmarkCompute takes the status of hagiang-2021 (89 items) from 40
// reports of 60 items each.
func BenchmarkCompute(b *testing.B) {
	p := loadPlan(&testing.T{}, "../../plans/hagiang-2021.yaml")
	x := progress.NewIndex(p)
	var refs []string
	for _, a := range p.Appendices {
		a.Walk(func(it *plan.Item) {
			if len(it.Items) == 0 {
				refs = append(refs, x.Ref(it))
			}
		})
	}
	var reports []*plan.Report
	for i := range 40 {
		var sb strings.Builder
		fmt.Fprintf(&sb, "progress:\n  plan: hagiang-2021\n  as_of: 2021-%02d-28\n  reported_by: Sở Nội vụ\n  items:\n", i%12+1)
		for j := range 60 {
			fmt.Fprintf(&sb, "    - {ref: %q, status: in-progress}\n", refs[(i+j)%len(refs)])
		}
		r, ds := plan.LoadReport("r.yaml", []byte(sb.String()))
		if r == nil || len(ds) > 0 {
			b.Fatal(ds)
		}
		reports = append(reports, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		progress.Compute(p, reports, progress.Options{AsOf: day("2021-12-31")})
	}
}
