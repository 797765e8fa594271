package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// This file builds .docx files from hand-written WordprocessingML.

const docHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
	` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
	` xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>`

const docTail = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const packageRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

// part is one zip entry.
type part struct{ name, data string }

// document wraps body in a w:document.
func document(body string) string { return docHead + body + docTail }

// docxParts are the parts of a .docx whose body is body.
func docxParts(body string, extra ...part) []part {
	return append([]part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"word/document.xml", document(body)},
	}, extra...)
}

// buildZip writes the parts with method (zip.Store or zip.Deflate).
func buildZip(tb testing.TB, method uint16, parts ...part) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func docx(tb testing.TB, body string, extra ...part) []byte {
	tb.Helper()
	return buildZip(tb, zip.Deflate, docxParts(body, extra...)...)
}

// Snippet builders: they keep the test cases close to what they mean.

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// run is a w:r with text s; props go into its w:rPr.
func run(props, s string) string {
	rpr := ""
	if props != "" {
		rpr = "<w:rPr>" + props + "</w:rPr>"
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + esc(s) + `</w:t></w:r>`
}

// para is a w:p holding runs (or any inline XML).
func para(inline ...string) string { return "<w:p>" + strings.Join(inline, "") + "</w:p>" }

// p is a paragraph of plain text, pb one of bold text.
func p(s string) string  { return para(run("", s)) }
func pb(s string) string { return para(run("<w:b/>", s)) }

// tc is a cell; props go into its w:tcPr; content is paragraphs and
// tables (a bare string is made a paragraph).
func tc(props string, content ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc>")
	if props != "" {
		b.WriteString("<w:tcPr>" + props + "</w:tcPr>")
	}
	for _, c := range content {
		if !strings.HasPrefix(c, "<") {
			c = p(c)
		}
		b.WriteString(c)
	}
	if len(content) == 0 {
		b.WriteString("<w:p/>")
	}
	b.WriteString("</w:tc>")
	return b.String()
}

// c is a plain cell of one paragraph.
func c(s string) string { return tc("", s) }

// tr is a row; props go into its w:trPr.
func tr(props string, cells ...string) string {
	pr := ""
	if props != "" {
		pr = "<w:trPr>" + props + "</w:trPr>"
	}
	return "<w:tr>" + pr + strings.Join(cells, "") + "</w:tr>"
}

// tbl is a table of grid columns.
func tbl(grid int, rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>` +
		strings.Repeat(`<w:gridCol w:w="1000"/>`, grid) + `</w:tblGrid>` + strings.Join(rows, "") + `</w:tbl>`
}

const (
	header   = `<w:tblHeader/>`
	restart  = `<w:vMerge w:val="restart"/>`
	cont     = `<w:vMerge/>`
	bold     = `<w:b/>`
	notBold  = `<w:b w:val="0"/>`
	emptyPar = `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>`
)

func gridSpanXML(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }

// dump writes a document in the compact form the tests compare:
//
//	table 1 (3 columns)
//	  before 2: *Phụ lục 01        (* marks bold)
//	  row 1 header: STT | >STT | ^Nội dung | ∅
//	  after 7: Ghi chú
//
// > marks a cell spread from the left, ^ one spread from above, ∅ an
// empty cell, ⏎ a line break.
func dump(d *Document) string {
	var b strings.Builder
	if d.Title != "" {
		fmt.Fprintf(&b, "title: %s\n", d.Title)
	}
	paras := func(what string, ps []Para) {
		for _, p := range ps {
			fmt.Fprintf(&b, "  %s %d: %s%s\n", what, p.Line, star(p.Bold), nl(p.Text))
		}
	}
	for _, t := range d.Tables {
		fmt.Fprintf(&b, "table %d (%d columns)\n", t.Index, t.Columns)
		paras("before", t.Before)
		for _, r := range t.Rows {
			h := ""
			if r.Header {
				h = " header"
			}
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				mark := ""
				switch {
				case c.SpreadDown:
					mark = "^"
				case c.Spread:
					mark = ">"
				}
				text := nl(c.Text)
				if text == "" {
					text = "∅"
				}
				cells[i] = mark + star(c.Bold) + text
			}
			fmt.Fprintf(&b, "  row %d%s: %s\n", r.Line, h, strings.Join(cells, " | "))
		}
		paras("after", t.After)
	}
	return b.String()
}

func star(bold bool) string {
	if bold {
		return "*"
	}
	return ""
}

func nl(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }

// checkShape reports what breaks the promises of doc.go: one cell per
// grid column, Text the Paras joined, 1-based indexes in order.
func checkShape(d *Document) error {
	for i, t := range d.Tables {
		if t.Index != i+1 {
			return fmt.Errorf("table %d has Index %d", i+1, t.Index)
		}
		for j, r := range t.Rows {
			if len(r.Cells) != t.Columns {
				return fmt.Errorf("table %d row %d: %d cells, %d columns", t.Index, j+1, len(r.Cells), t.Columns)
			}
			if r.Line != j+1 {
				return fmt.Errorf("table %d row %d has Line %d", t.Index, j+1, r.Line)
			}
			for k, c := range r.Cells {
				if c.Text != strings.Join(c.Paras, "\n") {
					return fmt.Errorf("table %d row %d cell %d: Text %q, Paras %q", t.Index, j+1, k+1, c.Text, c.Paras)
				}
			}
		}
	}
	return nil
}
