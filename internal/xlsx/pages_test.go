package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
)

func TestPaginate(t *testing.T) {
	none := func(int) bool { return false }
	rows := func(rs ...int) func(int) bool {
		return func(r int) bool {
			for _, x := range rs {
				if x == r {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		name             string
		heights          []float64
		titleFirst, last int
		page             float64
		keep             func(int) bool
		want             []int
	}{
		{"one page", []float64{10, 10, 10}, 0, 0, 100, none, nil},
		{"full pages", []float64{40, 40, 40, 40, 40}, 0, 0, 100, none, []int{3, 5}},
		{"repeated header", []float64{20, 40, 40, 40, 40}, 1, 1, 100, none, []int{4}},
		{"heading moves over", []float64{40, 40, 40, 40}, 0, 0, 100, rows(2), []int{2, 4}},
		{"headings move over together", []float64{30, 30, 30, 30, 30}, 0, 0, 100, rows(2, 3), []int{2, 5}},
		{"a page of headings breaks where full", []float64{40, 40, 40}, 0, 0, 100, rows(1, 2), []int{3}},
		{"row taller than a page", []float64{10, 150, 10}, 0, 0, 100, none, []int{2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paginate(tt.heights, tt.titleFirst, tt.last, tt.page, tt.keep)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("paginate = %v, want %v", got, tt.want)
			}
		})
	}
}

// rowBreaks reads a sheet's manual row breaks from the workbook's XML:
// the rows (1-based) that start a new page.
func rowBreaks(t *testing.T, data []byte, f *excelize.File, sheet string) []int {
	t.Helper()
	id := 0
	for i, name := range f.GetSheetMap() {
		if name == sheet {
			id = i
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet" + strconv.Itoa(id) + ".xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	xml, _ := io.ReadAll(rc)
	var out []int
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"[^>]*man="true"`).FindAllStringSubmatch(string(xml), -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n+1)
	}
	return out
}

// TestPageBreaks: every bundled appendix, paginated from the heights it
// sets, has a manual break before each page would be full (so that the
// spreadsheet makes none of its own), and no page ends on a heading: a
// field, a section or a criterion with items, or a top-level row.
func TestPageBreaks(t *testing.T) {
	for _, file := range planFiles(t) {
		p := loadFile(t, file)
		data, wb := export(t, p, Options{})
		f := open(t, data)
		for i, a := range p.Appendices {
			sheet := wb.Sheets[i]
			t.Run(a.ID.Value+"@"+file, func(t *testing.T) {
				tab, _ := buildTable(p, a)
				pos := planRows(tab)
				var headings []bool // by table row, from the plan itself
				var walk func([]*plan.Item)
				walk = func(items []*plan.Item) {
					for _, it := range items {
						headings = append(headings, it.Depth == 0 || len(it.Items) > 0)
						walk(it.Items)
					}
				}
				walk(a.Items)
				heading := func(row int) bool {
					i := row - pos.dataFirst
					return i >= 0 && i < len(headings) && headings[i]
				}
				if len(headings) != len(tab.rows) {
					t.Fatalf("%d items, %d rows", len(headings), len(tab.rows))
				}
				page := pageRows(tab.layout.Orientation, tab.widths())
				titles := 0.0
				for r := pos.headerFirst; r <= max(pos.numbers, pos.headerLast); r++ {
					h, _ := f.GetRowHeight(sheet, r)
					titles += h
				}
				breaks := append(rowBreaks(t, data, f, sheet), pos.last+1)
				start, pages := 1, 0
				for _, b := range breaks {
					used := 0.0
					if start > 1 {
						used = titles
					}
					for r := start; r < b; r++ {
						h, err := f.GetRowHeight(sheet, r)
						if err != nil {
							t.Fatal(err)
						}
						used += h
					}
					if used > page {
						t.Errorf("page of rows %d–%d is %.1f pt high, more than the %.1f a page holds", start, b-1, used, page)
					}
					if tail := max(pos.total, pos.note-1); pos.note > 0 && b > tail && b <= pos.note {
						t.Errorf("the note under the table starts a page (break at row %d)", b)
					}
					if b <= pos.last && (heading(b-1) || b-1 < pos.dataFirst) {
						t.Errorf("page of rows %d–%d ends on a heading: %q", start, b-1, cellText(t, f, sheet, cellRef(2, b-1)))
					}
					start = b
					pages++
				}
				t.Logf("%s: %d pages", sheet, pages)
			})
		}
	}
}

// TestLongCell: a task of 3,000 characters is continued on rows of its
// own under its item, the item's other cells merged down over them; every
// word is in the sheet and no row is higher than a spreadsheet allows.
func TestLongCell(t *testing.T) {
	words := strings.Fields(strings.Repeat("Rà soát, đánh giá và công khai thủ tục hành chính thuộc thẩm quyền giải quyết của các sở, ngành. ", 40))
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s%d", w, i) // every word its own
	}
	long := b.String()[:3000]
	long = long[:strings.LastIndex(long, " ")]
	items := `      - code: "1"
        name: Lĩnh vực
        items:
          - {code: "1.1", name: Tiêu chí, max: 2, achieved: 1, target: 2, lead: [Sở Nội vụ], tasks: ["` + long + `"]}
          - {code: "1.2", name: Tiêu chí sau, max: 1, achieved: 1, target: 1, tasks: [Sau]}
`
	p := loadData(t, "long.yaml", []byte(minimal("scored", items)))
	data, wb := export(t, p, Options{})
	f := open(t, data)
	sheet := wb.Sheets[0]
	tab, _ := buildTable(p, p.Appendices[0])
	pos := planRows(tab)
	first := findRow(t, f, sheet, "1.1")
	next := findRow(t, f, sheet, "1.2")
	if first == 0 || next-first < 2 {
		t.Fatalf("rows of 1.1: %d to %d, want several", first, next-1)
	}
	tasks := 0
	for i, c := range tab.cols {
		if c.Field == "tasks" {
			tasks = i + 1
		}
	}
	var got []string
	for r := first; r < next; r++ {
		h, err := f.GetRowHeight(sheet, r)
		if err != nil || h > maxRowHeight {
			t.Errorf("row %d: height %v", r, h)
		}
		if h < heightFor(wrappedLines(cellText(t, f, sheet, cellRef(tasks, r)), columnPoints(tab.cols[tasks-1].Width), 12, false), 12)-0.01 {
			t.Errorf("row %d: %v pt is too low for its text", r, h)
		}
		got = append(got, strings.Fields(cellText(t, f, sheet, cellRef(tasks, r)))...)
	}
	if want := strings.Fields(long); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the rows hold %d words, want the task's %d in order", len(got), len(want))
	}
	ms := merges(t, f, sheet)
	for _, col := range []int{1, 2, 3, 4, 5, 7} { // code, name, scores, lead
		ref := cellRef(col, first) + ":" + cellRef(col, next-1)
		if !ms[ref] {
			t.Errorf("%s is not merged down over the item's rows", ref)
		}
	}
	if pos.dataFirst > first {
		t.Errorf("data from row %d, 1.1 at %d", pos.dataFirst, first)
	}
}

// TestNoChartForLongTables: a summary table of more rows than a chart
// can show readably gets a line saying so instead of a chart; one row
// fewer than the limit still gets its charts.
func TestNoChartForLongTables(t *testing.T) {
	for _, tt := range []struct {
		items  int
		charts bool
	}{{maxChartRows, true}, {maxChartRows + 1, false}} {
		p := loadData(t, "flat.yaml", plantest.FlatYAML(tt.items, 0))
		data, _ := export(t, p, Options{})
		charts := 0
		for _, name := range parts(t, data) {
			if strings.HasPrefix(name, "xl/charts/chart") {
				charts++
			}
		}
		if got := charts > 0; got != tt.charts {
			t.Errorf("%d rows: %d charts", tt.items, charts)
		}
		f := open(t, data)
		rows, err := f.GetRows(SummarySheet)
		if err != nil {
			t.Fatal(err)
		}
		note := false
		for _, r := range rows {
			if len(r) > 0 && strings.Contains(r[0], fmt.Sprintf("không vẽ biểu đồ vì bảng có %d dòng", tt.items)) {
				note = true
			}
		}
		if note == tt.charts {
			t.Errorf("%d rows: the line saying there is no chart is there: %v", tt.items, note)
		}
	}
}
