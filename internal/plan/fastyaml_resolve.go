package plan

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The tags fastParse gives, spelled as yaml.v3 spells them.
const (
	tagNull      = "!!null"
	tagBool      = "!!bool"
	tagStr       = "!!str"
	tagInt       = "!!int"
	tagFloat     = "!!float"
	tagTimestamp = "!!timestamp"
	tagSeq       = "!!seq"
	tagMap       = "!!map"
)

// fastHint is yaml.v3's resolveTable: the first bytes a plain scalar
// other than a string may start with.
var fastHint = func() (t [256]byte) {
	t['+'], t['-'] = 'S', 'S'
	for c := '0'; c <= '9'; c++ {
		t[c] = 'D'
	}
	for _, c := range "yYnNtTfFoO~" {
		t[c] = 'M'
	}
	t['.'] = '.'
	return t
}()

// resolvePlain is the tag yaml.v3 (resolve.go, resolve with no tag)
// gives a plain scalar, step by step the same, without the values. It
// reports ok=false for the merge key "<<", which fastParse leaves to
// yaml.v3. The shortcuts it takes (a float-looking text is not tried as
// an integer; a text with a byte no number has is not tried as one)
// skip only calls of strconv that would fail.
func resolvePlain(in string) (tag string, ok bool) {
	if in == "<<" {
		return "", false // yaml.v3's parser tags it !!merge
	}
	hint := byte('N')
	if in != "" {
		hint = fastHint[in[0]]
	}
	if hint == 0 {
		return tagStr, true
	}
	switch in {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return tagBool, true
	case "", "~", "null", "Null", "NULL":
		return tagNull, true
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return tagFloat, true
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			return tagFloat, true
		}
	case 'D', 'S':
		if isTimestamp(in) {
			return tagTimestamp, true
		}
		plain := in
		if strings.IndexByte(in, '_') >= 0 {
			plain = strings.ReplaceAll(in, "_", "")
		}
		if !numberBytes(plain) {
			return tagStr, true
		}
		if yamlStyleFloat(plain) && strings.ContainsAny(plain, ".eE") {
			// Never an integer in any base: only ParseFloat can take it.
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return tagFloat, true
			}
			return tagStr, true
		}
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return tagInt, true
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return tagInt, true
		}
		if yamlStyleFloat(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return tagFloat, true
			}
		}
		switch {
		case strings.HasPrefix(plain, "0b"):
			if _, err := strconv.ParseInt(plain[2:], 2, 64); err == nil {
				return tagInt, true
			}
			if _, err := strconv.ParseUint(plain[2:], 2, 64); err == nil {
				return tagInt, true
			}
		case strings.HasPrefix(plain, "-0b"):
			if _, err := strconv.ParseInt("-"+plain[3:], 2, 64); err == nil {
				return tagInt, true
			}
		}
		switch {
		case strings.HasPrefix(plain, "0o"):
			if _, err := strconv.ParseInt(plain[2:], 8, 64); err == nil {
				return tagInt, true
			}
			if _, err := strconv.ParseUint(plain[2:], 8, 64); err == nil {
				return tagInt, true
			}
		case strings.HasPrefix(plain, "-0o"):
			if _, err := strconv.ParseInt("-"+plain[3:], 8, 64); err == nil {
				return tagInt, true
			}
		}
	}
	return tagStr, true
}

// numberBytes reports whether s has only bytes that an integer (in any
// base strconv takes with base 0) or a float may hold.
func numberBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F',
			c == 'x', c == 'X', c == 'o', c == 'O', c == '+', c == '-', c == '.':
		default:
			return false
		}
	}
	return true
}

// yamlStyleFloat is yaml.v3's regular expression
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ written out.
func yamlStyleFloat(s string) bool {
	i := 0
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// timestampFormats are yaml.v3's allowedTimestampFormats.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is yaml.v3's parseTimestamp, without the value.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range timestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// fastPrescan reports whether data holds only what fastParse's subset
// may: UTF-8 text of printable characters, line feeds and no tab,
// carriage return, byte order mark or other line break (NEL, LS, PS),
// and no line starting a directive or a document marker.
func fastPrescan(data []byte) bool {
	lineStart := true
	for i := 0; i < len(data); {
		c := data[i]
		if lineStart {
			lineStart = false
			switch c {
			case '%':
				return false
			case '-', '.':
				if i+2 < len(data) && data[i+1] == c && data[i+2] == c {
					return false
				}
			}
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				lineStart = true
			case c < 0x20 || c == 0x7f:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return false
		case r < 0xA0, r == 0x2028, r == 0x2029, r >= 0xD800 && r < 0xE000, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}
