package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"
)

const stylesXML = `<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Plain"><w:rPr><w:b w:val="0"/></w:rPr></w:style>` +
	`</w:styles>`

const coreXML = `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
	` xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Kế hoạch  chuyển đổi số
 2025</dc:title><dc:creator>Sở TT&amp;TT</dc:creator></cp:coreProperties>`

// textBox is an anchored shape holding a paragraph, in the form Word
// writes it: a DrawingML choice and a VML fallback with the same text.
func textBox(s string) string {
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>` +
		p(s) + `</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
		p(s) + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

var readCases = []struct {
	name  string
	body  string
	extra []part
	want  string
}{
	{
		name: "two header rows: a gridSpan group over vMerged single headers",
		body: tbl(5,
			tr(header, tc(restart, "STT"), tc(restart, "Nội dung"), tc(gridSpanXML(2), "Kinh phí"), tc(restart, "Ghi chú")),
			tr(header, tc(cont), tc(cont), c("Tổng"), c("Trong đó NSTW"), tc(cont)),
			tr("", c("1"), c("Xây dựng"), c("10"), c("5"), c("")),
		),
		want: `table 1 (5 columns)
  row 1 header: STT | Nội dung | Kinh phí | >Kinh phí | Ghi chú
  row 2 header: ^STT | ^Nội dung | Tổng | Trong đó NSTW | ^Ghi chú
  row 3: 1 | Xây dựng | 10 | 5 | ∅
`,
	},
	{
		name: "tblHeader only where set, and off with w:val=0",
		body: tbl(2,
			tr(header, c("A"), c("B")),
			tr(`<w:tblHeader w:val="0"/>`, c("1"), c("2")),
			tr(`<w:cantSplit/>`, c("3"), c("4")),
		),
		want: `table 1 (2 columns)
  row 1 header: A | B
  row 2: 1 | 2
  row 3: 3 | 4
`,
	},
	{
		name: "vMerge continuing down data rows, over a spanned cell too",
		body: tbl(4,
			tr("", tc(restart, "I"), c("Nhóm A"), tc(restart+gridSpanXML(2), "Sở Nội vụ")),
			tr("", tc(cont), c("Nhóm B"), tc(cont+gridSpanXML(2))),
			tr("", tc(cont), c("Nhóm C"), c("x"), c("y")),
			tr("", c("II"), tc(cont), c("z"), tc(cont)),
		),
		want: `table 1 (4 columns)
  row 1: I | Nhóm A | Sở Nội vụ | >Sở Nội vụ
  row 2: ^I | Nhóm B | ^Sở Nội vụ | ^Sở Nội vụ
  row 3: ^I | Nhóm C | x | y
  row 4: II | ^∅ | z | ^∅
`,
	},
	{
		name: "nested table: its own Table after its parent, out of the parent cell's text",
		body: tbl(2,
			tr("", c("1"), tc("", "Trước", tbl(2, tr("", c("a"), c("b"))), "Sau")),
			tr("", c("2"), c("c")),
		) + tbl(1, tr("", c("cuối"))),
		want: `table 1 (2 columns)
  row 1: 1 | Trước⏎Sau
  row 2: 2 | c
table 2 (2 columns)
  before 1: Trước
  row 1: a | b
  after 2: Sau
table 3 (1 columns)
  row 1: cuối
`,
	},
	{
		name: "multi-paragraph cells: one Paras entry each, empty ones dropped, spaces collapsed",
		body: tbl(2, tr("",
			tc("", "Nhiệm vụ 1", emptyPar, para(run("", "  Nhiệm "), run("", "  vụ\t2  ")), para(run("", " "))),
			tc("", emptyPar),
		)),
		want: `table 1 (2 columns)
  row 1: Nhiệm vụ 1⏎Nhiệm vụ 2 | ∅
`,
	},
	{
		name: "bold: runs, spaces, w:val=0, paragraph and character styles, not the paragraph mark",
		body: tbl(7, tr("",
			tc("", para(run(bold, "Tổng"), run("", " "), run(bold, "cộng"))),
			tc("", para(run(bold, "Tổng"), run("", " cộng"))),
			tc("", para(run(notBold, "Tổng"))),
			tc("", `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>`+run("", "Mục I")+`</w:p>`),
			tc("", `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>`+run(`<w:rStyle w:val="Plain"/>`, "thường")+`</w:p>`),
			tc("", para(run(`<w:rStyle w:val="Strong"/>`, "đậm"))),
			tc("", `<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>`+run("", "dấu đoạn")+`</w:p>`),
		)) + pb("Ghi chú") + para(run(bold, "Nguồn: "), run("", "Sở")),
		extra: []part{{"word/styles.xml", stylesXML}},
		want: `table 1 (7 columns)
  row 1: *Tổng cộng | Tổng cộng | Tổng | *Mục I | thường | *đậm | dấu đoạn
  after 1: *Ghi chú
  after 2: Nguồn: Sở
`,
	},
	{
		name: "breaks and tabs inside a paragraph",
		body: tbl(1, tr("", tc("", para(run("", "Dòng 1"), `<w:r><w:br/><w:t>Dòng 2</w:t><w:cr/><w:tab/><w:t>Dòng  3</w:t><w:br/></w:r>`)))) +
			para(`<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>`),
		want: `table 1 (1 columns)
  row 1: Dòng 1⏎Dòng 2⏎Dòng 3
  after 1: a b
`,
	},
	{
		name: "decomposed Unicode becomes NFC",
		body: p("Tỉnh \u0110a\u0306\u0301k No\u0302ng") + tbl(1, tr("", c("\u0110a\u0306\u0301k No\u0302ng"))),
		want: `table 1 (1 columns)
  before 1: Tỉnh Đắk Nông
  row 1: Đắk Nông
`,
	},
	{
		name: "tracked changes: deleted and moved-away text out, inserted in; deleted rows out; field codes out",
		body: tbl(1,
			tr("", tc("", para(run("", "Kế hoạch "),
				`<w:del w:id="1" w:author="A"><w:r><w:delText>cũ</w:delText></w:r></w:del>`,
				`<w:ins w:id="2" w:author="A"><w:r><w:t>mới</w:t></w:r></w:ins>`,
				`<w:moveFrom w:id="3"><w:r><w:t> (chuyển)</w:t></w:r></w:moveFrom>`))),
			tr(`<w:del w:id="4" w:author="A"/>`, c("dòng đã xóa")),
			tr(`<w:ins w:id="5" w:author="A"/>`, tc("", para(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`,
				`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`,
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`, run("", "3"),
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>`))),
		),
		want: `table 1 (1 columns)
  row 1: Kế hoạch mới
  row 2: 3
`,
	},
	{
		name: "paragraphs around tables: label, title, (Kèm theo …), note; the next label starts the next Before",
		body: pb("Phụ lục 01") + pb("DANH MỤC NHIỆM VỤ") + p("(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2025)") + emptyPar +
			tbl(2, tr(header, c("STT"), c("Nhiệm vụ")), tr("", c("1"), c("Số hóa"))) +
			p("Ghi chú: kinh phí tính bằng triệu đồng.") + emptyPar +
			pb("PHỤ LỤC II") + pb("KINH PHÍ") +
			tbl(2, tr("", c("1"), c("2"))) +
			p("Phụ lục này gồm 3 trang.") + p("Nơi nhận: …"),
		want: `table 1 (2 columns)
  before 1: *Phụ lục 01
  before 2: *DANH MỤC NHIỆM VỤ
  before 3: (Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2025)
  row 1 header: STT | Nhiệm vụ
  row 2: 1 | Số hóa
  after 5: Ghi chú: kinh phí tính bằng triệu đồng.
table 2 (2 columns)
  before 5: Ghi chú: kinh phí tính bằng triệu đồng.
  before 7: *PHỤ LỤC II
  before 8: *KINH PHÍ
  row 1: 1 | 2
  after 9: Phụ lục này gồm 3 trang.
  after 10: Nơi nhận: …
`,
	},
	{
		name: "paragraphs between tables without a label belong to both",
		body: tbl(1, tr("", c("a"))) + p("Đơn vị: triệu đồng") + tbl(1, tr("", c("b"))),
		want: `table 1 (1 columns)
  row 1: a
  after 1: Đơn vị: triệu đồng
table 2 (1 columns)
  before 1: Đơn vị: triệu đồng
  row 1: b
`,
	},
	{
		name: "label without diacritics, lower case, right after the table",
		body: tbl(1, tr("", c("a"))) + p("phu luc so 2 - Danh muc") + tbl(1, tr("", c("b"))),
		want: `table 1 (1 columns)
  row 1: a
table 2 (1 columns)
  before 1: phu luc so 2 - Danh muc
  row 1: b
`,
	},
	{
		name: "gridBefore, gridAfter and short rows",
		body: tbl(4,
			tr(`<w:gridBefore w:val="1"/>`, c("a"), c("b"), c("c")),
			tr(`<w:gridAfter w:val="2"/>`, c("d"), c("e")),
			tr("", c("f")),
		),
		want: `table 1 (4 columns)
  row 1: ∅ | a | b | c
  row 2: d | e | ∅ | ∅
  row 3: f | ∅ | ∅ | ∅
`,
	},
	{
		name: "rows wider than the declared grid widen the table",
		body: tbl(2, tr("", c("a"), c("b"), c("c")), tr("", c("d"))),
		want: `table 1 (3 columns)
  row 1: a | b | c
  row 2: d | ∅ | ∅
`,
	},
	{
		name: "symbols and no-break hyphens",
		body: tbl(3, tr("",
			tc("", para(`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`)),
			tc("", para(`<w:r><w:t>2021</w:t><w:noBreakHyphen/><w:t>2025</w:t></w:r>`)),
			tc("", para(`<w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t xml:space="preserve"> 50%</w:t></w:r>`)),
		)),
		want: `table 1 (3 columns)
  row 1: ✓ | 2021-2025 | ≥ 50%
`,
	},
	{
		name: "a text box is read once, as a paragraph before its anchor",
		body: para(textBox("Mẫu số 01"), run("", "Phụ lục 01")) + tbl(1, tr("", tc("", para(textBox("trong ô"), run("", "ô"))))),
		want: `table 1 (1 columns)
  before 1: Mẫu số 01
  before 2: Phụ lục 01
  row 1: trong ô⏎ô
`,
	},
	{
		name: "content controls, hyperlinks and smart tags are read through",
		body: `<w:sdt><w:sdtPr><w:alias w:val="Bảng"/></w:sdtPr><w:sdtContent>` + tbl(2,
			`<w:sdt><w:sdtPr/><w:sdtContent>`+
				tr("", `<w:sdt><w:sdtContent>`+c("a")+`</w:sdtContent></w:sdt>`,
					tc("", para(`<w:hyperlink r:id="x" xmlns:r="urn:r">`+run("", "b")+`</w:hyperlink>`)))+
				`</w:sdtContent></w:sdt>`,
			tr("", c("c"), tc("", para(`<w:smartTag w:element="place"><w:smartTagPr/>`+run("", "d")+`</w:smartTag>`))),
		) + `</w:sdtContent></w:sdt>`,
		want: `table 1 (2 columns)
  row 1: a | b
  row 2: c | d
`,
	},
	{
		name: "Word 97 horizontal merge",
		body: tbl(3, tr("", tc(`<w:hMerge w:val="restart"/>`, "Gộp"), tc(`<w:hMerge/>`), c("x"))),
		want: `table 1 (3 columns)
  row 1: Gộp | >Gộp | x
`,
	},
	{
		name:  "title from the core properties",
		body:  tbl(1, tr("", c("a"))),
		extra: []part{{"docProps/core.xml", coreXML}},
		want: `title: Kế hoạch chuyển đổi số 2025
table 1 (1 columns)
  row 1: a
`,
	},
	{
		name: "no tables",
		body: p("Chỉ có chữ."),
		want: "",
	},
}

func TestReadDocx(t *testing.T) {
	for _, tt := range readCases {
		t.Run(tt.name, func(t *testing.T) {
			data := docx(t, tt.body, tt.extra...)
			d, err := ReadDocx(bytes.NewReader(data), int64(len(data)), DefaultLimits)
			if err != nil {
				t.Fatalf("ReadDocx: %v", err)
			}
			if err := checkShape(d); err != nil {
				t.Error(err)
			}
			if got := dump(d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestReadDocxParas checks what the dump does not show: the paragraphs
// of a cell one by one, and spread cells sharing the merged content.
func TestReadDocxParas(t *testing.T) {
	data := docx(t, tbl(3, tr("", tc(gridSpanXML(2), "Một", pb("Hai")), c("Ba"))))
	d, err := ReadDocx(bytes.NewReader(data), int64(len(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	cells := d.Tables[0].Rows[0].Cells
	for i, want := range []Cell{
		{Paras: []string{"Một", "Hai"}, Text: "Một\nHai"},
		{Paras: []string{"Một", "Hai"}, Text: "Một\nHai", Spread: true},
		{Paras: []string{"Ba"}, Text: "Ba"},
	} {
		got := cells[i]
		if strings.Join(got.Paras, "|") != strings.Join(want.Paras, "|") || got.Text != want.Text ||
			got.Bold != want.Bold || got.Spread != want.Spread || got.SpreadDown != want.SpreadDown {
			t.Errorf("cell %d = %+v, want %+v", i+1, got, want)
		}
	}
}

// TestReadDocxPackage covers packages Word does not write but others
// may: the Strict namespace, the main part under another name, a part
// name in other case, a byte order mark.
func TestReadDocxPackage(t *testing.T) {
	strict := strings.ReplaceAll(document(tbl(1, tr("", c("strict")))),
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	otherRels := strings.ReplaceAll(packageRels, `Target="word/document.xml"`, `Target="/word/main.xml"`)
	tests := []struct {
		name  string
		parts []part
		want  string
	}{
		{"strict", []part{{"_rels/.rels", packageRels}, {"word/document.xml", strict}}, "strict"},
		{"renamed main part", []part{{"_rels/.rels", otherRels}, {"word/main.xml", document(tbl(1, tr("", c("main"))))}}, "main"},
		{"no rels, other case", []part{{"Word/Document.xml", document(tbl(1, tr("", c("case"))))}}, "case"},
		{"byte order mark", []part{{"word/document.xml", "\uFEFF" + document(tbl(1, tr("", c("bom"))))}}, "bom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildZip(t, zip.Deflate, tt.parts...)
			d, err := ReadDocx(bytes.NewReader(data), int64(len(data)), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Tables) != 1 || d.Tables[0].Rows[0].Cells[0].Text != tt.want {
				t.Errorf("got %q, want one table with %q", dump(d), tt.want)
			}
		})
	}
}

func TestReadDocxErrors(t *testing.T) {
	good := docx(t, tbl(1, tr("", c("a"))))
	small := Limits{MaxEntryBytes: 1 << 20}

	bomb := zeros(t, 8<<20)
	honestBomb := buildRaw(t, "word/document.xml", bomb, 8<<20)
	lyingBomb := buildRaw(t, "word/document.xml", bomb, 1000)

	badCRC := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		doc := document(p("x"))
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store,
			CRC32: crc32.ChecksumIEEE([]byte(doc)) + 1, CompressedSize64: uint64(len(doc)), UncompressedSize64: uint64(len(doc))})
		w.Write([]byte(doc))
		zw.Close()
		return buf.Bytes()
	}()

	ole := func(name string, at int) []byte {
		b := make([]byte, 1<<17)
		copy(b, ole2Magic)
		copy(b[at:], utf16le(name))
		return b
	}

	deep := strings.Repeat("<w:sdt><w:sdtContent>", 300) + strings.Repeat("</w:sdtContent></w:sdt>", 300)

	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error // a sentinel, or a typed error compared field by field
	}{
		{"not a zip", []byte("%PDF-1.7 hello"), small, ErrNotZip},
		{"empty file", nil, small, ErrNotZip},
		{"truncated zip", good[:len(good)/2], small, ErrCorrupt},
		{"checksum mismatch", badCRC, small, ErrCorrupt},
		{"zip without word/document.xml", buildZip(t, zip.Deflate, part{"xl/workbook.xml", "<workbook/>"}), small, ErrNotDocx},
		{"main part is not a w:document", buildZip(t, zip.Deflate, part{"word/document.xml", "<html><body/></html>"}), small, ErrNotDocx},
		{"zip bomb", honestBomb, small, &TooLargeError{Entry: "word/document.xml", Limit: 1 << 20}},
		{"zip bomb lying about its size", lyingBomb, small, ErrCorrupt},
		{"malformed XML", docx(t, "<w:p><w:r></w:p>"), small, &MalformedError{Entry: "word/document.xml"}},
		{"invalid UTF-8", docx(t, para("<w:r><w:t>a\xffb</w:t></w:r>")), small, &MalformedError{Entry: "word/document.xml"}},
		{"empty document part", buildZip(t, zip.Deflate, part{"word/document.xml", ""}), small, &MalformedError{Entry: "word/document.xml"}},
		{"malformed styles", docx(t, p("x"), part{"word/styles.xml", "<w:styles"}), small, &MalformedError{Entry: "word/styles.xml"}},
		{"legacy .doc", ole("WordDocument", 1024), small, ErrLegacyDoc},
		{"encrypted", ole("EncryptedPackage", 1024), small, ErrEncrypted},
		{"encrypted, name across a read boundary", ole("EncryptedPackage", 64<<10-7), small, ErrEncrypted},
		{"too many rows", docx(t, tbl(1, tr("", c("1")), tr("", c("2")), tr("", c("3")))), Limits{MaxRows: 2}, &TooManyError{What: CountRows, Limit: 2}},
		{"too many empty tables", docx(t, strings.Repeat("<w:tbl/>", 3)), Limits{MaxRows: 2}, &TooManyError{What: CountRows, Limit: 2}},
		{"huge gridSpan", docx(t, tbl(1, tr("", tc(gridSpanXML(1_000_000_000), "x")))), small, &TooManyError{What: CountCells, Limit: DefaultLimits.MaxCells}},
		{"huge gridBefore", docx(t, tbl(1, tr(`<w:gridBefore w:val="99999999999"/>`, c("x")))), small, &TooManyError{What: CountCells, Limit: DefaultLimits.MaxCells}},
		{"wide grid padding", docx(t, tbl(1000, tr("", c("1")), tr("", c("2")), tr("", c("3")))), Limits{MaxCells: 2500}, &TooManyError{What: CountCells, Limit: 2500}},
		{"nesting", docx(t, deep), small, &TooManyError{What: CountDepth, Limit: DefaultLimits.MaxDepth}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			d, err := ReadDocx(bytes.NewReader(tt.data), int64(len(tt.data)), tt.lim)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if d != nil {
				t.Errorf("got a document with the error %v", err)
			}
			if !sameError(err, tt.want) {
				t.Fatalf("err = %v (%T), want %v (%T)", err, err, tt.want, tt.want)
			}
			// A bomb must fail without inflating: a few buffers, not
			// the megabytes it holds.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
		})
	}
}

// sameError compares err with want: errors.Is for a sentinel, errors.As
// and the fields for a typed error (MalformedError's Entry only).
func sameError(err, want error) bool {
	switch w := want.(type) {
	case *TooLargeError:
		var e *TooLargeError
		return errors.As(err, &e) && *e == *w
	case *TooManyError:
		var e *TooManyError
		return errors.As(err, &e) && *e == *w
	case *MalformedError:
		var e *MalformedError
		return errors.As(err, &e) && e.Entry == w.Entry && e.Err != nil
	}
	return errors.Is(err, want)
}

// zeros is n zero bytes deflated: 8 MiB make about 8 KB.
func zeros(tb testing.TB, n int) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	chunk := make([]byte, 64<<10)
	for n > 0 {
		k := min(n, len(chunk))
		fw.Write(chunk[:k])
		n -= k
	}
	if err := fw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// buildRaw is a zip of one deflated entry whose header declares size.
func buildRaw(tb testing.TB, name string, deflated []byte, size uint64) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CompressedSize64: uint64(len(deflated)), UncompressedSize64: size})
	if err != nil {
		tb.Fatal(err)
	}
	w.Write(deflated)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestEntryReaderLimit checks the count that backs the declared size:
// archive/zip stops an entry at its declared size today, but the limit
// must not depend on it.
func TestEntryReaderLimit(t *testing.T) {
	er := &entryReader{r: io.LimitReader(strings.NewReader(strings.Repeat("x", 100)), 11), limit: 10, name: "e"}
	_, err := io.ReadAll(er)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 10 {
		t.Errorf("err = %v, want a TooLargeError", err)
	}
	er = &entryReader{r: io.LimitReader(strings.NewReader("0123456789"), 11), limit: 10, name: "e"}
	if b, err := io.ReadAll(er); err != nil || len(b) != 10 {
		t.Errorf("at the limit: %d bytes, %v", len(b), err)
	}
}

func TestIsAppendixLabel(t *testing.T) {
	tests := map[string]bool{
		"Phụ lục 01":                      true,
		"PHỤ LỤC II":                      true,
		"Phụ lục số 3":                    true,
		"Phụ lục II.1: Danh mục":          true,
		"Phụ lục 1a":                      true,
		"Phụ lục A":                       true,
		"Phụ lục":                         true,
		"phu luc 02\nKINH PHÍ":            true,
		"Phu\u0323 lu\u0323c 5":           true,
		"Phụ lục này gồm 3 trang":         false,
		"Phụ lục kèm theo Kế hoạch":       false,
		"Xem Phụ lục 01":                  false,
		"Ghi chú":                         false,
		"Phụ":                             false,
		"(Kèm theo Kế hoạch số 12/KH-UB)": false,
	}
	for in, want := range tests {
		if got := isAppendixLabel(cleanText(in)); got != want {
			t.Errorf("isAppendixLabel(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Số hóa", "Số hóa"},
		{"  Số   hóa ", "Số hóa"},
		{"a\u00a0\u00a0b\u2003c", "a b c"},
		{"\n \na  \n\n  b\n", "a\nb"},
		{"Kho\u0302ng", "Không"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
