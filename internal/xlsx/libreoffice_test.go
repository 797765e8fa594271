package xlsx

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
)

// recalcProfile is a LibreOffice user profile that recalculates every
// formula of an .xlsx file on load, rather than trusting the values the
// file stores (its default).
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// recalculate has LibreOffice open each workbook, recalculate it and
// write every sheet as CSV (the figures in full); it returns, per file
// and sheet, the rows.
func recalculate(t *testing.T, soffice, dir string, files ...string) map[string]map[string][][]string {
	t.Helper()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	// Field separator, text delimiter, UTF-8, from line 1, …, numbers
	// in full rather than as shown (the ninth token, false: float noise
	// would show), every sheet to a file of its own (the last, -1).
	args := []string{"-env:UserInstallation=file://" + profile, "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out}
	cmd := exec.Command(soffice, append(args, files...)...)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	got := map[string]map[string][][]string{}
	for _, file := range files {
		base := strings.TrimSuffix(filepath.Base(file), ".xlsx")
		got[base] = map[string][][]string{}
		matches, _ := filepath.Glob(filepath.Join(out, base+"-*.csv"))
		for _, m := range matches {
			f, err := os.Open(m)
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(f)
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", m, err)
			}
			got[base][strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), base+"-"), ".csv")] = rows
		}
	}
	return got
}

// number reads a figure as shown: 9.45, 83.99%.
func number(s string) (decimal.Dec, bool) {
	d, err := decimal.Parse(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	return d, err == nil
}

// TestLibreOfficeRecalculates: LibreOffice, recalculating every formula,
// shows the plan's figures on every sheet; and with a criterion edited,
// its field, the total row and the summary move with it.
func TestLibreOfficeRecalculates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("no soffice (LibreOffice) on PATH")
	}
	dir := t.TempDir()
	plans := map[string]string{"daknong": "../../plans/daknong-2024.yaml", "hagiang": "../../plans/hagiang-2021.yaml"}
	stored := map[string]map[string][][]string{}
	var files []string
	for name, file := range plans {
		data, _ := export(t, loadFile(t, file), Options{})
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		f := open(t, data)
		stored[name] = map[string][][]string{}
		for _, sheet := range visibleSheets(f) {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			stored[name][sheet] = rows
		}
		if name == "daknong" {
			// 1.1 "Thực hiện kế hoạch CCHC": achieved 1.5 → 0.5.
			if err := f.SetCellValue("Phụ lục 01", "D9", 0.5); err != nil {
				t.Fatal(err)
			}
			edited := filepath.Join(dir, "edited.xlsx")
			if err := f.SaveAs(edited); err != nil {
				t.Fatal(err)
			}
			files = append(files, edited)
		}
	}
	got := recalculate(t, soffice, dir, files...)

	// Unedited, every figure LibreOffice computes is the one stored.
	for name, sheets := range stored {
		compared := 0
		for sheet, rows := range sheets {
			lo, ok := got[name][sheet]
			if !ok {
				t.Fatalf("%s: LibreOffice wrote no sheet %q (%d sheets)", name, sheet, len(got[name]))
			}
			for r, row := range rows {
				for c, want := range row {
					wd, isNum := number(want)
					if !isNum {
						continue
					}
					var have string
					if r < len(lo) && c < len(lo[r]) {
						have = lo[r][c]
					}
					if hd, ok := number(have); !ok || !hd.Equal(wd) {
						t.Errorf("%s: %s!%s recalculated is %q, the plan's %q", name, sheet, cellRef(c+1, r+1), have, want)
					}
					compared++
				}
			}
		}
		if compared < 100 {
			t.Errorf("%s: only %d figures compared", name, compared)
		}
	}

	// Edited, the parents moved.
	at := func(sheet, ref string) string {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		rows := got["edited"][sheet]
		if r > len(rows) || c > len(rows[r-1]) {
			return ""
		}
		return rows[r-1][c-1]
	}
	summaryRow := 0
	for i, row := range stored["daknong"][SummarySheet] {
		if len(row) > 0 && row[0] == "1" && summaryRow == 0 {
			summaryRow = i + 1
		}
	}
	for _, tt := range []struct {
		name, sheet, ref, want string
	}{
		{"the criterion", "Phụ lục 01", "D9", "0.5"},
		{"its field", "Phụ lục 01", "D8", "8.45"},
		{"the total", "Phụ lục 01", "D128", "84.415"},
		{"the summary's field", SummarySheet, cellRef(4, summaryRow), "8.45"},
		{"the summary's lost", SummarySheet, cellRef(6, summaryRow), "1.05"},
		{"the summary's total", SummarySheet, cellRef(4, summaryRow+8), "84.415"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := at(tt.sheet, tt.ref)
			g, ok1 := number(got)
			w, _ := number(tt.want)
			if !ok1 || !g.Equal(w) {
				t.Errorf("%s!%s = %q, want %s", tt.sheet, tt.ref, got, tt.want)
			}
		})
	}
}
