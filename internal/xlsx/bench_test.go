package xlsx

import (
	"io"
	"testing"

	"github.com/parplan/parplan/internal/plantest"
)

// BenchmarkExport10000 lays out and writes a workbook with a 10,000-row
// appendix (plus its summary).
func BenchmarkExport10000(b *testing.B) {
	p := plantest.Big(b, 10000)
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
