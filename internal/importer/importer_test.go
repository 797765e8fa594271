package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// table builds a Table from rows of cell texts: "^" repeats the cell above
// (a vertical merge), "<" the cell to the left (a horizontal one); lines
// of a cell are separated by "\n".
func table(rows ...[]string) *Table {
	t := &Table{Index: 1}
	for i, r := range rows {
		row := Row{Line: i + 1}
		for j, c := range r {
			cell := Cell{}
			switch c {
			case "^":
				cell = t.Rows[i-1].Cells[j]
				cell.Spread, cell.SpreadDown = true, true
			case "<":
				cell = row.Cells[j-1]
				cell.Spread, cell.SpreadDown = true, false
			default:
				cell.Text = c
				for _, l := range strings.Split(c, "\n") {
					if l != "" {
						cell.Paras = append(cell.Paras, l)
					}
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func paras(lines ...string) []Para {
	var out []Para
	for i, l := range lines {
		out = append(out, Para{Text: l, Line: i + 1})
	}
	return out
}

func TestImportScored(t *testing.T) {
	tb := table(
		[]string{"STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm theo bộ tiêu chí", "Điểm đạt được năm 2023", "Mục tiêu năm 2024", "Nhiệm vụ, giải pháp", "Trách nhiệm thực hiện", "<", "Ghi chú"},
		[]string{"^", "^", "^", "^", "^", "^", "Chủ trì", "Phối hợp", "^"},
		[]string{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"},
		[]string{"1", "CÔNG TÁC CHỈ ĐẠO", "9,5", "9,45", "9,45", "", "", "", ""},
		[]string{"1.1", "Thực hiện kế hoạch CCHC", "1,5", "1.5", "1,5", "- Việc một;\n- Việc hai.", "Giám đốc Sở Nội vụ", "Các sở, ban, ngành; UBND cấp huyện", ""},
		[]string{"1.2", "Báo cáo định kỳ", "0,5", "0,5", "0,5", "Báo cáo đúng hạn", "^", "^", ""},
		[]string{"", "", "", "", "", "+ ý phụ", "", "", ""},
		[]string{"2", "CẢI CÁCH THỂ CHẾ", "10", "9,1", "9,3", "", "", "", ""},
		[]string{"2.1", "Theo dõi thi hành pháp luật", "3", "3", "3", "", "Sở Tư pháp", "", ""},
		[]string{"2.1.1", "Hoạt động theo dõi", "2", "2", "2", "Làm", "Sở Tư pháp", "", ""},
		[]string{"", "TỔNG ĐIỂM", "19,5", "18,55", "18,75", "", "", "", ""},
	)
	tb.Before = paras("Phụ lục 01", "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP", "CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2024",
		"(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND tỉnh Đắk Nông)")
	res, err := Import(&Document{Tables: []*Table{tb}}, Options{Source: "pl.docx"})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Plan
	m := p.Meta
	if m.Number.Value != "475/KH-UBND" || m.Date.Value != "2024-07-18" || m.Issuer.Value != "UBND tỉnh Đắk Nông" ||
		m.Document.Value != "Kế hoạch" || m.Year.Value != 2024 || m.BaselineYear.Value != 2023 || m.ID.Value != "daknong-2024" ||
		m.CriteriaSet.Value != "bnv-876-2022" || m.Source.Value != "pl.docx" {
		t.Errorf("meta: %+v", m)
	}
	a := p.Appendices[0]
	if a.ID.Value != "phu-luc-01" || a.Label.Value != "Phụ lục 01" || a.Layout.Value != "scored" ||
		a.Title.Value != "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2024" {
		t.Errorf("appendix: id %q label %q layout %q title %q", a.ID.Value, a.Label.Value, a.Layout.Value, a.Title.Value)
	}
	if len(a.Columns) != 0 {
		t.Errorf("overrides: %+v", a.Columns[0])
	}
	if len(a.Items) != 2 || len(a.Items[0].Items) != 2 || len(a.Items[1].Items[0].Items) != 1 {
		t.Fatalf("tree: %d fields", len(a.Items))
	}
	i11 := a.Items[0].Items[0]
	if i11.Code.Value != "1.1" || i11.Scores.Max.Value.String() != "1.5" || i11.Scores.Achieved.Value.String() != "1.5" {
		t.Errorf("1.1: %+v", i11.Scores)
	}
	if got := texts(i11.Tasks); got != "Việc một;|Việc hai." {
		t.Errorf("tasks: %s", got)
	}
	if got := texts(i11.Support); got != "Các sở, ban, ngành|UBND cấp huyện" {
		t.Errorf("support: %s", got)
	}
	i12 := a.Items[0].Items[1]
	if texts(i12.Lead) != "Giám đốc Sở Nội vụ" || len(res.Items[i12]) == 0 {
		t.Errorf("1.2 lead %s (spread from the merged cell, with a comment %v)", texts(i12.Lead), res.Items[i12])
	}
	if got := texts(i12.Tasks); got != "Báo cáo đúng hạn + ý phụ" {
		t.Errorf("continued row: tasks %s", got)
	}
	if a.Total == nil || a.Total.Achieved.Value.String() != "18.55" {
		t.Errorf("total: %+v", a.Total)
	}
	if s := res.Tables[0]; s.Rows != 7 || s.Items != 6 || s.Spread != 1 || len(s.ByDepth) != 3 {
		t.Errorf("summary: %+v", s)
	}
}

func TestImportSections(t *testing.T) {
	tb := table(
		[]string{"TT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Mục tiêu, yêu cầu", "Cơ quan phụ trách", "Cơ quan phối hợp/thực hiện", "Thời gian thực hiện/hoàn thành"},
		[]string{"1", "2", "3", "4", "5", "6"},
		[]string{"I", "CÔNG TÁC CHỈ ĐẠO", "", "", "", ""},
		[]string{"1", "TC 1.1 - Thực hiện kế hoạch", "Đạt 100%", "Sở Nội vụ", "Các sở", "Năm 2023"},
		[]string{"2", "TCTP 1.3.1 - Tỷ lệ kiểm tra", "Tăng", "Sở Nội vụ", "", "Quý IV"},
		[]string{"II", "CẢI CÁCH THỂ CHẾ", "", "", "", ""},
		[]string{"1", "TC 2.4 - Chất lượng", "x", "Sở Tư pháp", "", ""},
		[]string{"TT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Mục tiêu, yêu cầu", "Cơ quan phụ trách", "Cơ quan phối hợp/thực hiện", "Thời gian thực hiện/hoàn thành"},
		[]string{"2", "TC 2.5 - Khác", "y", "Sở Tư pháp", "", ""},
	)
	res, err := Import(&Document{Tables: []*Table{tb}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Plan.Appendices[0]
	if a.Layout.Value != "targets" || len(a.Items) != 2 || len(a.Items[0].Items) != 2 || len(a.Items[1].Items) != 2 {
		t.Fatalf("layout %s, %d sections", a.Layout.Value, len(a.Items))
	}
	it := a.Items[0].Items[1]
	if it.Criterion.Value != "1.3.1" || it.Name.Value != "Tỷ lệ kiểm tra" || it.Code.Value != "2" || it.Deadline.Value != "Quý IV" {
		t.Errorf("item: code %q criterion %q name %q", it.Code.Value, it.Criterion.Value, it.Name.Value)
	}
	if res.Tables[0].Skipped != 1 {
		t.Errorf("the repeated header was not skipped: %+v", res.Tables[0])
	}
}

func TestLettersAndRomans(t *testing.T) {
	var q sequence
	var got []codeStyle
	for _, c := range []string{"A", "I", "1", "2", "II", "B", "I", "C", "I", "II", "III", "IV", "V", "D"} {
		got = append(got, q.style(c))
	}
	want := []codeStyle{styleLetter, styleRoman, styleNumber, styleNumber, styleRoman, styleLetter, styleRoman, styleLetter,
		styleRoman, styleRoman, styleRoman, styleRoman, styleRoman, styleLetter}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("code %d: got %d, want %d", i, got[i], want[i])
		}
	}
}

func TestNoLayout(t *testing.T) {
	tb := table([]string{"Cột A", "Cột B", "Cột C"}, []string{"1", "2", "3"})
	_, err := Import(&Document{Tables: []*Table{tb}}, Options{})
	nl, ok := err.(*NoLayoutError)
	if !ok || len(nl.Header) != 3 || len(nl.Closest) == 0 {
		t.Fatalf("err = %v", err)
	}
}

func texts(ts []plan.Text) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Value)
	}
	return strings.Join(s, "|")
}

// TestNumericCodes: a code a spreadsheet keeps as the number 1.1 but that
// follows 1.9 is 1.10.
func TestNumericCodes(t *testing.T) {
	tb := table(
		[]string{"STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Kết quả năm 2020", "Mục tiêu năm 2021", "Thời gian ban hành/ thực hiện", "Phân công trách nhiệm", "<"},
		[]string{"^", "^", "^", "^", "^", "^", "Chủ trì", "Phối hợp"},
	)
	add := func(code string, numeric bool) {
		row := Row{Line: len(tb.Rows) + 1}
		for j, v := range []string{code, "Tiêu chí " + code, "1", "1", "1", "", "Sở Nội vụ", ""} {
			c := Cell{Text: v, Paras: []string{v}}
			if j == 0 {
				c.Numeric = numeric
			}
			row.Cells = append(row.Cells, c)
		}
		tb.Rows = append(tb.Rows, row)
	}
	add("1", false)
	for i := 1; i <= 9; i++ {
		add(fmt.Sprintf("1.%d", i), i%2 == 0)
	}
	add("1.1", true) // 1.10, shown with the format 0.0
	add("1.11", false)
	res, err := Import(&Document{Tables: []*Table{tb}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	items := res.Plan.Appendices[0].Items[0].Items
	if len(items) != 11 || items[9].Code.Value != "1.10" || items[10].Code.Value != "1.11" || len(res.Items[items[9]]) == 0 {
		t.Fatalf("codes %q %q", items[9].Code.Value, items[10].Code.Value)
	}
	if res.Plan.Appendices[0].Layout.Value != "assignment" {
		t.Errorf("layout %s", res.Plan.Appendices[0].Layout.Value)
	}
}

// TestReferenceLine: the "(Kèm theo …)" line as the documents write it.
func TestReferenceLine(t *testing.T) {
	tests := []struct {
		line, doc, number, date, issuer string
	}{
		{"(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND tỉnh Đắk Nông)", "Kế hoạch", "475/KH-UBND", "2024-07-18", "UBND tỉnh Đắk Nông"},
		{"(Kèm theo Kế hoạch số 1908 /KH-UBND ngày 21/07/2023 của Ủy ban nhân dân tỉnh)", "Kế hoạch", "1908/KH-UBND", "2023-07-21", "Ủy ban nhân dân tỉnh"},
		{"(Ban hành kèm theo Quyết định số 751/QĐ-UBND ngày 26 tháng 12 năm 2020 của UBND tỉnh Gia Lai)", "Quyết định", "751/QĐ-UBND", "2020-12-26", "UBND tỉnh Gia Lai"},
	}
	for _, tt := range tests {
		tb := table(
			[]string{"TT", "Nội dung, nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"},
			[]string{"1", "Việc", "Báo cáo", "Sở Nội vụ", "", "Quý I"},
		)
		tb.Before = paras("Phụ lục", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", tt.line)
		res, err := Import(&Document{Tables: []*Table{tb}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := res.Plan.Meta
		if m.Document.Value != tt.doc || m.Number.Value != tt.number || m.Date.Value != tt.date || m.Issuer.Value != tt.issuer {
			t.Errorf("%s: %q %q %q %q", tt.line, m.Document.Value, m.Number.Value, m.Date.Value, m.Issuer.Value)
		}
	}
}

// TestImportListStyles: the importer keeps the form a list is written in:
// the column's usual form on the appendix, another form on the item.
func TestImportListStyles(t *testing.T) {
	tb := table(
		[]string{"STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm theo bộ tiêu chí", "Điểm đạt được năm 2023", "Mục tiêu năm 2024", "Nhiệm vụ, giải pháp", "Trách nhiệm thực hiện", "<", "Ghi chú"},
		[]string{"^", "^", "^", "^", "^", "^", "Chủ trì", "Phối hợp", "^"},
		[]string{"1", "CÔNG TÁC CHỈ ĐẠO", "3", "3", "3", "", "", "", ""},
		[]string{"1.1", "Kế hoạch", "1", "1", "1", "- Việc một;\n- Việc hai.", "Sở Nội vụ; Sở Tư pháp", "Các sở, ban, ngành; UBND cấp huyện", ""},
		[]string{"1.2", "Báo cáo", "1", "1", "1", "cụ thể như sau:\n+ Rà soát;\n+ Theo dõi.", "Sở Nội vụ", "Các sở; UBND cấp huyện; UBND cấp xã", ""},
		[]string{"1.3", "Kiểm tra", "1", "1", "1", "- Sở Tài chính:\n+ Hướng dẫn.\n+ Kiểm tra.\n- Các sở", "Sở Nội vụ", "- Văn phòng UBND tỉnh;\n- UBND cấp huyện", ""},
	)
	res, err := Import(&Document{Tables: []*Table{tb}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Plan.Appendices[0]
	if a.ListStyle == nil || a.ListStyle.Lead.Value != plan.StyleSemicolons || a.ListStyle.Support.Value != plan.StyleSemicolons || a.ListStyle.Tasks.Value != "" {
		t.Fatalf("appendix list style %+v", a.ListStyle)
	}
	i11, i12, i13 := a.Items[0].Items[0], a.Items[0].Items[1], a.Items[0].Items[2]
	if i11.ListStyle != nil {
		t.Errorf("1.1 list style %+v, want the appendix's", i11.ListStyle)
	}
	if got := texts(i12.Tasks); got != "cụ thể như sau:|Rà soát;|Theo dõi." {
		t.Errorf("1.2 tasks %s", got)
	}
	if i12.ListStyle == nil || i12.ListStyle.Tasks.Value != plan.StylePlus {
		t.Errorf("1.2 list style %+v, want tasks plus", i12.ListStyle)
	}
	if got := texts(i13.Tasks); got != "Sở Tài chính: + Hướng dẫn. + Kiểm tra.|Các sở" {
		t.Errorf("1.3 tasks %s (sub-points stay in their point)", got)
	}
	if i13.ListStyle == nil || i13.ListStyle.Support.Value != plan.StyleBullets || i13.ListStyle.Tasks.Value != "" {
		t.Errorf("1.3 list style %+v, want support bullets", i13.ListStyle)
	}
	enc := string(plan.Encode(res.Plan, "", plan.Comments{}))
	for _, want := range []string{"    list_style:\n      lead: semicolons\n      support: semicolons\n", "list_style:\n              tasks: plus\n"} {
		if !strings.Contains(enc, want) {
			t.Errorf("the plan file lacks %q", want)
		}
	}
}
