package progress_test

import (
	"os"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/progress"
)

func loadPlan(t *testing.T, path string) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, ds := plan.Load(path, data)
	if p == nil || len(ds) > 0 {
		t.Fatalf("%s: %v", path, ds)
	}
	return p
}

func report(t *testing.T, name, text string) *plan.Report {
	t.Helper()
	r, ds := plan.LoadReport(name, []byte(text))
	if r == nil || len(ds) > 0 {
		t.Fatalf("%s: %v", name, ds)
	}
	return r
}

func day(s string) deadline.Date {
	d, err := deadline.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// reportTexts are the reports of the test plan: the quarter-1 report of
// Sở Nội vụ, the quarter-2 reports of both agencies, and one dated after
// the day asked.
var reportTexts = []struct{ name, text string }{
	{"q1-snv.yaml", `
progress:
  plan: year-2024
  as_of: 2024-03-31
  reported_by: Sở Nội vụ
  items:
    - {ref: "1.3", status: in-progress}
    - {ref: "2.1.1", status: in-progress}
`},
	{"q2-stp.yaml", `
progress:
  plan: year-2024
  as_of: 2024-06-30
  reported_by: Sở Tư pháp
  items:
    - {ref: "1.1", status: in-progress}
    - {ref: "1.2", status: done, done_on: 2024-06-20, evidence: Quyết định số 1/QĐ-UBND}
`},
	{"q2-stc.yaml", `
progress:
  plan: year-2024
  as_of: 2024-07-01
  reported_by: Sở Tài chính
  items:
    - {ref: "2.1.3", status: in-progress}
`},
	{"q3-snv.yaml", `
progress:
  plan: year-2024
  as_of: 2024-09-30
  reported_by: Sở Nội vụ
  items:
    - {ref: "1.3", status: done, done_on: 2024-09-30}
    - {ref: "1.1", status: done, done_on: 2024-09-01}
`},
}

// reports are reportTexts, loaded.
func reports(t *testing.T) []*plan.Report {
	var out []*plan.Report
	for _, r := range reportTexts {
		out = append(out, report(t, r.name, r.text))
	}
	return out
}

func TestCompute(t *testing.T) {
	p := loadPlan(t, "testdata/year-2024.yaml")
	st := progress.Compute(p, reports(t), progress.Options{AsOf: day("2024-07-15")})
	type want struct {
		status           string
		overdue, dueSoon bool
		missed, next     string
		criterion, gain  string
	}
	wants := map[string]want{
		// 31/03 passed and the latest report (30/6) says in progress.
		"1.1": {status: "in-progress", overdue: true, missed: "2024-03-31", criterion: "1.1", gain: "1.5"},
		// Done within its quarter.
		"1.2": {status: "done", criterion: "1.2", gain: "0.5"},
		// Quarterly: the 30/6 occurrence passed and the latest report is
		// of 31/3.
		"1.3": {status: "in-progress", overdue: true, missed: "2024-06-30", next: "2024-09-30", criterion: "1.3", gain: "1"},
		// Ongoing: never overdue.
		"2.1.1": {status: "in-progress", criterion: "2.1", gain: "1.25"},
		// Due within 30 days, no report.
		"2.1.2": {status: "no-report", dueSoon: true, next: "2024-08-10", criterion: "2.1", gain: "1.25"},
		// Quarterly, reported on 1/7, after the 30/6 occurrence.
		"2.1.3": {status: "in-progress", next: "2024-09-30", criterion: "2.1", gain: "1.25"},
	}
	if len(st.Items) != len(wants) {
		t.Fatalf("%d items, want %d", len(st.Items), len(wants))
	}
	for _, it := range st.Items {
		w, ok := wants[it.Ref]
		if !ok {
			t.Errorf("unexpected item %s", it.Ref)
			continue
		}
		got := want{it.Status, it.Overdue, it.DueSoon, it.Missed.String(), it.Next.String(), it.Criterion, ""}
		if it.Gain.OK {
			got.gain = it.Gain.V.String()
		}
		if got != w {
			t.Errorf("%s: got %+v\nwant %+v", it.Ref, got, w)
		}
	}
	if st.Reports != 3 {
		t.Errorf("%d reports counted, want 3 (the one of 30/9 is after the day)", st.Reports)
	}
	// Points at risk: 1.1 (1.5) and 1.3 (1); criterion 2.1 has nothing
	// overdue.
	if got := st.PointsAtRisk; !got.OK || got.V.String() != "2.5" {
		t.Errorf("points at risk %v, want 2.5", got)
	}
	byAgency := map[string]*progress.Count{}
	for _, c := range st.ByAgency {
		byAgency[c.Agency] = c
	}
	check := func(name string, items, done, inProgress, noReport, overdue, soon int, risk string) {
		t.Helper()
		c := byAgency[name]
		if c == nil {
			t.Fatalf("no count for %s", name)
		}
		gotRisk := ""
		if c.PointsAtRisk.OK {
			gotRisk = c.PointsAtRisk.V.String()
		}
		if c.Items != items || c.Done != done || c.InProgress != inProgress || c.NoReport != noReport ||
			c.Overdue != overdue || c.Soon != soon || gotRisk != risk {
			t.Errorf("%s: %+v", name, *c)
		}
	}
	check("Sở Tư pháp", 3, 1, 1, 1, 1, 1, "1.5")
	check("Sở Nội vụ", 3, 0, 2, 1, 1, 1, "1")
	check("Sở Tài chính", 1, 0, 1, 0, 0, 0, "")
	if over := st.Overdue(); len(over) != 2 || over[0].Ref != "1.1" || over[1].Ref != "1.3" {
		t.Errorf("overdue %v, want 1.1 then 1.3", over)
	}
}

// TestLaterDay: by 1/10 the report of 30/9 counts, and more is late.
func TestLaterDay(t *testing.T) {
	p := loadPlan(t, "testdata/year-2024.yaml")
	st := progress.Compute(p, reports(t), progress.Options{AsOf: day("2024-10-01")})
	status := map[string]*progress.Item{}
	for _, it := range st.Items {
		status[it.Ref] = it
	}
	if it := status["1.1"]; it.Status != "done" || it.Overdue {
		t.Errorf("1.1: %s overdue=%v, want done and not overdue", it.Status, it.Overdue)
	}
	// 2.1.3 was last reported on 1/7; the 30/9 occurrence passed.
	if it := status["2.1.3"]; !it.Overdue || it.Missed.String() != "2024-09-30" {
		t.Errorf("2.1.3: overdue=%v missed %s", it.Overdue, it.Missed)
	}
	if it := status["2.1.2"]; !it.Overdue || it.DueSoon {
		t.Errorf("2.1.2: overdue=%v due soon=%v", it.Overdue, it.DueSoon)
	}
	// 2.1 counts once although two of its tasks are overdue.
	if got := st.PointsAtRisk; !got.OK || got.V.String() != "1.25" {
		t.Errorf("points at risk %v, want 1.25 (criterion 2.1)", got)
	}
}

func TestNoReports(t *testing.T) {
	p := loadPlan(t, "../../plans/daknong-2024.yaml")
	st := progress.Compute(p, nil, progress.Options{AsOf: day("2024-09-30")})
	if len(st.Items) == 0 {
		t.Fatal("no items")
	}
	for _, it := range st.Items {
		if it.Status != progress.NoReport {
			t.Errorf("%s: %s", it.Ref, it.Status)
		}
	}
}

func TestCheck(t *testing.T) {
	p := loadPlan(t, "testdata/year-2024.yaml")
	rs := append(reports(t), report(t, "bad.yaml", `
progress:
  plan: year-2024
  as_of: 2024-06-30
  reported_by: Sở Tài chính
  items:
    - {ref: "1.9", status: done}
    - {ref: "1.2", status: in-progress}
    - {ref: "2.1.3", status: done, done_on: 2024-07-02}
    - {ref: "2.1.3", status: in-progress, done_on: 2024-06-01}
`), report(t, "other.yaml", `
progress:
  plan: year-2023
  as_of: 2024-06-30
  reported_by: Sở Tài chính
  items: []
`))
	ds := progress.Check(p, rs)
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		`bad.yaml:7:13: error: plan "year-2024" has no item "1.9" (items near it: 1, 1.1, 1.2, 1.3) [progress-ref]`,
		`bad.yaml:8:7: error: item "1.2" is reported twice for 2024-06-30 with different statuses: "done" in q2-stp.yaml:8, "in-progress" here [progress-conflict]`,
		`bad.yaml:8:13: warning: "Sở Tài chính" reports on item "1.2", which it neither leads nor supports (lead: "Sở Tư pháp") [progress-reporter]`,
		`bad.yaml:9:45: error: item "2.1.3" is done on 2024-07-02, after the day of the report (2024-06-30) [progress-done-date]`,
		`bad.yaml:10:7: error: item "2.1.3" is reported twice for 2024-06-30 with different statuses: "done" in bad.yaml:9, "in-progress" here [progress-conflict]`,
		`bad.yaml:10:52: error: item "2.1.3" has done_on but its status is "in-progress", not "done" [progress-done-date]`,
		`other.yaml:3:9: error: the report is about plan "year-2023", not "year-2024" [progress-plan]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if diag.Count(ds).Errors != 6 {
		t.Errorf("%d errors", diag.Count(ds).Errors)
	}
}
