package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
)

// readSharedStrings reads the workbook's shared strings (the texts cells
// of type "s" point to) the way excelize shows them: the text runs of
// each si element joined, phonetic runs left out. ok is false where the
// reader would not show a string exactly as excelize does — an escaped
// character (_x000D_), a part over the limit, broken XML — and the
// caller then asks excelize.
func readSharedStrings(p *xlPackage, lim XLSXLimits) (sst []string, ok bool) {
	f := p.file("xl/sharedStrings.xml")
	if f == nil {
		return nil, true // no strings at all
	}
	if f.UncompressedSize64 > uint64(lim.MaxBytes) {
		return nil, false
	}
	sst, err := sharedStrings(f, lim, false)
	if errors.Is(err, errUnsure) {
		sst, err = sharedStrings(f, lim, true)
	}
	return sst, err == nil
}

// errNotAsExcelize is a shared string the reader would not show as
// excelize does.
var errNotAsExcelize = errors.New("a string excelize shows otherwise")

// sharedStrings reads the part through the scanner, or through
// encoding/xml when std is set.
func sharedStrings(f *zip.File, lim XLSXLimits, std bool) ([]string, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	r := io.LimitReader(rc, lim.MaxBytes)
	var toks xmlTokens = newXMLScanner(r)
	if std {
		toks = newStdTokens(r, false)
	}
	var (
		sst              []string
		cur              []byte
		inSI, inT, inRPh bool
	)
	for {
		kind, err := toks.next()
		if err == io.EOF {
			if inSI {
				return nil, io.ErrUnexpectedEOF
			}
			return sst, nil
		}
		if err != nil {
			return nil, err
		}
		switch kind {
		case tokStart:
			switch string(toks.local()) {
			case "si":
				inSI = true
				cur = cur[:0]
			case "t":
				inT = inSI && !inRPh
			case "rPh":
				inRPh = true
			}
		case tokText:
			if inT {
				cur = append(cur, toks.text()...)
			}
		case tokEnd:
			switch string(toks.local()) {
			case "si":
				if bytes.Contains(cur, []byte("_x")) {
					return nil, errNotAsExcelize // excelize decodes _xHHHH_ escapes
				}
				sst = append(sst, string(cur))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			}
		}
	}
}

// slowText, set by a test, makes every sheet's text come from excelize.
var slowText = false

// quickHook, set by a test, is called when a sheet takes the quick path.
var quickHook func()

// quickText gives every cell of a scanned sheet its displayed text
// without excelize, when the sheet holds only numbers in plain formats
// and shared strings. It reports whether it could.
func (rd *xlReader) quickText(s *scanSheet) bool {
	if !rd.sstOK || slowText {
		return false
	}
	for i := range s.rows {
		for j := range s.rows[i].cells {
			c := &s.rows[i].cells[j]
			switch {
			case c.kind == kindString && c.sst >= 0 && int(c.sst) < len(rd.sst):
			case c.kind == kindString && c.sst == -1 && c.inlineOK && !strings.Contains(c.inline, "_x"):
			case c.kind == kindNumber && c.raw == "":
			case c.kind == kindNumber:
				if _, ok := rd.style(c.style).format.display(c.raw); !ok {
					return false
				}
			default:
				return false
			}
		}
	}
	for i := range s.rows {
		for j := range s.rows[i].cells {
			c := &s.rows[i].cells[j]
			text := c.raw
			switch {
			case c.kind == kindString && c.sst >= 0:
				text = rd.sst[c.sst]
			case c.kind == kindString:
				text = c.inline
			}
			c.inline = ""
			c.cell = rd.content(c, text)
			c.raw = ""
		}
	}
	if quickHook != nil {
		quickHook()
	}
	return true
}
