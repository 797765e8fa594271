package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
)

func load(t *testing.T, path string) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", path))
	if err != nil {
		t.Fatal(err)
	}
	p, ds := plan.Load(path, data)
	if p == nil || len(ds) > 0 {
		t.Fatalf("%s: %v", path, ds)
	}
	return p
}

// want is one row of a table computed by hand: "" is an absent figure.
type want struct {
	code, target, result, diff string
	status                     Status
}

func checkOpt(t *testing.T, what string, got plan.Opt, want string) {
	t.Helper()
	switch {
	case want == "" && got.OK:
		t.Errorf("%s: got %s, want none", what, got.V)
	case want != "" && (!got.OK || !got.V.Equal(decimal.MustParse(want))):
		t.Errorf("%s: got %v (%v), want %s", what, got.V, got.OK, want)
	}
}

func checkRows(t *testing.T, rows []Row, wants []want) {
	t.Helper()
	if len(rows) != len(wants) {
		t.Errorf("%d rows, want %d", len(rows), len(wants))
	}
	for i := 0; i < min(len(rows), len(wants)); i++ {
		r, w := rows[i], wants[i]
		t.Run(w.code, func(t *testing.T) {
			if r.Code != w.code {
				t.Fatalf("row %d is %s, want %s", i, r.Code, w.code)
			}
			if r.Status != w.status {
				t.Errorf("status %s, want %s", r.Status, w.status)
			}
			checkOpt(t, "target", r.Target, w.target)
			checkOpt(t, "result", r.Result, w.result)
			checkOpt(t, "difference", r.Diff, w.diff)
		})
	}
}

// daknong2024 is the review of daknong-2024's targets against the
// results of 2024 in testdata/review/daknong-2025.yaml, every criterion
// computed by hand from the numbers in make_plans.py: the result equals
// the target but for the twelve rows RESULTS_2024 lists.
var daknong2024 = []want{
	{"1.1", "1.5", "1.5", "0", Met},
	{"1.2", "0.5", "0.5", "0", Met},
	{"1.3.1", "1", "1", "0", Met},
	{"1.3.2", "1", "1", "0", Met},
	{"1.4", "1", "1", "0", Met},
	{"1.5", "2", "2", "0", Met},
	{"1.6", "1", "1", "0", Met},
	{"1.7", "1.45", "1.4", "-0.05", Missed},
	{"2.1.1", "2", "2", "0", Met},
	{"2.1.2", "1", "1", "0", Met},
	{"2.2.1", "0.5", "0.5", "0", Met},
	{"2.2.2", "1", "1", "0", Met},
	{"2.3", "1.5", "1.5", "0", Met},
	{"2.4", "3.3", "3.05", "-0.25", Missed},
	{"3.1", "1", "1", "0", Met},
	{"3.2.1", "0.5", "0.5", "0", Met},
	{"3.2.2", "1.5", "1.5", "0", Met},
	{"3.2.3", "1", "1", "0", Met},
	{"3.3.1", "1", "1", "0", Met},
	{"3.3.2", "0.5", "0.5", "0", Met},
	{"3.3.3", "0.75", "0.75", "0", Met},
	{"3.3.4", "0.75", "0.75", "0", Met},
	{"3.4.1", "1.479", "1.5", "0.021", Exceeded},
	{"3.4.2", "1.45", "1.45", "0", Met},
	{"3.4.3", "0.98", "0.98", "0", Met},
	{"3.4.4", "0.25", "0.25", "0", Met},
	{"3.4.5", "0.75", "0.75", "0", Met},
	{"3.5.1", "0.75", "0.75", "0", Met},
	{"3.5.2", "0.25", "0.25", "0", Met},
	{"4.1.1", "1", "1", "0", Met},
	{"4.1.2", "1.5", "1.5", "0", Met},
	{"4.1.3", "0.85", "0.8", "-0.05", Missed},
	{"4.1.4", "0.8", "0.8", "0", Met},
	{"4.1.5", "0.8", "0.8", "0", Met},
	{"4.1.6", "0.8", "0.8", "0", Met},
	{"4.2.1", "0.5", "0.5", "0", Met},
	{"4.2.2", "0.5", "0.5", "0", Met},
	{"4.3.1", "0.5", "0.5", "0", Met},
	{"4.3.2", "0.5", "0.5", "0", Met},
	{"4.3.3", "1", "1", "0", Met},
	{"4.3.4", "0.8", "0.8", "0", Met},
	{"5.1.1", "0.25", "0.25", "0", Met},
	{"5.1.2", "0.75", "0.75", "0", Met},
	{"5.1.3", "0.75", "0.75", "0", Met},
	{"5.2.1", "0.25", "0.25", "0", Met},
	{"5.2.2", "0.25", "0.25", "0", Met},
	{"5.2.3", "0.85", "0.9", "0.05", Exceeded},
	{"5.2.4", "0.85", "0.85", "0", Met},
	{"5.3.1", "0.75", "0.75", "0", Met},
	{"5.3.2", "0.8", "0.8", "0", Met},
	{"5.3.3", "0.85", "0.85", "0", Met},
	{"5.4", "1", "1", "0", Met},
	{"5.5.1", "1", "1", "0", Met},
	{"5.5.2", "0.8", "0.8", "0", Met},
	{"5.6", "0.25", "0.25", "0", Met},
	{"5.7", "2.9", "", "", NoResult},
	{"6.1.1", "0.9", "0.9", "0", Met},
	{"6.1.2", "1", "1", "0", Met},
	{"6.1.3", "0.85", "0.85", "0", Met},
	{"6.1.4", "0.7", "0.7", "0", Met},
	{"6.2.1", "0.25", "0.25", "0", Met},
	{"6.2.2", "1", "1", "0", Met},
	{"6.2.3", "0.75", "0.75", "0", Met},
	{"6.2.4", "0.8", "0.8", "0", Met},
	{"6.2.5", "0.8", "0.8", "0", Met},
	{"6.3.1", "0.25", "0.25", "0", Met},
	{"6.3.2", "0.75", "0.75", "0", Met},
	{"6.3.3", "1", "1", "0", Met},
	{"6.3.4", "1", "0", "-1", Missed},
	{"6.3.5", "0.75", "0.75", "0", Met},
	{"7.1.1", "0.5", "0.5", "0", Met},
	{"7.1.2", "0.5", "0.5", "0", Met},
	{"7.1.3", "1", "1", "0", Met},
	{"7.1.4", "0.43", "0.41", "-0.02", Missed},
	{"7.2.1", "0.5", "0.5", "0", Met},
	{"7.2.2", "1", "1", "0", Met},
	{"7.2.3", "1.5", "1.5", "0", Met},
	{"7.3.1", "0.5", "0.5", "0", Met},
	{"7.3.2", "0.79", "0.79", "0", Met},
	{"7.3.3", "1", "1", "0", Met},
	{"7.3.4", "1", "1", "0", Met},
	{"7.3.5", "0.5", "0.5", "0", Met},
	{"7.3.6", "1.2", "1.2", "0", Met},
	{"7.3.7", "0.65", "0.9", "0.25", Exceeded},
	{"8.1", "8.3", "8.52", "0.22", Exceeded},
	{"8.2", "1", "1", "0", Met},
	{"8.3.1", "0.5", "0.25", "-0.25", Missed},
	{"8.3.2", "0.5", "0.5", "0", Met},
	{"8.3.3", "1", "1", "0", Met},
	{"8.4", "0.5", "1", "0.5", Exceeded},
	{"8.5", "1.5", "1.5", "0", Met},
}

func TestCompareSameSet(t *testing.T) {
	c := Compare(load(t, "plans/daknong-2024.yaml"), load(t, "testdata/review/daknong-2025.yaml"))
	if c.CrossSet || c.Mapping != nil || c.TargetYear != 2024 || c.ResultYear != 2024 {
		t.Errorf("cross set %v, mapping %v, years %d/%d", c.CrossSet, c.Mapping, c.TargetYear, c.ResultYear)
	}
	if len(c.Appendices) != 1 || c.Appendices[0].ID != "phu-luc-01" {
		t.Fatalf("appendices: %v", c.Appendices)
	}
	a := c.Appendices[0]
	checkRows(t, a.Rows, daknong2024)
	if len(a.Percent) != 0 {
		t.Errorf("percent rows: %v", a.Percent)
	}
	// Totals over the criteria compared: 5.7 has no result, so its
	// target (2.9) is in neither sum.
	fields := []struct {
		code, target, result, diff      string
		met, exceeded, missed, noResult int
	}{
		{"1", "9.45", "9.4", "-0.05", 7, 0, 1, 0},
		{"2", "9.3", "9.05", "-0.25", 5, 0, 1, 0},
		{"3", "12.909", "12.93", "0.021", 14, 1, 0, 0},
		{"4", "9.55", "9.5", "-0.05", 11, 0, 1, 0},
		{"5", "9.4", "9.45", "0.05", 13, 1, 0, 1},
		{"6", "10.8", "9.8", "-1", 13, 0, 1, 0},
		{"7", "11.07", "11.3", "0.23", 12, 1, 1, 0},
		{"8", "13.3", "13.77", "0.47", 4, 2, 1, 0},
	}
	if len(a.Fields) != len(fields) {
		t.Fatalf("%d fields, want %d", len(a.Fields), len(fields))
	}
	for i, w := range fields {
		f := a.Fields[i]
		if f.Code != w.code {
			t.Fatalf("field %d is %s, want %s", i, f.Code, w.code)
		}
		checkOpt(t, "field "+w.code+" target", f.Target, w.target)
		checkOpt(t, "field "+w.code+" result", f.Result, w.result)
		checkOpt(t, "field "+w.code+" difference", f.Diff, w.diff)
		if got := [4]int{f.Counts.Of(Met), f.Counts.Of(Exceeded), f.Counts.Of(Missed), f.Counts.Of(NoResult)}; got != [4]int{w.met, w.exceeded, w.missed, w.noResult} {
			t.Errorf("field %s counts met/exceeded/missed/no result %v", w.code, got)
		}
	}
	checkOpt(t, "total target", a.Total.Target, "85.779")
	checkOpt(t, "total result", a.Total.Result, "85.2")
	checkOpt(t, "total difference", a.Total.Diff, "-0.579")
	if got := a.Total.Counts; got.Of(Met) != 79 || got.Of(Exceeded) != 5 || got.Of(Missed) != 6 || got.Of(NoResult) != 1 || got.Total() != 91 {
		t.Errorf("total counts %v", got)
	}
	// daknong-2025 adds the SIPAS component 8.1.1, which 2024 has no
	// target for.
	if len(c.CurrentOnly) != 0 {
		t.Errorf("current only: %v (8.1.1 is under 8.1, which is reached)", c.CurrentOnly)
	}
}

// TestReviewThreeYears: 2025's targets against 2026's results, and the
// criteria missed both years.
func TestReviewThreeYears(t *testing.T) {
	plans := []*plan.Plan{load(t, "plans/daknong-2024.yaml"), load(t, "testdata/review/daknong-2025.yaml"), load(t, "testdata/review/daknong-2026.yaml")}
	for i := 0; i+1 < len(plans); i++ {
		if err := CheckYears(plans[i], plans[i+1]); err != nil {
			t.Errorf("years: %v", err)
		}
	}
	r := Review(plans)
	if len(r.Comparisons) != 2 || !r.Chained {
		t.Fatalf("%d comparisons", len(r.Comparisons))
	}
	a := r.Comparisons[1].Appendices[0]
	// The rows that are not met exactly, by hand from TARGETS_2025 and
	// RESULTS_2025.
	notMet := []want{
		{"2.4", "3.5", "3.2", "-0.3", Missed},
		{"3.4.2", "1.45", "1.44", "-0.01", Missed},
		{"4.1.3", "0.8", "0.85", "0.05", Exceeded},
		{"5.6", "", "0.5", "", NoTarget},
		{"5.7", "3", "3.1", "0.1", Exceeded},
		{"6.3.4", "1", "0.5", "-0.5", Missed},
		{"7.3.2", "0.79", "", "", NoResult},
		{"8.3.1", "0.5", "0.25", "-0.25", Missed},
	}
	var rows []Row
	for _, row := range a.Rows {
		if row.Status != Met {
			rows = append(rows, row)
		} else if !row.Diff.OK || !row.Diff.V.IsZero() {
			t.Errorf("%s: met with difference %v", row.Code, row.Diff)
		}
	}
	checkRows(t, rows, notMet)
	if a.Total.Counts.Of(Met) != 83 || a.Total.Counts.Total() != 91 {
		t.Errorf("counts %v", a.Total.Counts)
	}
	checkRows(t, a.Percent, []want{{"8.1.1", "86", "85.2", "-0.8", Missed}})
	if a.PercentCounts.Of(Missed) != 1 {
		t.Errorf("percent counts %v", a.PercentCounts)
	}
	var twice []string
	for _, rep := range r.Repeated {
		twice = append(twice, rep.First.Code)
		if rep.Years != [2]int{2024, 2025} || rep.First.Code != rep.Second.Code {
			t.Errorf("%s: %v, %s", rep.First.Code, rep.Years, rep.Second.Code)
		}
	}
	if want := []string{"2.4", "6.3.4", "8.3.1"}; !equal(twice, want) {
		t.Errorf("missed twice: %v, want %v", twice, want)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCompareCrossSet: Hà Giang's 2021 targets on set 1149 against
// results of 2021 on set 876: the 31 criteria the mapping lists are
// compared under their new codes, the others are not comparable, and 8.1
// has no target.
func TestCompareCrossSet(t *testing.T) {
	c := Compare(load(t, "plans/hagiang-2021.yaml"), load(t, "testdata/review/hagiang-2022.yaml"))
	if !c.CrossSet || c.Mapping == nil {
		t.Fatalf("cross set %v, mapping %v", c.CrossSet, c.Mapping)
	}
	a := c.Appendices[0]
	compared := map[string]want{
		"1.1": {"1.1", "1.5", "1.5", "0", Met}, "1.2": {"1.2", "0.5", "0.5", "0", Met},
		"1.3.1": {"1.3.1", "1.0", "1", "0", Met}, "1.3.2": {"1.3.2", "1.0", "1", "0", Met},
		"1.4": {"1.4", "1.0", "1", "0", Met}, "1.6": {"1.7", "1.5", "1.42", "-0.08", Missed},
		"2.1.2": {"2.1.2", "1.0", "1", "0", Met}, "2.2.1": {"2.2.1", "0.5", "0.5", "0", Met},
		"2.2.2": {"2.2.2", "1.0", "1", "0", Met}, "2.3": {"2.3", "1.5", "1.5", "0", Met},
		"3.3.1": {"3.3.1", "1.0", "1", "0", Met}, "3.3.2": {"3.3.2", "0.5", "0.5", "0", Met},
		"3.3.3": {"3.3.3", "0.75", "0.75", "0", Met}, "3.3.4": {"3.3.4", "0.75", "0.75", "0", Met},
		"3.4.1": {"3.4.1", "1.5", "1.5", "0", Met}, "3.4.2": {"3.4.2", "1.5", "1.46", "-0.04", Missed},
		"3.4.3": {"3.4.3", "1.0", "1", "0", Met}, "3.4.4": {"3.4.4", "0.25", "0.25", "0", Met},
		"3.4.5": {"3.4.5", "0.75", "0.75", "0", Met}, "3.5.1": {"3.5.1", "0.75", "0.75", "0", Met},
		"3.5.2": {"3.5.2", "0.25", "", "", NoResult}, "4.1.2": {"4.1.2", "1.5", "1", "-0.5", Missed},
		"4.2.1": {"4.2.1", "0.5", "0.5", "0", Met}, "4.2.2": {"4.2.2", "0.5", "0.5", "0", Met},
		"6.1.1": {"6.1.1", "0.9", "0.95", "0.05", Exceeded}, "6.1.3": {"6.1.3", "0.9", "0.9", "0", Met},
		"6.2.3": {"6.2.3", "0.75", "0.75", "0", Met}, "7.1.4": {"7.2.1", "0.5", "0.5", "0", Met},
		"7.1.5": {"7.2.2", "1.0", "1", "0", Met}, "8.2": {"8.2", "0.5", "0.5", "0", Met},
		"8.3.2": {"8.3.3", "1.0", "1", "0", Met},
	}
	n := 0
	for _, r := range a.Rows {
		w, ok := compared[r.Code]
		switch {
		case r.Code == "8.1":
			if r.Status != NoTarget {
				t.Errorf("8.1: %s, want no target", r.Status)
			}
		case !ok:
			if r.Status != NotComparable || r.CurrentCode != "" || r.Result.OK {
				t.Errorf("%s: %s %q %v, want not comparable", r.Code, r.Status, r.CurrentCode, r.Result)
			}
		default:
			n++
			if r.CurrentCode != w.code || r.Status != w.status {
				t.Errorf("%s: %s as %s, want %s as %s", r.Code, r.Status, r.CurrentCode, w.status, w.code)
			}
			checkOpt(t, r.Code+" target", r.Target, w.target)
			checkOpt(t, r.Code+" result", r.Result, w.result)
			checkOpt(t, r.Code+" difference", r.Diff, w.diff)
		}
	}
	if n != len(compared) || len(a.Rows) != 89 {
		t.Errorf("%d of %d mapped rows, %d rows", n, len(compared), len(a.Rows))
	}
	cnt := a.Total.Counts
	if cnt.Of(Met) != 26 || cnt.Of(Exceeded) != 1 || cnt.Of(Missed) != 3 || cnt.Of(NoResult) != 1 || cnt.Of(NoTarget) != 1 || cnt.Of(NotComparable) != 57 {
		t.Errorf("counts %v", cnt)
	}
	// The 876 criteria no 1149 criterion maps to, 7.1.1 (a new criterion
	// with an old number) among them.
	if len(c.CurrentOnly) == 0 || !contains(c.CurrentOnly, "7.1.1") || contains(c.CurrentOnly, "7.2.1") {
		t.Errorf("current only: %v", c.CurrentOnly)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestCompareNoMapping(t *testing.T) {
	prev := load(t, "plans/daknong-2024.yaml")
	cur := load(t, "testdata/review/hagiang-2022.yaml")
	cur.Meta.CriteriaSet.Value = "bnv-9999-2030"
	c := Compare(prev, cur)
	if !c.CrossSet || c.Mapping != nil {
		t.Fatalf("cross set %v, mapping %v", c.CrossSet, c.Mapping)
	}
	if n := c.Appendices[0].Total.Counts.Of(NotComparable); n != 91 {
		t.Errorf("%d not comparable, want all 91", n)
	}
}

func TestCheckYears(t *testing.T) {
	d24, d25, d26 := load(t, "plans/daknong-2024.yaml"), load(t, "testdata/review/daknong-2025.yaml"), load(t, "testdata/review/daknong-2026.yaml")
	tests := []struct {
		name      string
		prev, cur *plan.Plan
		ok        bool
	}{
		{"in order", d24, d25, true},
		{"a year skipped", d24, d26, false},
		{"reversed", d25, d24, false},
		{"the same plan", d24, d24, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckYears(tt.prev, tt.cur); (err == nil) != tt.ok {
				t.Errorf("got %v", err)
			}
		})
	}
	// Without a baseline year, the year after.
	cur := load(t, "testdata/review/daknong-2025.yaml")
	cur.Meta.BaselineYear = plan.Int{}
	if err := CheckYears(d24, cur); err != nil {
		t.Errorf("no baseline year: %v", err)
	}
}
