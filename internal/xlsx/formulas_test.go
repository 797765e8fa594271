package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
)

// expandSum lists the cells a formula SUM(D9:D11,D14) adds up, or nil
// if the formula is not such a SUM.
func expandSum(formula string) []string {
	inner, ok := strings.CutPrefix(formula, "SUM(")
	if !ok || !strings.HasSuffix(inner, ")") {
		return nil
	}
	var cells []string
	for _, part := range strings.Split(strings.TrimSuffix(inner, ")"), ",") {
		from, to, isRange := strings.Cut(part, ":")
		if !isRange {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || c1 != c2 || r2 < r1 {
			return nil
		}
		for r := r1; r <= r2; r++ {
			cells = append(cells, cellRef(c1, r))
		}
	}
	return cells
}

// rawValue is the value a cell stores (its <v>), as text.
func rawValue(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSumFormulas: in every bundled plan, each parent's score cell is a
// SUM over exactly its children's cells, and the total row's over the
// top-level items', each storing the plan's exact figure; a stated figure
// that differs from its children's sum is a value with a comment.
func TestSumFormulas(t *testing.T) {
	for _, file := range planFiles(t) {
		t.Run(file, func(t *testing.T) {
			p := loadFile(t, file)
			data, wb := export(t, p, Options{})
			f := open(t, data)
			formulas, stated := 0, 0
			// scorer: some table has a score column.
			scorer := false
			for ai, a := range p.Appendices {
				sheet := wb.Sheets[ai]
				tab, _ := buildTable(p, a)
				pos := planRows(tab)
				for _, c := range tab.cols {
					_, ok := scoreKey(c.Field)
					scorer = scorer || ok
				}
				rowOf := map[*plan.Item]int{}
				for i, r := range tab.rows {
					rowOf[r.item] = pos.dataFirst + i
				}
				comments := map[string]string{}
				cs, err := f.GetComments(sheet)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cs {
					comments[c.Cell] = c.Paragraph[0].Text
				}
				check := func(ref string, items []*plan.Item, k plan.ScoreKey, col int, want plan.Opt, statedN plan.Number) {
					var children []string
					sum := decimal.Dec{}
					for _, c := range items {
						if e := c.Sums.Effective[k]; e.OK && !c.Percent() {
							children = append(children, cellRef(col, rowOf[c]))
							sum = sum.Add(e.V)
						}
					}
					if len(children) == 0 || !want.OK {
						return
					}
					formula, err := f.GetCellFormula(sheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					raw := rawValue(t, f, sheet, ref)
					if got, err := decimal.Parse(raw); err != nil || !got.Equal(want.V) {
						t.Errorf("%s!%s stores %q, want the plan's %s", sheet, ref, raw, want.V)
					}
					if statedN.Given && !statedN.Value.Equal(sum) {
						stated++
						if formula != "" {
							t.Errorf("%s!%s: the stated %s is not the sum %s of its items, but the cell is =%s", sheet, ref, statedN.Value, sum, formula)
						}
						if c := comments[ref]; !strings.Contains(c, statedN.Value.Comma()) || !strings.Contains(c, sum.Comma()) {
							t.Errorf("%s!%s: comment %q does not give the stated figure and the sum", sheet, ref, c)
						}
						return
					}
					formulas++
					if got := expandSum(formula); !slices.Equal(got, children) {
						t.Errorf("%s!%s = %q, want the SUM of %v", sheet, ref, formula, children)
					}
				}
				for i, r := range tab.rows {
					if len(r.item.Items) == 0 || r.item.Percent() {
						continue
					}
					for j, c := range tab.cols {
						if k, ok := scoreKey(c.Field); ok {
							check(cellRef(j+1, pos.dataFirst+i), r.item.Items, k, j+1, r.item.Sums.Effective[k], r.item.Scores.Get(k))
						}
					}
				}
				if pos.total > 0 {
					tot := totals(a)
					for j, c := range tab.cols {
						if k, ok := scoreKey(c.Field); ok {
							var s plan.Number
							if a.Total != nil {
								s = a.Total.Get(k)
							}
							check(cellRef(j+1, pos.total), a.Items, k, j+1, tot[k], s)
						}
					}
				}
			}
			if scorer && formulas == 0 {
				t.Errorf("no formulas in a scored plan")
			}
			if strings.Contains(file, "hagiang") && stated < 3 {
				t.Errorf("%d stated figures kept as values, want Hà Giang's 2.2, 3.4 and 7.1", stated)
			}
		})
	}
}

// TestCachedDigits: a formula cell stores the plan's figure digit for
// digit, as a number (no t="str").
func TestCachedDigits(t *testing.T) {
	data, _ := export(t, loadFile(t, "../../plans/daknong-2024.yaml"), Options{Appendix: "phu-luc-01"})
	xml := sheetXML(t, data, "xl/worksheets/sheet1.xml")
	for _, want := range []string{
		`<c r="D8" s="7"><f>SUM(D9:D11,D14:D17)</f><v>9.45</v></c>`,
		`<f>SUM(D8,D18,D27,D47,D63,D83,D101,D119)</f><v>85.415</v></c>`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("the sheet has no %s", want)
		}
	}
}

func sheetXML(t *testing.T, data []byte, part string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == part {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s", part)
	return ""
}

// TestNoFormulas: --no-formulas leaves no formula anywhere, and the
// figures as they are.
func TestNoFormulas(t *testing.T) {
	for _, file := range planFiles(t) {
		p := loadFile(t, file)
		data, _ := export(t, p, Options{NoFormulas: true})
		f := open(t, data)
		with, _ := export(t, loadFile(t, file), Options{})
		g := open(t, with)
		for _, sheet := range visibleSheets(f) {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := g.GetRows(sheet)
			for r, row := range rows {
				for c := range row {
					ref := cellRef(c+1, r+1)
					if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
						t.Errorf("%s: %s!%s = %s with --no-formulas", file, sheet, ref, fm)
					}
					if r < len(want) && c < len(want[r]) && want[r][c] != row[c] {
						t.Errorf("%s: %s!%s reads %q, %q with formulas", file, sheet, ref, row[c], want[r][c])
					}
				}
			}
		}
	}
}

// TestSumOf: runs of adjacent rows are ranges.
func TestSumOf(t *testing.T) {
	for _, tt := range []struct {
		name string
		rows []int
		want string
	}{
		{"one", []int{0}, "SUM(D8)"},
		{"run", []int{0, 1, 2}, "SUM(D8:D10)"},
		{"gaps", []int{0, 2, 3, 7}, "SUM(D8,D10:D11,D15)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sumOf("D", 8, tt.rows); got != tt.want {
				t.Errorf("sumOf = %q, want %q", got, tt.want)
			}
			if got := expandSum(tt.want); len(got) == 0 || got[0] != "D8" {
				t.Errorf("expandSum(%q) = %v", tt.want, got)
			}
		})
	}
}

// TestPageNumbers: a layout may place the page numbers otherwise.
func TestPageNumbers(t *testing.T) {
	for _, tt := range []struct {
		placement      string
		header, footer string
		differentFirst bool
		noHeaderFooter bool
	}{
		{placement: "", header: pageNumber, differentFirst: true},
		{placement: layout.PageNumbersTop, header: pageNumber, differentFirst: true},
		{placement: layout.PageNumbersBottom, footer: pageNumber},
		{placement: layout.PageNumbersNone, noHeaderFooter: true},
	} {
		t.Run(tt.placement, func(t *testing.T) {
			hf := pageNumbers(tt.placement)
			if tt.noHeaderFooter {
				if hf != nil {
					t.Errorf("%+v, want none", hf)
				}
				return
			}
			if hf == nil || hf.OddHeader != tt.header || hf.OddFooter != tt.footer || hf.DifferentFirst != tt.differentFirst {
				t.Errorf("%+v", hf)
			}
		})
	}
}
