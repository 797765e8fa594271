package xlsx

import (
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
	"github.com/parplan/parplan/internal/validate"
)

// BenchmarkExport10000 lays out and writes a workbook with a 10,000-row
// appendix (plus its summary). Besides the wall time it reports the CPU
// time of the process per export (cpu-ns/op, the garbage collector's
// included), which a busy machine does not inflate the way it does the
// wall time.
func BenchmarkExport10000(b *testing.B) {
	p := plantest.Big(b, 10000)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		exportOnce(b, p)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// exportOnce builds p's workbook and writes it nowhere.
func exportOnce(b *testing.B, p *plan.Plan) {
	wb, ds, err := Build(p, Options{})
	if err != nil || len(ds) > 0 {
		b.Fatal(err, ds)
	}
	if _, err := wb.WriteTo(io.Discard); err != nil {
		b.Fatal(err)
	}
	_ = wb.Close()
}

// BenchmarkLoadExport10000 is the work of parplan export on the plan of
// BenchmarkExport10000 after the file is read: loading the plan,
// validating it, laying out and writing the workbook.
func BenchmarkLoadExport10000(b *testing.B) {
	data := plantest.BigYAML(10000)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		p, ds := plan.Load("big.yaml", data)
		if p == nil || len(ds) > 0 {
			b.Fatal(ds)
		}
		_ = validate.Plan(p, validate.Options{})
		exportOnce(b, p)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestBigPlan: a large appendix exports, numbered rows in order.
func TestBigPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("large export")
	}
	p := plantest.Big(t, 2000)
	data, wb := export(t, p, Options{})
	f := open(t, data)
	rows, err := f.GetRows(wb.Sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := len(rows); got != 7+2000+1 {
		t.Errorf("%d rows, want 7 above the table, 2000 and the total", got)
	}
	if got := cellText(t, f, wb.Sheets[0], "A2008"); got != "TỔNG ĐIỂM" {
		t.Errorf("A2008 = %q", got)
	}
}

// BenchmarkExportFlat exports one appendix of 10,000 one-line items
// without scores (plantest.FlatYAML): rows of one short cell, where the
// per-row work shows.
func BenchmarkExportFlat10000(b *testing.B) {
	p, ds := plan.Load("flat.yaml", plantest.FlatYAML(10000, 0))
	if p == nil || len(ds) > 0 {
		b.Fatal(ds)
	}
	b.ReportAllocs()
	for b.Loop() {
		wb, ds, err := Build(p, Options{})
		if err != nil || len(ds) > 0 {
			b.Fatal(err, ds)
		}
		if _, err := wb.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		_ = wb.Close()
	}
}
