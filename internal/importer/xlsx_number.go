package importer

import (
	"regexp"
	"strings"

	"github.com/parplan/parplan/internal/decimal"
)

// excelize applies a number format through float64: 1.005 shown with
// 0.00 reads "1.00", where Excel, which rounds the decimal it displays,
// shows "1.01". Scores are exact decimals, so for the formats scores use —
// a fixed count of decimals, with or without thousands separators or a
// percent sign — the reader rounds the stored digits itself, as Excel
// does: first to 15 significant digits (Excel stores 1.005 as
// 1.0049999999999999 and displays 15), then half away from zero to the
// format's decimals. Other formats (dates, fractions, text sections) keep
// excelize's rendering.

// numberFormat is a number format the reader renders itself.
type numberFormat struct {
	plain    bool // one of the formats below; the other fields are set
	decimals int
	comma    bool // thousands separators: #,##0
	percent  bool
}

// plainFormat matches the fixed-decimal formats: 0, 0.00, #,##0.000, 0.0%…
var plainFormat = regexp.MustCompile(`^(#,##)?0(?:\.(0+))?(%)?$`)

// builtinFormats are the codes of the built-in formats that plainFormat
// matches (ECMA-376 Part 1, 18.8.30).
var builtinFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"}

// parseNumberFormat reads a style's number format: id is a built-in
// format's number, custom the code of a format the workbook defines.
func parseNumberFormat(id int, custom *string) numberFormat {
	code := builtinFormats[id]
	if custom != nil {
		code = *custom
	}
	m := plainFormat.FindStringSubmatch(code)
	if m == nil {
		return numberFormat{}
	}
	return numberFormat{plain: true, comma: m[1] != "", decimals: len(m[2]), percent: m[3] != ""}
}

// significantDigits is how many digits Excel displays of a number.
const significantDigits = 15

// display returns raw, a stored number, as the format shows it, and false
// when the format is not plain or raw is not a plain decimal (an
// exponent, say): then excelize's rendering stands.
func (nf numberFormat) display(raw string) (string, bool) {
	if !nf.plain {
		return "", false
	}
	d, err := decimal.Parse(raw)
	if err != nil {
		return "", false
	}
	if n := digitCount(d); n > significantDigits {
		if scale := d.Scale() - (n - significantDigits); scale >= 0 {
			d = d.Round(scale)
		}
	}
	if nf.percent {
		d = d.MulInt(100)
	}
	s := d.Round(nf.decimals).String()
	// A negative number that rounds to zero shows its sign in Excel: -0.00.
	if d.Sign() < 0 && !strings.HasPrefix(s, "-") {
		s = "-" + s
	}
	if nf.comma {
		s = thousands(s)
	}
	if nf.percent {
		s += "%"
	}
	return s, true
}

// digitCount is the number of significant digits of d (leading zeros
// left out, trailing ones kept).
func digitCount(d decimal.Dec) int {
	n := 0
	for _, b := range []byte(d.String()) {
		if b >= '1' && b <= '9' || b == '0' && n > 0 {
			n++
		}
	}
	return n
}

// thousands puts a comma between each group of three digits of the
// integer part of a decimal's text: -1234567.5 becomes -1,234,567.5.
func thousands(s string) string {
	sign, rest := "", s
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	intPart, frac, hasPoint := strings.Cut(rest, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
