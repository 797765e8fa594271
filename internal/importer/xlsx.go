package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/parplan/parplan/internal/xlsx"
)

// Errors of ReadXLSX. They carry no message for the user: the caller
// tells them apart with errors.Is and errors.As and says what went wrong
// in the user's language.
var (
	// ErrNotXLSX reports a file that is not an Excel workbook: not a zip,
	// or a zip without a workbook in it (a .docx, say).
	ErrNotXLSX = errors.New("not an Excel workbook")
	// ErrLegacyXLS reports an Excel 97-2003 workbook (.xls), which the
	// user has to save as .xlsx first.
	ErrLegacyXLS = errors.New("an Excel 97-2003 (.xls) workbook")
)

// NoSuchSheetError reports a sheet asked for by name that the workbook does
// not have. Sheets lists the workbook's worksheets, in tab order.
type NoSuchSheetError struct {
	Name   string
	Sheets []string
}

func (e *NoSuchSheetError) Error() string {
	return fmt.Sprintf("no sheet %q (the sheets are %q)", e.Name, e.Sheets)
}

// LimitError reports a workbook over one of its XLSXLimits: What is one
// of the TooLarge… names and Limit the limit's value; Sheet names the
// sheet when one sheet is at fault.
type LimitError struct {
	What  string
	Limit int64
	Sheet string
}

// The limits ErrTooLarge can name.
const (
	TooLargeBytes   = "bytes"   // XLSXLimits.MaxBytes
	TooLargeRows    = "rows"    // XLSXLimits.MaxRows
	TooLargeColumns = "columns" // XLSXLimits.MaxCols
	TooLargeCells   = "cells"   // XLSXLimits.MaxCells
)

func (e *LimitError) Error() string {
	if e.Sheet != "" {
		return fmt.Sprintf("sheet %q: more than %d %s", e.Sheet, e.Limit, e.What)
	}
	return fmt.Sprintf("more than %d %s", e.Limit, e.What)
}

// WorkbookError reports a workbook that is a zip of the right shape but
// whose content is broken. Part names the zip entry when it is known; Err
// is the underlying error, for logs.
type WorkbookError struct {
	Part string
	Err  error
}

func (e *WorkbookError) Error() string {
	if e.Part != "" {
		return fmt.Sprintf("malformed workbook: %s: %v", e.Part, e.Err)
	}
	return fmt.Sprintf("malformed workbook: %v", e.Err)
}

func (e *WorkbookError) Unwrap() error { return e.Err }

var (
	// oleMagic opens every OLE2 compound file: .xls workbooks, and .xlsx
	// workbooks encrypted with a password.
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// ReadXLSX reads every sheet of a workbook that holds a table (or only the
// named sheet, compared without regard to case): one Table per such sheet,
// in tab order, with Sheet set to the sheet's name and Index to its
// 1-based position among the workbook's tabs. Hidden sheets are read only
// when named. A workbook in which no sheet holds a table gives a Document
// without tables, not an error.
//
// A sheet's table starts at its header: the first row with at least three
// cells of text, more of them text than numbers (in a sheet without one,
// the first row of its widest block of rows with two cells or more). It
// ends at its last row with two cells or more, over at most one empty row
// or over rows of a single cell (a group's title) in between; or, when
// the header has borders, at its last such row among the bordered rows
// under it. Rows above the table with text are its Before, rows under it
// its After, one Para per row.
//
// Cells hold the text the cell displays, with its number format applied
// (12.9045 shown with format 0.000 reads "12.905", and Raw keeps
// "12.9045"), so that the importer sees the digits the province saw.
//
// Errors are ErrNotXLSX, ErrLegacyXLS, ErrEncrypted, *ErrNoSuchSheet,
// *ErrTooLarge, *ErrMalformed, or what r returned.
func ReadXLSX(r io.Reader, sheet string, lim XLSXLimits) (doc *Document, err error) {
	lim = lim.orDefault()
	defer func() {
		// excelize panics on some broken files; a broken file is an
		// input problem, not a crash.
		if p := recover(); p != nil {
			doc, err = nil, &WorkbookError{Err: fmt.Errorf("panic: %v", p)}
		}
	}()
	data, err := readAll(r, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &LimitError{What: TooLargeBytes, Limit: lim.MaxBytes}
	}
	if bytes.HasPrefix(data, oleMagic) {
		if bytes.Contains(data, encryptedPackage) {
			return nil, ErrEncrypted
		}
		return nil, ErrLegacyXLS
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotXLSX
	}
	pkg, err := openWorkbook(zr, lim)
	if err != nil {
		return nil, err
	}
	sheets, err := pkg.selectSheets(sheet)
	if err != nil {
		return nil, err
	}
	// Scan every sheet before excelize opens the workbook: excelize unzips
	// each large sheet to a temporary file when it opens, and a sheet over
	// the limits should cost no more than the rows up to the limit.
	budget := lim.MaxCells
	scans := make([]*scanSheet, len(sheets))
	for i, sh := range sheets {
		if scans[i], err = pkg.scanWorksheet(sh, lim, &budget); err != nil {
			return nil, err
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.MaxBytes,
		UnzipXMLSizeLimit: min(lim.MaxBytes, excelize.StreamChunkSize),
	})
	if err != nil {
		switch {
		case errors.Is(err, excelize.ErrWorkbookPassword):
			return nil, ErrEncrypted
		case errors.Is(err, excelize.ErrWorkbookFileFormat):
			return nil, ErrNotXLSX
		}
		return nil, &WorkbookError{Err: err}
	}
	defer f.Close()
	rd := &xlReader{f: f, lim: lim, styles: map[int32]styleInfo{}, budget: lim.MaxCells}
	rd.sst, rd.sstOK = readSharedStrings(pkg, lim)
	doc = &Document{}
	if props, err := f.GetDocProps(); err == nil {
		doc.Title = oneLine(props.Title)
	}
	// The stored plan is read first, so that it is parsed while the
	// sheets are read and mapped (see Import).
	if doc.Stored = storedPlan(f, lim); len(doc.Stored) > 0 {
		doc.stored = loadStored(doc.Stored)
	}
	for i, sh := range sheets {
		if err := rd.displayText(sh, scans[i]); err != nil {
			return nil, err
		}
		t, err := rd.table(sh, scans[i])
		if err != nil {
			return nil, err
		}
		scans[i] = nil // the table holds what is needed of it
		if t != nil {
			doc.Tables = append(doc.Tables, t)
		}
	}
	return doc, nil
}

// storedPlan reads the plan a workbook exported by parplan keeps in its
// very hidden sheet (internal/xlsx writes it): the plan file's text in
// pieces, one per row. A workbook without one, or one larger than the
// limits allow, gives nil.
func storedPlan(f *excelize.File, lim XLSXLimits) []byte {
	if v, err := f.GetSheetVisible(xlsx.StoredSheet); err != nil || v {
		return nil
	}
	rows, err := f.Rows(xlsx.StoredSheet)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var b bytes.Buffer
	for n := 0; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil || n > lim.MaxRows || int64(b.Len()) > lim.MaxBytes {
			return nil
		}
		if n == 0 {
			if len(cells) == 0 || cells[0] != xlsx.StoredHeader {
				return nil
			}
			continue
		}
		b.WriteString(strings.Join(cells, ""))
	}
	return b.Bytes()
}

// readAll reads r to its end, or to one byte past max. It sizes its
// buffer once when r can tell its size, as files and bytes.Readers can.
func readAll(r io.Reader, max int64) ([]byte, error) {
	var size int64
	switch r := r.(type) {
	case interface{ Size() int64 }:
		size = r.Size()
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	// ReadFrom wants MinRead bytes free before each read, the last (which
	// finds the end) included.
	buf := bytes.NewBuffer(make([]byte, 0, min(size, max)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	return buf.Bytes(), err
}

// selectSheets returns the worksheet named name (compared as Excel does,
// without regard to case), or all visible worksheets when name is empty.
func (p *xlPackage) selectSheets(name string) ([]xlSheet, error) {
	var out []xlSheet
	want := norm.NFC.String(strings.TrimSpace(name))
	for _, sh := range p.sheets {
		switch {
		case !sh.worksheet:
		case want == "" && !sh.hidden:
			out = append(out, sh)
		case want != "" && strings.EqualFold(norm.NFC.String(sh.name), want):
			return []xlSheet{sh}, nil
		}
	}
	if want != "" {
		e := &NoSuchSheetError{Name: name}
		for _, sh := range p.sheets {
			if sh.worksheet {
				e.Sheets = append(e.Sheets, norm.NFC.String(sh.name))
			}
		}
		return nil, e
	}
	return out, nil
}

// xlReader holds what is shared by the sheets of one workbook.
type xlReader struct {
	f      *excelize.File
	lim    XLSXLimits
	styles map[int32]styleInfo
	budget int // cells the tables may still hold
	// sst are the shared strings as the reader read them; sstOK says
	// they can stand for excelize's.
	sst   []string
	sstOK bool
}

// styleInfo is what the reader uses of a cell style.
type styleInfo struct {
	bold   bool
	border bool
	format numberFormat
}

func (rd *xlReader) style(id int32) styleInfo {
	if s, ok := rd.styles[id]; ok {
		return s
	}
	var s styleInfo
	if st, err := rd.f.GetStyle(int(id)); err == nil && st != nil {
		s.bold = st.Font != nil && st.Font.Bold
		for _, b := range st.Border {
			if b.Style > 0 {
				s.border = true
			}
		}
		s.format = parseNumberFormat(st.NumFmt, st.CustomNumFmt)
	}
	rd.styles[id] = s
	return s
}

// displayText fills in each scanned cell's content from excelize's row
// iterator, which streams the sheet and applies number formats. The
// iterator yields every row number in turn, empty rows included, so the
// n-th row it yields is sheet row n.
func (rd *xlReader) displayText(sh xlSheet, s *scanSheet) error {
	if len(s.rows) == 0 || rd.quickText(s) {
		return nil
	}
	rows, err := rd.f.Rows(sh.name)
	if err != nil {
		return &WorkbookError{Part: sh.part, Err: err}
	}
	defer rows.Close()
	i := 0
	for n := 1; i < len(s.rows) && rows.Next(); n++ {
		if s.rows[i].num != n {
			continue
		}
		cols, err := rows.Columns()
		if err != nil {
			return &WorkbookError{Part: sh.part, Err: err}
		}
		for j := range s.rows[i].cells {
			c := &s.rows[i].cells[j]
			text := ""
			if k := int(c.col) - 1; k < len(cols) {
				text = cols[k]
			}
			c.cell = rd.content(c, text)
			c.raw = ""
		}
		i++
	}
	if err := rows.Error(); err != nil {
		return &WorkbookError{Part: sh.part, Err: err}
	}
	return nil
}

// content makes the Cell of a scanned cell that displays text.
func (rd *xlReader) content(c *scanCell, text string) Cell {
	st := rd.style(c.style)
	numeric := c.kind == kindNumber && c.raw != ""
	if numeric {
		if s, ok := st.format.display(c.raw); ok {
			text = s
		}
	}
	paras := splitLines(text)
	if len(paras) == 0 {
		return Cell{}
	}
	cell := Cell{Paras: paras, Text: strings.Join(paras, "\n"), Bold: st.bold, Numeric: numeric, Raw: c.raw}
	if c.kind == kindString {
		cell.Raw = text
	}
	return cell
}

// splitLines splits a cell's text at its line breaks (and HTML's, see
// htmlFree), collapses the whitespace of each line and normalizes it to
// NFC, dropping empty lines.
func splitLines(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	s = htmlFree(s)
	var out []string
	for line := range strings.Lines(strings.ReplaceAll(s, "\r\n", "\n")) {
		for part := range strings.SplitSeq(line, "\r") {
			// Most lines have no space to collapse: they are kept as
			// they are (pprof: Fields and Join were a tenth of
			// ReadXLSX).
			t := strings.TrimSuffix(part, "\n")
			if !spaceCollapsed(t) {
				t = strings.Join(strings.Fields(t), " ")
			}
			if t != "" {
				out = append(out, norm.NFC.String(t))
			}
		}
	}
	return slices.Clip(out)
}
