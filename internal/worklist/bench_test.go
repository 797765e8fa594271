package worklist_test

import (
	"testing"

	"github.com/parplan/parplan/internal/worklist"
)

// BenchmarkBuild splits hagiang-2021, the plan with the most deadlines,
// by agency.
func BenchmarkBuild(b *testing.B) {
	p := load(&testing.T{}, "../../plans/hagiang-2021.yaml")
	b.ReportAllocs()
	for b.Loop() {
		worklist.Build(p, worklist.Options{})
	}
}
