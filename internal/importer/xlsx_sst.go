package importer

import (
	"encoding/xml"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
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
	rc, err := f.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, lim.MaxBytes))
	d.CharsetReader = charset.NewReaderLabel
	var cur strings.Builder
	inSI, inT, inRPh := false, false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return sst, !inSI
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = inSI && !inRPh
			case "rPh":
				inRPh = true
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				s := cur.String()
				if strings.Contains(s, "_x") {
					return nil, false // excelize decodes _xHHHH_ escapes
				}
				sst = append(sst, s)
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
