package plan

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// quoted reads a single- or double-quoted scalar that ends on its line,
// the quote at data[start], and returns the index past the closing
// quote. Escapes are yaml.v3's (scan_flow_scalar); an escaped line
// break, a quote left open at the end of the line, or an escape yaml.v3
// refuses are not sure.
func (p *fastParser) quoted(start int) (*yaml.Node, int, bool) {
	d := p.data
	q := d[start]
	var buf []byte // nil while the text is the file's
	i := start + 1
	for {
		if i >= len(d) || d[i] == '\n' {
			return nil, 0, false
		}
		c := d[i]
		switch {
		case c == q && q == '\'' && i+1 < len(d) && d[i+1] == '\'':
			if buf == nil {
				buf = append([]byte(nil), d[start+1:i]...)
			}
			buf = append(buf, '\'')
			i += 2
			continue
		case c == q:
		case c == '\\' && q == '"':
			if buf == nil {
				buf = append([]byte(nil), d[start+1:i]...)
			}
			var ok bool
			if buf, i, ok = unescape(d, i, buf); !ok {
				return nil, 0, false
			}
			continue
		default:
			if buf != nil {
				buf = append(buf, c)
			}
			i++
			continue
		}
		break
	}
	var v string
	if buf == nil {
		v = p.src[start+1 : i]
	} else {
		v = string(buf)
	}
	n := p.node(yaml.ScalarNode, tagStr, p.line, p.column(start))
	n.Value = v
	n.Style = yaml.DoubleQuotedStyle
	if q == '\'' {
		n.Style = yaml.SingleQuotedStyle
	}
	return n, i + 1, true
}

// unescape appends the character of the escape at d[i] (a backslash) to
// buf and returns the index past it.
func unescape(d []byte, i int, buf []byte) ([]byte, int, bool) {
	if i+1 >= len(d) {
		return nil, 0, false
	}
	var r rune
	digits := 0
	switch d[i+1] {
	case '0':
		r = 0
	case 'a':
		r = '\a'
	case 'b':
		r = '\b'
	case 't':
		r = '\t'
	case 'n':
		r = '\n'
	case 'v':
		r = '\v'
	case 'f':
		r = '\f'
	case 'r':
		r = '\r'
	case 'e':
		r = 0x1b
	case ' ', '"', '\'', '\\':
		r = rune(d[i+1])
	case 'N':
		r = 0x85
	case '_':
		r = 0xa0
	case 'L':
		r = 0x2028
	case 'P':
		r = 0x2029
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return nil, 0, false // yaml.v3 refuses it (or it is a line break)
	}
	i += 2
	if digits > 0 {
		if i+digits > len(d) {
			return nil, 0, false
		}
		v := 0
		for _, c := range d[i : i+digits] {
			switch {
			case c >= '0' && c <= '9':
				v = v<<4 + int(c-'0')
			case c >= 'a' && c <= 'f':
				v = v<<4 + int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				v = v<<4 + int(c-'A') + 10
			default:
				return nil, 0, false
			}
		}
		if v >= 0xD800 && v <= 0xDFFF || v > 0x10FFFF {
			return nil, 0, false
		}
		r = rune(v)
		i += digits
	}
	return utf8.AppendRune(buf, r), i, true
}

// flow reads a flow mapping or list that closes on its line, its
// bracket at data[i], and returns the index past the closing bracket.
// Its plain scalars are those surely read alike: no ":" but the one
// after a key, no "#", "?", empty entry or trailing ",".
func (p *fastParser) flow(i int) (*yaml.Node, int, bool) {
	if p.depth++; p.depth > p.maxDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	d := p.data
	isMap := d[i] == '{'
	closer := byte(']')
	n := p.node(yaml.SequenceNode, tagSeq, p.line, p.column(i))
	if isMap {
		closer = '}'
		n.Kind, n.Tag = yaml.MappingNode, tagMap
	}
	n.Style = yaml.FlowStyle
	mark := len(p.stack)
	i = skipSpaces(d, i+1)
	if i < len(d) && d[i] == closer {
		return n, i + 1, true
	}
	for {
		if isMap {
			start := i
			k, end, ok := p.flowScalar(i)
			if !ok || end-start > 1000 {
				return nil, 0, false
			}
			i = skipSpaces(d, end)
			if i+1 >= len(d) || d[i] != ':' || d[i+1] != ' ' {
				return nil, 0, false
			}
			i = skipSpaces(d, i+1)
			p.stack = append(p.stack, k)
		}
		if i >= len(d) {
			return nil, 0, false
		}
		var v *yaml.Node
		var ok bool
		if d[i] == '[' || d[i] == '{' {
			v, i, ok = p.flow(i)
		} else {
			v, i, ok = p.flowScalar(i)
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, v)
		i = skipSpaces(d, i)
		if i >= len(d) {
			return nil, 0, false
		}
		if d[i] == closer {
			i++
			break
		}
		if d[i] != ',' {
			return nil, 0, false
		}
		i = skipSpaces(d, i+1)
		if i >= len(d) || d[i] == closer {
			return nil, 0, false
		}
	}
	n.Content = p.children(p.stack[mark:])
	p.pop(mark)
	return n, i, true
}

// flowScalar reads a quoted or plain scalar inside a flow collection,
// at data[i], and returns the index past it (a plain one ends before
// the spaces that follow it).
func (p *fastParser) flowScalar(i int) (*yaml.Node, int, bool) {
	d := p.data
	if i >= len(d) {
		return nil, 0, false
	}
	if d[i] == '"' || d[i] == '\'' {
		return p.quoted(i)
	}
	if !fastPlainStart(d, i, true) {
		return nil, 0, false
	}
	start, last := i, i
scan:
	for i < len(d) {
		switch d[i] {
		case '\n', ',', '[', ']', '{', '}':
			break scan
		case '?', '#':
			return nil, 0, false
		case ':':
			if i+1 < len(d) && d[i+1] == ' ' {
				break scan
			}
			return nil, 0, false
		case ' ':
			i++
			continue
		}
		i++
		last = i
	}
	n, ok := p.plain(start, last)
	return n, last, ok
}

// blockScalar reads a literal or folded scalar, its indicator at p.pos,
// as yaml.v3's scan_block_scalar does, and moves to the next line
// holding a token. indent is the column of the collection holding it.
func (p *fastParser) blockScalar(indent int) (*yaml.Node, bool) {
	d := p.data
	n := p.node(yaml.ScalarNode, tagStr, p.line, p.column(p.pos))
	n.Style = yaml.FoldedStyle
	literal := d[p.pos] == '|'
	if literal {
		n.Style = yaml.LiteralStyle
	}
	i := p.pos + 1
	chomping, increment := 0, 0
	chomp := func() {
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			chomping = 1
			if d[i] == '-' {
				chomping = -1
			}
			i++
		}
	}
	digit := func() bool {
		if i < len(d) && d[i] >= '0' && d[i] <= '9' {
			if d[i] == '0' {
				return false
			}
			increment = int(d[i] - '0')
			i++
		}
		return true
	}
	if i < len(d) && (d[i] == '+' || d[i] == '-') {
		chomp()
		if !digit() {
			return nil, false
		}
	} else {
		if !digit() {
			return nil, false
		}
		if increment > 0 {
			chomp()
		}
	}
	i = skipSpaces(d, i)
	if i < len(d) && d[i] == '#' {
		for i < len(d) && d[i] != '\n' {
			i++
		}
	}
	if i < len(d) {
		if d[i] != '\n' {
			return nil, false
		}
		i++
		p.line++
	}
	want := 0 // the text's indentation, once known
	if increment > 0 {
		want = indent + increment
	}
	col := 0
	// breaks eats empty lines and the indentation of the next one
	// (scan_block_scalar_breaks), counting the line breaks.
	breaks := func() int {
		n, maxInd := 0, 0
		for {
			col = 0
			for (want == 0 || col < want) && i < len(d) && d[i] == ' ' {
				i++
				col++
			}
			if col > maxInd {
				maxInd = col
			}
			if i >= len(d) || d[i] != '\n' {
				break
			}
			i++
			p.line++
			n++
		}
		if want == 0 {
			want = max(maxInd, indent+1, 1)
		}
		return n
	}
	var s []byte
	trailing := breaks()
	leadingBreak, leadingBlank := false, false
	for col == want && i < len(d) {
		trailingBlank := d[i] == ' '
		if !literal && !leadingBlank && !trailingBlank && leadingBreak {
			if trailing == 0 {
				s = append(s, ' ')
			}
		} else if leadingBreak {
			s = append(s, '\n')
		}
		for ; trailing > 0; trailing-- {
			s = append(s, '\n')
		}
		leadingBlank = d[i] == ' '
		j := i
		for j < len(d) && d[j] != '\n' {
			j++
		}
		s = append(s, d[i:j]...)
		i = j
		leadingBreak = false
		if i < len(d) {
			leadingBreak = true
			i++
			p.line++
		}
		trailing = breaks()
	}
	if chomping != -1 && leadingBreak {
		s = append(s, '\n')
	}
	if chomping == 1 {
		for ; trailing > 0; trailing-- {
			s = append(s, '\n')
		}
	}
	n.Value = string(s)
	// The text ends at a line less indented than it, or at the end of
	// the file: go back to that line's start.
	i -= col
	p.pos = i
	p.nextContent()
	return n, true
}
