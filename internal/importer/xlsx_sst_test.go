package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
	"github.com/parplan/parplan/internal/xlsx"
)

// TestQuickTextAsExcelize: the texts the reader takes from the shared
// strings and its own number formatting are the ones excelize shows, for
// every test workbook and an export.
func TestQuickTextAsExcelize(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/import/*.xlsx")
	var books [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		books = append(books, data)
	}
	wb, _, err := xlsx.Build(plantest.Big(t, 500), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := wb.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	books = append(books, b.Bytes())
	quick := 0
	for i, data := range books {
		fast, err := ReadXLSX(bytes.NewReader(data), "", DefaultXLSXLimits)
		if err != nil {
			t.Fatal(err)
		}
		slowText = true
		slow, err := ReadXLSX(bytes.NewReader(data), "", DefaultXLSXLimits)
		slowText = false
		if err != nil {
			t.Fatal(err)
		}
		fast.stored, slow.stored = nil, nil // two parses of the same plan
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("workbook %d: the quick texts differ from excelize's", i)
		}
		if p, _ := openForTest(data); p {
			quick++
		}
	}
	if quick == 0 {
		t.Error("no workbook took the quick path")
	}
}

// openForTest reports whether a workbook's sheets all take the quick path.
func openForTest(data []byte) (bool, error) {
	took := 0
	quickHook = func() { took++ }
	defer func() { quickHook = nil }()
	if _, err := ReadXLSX(bytes.NewReader(data), "", DefaultXLSXLimits); err != nil {
		return false, err
	}
	return took > 0, nil
}

// TestStoredLoadOf: Import uses the parse ReadXLSX started only for the
// bytes it started on, not for a Stored a caller replaced.
func TestStoredLoadOf(t *testing.T) {
	data := plan.Encode(plantest.Big(t, 3), "", plan.Comments{})
	l := loadStored(data)
	if !l.of(data) || l.of(bytes.Clone(data)) || l.of(nil) || (*storedLoad)(nil).of(data) {
		t.Error("of")
	}
	if p := l.plan(); p == nil || p.Meta.ID.Value != "big" {
		t.Errorf("plan %+v", p)
	}
	if p := loadStored([]byte("plan: [")).plan(); p != nil {
		t.Errorf("a broken plan loaded: %+v", p)
	}
}
