package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/net/html/charset"
)

// The scan reads a workbook's package itself, before excelize opens it:
// the sheet list from workbook.xml, then each sheet's XML as a stream of
// tokens. excelize's row iterator gives a cell's displayed text but not
// its type or style, and everything excelize offers that does (GetCellType,
// GetCellStyle, GetMergeCells) first decodes the whole sheet into memory,
// about 200 bytes a cell. The scan keeps what the table needs — column,
// style index, type, stored value, merged ranges — and checks the limits
// as it goes, so a sheet of a million rows is refused after MaxRows rows,
// before excelize has unzipped it.

// xlPackage is the part of a workbook package the reader needs.
type xlPackage struct {
	files  map[string]*zip.File
	sheets []xlSheet
}

// xlSheet is one sheet of the workbook, in tab order.
type xlSheet struct {
	name string
	pos  int // 1-based position among all the workbook's sheets
	part string
	// worksheet is false for chart sheets and dialog or macro sheets,
	// which hold no cells.
	worksheet bool
	hidden    bool
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	XMLName xml.Name
	Sheets  []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		RID   string `xml:"id,attr"` // r:id, in whichever namespace
	} `xml:"sheets>sheet"`
}

// openWorkbook reads the sheet list of the workbook zr holds. It returns
// ErrNotXLSX when zr is a zip but not a workbook (a .docx, say).
func openWorkbook(zr *zip.Reader, lim XLSXLimits) (*xlPackage, error) {
	p := &xlPackage{files: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.MaxBytes) {
			return nil, &LimitError{What: TooLargeBytes, Limit: lim.MaxBytes}
		}
		p.files[strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")] = f
	}
	var root xmlRels
	if err := p.decode("_rels/.rels", &root); err != nil {
		if errors.Is(err, errNoPart) {
			return nil, ErrNotXLSX
		}
		return nil, err
	}
	wbPath := ""
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	var wb xmlWorkbook
	if wbPath == "" || !strings.HasSuffix(strings.ToLower(wbPath), ".xml") {
		return nil, ErrNotXLSX
	}
	if err := p.decode(wbPath, &wb); err != nil {
		if errors.Is(err, errNoPart) {
			return nil, ErrNotXLSX
		}
		return nil, err
	}
	if wb.XMLName.Local != "workbook" { // a Word or PowerPoint file
		return nil, ErrNotXLSX
	}
	dir := path.Dir(wbPath)
	var rels xmlRels
	if err := p.decode(path.Join(dir, "_rels", path.Base(wbPath)+".rels"), &rels); err != nil && !errors.Is(err, errNoPart) {
		return nil, err
	}
	for i, s := range wb.Sheets {
		sh := xlSheet{name: s.Name, pos: i + 1, hidden: s.State == "hidden" || s.State == "veryHidden"}
		for _, r := range rels.Rels {
			if r.ID != s.RID {
				continue
			}
			target := path.Join(dir, r.Target)
			if strings.HasPrefix(r.Target, "/") {
				target = path.Clean(strings.TrimPrefix(r.Target, "/"))
			}
			sh.part = target
			sh.worksheet = strings.HasSuffix(r.Type, "/worksheet") && p.file(target) != nil
		}
		p.sheets = append(p.sheets, sh)
	}
	return p, nil
}

var errNoPart = errors.New("no such part")

// file returns the zip entry of a part, matching its name without regard
// to case when no entry matches exactly, as Office does.
func (p *xlPackage) file(name string) *zip.File {
	if f, ok := p.files[name]; ok {
		return f
	}
	for n, f := range p.files {
		if strings.EqualFold(n, name) {
			return f
		}
	}
	return nil
}

// decode unmarshals a small part (a relationship list, workbook.xml).
func (p *xlPackage) decode(name string, v any) error {
	f := p.file(name)
	if f == nil {
		return fmt.Errorf("%s: %w", name, errNoPart)
	}
	rc, err := f.Open()
	if err != nil {
		return &WorkbookError{Part: name, Err: err}
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	if err := d.Decode(v); err != nil {
		return &WorkbookError{Part: name, Err: err}
	}
	return nil
}

// Cell kinds, from the c element's t attribute.
const (
	kindNumber = iota // no t, or t="n": a number (dates included)
	kindString        // t="s" (shared) or t="inlineStr"
	kindFormulaString
	kindBool
	kindError
	kindDate // t="d": an ISO 8601 date written as text
)

// scanCell is one c element of a sheet.
type scanCell struct {
	col   int32
	style int32
	kind  uint8
	// raw is the stored value of a cell that is not a string: the v
	// element's text. Strings are stored as an index; their text comes
	// from excelize with the displayed values, or from the shared
	// strings the reader reads itself.
	raw string
	// sst is a shared string's index (t="s"), -1 for any other cell.
	sst int32
	// inline is an inline string's text (t="inlineStr"), with inlineOK
	// set when it was read whole.
	inline   string
	inlineOK bool
	// cell is the cell's content, made once its displayed text is known.
	cell Cell
}

// scanRow is one row element; cells are in column order.
type scanRow struct {
	num   int
	cells []scanCell
}

// mergeRange is a merged range, 1-based and inclusive.
type mergeRange struct {
	r1, c1, r2, c2 int
}

// scanSheet is what the scan keeps of a sheet.
type scanSheet struct {
	rows   []scanRow // in row order, without rows that have no c element
	merges []mergeRange
}

// scanWorksheet streams a worksheet part, checking the limits as it goes.
// budget is the number of cells the workbook may still store; the cells
// (and merged ranges) read are taken from it.
func (p *xlPackage) scanWorksheet(sh xlSheet, lim XLSXLimits, budget *int) (*scanSheet, error) {
	f := p.file(sh.part)
	if err := precount(f, sh, lim, *budget); err != nil {
		return nil, err
	}
	left := *budget
	s, err := p.scanPart(f, sh, lim, budget, false)
	if errors.Is(err, errUnsure) {
		*budget = left
		s, err = p.scanPart(f, sh, lim, budget, true)
	}
	return s, err
}

// scanPart reads a worksheet part through the scanner, or through
// encoding/xml when std is set.
func (p *xlPackage) scanPart(f *zip.File, sh xlSheet, lim XLSXLimits, budget *int, std bool) (*scanSheet, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &WorkbookError{Part: sh.part, Err: err}
	}
	defer rc.Close()
	var toks xmlTokens = newXMLScanner(rc)
	if std {
		toks = newStdTokens(rc, true)
	}
	s := &scanSheet{}
	malformed := func(err error) error { return &WorkbookError{Part: sh.part, Err: err} }
	tooLarge := func(what string, limit int64) error {
		return &LimitError{What: what, Limit: limit, Sheet: sh.name}
	}
	var (
		row  *scanRow
		cell *scanCell
		inV  bool
		// inT and inRPh follow an inline string's text runs.
		inT, inRPh bool
		rowN       int
		colN       int
		value      []byte
		depth      int  // RawToken does not check that elements are closed
		data       bool // inside sheetData, where rows are
	)
	for {
		kind, err := toks.next()
		if err == io.EOF {
			if depth != 0 {
				return nil, malformed(io.ErrUnexpectedEOF)
			}
			break
		}
		if errors.Is(err, errUnsure) {
			return nil, err
		}
		if err != nil {
			return nil, malformed(err)
		}
		switch kind {
		case tokStart:
			depth++
			switch string(toks.local()) {
			case "sheetData":
				data = true
			case "row":
				if !data {
					break
				}
				n := rowN + 1
				if v, _ := toks.attr("r"); len(v) > 0 {
					if n = atoiBytes(v); n < 1 {
						return nil, malformed(fmt.Errorf("row number %q", v))
					}
				}
				if n <= rowN {
					return nil, malformed(fmt.Errorf("row %d after row %d", n, rowN))
				}
				if n > lim.MaxRows {
					return nil, tooLarge(TooLargeRows, int64(lim.MaxRows))
				}
				rowN, colN = n, 0
				// Rows of a table are about as wide as the row above:
				// room for that many cells saves growing the slice
				// cell by cell (it was most of what the scan allocated).
				width := 0
				if k := len(s.rows); k > 0 {
					width = len(s.rows[k-1].cells)
				}
				s.rows = append(s.rows, scanRow{num: n, cells: make([]scanCell, 0, width)})
				row = &s.rows[len(s.rows)-1]
			case "c":
				if !data {
					break
				}
				if row == nil {
					return nil, malformed(errors.New("cell outside a row"))
				}
				c := colN + 1
				if v, _ := toks.attr("r"); len(v) > 0 {
					if c = refColumn(v); c < 1 {
						return nil, malformed(fmt.Errorf("cell reference %q", v))
					}
				}
				if c <= colN {
					return nil, malformed(fmt.Errorf("row %d: column %d after column %d", rowN, c, colN))
				}
				if c > lim.MaxCols {
					return nil, tooLarge(TooLargeColumns, int64(lim.MaxCols))
				}
				if *budget--; *budget < 0 {
					return nil, tooLarge(TooLargeCells, int64(lim.MaxCells))
				}
				colN = c
				typ, _ := toks.attr("t")
				sc := scanCell{col: int32(c), kind: cellKind(typ), sst: -1}
				if string(typ) == "s" {
					sc.sst = -2 // an index to come in v
				}
				if v, _ := toks.attr("s"); len(v) > 0 {
					if st := atoiBytes(v); st >= 0 && st <= 1<<30 {
						sc.style = int32(st)
					}
				}
				row.cells = append(row.cells, sc)
				cell = &row.cells[len(row.cells)-1]
			case "v":
				if cell != nil {
					inV = true
					value = value[:0]
				}
			case "is":
				if cell != nil {
					cell.inlineOK = true
				}
			case "t":
				inT = cell != nil && cell.inlineOK && !inRPh
			case "rPh":
				inRPh = true
			case "mergeCell":
				ref, _ := toks.attr("ref")
				m, ok := parseRange(ref)
				if !ok {
					return nil, malformed(fmt.Errorf("merged range %q", ref))
				}
				if *budget--; *budget < 0 {
					return nil, tooLarge(TooLargeCells, int64(lim.MaxCells))
				}
				s.merges = append(s.merges, m)
			}
		case tokText:
			t := toks.text()
			if inV {
				value = append(value, t...)
			}
			if inT {
				if cell.inline == "" {
					cell.inline = string(t)
				} else {
					cell.inline += string(t)
				}
			}
		case tokEnd:
			depth--
			switch string(toks.local()) {
			case "sheetData":
				data = false
			case "v":
				if inV && cell.kind != kindString {
					cell.raw = string(value)
				}
				if inV && cell.sst == -2 {
					if i := atoiBytes(bytes.TrimSpace(value)); i >= 0 && i < 1<<30 {
						cell.sst = int32(i)
					}
				}
				inV = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			case "c":
				cell, inV, inT, inRPh = nil, false, false, false
			case "row":
				row, cell, inV = nil, nil, false
			}
		}
	}
	return s, nil
}

// atoiBytes reads a decimal number as strconv.Atoi does, without a sign
// or with one; it returns -1 for anything else (or a number past 2^31).
func atoiBytes(b []byte) int {
	i, neg := 0, false
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		neg, i = b[0] == '-', 1
	}
	if i == len(b) {
		return -1
	}
	n := 0
	for ; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return -1
		}
		if n = n*10 + int(b[i]-'0'); n > 1<<31 {
			return -1
		}
	}
	if neg {
		return -n
	}
	return n
}

// precount refuses a sheet with too many rows or cells at the speed of
// unzipping, some fifteen times faster than encoding/xml reads it (see
// BenchmarkReadXLSXRefused). It looks only at tag names and row numbers,
// which is safe to do on bytes: in well-formed XML a "<" outside a
// comment or CDATA section starts markup, and counting too much only
// makes it stricter. A sheet it passes is checked again, properly, by
// the scan.
func precount(f *zip.File, sh xlSheet, lim XLSXLimits, budget int) error {
	rc, err := f.Open()
	if err != nil {
		return &WorkbookError{Part: sh.part, Err: err}
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	rows, cells := 0, 0
	for {
		_, err := br.ReadSlice('<')
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &WorkbookError{Part: sh.part, Err: err}
		}
		head, _ := br.Peek(16) // a prefix ("x:"), the name and what follows
		start, end := 0, len(head)
	name:
		for i, b := range head {
			switch b {
			case ':':
				start = i + 1
			case ' ', '\t', '\r', '\n', '/', '>':
				end = i
				break name
			}
		}
		switch string(head[start:end]) {
		case "row":
			rows++
			tag, err := br.ReadSlice('>')
			if err != nil && err != bufio.ErrBufferFull {
				continue // the scan will say what is wrong
			}
			if n := rowNumber(tag); n > rows {
				rows = n
			}
			if rows > lim.MaxRows {
				return &LimitError{What: TooLargeRows, Limit: int64(lim.MaxRows), Sheet: sh.name}
			}
		case "c", "mergeCell":
			if cells++; cells > budget {
				return &LimitError{What: TooLargeCells, Limit: int64(lim.MaxCells), Sheet: sh.name}
			}
		}
	}
}

// rowNumber returns the r attribute of a row tag's text, or 0.
func rowNumber(tag []byte) int {
	i := bytes.Index(tag, []byte(` r="`))
	if i < 0 {
		if i = bytes.Index(tag, []byte(` r='`)); i < 0 {
			return 0
		}
	}
	n := 0
	for _, b := range tag[i+4:] {
		if b < '0' || b > '9' || n > 1<<30 {
			break
		}
		n = n*10 + int(b-'0')
	}
	return n
}

func cellKind(t []byte) uint8 {
	switch string(t) {
	case "s", "inlineStr":
		return kindString
	case "str":
		return kindFormulaString
	case "b":
		return kindBool
	case "e":
		return kindError
	case "d":
		return kindDate
	}
	return kindNumber
}

// maxColumn is the last column a sheet can have (XFD).
const maxColumn = 16384

// refColumn returns the 1-based column of an A1 reference ("$AB$12" is
// 28), or 0 if ref is not one.
func refColumn[T string | []byte](ref T) int {
	c, _, ok := parseRef(ref)
	if !ok {
		return 0
	}
	return c
}

// parseRef reads an A1 reference into its 1-based column and row.
func parseRef[T string | []byte](ref T) (col, row int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	for ; i < len(ref); i++ {
		b := ref[i] | 0x20 // lower case
		if b < 'a' || b > 'z' {
			break
		}
		col = col*26 + int(b-'a'+1)
		if col > maxColumn {
			return 0, 0, false
		}
	}
	if col == 0 {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	if i == len(ref) {
		return 0, 0, false
	}
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return 0, 0, false
		}
		row = row*10 + int(ref[i]-'0')
		if row > 1<<24 {
			return 0, 0, false
		}
	}
	return col, row, row >= 1
}

// parseRange reads "B2:D4" (or a single cell, "B2") into a range whose
// corners are in order.
func parseRange(ref []byte) (mergeRange, bool) {
	a, b, found := bytes.Cut(ref, []byte(":"))
	if !found {
		b = a
	}
	c1, r1, ok1 := parseRef(a)
	c2, r2, ok2 := parseRef(b)
	if !ok1 || !ok2 {
		return mergeRange{}, false
	}
	return mergeRange{r1: min(r1, r2), c1: min(c1, c2), r2: max(r1, r2), c2: max(c1, c2)}, true
}
