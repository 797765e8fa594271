package xlsx

import (
	"bytes"
	"encoding/xml"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRowStreamMatchesExcelize: rowStream writes a sheet's rows exactly
// as excelize's StreamWriter.SetRow does, whatever the text holds.
func TestRowStreamMatchesExcelize(t *testing.T) {
	long := strings.Repeat("Nội dung 𝐀 ", 4000) // past a cell's 32,767 UTF-16 units
	texts := []string{
		"", "plain", "Vietnamese: Sở Nội vụ, UBND cấp huyện", "two\nlines", "\nleading break",
		"trailing space ", " leading space", "tab\there", "cr\r\nlf", `quotes "and" 'apostrophes'`,
		"a < b & c > d", "control \x01 \x1f char", "bad utf-8 \xff\xfe end", "noncharacter \uFFFE\uFFFF",
		"replacement \uFFFD kept", "_x0041_ escape-like", "_x005F_x0041_ twice", "_x005F_ alone", "_xZZZZ_ not hex",
		"emoji 😀 outside the BMP", long,
	}
	styles := []int{0, 1, 7, 123}
	rows := [][]excelize.Cell{}
	for i, s := range texts {
		rows = append(rows, []excelize.Cell{
			{StyleID: styles[i%len(styles)], Value: s},
			{StyleID: 2, Value: s, Formula: "CONCAT(A1,\"<&>\")"},
		})
	}
	for _, f := range []float64{0, 1.5, -2.25, 1e21, 123456789012345678, 0.1 + 0.2, 1e-7, 83.99} {
		rows = append(rows, []excelize.Cell{{StyleID: 3, Value: f}, {StyleID: 4, Value: f, Formula: "SUM(A1:A2)"}, {}, {StyleID: 5}})
	}
	rows = append(rows, []excelize.Cell{{}, {StyleID: 6, Formula: "A1"}, {StyleID: 6, Value: []excelize.RichTextRun{
		{Text: "■ ", Font: &excelize.Font{Family: Font, Size: 12, Color: "4472c4"}},
		{Text: "Điểm <đạt>", Font: &excelize.Font{Family: Font, Size: 10.5, Color: "000000"}},
	}}})
	heights := []float64{0, 15, 17.25, 62.5, maxRowHeight}

	ours := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		st := newStyles(f)
		rs, err := st.rows.newRowStream(f, "Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if err := rs.SetRow(2*i+1, r, heights[i%len(heights)]); err != nil {
				t.Fatal(err)
			}
		}
		if err := rs.Flush(); err != nil {
			t.Fatal(err)
		}
		return savedSheet(t, f)
	}()
	theirs := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		f.SetZipWriter(streams{}.zipWriter)
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			vals := make([]any, len(r))
			for j, c := range r {
				if c != (excelize.Cell{}) || c.Value != nil {
					vals[j] = c
				}
			}
			var opts []excelize.RowOpts
			if h := heights[i%len(heights)]; h > 0 {
				opts = append(opts, excelize.RowOpts{Height: h})
			}
			if err := sw.SetRow(cellRef(1, 2*i+1), vals, opts...); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		return savedSheet(t, f)
	}()
	if !bytes.Equal(ours, theirs) {
		for i := range min(len(ours), len(theirs)) {
			if ours[i] != theirs[i] {
				from := max(0, i-80)
				t.Fatalf("sheets differ at byte %d:\nours   %q\ntheirs %q", i, ours[from:min(len(ours), i+80)], theirs[from:min(len(theirs), i+80)])
			}
		}
		t.Fatalf("sheets differ in length: ours %d, theirs %d bytes", len(ours), len(theirs))
	}
}

// savedSheet saves f and returns its first sheet's XML, read back
// through archive/zip (which checks the part's CRC).
func savedSheet(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return []byte(sheetXML(t, buf.Bytes(), "xl/worksheets/sheet1.xml"))
}

// TestCRC32Combine: the combined CRC is the CRC of the two parts one
// after the other.
func TestCRC32Combine(t *testing.T) {
	data := []byte(strings.Repeat("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Sở Nội vụ</t></is></c></row>", 500))
	for _, cut := range []int{0, 1, 7, 64, 1000, len(data) - 1, len(data)} {
		a, b := data[:cut], data[cut:]
		if got, want := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))), crc32.ChecksumIEEE(data); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
}

// TestAppendEscaped: appendEscaped escapes as xml.EscapeText does, and
// keeps line breaks raw when asked.
func TestAppendEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", "Sở Nội vụ", "a<b>&\"'", "tab\tcr\rlf\n", "ctl \x01\x1f", "bad \xff\xfe", "non \uFFFE\uFFFF", "surrogate \xed\xa0\x80", "\uFFFD"} {
		var want bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := string(appendEscaped(nil, s, true)); got != want.String() {
			t.Errorf("appendEscaped(%q, true) = %q, xml.EscapeText gives %q", s, got, want.String())
		}
		if got, want := string(appendEscaped(nil, s, false)), strings.ReplaceAll(want.String(), "&#xA;", "\n"); got != want {
			t.Errorf("appendEscaped(%q, false) = %q, want %q", s, got, want)
		}
	}
}
