package importer

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
	"github.com/parplan/parplan/internal/xlsx"
)

// bigDocx is the same appendix as a Word table, with a decimal comma.
func bigDocx(tb testing.TB, rows int) []byte {
	tb.Helper()
	var body strings.Builder
	body.WriteString(p("Phụ lục 01") + pb("BẢNG LỚN") + p("(Kèm theo Kế hoạch số 1/KH-UBND ngày 18/7/2024 của UBND tỉnh X)"))
	const restart, cont = `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	trs := []string{
		tr(`<w:trPr><w:tblHeader/></w:trPr>`, tc(restart, "STT"), tc(restart, "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"),
			tc(restart, "Điểm theo bộ tiêu chí"), tc(restart, "Điểm đạt được năm 2023"), tc(restart, "Mục tiêu năm 2024"),
			tc(restart, "Nhiệm vụ, giải pháp"), tc(gridSpanXML(2), "Trách nhiệm thực hiện"), tc(restart, "Ghi chú")),
		tr(`<w:trPr><w:tblHeader/></w:trPr>`, tc(cont), tc(cont), tc(cont), tc(cont), tc(cont), tc(cont), c("Chủ trì"), c("Phối hợp"), tc(cont)),
	}
	for n, f := 0, 1; n < rows; f++ {
		trs = append(trs, tr("", c(fmt.Sprint(f)), pb(fmt.Sprintf("LĨNH VỰC SỐ %d", f)), c(""), c(""), c(""), c(""), c(""), c(""), c("")))
		n++
		for k := 1; k <= 99 && n < rows; k++ {
			trs = append(trs, tr("", c(fmt.Sprintf("%d.%d", f, k)),
				c(fmt.Sprintf("Tiêu chí thành phần số %d của lĩnh vực %d về cải cách hành chính", k, f)),
				c("1,5"), c("1,25"), c("1,5"),
				tc("", p("- Rà soát, đánh giá và hoàn thiện quy trình thực hiện nhiệm vụ"), p("- Báo cáo kết quả thực hiện định kỳ hằng quý")),
				c("Giám đốc Sở Nội vụ"), c("Các sở; UBND cấp huyện; các đơn vị có liên quan"), c("")))
			n++
		}
	}
	body.WriteString(tbl(9, trs...))
	return docx(tb, body.String())
}

// exportBig writes the workbook parplan export makes of the 10,000-row
// appendix.
func exportBig(b *testing.B, p *plan.Plan, w io.Writer) {
	wb, ds, err := xlsx.Build(p, xlsx.Options{})
	if err != nil || len(ds) > 0 {
		b.Fatal(err, ds)
	}
	if _, err := wb.WriteTo(w); err != nil {
		b.Fatal(err)
	}
	_ = wb.Close()
}

// importBigXLSX imports the workbook data and writes the plan file, as
// parplan import does.
func importBigXLSX(b *testing.B, data []byte) {
	doc, err := ReadXLSX(bytes.NewReader(data), "", DefaultXLSXLimits)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Import(doc, Options{})
	if err != nil || res.Tables[0].Items != 10000 {
		b.Fatal(err, res.Tables)
	}
	_ = plan.Encode(res.Plan, "", plan.Comments{})
}

// importBigDocx is importBigXLSX for a Word file.
func importBigDocx(b *testing.B, data []byte) {
	doc, err := ReadDocx(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Import(doc, Options{})
	if err != nil || res.Tables[0].Items != 10000 {
		b.Fatal(err, res.Tables)
	}
	_ = plan.Encode(res.Plan, "", plan.Comments{})
}

// BenchmarkImportXLSX10000 imports the 10,000-row appendix from the
// workbook parplan export writes of it (to compare with
// BenchmarkExport10000 in internal/xlsx).
func BenchmarkImportXLSX10000(b *testing.B) {
	var buf bytes.Buffer
	exportBig(b, plantest.Big(b, 10000), &buf)
	b.ReportAllocs()
	for b.Loop() {
		importBigXLSX(b, buf.Bytes())
	}
}

// BenchmarkImportDocx10000 imports the 10,000-row appendix from a Word
// table.
func BenchmarkImportDocx10000(b *testing.B) {
	data := bigDocx(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		importBigDocx(b, data)
	}
}

// BenchmarkExportImport10000 measures, in one run, export of the
// 10,000-row appendix and import of the same appendix from the workbook
// export wrote and from a Word table. Import should take at most twice
// as long as export: compare the sub-benchmarks' ns/op.
func BenchmarkExportImport10000(b *testing.B) {
	p := plantest.Big(b, 10000)
	var book bytes.Buffer
	exportBig(b, p, &book)
	doc := bigDocx(b, 10000)
	b.Run("export", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			exportBig(b, p, io.Discard)
		}
	})
	b.Run("import-xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			importBigXLSX(b, book.Bytes())
		}
	})
	b.Run("import-docx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			importBigDocx(b, doc)
		}
	})
}

// TestBigImport: the large Word appendix imports whole, numbers and lists
// exact.
func TestBigImport(t *testing.T) {
	if testing.Short() {
		t.Skip("large import")
	}
	data := bigDocx(t, 1000)
	doc, err := ReadDocx(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Plan.Appendices[0]
	if len(a.Items) != 10 || len(a.Items[0].Items) != 99 {
		t.Fatalf("%d fields", len(a.Items))
	}
	it := a.Items[3].Items[41]
	if it.Code.Value != "4.42" || it.Scores.Achieved.Value.String() != "1.25" || len(it.Tasks) != 2 || len(it.Support) != 3 {
		t.Errorf("4.42: %+v", it)
	}
}
