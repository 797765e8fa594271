package plan

import (
	"strings"
	"unicode/utf8"

	"github.com/parplan/parplan/internal/msg"
)

// leadingZeroFix is the number a person meant by one written with a
// leading zero ("010", "-08", "002.50"), for the message that refuses it:
// YAML 1.1 tools (PyYAML, yaml.v3 for integers) read "010" as octal 8, so
// the same file would hold different numbers for different tools, the
// reason hexadecimal and "1_000" are refused too. "0", "0.5" and "-0.25"
// are plain. ok is false when s has no leading zero.
func leadingZeroFix(s string) (fix string, ok bool) {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
		if sign == "+" {
			sign = ""
		}
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if len(intPart) < 2 || intPart[0] != '0' || !allDigits(intPart) || (hasPoint && !allDigits(frac)) {
		return "", false
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if hasPoint {
		return sign + intPart + "." + frac, true
	}
	return sign + intPart, true
}

// maxEcho is the most characters of a value a message repeats; a longer
// one is clipped (a 100,000-digit number must not make a 100 KB line).
const maxEcho = 40

// isLong reports whether a value is too long to be echoed whole.
func isLong(s string) bool { return len(s) > maxEcho && utf8.RuneCountInString(s) > maxEcho }

// nulFinding says what a NUL byte in data means: UTF-16 text, where every
// other byte of ASCII is zero; a binary file, where zeros and control
// bytes are common; or one stray NUL in a text, to delete. The finding
// names the NUL's line and column in every case.
func nulFinding(data []byte) msg.Message {
	if looksUTF16(data) {
		return m("load.nul-utf16")
	}
	sample := data[:min(len(data), 4096)]
	controls := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' {
			controls++
		}
	}
	// A text file has none; a binary file has them everywhere.
	if controls > 1 && (controls*50 > len(sample) || controls > 16) {
		return m("load.nul-binary")
	}
	return m("load.nul-text")
}

// looksUTF16 reports whether data, without a byte-order mark, has the
// pattern of UTF-16 text: in most of its first pairs of bytes, the byte at
// the same one of the two positions is zero (ASCII letters, digits and
// punctuation, which every YAML file's keys are made of).
func looksUTF16(data []byte) bool {
	pairs := min(len(data)/2, 256)
	if pairs < 2 {
		return false
	}
	var zeroAt [2]int
	for i := 0; i < pairs; i++ {
		a, b := data[2*i], data[2*i+1]
		switch {
		case a == 0 && b != 0:
			zeroAt[0]++
		case b == 0 && a != 0:
			zeroAt[1]++
		}
	}
	return zeroAt[0]*4 >= pairs*3 || zeroAt[1]*4 >= pairs*3
}
