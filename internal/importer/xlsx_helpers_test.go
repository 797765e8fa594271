package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book builds a workbook in memory: build fills it, from a new file whose
// one sheet is "Sheet1".
func book(t testing.TB, build func(b *builder)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{t: t, f: f, sheet: "Sheet1", styles: map[string]int{}}
	build(b)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for name, content := range b.parts {
		data = replacePart(t, data, name, content)
	}
	return data
}

// builder writes test workbooks tersely; any excelize error fails the test.
type builder struct {
	t      testing.TB
	f      *excelize.File
	sheet  string
	styles map[string]int
	used   bool // something was written to Sheet1
	parts  map[string]string
}

// part replaces a part of the package once excelize has written it, for
// what excelize will not write (a value hidden under a merged range).
func (b *builder) part(name, content string) {
	if b.parts == nil {
		b.parts = map[string]string{}
	}
	b.parts[name] = content
}

func (b *builder) check(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

// newSheet adds a sheet and writes to it from now on; while nothing has
// been written, it renames Sheet1 instead, so the workbook holds only the
// sheets named.
func (b *builder) newSheet(name string) {
	b.t.Helper()
	if !b.used && b.sheet == "Sheet1" {
		b.check(b.f.SetSheetName("Sheet1", name))
	} else if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
	b.sheet = name
}

// style returns a style for a short spec: "b" bold, "B" all borders,
// "f=<code>" a number format code, "n=<id>" a built-in format; joined
// with spaces.
func (b *builder) style(spec string) int {
	b.t.Helper()
	if id, ok := b.styles[spec]; ok {
		return id
	}
	st := &excelize.Style{}
	for _, p := range strings.Fields(spec) {
		switch {
		case p == "b":
			st.Font = &excelize.Font{Bold: true}
		case p == "B":
			for _, side := range []string{"left", "right", "top", "bottom"} {
				st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
			}
		case strings.HasPrefix(p, "f="):
			code := strings.TrimPrefix(p, "f=")
			st.CustomNumFmt = &code
		case strings.HasPrefix(p, "n="):
			_, err := fmt.Sscan(strings.TrimPrefix(p, "n="), &st.NumFmt)
			b.check(err)
		default:
			b.t.Fatalf("style %q", p)
		}
	}
	id, err := b.f.NewStyle(st)
	b.check(err)
	b.styles[spec] = id
	return id
}

// row writes values from column A of row n. A string value is text; a
// float64 or int a number; nil leaves the cell alone. A value of type v
// carries a style.
func (b *builder) row(n int, values ...any) {
	b.t.Helper()
	for i, val := range values {
		cell, err := excelize.CoordinatesToCellName(i+1, n)
		b.check(err)
		b.set(cell, val)
	}
}

// stored is a number written as these digits, as Excel writes some
// (1.005 as 1.0049999999999999).
type stored string

// v is a value with a style spec (see style).
type v struct {
	val   any
	style string
}

func (b *builder) set(cell string, val any) {
	b.t.Helper()
	b.used = true
	if sv, ok := val.(v); ok {
		b.set(cell, sv.val)
		b.check(b.f.SetCellStyle(b.sheet, cell, cell, b.style(sv.style)))
		return
	}
	switch x := val.(type) {
	case nil:
	case string:
		b.check(b.f.SetCellStr(b.sheet, cell, x))
	case stored:
		b.check(b.f.SetCellDefault(b.sheet, cell, string(x)))
	case float64:
		b.check(b.f.SetCellFloat(b.sheet, cell, x, -1, 64))
	case int:
		b.check(b.f.SetCellInt(b.sheet, cell, int64(x)))
	default:
		b.t.Fatalf("value %T", val)
	}
}

func (b *builder) merge(from, to string) {
	b.t.Helper()
	b.used = true
	b.check(b.f.MergeCell(b.sheet, from, to))
}

// styleRange gives every cell of a range a style (borders, say).
func (b *builder) styleRange(from, to, spec string) {
	b.t.Helper()
	b.used = true
	b.check(b.f.SetCellStyle(b.sheet, from, to, b.style(spec)))
}

// dump writes a document in a compact form tests compare with:
//
//	title: …
//	table 1 "Sheet1"
//	  before 2 bold: text
//	  row 6 header: cell | cell
//	  after 17: text
//
// A cell is its text (line breaks as ⏎; · when empty) after its flags:
// * bold, # numeric (=raw when Raw differs from Text), > spread from the
// left, ^ spread from above.
func dumpXLSX(doc *Document) string {
	var b strings.Builder
	if doc.Title != "" {
		fmt.Fprintf(&b, "title: %s\n", doc.Title)
	}
	paras := func(kind string, ps []Para) {
		for _, p := range ps {
			bold := ""
			if p.Bold {
				bold = " bold"
			}
			fmt.Fprintf(&b, "  %s %d%s: %s\n", kind, p.Line, bold, p.Text)
		}
	}
	for _, t := range doc.Tables {
		fmt.Fprintf(&b, "table %d %q\n", t.Index, t.Sheet)
		paras("before", t.Before)
		for _, r := range t.Rows {
			header := ""
			if r.Header {
				header = " header"
			}
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				cells[i] = dumpCell(c)
			}
			fmt.Fprintf(&b, "  row %d%s: %s\n", r.Line, header, strings.Join(cells, " | "))
		}
		paras("after", t.After)
	}
	return b.String()
}

func dumpCell(c Cell) string {
	var flags string
	if c.Bold {
		flags += "*"
	}
	if c.Numeric {
		flags += "#"
	}
	switch {
	case c.SpreadDown:
		flags += "^"
	case c.Spread:
		flags += ">"
	}
	text := strings.ReplaceAll(c.Text, "\n", "⏎")
	if text == "" {
		text = "·"
	}
	if c.Numeric && c.Raw != c.Text {
		text += "=" + c.Raw
	}
	return flags + text
}

// dedent drops the tabs that indent a wanted dump in the test table, and
// its blank lines; dumps indent with spaces.
func dedent(s string) string {
	var b strings.Builder
	for l := range strings.Lines(s) {
		if l = strings.TrimLeft(l, "\t"); strings.TrimSpace(l) != "" {
			b.WriteString(l)
		}
	}
	return b.String()
}
