package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// fuzzLimits keep each fuzz input cheap.
var fuzzLimits = Limits{MaxEntryBytes: 1 << 20, MaxRows: 2000, MaxCells: 20000}

// FuzzReadDocx feeds ReadDocx whole files (asXML false) and, so that
// mutations reach the XML walk instead of failing the zip checksum,
// document.xml contents it wraps in a stored zip (asXML true). It must
// not panic, must return a document or one of the errors of errors.go,
// and every row must have one cell per column.
func FuzzReadDocx(f *testing.F) {
	for _, tt := range readCases {
		f.Add([]byte(document(tt.body)), true)
		f.Add(buildZip(f, zip.Store, docxParts(tt.body, tt.extra...)...), false)
	}
	f.Add([]byte(document("<w:p><w:r></w:p>")), true)
	f.Add(docx(f, tbl(1, tr("", c("a")))), false)
	f.Add(append(append([]byte{}, ole2Magic...), utf16le("EncryptedPackage")...), false)
	f.Add([]byte("PK\x03\x04"), false)

	f.Fuzz(func(t *testing.T, data []byte, asXML bool) {
		if asXML {
			data = buildZip(t, zip.Store, part{"word/document.xml", string(data)}, part{"word/styles.xml", stylesXML})
		}
		d, err := ReadDocx(bytes.NewReader(data), int64(len(data)), fuzzLimits)
		if err != nil {
			if d != nil {
				t.Errorf("a document with the error %v", err)
			}
			if !known(err) {
				t.Errorf("unexpected error %v (%T)", err, err)
			}
			return
		}
		if err := checkShape(d); err != nil {
			t.Error(err)
		}
	})
}

// known reports whether err is one of the errors of errors.go: with a
// bytes.Reader nothing else can fail.
func known(err error) bool {
	for _, e := range []error{ErrNotZip, ErrCorrupt, ErrNotDocx, ErrLegacyDoc, ErrEncrypted} {
		if errors.Is(err, e) {
			return true
		}
	}
	var tl *TooLargeError
	var tm *TooManyError
	var me *MalformedError
	return errors.As(err, &tl) || errors.As(err, &tm) || errors.As(err, &me)
}

// BenchmarkReadDocx reads a table of 10,000 rows of 8 columns, two
// header rows with merged cells on top, as a large appendix would be.
func BenchmarkReadDocx(b *testing.B) {
	var body strings.Builder
	body.WriteString(pb("Phụ lục 01") + pb("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025"))
	rows := []string{
		tr(header, tc(restart, "STT"), tc(restart, "Nhiệm vụ"), tc(restart, "Cơ quan chủ trì"), tc(gridSpanXML(3), "Kinh phí (triệu đồng)"), tc(restart, "Thời gian"), tc(restart, "Ghi chú")),
		tr(header, tc(cont), tc(cont), tc(cont), c("Tổng"), c("NSTW"), c("NSĐP"), tc(cont), tc(cont)),
	}
	for i := range 10_000 {
		rows = append(rows, tr("",
			c(fmt.Sprint(i+1)),
			tc("", para(run("", "Xây dựng, nâng cấp hệ thống "), run(bold, "thông tin"), run("", fmt.Sprintf(" số %d", i))), p("phục vụ người dân")),
			c("Sở Thông tin và Truyền thông"),
			c("1.250,5"), c("1.000"), c("250,5"),
			c("2025\u20132026"),
			c(""),
		))
	}
	body.WriteString(tbl(8, rows...))
	body.WriteString(p("Ghi chú: kinh phí dự kiến."))
	data := docx(b, body.String())
	b.SetBytes(int64(len(document(body.String()))))
	b.ReportAllocs()
	for b.Loop() {
		d, err := ReadDocx(bytes.NewReader(data), int64(len(data)), DefaultLimits)
		if err != nil || len(d.Tables[0].Rows) != 10_002 {
			b.Fatal(err)
		}
	}
}
