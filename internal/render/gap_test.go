package render

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
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
	tests := []struct {
		name, plan string
		opts       gap.Options
	}{
		{name: "daknong-2024", plan: "daknong-2024"},
		{name: "hagiang-2021", plan: "hagiang-2021"},
		{name: "gialai-2023", plan: "gialai-2023"},
		{name: "daknong-2024.recoverable", plan: "daknong-2024", opts: gap.Options{Recoverable: true}},
		{name: "hagiang-2021.recoverable", plan: "hagiang-2021", opts: gap.Options{Recoverable: true}},
	}
	for _, tt := range tests {
		name := tt.name
		t.Run(name, func(t *testing.T) {
			got := print(t, "json", GapOptions{}, report(t, "plans/"+tt.plan+".yaml", tt.opts))
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

// TestRecoverableFormats: gap --recoverable in every format and both
// languages: the kinds named in the documents' words (survey marked †),
// the flags, the per-field split, and CSV whose field rows add up to the
// total and whose criteria rows keep the ranking.
func TestRecoverableFormats(t *testing.T) {
	r := report(t, "plans/daknong-2024.yaml", gap.Options{Recoverable: true})
	tests := []struct {
		name, format string
		lang         msg.Lang
		want         []string
	}{
		{name: "table vi", format: "table", lang: msg.VI, want: []string{
			"Điểm tỉnh có thể tự giành lại: các tiêu chí bị mất điểm, xếp theo cách chấm (theo bộ tiêu chí bnv-876-2022)",
			"│ Cách chấm ", "│  1 │ 6.3.4 │", "│ Tự chấm ", "│ Điều tra XHH † │", "│ SIPAS ", "│ KT-XH ", "mục tiêu không tăng",
			"Trong 14,5855 điểm bị mất ở các tiêu chí, 4,6455 điểm (31,85%) thuộc các tiêu chí tự chấm",
			"Theo lĩnh vực: bao nhiêu điểm bị mất nằm trong tay tỉnh (tự chấm)",
			"│ Tổng │ 14,5855 │ 4,6455 │ 31,85% │"}},
		{name: "table en", format: "table", lang: msg.EN, want: []string{
			"Points the province can win back by its own work", "│ Survey (XHH) † │", "│ Self-assessed ", "gives up",
			"Of the 14.5855 points the criteria lost, 4.6455 points (31.85%) are of self-assessed criteria",
			"│ Total │ 14.5855 │ 4.6455 │ 31.85% │"}},
		{name: "markdown vi", format: "markdown", lang: msg.VI, want: []string{
			"| # | Mã | Tiêu chí | Cách chấm | Bị mất | Tăng | Còn thiếu | Lưu ý |",
			"| 4 | 5.4 | Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức (CBCCVC) | Tự chấm | 0,5 | 0 | 0,5 | mục tiêu không tăng |",
			"| 16 | 2.4 | Chất lượng VBQPPL do tỉnh ban hành | Điều tra XHH † | 0,9 | 0,2 | 0,7 |  |",
			"| 4 | CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH | 1,03 | 0,16 | 15,53% |",
			"|  | **Tổng** | 14,5855 | 4,6455 | 31,85% |"}},
	}
	squeeze := regexp.MustCompile(` {2,}`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := print(t, tt.format, GapOptions{P: msg.For(tt.lang), Recoverable: true}, r)
			flat := squeeze.ReplaceAllString(out, " ")
			for _, w := range tt.want {
				if !strings.Contains(out, w) && !strings.Contains(flat, squeeze.ReplaceAllString(w, " ")) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
		})
	}
	t.Run("csv", func(t *testing.T) {
		recs, err := csv.NewReader(strings.NewReader(print(t, "csv", GapOptions{Recoverable: true}, r))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		var fields, total decimal.Dec
		rank := 0
		for _, rec := range recs[1:] {
			switch rec[col["row"]] {
			case "criterion":
				rank++
				if rec[col["rank"]] != fmt.Sprint(rank) {
					t.Errorf("rank %s, want %d", rec[col["rank"]], rank)
				}
				if rec[col["survey"]] == "true" && rec[col["assessment"]] == "self" {
					t.Errorf("%s: a survey criterion ranked self-assessed", rec[col["ref"]])
				}
			case "field":
				fields = fields.Add(decimal.MustParse(rec[col["lost"]]))
			case "total":
				total = decimal.MustParse(rec[col["lost"]])
				if rec[col["own_lost"]] != "4.6455" || rec[col["own_percent"]] != "31.85" {
					t.Errorf("total %v", rec)
				}
			}
		}
		if rank != 35 || !fields.Equal(total) || total.String() != "14.5855" {
			t.Errorf("%d criteria; fields add up to %s, total %s", rank, fields, total)
		}
	})
}

// TestStreamDocAsEncodeJSON: a document whose row lists are streamed is
// byte for byte the one encoding/json writes of the same rows, at any
// depth, empty lists and texts JSON escapes included.
func TestStreamDocAsEncodeJSON(t *testing.T) {
	rows := []gap.Row{
		{Code: "1", Name: `A <b> & "c"` + "\n\tđ", Depth: 0, Lead: []string{"Sở Nội vụ"}},
		{Code: "1.1", Name: "x", Depth: 1, Leaf: true, Unit: "percent"},
	}
	type inner struct {
		Rows  *streamList `json:"rows"`
		Empty *streamList `json:"empty"`
	}
	type doc struct {
		A     []inner     `json:"a"`
		Rows  *streamList `json:"rows"`
		After string      `json:"after"`
	}
	type innerPlain struct {
		Rows  []jsonRow `json:"rows"`
		Empty []jsonRow `json:"empty"`
	}
	type docPlain struct {
		A     []innerPlain `json:"a"`
		Rows  []jsonRow    `json:"rows"`
		After string       `json:"after"`
	}
	var lists []*streamList
	l := func(rs []gap.Row) *streamList {
		lists = append(lists, &streamList{n: len(lists), size: len(rs), elem: func(i int) any { return toJSONRow(rs[i]) }})
		return lists[len(lists)-1]
	}
	plain := func(rs []gap.Row) []jsonRow {
		out := []jsonRow{}
		for _, r := range rs {
			out = append(out, toJSONRow(r))
		}
		return out
	}
	d := doc{A: []inner{{Rows: l(rows), Empty: l(nil)}}, Rows: l(rows[:1]), After: "z"}
	p := docPlain{A: []innerPlain{{Rows: plain(rows), Empty: plain(nil)}}, Rows: plain(rows[:1]), After: "z"}
	var got, want bytes.Buffer
	if err := streamDoc(&got, d, lists); err != nil {
		t.Fatal(err)
	}
	if err := encodeJSON(&want, p); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("streamed:\n%s\nencoding/json:\n%s", got.String(), want.String())
	}
}
