package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// appendix writes a sheet laid out as provinces lay out an appendix:
// the agency and the national motto, label, title and "(Kèm theo …)"
// line, a two-row header with a merged group, a row of column numbers,
// data rows (multi-line cells, codes as text and as numbers, a decimal
// comma typed as text, a single-cell group title, an empty row, a
// vertically merged code), the total, a note and the signatures.
func appendix(b *builder, name string) {
	b.newSheet(name)
	b.set("A1", "UBND TỈNH ĐẮK LẮK")
	b.merge("A1", "B1")
	b.set("D1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	b.merge("D1", "E1")
	b.set("A2", v{"Phụ lục 01", "b"})
	b.set("A3", v{"BỘ TIÊU CHÍ ĐÁNH GIÁ   CHUYỂN ĐỔI SỐ", "b"})
	b.merge("A3", "E3")
	b.set("A4", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 01/02/2025 của UBND tỉnh)")
	b.merge("A4", "E4")
	b.row(6, v{"STT", "b"}, v{"Tiêu chí", "b"}, v{"Điểm", "b"}, nil, v{"Ghi chú", "b"})
	b.row(7, nil, nil, v{"Điểm chuẩn", "b"}, v{"Điểm tự chấm", "b"})
	b.merge("A6", "A7")
	b.merge("B6", "B7")
	b.merge("C6", "D6")
	b.merge("E6", "E7")
	b.row(8, 1, 2, 3, 4, 5)
	b.row(9, "I", "Nhóm tiêu chí\n  quản   lý", v{30.0, "n=2"})
	b.row(10, "1.10", norm.NFD.String("Tiêu chí có   khoảng trắng"), v{12.9045, "f=0.000"}, "12,5", "Kèm theo\r\n\r\nphụ lục ")
	b.set("B11", "Nhóm tiêu chí 2")
	b.merge("B11", "E11")
	b.row(12, v{1.1, "f=0.00"}, "Tiêu chí dạng số", v{1.005, "f=0.00"}, v{7.25, "f=0.0"})
	b.row(14, 2, "a", 5, 4.5)
	b.row(15, nil, "b", 6, 5.5)
	b.merge("A14", "A15")
	b.row(16, nil, v{"Tổng cộng", "b"}, v{100, "b"})
	b.set("A18", "Ghi chú: điểm tự chấm do đơn vị tự đánh giá.")
	b.merge("A18", "E18")
	b.set("B20", v{"NGƯỜI LẬP BIỂU", "b"})
	b.set("D20", v{"THỦ TRƯỞNG ĐƠN VỊ", "b"})
}

// appendixDump is appendix's sheet as ReadXLSX reads it.
const appendixDump = `
	  before 1: UBND TỈNH ĐẮK LẮK CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	  before 2 bold: Phụ lục 01
	  before 3 bold: BỘ TIÊU CHÍ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ
	  before 4: (Kèm theo Quyết định số 12/QĐ-UBND ngày 01/02/2025 của UBND tỉnh)
	  row 6: *STT | *Tiêu chí | *Điểm | *>Điểm | *Ghi chú
	  row 7: *^STT | *^Tiêu chí | *Điểm chuẩn | *Điểm tự chấm | *^Ghi chú
	  row 8: #1 | #2 | #3 | #4 | #5
	  row 9: I | Nhóm tiêu chí⏎quản lý | #30.00=30 | · | ·
	  row 10: 1.10 | Tiêu chí có khoảng trắng | #12.905=12.9045 | 12,5 | Kèm theo⏎phụ lục
	  row 11: · | Nhóm tiêu chí 2 | >Nhóm tiêu chí 2 | >Nhóm tiêu chí 2 | >Nhóm tiêu chí 2
	  row 12: #1.10=1.1 | Tiêu chí dạng số | #1.01=1.005 | #7.3=7.25 | ·
	  row 13: · | · | · | · | ·
	  row 14: #2 | a | #5 | #4.5 | ·
	  row 15: #^2 | b | #6 | #5.5 | ·
	  row 16: · | *Tổng cộng | *#100 | · | ·
	  after 18: Ghi chú: điểm tự chấm do đơn vị tự đánh giá.
	  after 20 bold: NGƯỜI LẬP BIỂU THỦ TRƯỞNG ĐƠN VỊ
`

// bordered writes a small table drawn with borders, in which an empty
// row is followed by a group's title: without the borders that gap ends
// the table (see the case that removes them).
func bordered(b *builder, borders bool) {
	B := func(spec string) string {
		if borders {
			return strings.TrimSpace(spec + " B")
		}
		return spec
	}
	b.set("A1", v{"Phụ lục 02", "b"})
	b.set("A2", "DANH MỤC")
	b.merge("A2", "D2")
	if borders {
		b.styleRange("A3", "D8", "B")
	}
	b.row(3, v{"STT", B("b")}, v{"Nội dung", B("b")}, v{"Điểm", B("b")}, v{"Ghi chú", B("b")})
	b.row(4, v{"A", B("")}, v{"Nhóm A", B("")}, v{10, B("")})
	b.set("B6", v{"Nhóm B", B("")})
	b.merge("B6", "D6")
	b.row(7, v{"1", B("")}, v{"Tiêu chí B1", B("")}, v{5, B("")})
	b.set("A8", v{"Tổng", B("b")})
	b.merge("A8", "B8")
	b.set("C8", v{15, B("b")})
	b.row(10, "Người lập", nil, "Thủ trưởng")
}

func TestReadXLSX(t *testing.T) {
	tests := []struct {
		name  string
		build func(b *builder)
		sheet string
		want  string // dump of the document
	}{
		{
			name:  "appendix",
			build: func(b *builder) { appendix(b, "Phụ lục 01") },
			want:  `table 1 "Phụ lục 01"` + appendixDump,
		},
		{
			name: "title and print titles",
			build: func(b *builder) {
				b.check(b.f.SetDocProps(&excelize.DocProperties{Title: "  Bộ   tiêu chí  "}))
				b.row(1, "Tiêu đề")
				b.row(2, "STT", "Nội dung", "Điểm")
				b.row(3, "(1)", "(2)", "(3)")
				b.row(4, "1", "Một", 2.5)
				b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
					RefersTo: "Sheet1!$2:$3", Scope: "Sheet1"}))
			},
			want: `
				title: Bộ tiêu chí
				table 1 "Sheet1"
				  before 1: Tiêu đề
				  row 2 header: STT | Nội dung | Điểm
				  row 3 header: (1) | (2) | (3)
				  row 4: 1 | Một | #2.5
			`,
		},
		{
			name: "number formats",
			build: func(b *builder) {
				b.row(1, "Định dạng", "Ô", "Ghi chú")
				for i, c := range []struct {
					label string
					val   any
				}{
					{"0.0", v{12.9045, "f=0.0"}},
					{"0.000", v{12.9045, "f=0.000"}},
					{"0.0000", v{12.9045, "f=0.0000"}},
					{"0.00", v{12.9045, "f=0.00"}},
					{"0", v{12.9045, "f=0"}},
					{"General", 12.9045},
					{"@ on a number", v{12.9045, "f=@"}},
					{"text", "12.9045"},
					{"0.00 half", v{1.005, "f=0.00"}},
					{"0.00 17 digits", v{stored("1.0049999999999999"), "f=0.00"}},
					{"0.00 negative zero", v{-0.001, "f=0.00"}},
					{"0.00 negative", v{-2.345, "f=0.00"}},
					{"#,##0.00", v{1234567.891, "f=#,##0.00"}},
					{"0.0%", v{0.12345, "f=0.0%"}},
					{"built-in 0.00", v{2.5, "n=2"}},
					{"built-in 0", v{2.5, "n=1"}},
					{"date", v{45658, "f=dd/mm/yyyy"}},
				} {
					b.row(i+2, c.label, c.val, "x")
				}
			},
			want: `
				table 1 "Sheet1"
				  row 1: Định dạng | Ô | Ghi chú
				  row 2: 0.0 | #12.9=12.9045 | x
				  row 3: 0.000 | #12.905=12.9045 | x
				  row 4: 0.0000 | #12.9045 | x
				  row 5: 0.00 | #12.90=12.9045 | x
				  row 6: 0 | #13=12.9045 | x
				  row 7: General | #12.9045 | x
				  row 8: @ on a number | #12.9045 | x
				  row 9: text | 12.9045 | x
				  row 10: 0.00 half | #1.01=1.005 | x
				  row 11: 0.00 17 digits | #1.01=1.0049999999999999 | x
				  row 12: 0.00 negative zero | #-0.00=-0.001 | x
				  row 13: 0.00 negative | #-2.35=-2.345 | x
				  row 14: #,##0.00 | #1,234,567.89=1234567.891 | x
				  row 15: 0.0% | #12.3%=0.12345 | x
				  row 16: built-in 0.00 | #2.50=2.5 | x
				  row 17: built-in 0 | #3=2.5 | x
				  row 18: date | #01/01/2025=45658 | x
			`,
		},
		{
			name:  "borders mark the table",
			build: func(b *builder) { bordered(b, true) },
			want: `
				table 1 "Sheet1"
				  before 1 bold: Phụ lục 02
				  before 2: DANH MỤC
				  row 3: *STT | *Nội dung | *Điểm | *Ghi chú
				  row 4: A | Nhóm A | #10 | ·
				  row 5: · | · | · | ·
				  row 6: · | Nhóm B | >Nhóm B | >Nhóm B
				  row 7: 1 | Tiêu chí B1 | #5 | ·
				  row 8: *Tổng | *>Tổng | *#15 | ·
				  after 10: Người lập Thủ trưởng
			`,
		},
		{
			name:  "without borders an empty row then a single cell ends the table",
			build: func(b *builder) { bordered(b, false) },
			want: `
				table 1 "Sheet1"
				  before 1 bold: Phụ lục 02
				  before 2: DANH MỤC
				  row 3: *STT | *Nội dung | *Điểm | *Ghi chú
				  row 4: A | Nhóm A | #10 | ·
				  after 6: Nhóm B
				  after 7: 1 Tiêu chí B1 5
				  after 8 bold: Tổng 15
				  after 10: Người lập Thủ trưởng
			`,
		},
		{
			name: "borders on the header only say nothing",
			build: func(b *builder) {
				b.row(1, v{"STT", "B"}, v{"Nội dung", "B"}, v{"Điểm", "B"})
				b.row(2, "1", "Một", 1)
				b.row(3, nil, "Nhóm 2")
				b.row(4, "2", "Hai", 2)
			},
			want: `
				table 1 "Sheet1"
				  row 1: STT | Nội dung | Điểm
				  row 2: 1 | Một | #1
				  row 3: · | Nhóm 2 | ·
				  row 4: 2 | Hai | #2
			`,
		},
		{
			name: "two empty rows end the table",
			build: func(b *builder) {
				b.row(1, "STT", "Nội dung", "Điểm")
				b.row(2, "1", "Một", 1)
				b.row(5, "2", "Hai", 2)
			},
			want: `
				table 1 "Sheet1"
				  row 1: STT | Nội dung | Điểm
				  row 2: 1 | Một | #1
				  after 5: 2 Hai 2
			`,
		},
		{
			name: "columns next to the header's join the table",
			build: func(b *builder) {
				b.row(1, "STT", "Nội dung", "Điểm")
				b.row(2, "1", "Một", 1, "ghi chú")
				b.row(3, "2", "Hai", 2, nil, nil, "nháp")
			},
			want: `
				table 1 "Sheet1"
				  row 1: STT | Nội dung | Điểm | ·
				  row 2: 1 | Một | #1 | ghi chú
				  row 3: 2 | Hai | #2 | ·
			`,
		},
		{
			name: "widest block when no row looks like a header",
			build: func(b *builder) {
				b.row(1, "Mã", "Tên")
				b.row(2, "a", "b")
				b.row(5, 1, 2, 3)
				b.row(6, 4, 5, 6)
				b.row(8, 7, 8, 9)
			},
			want: `
				table 1 "Sheet1"
				  before 1: Mã Tên
				  before 2: a b
				  row 5: #1 | #2 | #3
				  row 6: #4 | #5 | #6
				  row 7: · | · | ·
				  row 8: #7 | #8 | #9
			`,
		},
		{
			name: "a merged range hides what its other cells hold",
			build: func(b *builder) {
				// excelize clears the cells it merges; Excel files may not.
				b.part("xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
					`<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c><c r="C1" t="inlineStr"><is><t>Điểm</t></is></c></row>`+
					`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Một</t></is></c><c r="C2"><v>10</v></c></row>`+
					`<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>Hai</t></is></c><c r="C3"><v>99</v></c></row>`+
					`</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells></worksheet>`)
			},
			want: `
				table 1 "Sheet1"
				  row 1: STT | Nội dung | Điểm
				  row 2: #1 | Một | #10
				  row 3: #2 | Hai | #^10
			`,
		},
		{
			name: "two sheets, a sheet of text and a hidden sheet",
			build: func(b *builder) {
				appendix(b, "Phụ lục 01")
				b.newSheet("Ghi chú")
				b.row(1, "Chỉ một dòng chữ")
				b.newSheet("Phụ lục 02")
				bordered(b, true)
				b.newSheet("DM")
				b.row(1, "Mã", "Tên", "Loại")
				b.row(2, "x", "y", "z")
				b.check(b.f.SetSheetVisible("DM", false))
			},
			want: `table 1 "Phụ lục 01"` + appendixDump + `
				table 3 "Phụ lục 02"
				  before 1 bold: Phụ lục 02
				  before 2: DANH MỤC
				  row 3: *STT | *Nội dung | *Điểm | *Ghi chú
				  row 4: A | Nhóm A | #10 | ·
				  row 5: · | · | · | ·
				  row 6: · | Nhóm B | >Nhóm B | >Nhóm B
				  row 7: 1 | Tiêu chí B1 | #5 | ·
				  row 8: *Tổng | *>Tổng | *#15 | ·
				  after 10: Người lập Thủ trưởng
			`,
		},
		{
			name: "a sheet named, in another case and normal form",
			build: func(b *builder) {
				appendix(b, "Phụ lục 01")
				b.newSheet("Phụ lục 02")
				bordered(b, true)
			},
			sheet: norm.NFD.String("PHỤ LỤC 02"),
			want: `
				table 2 "Phụ lục 02"
				  before 1 bold: Phụ lục 02
				  before 2: DANH MỤC
				  row 3: *STT | *Nội dung | *Điểm | *Ghi chú
				  row 4: A | Nhóm A | #10 | ·
				  row 5: · | · | · | ·
				  row 6: · | Nhóm B | >Nhóm B | >Nhóm B
				  row 7: 1 | Tiêu chí B1 | #5 | ·
				  row 8: *Tổng | *>Tổng | *#15 | ·
				  after 10: Người lập Thủ trưởng
			`,
		},
		{
			name: "a hidden sheet named",
			build: func(b *builder) {
				b.row(1, "x")
				b.newSheet("DM")
				b.row(1, "Mã", "Tên", "Loại")
				b.row(2, "x", "y", "z")
				b.check(b.f.SetSheetVisible("DM", false))
			},
			sheet: "DM",
			want: `
				table 2 "DM"
				  row 1: Mã | Tên | Loại
				  row 2: x | y | z
			`,
		},
		{
			name:  "empty workbook",
			build: func(b *builder) {},
		},
		{
			name:  "a line of text is not a table",
			build: func(b *builder) { b.row(1, "STT", "Nội dung", "Điểm") },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := book(t, tt.build)
			doc, err := ReadXLSX(bytes.NewReader(data), tt.sheet, DefaultXLSXLimits)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := dumpXLSX(doc), dedent(tt.want); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestNumberFormatDisplay(t *testing.T) {
	tests := []struct {
		name, code, raw string
		want            string // "" when excelize's rendering should stand
	}{
		{name: "half up", code: "0.00", raw: "2.675", want: "2.68"},
		{name: "half away from zero", code: "0", raw: "-0.5", want: "-1"},
		{name: "carry", code: "0.00", raw: "999.995", want: "1000.00"},
		{name: "pads", code: "0.000", raw: "3", want: "3.000"},
		{name: "15 significant digits", code: "0.000", raw: "0.30000000000000004", want: "0.300"},
		{name: "thousands", code: "#,##0.0", raw: "-1234567.45", want: "-1,234,567.5"},
		{name: "thousands, short", code: "#,##0", raw: "999", want: "999"},
		{name: "percent", code: "0.00%", raw: "0.1", want: "10.00%"},
		{name: "exponent", code: "0.00", raw: "1E-5"},
		{name: "General", code: "General", raw: "1.5"},
		{name: "date", code: "dd/mm/yyyy", raw: "45658"},
		{name: "text section", code: `0.00;-0.00;0;"x"@`, raw: "1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseNumberFormat(0, &tt.code).display(tt.raw)
			if !ok {
				got = ""
			}
			if got != tt.want {
				t.Errorf("%s shown with %s: %q, want %q", tt.raw, tt.code, got, tt.want)
			}
		})
	}
}

// TestReadXLSXCells checks the fields the dump leaves out: every row has
// one cell per column, and a cell's Paras are its Text's lines.
func TestReadXLSXCells(t *testing.T) {
	doc, err := ReadXLSX(bytes.NewReader(book(t, func(b *builder) { appendix(b, "P") })), "", XLSXLimits{})
	if err != nil {
		t.Fatal(err)
	}
	tab := doc.Tables[0]
	for _, r := range tab.Rows {
		if len(r.Cells) != 5 {
			t.Errorf("row %d: %d cells, want 5", r.Line, len(r.Cells))
		}
		for _, c := range r.Cells {
			if strings.Join(c.Paras, "\n") != c.Text {
				t.Errorf("row %d: Paras %q, Text %q", r.Line, c.Paras, c.Text)
			}
			if !norm.NFC.IsNormalString(c.Text) {
				t.Errorf("row %d: %q is not NFC", r.Line, c.Text)
			}
		}
	}
	// Row 10, the table's fifth row, ends with a cell of two lines.
	if got, want := tab.Rows[4].Cells[4].Paras, []string{"Kèm theo", "phụ lục"}; !slices.Equal(got, want) {
		t.Errorf("multi-line cell: Paras %q, want %q", got, want)
	}
}

func TestReadXLSXErrors(t *testing.T) {
	small := func(b *builder) {
		for i := 1; i <= 30; i++ {
			b.row(i, "STT", "Nội dung khá dài cho dễ nén", i)
		}
	}
	smallBook := book(t, small)
	encrypted := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		b := &builder{t: t, f: f, sheet: "Sheet1", styles: map[string]int{}}
		small(b)
		name := filepath.Join(t.TempDir(), "mật khẩu.xlsx")
		b.check(f.SaveAs(name, excelize.Options{Password: "bí mật"}))
		data, err := os.ReadFile(name)
		b.check(err)
		return data
	}()
	ole := append(slices.Clone(oleMagic), make([]byte, 504)...)
	tests := []struct {
		name  string
		data  []byte
		sheet string
		lim   XLSXLimits
		want  error // matched with errors.Is, or errors.As for a pointer type
	}{
		{name: "not a zip", data: []byte("STT;Nội dung;Điểm\n"), want: ErrNotXLSX},
		{name: "empty file", data: nil, want: ErrNotXLSX},
		{name: "a zip without a workbook", data: zipOf(t, map[string]string{"a.txt": "x"}), want: ErrNotXLSX},
		{name: "a Word file", data: zipOf(t, map[string]string{
			"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
			"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
		}), want: ErrNotXLSX},
		{name: "xls", data: ole, want: ErrLegacyXLS},
		{name: "OLE2 with EncryptedPackage", data: append(slices.Clone(ole), utf16le("EncryptedPackage")...), want: ErrEncrypted},
		{name: "saved with a password", data: encrypted, want: ErrEncrypted},
		{name: "unknown sheet", data: book(t, func(b *builder) {
			appendix(b, "Phụ lục 01")
			b.newSheet("Ghi chú")
			b.newSheet("DM")
			b.check(b.f.SetSheetVisible("DM", false))
		}), sheet: "Phụ lục 9",
			want: &NoSuchSheetError{Name: "Phụ lục 9", Sheets: []string{"Phụ lục 01", "Ghi chú", "DM"}}},
		{name: "file too large", data: smallBook, lim: XLSXLimits{MaxBytes: int64(len(smallBook)) - 1},
			want: &LimitError{What: TooLargeBytes, Limit: int64(len(smallBook)) - 1}},
		{name: "unzipped too large", data: smallBook, lim: XLSXLimits{MaxBytes: int64(len(smallBook)) + 1},
			want: &LimitError{What: TooLargeBytes, Limit: int64(len(smallBook)) + 1}},
		{name: "too many rows", data: smallBook, lim: XLSXLimits{MaxRows: 29},
			want: &LimitError{What: TooLargeRows, Limit: 29, Sheet: "Sheet1"}},
		{name: "too many columns", data: book(t, func(b *builder) { b.set("GT1", "x") }),
			want: &LimitError{What: TooLargeColumns, Limit: 200, Sheet: "Sheet1"}},
		{name: "too many cells", data: smallBook, lim: XLSXLimits{MaxCells: 89},
			want: &LimitError{What: TooLargeCells, Limit: 89, Sheet: "Sheet1"}},
		{name: "table too large", data: book(t, func(b *builder) {
			b.row(1, "STT", "Nội dung", "Điểm")
			b.row(2, "1")
			b.set("H2", "x")
			b.row(3, "2", "Hai")
		}), lim: XLSXLimits{MaxCells: 8},
			want: &LimitError{What: TooLargeCells, Limit: 8, Sheet: "Sheet1"}},
		{name: "broken sheet", data: replacePart(t, smallBook, "xl/worksheets/sheet1.xml",
			`<worksheet><sheetData><row r="x"></row></sheetData></worksheet>`),
			want: &WorkbookError{Part: "xl/worksheets/sheet1.xml"}},
		{name: "rows out of order", data: replacePart(t, smallBook, "xl/worksheets/sheet1.xml",
			`<worksheet><sheetData><row r="2"></row><row r="1"></row></sheetData></worksheet>`),
			want: &WorkbookError{Part: "xl/worksheets/sheet1.xml"}},
		{name: "broken XML", data: replacePart(t, smallBook, "xl/worksheets/sheet1.xml", `<worksheet><sheetData>`),
			want: &WorkbookError{Part: "xl/worksheets/sheet1.xml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadXLSX(bytes.NewReader(tt.data), tt.sheet, tt.lim)
			if err == nil {
				t.Fatalf("no error; read %s", dumpXLSX(doc))
			}
			switch want := tt.want.(type) {
			case *NoSuchSheetError:
				var got *NoSuchSheetError
				if !errors.As(err, &got) || got.Name != want.Name || !slices.Equal(got.Sheets, want.Sheets) {
					t.Errorf("error %#v, want %#v", err, want)
				}
			case *LimitError:
				var got *LimitError
				if !errors.As(err, &got) || *got != *want {
					t.Errorf("error %#v, want %#v", err, want)
				}
			case *WorkbookError:
				var got *WorkbookError
				if !errors.As(err, &got) || got.Part != want.Part {
					t.Errorf("error %v, want a malformed %s", err, want.Part)
				}
			default:
				if !errors.Is(err, want) {
					t.Errorf("error %v, want %v", err, want)
				}
			}
		})
	}
}

// TestReadXLSXHugeSheet: a sheet of a million rows is refused after
// MaxRows rows, before excelize unzips it.
func TestReadXLSXHugeSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a sheet of a million rows")
	}
	name := hugeBook(t, 1_000_000, 1)
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = ReadXLSX(f, "", DefaultXLSXLimits)
	var tl *LimitError
	if !errors.As(err, &tl) || tl.What != TooLargeRows || tl.Limit != int64(DefaultXLSXLimits.MaxRows) {
		t.Fatalf("error %v, want too many rows", err)
	}
}

// hugeBook writes a workbook of rows rows, a header and rows-1 data rows,
// with excelize's stream writer and returns its path. The rows have four
// cells, or only the first when cols is 1 (it writes four times faster).
func hugeBook(t testing.TB, rows, cols int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	score, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"STT", "Mã", "Tiêu chí", "Điểm"}); err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		row := []any{i - 1, "1." + string(rune('0'+i%10)), "Tiêu chí số", excelize.Cell{StyleID: score, Value: float64(i%100) / 4}}
		if err := sw.SetRow(cell, row[:cols]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "huge.xlsx")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	return name
}

// BenchmarkReadXLSX reads a 10,000-row table.
func BenchmarkReadXLSX(b *testing.B) {
	data, err := os.ReadFile(hugeBook(b, 10_001, 4))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		doc, err := ReadXLSX(bytes.NewReader(data), "", DefaultXLSXLimits)
		if err != nil || len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 10_001 {
			b.Fatalf("%v %v", doc, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10_001), "ns/row")
}

// BenchmarkReadXLSXRefused measures how soon a sheet of a million rows
// is refused.
func BenchmarkReadXLSXRefused(b *testing.B) {
	data, err := os.ReadFile(hugeBook(b, 1_000_000, 4))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadXLSX(bytes.NewReader(data), "", DefaultXLSXLimits); err == nil {
			b.Fatal("read")
		}
	}
}

// zipOf returns a zip holding files.
func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// replacePart returns a copy of the zip data with one part's content
// replaced.
func replacePart(t testing.TB, data []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(b)
	}
	files[name] = content
	return zipOf(t, files)
}
