// Command fontmetrics writes the advance widths of a TrueType font family
// as the text table internal/xlsx embeds (internal/xlsx/times.txt):
//
//	go run ./internal/xlsx/fontmetrics REGULAR.ttf BOLD.ttf ITALIC.ttf > internal/xlsx/times.txt
//
// parplan's workbooks are set in Times New Roman; Liberation Serif
// (fonts-liberation2) has the same advance widths and is free to read, so
// the table is made from it. Only the ranges Vietnamese documents use are
// written: Latin (with Vietnamese's Latin Extended Additional), the
// combining marks, punctuation, currency, letterlike symbols, arrows,
// mathematical operators and geometric shapes (bullets).
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

var ranges = [][2]rune{
	{0x0020, 0x024F}, // Basic Latin … Latin Extended-B
	{0x0300, 0x036F}, // combining diacritical marks
	{0x1E00, 0x1EFF}, // Latin Extended Additional
	{0x2000, 0x206F}, // general punctuation
	{0x20A0, 0x20CF}, // currency
	{0x2100, 0x214F}, // letterlike
	{0x2190, 0x21FF}, // arrows
	{0x2200, 0x22FF}, // mathematical operators
	{0x25A0, 0x25FF}, // geometric shapes
}

type font struct {
	name        string
	unitsPerEm  int
	ascent      int // OS/2 usWinAscent
	descent     int // OS/2 usWinDescent
	advance     []uint16
	glyph       map[rune]int
	numHMetrics int
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: fontmetrics REGULAR.ttf BOLD.ttf ITALIC.ttf")
		os.Exit(2)
	}
	var fonts []*font
	for _, p := range os.Args[1:] {
		f, err := load(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "fontmetrics: %s: %v\n", p, err)
			os.Exit(1)
		}
		fonts = append(fonts, f)
	}
	r := fonts[0]
	fmt.Printf("# Advance widths of Times New Roman: regular, bold and italic, in\n")
	fmt.Printf("# 1/%d em, read from %s, %s and %s,\n", r.unitsPerEm, fonts[0].name, fonts[1].name, fonts[2].name)
	fmt.Printf("# which have the same advance widths. Written by internal/xlsx/fontmetrics;\n")
	fmt.Printf("# do not edit. A code point the font has no glyph for is left out.\n")
	fmt.Printf("# Line: code point (hex), then the width in each style.\n")
	fmt.Printf("units_per_em %d\n", r.unitsPerEm)
	fmt.Printf("win_ascent %d\nwin_descent %d\n", r.ascent, r.descent)
	for _, rg := range ranges {
		for c := rg[0]; c <= rg[1]; c++ {
			var ws []int
			for _, f := range fonts {
				g, ok := f.glyph[c]
				if !ok {
					break
				}
				ws = append(ws, f.width(g))
			}
			if len(ws) < len(fonts) {
				continue
			}
			fmt.Printf("%04X %d %d %d\n", c, ws[0], ws[1], ws[2])
		}
	}
}

func (f *font) width(g int) int {
	if g >= f.numHMetrics {
		g = f.numHMetrics - 1
	}
	return int(f.advance[g])
}

func load(path string) (*font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 12 {
		return nil, errors.New("too short")
	}
	be := binary.BigEndian
	tables := map[string][]byte{}
	n := int(be.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		off, length := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		if int(off+length) > len(b) {
			return nil, errors.New("table out of bounds")
		}
		tables[string(rec[:4])] = b[off : off+length]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap", "OS/2"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("no %s table", t)
		}
	}
	f := &font{name: filepath.Base(path), glyph: map[rune]int{}}
	f.unitsPerEm = int(be.Uint16(tables["head"][18:]))
	f.numHMetrics = int(be.Uint16(tables["hhea"][34:]))
	os2 := tables["OS/2"]
	f.ascent, f.descent = int(be.Uint16(os2[74:])), int(be.Uint16(os2[76:]))
	hmtx := tables["hmtx"]
	for i := 0; i < f.numHMetrics; i++ {
		f.advance = append(f.advance, be.Uint16(hmtx[4*i:]))
	}
	cmap := tables["cmap"]
	var sub []byte
	for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
		rec := cmap[4+8*i:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint32(rec[4:])
		if platform == 3 && (encoding == 1 || encoding == 10) && be.Uint16(cmap[off:]) == 4 {
			sub = cmap[off:]
		}
	}
	if sub == nil {
		return nil, errors.New("no Unicode BMP cmap (format 4)")
	}
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts := sub[14:], sub[16+2*segs:]
	deltas, offsets := sub[16+4*segs:], sub[16+6*segs:]
	for s := 0; s < segs; s++ {
		end, start := rune(be.Uint16(ends[2*s:])), rune(be.Uint16(starts[2*s:]))
		delta, ro := int(int16(be.Uint16(deltas[2*s:]))), int(be.Uint16(offsets[2*s:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (int(c) + delta) & 0xFFFF
			} else {
				at := 2*s + ro + 2*int(c-start)
				g = int(be.Uint16(offsets[at:]))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				f.glyph[c] = g
			}
		}
	}
	return f, nil
}
