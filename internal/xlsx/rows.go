package xlsx

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Rows of the stream-written sheets. excelize's StreamWriter.SetRow
// boxes every value, parses the cell name it is given, escapes each text
// through two copies and a regular expression, and keeps the sheet's XML
// in memory (up to 16 MB, then in a temporary file) until the workbook
// is saved: for a 10,000-item appendix that was a third of an export's
// time, and for 100,000 items buffers of 100 MB. So parplan writes the
// rows itself: rowStream encodes a row as SetRow would, byte for byte
// (TestRowStreamMatchesExcelize holds it to that), and compresses it at
// once. The sheet is still started and finished by a StreamWriter (its
// columns, panes, merged cells, page setup), with no rows of its own;
// when the workbook is saved, sortedZip puts the compressed rows
// between the <sheetData> tags of the part excelize writes.

// rowStream holds one sheet's rows, compressed.
type rowStream struct {
	sw *excelize.StreamWriter
	// data is the rows' deflate stream, not yet terminated: flushed to a
	// byte boundary, so that it can follow the compressed start of the
	// sheet and be followed by its compressed end.
	data bytes.Buffer
	fw   *flate.Writer
	// crc and size are of the uncompressed rows.
	crc  uint32
	size int64
	// pending is the XML not yet handed to fw: compressing row by row
	// would cost more than the rows.
	pending []byte
	// last is the number of the last row written.
	last int
	done bool
}

// streams are a workbook's row streams, by the path of their sheet's part.
type streams map[string]*rowStream

// newRowStream starts writing the rows of sheet, which must be empty.
func (ss streams) newRowStream(f *excelize.File, sheet string) (*rowStream, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	rs := &rowStream{sw: sw}
	if rs.fw, err = flate.NewWriter(&rs.data, flate.BestSpeed); err != nil {
		return nil, err
	}
	// excelize names a sheet's part after its id, never after its name
	// (a renamed sheet keeps its part).
	ss["xl/worksheets/sheet"+strconv.Itoa(sw.SheetID)+".xml"] = rs
	return rs, nil
}

// pendingLimit is how much XML rowStream gathers before compressing it.
const pendingLimit = 64 << 10

// SetRow writes row number row, its cells from column A on, as
// StreamWriter.SetRow does with the same cells and a RowOpts of the
// height (0 for none). A cell's value is nil, a string, a float64 or a
// []excelize.RichTextRun (of fonts that give a family, size and colour);
// the zero Cell is no cell at all, as a nil value is to SetRow.
func (rs *rowStream) SetRow(row int, cells []excelize.Cell, height float64) error {
	if row <= rs.last {
		return fmt.Errorf("row %d after row %d", row, rs.last)
	}
	if height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	rs.last = row
	b := rs.pending
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	var err error
	for i := range cells {
		if c := &cells[i]; c.StyleID == 0 && c.Value == nil && c.Formula == "" {
			continue
		}
		if b, err = appendCell(b, &cells[i], i+1, row); err != nil {
			return err
		}
	}
	b = append(b, `</row>`...)
	rs.pending = b
	if len(b) >= pendingLimit {
		return rs.compress()
	}
	return nil
}

// compress hands the pending XML to the compressor.
func (rs *rowStream) compress() error {
	rs.crc = crc32.Update(rs.crc, crc32.IEEETable, rs.pending)
	rs.size += int64(len(rs.pending))
	_, err := rs.fw.Write(rs.pending)
	rs.pending = rs.pending[:0]
	return err
}

// Flush ends the rows, then the sheet (StreamWriter.Flush).
func (rs *rowStream) Flush() error {
	if err := rs.compress(); err != nil {
		return err
	}
	rs.pending = nil
	// Flush, not Close: the compressed end of the sheet follows.
	if err := rs.fw.Flush(); err != nil {
		return err
	}
	rs.fw = nil
	rs.done = true
	return rs.sw.Flush()
}

// MergeCell merges a range of the sheet (StreamWriter.MergeCell).
func (rs *rowStream) MergeCell(topLeft, bottomRight string) error {
	return rs.sw.MergeCell(topLeft, bottomRight)
}

// appendCell appends the XML of one cell as excelize's writeCell does.
func appendCell(b []byte, c *excelize.Cell, col, row int) ([]byte, error) {
	var (
		typ, v, inline string
		space, isSpace bool
		formula        = c.Formula
		rich           []excelize.RichTextRun
	)
	if formula != "" {
		typ = "str"
	}
	switch val := c.Value.(type) {
	case nil:
	case float64:
		if math.IsNaN(val) || math.IsInf(val, 0) {
			return b, fmt.Errorf("cell value %v", val)
		}
		typ, v = "", formatCellFloat(val)
	case string:
		if formula != "" {
			typ = "str"
			v, space = trimCellValue(val, false)
		} else {
			typ = "inlineStr"
			inline = val
			_, isSpace = cutCellValue(val)
		}
	case []excelize.RichTextRun:
		typ, rich = "inlineStr", val
	default:
		return b, fmt.Errorf("cell value of type %T", val)
	}
	b = append(b, `<c`...)
	if space {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, ` r="`...)
	b = appendCellName(b, col, row)
	b = append(b, '"')
	if c.StyleID > 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.StyleID), 10)
		b = append(b, '"')
	}
	if typ != "" {
		b = append(b, ` t="`...)
		b = append(b, typ...)
		b = append(b, '"')
	}
	b = append(b, '>')
	if formula != "" {
		b = append(b, `<f>`...)
		b = appendEscaped(b, formula, true)
		b = append(b, `</f>`...)
	}
	if v != "" {
		b = append(b, `<v>`...)
		b = appendEscaped(b, v, true)
		b = append(b, `</v>`...)
	}
	switch {
	case rich != nil:
		var err error
		if b, err = appendRichText(b, rich); err != nil {
			return b, err
		}
	case typ == "inlineStr":
		b = append(b, `<is><t`...)
		if isSpace {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b, _ = appendInline(b, inline)
		b = append(b, `</t></is>`...)
	}
	return append(b, `</c>`...), nil
}

// appendCellName appends the name of a cell, "B12".
func appendCellName(b []byte, col, row int) []byte {
	var name [4]byte
	n := len(name)
	for col > 0 {
		col--
		n--
		name[n] = byte('A' + col%26)
		col /= 26
	}
	b = append(b, name[n:]...)
	return strconv.AppendInt(b, int64(row), 10)
}

// appendRichText appends the runs of a rich text cell as excelize
// marshals them. Only a font's family, size and colour are written (the
// only parts parplan sets); a run with more is refused rather than
// written differently.
func appendRichText(b []byte, runs []excelize.RichTextRun) ([]byte, error) {
	b = append(b, `<is>`...)
	total := 0
	for _, r := range runs {
		if total += countUTF16(r.Text); total > excelize.TotalCellChars {
			return b, excelize.ErrCellCharsLength
		}
		b = append(b, `<r>`...)
		if f := r.Font; f != nil {
			if *f != (excelize.Font{Family: f.Family, Size: f.Size, Color: f.Color}) || f.Family == "" || f.Size == 0 || len(f.Color) != 6 {
				return b, errors.New("rich text: a font of more than a family, size and colour")
			}
			b = append(b, `<rPr><rFont val="`...)
			b = appendEscaped(b, f.Family, true)
			b = append(b, `"></rFont><family val="2"></family><color rgb="FF`...)
			b = append(b, strings.ToUpper(f.Color)...)
			b = append(b, `"></color><sz val="`...)
			b = strconv.AppendFloat(b, f.Size, 'f', -1, 64)
			b = append(b, `"></sz></rPr>`...)
		}
		t, space := trimCellValue(r.Text, false)
		b = append(b, `<t`...)
		if space {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendEscaped(b, t, true)
		b = append(b, `</t></r>`...)
	}
	return append(b, `</is>`...), nil
}

// trimCellValue is excelize's of the same name: a value cut to the
// characters a cell holds, escaped for XML when escape (line breaks
// kept as they are), with the "_xHHHH_" sequences a spreadsheet would
// read as escapes escaped; and whether the value needs its spaces
// preserved.
func trimCellValue(value string, escape bool) (string, bool) {
	value, space := cutCellValue(value)
	if escape {
		value = string(appendEscaped(nil, value, false))
	}
	if strings.Contains(value, "_x") {
		value = bstrMarshal(value)
	}
	return value, space
}

// cutCellValue cuts value to the characters a cell holds and says
// whether its spaces need preserving (it starts or ends with one).
func cutCellValue(value string) (string, bool) {
	if len(value) > excelize.TotalCellChars && countUTF16(value) > excelize.TotalCellChars {
		value = truncateUTF16(value, excelize.TotalCellChars)
	}
	if value == "" {
		return value, false
	}
	return value, isXMLSpace(value[0]) || isXMLSpace(value[len(value)-1])
}

func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// appendInline appends an inline string's text as trimCellValue(value,
// true) gives it, and whether its spaces need preserving, without the
// copies: the "_x" sequences are rare, and escaping never makes one.
func appendInline(b []byte, value string) ([]byte, bool) {
	value, space := cutCellValue(value)
	if strings.Contains(value, "_x") {
		t, _ := trimCellValue(value, true)
		return append(b, t...), space
	}
	return appendEscaped(b, value, false), space
}

// appendEscaped appends s escaped as xml.EscapeText escapes it; line
// breaks only when escapeNewline.
func appendEscaped(b []byte, s string, escapeNewline bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				if escapeNewline {
					esc = "&#xA;"
				}
			case '\r':
				esc = "&#xD;"
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && width == 1 || r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		i += width
		if esc == "" {
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	return append(b, s[last:]...)
}

func countUTF16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func truncateUTF16(s string, length int) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > length {
			return s[:i]
		}
	}
	return s
}

// bstrMarshal is excelize's: it escapes the "_xHHHH_" sequences of s.
var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// formatCellFloat is excelize's: the shortest text of value, cut to the
// 15 significant digits a spreadsheet keeps.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}
