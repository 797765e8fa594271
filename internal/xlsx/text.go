package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
)

// reference is the line under an appendix's title that ties it to its
// document: "(Kèm theo Kế hoạch số 475/KH-UBND ngày 18/7/2024 của UBND
// tỉnh Đắk Nông)". Parts the plan does not give are left out; without a
// number and a date there is nothing to refer to and the line is "".
func reference(m plan.Meta) string {
	if m.Number.Value == "" && m.Date.Value == "" {
		return ""
	}
	doc := m.Document.Value
	if doc == "" {
		doc = "Kế hoạch"
	}
	s := "(Kèm theo " + doc
	if m.Number.Value != "" {
		s += " số " + m.Number.Value
	}
	if d := dayMonthYear(m.Date.Value); d != "" {
		s += " ngày " + d
	}
	if m.Issuer.Value != "" {
		s += " của " + m.Issuer.Value
	}
	return s + ")"
}

// dayMonthYear writes an ISO date the way the documents do in a reference
// line: 18/7/2024, without leading zeros. "" for a malformed date.
func dayMonthYear(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%d/%d", t.Day(), int(t.Month()), t.Year())
}

// roman writes n (≥ 1) in Roman numerals: I, II, …, XIV.
func roman(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// letter writes n (≥ 1) as A, B, …, Z, AA, AB, … like spreadsheet columns.
func letter(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// joinList writes a list as the text of one cell, in a list style (see
// plan.ListStyle): a single entry as it is; several as "- entry" lines
// (bullets), "+ entry" lines (plus: an entry ending with ":" leads in,
// unmarked), bare lines (lines) or one line with "; " between them
// (semicolons). In bullets and lines, the " + " sub-points an entry
// holds (the importer joins a "+ " line to the entry above it) go on
// lines of their own under it, as the source prints them; a single
// entry, or plus, keeps them in its line, where "+ " lines would read
// as entries of their own.
func joinList(ts []plan.Text, style string) string {
	var vals []string
	for _, t := range ts {
		if v := strings.TrimSpace(t.Value); v != "" {
			vals = append(vals, v)
		}
	}
	switch {
	case len(vals) == 0:
		return ""
	case style == plan.StyleSemicolons:
		var b strings.Builder
		for i, v := range vals {
			if i > 0 {
				if strings.HasSuffix(vals[i-1], ";") {
					b.WriteByte(' ')
				} else {
					b.WriteString("; ")
				}
			}
			b.WriteString(v)
		}
		return b.String()
	case len(vals) == 1:
		return vals[0]
	}
	lines := make([]string, len(vals))
	for i, v := range vals {
		switch {
		case style == plan.StylePlus && strings.HasSuffix(v, ":"):
		case style == plan.StylePlus:
			v = "+ " + v
		case style == plan.StyleLines:
			v = subPoints(v)
		default:
			v = subPoints("- " + v)
		}
		lines[i] = v
	}
	return strings.Join(lines, "\n")
}

// subPoints puts each " + " sub-point of an entry on its own line: a
// "+" between spaces and before an upper-case letter or a digit, as
// "…, cụ thể: + Rà soát …" is written when a cell's "+ " lines are
// joined to their point.
func subPoints(v string) string {
	if !strings.Contains(v, " + ") {
		return v
	}
	var b strings.Builder
	for {
		i := strings.Index(v, " + ")
		if i < 0 {
			break
		}
		r, _ := utf8.DecodeRuneInString(v[i+3:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			b.WriteString(v[:i])
			b.WriteString("\n+ ")
		} else {
			b.WriteString(v[:i+3])
		}
		v = v[i+3:]
	}
	b.WriteString(v)
	return b.String()
}

// numFmt is the number format that shows exactly the decimals written:
// "0" for 2, "0.0" for 2.0 and 1.5, "0.0000" for 12.9045.
func numFmt(d decimal.Dec, percent bool) string {
	f := "0"
	if s := d.Scale(); s > 0 {
		f += "." + strings.Repeat("0", s)
	}
	if percent {
		// The value stays 83.99 (what was written), shown as 83.99%;
		// Excel's own % format would multiply by 100.
		f += `"%"`
	}
	return f
}

// cellNumber is the float64 a spreadsheet stores for d, and whether it
// stores d exactly: spreadsheets keep 15 significant digits, and the
// shortest float text of the value must give back the digits written.
func cellNumber(d decimal.Dec) (float64, bool) {
	s := d.String()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	t := d.Trim().String()
	significant := 0
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= '0' && c <= '9' && (significant > 0 || c != '0') {
			significant++
		}
	}
	if significant > 15 {
		return 0, false
	}
	return f, strconv.FormatFloat(f, 'f', -1, 64) == t
}

// sheetName makes a valid, unique worksheet name from want: at most 31
// characters, none of : \ / ? * [ ], not blank, not taken.
func sheetName(want, fallback string, taken map[string]bool) string {
	clean := func(s string) string {
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`:\/?*[]`, r) {
				return '-'
			}
			return r
		}, s)
		s = strings.Trim(strings.TrimSpace(s), "'")
		return strings.TrimSpace(truncate(s, 31))
	}
	name := clean(want)
	if name == "" {
		name = clean(fallback)
	}
	for i := 2; taken[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = strings.TrimSpace(truncate(clean(want), 31-len(suffix))) + suffix
	}
	taken[strings.ToLower(name)] = true
	return name
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// quoteSheet writes a sheet name for a formula or a defined name.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
