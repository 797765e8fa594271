// Package plantest holds what tests of several packages need of plans: a
// large generated plan, and a plan stripped to what a plan file holds.
package plantest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

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

// FlatYAML is a plan of one appendix holding items one-line items, each
// named with its number and enough text that the file is about size
// bytes (17 bytes an item at the least): the plan that stresses
// the loader per byte. It validates clean.
func FlatYAML(items, size int) []byte {
	var b strings.Builder
	b.Grow(size + 64)
	b.WriteString("plan: {id: flat, title: Kế hoạch phẳng, year: 2024}\nappendices:\n- id: phu-luc-01\n  items:\n")
	pad := strings.Repeat("Nội dung nhiệm vụ cải cách hành chính ", size/(len("Nội dung nhiệm vụ cải cách hành chính ")+1)+1)
	for i := 1; i <= items; i++ {
		start := b.Len()
		fmt.Fprintf(&b, "  - name: %d", i)
		// Spread what is left of size over the items still to write.
		if want := (size - start) / (items - i + 1); b.Len()-start+1 < want {
			n := want - (b.Len() - start) - 2
			if n > len(pad) {
				n = len(pad)
			}
			// Cut on a rune boundary and never end on a space.
			for n > 0 && (pad[n-1] == ' ' || !utf8.RuneStart(pad[n])) {
				n--
			}
			if n > 0 {
				b.WriteByte(' ')
				b.WriteString(pad[:n])
			}
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// NestedYAML is a scored plan shaped like the real ones, fields ×
// criteria × sub-criteria in one appendix, with leaves of one short line
// each (40 bytes): fields*(1+criteria*(1+subs)) items. The parents
// state no scores, so the sums hold; it validates clean.
func NestedYAML(fields, criteria, subs int) []byte {
	var b strings.Builder
	b.WriteString("plan: {id: nested, title: Kế hoạch lồng nhau, year: 2024, baseline_year: 2023}\nappendices:\n- id: phu-luc-01\n  layout: scored\n  items:\n")
	for f := 1; f <= fields; f++ {
		fmt.Fprintf(&b, "  - code: \"%d\"\n    name: Lĩnh vực %d\n    items:\n", f, f)
		for c := 1; c <= criteria; c++ {
			fmt.Fprintf(&b, "    - code: \"%d.%d\"\n      name: Tiêu chí %d\n      items:\n", f, c, c)
			for s := 1; s <= subs; s++ {
				fmt.Fprintf(&b, "      - {name: TP, max: 1, achieved: 1}\n")
			}
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

// YAMLLines counts the lines of data as YAML does: "\r\n", "\r", "\n",
// NEL, LS and PS each end a line (yaml.v3 numbers its positions so). The
// fuzz targets check every position against it.
func YAMLLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\r', '\n', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
