// Package plantest holds what tests of several packages need of plans: a
// large generated plan, and a plan stripped to what a plan file holds.
package plantest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// Big generates a scored appendix of rows rows: fields of 99 criteria,
// each with two tasks, a lead and three supporting agencies.
func Big(tb testing.TB, rows int) *plan.Plan {
	tb.Helper()
	p, ds := plan.Load("big.yaml", BigYAML(rows))
	if p == nil || len(ds) > 0 {
		tb.Fatalf("generated plan: %v", ds)
	}
	return p
}

// BigYAML is the plan file of Big.
func BigYAML(rows int) []byte {
	var b strings.Builder
	b.WriteString(`plan: {id: big, title: Kế hoạch lớn, year: 2024, baseline_year: 2023, number: 1/KH-UBND, date: 2024-07-18, issuer: UBND tỉnh X}
appendices:
  - id: phu-luc-01
    label: Phụ lục 01
    title: BẢNG LỚN
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
	return []byte(b.String())
}

// Strip clears in place what a plan file does not hold — positions, the
// file name, computed sums and parent links (which reflect.DeepEqual
// would follow in circles) — and returns p.
func Strip(p *plan.Plan) *plan.Plan {
	var clear func(v reflect.Value)
	clear = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				clear(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				clear(v.Index(i))
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(plan.Pos{}) {
				v.Set(reflect.Zero(v.Type()))
				return
			}
			for i := 0; i < v.NumField(); i++ {
				switch v.Type().Field(i).Name {
				case "Parent", "Sums":
					v.Field(i).Set(reflect.Zero(v.Field(i).Type()))
				default:
					clear(v.Field(i))
				}
			}
		}
	}
	clear(reflect.ValueOf(p))
	p.File = ""
	return p
}
