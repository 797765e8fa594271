package importer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
	"github.com/parplan/parplan/internal/xlsx"
)

// exportPlan is parplan export of a bundled plan, as bytes.
func exportPlan(t testing.TB, p *plan.Plan) []byte {
	t.Helper()
	wb, ds, err := xlsx.Build(p, xlsx.Options{})
	if err != nil || len(ds) > 0 {
		t.Fatalf("export: %v %v", err, ds)
	}
	defer wb.Close()
	var b bytes.Buffer
	if _, err := wb.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExportImportRoundTrip: every bundled plan, exported and imported
// back, is the same plan — its items, codes, names, exact scores, lists,
// deadlines, notes, totals and metadata, acknowledgements too.
func TestExportImportRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../plans/*.yaml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want := loadPlan(t, f)
			doc, err := ReadXLSX(bytes.NewReader(exportPlan(t, want)), "", DefaultXLSXLimits)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Stored) == 0 {
				t.Fatal("the workbook carries no stored plan")
			}
			res, err := Import(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := res.Plan
			// Encode both and compare the text: a readable difference.
			g := string(plan.Encode(plantest.Strip(got), "", plan.Comments{}))
			w := string(plan.Encode(plantest.Strip(loadPlan(t, f)), "", plan.Comments{}))
			if g != w {
				gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
				diffLines(t, "plan", gl, wl)
			}
		})
	}
}

// TestExportImportTablesAlone: without the stored plan (a workbook saved
// by hand from an export, say), the tables alone give every item and
// every field they show, row by row.
func TestExportImportTablesAlone(t *testing.T) {
	files, _ := filepath.Glob("../../plans/*.yaml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want := loadPlan(t, f)
			doc, err := ReadXLSX(bytes.NewReader(exportPlan(t, want)), "", DefaultXLSXLimits)
			if err != nil {
				t.Fatal(err)
			}
			doc.Stored = nil
			res, err := Import(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Plan.Appendices) != len(want.Appendices) {
				t.Fatalf("%d appendices, want %d", len(res.Plan.Appendices), len(want.Appendices))
			}
			for i, wa := range want.Appendices {
				ga := res.Plan.Appendices[i]
				ga.Compute()
				comparePrinted(t, ga, wa, shownFields(wa))
			}
		})
	}
}

// comparePrinted compares two appendices row by row as a table prints
// them: a row without code is numbered (any code will do), names may be
// in capitals, a parent shows the sum of its children when it states no
// score.
func comparePrinted(t *testing.T, got, want *plan.Appendix, shown map[string]bool) {
	t.Helper()
	var g, w []*plan.Item
	got.Walk(func(it *plan.Item) { g = append(g, it) })
	want.Walk(func(it *plan.Item) { w = append(w, it) })
	if len(g) != len(w) {
		t.Fatalf("%s: %d rows, want %d", want.ID.Value, len(g), len(w))
	}
	errs := 0
	for i := range w {
		a, b := g[i], w[i]
		check := func(field, x, y string) {
			if x != y && errs < 20 {
				errs++
				t.Errorf("%s row %d (%s): %s %q, want %q", want.ID.Value, i+1, b.Code.Value, field, x, y)
			}
		}
		if b.Code.Value != "" {
			check("code", a.Code.Value, b.Code.Value)
		}
		check("depth", fmt.Sprint(a.Depth), fmt.Sprint(b.Depth))
		check("name", strings.ToUpper(a.Name.Value), strings.ToUpper(b.Name.Value))
		for _, k := range plan.ScoreKeys {
			if shown[k.String()] {
				check(k.String(), a.Sums.Effective[k].V.String(), b.Sums.Effective[k].V.String())
			}
		}
		if shown[layout.FieldCriterion] {
			check("criterion", a.Criterion.Value, b.Criterion.Value)
		}
		for _, f := range []struct {
			name string
			x, y []plan.Text
		}{{"tasks", a.Tasks, b.Tasks}, {"products", a.Products, b.Products}, {"lead", a.Lead, b.Lead}, {"support", a.Support, b.Support}} {
			if shown[f.name] {
				check(f.name, texts(f.x), texts(f.y))
				if len(f.y) >= 2 {
					check(f.name+" list style", plan.ListStyleOf(got, a, f.name), plan.ListStyleOf(want, b, f.name))
				}
			}
		}
		for _, f := range [][3]string{{"deadline", a.Deadline.Value, b.Deadline.Value}, {"note", a.Note.Value, b.Note.Value},
			{"target_text", a.TargetText.Value, b.TargetText.Value}, {"group", a.Group.Value, b.Group.Value}} {
			if shown[f[0]] {
				check(f[0], f[1], f[2])
			}
		}
	}
}
