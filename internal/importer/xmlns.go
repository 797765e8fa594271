package importer

import (
	"encoding/xml"
	"io"
)

// nsDecoder gives the tokens encoding/xml's Decoder.Token gives, in
// strict mode: names carry their namespace URI, and an end tag must
// close the element open. It reads them with RawToken and does that
// work itself, because Token's own bookkeeping cost a sixth of reading
// a large document.xml (BenchmarkReadDocx): it keeps a stack entry per
// element and per binding, looks every prefix up in a map and boxes
// each element twice. Here the open elements are a slice, and the
// prefix of the name before ("w", nearly always) is remembered with its
// URI. Documents that bind the WordprocessingML namespace to another
// prefix, or rebind one, read the same: every name is still resolved
// against the bindings in scope, as Token does.
type nsDecoder struct {
	d *xml.Decoder
	// open are the open elements, as written (prefix, local name).
	open []xml.Name
	// ns maps the prefixes in scope to their URIs ("" for the default
	// namespace); undo holds what each binding replaced.
	ns   map[string]string
	undo []nsUndo
	// prefix was last resolved to uri, with the bindings in scope now;
	// cached says the pair is valid.
	prefix, uri string
	cached      bool
	// start and end are the element Token returned last.
	start xml.StartElement
	end   xml.EndElement
}

// nsUndo restores the binding of prefix when the element at depth
// (len(open) while it is open) closes.
type nsUndo struct {
	depth        int
	prefix, prev string
	had          bool
}

const (
	xmlURL      = "http://www.w3.org/XML/1998/namespace"
	xmlnsPrefix = "xmlns"
	xmlPrefix   = "xml"
)

func newNSDecoder(d *xml.Decoder) *nsDecoder {
	return &nsDecoder{d: d, ns: map[string]string{}}
}

// Token returns the next token, as xml.Decoder.Token would, except that
// a start or end element is a *xml.StartElement or *xml.EndElement: the
// decoder's own copy, which saves boxing each element anew (pprof put
// that at a tenth of the walk). A token is valid until the next call.
func (n *nsDecoder) Token() (xml.Token, error) {
	tok, err := n.d.RawToken()
	if err != nil {
		if err == io.EOF && len(n.open) > 0 {
			return nil, n.syntaxError("unexpected EOF")
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		// The bindings an element declares apply to its own name and
		// attributes: make them first.
		for _, a := range t.Attr {
			switch {
			case a.Name.Space == xmlnsPrefix:
				n.bind(a.Name.Local, a.Value)
			case a.Name.Space == "" && a.Name.Local == xmlnsPrefix:
				n.bind("", a.Value)
			}
		}
		n.open = append(n.open, t.Name)
		n.translate(&t.Name, true)
		for i := range t.Attr {
			n.translate(&t.Attr[i].Name, false)
		}
		n.start = t
		return &n.start, nil
	case xml.EndElement:
		k := len(n.open) - 1
		if k < 0 {
			return nil, n.syntaxError("unexpected end element </" + t.Name.Local + ">")
		}
		s := n.open[k]
		switch {
		case s.Local != t.Name.Local:
			return nil, n.syntaxError("element <" + s.Local + "> closed by </" + t.Name.Local + ">")
		case s.Space != t.Name.Space:
			// Token compares the prefixes too.
			ns := t.Name.Space
			if ns == "" {
				ns = `""`
			}
			return nil, n.syntaxError("element <" + s.Local + "> in space " + s.Space +
				" closed by </" + t.Name.Local + "> in space " + ns)
		}
		n.translate(&t.Name, true)
		n.open = n.open[:k]
		for len(n.undo) > 0 && n.undo[len(n.undo)-1].depth > k {
			u := n.undo[len(n.undo)-1]
			n.undo = n.undo[:len(n.undo)-1]
			if u.had {
				n.ns[u.prefix] = u.prev
			} else {
				delete(n.ns, u.prefix)
			}
			n.cached = false
		}
		n.end = t
		return &n.end, nil
	}
	return tok, nil
}

// bind binds prefix to uri for the element being opened.
func (n *nsDecoder) bind(prefix, uri string) {
	prev, had := n.ns[prefix]
	n.undo = append(n.undo, nsUndo{depth: len(n.open) + 1, prefix: prefix, prev: prev, had: had})
	n.ns[prefix] = uri
	n.cached = false
}

// translate resolves a name's prefix as encoding/xml does: xmlns
// attributes and unprefixed attributes keep theirs, "xml" is the XML
// namespace, an unbound prefix stays as written.
func (n *nsDecoder) translate(name *xml.Name, element bool) {
	switch {
	case name.Space == xmlnsPrefix:
		return
	case name.Space == "" && !element:
		return
	case name.Space == xmlPrefix:
		name.Space = xmlURL
	case name.Space == "" && name.Local == xmlnsPrefix:
		return
	}
	if n.cached && name.Space == n.prefix {
		name.Space = n.uri
		return
	}
	// The default namespace of an unprefixed element left unbound is ""
	// (Decoder.DefaultSpace, which no caller sets).
	if v, ok := n.ns[name.Space]; ok {
		n.prefix, n.uri, n.cached = name.Space, v, true
		name.Space = v
	}
}

// syntaxError is an error as the decoder reports one: at its line.
func (n *nsDecoder) syntaxError(msg string) error {
	line, _ := n.d.InputPos()
	return &xml.SyntaxError{Msg: msg, Line: line}
}
