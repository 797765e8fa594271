package render

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
)

var update = flag.Bool("update", false, "rewrite testdata/gap/*.golden.json")

func report(t *testing.T, path string, opts gap.Options) *gap.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../..", path))
	if err != nil {
		t.Fatal(err)
	}
	p, ds := plan.Load(path, data)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	r, err := gap.Analyze(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func print(t *testing.T, format string, o GapOptions, r *gap.Report) string {
	t.Helper()
	p, err := NewGap(format, o)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.Print(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGapJSONGolden pins the JSON shape, which scripts depend on: run
// `go test ./internal/render -update` after a deliberate change and
// review the diff (fields may be added, never removed or renamed).
func TestGapJSONGolden(t *testing.T) {
	for _, name := range []string{"daknong-2024", "hagiang-2021", "gialai-2023"} {
		t.Run(name, func(t *testing.T) {
			got := print(t, "json", GapOptions{}, report(t, "plans/"+name+".yaml", gap.Options{}))
			golden := filepath.Join("../../testdata/gap", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("JSON differs from %s; run go test ./internal/render -update and review the diff", golden)
			}
		})
	}
}

// TestGapJSONExact: numbers are JSON numbers with the exact value.
func TestGapJSONExact(t *testing.T) {
	got := print(t, "json", GapOptions{}, report(t, "plans/daknong-2024.yaml", gap.Options{Level: gap.LevelField}))
	for _, want := range []string{`"achieved": 85.415,`, `"gain": 3.264,`, `"increase_percent": 3.82,`, `"achieved": 12.905,`, `"sum": 12.9045,`} {
		if !strings.Contains(got, want) {
			t.Errorf("JSON has no %s", want)
		}
	}
}

// TestCSVNeutralisesFormulas: a name or agency starting with = + - @ is
// not run as a formula by a spreadsheet; numbers stay numbers.
func TestCSVNeutralisesFormulas(t *testing.T) {
	r := &gap.Report{Appendices: []*gap.Appendix{{ID: "a", Rows: []gap.Row{
		{Code: "1", Ref: "1", Name: "=HYPERLINK(\"http://evil\")", Lead: []string{"@SUM(A1)"},
			Max: plan.Opt{V: decimalOf("1"), OK: true}, Lost: plan.Opt{V: decimalOf("-0.5"), OK: true}},
		{Code: "2", Ref: "2", Name: "- gạch đầu dòng", Lead: []string{"+cmd"}},
	}, Total: &gap.Total{}}}}
	out := print(t, "csv", GapOptions{}, r)
	if !strings.Contains(out, "\r\n") {
		t.Error("RFC 4180 wants CRLF line ends")
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		for i, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) && i != 10 {
				t.Errorf("cell %q (column %d) would run as a formula", cell, i)
			}
		}
	}
	if recs[1][10] != "-0.5" {
		t.Errorf("lost = %q, want the number -0.5", recs[1][10])
	}
}

// TestTableAligns: every line of a table with Vietnamese text has the same
// display width, in a narrow and a wide terminal, in color or not.
func TestTableAligns(t *testing.T) {
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	r := report(t, "plans/daknong-2024.yaml", gap.Options{})
	for _, width := range []int{80, 120, 160} {
		for _, color := range []bool{false, true} {
			out := print(t, "table", GapOptions{Width: width, Color: color}, r)
			var tableWidth int
			for _, line := range strings.Split(out, "\n") {
				line = ansi.ReplaceAllString(line, "")
				if strings.HasPrefix(line, "┌") {
					tableWidth = runewidth.StringWidth(line)
				}
				if !strings.HasPrefix(line, "│") && !strings.HasPrefix(line, "├") && !strings.HasPrefix(line, "└") {
					continue
				}
				if w := runewidth.StringWidth(line); w != tableWidth {
					t.Fatalf("width %d: line is %d columns, table is %d:\n%s", width, w, tableWidth, line)
				}
				if tableWidth > width {
					t.Errorf("table is %d columns wide on a %d-column terminal", tableWidth, width)
				}
			}
		}
	}
}

// TestTablePlainWhenPiped: no escape sequences without color.
func TestTablePlainWhenPiped(t *testing.T) {
	r := report(t, "plans/daknong-2024.yaml", gap.Options{})
	if out := print(t, "table", GapOptions{}, r); strings.Contains(out, "\x1b[") {
		t.Error("escape sequences in plain output")
	}
	if out := print(t, "table", GapOptions{Color: true}, r); !strings.Contains(out, "\x1b[1m") {
		t.Error("no emphasis on a color terminal")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	r := &gap.Report{Title: "a|b", Appendices: []*gap.Appendix{{ID: "a", ByLead: []gap.LeadRow{{Agency: "Sở A | B", Items: 1}}}}}
	out := print(t, "markdown", GapOptions{ByLead: true}, r)
	if !strings.Contains(out, `Sở A \| B`) {
		t.Errorf("pipe not escaped:\n%s", out)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewGap("xml", GapOptions{}); err == nil || !strings.Contains(err.Error(), "table, csv, json, markdown") {
		t.Errorf("err = %v, want the list of formats", err)
	}
}
