package xlsx

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
	"github.com/parplan/parplan/internal/validate"
)

// FuzzPipeline feeds plan files through what the commands do with them:
// load and validate; and, for a plan with no failing finding, gap and an
// export built in memory. Nothing may panic, every finding must sit
// inside the file (line 1 to the line count + 1, counting lines as YAML does, column
// ≥ 1) and name a
// rule validate lists, and a plan that validates clean must gap and
// export without an error.
//
// Seeds: the bundled plans and the test plans (valid and invalid).
// Plans of more than fuzzExportItems items are not exported.
// fuzzExportItems is the most items FuzzPipeline exports.
const fuzzExportItems = 60

func FuzzPipeline(f *testing.F) {
	root := filepath.Join("..", "..")
	for _, pattern := range []string{"plans/*.yaml", "testdata/valid/*.yaml", "testdata/invalid/*.yaml"} {
		files, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	known := map[string]bool{}
	for _, r := range validate.Rules() {
		known[r.ID] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ds := validate.File("fuzz.yaml", data, validate.Options{})
		lines := plantest.YAMLLines(data)
		for _, d := range ds {
			if d.Line < 1 || d.Line > lines+1 || d.Col < 1 {
				t.Errorf("position outside the file (%d lines): %s", lines, d)
			}
			if !known[d.Rule] {
				t.Errorf("unknown rule %q: %s", d.Rule, d)
			}
			if d.Msg.IsZero() {
				t.Errorf("no message: %s", d)
			}
		}
		if p == nil {
			return
		}
		for _, d := range ds {
			if d.Fails() {
				return
			}
		}
		if _, err := gap.Analyze(p, gap.Options{}); err != nil {
			t.Fatalf("gap of a clean plan: %v", err)
		}
		if _, err := gap.Analyze(p, gap.Options{Recoverable: true, ByLead: true, Sort: gap.SortLost}); err != nil {
			t.Fatalf("gap --recoverable of a clean plan: %v", err)
		}
		// Exporting is slow next to the rest: a mutated bundled plan
		// (hundreds of items) is checked up to gap.
		items := 0
		for _, a := range p.Appendices {
			a.Walk(func(*plan.Item) { items++ })
		}
		if items > fuzzExportItems {
			return
		}
		wb, eds, err := Build(p, Options{})
		if err != nil || len(eds) > 0 {
			t.Fatalf("export of a clean plan: %v %v", err, eds)
		}
		defer wb.Close()
		for _, w := range wb.Warnings {
			if w.Pos.Line < 1 || w.Pos.Line > lines+1 || w.Pos.Col < 1 {
				t.Errorf("warning outside the file: %d:%d", w.Pos.Line, w.Pos.Col)
			}
		}
		if _, err := wb.WriteTo(io.Discard); err != nil {
			t.Fatalf("writing the workbook of a clean plan: %v", err)
		}
	})
}
