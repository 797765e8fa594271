package plan

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// yaml.v3's parser is about half of what validate spends on a plan:
// it scans through a buffer a character at a time and allocates each
// node, each value and each slice of children alone. Plans are written
// in a small part of YAML — block mappings and lists, one-line plain
// and quoted scalars, short flow collections on one line, comments — and
// fastParse reads that part five to seven times faster, giving the same
// node tree as yaml.v3 down to each node's Kind, Style, Tag, Value, Line
// and Column (comments are dropped: the loader reads none).
//
// Like the importer's XML scanner it never decides what yaml.v3 would
// refuse, nor anything it is not sure of: at anything outside its part
// — a tab, an anchor, a tag, a multi-line plain or quoted scalar, a
// flow collection over several lines, an indentation it does not
// expect, a key of more than 1000 bytes (yaml.v3 refuses a simple key
// past 1024 characters), a document marker — it says not sure, and the
// loader reads the file with yaml.v3 as before, so both paths give the
// same tree or the same error (FuzzFastYAML and TestFastYAMLRandom
// check it).

// useFastYAML is cleared by a test, to compare the loader's results
// through both parsers.
var useFastYAML = true

// fastMaxDepth is the deepest nesting fastParse follows; deeper files
// go to yaml.v3, whose own limits and messages apply.
const fastMaxDepth = 200

// fastParse parses data as yaml.v3 would into a document node. ok is
// false when data is outside the subset it reads: the caller must then
// use yaml.v3.
func fastParse(data []byte) (doc *yaml.Node, ok bool) {
	doc, _, ok = newFastParser(data, fastMaxDepth, false)
	return doc, ok
}

// fastParseDeferred is fastParse for the loader, which reads a plan one
// list entry at a time. The entries of a list under an "items" key
// (outside such an entry) are parsed, to know the file is inside the
// subset, and then let go: each stands as a node of its kind and
// position, without content, and p.entry parses it again when the
// loader comes to it (deferredEntries). The tree and the plan are then
// never both whole at once: a 4 MB plan of 10,000 items held a 35 MB
// tree until its last item was read.
//
// No node is nested deeper than maxDepth, or ok is false: the loader's
// depth check cannot see into the entries let go.
func fastParseDeferred(data []byte, maxDepth int) (doc *yaml.Node, p *fastParser, ok bool) {
	return newFastParser(data, min(maxDepth-1, fastMaxDepth), true)
}

// newFastParser parses data, following collections maxDepth deep.
func newFastParser(data []byte, maxDepth int, deferring bool) (doc *yaml.Node, fp *fastParser, ok bool) {
	if !fastPrescan(data) {
		return nil, nil, false
	}
	p := &fastParser{data: data, src: string(data), line: 1, colStart: -1, maxDepth: maxDepth, deferKey: -1}
	if deferring {
		p.deferred = map[*yaml.Node]*deferredList{}
	}
	if p.nextContent() != 0 {
		return nil, nil, false // empty, or a root that is indented
	}
	var root *yaml.Node
	if p.isEntry(p.pos) {
		root, ok = p.blockSeq(0)
	} else {
		root, ok = p.blockMap(0, nil)
	}
	if !ok || p.ind != -1 {
		return nil, nil, false
	}
	// yaml.v3 places an implicit document at its first token, which is
	// the start of the root collection.
	doc = p.node(yaml.DocumentNode, "", root.Line, root.Column)
	doc.Content = p.children([]*yaml.Node{root})
	p.stack = nil
	return doc, p, true
}

// fastState is where a deferred entry's "-" is: the parser's cursor as
// it stood there.
type fastState struct{ pos, line, lineStart, ind int }

// deferredList is a list whose entries were let go: where each starts,
// the 0-based column of its "-" and how deep the list is nested.
type deferredList struct {
	states     []fastState
	col, depth int
}

// deferredEntries returns how to parse again the entries of seq, or nil
// for a list parsed whole.
func (p *fastParser) deferredEntries(seq *yaml.Node) *deferredList {
	if p == nil || p.deferred == nil {
		return nil
	}
	return p.deferred[seq]
}

// reparse parses again entry i of the deferred list l, which stands as
// stub. It gives the node the first parse gave; ok is false only if it
// does not, a bug the loader recovers from by reading the file with
// yaml.v3.
func (p *fastParser) reparse(l *deferredList, i int, stub *yaml.Node) (*yaml.Node, bool) {
	if reparseFails {
		return nil, false
	}
	st := l.states[i]
	p.pos, p.line, p.lineStart, p.ind = st.pos, st.line, st.lineStart, st.ind
	p.colStart, p.depth = -1, l.depth
	n, ok := p.ownEntry(l.col)
	p.pop(0)
	if !ok || n.Kind != stub.Kind || n.Line != stub.Line || n.Column != stub.Column {
		return nil, false
	}
	return n, true
}

// reparseFails is set by a test, to check that the loader recovers.
var reparseFails = false

// fastParser is a cursor over the file. Between lines, pos is at the
// first character of the next line holding a token and ind is its
// indentation (-1 at the end of the file).
type fastParser struct {
	data []byte
	// src is data as one string: values without escapes are slices of
	// it, not strings of their own. A plan's texts then keep the file's
	// text alive: one block of its size rather than a string each.
	src       string
	pos       int
	line      int // 1-based line of pos
	lineStart int // index of the first byte of the line of pos
	ind       int
	depth     int

	// colPos and colVal cache the 1-based column (in characters, as
	// yaml.v3 counts) of a byte of the line starting at colStart, so
	// that the scalars of a line are counted over once.
	colStart, colPos, colVal int

	// Nodes and slices of children are cut from chunks: one allocation
	// for many. A chunk lives while any of its nodes does; the loader
	// lets go of the items in the order they were read, so the chunks
	// go with them.
	nodes []yaml.Node
	ptrs  []*yaml.Node
	stack []*yaml.Node // children being collected

	// maxDepth is the deepest nesting of collections followed.
	maxDepth int

	// deferred holds, for each list whose entries were let go (see
	// fastParseDeferred), where its entries start; nil when none are.
	// deferKey is the depth of the mapping whose "items" value is being
	// parsed, -1 when none; inDeferred is set while an entry to let go
	// is parsed, whose own lists are parsed whole. An entry's nodes are
	// cut from chunks of their own (entryNodes, entryPtrs), so that no
	// node that stays shares a chunk with them.
	deferred   map[*yaml.Node]*deferredList
	deferKey   int
	inDeferred bool
	// nodeChunk and ptrChunk are the sizes of the next chunks, 0 for the
	// largest; each deferred entry starts small chunks of its own, as a
	// chunk shared by two entries would keep both alive, and with them,
	// one by one, every entry of the list.
	nodeChunk, ptrChunk int
}

func (p *fastParser) node(kind yaml.Kind, tag string, line, col int) *yaml.Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]yaml.Node, p.grow(&p.nodeChunk, 128))
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	n.Kind, n.Tag, n.Line, n.Column = kind, tag, line, col
	return n
}

// grow returns the size of the next chunk, and doubles *size up to max;
// 0 stands for max.
func (p *fastParser) grow(size *int, max int) int {
	n := *size
	if n == 0 {
		return max
	}
	*size = min(2*n, max)
	return n
}

// children copies kids into a slice of its own, or returns nil for
// none, as yaml.v3 leaves an empty collection.
func (p *fastParser) children(kids []*yaml.Node) []*yaml.Node {
	n := len(kids)
	if n == 0 {
		return nil
	}
	if n > 256 {
		return append([]*yaml.Node(nil), kids...)
	}
	if len(p.ptrs) < n {
		p.ptrs = make([]*yaml.Node, max(n, p.grow(&p.ptrChunk, 1024)))
	}
	s := p.ptrs[:n:n]
	p.ptrs = p.ptrs[n:]
	copy(s, kids)
	return s
}

// column is the 1-based column of data[i], on the current line.
func (p *fastParser) column(i int) int {
	if p.colStart != p.lineStart || i < p.colPos {
		p.colStart, p.colPos, p.colVal = p.lineStart, p.lineStart, 1
	}
	for _, c := range p.data[p.colPos:i] {
		if c&0xC0 != 0x80 {
			p.colVal++
		}
	}
	p.colPos = i
	return p.colVal
}

// nextContent moves from the start of a line to the next line holding a
// token, past blank and comment lines, and returns its indentation.
func (p *fastParser) nextContent() int {
	d := p.data
	for p.pos < len(d) {
		i := p.pos
		for i < len(d) && d[i] == ' ' {
			i++
		}
		if i < len(d) && d[i] != '\n' && d[i] != '#' {
			p.lineStart = p.pos
			p.pos = i
			p.ind = i - p.lineStart
			return p.ind
		}
		j := bytes.IndexByte(d[i:], '\n')
		if j < 0 {
			p.pos = len(d)
			break
		}
		p.pos = i + j + 1
		p.line++
	}
	p.lineStart = p.pos
	p.ind = -1
	return -1
}

// endLine checks that only spaces and a comment follow data[i] on its
// line and moves to the next line holding a token.
func (p *fastParser) endLine(i int) bool {
	d := p.data
	start := i
	for i < len(d) && d[i] == ' ' {
		i++
	}
	if i < len(d) && d[i] == '#' {
		if i == start {
			return false
		}
		for i < len(d) && d[i] != '\n' {
			i++
		}
	}
	if i < len(d) {
		if d[i] != '\n' {
			return false
		}
		i++
		p.line++
	}
	p.pos = i
	p.nextContent()
	return true
}

// isEntry reports whether a block list entry ("- ") starts at data[i].
func (p *fastParser) isEntry(i int) bool {
	d := p.data
	return d[i] == '-' && (i+1 == len(d) || d[i+1] == ' ' || d[i+1] == '\n')
}

// blockNode parses the mapping or list that starts a line indented ind.
func (p *fastParser) blockNode(ind int) (*yaml.Node, bool) {
	if p.isEntry(p.pos) {
		return p.blockSeq(ind)
	}
	return p.blockMap(ind, nil)
}

// blockMap parses a block mapping whose keys are at 0-based column col,
// the first of them at p.pos or, in "- key: value", already read as key.
func (p *fastParser) blockMap(col int, key *yaml.Node) (*yaml.Node, bool) {
	if p.depth++; p.depth > p.maxDepth {
		return nil, false
	}
	defer func() { p.depth-- }()
	mark := len(p.stack)
	var m *yaml.Node
	for {
		if key == nil {
			if p.isEntry(p.pos) {
				return nil, false
			}
			k, end, isKey, ok := p.inlineScalar()
			if !ok || !isKey {
				return nil, false
			}
			key, p.pos = k, end+1
		}
		if m == nil {
			m = p.node(yaml.MappingNode, tagMap, key.Line, key.Column)
		}
		if p.deferred != nil && !p.inDeferred && key.Value == "items" {
			p.deferKey = p.depth
		}
		v, ok := p.value(col)
		p.deferKey = -1
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, key, v)
		key = nil
		if p.ind < col {
			break
		}
		if p.ind > col {
			return nil, false
		}
	}
	m.Content = p.children(p.stack[mark:])
	p.pop(mark)
	return m, true
}

// pop drops the children collected above mark, clearing them: a stale
// pointer would keep a deferred entry alive.
func (p *fastParser) pop(mark int) {
	clear(p.stack[mark:])
	p.stack = p.stack[:mark]
}

// value parses a mapping's value, p.pos just past the key's ":".
func (p *fastParser) value(col int) (*yaml.Node, bool) {
	d := p.data
	colon := p.pos - 1
	i := p.pos
	for i < len(d) && d[i] == ' ' {
		i++
	}
	if i == len(d) || d[i] == '\n' || d[i] == '#' {
		// yaml.v3 places an empty value just past the ":".
		line, c := p.line, p.column(colon)+1
		if !p.endLine(p.pos) {
			return nil, false
		}
		switch {
		case p.ind > col:
			return p.blockNode(p.ind)
		case p.ind == col && p.isEntry(p.pos):
			return p.blockSeq(col)
		}
		n := p.node(yaml.ScalarNode, tagNull, line, c)
		return n, true
	}
	p.pos = i
	return p.inlineValue(col)
}

// blockSeq parses a block list whose "-" are at 0-based column col.
func (p *fastParser) blockSeq(col int) (*yaml.Node, bool) {
	deferring := p.deferKey >= 0 && p.deferKey == p.depth
	p.deferKey = -1
	if p.depth++; p.depth > p.maxDepth {
		return nil, false
	}
	defer func() { p.depth-- }()
	mark := len(p.stack)
	s := p.node(yaml.SequenceNode, tagSeq, p.line, col+1)
	var states []fastState
	for {
		// p.pos is at the "-".
		var v *yaml.Node
		var ok bool
		if deferring {
			st := fastState{p.pos, p.line, p.lineStart, p.ind}
			v, ok = p.deferredEntry(col)
			states = append(states, st)
		} else {
			v, ok = p.entry(col)
		}
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, v)
		if p.ind == col && p.isEntry(p.pos) {
			continue
		}
		if p.ind > col {
			return nil, false
		}
		break
	}
	if deferring {
		// The list stays while its entries are read: its own slice,
		// not a chunk shared with entries.
		s.Content = append([]*yaml.Node(nil), p.stack[mark:]...)
		p.deferred[s] = &deferredList{states: states, col: col, depth: p.depth}
	} else {
		s.Content = p.children(p.stack[mark:])
	}
	p.pop(mark)
	return s, true
}

// deferredEntry parses the entry at p.pos with nodes of its own and
// returns a node that stands for it: its kind and position, without its
// content (a scalar entry is kept whole).
func (p *fastParser) deferredEntry(col int) (*yaml.Node, bool) {
	nodes, ptrs := p.nodes, p.ptrs
	v, ok := p.ownEntry(col)
	p.nodes, p.ptrs, p.nodeChunk, p.ptrChunk = nodes, ptrs, 0, 0
	if !ok {
		return nil, false
	}
	stub := p.node(v.Kind, v.Tag, v.Line, v.Column)
	stub.Style = v.Style
	if v.Kind == yaml.ScalarNode {
		stub.Value = v.Value
	}
	return stub, true
}

// ownEntry parses the entry at p.pos as a deferred entry, in chunks of
// its own.
func (p *fastParser) ownEntry(col int) (*yaml.Node, bool) {
	p.nodes, p.ptrs, p.nodeChunk, p.ptrChunk = nil, nil, 4, 16
	p.inDeferred = true
	v, ok := p.entry(col)
	p.inDeferred = false
	return v, ok
}

// entry parses the list entry whose "-" is at p.pos, in a list whose
// "-" are at 0-based column col.
func (p *fastParser) entry(col int) (*yaml.Node, bool) {
	d := p.data
	i := p.pos + 1
	for i < len(d) && d[i] == ' ' {
		i++
	}
	switch {
	case i == len(d) || d[i] == '\n' || d[i] == '#':
		// An empty entry is placed just past the "-".
		line := p.line
		if !p.endLine(p.pos + 1) {
			return nil, false
		}
		if p.ind > col {
			return p.blockNode(p.ind)
		}
		return p.node(yaml.ScalarNode, tagNull, line, col+2), true
	case p.isEntry(i):
		return nil, false // "- - x"
	}
	p.pos = i
	if c := d[i]; c == '"' || c == '\'' || fastPlainStart(d, i, false) {
		k, end, isKey, ok := p.inlineScalar()
		if !ok {
			return nil, false
		}
		if isKey {
			p.pos = end + 1
			return p.blockMap(i-p.lineStart, k)
		}
		return k, p.endLine(end)
	}
	return p.inlineValue(col)
}

// inlineValue parses the value that follows a key or a "- " on its line,
// and the rest of the line. indent is the column of the collection that
// holds it (yaml.v3's parser.indent), which a block scalar's text must
// be deeper than.
func (p *fastParser) inlineValue(indent int) (*yaml.Node, bool) {
	d := p.data
	switch d[p.pos] {
	case '[', '{':
		n, end, ok := p.flow(p.pos)
		if !ok || !p.endLine(end) {
			return nil, false
		}
		return n, true
	case '|', '>':
		return p.blockScalar(indent)
	case '"', '\'':
	default:
		if !fastPlainStart(d, p.pos, false) {
			return nil, false
		}
	}
	n, end, isKey, ok := p.inlineScalar()
	if !ok || isKey || !p.endLine(end) {
		return nil, false // "key: a: b" is refused by yaml.v3
	}
	return n, true
}

// fastPlainStart reports whether a plain scalar may start at data[i]
// (yaml.v3's fetch_next_token), narrowed to what is surely one: no "?"
// or ":" start, and in flow context no "-" before anything but a letter,
// a digit or a dot.
func fastPlainStart(d []byte, i int, flow bool) bool {
	switch d[i] {
	case ' ', '\n', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '-':
		if i+1 == len(d) {
			return false
		}
		c := d[i+1]
		if flow {
			return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.'
		}
		return c != ' ' && c != '\n'
	}
	return true
}

// inlineScalar reads a one-line plain or quoted scalar in block context
// at p.pos. It returns the index just past it and whether a ":" that
// makes it a key follows (end is then at the ":").
func (p *fastParser) inlineScalar() (n *yaml.Node, end int, isKey, ok bool) {
	d := p.data
	start := p.pos
	switch d[start] {
	case '"', '\'':
		n, end, ok = p.quoted(start)
		if !ok {
			return nil, 0, false, false
		}
		if end < len(d) && d[end] == ':' && (end+1 == len(d) || d[end+1] == ' ' || d[end+1] == '\n') {
			isKey = true
		}
	default:
		if !fastPlainStart(d, start, false) {
			return nil, 0, false, false
		}
		i, last := start, start
	scan:
		for i < len(d) {
			switch d[i] {
			case '\n':
				break scan
			case ':':
				if i+1 == len(d) || d[i+1] == ' ' || d[i+1] == '\n' {
					isKey = true
					break scan
				}
			case ' ':
				if i+1 < len(d) && d[i+1] == '#' {
					break scan
				}
				i++
				continue
			}
			i++
			last = i
		}
		n, ok = p.plain(start, last)
		if !ok {
			return nil, 0, false, false
		}
		end = i
	}
	if isKey && end-start > 1000 {
		return nil, 0, false, false
	}
	return n, end, isKey, true
}

// plain makes the node of the plain scalar data[start:end].
func (p *fastParser) plain(start, end int) (*yaml.Node, bool) {
	v := p.src[start:end]
	tag, ok := resolvePlain(v)
	if !ok {
		return nil, false
	}
	n := p.node(yaml.ScalarNode, tag, p.line, p.column(start))
	n.Value = v
	return n, true
}

// Unmarshal is yaml.Unmarshal of one document, read with fastParse when
// it can: for the embedded data read at start-up (the criteria sets),
// whose node tree yaml.v3 then decodes. It does not refuse unknown keys.
func Unmarshal(data []byte, v any) error {
	if doc, ok := fastParse(data); ok && useFastYAML {
		return doc.Decode(v)
	}
	return yaml.Unmarshal(data, v)
}
