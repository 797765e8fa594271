package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// xlsxFuzzLimits keep each fuzz input cheap.
var xlsxFuzzLimits = XLSXLimits{MaxRows: 2000, MaxCols: 64, MaxCells: 20000, MaxBytes: 1 << 20}

// xlsxFuzzParts are the parts FuzzReadXLSX may replace in its base
// workbook: 0 means the input is the whole file.
var xlsxFuzzParts = []string{"", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"}

// FuzzReadXLSX feeds ReadXLSX whole files and, so that mutations reach
// the XML readers instead of failing the zip checksum, single parts it
// puts in a small workbook in place of the sheet, the shared strings,
// the styles or the workbook part. It must not panic (not even one
// ReadXLSX recovers from), must return a document or one of its errors,
// every row must have one cell per column, and a document read must
// import without a panic.
//
// Seeds: a bordered, merged table built here and an exported plan
// (testdata/valid/scored.yaml), whole and part by part.
func FuzzReadXLSX(f *testing.F) {
	base := fuzzBaseBook(f)
	exported := fuzzExported(f)
	for _, data := range [][]byte{base, exported} {
		f.Add(data, uint8(0))
		for i, name := range xlsxFuzzParts[1:] {
			if content, ok := zipPart(f, data, name); ok {
				f.Add([]byte(content), uint8(i+1))
			}
		}
	}
	f.Add([]byte("PK\x03\x04"), uint8(0))
	f.Add(append(append([]byte{}, oleMagic...), encryptedPackage...), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, part uint8) {
		if name := xlsxFuzzParts[int(part)%len(xlsxFuzzParts)]; name != "" {
			data = replacePart(t, base, name, string(data))
		}
		doc, err := ReadXLSX(bytes.NewReader(data), "", xlsxFuzzLimits)
		if err != nil {
			if doc != nil {
				t.Errorf("a document with the error %v", err)
			}
			var we *WorkbookError
			if errors.As(err, &we) && strings.HasPrefix(we.Err.Error(), "panic:") {
				t.Errorf("ReadXLSX panicked: %v", err)
			}
			if !knownXLSX(err) {
				t.Errorf("unexpected error %v (%T)", err, err)
			}
			return
		}
		for _, tb := range doc.Tables {
			for j, r := range tb.Rows {
				if len(r.Cells) != tb.Columns {
					t.Fatalf("sheet %q row %d: %d cells, %d columns", tb.Sheet, j+1, len(r.Cells), tb.Columns)
				}
			}
		}
		if len(doc.Tables) > 0 {
			_, _ = Import(doc, Options{})
		}
	})
}

// knownXLSX reports whether err is one of ReadXLSX's errors: with a
// bytes.Reader nothing else can fail.
func knownXLSX(err error) bool {
	if errors.Is(err, ErrNotXLSX) || errors.Is(err, ErrLegacyXLS) || errors.Is(err, ErrEncrypted) {
		return true
	}
	var ns *NoSuchSheetError
	var le *LimitError
	var we *WorkbookError
	return errors.As(err, &ns) || errors.As(err, &le) || errors.As(err, &we)
}

// fuzzBaseBook is a small appendix: a label, a bordered two-row header
// with merged cells, rows of text and numbers.
func fuzzBaseBook(t testing.TB) []byte {
	return book(t, func(b *builder) {
		b.row(1, "Phụ lục 01")
		b.row(3, v{"STT", "B"}, v{"Nội dung", "B"}, v{"Điểm tối đa", "B"}, v{"Điểm đạt được", "B"}, v{"Chỉ tiêu", "B"})
		b.merge("A3", "A4")
		b.row(5, v{"1", "B"}, v{"CÔNG TÁC CHỈ ĐẠO", "b B"}, v{9.5, "B"}, v{9, "B"}, v{9.5, "B"})
		b.row(6, v{"1.1", "B"}, v{"Kế hoạch CCHC", "B"}, v{stored("1.0049999999999999"), "B f=0.00"}, v{1, "B"}, v{1.5, "B"})
		b.row(8, "Ghi chú: điểm dự kiến.")
	})
}

// fuzzExported is the workbook parplan exports for a small scored plan.
func fuzzExported(t testing.TB) []byte {
	data, err := os.ReadFile("../../testdata/valid/scored.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, ds := plan.Load("scored.yaml", data)
	if p == nil || len(ds) > 0 {
		t.Fatal(ds)
	}
	return exportPlan(t, p)
}

// zipPart returns the content of one part of a zip.
func zipPart(t testing.TB, data []byte, name string) (string, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b), true
		}
	}
	return "", false
}

// TestXLSXColumns: a workbook's table says how many columns its rows
// have, as a Word table's does (Columns was 0; found by FuzzReadXLSX).
func TestXLSXColumns(t *testing.T) {
	doc, err := ReadXLSX(bytes.NewReader(fuzzBaseBook(t)), "", DefaultXLSXLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(doc.Tables))
	}
	tb := doc.Tables[0]
	if tb.Columns != 5 {
		t.Errorf("Columns = %d, want 5", tb.Columns)
	}
	for j, r := range tb.Rows {
		if len(r.Cells) != tb.Columns {
			t.Errorf("row %d: %d cells, %d columns", j+1, len(r.Cells), tb.Columns)
		}
	}
}
