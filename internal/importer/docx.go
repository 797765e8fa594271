package importer

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/parplan/parplan/internal/vntext"
)

// ReadDocx reads the tables of a .docx file and the paragraphs around
// them. r holds the file's size bytes; lim bounds what it reads (zero
// fields take DefaultLimits). The error is one of those of errors.go for
// a file it cannot read, or the ReaderAt's own.
//
// What it reads, from the main document part (word/document.xml):
//
//   - Every w:tbl in document order, a nested table included: it becomes
//     its own Table right after the table it sits in (Index counts all
//     tables, 1-based), and its text stays out of the cell that holds it.
//   - Text as Word shows it with tracked changes accepted: deleted and
//     moved-away text is left out, inserted text kept; field codes are
//     left out, their results kept; text boxes are read as paragraphs of
//     the text around them (just before the paragraph they are anchored
//     in); of an mc:AlternateContent only the first choice is read.
//   - The paragraphs around tables, by one rule applied to the body and,
//     for nested tables, to the cell that holds them: the paragraphs
//     between two tables are the Before of the second; the After of the
//     first gets those of them that come before the first paragraph that
//     looks like an appendix label ("Phụ lục 01", "PHỤ LỤC II", "Phụ lục
//     số 3", compared without case or diacritics), so a note stays with
//     its table and the next appendix's label and title do not. The
//     paragraphs before the first table are its Before, those after the
//     last its After. Empty paragraphs are dropped (but still counted in
//     Para.Line).
//   - Bold from direct formatting and from paragraph and character
//     styles (styles.xml), not from table styles.
func ReadDocx(r io.ReaderAt, size int64, lim Limits) (*Document, error) {
	lim = lim.orDefaults()
	p, err := openPackage(r, size, lim)
	if err != nil {
		return nil, err
	}
	rels, err := p.rels("")
	if err != nil {
		return nil, err
	}
	main := rels["officeDocument"]
	if main == "" || !p.has(main) {
		main = "word/document.xml"
	}
	if !p.has(main) {
		return nil, ErrNotDocx
	}
	docRels, err := p.rels(main)
	if err != nil {
		return nil, err
	}
	stylesPart := docRels["styles"]
	if stylesPart == "" {
		stylesPart = path.Join(path.Dir(main), "styles.xml")
	}
	styles, err := readStyles(p, stylesPart)
	if err != nil {
		return nil, err
	}

	w := &walker{lim: lim, styles: styles}
	w.flows = []*flow{&w.body}
	if _, err := p.walk(main, w.token); err != nil {
		return nil, err
	}
	if !w.root {
		return nil, &MalformedError{Entry: main, Err: errNoRoot}
	}
	attach(w.body.items)

	core := rels["core-properties"]
	if core == "" {
		core = "docProps/core.xml"
	}
	if w.doc.Title, err = readTitle(p, core); err != nil {
		return nil, err
	}
	return &w.doc, nil
}

var errNoRoot = errors.New("no root element")

// walker turns the token stream of document.xml into tables. It keeps
// its own stacks instead of recursing, so that nesting costs heap within
// Limits.MaxDepth, never goroutine stack.
type walker struct {
	lim    Limits
	styles *styleSheet
	doc    Document
	root   bool // the w:document element was seen

	frames []frame
	skip   int // > 0 inside a subtree being skipped: its depth

	body   flow
	flows  []*flow // where paragraphs and tables go: the body, or a cell
	paras  []*paraB
	spare  []*paraB // closed paragraphs, for reuse
	tables []*tableB

	rows, cells int // counted against the limits
}

// frame is one open element the walker attends to.
type frame struct {
	k    kind
	took bool // for kAlt: a choice was read
}

type kind uint8

const (
	kOther kind = iota // an element read through: w:hyperlink, w:sdt, w:ins…
	kSkip              // not a frame: skip the element and its content
	kTbl
	kGrid
	kTr
	kTrPr
	kTc
	kTcPr
	kP
	kPPr
	kR
	kRPr
	kText
	kAlt
)

// flow is the sequence of paragraphs and tables of the body or of one
// cell.
type flow struct {
	items []flowItem
	paras int // paragraphs ended in the flow, empty ones too
}

// flowItem is a paragraph (table nil) or a table.
type flowItem struct {
	para  Para
	table *Table
}

func (w *walker) table() *tableB {
	if n := len(w.tables); n > 0 {
		return w.tables[n-1]
	}
	return nil
}

func (w *walker) para() *paraB {
	if n := len(w.paras); n > 0 {
		return w.paras[n-1]
	}
	return nil
}

func (w *walker) token(tok xml.Token) error {
	switch t := tok.(type) {
	case *xml.StartElement:
		return w.start(*t)
	case *xml.EndElement:
		return w.end()
	case xml.CharData:
		if w.skip == 0 && len(w.frames) > 0 && w.frames[len(w.frames)-1].k == kText {
			w.text(t)
		}
	}
	return nil
}

func (w *walker) start(e xml.StartElement) error {
	if w.skip > 0 {
		w.skip++
		return nil
	}
	if !w.root {
		if !isW(e.Name) || e.Name.Local != "document" {
			return ErrNotDocx
		}
		w.root = true
		w.frames = append(w.frames, frame{})
		return nil
	}
	if len(w.frames) == 0 { // a second root element
		w.skip = 1
		return nil
	}
	top := &w.frames[len(w.frames)-1]
	// The children of property elements are read and skipped.
	switch top.k {
	case kGrid:
		if isW(e.Name) && e.Name.Local == "gridCol" {
			w.table().grid++
		}
		w.skip = 1
		return nil
	case kTrPr:
		w.rowProp(e)
		w.skip = 1
		return nil
	case kTcPr:
		w.cellProp(e)
		w.skip = 1
		return nil
	case kPPr:
		if isW(e.Name) && e.Name.Local == "pStyle" {
			w.para().pStyle, _ = wAttr(e, "val")
		}
		w.skip = 1
		return nil
	case kRPr:
		if isW(e.Name) {
			p := w.para()
			switch e.Name.Local {
			case "b":
				p.rBold = onOff(e)
			case "rStyle":
				p.rStyle, _ = wAttr(e, "val")
			}
		}
		w.skip = 1
		return nil
	case kText:
		w.skip = 1
		return nil
	}

	k := kOther
	switch {
	case isW(e.Name):
		k = w.startW(e, top.k)
	case e.Name.Space == nsMC:
		switch e.Name.Local {
		case "AlternateContent":
			k = kAlt
		case "Choice":
			if top.k != kAlt || top.took {
				k = kSkip
			}
			top.took = true
		case "Fallback":
			k = kSkip
		}
	case e.Name.Space == nsMath && e.Name.Local == "t" && w.para() != nil:
		k = kText
	}
	if k == kSkip {
		w.skip = 1
		return nil
	}
	w.frames = append(w.frames, frame{k: k})
	return nil
}

// startW opens the w: element e, whose parent is of kind parent.
func (w *walker) startW(e xml.StartElement, parent kind) kind {
	tb, p := w.table(), w.para()
	switch e.Name.Local {
	case "tbl":
		t := &Table{Index: len(w.doc.Tables) + 1}
		w.doc.Tables = append(w.doc.Tables, t)
		fl := w.flows[len(w.flows)-1]
		fl.items = append(fl.items, flowItem{table: t})
		w.tables = append(w.tables, &tableB{t: t})
		return kTbl
	case "tblGrid":
		if parent == kTbl {
			return kGrid
		}
		return kSkip
	case "tr":
		if tb != nil && tb.row == nil {
			// Room for a usual row, not for what a hostile grid declares.
			tb.row = &rowB{cells: make([]Cell, 0, min(max(tb.grid, tb.width), 64))}
			return kTr
		}
	case "trPr":
		if parent == kTr {
			return kTrPr
		}
		return kSkip
	case "tc":
		if tb != nil && tb.row != nil && tb.cell == nil {
			tb.cell = &cellB{span: 1}
			w.flows = append(w.flows, &tb.cell.fl)
			return kTc
		}
	case "tcPr":
		if parent == kTc {
			return kTcPr
		}
		return kSkip
	case "p":
		w.paras = append(w.paras, w.newPara())
		return kP
	case "pPr":
		if parent == kP {
			return kPPr
		}
		return kSkip
	case "r":
		if p != nil {
			p.rBold, p.rStyle = unset, ""
			return kR
		}
	case "rPr":
		if parent == kR {
			return kRPr
		}
		return kSkip
	case "t":
		if p != nil {
			return kText
		}
		return kSkip
	case "tab", "ptab":
		w.add(" ", false)
		return kSkip
	case "br", "cr":
		w.add("\n", false)
		return kSkip
	case "noBreakHyphen":
		w.add("-", true)
		return kSkip
	case "sym":
		font, _ := wAttr(e, "font")
		char, _ := wAttr(e, "char")
		w.add(symText(font, char), true)
		return kSkip
	case "del", "moveFrom", "delText", "instrText", "delInstrText",
		"tblPr", "tblPrEx", "sectPr", "sdtPr", "sdtEndPr", "customXmlPr",
		"smartTagPr", "fldData", "background":
		// Deleted and moved-away text, field codes, and properties
		// that hold no text of the document.
		return kSkip
	}
	return kOther
}

func (w *walker) end() error {
	if w.skip > 0 {
		w.skip--
		return nil
	}
	n := len(w.frames)
	if n == 0 {
		return nil
	}
	k := w.frames[n-1].k
	w.frames = w.frames[:n-1]
	switch k {
	case kTbl:
		return w.closeTable()
	case kTr:
		return w.closeRow()
	case kTc:
		return w.closeCell()
	case kP:
		w.closePara()
	case kR:
		p := w.para()
		p.rBold, p.rStyle = unset, ""
	}
	return nil
}

// attach gives the tables of a flow the paragraphs around them (the
// rule is in ReadDocx's comment).
func attach(items []flowItem) {
	var prev *Table
	var gap []Para
	for _, it := range items {
		if it.table == nil {
			gap = append(gap, it.para)
			continue
		}
		if prev != nil {
			k := slices.IndexFunc(gap, func(p Para) bool { return isAppendixLabel(p.Text) })
			if k < 0 {
				k = len(gap)
			}
			if k > 0 {
				prev.After = slices.Clone(gap[:k])
			}
		}
		it.table.Before = gap
		prev, gap = it.table, nil
	}
	if prev != nil {
		prev.After = gap
	}
}

// appendixLabel matches a folded, lower-cased "Phụ lục" label: the
// words alone, or followed by a number, a Roman numeral or a letter
// ("phu luc 01", "phu luc so 3", "phu luc ii.1", "phu luc a:"), but not
// by a word ("phu luc nay …", "phu luc kem theo …").
var appendixLabel = regexp.MustCompile(`^phu luc(?:$|[\s:.\-–—]*(?:so\s*)?(?:\d+[a-z]?|[ivxlc]+|[a-z])(?:$|[^a-z0-9]))`)

// isAppendixLabel reports whether the first line of a paragraph's text
// looks like an appendix label: "Phụ lục 01", "PHỤ LỤC II", "Phụ lục số
// 3", "Phụ lục" alone, compared without case or diacritics.
func isAppendixLabel(text string) bool {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if len(line) < len("phu luc") {
		return false
	}
	return appendixLabel.MatchString(strings.ToLower(vntext.Fold(line)))
}

// readTitle reads dc:title from the core properties part name.
func readTitle(p *pkg, name string) (string, error) {
	var b strings.Builder
	in, done := false, false
	_, err := p.walk(name, func(tok xml.Token) error {
		switch t := tok.(type) {
		case *xml.StartElement:
			in = !done && t.Name.Space == nsDC && t.Name.Local == "title"
		case *xml.EndElement:
			if in {
				in, done = false, true
			}
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
		return nil
	})
	return cleanText(strings.ReplaceAll(b.String(), "\n", " ")), err
}
