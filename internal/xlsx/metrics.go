package xlsx

import (
	"math"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Row heights. A spreadsheet sizes a row to its wrapped text only when it
// lays the row out itself, and neither Excel nor LibreOffice does that for
// merged cells, nor (LibreOffice) for rows of a file it opens. So parplan
// sets every row's height from the text, measured with the advance widths
// of Times New Roman (as in the Times-Roman and Times-Bold font metrics,
// which Times New Roman and Liberation Serif share), in 1/1000 em, for
// the printable ASCII characters from the space on.
var (
	timesRegular = [95]uint16{
		250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space … /
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0 … ?
		921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ … O
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P … _
		333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` … o
		500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p … ~
	}
	timesBold = [95]uint16{
		250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
		930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
		611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
		333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
		556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
	}
)

// latin maps the letters with diacritics up to U+1EFF (Vietnamese is in
// Latin-1, Latin Extended-A/B and Latin Extended Additional) to their base
// letter, and tells whether they carry a horn (ơ, ư), which widens them.
var latin = func() (m [0x1F00]struct {
	base rune
	horn bool
}) {
	for r := rune(0x80); r < 0x1F00; r++ {
		d := []rune(norm.NFD.String(string(r)))
		m[r].base = d[0]
		for _, c := range d[1:] {
			m[r].horn = m[r].horn || c == '\u031b'
		}
	}
	return m
}()

// runeWidth is the advance width of r in 1/1000 em. A Vietnamese letter is
// as wide as its base letter (the tone marks sit above or below it), or a
// little wider with a horn (ơ, ư); đ is a d.
func runeWidth(r rune, bold bool) float64 {
	table := &timesRegular
	if bold {
		table = &timesBold
	}
	extra := 1.0
	switch r {
	case 'đ':
		r = 'd'
	case 'Đ':
		r = 'D'
	case '–':
		return 500
	case '—', '…':
		return 1000
	case '“', '”':
		return 444
	case '‘', '’':
		return 333
	}
	if r > '~' && r < 0x1F00 {
		if latin[r].horn {
			extra = 1.12
		}
		r = latin[r].base
	}
	if r >= ' ' && r <= '~' {
		return float64(table[r-' ']) * extra
	}
	if unicode.IsUpper(r) {
		return 722
	}
	return 500
}

// textWidth is the width of s in points at size points.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r, bold)
	}
	return w * size / 1000
}

// columnPoints is the printable width inside a cell of width w (Excel
// character units) in points: Excel draws a column w × 7 + 5 pixels wide
// (7 pixels being the width of a digit of the 11-point default font), and
// a cell keeps about 2 points of padding on each side. Renderers differ
// by a few percent (hinting, kerning); the estimate keeps 6% in hand, as
// a line too many is blank space but a line too few is cut off.
func columnPoints(w float64) float64 {
	return (math.Floor(w*7+5)*0.75 - 4) * widthSlack
}

const widthSlack = 0.94

// mergedPoints is the printable width of cells merged across columns of
// the given widths.
func mergedPoints(widths ...float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += math.Floor(w*7 + 5)
	}
	return (px*0.75 - 4) * widthSlack
}

// wrappedLines counts the lines s takes when wrapped at spaces in a cell
// of width points, as spreadsheets wrap: a word that does not fit starts
// a new line, and a word longer than a line is broken.
func wrappedLines(s string, width, size float64, bold bool) int {
	if width <= 0 {
		return 1
	}
	space := runeWidth(' ', bold) * size / 1000
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines++
		x := 0.0
		for i, word := range strings.Fields(para) {
			ww := textWidth(word, size, bold)
			if i > 0 && x+space+ww > width {
				lines++
				x = 0
			} else if i > 0 {
				x += space
			}
			for ww > width {
				lines++
				ww -= width
			}
			x += ww
		}
	}
	return lines
}

// heightFor is the row height in points that shows lines lines of text
// at size points: Times New Roman's line is 1.15 em, plus the cell's
// padding.
func heightFor(lines int, size float64) float64 {
	h := float64(lines)*size*1.15 + 4
	return math.Min(math.Ceil(h*4)/4, 409) // Excel's rows are at most 409 points
}
