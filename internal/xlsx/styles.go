package xlsx

import (
	"github.com/xuri/excelize/v2"
)

// Font is the typeface of every cell: Nghị định 30/2020/NĐ-CP asks for
// Times New Roman in administrative documents and their appendices.
const Font = "Times New Roman"

// Font sizes in points.
const (
	titleSize = 14
	noteSize  = 12
)

// cellStyle describes one cell format; styles caches the excelize style
// id of each one it has seen.
type cellStyle struct {
	size   float64
	bold   bool
	italic bool
	align  string // excelize horizontal alignment: left, center, right
	valign string // top, center
	wrap   bool
	border bool
	numFmt string // custom number format, "" for General
	fill   string // background colour, "" for none
	// unlocked marks a cell a person fills in: it stays editable when
	// the sheet is protected.
	unlocked bool
}

type styles struct {
	f   *excelize.File
	ids map[cellStyle]int
	// rows are the rows of the workbook's stream-written sheets, which
	// its zip writer puts in their parts (see rowStream). They are kept
	// here because every sheet writer has the styles at hand.
	rows streams
}

// newStyles starts the styles of the workbook f, and sets the zip writer
// it is saved with.
func newStyles(f *excelize.File) *styles {
	st := &styles{f: f, ids: map[cellStyle]int{}, rows: streams{}}
	f.SetZipWriter(st.rows.zipWriter)
	return st
}

// id returns the style id of cs, creating the style on first use. Styles
// are created in the order cells first need them, which is the same on
// every run: the workbook's bytes do not depend on map order.
func (s *styles) id(cs cellStyle) (int, error) {
	if id, ok := s.ids[cs]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font: &excelize.Font{Family: Font, Size: cs.size, Bold: cs.bold, Italic: cs.italic, Color: "000000"},
		Alignment: &excelize.Alignment{
			Horizontal: cs.align,
			Vertical:   cs.valign,
			WrapText:   cs.wrap,
		},
	}
	if cs.border {
		st.Border = []excelize.Border{
			{Type: "left", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1},
			{Type: "right", Color: "000000", Style: 1},
			{Type: "bottom", Color: "000000", Style: 1},
		}
	}
	if cs.numFmt != "" {
		f := cs.numFmt
		st.CustomNumFmt = &f
	}
	if cs.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{cs.fill}}
	}
	if cs.unlocked {
		st.Protection = &excelize.Protection{Locked: false}
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	s.ids[cs] = id
	return id, nil
}
