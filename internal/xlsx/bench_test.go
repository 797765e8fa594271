package xlsx

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// bigPlan generates a scored appendix of rows rows: fields of 99
// criteria, each with two tasks, a lead and three supporting agencies.
func bigPlan(tb testing.TB, rows int) *plan.Plan {
	tb.Helper()
	var b strings.Builder
	b.WriteString(`plan: {id: big, title: Kế hoạch lớn, year: 2024, baseline_year: 2023, number: 1/KH-UBND, date: 2024-07-18, issuer: UBND tỉnh X}
appendices:
  - id: phu-luc-01
    label: Phụ lục 01
    title: Bảng lớn
    layout: scored
    items:
`)
	for n, f := 0, 1; n < rows; f++ {
		fmt.Fprintf(&b, "      - code: \"%d\"\n        name: LĨNH VỰC SỐ %d\n        items:\n", f, f)
		n++
		for c := 1; c <= 99 && n < rows; c++ {
			fmt.Fprintf(&b, "          - {code: \"%d.%d\", name: Tiêu chí thành phần số %d của lĩnh vực %d về cải cách hành chính, max: 1.5, achieved: 1.25, target: 1.5, tasks: [Rà soát, đánh giá và hoàn thiện quy trình thực hiện nhiệm vụ, Báo cáo kết quả thực hiện định kỳ hằng quý], lead: [Giám đốc Sở Nội vụ], support: [Các sở, UBND cấp huyện, các đơn vị có liên quan]}\n", f, c, c, f)
			n++
		}
	}
	p, ds := plan.Load("big.yaml", []byte(b.String()))
	if p == nil || len(ds) > 0 {
		tb.Fatalf("generated plan: %v", ds)
	}
	return p
}

// BenchmarkExport10000 lays out and writes a workbook with a 10,000-row
// appendix (plus its summary).
func BenchmarkExport10000(b *testing.B) {
	p := bigPlan(b, 10000)
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
	p := bigPlan(t, 2000)
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
