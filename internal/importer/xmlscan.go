package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// A workbook's sheets and shared strings are most of what an import
// reads, and encoding/xml spends about 4 µs on each cell of them. The
// readers take their tokens from an xmlTokens instead: xmlScanner, a
// tokenizer for the plain XML Office writes — elements, attributes,
// text with the five entities and character references, an XML
// declaration — eight times faster; or, for anything else (a comment,
// CDATA, a DOCTYPE, another encoding, a carriage return, a name outside
// ASCII, broken markup), encoding/xml itself. The scanner never decides
// what encoding/xml would reject: where it is unsure it says
// errUnsure, and the reader reads the part again through encoding/xml,
// so both paths give the same result or the same error
// (FuzzXMLScanner checks it).

// Token kinds.
const (
	tokStart = iota + 1
	tokEnd
	tokText
)

// xmlTokens is a stream of raw XML tokens: names without their prefix,
// no namespace processing, end elements as written (RawToken's view).
type xmlTokens interface {
	// next moves to the next token and returns its kind, or io.EOF at
	// the end of the part.
	next() (int, error)
	// local is the element name of a start or end token.
	local() []byte
	// attr is the value of a start token's attribute, by local name.
	attr(local string) ([]byte, bool)
	// text is the decoded text of a text token.
	text() []byte
}

// errUnsure is the scanner giving up on a part encoding/xml must read.
var errUnsure = errors.New("xml: not plain enough for the scanner")

// stdTokens is xmlTokens over encoding/xml.
type stdTokens struct {
	d   *xml.Decoder
	tok xml.Token
	raw bool // RawToken, not Token
}

func newStdTokens(r io.Reader, raw bool) *stdTokens {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	return &stdTokens{d: d, raw: raw}
}

func (s *stdTokens) next() (int, error) {
	for {
		var err error
		if s.raw {
			s.tok, err = s.d.RawToken()
		} else {
			s.tok, err = s.d.Token()
		}
		if err != nil {
			return 0, err
		}
		switch s.tok.(type) {
		case xml.StartElement:
			return tokStart, nil
		case xml.EndElement:
			return tokEnd, nil
		case xml.CharData:
			return tokText, nil
		}
	}
}

func (s *stdTokens) local() []byte {
	switch t := s.tok.(type) {
	case xml.StartElement:
		return []byte(t.Name.Local)
	case xml.EndElement:
		return []byte(t.Name.Local)
	}
	return nil
}

func (s *stdTokens) attr(local string) ([]byte, bool) {
	if t, ok := s.tok.(xml.StartElement); ok {
		for _, a := range t.Attr {
			if a.Name.Local == local {
				return []byte(a.Value), true
			}
		}
	}
	return nil, false
}

func (s *stdTokens) text() []byte {
	t, _ := s.tok.(xml.CharData)
	return t
}

// xmlScanner is the fast xmlTokens. The slices it returns are valid
// until the next call of next.
type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	started  bool // past the start of the part (where a declaration may be)

	kind     int
	name     []byte // local name
	full     []byte // name with its prefix, for the element stack
	attrs    []scanAttr
	txt      []byte
	selfEnd  bool     // the start token was <a/>: an end token follows
	stack    [][]byte // open elements, to check end tags as Token does
	names    []byte   // storage of the stack's names
	decoded  []byte   // text with its references replaced
	attrText []byte   // attribute values with references replaced
}

type scanAttr struct {
	local, value []byte
}

// maxScanToken is the longest token the scanner holds in its buffer;
// text longer than that (a 32,767-character cell is 100 KB) is left to
// encoding/xml.
const maxScanToken = 4 << 20

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 0, 64<<10)}
}

// fill reads more of the part, keeping buf[pos:end]. It reports whether
// anything was read.
func (s *xmlScanner) fill() (bool, error) {
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf[:cap(s.buf)], s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == cap(s.buf) {
		if cap(s.buf) >= maxScanToken {
			return false, errUnsure
		}
		nb := make([]byte, s.end, 2*cap(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	s.buf = s.buf[:cap(s.buf)]
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
			return n > 0, nil
		}
		if err != nil {
			return false, err
		}
		if n > 0 {
			return true, nil
		}
	}
}

func (s *xmlScanner) next() (int, error) {
	if s.selfEnd {
		s.selfEnd = false
		s.kind = tokEnd
		s.popTo(s.full)
		return tokEnd, nil
	}
	for {
		n, kind, err := s.token(s.buf[s.pos:s.end])
		if err != nil {
			return 0, err
		}
		if n > 0 {
			s.pos += n
			s.started = true
			if kind == 0 { // the declaration
				continue
			}
			s.kind = kind
			switch kind {
			case tokStart:
				if len(s.stack) > 1<<16 {
					return 0, errUnsure
				}
				s.push(s.full)
			case tokEnd:
				if !s.popTo(s.full) {
					return 0, errUnsure
				}
			}
			return kind, nil
		}
		more, err := s.fill()
		if err != nil {
			return 0, err
		}
		if !more {
			if s.pos < s.end || len(s.stack) > 0 {
				return 0, errUnsure // a part that stops in the middle
			}
			return 0, io.EOF
		}
	}
}

func (s *xmlScanner) push(name []byte) {
	if len(s.stack) == 0 {
		s.names = s.names[:0]
	}
	start := len(s.names)
	s.names = append(s.names, name...)
	s.stack = append(s.stack, s.names[start:len(s.names):len(s.names)])
}

// popTo closes the innermost element, which must be name (as written,
// prefix and all).
func (s *xmlScanner) popTo(name []byte) bool {
	k := len(s.stack) - 1
	if k < 0 || !bytes.Equal(s.stack[k], name) {
		return false
	}
	s.stack = s.stack[:k]
	s.names = s.names[:len(s.names)-len(name)]
	return true
}

// token reads one token at the start of b. It returns n = 0 when b ends
// before the token does (and the caller reads more).
func (s *xmlScanner) token(b []byte) (n, kind int, err error) {
	if len(b) == 0 {
		return 0, 0, nil
	}
	if b[0] != '<' {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			if !s.eof {
				return 0, 0, nil
			}
			i = len(b) // text at the end of the part
		}
		if bytes.Contains(b[:i], []byte("]]>")) {
			return 0, 0, errUnsure // an error outside CDATA
		}
		s.decoded = s.decoded[:0]
		if s.txt, err = s.decodeText(b[:i], &s.decoded); err != nil {
			return 0, 0, err
		}
		return i, tokText, nil
	}
	if len(b) < 2 {
		return 0, 0, s.short()
	}
	switch b[1] {
	case '/':
		name, i := scanName(b, 2)
		if name == nil {
			return 0, 0, s.unsureUnlessShort(i, b)
		}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return 0, 0, s.short()
		}
		if b[i] != '>' {
			return 0, 0, errUnsure
		}
		s.full, s.name = name, localName(name)
		return i + 1, tokEnd, nil
	case '?':
		return s.declaration(b)
	case '!':
		return 0, 0, errUnsure // comments, CDATA and DOCTYPE
	}
	name, i := scanName(b, 1)
	if name == nil {
		return 0, 0, s.unsureUnlessShort(i, b)
	}
	s.full, s.name = name, localName(name)
	s.attrs = s.attrs[:0]
	s.attrText = s.attrText[:0]
	for {
		spaced := false
		for i < len(b) && isSpace(b[i]) {
			i++
			spaced = true
		}
		if i == len(b) {
			return 0, 0, s.short()
		}
		switch b[i] {
		case '>':
			return i + 1, tokStart, nil
		case '/':
			if i+1 == len(b) {
				return 0, 0, s.short()
			}
			if b[i+1] != '>' {
				return 0, 0, errUnsure
			}
			s.selfEnd = true
			return i + 2, tokStart, nil
		}
		if !spaced {
			return 0, 0, errUnsure
		}
		an, j := scanName(b, i)
		if an == nil {
			return 0, 0, s.unsureUnlessShort(j, b)
		}
		if j+2 > len(b) {
			return 0, 0, s.short()
		}
		if b[j] != '=' || (b[j+1] != '"' && b[j+1] != '\'') {
			return 0, 0, errUnsure
		}
		q := b[j+1]
		k := bytes.IndexByte(b[j+2:], q)
		if k < 0 {
			return 0, 0, s.short()
		}
		raw := b[j+2 : j+2+k]
		if bytes.IndexByte(raw, '<') >= 0 {
			return 0, 0, errUnsure
		}
		v, err := s.decodeText(raw, &s.attrText)
		if err != nil {
			return 0, 0, err
		}
		s.attrs = append(s.attrs, scanAttr{local: localName(an), value: v})
		i = j + 2 + k + 1
	}
}

// declaration reads the XML declaration at the very start of a part:
// version 1.0, encoding UTF-8 or none. Anything else (another
// encoding, a processing instruction) goes to encoding/xml.
func (s *xmlScanner) declaration(b []byte) (int, int, error) {
	end := bytes.Index(b, []byte("?>"))
	if end < 0 {
		if len(b) > 1024 {
			return 0, 0, errUnsure
		}
		return 0, 0, s.short()
	}
	if s.started || !bytes.HasPrefix(b, []byte("<?xml ")) {
		return 0, 0, errUnsure
	}
	inner := s.copyTokenState()
	n, kind, err := inner.token(append(append([]byte("<x"), b[5:end]...), '>'))
	if err != nil || kind != tokStart || n != end-5+3 {
		return 0, 0, errUnsure
	}
	seen := 0
	for _, a := range inner.attrs {
		switch v := string(a.value); string(a.local) {
		case "version":
			if v != "1.0" {
				return 0, 0, errUnsure
			}
			seen++
		case "encoding":
			if !bytes.EqualFold(a.value, []byte("utf-8")) {
				return 0, 0, errUnsure
			}
		case "standalone":
			if v != "yes" && v != "no" {
				return 0, 0, errUnsure
			}
		default:
			return 0, 0, errUnsure
		}
	}
	if seen != 1 {
		return 0, 0, errUnsure
	}
	return end + 2, 0, nil
}

// copyTokenState is a scanner for a token held whole in memory.
func (s *xmlScanner) copyTokenState() *xmlScanner {
	return &xmlScanner{eof: true}
}

// short is what token returns when b ends inside a token: read more,
// unless the part has ended.
func (s *xmlScanner) short() error {
	if s.eof {
		return errUnsure
	}
	return nil
}

// unsureUnlessShort: a name scan that stopped at i either ran out of
// bytes (read more) or met a byte a plain name does not have.
func (s *xmlScanner) unsureUnlessShort(i int, b []byte) error {
	if i >= len(b) {
		return s.short()
	}
	return errUnsure
}

// scanName reads an ASCII name (with at most one prefix) at b[i:]. It
// returns nil and where it stopped when there is none.
func scanName(b []byte, i int) ([]byte, int) {
	start, colon := i, false
	for i < len(b) {
		c := b[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_':
		case '0' <= c && c <= '9' || c == '-' || c == '.':
			if i == start || b[i-1] == ':' {
				return nil, i
			}
		case c == ':':
			if colon || i == start {
				return nil, i
			}
			colon = true
		default:
			if i == start || b[i-1] == ':' {
				return nil, i
			}
			return b[start:i], i
		}
		i++
	}
	return nil, i // the name may go on
}

// localName is a name without its prefix.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// decodeText checks raw text as encoding/xml does and replaces its
// references. The result is raw itself when it has none, else it is
// appended to *dst.
func (s *xmlScanner) decodeText(raw []byte, dst *[]byte) ([]byte, error) {
	amp := -1
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				if amp < 0 {
					amp = i
				}
			case c < 0x20 && c != '\t' && c != '\n':
				return nil, errUnsure // \r is normalised by encoding/xml; others are errors
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 || !inXMLRange(r) {
			return nil, errUnsure
		}
		i += size
	}
	if amp < 0 {
		return raw, nil
	}
	start := len(*dst)
	out := append(*dst, raw[:amp]...)
	for i := amp; i < len(raw); {
		if raw[i] != '&' {
			j := bytes.IndexByte(raw[i:], '&')
			if j < 0 {
				j = len(raw) - i
			}
			out = append(out, raw[i:i+j]...)
			i += j
			continue
		}
		semi := bytes.IndexByte(raw[i:], ';')
		if semi < 0 || semi > 12 {
			return nil, errUnsure
		}
		ref := raw[i+1 : i+semi]
		switch string(ref) {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, ok := charRef(ref)
			if !ok {
				return nil, errUnsure
			}
			out = utf8.AppendRune(out, r)
		}
		i += semi + 1
	}
	*dst = out
	return out[start:], nil
}

// charRef reads "#65" or "#x41" into its character.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*rune(base) + d
	}
	return r, inXMLRange(r)
}

// inXMLRange is XML 1.0's Char production, as encoding/xml checks it.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

func (s *xmlScanner) local() []byte { return s.name }

func (s *xmlScanner) attr(local string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.local) == local {
			return a.value, true
		}
	}
	return nil, false
}

func (s *xmlScanner) text() []byte { return s.txt }
