package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// scanTokens lists a part's tokens as text ("<row r=1>", "text", "</row>"),
// with the attributes the readers look at, and the error that ended it.
func scanTokens(toks xmlTokens) ([]string, error) {
	var out []string
	for {
		kind, err := toks.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch kind {
		case tokStart:
			s := "<" + string(toks.local())
			for _, a := range []string{"r", "t", "s", "ref", "id"} {
				if v, ok := toks.attr(a); ok {
					s += fmt.Sprintf(" %s=%q", a, v)
				}
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, "</"+string(toks.local())+">")
		case tokText:
			out = append(out, fmt.Sprintf("%q", toks.text()))
		}
	}
}

// joinText merges adjacent text tokens: encoding/xml and the scanner may
// cut a text run at different places (a CDATA section, say), which the
// readers join again.
func joinText(toks []string) []string {
	var out []string
	for _, t := range toks {
		if strings.HasPrefix(t, `"`) && len(out) > 0 && strings.HasPrefix(out[len(out)-1], `"`) {
			out[len(out)-1] = out[len(out)-1][:len(out[len(out)-1])-1] + t[1:]
			continue
		}
		out = append(out, t)
	}
	return out
}

// checkScanner compares the scanner with encoding/xml on one part: where
// the scanner does not give up, both read the same tokens, and a part
// the scanner reads to its end encoding/xml reads without an error.
func checkScanner(t *testing.T, data []byte) {
	t.Helper()
	for _, raw := range []bool{true, false} {
		// A reader that returns a byte at a time makes every token cross
		// the scanner's buffer boundary.
		for _, r := range []io.Reader{bytes.NewReader(data), iotest.OneByteReader(bytes.NewReader(data))} {
			got, err := scanTokens(newXMLScanner(r))
			if errors.Is(err, errUnsure) {
				continue
			}
			want, werr := scanTokens(newStdTokens(bytes.NewReader(data), raw))
			if err != nil || werr != nil {
				t.Fatalf("raw=%v: scanner error %v, encoding/xml error %v on %q", raw, err, werr, data)
			}
			if g, w := strings.Join(joinText(got), " "), strings.Join(joinText(want), " "); g != w {
				t.Fatalf("raw=%v: on %q\nscanner:      %s\nencoding/xml: %s", raw, data, g, w)
			}
		}
	}
}

// scannerSeeds are the parts of the test workbooks the readers scan, and
// the edge cases of the scanner's grammar.
func scannerSeeds(tb testing.TB) [][]byte {
	seeds := [][]byte{
		[]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`),
		[]byte(`<a x:r='1'>&lt;&#65;&#x1F600;&amp;&quot;&apos;&gt;</a>`),
		[]byte(`<a><b/><c r="A&amp;1" /></a>`),
		[]byte("<a>x\r\ny</a>"),
		[]byte(`<a><![CDATA[<b>]]></a>`),
		[]byte(`<a><!-- c --></a>`),
		[]byte(`<a>]]></a>`),
		[]byte(`<a>&bogus;</a>`),
		[]byte(`<a>&#1;</a>`),
		[]byte(`<a></b>`),
		[]byte(`<x:a></y:a>`),
		[]byte(`<a b="1"c="2"/>`),
		[]byte(`<a b = "1"/>`),
		[]byte(`<a b="<"/>`),
		[]byte(`<?xml version="1.1"?><a/>`),
		[]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><a>` + "\xe9" + `</a>`),
		[]byte("<a>\xff</a>"),
		[]byte(`<a>tiếng Việt</a>`),
		[]byte(`<a>`),
		[]byte(`text<a/>tail`),
	}
	files, _ := filepath.Glob("../../testdata/import/*.xlsx")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".xml") || f.UncompressedSize64 > 64<<10 {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			part, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				tb.Fatal(err)
			}
			seeds = append(seeds, part)
		}
	}
	return seeds
}

// TestXMLScanner: on every part of the test workbooks the scanner reads
// what encoding/xml reads, and it reads them itself (it would be no use
// otherwise); on the edge cases it agrees or gives up.
func TestXMLScanner(t *testing.T) {
	fast := 0
	for _, data := range scannerSeeds(t) {
		checkScanner(t, data)
		if _, err := scanTokens(newXMLScanner(bytes.NewReader(data))); err == nil {
			fast++
		}
	}
	if fast < 10 {
		t.Errorf("the scanner read only %d parts itself", fast)
	}
	for _, tc := range []struct {
		in     string
		unsure bool
	}{
		{`<a>&#1;</a>`, true},
		{`<a><!-- c --></a>`, true},
		{"<a>x\r\ny</a>", true},
		{`<a></b>`, true},
		{`<a>`, true},
		{`<a b="1"/>`, false},
		{`<a>&#x1F600;</a>`, false},
	} {
		_, err := scanTokens(newXMLScanner(strings.NewReader(tc.in)))
		if got := errors.Is(err, errUnsure); got != tc.unsure || !got && err != nil {
			t.Errorf("%q: error %v, want unsure=%v", tc.in, err, tc.unsure)
		}
	}
}

// TestScanWorksheetPaths: a sheet the scanner cannot read is read
// through encoding/xml, to the same result.
func TestScanWorksheetPaths(t *testing.T) {
	sheet := `<worksheet><sheetData><!-- a comment --><row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="inlineStr"><is><t>Chủ trì</t></is></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>`
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("s.xml")
	_, _ = w.Write([]byte(sheet))
	_ = zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	p := &xlPackage{files: map[string]*zip.File{"s.xml": zr.File[0]}}
	budget := 100
	s, err := p.scanWorksheet(xlSheet{name: "S", part: "s.xml", worksheet: true}, DefaultXLSXLimits, &budget)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.rows) != 1 || len(s.rows[0].cells) != 2 || s.rows[0].cells[0].raw != "1.5" || s.rows[0].cells[1].inline != "Chủ trì" || len(s.merges) != 1 {
		t.Errorf("%+v", s)
	}
	if budget != 97 {
		t.Errorf("budget %d after the second read, want 97", budget)
	}
}

// FuzzXMLScanner: the scanner never reads a part differently from
// encoding/xml.
func FuzzXMLScanner(f *testing.F) {
	for _, s := range scannerSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkScanner(t, data)
	})
}
