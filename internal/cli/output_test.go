package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputRefusals: a workbook is never written to a terminal, and an
// -o file whose extension names another format is refused before
// anything is written.
func TestOutputRefusals(t *testing.T) {
	dir := t.TempDir()
	plan := "../../plans/hagiang-2021.yaml"
	reports := "../../testdata/progress/hagiang-2021"
	tests := []struct {
		name     string
		args     []string
		terminal bool
		want     string
	}{
		{"export to a terminal", []string{"export", plan, "-o", "-"}, true, "standard output is a terminal"},
		{"worklist workbook to a terminal", []string{"worklist", plan, "--agency", "Sở Nội vụ", "-f", "xlsx", "-o", "-"}, true, "standard output is a terminal"},
		{"progress workbook to a terminal", []string{"progress", plan, reports, "--as-of", "2022-01-15", "-f", "xlsx", "-o", "-"}, true, "standard output is a terminal"},
		{"export as csv", []string{"export", plan, "-o", filepath.Join(dir, "report.csv")}, false,
			"export writes an Excel workbook, whose name should end in .xlsx, not .csv; write -o " + filepath.Join(dir, "report.xlsx")},
		{"worklist workbook as csv", []string{"worklist", plan, "-f", "xlsx", "-o", filepath.Join(dir, "w.CSV")}, false,
			"the output is xlsx, which should end in .xlsx, not .csv"},
		{"worklist csv as xlsx", []string{"worklist", plan, "-f", "csv", "-o", filepath.Join(dir, "w.xlsx")}, false,
			"the output is csv, which should end in .csv, not .xlsx; write -o " + filepath.Join(dir, "w.csv")},
		{"progress json as md", []string{"progress", plan, reports, "--as-of", "2022-01-15", "-f", "json", "-o", filepath.Join(dir, "p.md")}, false,
			"the output is json, which should end in .json, not .md"},
		{"gap --bom without csv", []string{"gap", plan, "--bom"}, false, "--bom is for CSV output (-f csv), not table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, IsTerminal: tt.terminal,
				Getenv: func(k string) string { return map[string]string{"PARPLAN_LANG": "en"}[k] }}
			if code := run(tt.args, ios); code != ExitUsage {
				t.Errorf("exit %d, want %d\n%s", code, ExitUsage, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("stderr:\n%s\nwant %q", errOut.String(), tt.want)
			}
			if out.Len() > 0 {
				t.Errorf("wrote %d bytes to stdout", out.Len())
			}
		})
	}
	// Extensions that name no format, and the right ones, pass.
	for _, name := range []string{"w.xlsx", "w.data", "w"} {
		var out, errOut bytes.Buffer
		ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
		if code := run([]string{"export", plan, "-o", filepath.Join(dir, name)}, ios); code != ExitOK {
			t.Errorf("export -o %s: exit %d\n%s", name, code, errOut.String())
		}
	}
}

// TestGapBOM: gap -f csv --bom starts with the UTF-8 byte-order mark and
// is otherwise the CSV without it.
func TestGapBOM(t *testing.T) {
	gapCSV := func(args ...string) string {
		var out, errOut bytes.Buffer
		ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
		if code := run(append([]string{"gap", "../../plans/daknong-2024.yaml", "-f", "csv"}, args...), ios); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		return out.String()
	}
	plain, bom := gapCSV(), gapCSV("--bom")
	if strings.HasPrefix(plain, "\ufeff") {
		t.Error("CSV without --bom starts with a BOM")
	}
	if bom != "\ufeff"+plain {
		t.Errorf("--bom output is not the BOM and the CSV: %q…", bom[:min(len(bom), 40)])
	}
}
