package deadline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitParts cuts a deadline text into the parts that each give one
// milestone: at ";" and line breaks, then at bullets. Parts are trimmed
// of spaces, bullets and end punctuation; empty ones are dropped.
func splitParts(text string) []string {
	var out []string
	for _, piece := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		for _, p := range splitBullets(piece) {
			if p = trimPart(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// splitBullets cuts a piece at its embedded "- " bullets. A " - " is a
// bullet when the next word starts with a capital letter and is not a
// roman numeral ("Quý I - II" is a range), and either the piece itself
// starts with a bullet ("- Ban hành … 31/12/2020 - Báo cáo …") or the
// dash follows the end of a sentence ("… Quý I/2021. - Tổng hợp …").
// Any other dash is part of the sentence.
func splitBullets(piece string) []string {
	s := strings.TrimSpace(piece)
	bulleted := false
	if n := bulletAt(s, 0); n > 0 {
		bulleted, s = true, s[n:]
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		n := bulletAt(s, i+1)
		if n == 0 {
			continue
		}
		next := s[i+1+n:]
		r, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsUpper(r) || isRoman(firstWord(next)) {
			continue
		}
		before := strings.TrimRightFunc(s[start:i], unicode.IsSpace)
		last, _ := utf8.DecodeLastRuneInString(before)
		if !bulleted && !strings.ContainsRune(".;:!?", last) {
			continue
		}
		out = append(out, s[start:i])
		start = i + 1 + n
		i = start - 1
	}
	return append(out, s[start:])
}

// bulletAt returns the length of a bullet ("-", "–", "+", "•" and the
// spaces after it) at s[i:], or 0.
func bulletAt(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if !strings.ContainsRune("-–+•", r) || n == 0 {
		return 0
	}
	j := i + n
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	if k == j {
		return 0
	}
	return k - i
}

// splitAlternatives cuts a part at the "/" that joins alternatives:
// a "/" followed by a word (not a number, as in 31/12/2020 or Quý I/2021,
// nor a roman numeral, as in Quý I/II).
func splitAlternatives(part string) []string {
	var out []string
	start := 0
	for i := 0; i < len(part); i++ {
		if part[i] != '/' {
			continue
		}
		next := strings.TrimLeft(part[i+1:], " ")
		r, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsLetter(r) || isRoman(firstWord(next)) {
			continue
		}
		if a := trimPart(part[start:i]); a != "" {
			out = append(out, a)
		}
		start = i + 1
	}
	if a := trimPart(part[start:]); a != "" {
		out = append(out, a)
	}
	return out
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// isRoman reports whether w is a quarter's or half's roman numeral.
func isRoman(w string) bool {
	switch strings.ToUpper(w) {
	case "I", "II", "III", "IV":
		return true
	}
	return false
}

// trimPart trims spaces, a leading bullet and the punctuation that ends a
// sentence or a list entry.
func trimPart(s string) string {
	s = strings.TrimSpace(s)
	if n := bulletAt(s, 0); n > 0 {
		s = s[n:]
	}
	if strings.Trim(s, "-–+•") == "" {
		return "" // a bullet with nothing after it
	}
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(".;,:!", r) })
}
