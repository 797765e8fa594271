package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

// planFiles are the bundled plans, each exported by the tests.
func planFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../plans/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	return files
}

// loadFile loads and validates a plan file; the tests export only what
// the CLI would.
func loadFile(t testing.TB, file string) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return loadData(t, filepath.Base(file), data)
}

func loadData(t testing.TB, name string, data []byte) *plan.Plan {
	t.Helper()
	p, ds := validate.File(name, data, validate.Options{})
	for _, d := range ds {
		if d.Fails() {
			t.Fatalf("plan does not validate: %s", d)
		}
	}
	if p == nil {
		t.Fatalf("%s: not loaded: %v", name, ds)
	}
	return p
}

// export builds and writes the workbook of p, and returns its bytes.
func export(t testing.TB, p *plan.Plan, opts Options) ([]byte, *Workbook) {
	t.Helper()
	wb, ds, err := Build(p, opts)
	if err != nil || len(ds) > 0 {
		t.Fatalf("Build: %v %v", err, ds)
	}
	defer wb.Close()
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), wb
}

// open reads a workbook back with excelize, as an independent reader
// would.
func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// parts lists the zip parts of a workbook.
func parts(t testing.TB, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

// cellText reads a cell's displayed text.
func cellText(t testing.TB, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// style reads a cell's style.
func style(t testing.TB, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// merges lists a sheet's merged ranges as "A1:B2".
func merges(t testing.TB, f *excelize.File, sheet string) map[string]bool {
	t.Helper()
	ms, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range ms {
		out[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	return out
}

// findRow returns the first row whose column A reads want, or 0.
func findRow(t testing.TB, f *excelize.File, sheet, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && strings.TrimSpace(r[0]) == want {
			return i + 1
		}
	}
	return 0
}

func mustDec(s string) decimal.Dec { return decimal.MustParse(s) }

// minimal is a plan skeleton; items go under its one appendix.
func minimal(layoutID, items string) string {
	return `plan: {id: t, title: Kế hoạch thử, year: 2024, baseline_year: 2023, number: 1/KH-UBND, date: 2024-01-05, issuer: UBND tỉnh X}
appendices:
  - id: a
    label: Phụ lục 01
    title: Bảng thử
    layout: ` + layoutID + `
    items:
` + items
}

// visibleSheets lists the sheets a person sees: not the stored plan.
func visibleSheets(f *excelize.File) []string {
	var out []string
	for _, s := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(s); err == nil && v {
			out = append(out, s)
		}
	}
	return out
}
