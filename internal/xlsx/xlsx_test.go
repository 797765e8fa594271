package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
)

// TestSourceLayouts reads each bundled plan's workbook back and checks it
// against the table of its source document (../shared/seeds): the title
// block, the header cells and their merges, the column-number row, the
// numbering, the total row and the note under the table.
func TestSourceLayouts(t *testing.T) {
	type cell struct{ ref, want string }
	tests := []struct {
		name, file, sheet string
		cells             []cell
		merges            []string
		// numbers is the column-number row (row 7 or 6), nil for none.
		numbersRow int
		numbers    []string
		// total is the total row's label and its values from column C.
		total []string
		note  string
	}{
		{
			name: "scored, Đắk Nông Phụ lục 01", file: "daknong-2024.yaml", sheet: "Phụ lục 01",
			cells: []cell{
				{"A1", "Phụ lục 01"},
				{"A2", "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ PAR INDEX NĂM 2024"},
				{"A3", "(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND tỉnh Đắk Nông)"},
				{"A5", "STT"}, {"B5", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"}, {"C5", "Điểm theo bộ tiêu chí"},
				{"D5", "Điểm đạt được năm 2023"}, {"E5", "Mục tiêu năm 2024"}, {"F5", "Nhiệm vụ, giải pháp"},
				{"G5", "Trách nhiệm thực hiện"}, {"G6", "Chủ trì"}, {"H6", "Phối hợp"}, {"I5", "Ghi chú"},
				{"A8", "1"}, {"B8", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"}, {"C8", "9.5"}, {"D8", "9.45"}, {"E8", "9.45"},
				{"A9", "1.1"}, {"B9", "Thực hiện kế hoạch CCHC"}, {"F9", "Thực hiện hoàn thành 100% hoạt động tại Kế hoạch CCHC năm 2024 của tỉnh"},
				{"G9", "Giám đốc Sở Nội vụ"}, {"H9", "Các sở, ban, ngành; UBND cấp huyện; các đơn vị có liên quan"},
			},
			merges:     []string{"A1:I1", "A2:I2", "A3:I3", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:F6", "G5:H5", "I5:I6"},
			numbersRow: 7, numbers: []string{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"},
			total: []string{"TỔNG ĐIỂM", "100", "85.415", "88.679"},
		},
		{
			name: "task list, Đắk Nông Phụ lục 02", file: "daknong-2024.yaml", sheet: "Phụ lục 02",
			cells: []cell{
				{"A1", "Phụ lục 02"},
				{"A2", "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ SIPAS NĂM 2024"},
				{"A5", "TT"}, {"B5", "Nhiệm vụ"}, {"C5", "Thực hiện"}, {"C6", "Cơ quan chủ trì"}, {"D6", "Cơ quan phối hợp"},
				{"E5", "Thời gian thực hiện"}, {"F5", "Ghi chú"},
				{"A7", "A"}, {"B7", "VIỆC XÂY DỰNG, TỔ CHỨC THỰC HIỆN CHÍNH SÁCH CÔNG"},
				{"A8", "I"}, {"B8", "Trách nhiệm giải trình của chính quyền"}, {"A9", "1"}, {"E9", "Thường xuyên"},
			},
			merges: []string{"A5:A6", "B5:B6", "C5:D5", "E5:E6", "F5:F6"},
		},
		{
			name: "assignment, Hà Giang", file: "hagiang-2021.yaml", sheet: "Phụ lục",
			cells: []cell{
				{"A1", "Phụ lục"},
				{"A2", "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ CCHC NĂM 2021"},
				{"A3", "(Kèm theo Kế hoạch số 214/KH-UBND ngày 23/7/2021 của UBND tỉnh Hà Giang)"},
				{"A5", "STT"}, {"B5", "Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần"}, {"C5", "Điểm tối đa"},
				{"D5", "Kết quả năm 2020"}, {"E5", "Mục tiêu năm 2021"}, {"F5", "Thời gian ban hành/ thực hiện"},
				{"G5", "Phân công trách nhiệm"}, {"G6", "Chủ trì"}, {"H6", "Phối hợp"},
				{"A7", "1"}, {"C7", "8.5"}, {"D7", "7.88"}, {"E7", "8.5"},
				{"A8", "1.1"}, {"F8", "Kế hoạch Trong quý IV năm trước liền kề năm kế hoạch; Báo cáo trước ngày 25/12"},
				{"A10", "1.3"}, {"C10", "2.0"}, {"D10", "1.96"}, {"E10", "2.0"},
			},
			merges: []string{"A5:A6", "B5:B6", "F5:F6", "G5:H5"},
			total:  []string{"Tổng số:", "66.5", "56.13", "64.3"},
			note:   "Ghi chú: Mục tiêu năm 2021 tăng 8,17 điểm (14,6%) so với năm 2020.",
		},
		{
			name: "targets, Gia Lai 2023", file: "gialai-2023.yaml", sheet: "Phụ lục",
			cells: []cell{
				{"A3", "(Kèm theo Kế hoạch số 1908/KH-UBND ngày 21/7/2023 của UBND tỉnh Gia Lai)"},
				{"A5", "TT"}, {"B5", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"}, {"C5", "Mục tiêu, yêu cầu"},
				{"D5", "Cơ quan phụ trách"}, {"E5", "Cơ quan phối hợp/thực hiện"}, {"F5", "Thời gian thực hiện/hoàn thành"},
				{"A7", "I"}, {"B7", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"},
				{"A8", "1"}, {"B8", "TC 1.1 - Thực hiện kế hoạch CCHC"}, {"C8", "Hoàn thành 100% kế hoạch"}, {"D8", "Sở Nội vụ"},
				{"A10", "3"}, {"B10", "TCTP 1.3.1 - Tỷ lệ cơ quan chuyên môn (CQCM) cấp tỉnh và đơn vị hành chính (ĐVHC) cấp huyện được kiểm tra trong năm"},
			},
			numbersRow: 6, numbers: []string{"1", "2", "3", "4", "5", "6"},
		},
		{
			name: "deliverables, Tuyên Quang 2023", file: "tuyenquang-skh-2023.yaml", sheet: "BIỂU KẾ HOẠCH CHI TIẾT",
			cells: []cell{
				{"A1", "BIỂU KẾ HOẠCH CHI TIẾT"},
				{"A2", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA SỞ KẾ HOẠCH VÀ ĐẦU TƯ"},
				{"A3", "(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/1/2023 của Sở Kế hoạch và Đầu tư tỉnh Tuyên Quang)"},
				{"A5", "TT"}, {"B5", "NỘI DUNG"}, {"C5", "Sản phẩm"}, {"D5", "Đơn vị chủ trì dự thảo"},
				{"E5", "Đơn vị phối hợp"}, {"F5", "Thời gian thực hiện"},
				{"A6", "I"}, {"B6", "CẢI CÁCH THỂ CHẾ"},
				{"A7", "1"}, {"B7", "Việc tham mưu ban hành văn bản quy phạm pháp luật"}, {"C7", "- Tờ trình\n- Quyết định"},
				{"D7", "Thanh tra Sở"}, {"F7", "Năm 2023"},
			},
		},
		{
			name: "deliverables, Gia Lai 2021", file: "gialai-2021.yaml", sheet: "PHỤ LỤC",
			cells: []cell{
				{"A1", "PHỤ LỤC"},
				{"A2", "KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2021"},
				{"A3", "(Kèm theo Quyết định số 751/QĐ-UBND ngày 26/12/2020 của UBND tỉnh Gia Lai)"},
				{"A5", "TT"}, {"B5", "Nội dung, nhiệm vụ"}, {"C5", "Sản phẩm"}, {"D5", "Cơ quan chủ trì"},
				{"E5", "Cơ quan phối hợp"}, {"F5", "Thời gian thực hiện"},
				{"A6", "I"}, {"B6", "CẢI CÁCH THỂ CHẾ"}, {"A7", "1"}, {"D7", "Sở Tư pháp"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, _ := export(t, loadFile(t, "../../plans/"+tt.file), Options{})
			f := open(t, data)
			for _, c := range tt.cells {
				if got := cellText(t, f, tt.sheet, c.ref); got != c.want {
					t.Errorf("%s = %q, want %q", c.ref, got, c.want)
				}
			}
			ms := merges(t, f, tt.sheet)
			for _, m := range tt.merges {
				if !ms[m] {
					t.Errorf("%s is not merged (merges: %v)", m, keys(ms))
				}
			}
			if tt.numbersRow > 0 {
				row, _ := f.GetRows(tt.sheet)
				if got := row[tt.numbersRow-1]; !slices.Equal(got, tt.numbers) {
					t.Errorf("column-number row %d = %q, want %q", tt.numbersRow, got, tt.numbers)
				}
			} else {
				// No column-number row: the first data row follows the header.
				for r := 5; r <= 7; r++ {
					if v := cellText(t, f, tt.sheet, "A"+strconv.Itoa(r)); v == "(1)" || v == "1" && cellText(t, f, tt.sheet, "B"+strconv.Itoa(r)) == "2" {
						t.Errorf("row %d looks like a column-number row, which the source does not have", r)
					}
				}
			}
			if tt.total != nil {
				r := findRow(t, f, tt.sheet, tt.total[0])
				if r == 0 {
					t.Fatalf("no %q row", tt.total[0])
				}
				for i, want := range tt.total[1:] {
					ref := cellRef(3+i, r)
					if got := cellText(t, f, tt.sheet, ref); got != want {
						t.Errorf("total %s = %q, want %q", ref, got, want)
					}
				}
				if !ms[fmt.Sprintf("A%d:B%d", r, r)] {
					t.Errorf("the total label is not merged over STT and the name")
				}
			}
			if tt.note != "" {
				if r := findRow(t, f, tt.sheet, tt.note); r == 0 {
					t.Errorf("no note %q under the table", tt.note)
				}
			}
		})
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestHaGiangNote: the note under Hà Giang's table is computed from its
// total row, and equals the one the document prints.
func TestHaGiangNote(t *testing.T) {
	p := loadFile(t, "../../plans/hagiang-2021.yaml")
	a := p.Appendices[0]
	tab, ds := buildTable(p, a)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if a.Note.Value == "" {
		t.Fatal("the plan lost its printed note")
	}
	if tab.note != a.Note.Value {
		t.Errorf("computed note %q\nprinted note  %q", tab.note, a.Note.Value)
	}
	if len(tab.warnings) > 0 {
		t.Errorf("warnings: %v", tab.warnings)
	}
	// Hà Giang's 8.1 is scored by the Ministry: its note spans the score
	// columns, as printed.
	data, _ := export(t, p, Options{})
	f := open(t, data)
	r := findRow(t, f, "Phụ lục", "8.1")
	if got := cellText(t, f, "Phụ lục", cellRef(3, r)); got != "Bộ Nội vụ đánh giá" {
		t.Errorf("8.1 shows %q in its score columns", got)
	}
	if !merges(t, f, "Phụ lục")[fmt.Sprintf("C%d:E%d", r, r)] {
		t.Errorf("8.1's note is not merged over the score columns")
	}
}

func TestIncreaseNote(t *testing.T) {
	opt := func(s string) plan.Opt { return plan.Opt{V: mustDec(s), OK: true} }
	tmpl := layout.Get("assignment").Note
	v := map[string]string{"year": "2021", "baseline_year": "2020"}
	tests := []struct {
		name          string
		achieved, tgt plan.Opt
		want          string
		ok            bool
	}{
		{name: "Hà Giang", achieved: opt("56.13"), tgt: opt("64.3"), want: "Ghi chú: Mục tiêu năm 2021 tăng 8,17 điểm (14,6%) so với năm 2020.", ok: true},
		{name: "decrease", achieved: opt("80"), tgt: opt("79.5"), want: "Ghi chú: Mục tiêu năm 2021 giảm 0,5 điểm (0,6%) so với năm 2020.", ok: true},
		{name: "half rounds away from zero", achieved: opt("40"), tgt: opt("40.02"), want: "Ghi chú: Mục tiêu năm 2021 tăng 0,02 điểm (0,1%) so với năm 2020.", ok: true},
		{name: "nothing achieved", achieved: opt("0"), tgt: opt("5")},
		{name: "no target", achieved: opt("50")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := increaseNote(tmpl, [3]plan.Opt{plan.Achieved: tt.achieved, plan.Target: tt.tgt}, v)
			if ok != tt.ok || got != tt.want {
				t.Errorf("= %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestEveryPlanReadBack exports every bundled plan and checks, sheet by
// sheet, what a print shop and an independent reader see: every cell of
// the table as laid out, numbers numeric with the text written, Times New
// Roman, wrapped bordered cells, bold upper-case field rows, A4 page setup
// fitted to the width, margins, page numbers, repeated header rows,
// frozen panes, and a summary sheet with a chart.
func TestEveryPlanReadBack(t *testing.T) {
	for _, file := range planFiles(t) {
		t.Run(file, func(t *testing.T) {
			p := loadFile(t, file)
			data, wb := export(t, p, Options{})
			f := open(t, data)
			if got, want := visibleSheets(f), wb.Sheets; !slices.Equal(got, want) {
				t.Fatalf("sheets %q, want %q", got, want)
			}
			if len(wb.Sheets) != len(p.Appendices)+1 || wb.Sheets[len(wb.Sheets)-1] != SummarySheet {
				t.Errorf("sheets %q: want one per appendix and %q", wb.Sheets, SummarySheet)
			}
			if len(wb.Warnings) > 0 {
				t.Errorf("warnings: %v", wb.Warnings)
			}
			if i := f.GetActiveSheetIndex(); i != 0 {
				t.Errorf("the workbook opens on sheet %d, not the first appendix", i)
			}
			for i, a := range p.Appendices {
				tab, _ := buildTable(p, a)
				checkSheet(t, f, wb.Sheets[i], tab)
			}
			checkSummary(t, f, data, p)
			props, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if props.Creator != "parplan" || props.Created != p.Meta.Date.Value+"T00:00:00Z" || props.Modified != props.Created {
				t.Errorf("document properties %+v: want creator parplan, created = modified = the plan's date", props)
			}
		})
	}
}

func checkSheet(t *testing.T, f *excelize.File, sheet string, tab *table) {
	t.Helper()
	pos := planRows(tab)
	ms := merges(t, f, sheet)
	lastCol := colName(len(tab.cols))

	// The title block is merged across the table.
	for _, r := range []int{pos.label, pos.title, pos.ref} {
		if r > 0 && !ms[fmt.Sprintf("A%d:%s%d", r, lastCol, r)] {
			t.Errorf("%s: title row %d is not merged across the table", sheet, r)
		}
	}
	if st := style(t, f, sheet, "A1"); !st.Font.Bold || st.Font.Size != titleSize || st.Alignment.Horizontal != "center" {
		t.Errorf("%s: the label is not bold, centred, %vpt: %+v %+v", sheet, titleSize, st.Font, st.Alignment)
	}
	if pos.ref > 0 {
		if st := style(t, f, sheet, cellRef(1, pos.ref)); !st.Font.Italic {
			t.Errorf("%s: the reference line is not italic", sheet)
		}
	}

	// Every row of the table, cell by cell.
	for i, r := range tab.rows {
		checkRow(t, f, sheet, tab, pos.dataFirst+i, r)
	}
	if tab.total != nil {
		checkRow(t, f, sheet, tab, pos.total, *tab.total)
	}

	// Header cells: bold, centred, wrapped, bordered.
	for c := 1; c <= len(tab.cols); c++ {
		st := style(t, f, sheet, cellRef(c, pos.headerFirst))
		if !st.Font.Bold || !st.Alignment.WrapText || len(st.Border) != 4 {
			t.Errorf("%s: header %s is not bold, wrapped and bordered", sheet, cellRef(c, pos.headerFirst))
		}
	}

	// Page setup.
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Size != paperA4 || *pl.Orientation != tab.layout.Orientation || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("%s: page layout size %d %s fit %dx%d; want A4 (9), %s, fitted to 1 page wide", sheet, *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight, tab.layout.Orientation)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s: fit to page is off", sheet)
	}
	checkMargins(t, f, sheet)
	checkPageNumbers(t, f, sheet)
	want := fmt.Sprintf("%s!$%d:$%d", quoteSheet(sheet), pos.headerFirst, max(pos.numbers, pos.headerLast))
	if !slices.ContainsFunc(f.GetDefinedName(), func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && d.Scope == sheet && d.RefersTo == want
	}) {
		t.Errorf("%s: print titles are not %s: %+v", sheet, want, f.GetDefinedName())
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != pos.dataFirst-1 {
		t.Errorf("%s: panes %+v, want frozen below row %d", sheet, panes, pos.dataFirst-1)
	}
	widths := 0.0
	for i, c := range tab.cols {
		w, err := f.GetColWidth(sheet, colName(i+1))
		if err != nil || w != c.Width {
			t.Errorf("%s: column %s is %v wide, want %v", sheet, colName(i+1), w, c.Width)
		}
		widths += w
	}
}

// checkRow checks one data or total row against the laid-out table.
func checkRow(t *testing.T, f *excelize.File, sheet string, tab *table, row int, r tableRow) {
	t.Helper()
	lines := 1
	for i, v := range r.cells {
		ref := cellRef(i+1, row)
		st := style(t, f, sheet, ref)
		if st.Font == nil || st.Font.Family != Font {
			t.Errorf("%s!%s: font %+v, want %s", sheet, ref, st.Font, Font)
		}
		if !st.Alignment.WrapText || len(st.Border) != 4 {
			t.Errorf("%s!%s: not wrapped and bordered", sheet, ref)
		}
		if st.Font != nil && st.Font.Bold != r.style.Bold {
			t.Errorf("%s!%s: bold %v, want %v", sheet, ref, st.Font.Bold, r.style.Bold)
		}
		if _, _, inside := r.mergedAt(i); inside {
			continue
		}
		got := cellText(t, f, sheet, ref)
		typ, _ := f.GetCellType(sheet, ref)
		switch {
		case v.numCell != nil:
			// A number: stored as a number, shown with the digits written.
			raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			fl, err := strconv.ParseFloat(raw, 64)
			want := v.num.String()
			if v.percent {
				want += "%"
			}
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || err != nil {
				t.Errorf("%s!%s: %q (type %v) is not a number", sheet, ref, raw, typ)
			} else if exact, _ := strconv.ParseFloat(v.num.String(), 64); fl != exact || math.IsNaN(fl) {
				t.Errorf("%s!%s: stored %q, want the value %s", sheet, ref, raw, v.num)
			}
			// A date shows in its format; the books' tests check how.
			if got != want && v.format == "" {
				t.Errorf("%s!%s shows %q, want %q", sheet, ref, got, want)
			}
		default:
			if got != v.text {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, got, v.text)
			}
			if v.text != "" && typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				t.Errorf("%s!%s: text stored as %v", sheet, ref, typ)
			}
			if v.text != "" {
				lines = max(lines, strings.Count(v.text, "\n")+1)
			}
		}
	}
	if r.style.Upper {
		name := r.cells[slices.IndexFunc(tab.cols, func(c layout.Column) bool { return c.Field == layout.FieldName })].text
		if name != strings.ToUpper(name) {
			t.Errorf("%s row %d: field row %q is not upper case", sheet, row, name)
		}
	}
	// The row is at least as high as its lines.
	h, err := f.GetRowHeight(sheet, row)
	if err != nil || h < heightFor(lines, tab.layout.FontSize)-0.01 {
		t.Errorf("%s row %d: height %v for %d lines", sheet, row, h, lines)
	}
}

// checkMargins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
func checkMargins(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	m, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	mm := func(in *float64) float64 { return *in * 25.4 }
	for _, c := range []struct {
		name     string
		v        *float64
		from, to float64
	}{{"top", m.Top, 20, 25}, {"bottom", m.Bottom, 20, 25}, {"left", m.Left, 30, 35}, {"right", m.Right, 15, 20}} {
		if c.v == nil || mm(c.v) < c.from || mm(c.v) > c.to {
			t.Errorf("%s: %s margin %.1f mm, want %v–%v mm", sheet, c.name, mm(c.v), c.from, c.to)
		}
	}
}

func checkSummary(t *testing.T, f *excelize.File, data []byte, p *plan.Plan) {
	t.Helper()
	if v := cellText(t, f, SummarySheet, "A1"); v != "TỔNG HỢP" {
		t.Errorf("summary A1 = %q", v)
	}
	scored := false
	for _, a := range p.Appendices {
		a.Walk(func(it *plan.Item) { scored = scored || it.Scores.Max.Given })
	}
	// The chart: a drawing on the summary sheet with a bar chart.
	ps := parts(t, data)
	if !slices.ContainsFunc(ps, func(s string) bool { return strings.HasPrefix(s, "xl/charts/chart") }) {
		t.Errorf("no chart in the workbook: %v", ps)
	}
	if scored {
		if r := findRow(t, f, SummarySheet, "Tổng cộng (theo dòng tổng của phụ lục)"); r == 0 {
			t.Errorf("the summary has no total row")
		}
	} else if r := findRow(t, f, SummarySheet, "Tổng cộng"); r == 0 {
		t.Errorf("the summary has no count of items")
	}
	checkMargins(t, f, SummarySheet)
	checkPageNumbers(t, f, SummarySheet)
}

// checkPageNumbers: pages are numbered as Nghị định 30/2020/NĐ-CP asks,
// centred in the top margin in 13 pt Times New Roman, none on the first.
func checkPageNumbers(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || hf == nil {
		t.Fatalf("%s: no header: %v", sheet, err)
	}
	if want := `&C&"Times New Roman,Regular"&13&P`; hf.OddHeader != want || !hf.DifferentFirst ||
		strings.Contains(hf.FirstHeader, "&P") || strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("%s: page numbers %+v, want %s in the header of every page but the first", sheet, hf, want)
	}
}

// TestFieldTotals checks the summary's figures for Đắk Nông against the
// document: per field max, achieved, target, and lost = max − achieved,
// gain = target − achieved, left = max − target, exactly; each column
// with the decimals of its inputs (the maximum has 9.5 and 10.5, so 13.0).
func TestFieldTotals(t *testing.T) {
	data, _ := export(t, loadFile(t, "../../plans/daknong-2024.yaml"), Options{Appendix: "phu-luc-01"})
	f := open(t, data)
	r := findRow(t, f, SummarySheet, "3")
	want := []string{"3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)", "13.0", "12.905", "12.909", "0.095", "0.004", "0.091"}
	for i, w := range want {
		if got := cellText(t, f, SummarySheet, cellRef(i+1, r)); got != w {
			t.Errorf("field 3 %s = %q, want %q", cellRef(i+1, r), got, w)
		}
	}
	r = findRow(t, f, SummarySheet, "Tổng cộng (theo dòng tổng của phụ lục)")
	for i, w := range []string{"100.0", "85.415", "88.679", "14.585", "3.264", "11.321"} {
		if got := cellText(t, f, SummarySheet, cellRef(i+3, r)); got != w {
			t.Errorf("total %s = %q, want %q", cellRef(i+3, r), got, w)
		}
	}
	if got := visibleSheets(f); !slices.Equal(got, []string{"Phụ lục 01", SummarySheet}) {
		t.Errorf("--appendix phu-luc-01 gives the sheets %q", got)
	}
}

// TestExactNumbers: a score is a number cell showing exactly the digits
// written, whatever they are.
func TestExactNumbers(t *testing.T) {
	p := loadData(t, "n.yaml", []byte(minimal("scored", `      - code: "1"
        name: Lĩnh vực
        max: 20.0
        achieved: 12.9045
        target: 14.5
        items:
          - {code: "1.1", name: A, max: 2, achieved: 1.5, target: 2.0, tasks: [x], lead: [y]}
          - {code: "1.2", name: B, max: 18.0, achieved: 11.4045, target: 12.5, tasks: [x], lead: [y]}
      - code: "2"
        name: SIPAS
        unit: percent
        max: 100
        achieved: 83.99
        target: 86.0
`)))
	data, _ := export(t, p, Options{})
	f := open(t, data)
	for ref, want := range map[string]string{
		"C8": "20.0", "D8": "12.9045", "E8": "14.5",
		"C9": "2", "D9": "1.5", "E9": "2.0",
		"C10": "18.0", "D10": "11.4045", "E10": "12.5",
		"C11": "100%", "D11": "83.99%", "E11": "86.0%",
	} {
		if got := cellText(t, f, "Phụ lục 01", ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
		raw, _ := f.GetCellValue("Phụ lục 01", ref, excelize.Options{RawCellValue: true})
		if strings.Contains(raw, "0000") || strings.Contains(raw, "9999") {
			t.Errorf("%s stores %q: a float rounding error", ref, raw)
		}
	}
	// The total row sums the fields' points; the percentage is not added.
	r := findRow(t, f, "Phụ lục 01", "TỔNG ĐIỂM")
	if got := cellText(t, f, "Phụ lục 01", cellRef(4, r)); got != "12.9045" {
		t.Errorf("total achieved = %q, want 12.9045 (percent items are not points)", got)
	}
}

// TestTooManyDigits: a number a spreadsheet cannot hold exactly is
// written as text, with a warning, never rounded silently.
func TestTooManyDigits(t *testing.T) {
	p := loadData(t, "d.yaml", []byte(minimal("scored", `      - {code: "1", name: A, max: 2, achieved: 1.2345678901234567, target: 2, tasks: [x], lead: [y]}
`)))
	data, wb := export(t, p, Options{})
	f := open(t, data)
	if got := cellText(t, f, "Phụ lục 01", "D8"); got != "1.2345678901234567" {
		t.Errorf("D8 = %q", got)
	}
	// The item and the total row (which sums it), each at its place in
	// the plan file.
	if len(wb.Warnings) != 2 || wb.Warnings[0].Pos != (plan.Pos{Line: 8, Col: 48}) ||
		!strings.HasPrefix(wb.Warnings[0].Msg.String(), "1.2345678901234567 has more digits") || !strings.Contains(wb.Warnings[0].Msg.String(), "cell D8") {
		t.Errorf("warnings %v", wb.Warnings)
	}
}

// TestNumbering: rows without a code are numbered in the layout's style.
func TestNumbering(t *testing.T) {
	items := `      - name: Một
        items:
          - name: Hai
            items:
              - {name: Ba}
              - {name: Bốn}
          - name: Năm
            items:
              - {name: Sáu}
      - name: Bảy
        items:
          - name: Tám
            items:
              - {name: Chín}
`
	tests := []struct {
		layout string
		want   []string
	}{
		{"tasks", []string{"A", "I", "1", "2", "II", "3", "B", "I", "4"}},
		{"scored", []string{"1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2", "2.1", "2.1.1"}},
		{"deliverables", []string{"I", "1", "1", "2", "2", "1", "II", "1", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.layout, func(t *testing.T) {
			p := loadData(t, "n.yaml", []byte(minimal(tt.layout, items)))
			tab, ds := buildTable(p, p.Appendices[0])
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			var got []string
			for _, r := range tab.rows {
				got = append(got, r.cells[0].text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("codes %q, want %q", got, tt.want)
			}
		})
	}
}

// TestColumnOverrides: a plan relabels, hides and shows its layout's
// columns; a column the layout does not have is a problem of the plan,
// reported where it is written.
func TestColumnOverrides(t *testing.T) {
	src := minimal("targets", `      - {code: "I", name: Mục, items: [{code: "1", criterion: "1.1", name: A, target_text: T, tasks: [x, y], lead: [Sở Nội vụ]}]}
`)
	with := func(cols string) string {
		return strings.Replace(src, "    layout: targets\n", "    layout: targets\n    columns:\n"+cols, 1)
	}
	p := loadData(t, "c.yaml", []byte(with("      - {key: name, label: Tiêu chí}\n      - {key: deadline, hide: true}\n      - {key: tasks, hide: false}\n")))
	tab, ds := buildTable(p, p.Appendices[0])
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	var labels []string
	for _, c := range tab.cols {
		labels = append(labels, c.Label)
	}
	if want := []string{"TT", "Tiêu chí", "Mục tiêu, yêu cầu", "Cơ quan phụ trách", "Cơ quan phối hợp/thực hiện", "Nhiệm vụ"}; !slices.Equal(labels, want) {
		t.Errorf("columns %q, want %q", labels, want)
	}
	if got := tab.rows[1].cells[5].text; got != "- x\n- y" {
		t.Errorf("the tasks column shows %q", got)
	}

	p = loadData(t, "c.yaml", []byte(with("      - {key: name, label: Tiêu chí}\n      - {key: remarks, label: X}\n")))
	_, ds = buildTable(p, p.Appendices[0])
	if len(ds) != 1 || ds[0].Line != 9 || ds[0].Col != 9 || !strings.Contains(ds[0].Message(), `unknown column "remarks"`) {
		t.Errorf("diagnostics %v, want one at 9:9 about remarks", ds)
	}
	wb, ds, err := Build(p, Options{})
	if wb != nil || len(ds) != 1 || err != nil {
		t.Errorf("Build of a plan with a bad override: %v %v %v", wb, ds, err)
	}
}

func TestReference(t *testing.T) {
	tests := []struct {
		meta plan.Meta
		want string
	}{
		{plan.Meta{Number: txtv("475/KH-UBND"), Date: txtv("2024-07-18"), Issuer: txtv("UBND tỉnh Đắk Nông")}, "(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND tỉnh Đắk Nông)"},
		{plan.Meta{Document: txtv("Quyết định"), Number: txtv("751/QĐ-UBND"), Date: txtv("2020-12-26")}, "(Kèm theo Quyết định số 751/QĐ-UBND ngày 26/12/2020)"},
		{plan.Meta{Date: txtv("2023-01-05"), Issuer: txtv("Sở X")}, "(Kèm theo Kế hoạch ngày 5/1/2023 của Sở X)"},
		{plan.Meta{Issuer: txtv("Sở X")}, ""},
	}
	for _, tt := range tests {
		if got := reference(tt.meta); got != tt.want {
			t.Errorf("reference = %q, want %q", got, tt.want)
		}
	}
}

func txtv(s string) plan.Text { return plan.Text{Value: s, Pos: plan.Pos{Line: 1, Col: 1}} }

func TestSheetNames(t *testing.T) {
	taken := map[string]bool{strings.ToLower(SummarySheet): true}
	got := []string{
		sheetName("Phụ lục", "a", taken),
		sheetName("Phụ lục", "b", taken),
		sheetName("PHỤ LỤC", "c", taken),
		sheetName("Tổng hợp", "d", taken),
		sheetName("Phụ lục: kế hoạch [2024] / bản chính thức rất dài", "e", taken),
		sheetName("", "phu-luc-9", taken),
	}
	want := []string{"Phụ lục", "Phụ lục (2)", "PHỤ LỤC (3)", "Tổng hợp (2)", "Phụ lục- kế hoạch -2024- - bản", "phu-luc-9"}
	if !slices.Equal(got, want) {
		t.Errorf("sheet names\n%q\nwant\n%q", got, want)
	}
}

// TestDeterministic: the same plan gives the same bytes, every time.
func TestDeterministic(t *testing.T) {
	for _, file := range planFiles(t) {
		t.Run(file, func(t *testing.T) {
			p := loadFile(t, file)
			first, _ := export(t, p, Options{})
			for range 3 {
				if again, _ := export(t, loadFile(t, file), Options{}); !bytes.Equal(first, again) {
					t.Fatal("two exports of the same plan differ")
				}
			}
		})
	}
}

func TestCellNumber(t *testing.T) {
	tests := []struct {
		in    string
		want  float64
		exact bool
	}{
		{"12.9045", 12.9045, true}, {"2.0", 2, true}, {"0.1", 0.1, true}, {"-0.5", -0.5, true},
		{"85.415", 85.415, true}, {"123456789012345", 123456789012345, true},
		{"1234567890123456", 0, false}, {"0.12345678901234567", 0, false},
	}
	for _, tt := range tests {
		got, exact := cellNumber(mustDec(tt.in))
		if exact != tt.exact || exact && got != tt.want {
			t.Errorf("cellNumber(%s) = %v, %v", tt.in, got, exact)
		}
	}
	for in, want := range map[string]string{"2": "0", "2.0": "0.0", "1.5": "0.0", "12.9045": "0.0000"} {
		if got := numFmt(mustDec(in), false); got != want {
			t.Errorf("numFmt(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestRomanLetterJoin(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 1990: "MCMXC"} {
		if got := roman(n); got != want {
			t.Errorf("roman(%d) = %q", n, got)
		}
	}
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 28: "AB"} {
		if got := letter(n); got != want {
			t.Errorf("letter(%d) = %q", n, got)
		}
	}
}

// TestJoinList: each list style prints as the sources print it.
func TestJoinList(t *testing.T) {
	list := func(vs ...string) []plan.Text {
		var out []plan.Text
		for _, v := range vs {
			out = append(out, txtv(v))
		}
		return out
	}
	tests := []struct {
		name  string
		list  []plan.Text
		style string
		want  string
	}{
		{"bullets", list("a", " ", "b"), plan.StyleBullets, "- a\n- b"},
		{"one entry", list("one"), plan.StyleBullets, "one"},
		{"one entry keeps its sub-points", list("Sở Tài chính: + Hướng dẫn. + Kiểm tra."), plan.StyleBullets, "Sở Tài chính: + Hướng dẫn. + Kiểm tra."},
		{"sub-points under their point", list("Sở Tài chính: + Hướng dẫn. + Kiểm tra.", "Các sở"), plan.StyleBullets,
			"- Sở Tài chính:\n+ Hướng dẫn.\n+ Kiểm tra.\n- Các sở"},
		{"a plus inside a sentence", list("PAR INDEX + lower", "b"), plan.StyleBullets, "- PAR INDEX + lower\n- b"},
		{"lines", list("a + B", "c"), plan.StyleLines, "a\n+ B\nc"},
		{"plus with a lead-in", list("cụ thể như sau:", "Rà soát;", "Theo dõi."), plan.StylePlus, "cụ thể như sau:\n+ Rà soát;\n+ Theo dõi."},
		{"semicolons", list("Các sở, ban, ngành", "UBND cấp huyện", "các đơn vị có liên quan"), plan.StyleSemicolons,
			"Các sở, ban, ngành; UBND cấp huyện; các đơn vị có liên quan"},
		{"semicolons after a semicolon", list("a;", "b"), plan.StyleSemicolons, "a; b"},
		{"empty", list(" "), plan.StylePlus, ""},
	}
	for _, tt := range tests {
		if got := joinList(tt.list, tt.style); got != tt.want {
			t.Errorf("%s: joinList = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestWrappedLines: line counts as LibreOffice 7.4 lays the texts out
// (each measured with internal/xlsx/testdata/loheights.py's OptimalHeight).
func TestWrappedLines(t *testing.T) {
	long := "Các sở, ban, ngành; UBND cấp huyện; các đơn vị có liên quan"
	tests := []struct {
		name  string
		s     string
		width float64 // Excel width units
		want  int
	}{
		{"empty", "", 20, 1},
		{"short", "Sở Nội vụ", 20, 1},
		{"wide", long, 70, 1},
		{"wrapped", long, 20, 4},
		{"narrow", long, 10, 9},
		{"lines", "- a\n- b\n- c", 20, 3},
		{"long word", "Mộtchữrấtdàikhôngcókhoảngtrắng", 5, 8},
		{"hyphens", "UBND-huyện-thành-phố-các-sở", 12, 4},
		{"long word at slashes", "Sở/Ban/Ngành/UBND/huyện", 12, 4},
		{"no break at a slash", "aaaaaaaaaaaaaaa Sở/Ban", 20, 2},
		{"no break after a capital's hyphen", "aaaaaaaaaaaaaaaa NĐ-CP", 20, 2},
		{"break after a digit's hyphen", "aaaaaaaaaaaaaaa 12-CPCP", 20, 2},
		{"number and slashes", "aaaaaaa 143/2020/NĐ-CP", 20, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wrappedLines(tt.s, columnPoints(tt.width), 12, false); got != tt.want {
				t.Errorf("wrappedLines(%q, %v) = %d, want %d", tt.s, tt.width, got, tt.want)
			}
		})
	}
}

// TestLayoutInference: an appendix that names no layout is printed in the
// one its items suggest, with the baseline year defaulting to the year
// before the plan's.
func TestLayoutInference(t *testing.T) {
	tests := []struct {
		name, items, want string
	}{
		{"scores", `      - {code: "1", name: A, max: 2, achieved: 2, target: 2}` + "\n", "scored"},
		{"products", `      - {code: "1", name: A, products: [Báo cáo]}` + "\n", "deliverables"},
		{"targets", `      - {code: "1", name: A, target_text: Tăng 2%}` + "\n", "targets"},
		{"tasks", `      - {code: "1", name: A, lead: [Sở Nội vụ]}` + "\n", "tasks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(minimal("x", tt.items), "    layout: x\n", "", 1)
			src = strings.Replace(src, " baseline_year: 2023,", "", 1)
			p := loadData(t, "i.yaml", []byte(src))
			tab, ds := buildTable(p, p.Appendices[0])
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			if tab.layout.ID != tt.want {
				t.Errorf("layout %s, want %s", tab.layout.ID, tt.want)
			}
			if tt.want == "scored" && tab.cols[3].Label != "Điểm đạt được năm 2023" {
				t.Errorf("achieved column %q: the baseline year is the year before 2024", tab.cols[3].Label)
			}
		})
	}
}
