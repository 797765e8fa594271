package importer

import (
	"encoding/xml"
)

// WordprocessingML namespaces: Transitional (what Word writes) and
// Strict; markup compatibility (mc:AlternateContent); Office Math.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsMath    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// wAttr returns the value of the attribute w:local ("" when absent).
func wAttr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// tri is an on/off property that may be unset.
type tri int8

const (
	unset tri = iota
	on
	off
)

// onOff reads an on/off element such as <w:b/> or <w:b w:val="0"/>.
func onOff(e xml.StartElement) tri {
	v, _ := wAttr(e, "val")
	switch v {
	case "0", "false", "off":
		return off
	}
	return on
}

// styleSheet is what the reader needs of word/styles.xml: which
// paragraph and character styles make text bold. It ignores table
// styles (a header row bold by its table style reads as not bold) and
// the toggle rule by which a character style's bold can cancel a
// paragraph style's: both are rare in the appendices we read.
type styleSheet struct {
	styles      map[string]styleDef
	defaultPara string // the paragraph style of a paragraph without w:pStyle
	docBold     tri    // w:docDefaults
	memo        map[string]tri
}

type styleDef struct {
	basedOn string
	bold    tri
}

// readStyles reads the styles part name; a missing part gives nil.
func readStyles(p *pkg, name string) (*styleSheet, error) {
	s := &styleSheet{styles: map[string]styleDef{}, memo: map[string]tri{}}
	var stack []string // local names of the open w: elements
	var id, typ string
	var def styleDef
	found, err := p.walk(name, func(tok xml.Token) error {
		switch t := tok.(type) {
		case *xml.StartElement:
			parent, grand := "", ""
			if n := len(stack); n > 0 {
				parent = stack[n-1]
				if n > 1 {
					grand = stack[n-2]
				}
			}
			if !isW(t.Name) {
				stack = append(stack, "")
				return nil
			}
			switch l := t.Name.Local; {
			case l == "style" && parent == "styles":
				typ, _ = wAttr(*t, "type")
				id, _ = wAttr(*t, "styleId")
				def = styleDef{}
				if d, _ := wAttr(*t, "default"); typ == "paragraph" && (d == "1" || d == "true" || d == "on") {
					s.defaultPara = id
				}
			case l == "basedOn" && parent == "style":
				def.basedOn, _ = wAttr(*t, "val")
			case l == "b" && parent == "rPr" && grand == "style":
				def.bold = onOff(*t)
			case l == "b" && parent == "rPr" && grand == "rPrDefault":
				s.docBold = onOff(*t)
			}
			stack = append(stack, t.Name.Local)
		case *xml.EndElement:
			if n := len(stack); n > 0 {
				if stack[n-1] == "style" && (typ == "paragraph" || typ == "character") {
					if _, dup := s.styles[id]; !dup {
						s.styles[id] = def
					}
				}
				stack = stack[:n-1]
			}
		}
		return nil
	})
	if !found || err != nil {
		return nil, err
	}
	return s, nil
}

// bold resolves the style id through its basedOn chain.
func (s *styleSheet) bold(id string) tri {
	if b, ok := s.memo[id]; ok {
		return b
	}
	b := unset
	// The chain is short in real files; the bound stops a cycle.
	for cur, n := id, 0; cur != "" && n < 32; n++ {
		d, ok := s.styles[cur]
		if !ok {
			break
		}
		if d.bold != unset {
			b = d.bold
			break
		}
		cur = d.basedOn
	}
	s.memo[id] = b
	return b
}

// runBold tells whether a run shows bold: its own w:b, else its
// character style's, else its paragraph's style's, else the document
// default. The paragraph's own run properties (w:pPr/w:rPr) are left
// out on purpose: they format the paragraph mark only, and Word does not
// show the runs bold because of them.
func (s *styleSheet) runBold(direct tri, rStyle, pStyle string) bool {
	if direct != unset || s == nil {
		return direct == on
	}
	if rStyle != "" {
		if b := s.bold(rStyle); b != unset {
			return b == on
		}
	}
	if pStyle == "" {
		pStyle = s.defaultPara
	}
	if b := s.bold(pStyle); b != unset {
		return b == on
	}
	return s.docBold == on
}
