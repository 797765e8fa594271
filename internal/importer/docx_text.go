package importer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file turns runs into a paragraph's text and boldness.

// paraB gathers one paragraph.
type paraB struct {
	raw     []byte // text with "\n" for line breaks
	pStyle  string
	allBold bool
	sawText bool
	// the open run's properties
	rBold  tri
	rStyle string
}

// text adds the content of a w:t (encoding/xml has checked that it is
// UTF-8). A line break inside it is white space, as Word shows it; only
// w:br and w:cr break lines.
func (w *walker) text(b []byte) {
	p := w.para()
	visible := false
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch r {
		case '\n', '\r', '\t':
			p.raw = append(p.raw, ' ')
		default:
			p.raw = append(p.raw, b[:n]...)
			visible = visible || !unicode.IsSpace(r)
		}
		b = b[n:]
	}
	if visible {
		w.sawText(p)
	}
}

// add adds s to the open paragraph; visible says whether it is text (as
// opposed to a tab or a break) for the paragraph's boldness.
func (w *walker) add(s string, visible bool) {
	p := w.para()
	if p == nil || s == "" {
		return
	}
	p.raw = append(p.raw, s...)
	if visible {
		w.sawText(p)
	}
}

func (w *walker) sawText(p *paraB) {
	p.sawText = true
	if p.allBold && !w.styles.runBold(p.rBold, p.rStyle, p.pStyle) {
		p.allBold = false
	}
}

func (w *walker) closePara() {
	n := len(w.paras)
	p := w.paras[n-1]
	w.paras = w.paras[:n-1]
	defer w.release(p)
	fl := w.flows[len(w.flows)-1]
	fl.paras++
	text := cleanText(string(p.raw))
	if text == "" {
		return
	}
	fl.items = append(fl.items, flowItem{para: Para{Text: text, Bold: p.allBold && p.sawText, Line: fl.paras}})
}

// cleanText turns the text gathered from a paragraph into its final
// form: HTML-free, NFC, each line's whitespace collapsed to single spaces and
// trimmed, empty lines dropped.
func cleanText(s string) string {
	s = norm.NFC.String(htmlFree(s))
	if !strings.Contains(s, "\n") {
		return collapse(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// collapse trims s and turns every run of white space (no-break spaces
// included) into one space.
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports whether collapse would leave s as it is: its only
// white space is single ASCII spaces between other characters.
func collapsed(s string) bool {
	space := true // at the start, a space is one too many
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// symText is the character a w:sym stands for. Symbol fonts put their
// glyphs at F000+code; Symbol and Wingdings glyphs that appear in
// appendices (bullets, check marks and boxes, comparison signs) map to
// their Unicode characters, other glyphs of those fonts to nothing, and
// any other font's code to itself.
func symText(font, char string) string {
	code, err := strconv.ParseUint(char, 16, 32)
	if err != nil {
		return ""
	}
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	f := strings.ToLower(strings.TrimSpace(font))
	var table map[uint64]rune
	switch f {
	case "symbol":
		table = symbolFont
	case "wingdings":
		table = wingdingsFont
	case "wingdings 2":
		table = wingdings2Font
	}
	if table != nil {
		if r, ok := table[code]; ok {
			return string(r)
		}
		if f == "symbol" && code < 0x80 && strings.ContainsRune("0123456789+=()[],./:;!#%&", rune(code)) {
			return string(rune(code))
		}
		return ""
	}
	if strings.HasPrefix(f, "wingdings") || strings.HasPrefix(f, "webdings") {
		return ""
	}
	if code < 0x20 || code >= 0xD800 && code < 0xE000 || code > 0x10FFFF {
		return ""
	}
	return string(rune(code))
}

var symbolFont = map[uint64]rune{
	'a': 'α', 'b': 'β', 'c': 'χ', 'd': 'δ', 'e': 'ε', 'f': 'φ', 'g': 'γ',
	'h': 'η', 'i': 'ι', 'k': 'κ', 'l': 'λ', 'm': 'μ', 'n': 'ν', 'p': 'π',
	'q': 'θ', 'r': 'ρ', 's': 'σ', 't': 'τ', 'u': 'υ', 'w': 'ω', 'x': 'ξ',
	'y': 'ψ', 'z': 'ζ', 'D': 'Δ', 'S': 'Σ', 'W': 'Ω', 'F': 'Φ', 'P': 'Π',
	'-': '−', '*': '∗', '<': '<', '>': '>',
	0xA3: '≤', 0xB3: '≥', 0xB9: '≠', 0xBB: '≈', 0xB1: '±', 0xB4: '×',
	0xB8: '÷', 0xB0: '°', 0xA5: '∞', 0xD6: '√', 0xE5: '∑', 0xB7: '•',
	0xAE: '→', 0xAC: '←', 0xAD: '↑', 0xAF: '↓', 0xDE: '⇒', 0xDB: '⇔',
	0xA2: '′', 0xB2: '″', 0xBC: '…', 0xE0: '◊',
}

var wingdingsFont = map[uint64]rune{
	0x6C: '●', 0x6E: '■', 0x6F: '□', 0x71: '❑', 0x76: '❖', 0x9F: '•',
	0xA7: '▪', 0xA8: '◻', 0xD8: '➢', 0xFB: '✗', 0xFC: '✓', 0xFD: '☒',
	0xFE: '☑',
}

var wingdings2Font = map[uint64]rune{'O': '✗', 'P': '✓'}

// newPara returns an empty paraB, reusing a released one: a large table
// has hundreds of thousands of paragraphs, few of them open at once.
func (w *walker) newPara() *paraB {
	if n := len(w.spare); n > 0 {
		p := w.spare[n-1]
		w.spare = w.spare[:n-1]
		*p = paraB{raw: p.raw[:0], allBold: true}
		return p
	}
	return &paraB{allBold: true}
}

func (w *walker) release(p *paraB) { w.spare = append(w.spare, p) }
