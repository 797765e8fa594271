package gap

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

func load(t testing.TB, path string) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../..", path))
	if err != nil {
		t.Fatal(err)
	}
	p, ds := plan.Load(path, data)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return p
}

func analyze(t testing.TB, p *plan.Plan, opts Options) *Report {
	t.Helper()
	r, err := Analyze(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func str(o plan.Opt) string {
	if !o.OK {
		return "-"
	}
	return o.V.String()
}

// TestDakNongTotals: the report reproduces the document's own total row
// (100 / 85.415 / 88.679) and the projection of the issue.
func TestDakNongTotals(t *testing.T) {
	r := analyze(t, load(t, "plans/daknong-2024.yaml"), Options{})
	a := r.Appendices[0]
	tot := a.Total
	got := fmt.Sprintf("%s %s %s lost %s gain %s left %s increase %s%% recovery %s%%",
		str(tot.Max), str(tot.Achieved), str(tot.Target), str(tot.Lost), str(tot.Gain), str(tot.Left), str(tot.Increase), str(tot.Recovery))
	want := "100 85.415 88.679 lost 14.585 gain 3.264 left 11.321 increase 3.82% recovery 22.38%"
	if got != want {
		t.Errorf("totals:\n got %s\nwant %s", got, want)
	}
	if !tot.Stated {
		t.Error("the total row is stated in the document")
	}
	// Field 3 is used as stated (12.905), and the report says it differs
	// from its criteria's sum (12.9045) by rounding.
	var field3 Row
	for _, row := range a.Rows {
		if row.Code == "3" {
			field3 = row
		}
	}
	if str(field3.Achieved) != "12.905" || str(field3.Lost) != "0.095" {
		t.Errorf("field 3 = %s lost %s, want the stated 12.905 and 0.095", str(field3.Achieved), str(field3.Lost))
	}
	if len(a.Discrepancies) != 1 || !a.Discrepancies[0].Rounding || a.Discrepancies[0].Sum.String() != "12.9045" {
		t.Errorf("discrepancies = %+v, want the one rounding of field 3", a.Discrepancies)
	}
	// Phụ lục 02 has no scores: counted, not zero.
	b := r.Appendices[1]
	if b.Scored() || b.Leaves != 16 || len(b.Sections) != 2 || len(b.Rows) != 0 {
		t.Errorf("phụ lục 02: scored %v, %d leaves, %d sections, %d rows; want unscored, 16 tasks in 2 sections", b.Scored(), b.Leaves, len(b.Sections), len(b.Rows))
	}
}

// TestHaGiangStatedIncrease: the "Tổng số" row and the note's "tăng 8,17
// điểm (14,6%)" are the document's own arithmetic, and gap reproduces
// both.
func TestHaGiangStatedIncrease(t *testing.T) {
	a := analyze(t, load(t, "plans/hagiang-2021.yaml"), Options{}).Appendices[0]
	tot := a.Total
	if got := fmt.Sprintf("%s %s %s +%s %s%%", str(tot.Max), str(tot.Achieved), str(tot.Target), str(tot.Gain), str(tot.Increase)); got != "66.5 56.13 64.3 +8.17 14.56%" {
		t.Errorf("totals = %s", got)
	}
	s := a.Stated
	if s == nil || !s.PointsMatch || !s.PercentMatch || s.Points.String() != "8.17" || str(s.Percent) != "14.6" {
		t.Errorf("stated increase = %+v, want 8.17 points and 14.6%% both matching", s)
	}
	// 8.1 is scored by the Ministry: listed as no score data, never zero.
	if len(a.NoScore) != 1 || a.NoScore[0].Code != "8.1" {
		t.Errorf("no-score items = %+v, want 8.1", a.NoScore)
	}
	if len(a.Discrepancies) != 3 {
		t.Errorf("want the 3 acknowledged discrepancies of the source, got %d", len(a.Discrepancies))
	}
	for _, d := range a.Discrepancies {
		if !d.Acknowledged {
			t.Errorf("discrepancy of %s is not acknowledged", d.Item.Code.Value)
		}
	}
}

// TestStatedIncreaseMismatch: a note whose figures do not follow from the
// totals is reported as not matching.
func TestStatedIncreaseMismatch(t *testing.T) {
	p := load(t, "plans/hagiang-2021.yaml")
	p.Appendices[0].Note.Value = "Mục tiêu năm 2021 tăng 8,2 điểm (16%) so với năm 2020."
	s := analyze(t, p, Options{}).Appendices[0].Stated
	if s == nil || s.PointsMatch || s.PercentMatch {
		t.Errorf("stated = %+v, want neither figure to match", s)
	}
}

// TestByLead: "Giám đốc Sở Nội vụ" and "Sở Nội vụ" are one agency, and an
// item with several leads counts for each.
func TestByLead(t *testing.T) {
	a := analyze(t, load(t, "plans/daknong-2024.yaml"), Options{Appendix: "phu-luc-01"}).Appendices[0]
	var names []string
	for _, l := range a.ByLead {
		names = append(names, l.Agency)
		if strings.HasPrefix(l.Agency, "Giám đốc") || strings.HasSuffix(l.Agency, ".") {
			t.Errorf("agency %q is not normalized", l.Agency)
		}
	}
	i := slices.Index(names, "Sở Nội vụ")
	if i < 0 {
		t.Fatalf("no Sở Nội vụ in %q", names)
	}
	noivu := a.ByLead[i]
	// 1.3.1 is led by "Giám đốc các Sở: Nội vụ, Kế hoạch và Đầu tư".
	if !slices.Contains(noivu.Codes, "1.3.1") || !slices.Contains(noivu.Codes, "1.1") {
		t.Errorf("Sở Nội vụ leads %v, want 1.1 and 1.3.1 among them", noivu.Codes)
	}
	j := slices.Index(names, "Sở Kế hoạch và Đầu tư")
	if j < 0 || !slices.Contains(a.ByLead[j].Codes, "1.3.1") || a.ByLead[j].Shared == 0 {
		t.Errorf("Sở Kế hoạch và Đầu tư must share 1.3.1")
	}
	// Lost points: the sum over the agency's leaves.
	var lost plan.Opt
	for _, row := range analyze(t, load(t, "plans/daknong-2024.yaml"), Options{Appendix: "phu-luc-01", Sort: SortLost}).Appendices[0].Rows {
		if slices.Contains(row.Lead, "Sở Nội vụ") {
			lost = add(lost, row.Lost)
		}
	}
	if !lost.OK || !lost.V.Equal(noivu.Lost.V) {
		t.Errorf("Sở Nội vụ lost %s, its leaves add up to %s", str(noivu.Lost), str(lost))
	}
}

func TestLevelsAndSort(t *testing.T) {
	p := load(t, "plans/daknong-2024.yaml")
	tests := []struct {
		name  string
		opts  Options
		first string
		count int
	}{
		{name: "fields", opts: Options{Level: LevelField}, first: "1", count: 8},
		{name: "criteria", opts: Options{Level: LevelCriterion}, first: "1", count: 45},
		{name: "all", opts: Options{Level: LevelAll}, first: "1", count: 120},
		{name: "fields by lost", opts: Options{Level: LevelField, Sort: SortLost}, first: "8", count: 8},
		{name: "criteria by lost, top 3", opts: Options{Level: LevelCriterion, Sort: SortLost, Top: 3}, first: "8.1", count: 3},
		{name: "leaves by gain", opts: Options{Sort: SortGain, Top: 1}, first: "6.3.4", count: 1},
		{name: "leaves by left", opts: Options{Sort: SortLeft}, first: "8.1", count: 91},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Appendix = "phu-luc-01"
			rows := analyze(t, p, tt.opts).Appendices[0].Rows
			if len(rows) != tt.count || rows[0].Code != tt.first {
				t.Errorf("%d rows starting with %q, want %d starting with %q", len(rows), rows[0].Code, tt.count, tt.first)
			}
		})
	}
}

// TestByLeadSortAndTop: with ByLead, Sort and Top order and cut the
// agencies, and leave the items whole and in file order.
func TestByLeadSortAndTop(t *testing.T) {
	p := load(t, "plans/daknong-2024.yaml")
	tests := []struct {
		name  string
		opts  Options
		want  []string
		count int
	}{
		{name: "default order: lost", opts: Options{}, want: []string{"Sở Nội vụ", "UBND cấp huyện", "UBND cấp xã"}, count: 12},
		{name: "by lost, top 2", opts: Options{ByLead: true, Sort: SortLost, Top: 2}, want: []string{"Sở Nội vụ", "UBND cấp huyện"}, count: 2},
		{name: "by gain, top 3", opts: Options{ByLead: true, Sort: SortGain, Top: 3}, want: []string{"Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nội vụ"}, count: 3},
		{name: "by left", opts: Options{ByLead: true, Sort: SortLeft}, want: []string{"Sở Nội vụ", "UBND cấp huyện", "UBND cấp xã"}, count: 12},
		{name: "by code: first item first", opts: Options{ByLead: true, Sort: SortCode, Top: 4}, want: []string{"Sở Nội vụ", "Sở Kế hoạch và Đầu tư", "Văn phòng UBND tỉnh", "Sở Tư pháp"}, count: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Appendix = "phu-luc-01"
			r := analyze(t, p, tt.opts)
			a := r.Appendices[0]
			var got []string
			for _, l := range a.ByLead {
				got = append(got, l.Agency)
			}
			if len(got) < len(tt.want) || !slices.Equal(got[:len(tt.want)], tt.want) {
				t.Errorf("agencies %q, want %q first", got, tt.want)
			}
			if tt.opts.Top > 0 && len(got) != tt.count {
				t.Errorf("%d agencies, want %d", len(got), tt.count)
			}
			for i := 1; i < len(a.ByLead) && tt.opts.Sort == SortGain; i++ {
				if cmpOpt(a.ByLead[i-1].Gain, a.ByLead[i].Gain) < 0 {
					t.Errorf("%s (%s) before %s (%s)", got[i-1], str(a.ByLead[i-1].Gain), got[i], str(a.ByLead[i].Gain))
				}
			}
			if tt.opts.ByLead && (len(a.Rows) != 120 || a.Rows[0].Code != "1" || r.Sorted) {
				t.Errorf("by lead, the items are cut or sorted: %d rows from %q", len(a.Rows), a.Rows[0].Code)
			}
		})
	}
}

// TestPercentApart: SIPAS percentages are reported on their own and never
// added to points; a plan without scores is described, not zeroed.
func TestPercentApart(t *testing.T) {
	a := analyze(t, load(t, "plans/gialai-2023.yaml"), Options{}).Appendices[0]
	if a.Scored() || len(a.Rows) != 0 {
		t.Fatalf("Gia Lai 2023 has no point scores; got total %+v and %d rows", a.Total, len(a.Rows))
	}
	if len(a.Percent) != 5 || a.Percent[0].Ref != "8.1.1" || str(a.Percent[0].Achieved) != "83.99" {
		t.Errorf("percent items = %+v", a.Percent)
	}
	if a.Leaves != 79 || len(a.Sections) != 8 {
		t.Errorf("%d rows in %d sections, want 79 in 8", a.Leaves, len(a.Sections))
	}
}

func TestUnknownAppendix(t *testing.T) {
	_, err := Analyze(load(t, "plans/daknong-2024.yaml"), Options{Appendix: "phu-luc-9"})
	if err == nil || !strings.Contains(err.Error(), "phu-luc-01, phu-luc-02") {
		t.Errorf("err = %v, want one listing the appendices", err)
	}
}

// generated builds a plan of fields × criteria × sub-criteria items.
func generated(fields, criteria, subs int) []byte {
	var b strings.Builder
	b.WriteString("plan: {id: gen, title: Generated, year: 2024, baseline_year: 2023}\nappendices:\n  - id: a\n    items:\n")
	for f := 1; f <= fields; f++ {
		fmt.Fprintf(&b, "      - code: \"%d\"\n        name: Field %d\n        items:\n", f, f)
		for c := 1; c <= criteria; c++ {
			fmt.Fprintf(&b, "          - code: \"%d.%d\"\n            name: Criterion\n            items:\n", f, c)
			for s := 1; s <= subs; s++ {
				fmt.Fprintf(&b, "              - {code: \"%d.%d.%d\", name: Sub, max: 1.25, achieved: 0.9875, target: 1.125, lead: [Giám đốc Sở Nội vụ, Sở Tài chính.], tasks: [x]}\n", f, c, s)
			}
		}
	}
	return []byte(b.String())
}

// BenchmarkAnalyze measures gap on real plans and on a generated plan of
// 5,000 items (10 fields × 20 criteria × 24 sub-criteria + parents).
func BenchmarkAnalyze(b *testing.B) {
	big, ds := plan.Load("gen.yaml", generated(10, 20, 24))
	if len(ds) > 0 {
		b.Fatal(ds)
	}
	cases := []struct {
		name string
		p    *plan.Plan
	}{
		{name: "daknong-2024", p: load(b, "plans/daknong-2024.yaml")},
		{name: "hagiang-2021", p: load(b, "plans/hagiang-2021.yaml")},
		{name: "generated-5000", p: big},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Analyze(c.p, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestGeneratedScales: twice the items take about twice the work, not
// four times (nothing quadratic in the number of items).
func TestGeneratedScales(t *testing.T) {
	small, _ := plan.Load("s.yaml", generated(10, 10, 10))
	large, _ := plan.Load("l.yaml", generated(10, 20, 20))
	ns := testing.AllocsPerRun(3, func() { _, _ = Analyze(small, Options{}) })
	nl := testing.AllocsPerRun(3, func() { _, _ = Analyze(large, Options{}) })
	// 4.4 times the items; allow some constant overhead, not 16 times.
	if ratio := nl / ns; ratio > 6 {
		t.Errorf("allocations grew %.1f× for 4× the items", ratio)
	}
}

// TestNoItemLists: NoItemLists leaves out the items without scores and
// the percentages, and nothing else.
func TestNoItemLists(t *testing.T) {
	for _, path := range []string{"plans/hagiang-2021.yaml", "plans/gialai-2023.yaml"} {
		p := load(t, path)
		full := analyze(t, p, Options{Level: LevelField})
		lean := analyze(t, p, Options{Level: LevelField, NoItemLists: true})
		left := 0
		for i, a := range full.Appendices {
			b := lean.Appendices[i]
			left += len(a.NoScore) + len(a.Percent)
			if len(b.NoScore)+len(b.Percent) > 0 {
				t.Errorf("%s: NoItemLists kept %d items without scores, %d percentages", path, len(b.NoScore), len(b.Percent))
			}
			a.NoScore, a.Percent, b.NoScore, b.Percent = nil, nil, nil, nil
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: NoItemLists changed more than the two lists:\n%+v\n%+v", path, a, b)
			}
		}
		if left == 0 {
			t.Errorf("%s: the test needs items without scores or percentages", path)
		}
	}
}
