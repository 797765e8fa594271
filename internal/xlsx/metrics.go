package xlsx

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Row heights. A spreadsheet sizes a row to its wrapped text only when it
// lays the row out itself, and neither Excel nor LibreOffice does that for
// merged cells, nor (LibreOffice) for rows of a file it opens. So parplan
// sets every row's height from the text, measured as LibreOffice measures
// it: with the advance widths of Times New Roman (times.txt, read from the
// metric-compatible Liberation Serif by internal/xlsx/fontmetrics), wrapped where
// LibreOffice wraps, in lines as high as LibreOffice draws them.
//
// LibreOffice lays a cell out in pixels of 96 to the inch: the font at a
// whole number of pixels per em, each glyph's advance rounded to a whole
// pixel; a line is its ascent and descent, each rounded to pixels. The
// constants below were measured with LibreOffice 7.4 (headless, as
// internal/xlsx/testdata/loheights.py runs it) on workbooks of texts of known widths: a
// column of width w (Excel character units) is w × 5.5 points wide (w
// digits of the 11-point Times New Roman of the Normal style); one layout
// pixel is loPixelX points across and loPixelY points down (its screen
// and printer text widths differ, which it makes up by a factor on the
// horizontal); text keeps loMarginPx pixels of a cell's width free.

//go:embed times.txt
var timesTable string

// Font styles of the metrics table, in its column order.
const (
	regular = iota
	boldFace
	italicFace
)

// fontMetrics are advance widths in font units (1/unitsPerEm em) for the
// code points below len(widths[style]); 0 where the font has no glyph.
type fontMetrics struct {
	unitsPerEm            float64
	winAscent, winDescent float64
	widths                [3][]uint16
}

var times = sync.OnceValue(func() *fontMetrics { return parseMetrics(timesTable) })

func parseMetrics(s string) *fontMetrics {
	m := &fontMetrics{}
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "units_per_em":
			m.unitsPerEm, _ = strconv.ParseFloat(f[1], 64)
			continue
		case "win_ascent":
			m.winAscent, _ = strconv.ParseFloat(f[1], 64)
			continue
		case "win_descent":
			m.winDescent, _ = strconv.ParseFloat(f[1], 64)
			continue
		}
		cp, err := strconv.ParseUint(f[0], 16, 32)
		if err != nil || len(f) != 4 {
			panic("xlsx: bad line in times.txt: " + line)
		}
		for st := range m.widths {
			for len(m.widths[st]) <= int(cp) {
				m.widths[st] = append(m.widths[st], 0)
			}
			w, _ := strconv.ParseUint(f[1+st], 10, 16)
			m.widths[st][cp] = uint16(w)
		}
	}
	if m.unitsPerEm == 0 {
		panic("xlsx: times.txt has no units_per_em")
	}
	return m
}

// advance is the width of r in font units, in the given style. A letter
// the table lacks is as wide as its base letter (Vietnamese letters are
// all in the table), anything else half an em.
func (m *fontMetrics) advance(r rune, style int) float64 {
	ws := m.widths[style]
	if int(r) < len(ws) && ws[r] != 0 {
		return float64(ws[r])
	}
	if d := norm.NFD.String(string(r)); d != string(r) {
		if b, _ := utf8.DecodeRuneInString(d); int(b) < len(ws) && ws[b] != 0 {
			return float64(ws[b])
		}
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return m.unitsPerEm / 2
}

// Measured constants of LibreOffice's layout (see above).
const (
	loDigit    = 5.5    // points of column width per Excel width unit
	loPixelX   = 0.7718 // points per layout pixel, across
	loPixelY   = 0.7464 // points per layout pixel, down
	loMarginPx = 4      // pixels of a cell's width text does not take
)

// pixelsPerEm is the size LibreOffice draws a font of size points at.
func pixelsPerEm(size float64) float64 { return math.Round(size * 96 / 72) }

// styleOf picks the metrics column of a cell's font.
func styleOf(bold bool) int {
	if bold {
		return boldFace
	}
	return regular
}

// runeWidth is the advance width of r in 1/1000 em.
func runeWidth(r rune, bold bool) float64 {
	return times().advance(r, styleOf(bold)) * 1000 / times().unitsPerEm
}

// textWidth is the width of s in points at size points, as laid out:
// each glyph a whole number of layout pixels.
func textWidth(s string, size float64, bold bool) float64 {
	t := pxTable(size, bold)
	px := 0.0
	for _, r := range s {
		if r < tableRunes {
			px += float64(t[r])
		} else {
			px += runePx(r, size, bold)
		}
	}
	return px * loPixelX
}

// runePx is the advance of r in whole layout pixels at size points.
func runePx(r rune, size float64, bold bool) float64 {
	scale := pixelsPerEm(size) / times().unitsPerEm
	return math.Floor(times().advance(r, styleOf(bold))*scale + 0.5)
}

// tableRunes are the characters whose pixel widths pxTable holds: Latin,
// Vietnamese (U+1EA0–U+1EF9) and the marks and punctuation between.
const tableRunes = 0x2000

type pxKey struct {
	size float64
	bold bool
}

// pxTables are the widths of tableRunes in pixels, per size and weight:
// measuring every character of every cell twice (for its row's height
// and for where a long cell is cut) was a third of an export.
var pxTables sync.Map // pxKey → *[tableRunes]float32

// lastTable is the table pxTable gave last: cells of one size and
// weight follow one another, and a look-up in pxTables for every word
// took as long as measuring it.
var lastTable atomic.Pointer[pxEntry]

type pxEntry struct {
	key   pxKey
	table *[tableRunes]float32
}

func pxTable(size float64, bold bool) *[tableRunes]float32 {
	k := pxKey{size, bold}
	if e := lastTable.Load(); e != nil && e.key == k {
		return e.table
	}
	if t, ok := pxTables.Load(k); ok {
		lastTable.Store(&pxEntry{k, t.(*[tableRunes]float32)})
		return t.(*[tableRunes]float32)
	}
	t := new([tableRunes]float32)
	for r := range rune(tableRunes) {
		t[r] = float32(runePx(r, size, bold))
	}
	actual, _ := pxTables.LoadOrStore(k, t)
	return actual.(*[tableRunes]float32)
}

// columnPoints is the width text may take in a cell of width w (Excel
// character units), in points.
func columnPoints(w float64) float64 {
	return mergedPoints(w)
}

// mergedPoints is the width text may take in cells merged across columns
// of the given widths, in points.
func mergedPoints(widths ...float64) float64 {
	return printedWidth(widths...) - loMarginPx*loPixelX
}

// printedWidth is how wide columns of the given widths print, in points
// at 100%.
func printedWidth(widths ...float64) float64 {
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	return sum * loDigit
}

// wrappedLines counts the lines s takes when wrapped in a cell of width
// points, as LibreOffice wraps: at spaces, a word that does not fit starts
// a new line, and a word longer than a line is broken.
func wrappedLines(s string, width, size float64, bold bool) int {
	k := wrapKey{s, width, size, bold}
	wrapMemo.Lock()
	n, ok := wrapMemo.m[k]
	wrapMemo.Unlock()
	if ok {
		return n
	}
	for para := range strings.SplitSeq(s, "\n") {
		n += len(wrap(para, width, size, bold))
	}
	wrapMemo.Lock()
	if len(wrapMemo.m) >= maxWrapMemo {
		clear(wrapMemo.m)
	}
	wrapMemo.m[k] = n
	wrapMemo.Unlock()
	return n
}

// wrapMemo remembers the line counts wrappedLines gave: a cell is
// measured for where a long one is cut and again for its row's height,
// and agencies and headers repeat on every row (a fifth of an export).
var wrapMemo = struct {
	sync.Mutex
	m map[wrapKey]int
}{m: map[wrapKey]int{}}

type wrapKey struct {
	s           string
	width, size float64
	bold        bool
}

func resetWrapMemo() {
	wrapMemo.Lock()
	wrapMemo.m = map[wrapKey]int{}
	wrapMemo.Unlock()
}

// maxWrapMemo bounds wrapMemo: past it, it starts again.
const maxWrapMemo = 1 << 16

// wrap breaks one paragraph into the lines LibreOffice prints; a line
// keeps the space that ends it. An empty paragraph is one empty line.
func wrap(para string, width, size float64, bold bool) []string {
	if width <= 0 {
		return []string{para}
	}
	space := textWidth(" ", size, bold)
	var lines []string
	start, x := 0, 0.0 // the current line starts at para[start:]
	words := splitWords(para)
	pos := 0
	for _, w := range words {
		ww := textWidth(strings.TrimRight(w, " "), size, bold)
		trailing := float64(len(w)-len(strings.TrimRight(w, " "))) * space
		if x > 0 && x+ww > width {
			lines = append(lines, para[start:pos])
			start, x = pos, 0
		}
		// A word longer than a line is broken where it no longer fits.
		for ww > width {
			cut, cw := wordCut(w, width, size, bold)
			if cut == 0 || cut == len(w) {
				break
			}
			lines = append(lines, para[start:pos+cut])
			pos += cut
			start = pos
			w = w[cut:]
			ww -= cw
		}
		x += ww + trailing
		pos += len(w)
	}
	return append(lines, para[start:])
}

// splitWords splits a paragraph where LibreOffice's (ICU's) line
// breaking lets a line end: after spaces, and after a hyphen between a
// small letter or digit and a letter ("huyện-thành", "12-CP", but not
// "NĐ-CP"; not after a slash either: "Sở/Ban" moves to the next line
// whole). Each word keeps what follows it up to the next word, so the
// words joined give the paragraph back.
func splitWords(s string) []string {
	words := make([]string, 0, strings.Count(s, " ")+1)
	start := 0
	var p2, p1 rune // the two characters before r
	for i, r := range s {
		if i > 0 && (p1 == ' ' && r != ' ' ||
			p1 == '-' && (unicode.IsLower(p2) || unicode.IsDigit(p2)) && unicode.IsLetter(r)) {
			words = append(words, s[start:i])
			start = i
		}
		p2, p1 = p1, r
	}
	if start < len(s) {
		words = append(words, s[start:])
	}
	return words
}

// wordCut is where LibreOffice breaks a word longer than a line of width
// points: after the last character that fits, or, when a punctuation
// mark is among them, at the last fitting edge of one ("113/2018" and
// "/NĐ-CP" for "113/2018/NĐ-CP"). It returns the byte offset of the cut
// (0 when not even one character fits) and the width before it.
func wordCut(w string, width, size float64, bold bool) (int, float64) {
	cut, cw := 0, 0.0
	edge, ew := 0, 0.0
	x := 0.0
	prevAlnum := true
	for i, r := range w {
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
		if i > 0 && alnum != prevAlnum {
			edge, ew = i, x
		}
		rw := textWidth(string(r), size, bold)
		if x+rw > width {
			if i == 0 {
				return 0, 0
			}
			cut, cw = i, x
			break
		}
		x += rw
		prevAlnum = alnum
	}
	if cut == 0 {
		return len(w), x
	}
	if edge > 0 {
		return edge, ew
	}
	return cut, cw
}

// maxRowHeight is the highest row a spreadsheet has, in points (Excel's
// limit, which LibreOffice keeps when it saves).
const maxRowHeight = 409

// lineHeight is the height in points of one line of text at size points
// in a cell of several lines.
func lineHeight(size float64) float64 {
	px := pixelsPerEm(size)
	return (math.Round(px*times().winAscent/times().unitsPerEm) + math.Round(px*times().winDescent/times().unitsPerEm)) * loPixelY
}

// heightFor is the row height in points that shows lines lines of text
// at size points, as LibreOffice sizes a row to its text, with
// excelSlack more, rounded up to a quarter point and at most
// maxRowHeight.
func heightFor(lines int, size float64) float64 {
	var h float64
	if lines <= 1 {
		// One line is laid out by the font's own height.
		h = size*(times().winAscent+times().winDescent)/times().unitsPerEm + 1.75
	} else {
		h = (float64(lines)*lineHeight(size) + 2*loPixelY) * excelSlack
	}
	return math.Min(math.Ceil(h*4)/4, maxRowHeight)
}

// excelSlack is the room a cell of several lines gets over LibreOffice's
// own height: Excel sets Times New Roman's lines a little further apart
// (about 13.5 pt against 12.7 at 12 pt), so a row sized exactly for
// LibreOffice would hide the last line of a tall cell in Excel. 3% keeps
// the print within 5% of LibreOffice's height and gives Excel most of
// the lines it needs.
const excelSlack = 1.03
