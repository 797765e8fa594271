package plan

// The indentation scanner behind locateSyntax: it reads a YAML text line
// by line the way yaml.v3 nests block mappings and sequences, just far
// enough to find the first line that breaks them; then repair (in
// syntax_repair.go) looks for the one-line edit that mends the text, as
// the line that breaks the blocks is often not the slip.

// sblock is an open block mapping or sequence. Columns here are 0-based
// byte offsets: the number of spaces before the entries.
type sblock struct {
	col int
	seq bool
	// first and last are the first and last lines whose content
	// starts at col, -1 if none.
	first, last int
	// name is the key holding the block, directly or through a list's
	// items; keys are a mapping's keys so far, newest first.
	name string
	keys *keyList
	item int // a list's first item: itemScalar, itemMap or itemSeq; 0 before it
}

// keyList is a list of keys, shared between the copies of a state.
type keyList struct {
	name string
	next *keyList
}

// What a list item is.
const (
	itemScalar = 1 + iota
	itemMap
	itemSeq
)

// What the end of the previous line left waiting for a node.
const (
	pendNone = iota
	pendKey  // "key:": its value may follow, deeper, or as items at the key's column
	pendDash // "-": the item may follow, deeper
)

// What the scanner is inside of at the start of a line.
const (
	modeBlock   = iota
	modeLiteral // a block scalar (| or >)
	modeQuote   // a quoted text spanning lines
	modeFlow    // a [ ] or { } spanning lines
)

// noCont means no plain text may continue on the next line.
const noCont = -2

// scanState is all the scanner knows at the start of a line; copies of
// it let a repair re-read the text from an earlier line.
type scanState struct {
	stack   []sblock
	pending int
	pendCol int
	pendKey string // the name of the key awaiting its value
	// cont: lines indented deeper than cont continue a plain text,
	// which starts on line contLine at contOff.
	cont              int
	contLine, contOff int
	mode              int
	// litCol is the column a block scalar's content must be deeper
	// than; litInd its content's indentation, -1 until known.
	litCol, litInd int
	// openLine, openOff and openCh locate the quote or bracket that
	// opened a value spanning lines; owner is the column of the block
	// holding that value.
	openLine, openOff, owner int
	openCh                   byte
	quote                    byte   // the open quote, in modeQuote or inside a flow
	quoteLine, quoteOff      int    // where a quote inside a flow opened
	flow                     []byte // the open brackets, in modeFlow
	started                  bool   // the document's first node was seen
}

func (s scanState) clone() scanState {
	s.stack = append([]sblock(nil), s.stack...)
	s.flow = append([]byte(nil), s.flow...)
	return s
}

// anomaly is the first place the scanner finds the text broken.
type anomaly struct {
	kind      SyntaxKind
	line, off int // 0-based line, byte offset in it
	broke     int // the line the scanner found broken; line is the slip
	got, want int // indentation kinds: the line's column, its siblings' (-1 unknown)
	valid     []int
	ch        rune
	key       string
	// indent marks an indentation anomaly: the slip may be on an
	// earlier line, so a repair is worth looking for.
	indent bool
}

// scanner reads a text's lines in turn; a repair runs fresh ones from
// a state before an earlier line.
type scanner struct {
	lines [][]byte
	st    scanState
	// events are the blocks opened and the plain texts continued, by
	// line, which tell a likely repair from an unlikely one.
	events []scanEvent
	// The main pass remembers the states before recent lines, for
	// repairs, and what the file is usually like, to choose among them.
	main   bool
	recent []lineState
	stats  *fileStats
}

// A scanEvent is a block opened, a line continuing a plain text, a
// key's value and the like.
type scanEvent struct {
	line, cat, off int
	// key is the key of evValue (off is the value's sort) and evKey;
	// holder and keys are, for evKey, the key holding the mapping and
	// the mapping's keys before it.
	key, holder string
	keys        *keyList
}

// Event categories. A block's off is its column less that of the key
// or "-" it belongs to.
const (
	evCont    = iota // a line continuing a plain text
	evKeySeq         // a list under a key
	evKeyMap         // a mapping under a key
	evDashSeq        // a list under a "-" alone on its line
	evDashMap        // a mapping under a "-" alone on its line
	evCompact        // a block opened on its parent's line: "- key:", "- - x"
	evEmpty          // a key or "-" whose value never came
	evMixed          // a list item of another sort than the list's first
	evValue          // a key's value, of sort off (valueScalar...)
	evDup            // a key a mapping already has
	evKey            // a key added to a mapping
)

// The sorts of a key's value.
const (
	valueScalar = iota
	valueSeq
	valueMap
	valueEmpty
	valueSorts
)

func (sc *scanner) event(i, cat, off int) { sc.add(scanEvent{line: i, cat: cat, off: off}) }

func (sc *scanner) keyEvent(i, cat, off int, key string) {
	sc.add(scanEvent{line: i, cat: cat, off: off, key: key})
}

func (sc *scanner) add(e scanEvent) {
	i := e.line
	sc.events = append(sc.events, e)
	if sc.main && len(sc.events) > 8*repairReach {
		// Old events serve no repair.
		keep := sc.events[:0]
		for _, e := range sc.events {
			if e.line >= i-repairReach {
				keep = append(keep, e)
			}
		}
		if len(keep) > 4*repairReach {
			keep = append(keep[:0], keep[len(keep)-4*repairReach:]...)
		}
		sc.events = keep
	}
}

// lineState is the state before a line.
type lineState struct {
	line int
	st   scanState
}

// scanIndentation returns the first anomaly in the text, nil if it sees
// none, with the slip that most likely caused it.
func scanIndentation(lines [][]byte) *anomaly {
	sc := &scanner{lines: lines, st: scanState{cont: noCont}, main: true}
	for i, l := range lines {
		content := sc.st.mode == modeBlock && isContent(l)
		var before scanState
		if content {
			before = sc.st.clone()
		}
		if a := sc.step(i, l); a != nil {
			if a.indent && content {
				sc.repair(a, before)
			}
			a.broke = i
			return a
		}
		if content {
			sc.remember(i, leadingSpaces(l), before)
		}
	}
	a := sc.eof()
	if a != nil {
		a.broke = len(lines) - 1
	}
	return a
}

// remember keeps the state before content line i, indented c, and
// notes the line in the block it continues.
func (sc *scanner) remember(i, c int, before scanState) {
	if len(sc.recent) == recentLines {
		copy(sc.recent, sc.recent[1:])
		sc.recent = sc.recent[:recentLines-1]
	}
	sc.recent = append(sc.recent, lineState{i, before})
	st := &sc.st
	for k := len(st.stack) - 1; k >= 0; k-- {
		if b := &st.stack[k]; b.col == c {
			b.last = i
			if b.first < 0 {
				b.first = i
			}
			break
		}
	}
}

// eof is the anomaly of a text ending inside a quote or brackets.
func (sc *scanner) eof() *anomaly {
	st := &sc.st
	switch st.mode {
	case modeQuote:
		return &anomaly{kind: SyntaxUnclosedQuote, line: st.openLine, off: st.openOff, ch: rune(st.openCh)}
	case modeFlow:
		return sc.unclosedFlow()
	}
	return nil
}

// step reads line i.
func (sc *scanner) step(i int, l []byte) *anomaly {
	switch sc.st.mode {
	case modeLiteral:
		done, a := sc.literalLine(i, l)
		if done || a != nil {
			return a
		}
	case modeQuote:
		return sc.quoteLine(i, l)
	case modeFlow:
		return sc.flowLine(i, l)
	}
	return sc.blockLine(i, l)
}

// blockLine reads a line of block structure.
func (sc *scanner) blockLine(i int, l []byte) *anomaly {
	st := &sc.st
	n := leadingSpaces(l)
	ws := leadingBlanks(l)
	if ws == len(l) {
		// yaml.v3 refuses a tab on an empty line when it stands where
		// the indentation of the current block is.
		if n < len(l) && (len(st.stack) == 0 || n <= st.stack[len(st.stack)-1].col) {
			return &anomaly{kind: SyntaxTab, line: i, off: n}
		}
		return nil
	}
	if n < ws {
		// A tab in the indentation is only whitespace inside a plain
		// text continuing from the line before.
		if st.cont == noCont || st.pending != pendNone || n <= st.cont {
			return &anomaly{kind: SyntaxTab, line: i, off: n}
		}
		n = ws
	}
	rest := l[n:]
	switch {
	case rest[0] == '#':
		st.cont = noCont
		return nil
	case n == 0 && isDocMarker(rest):
		*st = scanState{cont: noCont}
		return nil
	case n == 0 && rest[0] == '%':
		return nil // a directive
	}
	c := n
	if st.cont != noCont && st.pending == pendNone && c > st.cont {
		return sc.continuation(i, l, c)
	}
	st.cont = noCont
	dash := isDashAt(l, c)
	open, owner, under := false, c, st.pending
	if st.pending != pendNone {
		open = c > st.pendCol || st.pending == pendKey && c == st.pendCol && dash
		owner = st.pendCol
		st.pending = pendNone
		if !open {
			sc.event(i, evEmpty, 0)
			if under == pendKey {
				sc.keyEvent(i, evValue, valueEmpty, st.pendKey)
			}
		}
	}
	if !open && len(st.stack) == 0 && !st.started {
		open, owner, under = true, -1, pendNone
	}
	if !open {
		if a := sc.resolve(i, c, dash); a != nil {
			return a
		}
		owner = c
	}
	st.started = true
	return sc.body(i, l, c, open, owner, under)
}

// continuation reads a line that continues a plain text: it must not
// hold a key.
func (sc *scanner) continuation(i int, l []byte, c int) *anomaly {
	key, comment := scanPlain(l, c)
	if key >= 0 {
		if st := &sc.st; st.cont < 0 && !isDashAt(l, c) {
			// A text opening the document, then keys: the text was
			// meant as the first key.
			t := sc.lines[st.contLine]
			return &anomaly{kind: SyntaxMissingColon, line: st.contLine, off: st.contOff, key: firstWord(t[min(st.contOff, len(t)):])}
		}
		return sc.indentAnomaly(i, c, isDashAt(l, c), sc.st.stack)
	}
	sc.event(i, evCont, 0)
	if comment >= 0 {
		sc.st.cont = noCont
	}
	return nil
}

// resolve closes the blocks a line indented c leaves and checks that it
// continues the block it lands in.
func (sc *scanner) resolve(i, c int, dash bool) *anomaly {
	st := &sc.st
	j := len(st.stack) - 1
	for j >= 0 && st.stack[j].col > c {
		j--
	}
	// A list of a key's values may stand at the key's own column; a
	// line there that is not an item ends it.
	if j >= 1 && st.stack[j].seq && st.stack[j].col == c && !dash && st.stack[j-1].col == c {
		j--
	}
	if j >= 0 && st.stack[j].col == c && st.stack[j].seq == dash {
		st.stack = st.stack[:j+1]
		return nil
	}
	return sc.indentAnomaly(i, c, dash, st.stack)
}

// indentAnomaly is line i, indented c, continuing no block of stack;
// dash says it is a list item.
func (sc *scanner) indentAnomaly(i, c int, dash bool, stack []sblock) *anomaly {
	a := &anomaly{line: i, off: c, got: c, indent: true, valid: validCols(stack, dash)}
	a.want = nearest(a.valid, c)
	switch {
	case dash:
		a.kind = SyntaxListItem
	case a.want > c:
		a.kind = SyntaxOutdented
	default:
		a.kind = SyntaxTooDeep
	}
	return a
}

// push opens a block at col on line i, unless too many are open. first
// says it is the line's first block, opened under a key or "-" ended by
// the line before (under) whose column is owner; else it opens under the
// line's own "-" at owner.
func (sc *scanner) push(i, col int, seq, first bool, under, owner int) bool {
	if len(sc.st.stack) >= maxScanDepth {
		return false
	}
	name := sc.st.pendKey
	if !first || under != pendKey {
		name = ""
		if n := len(sc.st.stack); n > 0 {
			name = sc.st.stack[n-1].name
		}
	}
	sc.st.stack = append(sc.st.stack, sblock{col: col, seq: seq, first: -1, last: -1, name: name})
	switch {
	case !first:
		sc.event(i, evCompact, col-owner)
	case under == pendKey && seq:
		sc.event(i, evKeySeq, col-owner)
	case under == pendKey:
		sc.event(i, evKeyMap, col-owner)
	case under == pendDash && seq:
		sc.event(i, evDashSeq, col-owner)
	case under == pendDash:
		sc.event(i, evDashMap, col-owner)
	}
	return true
}

// maxScanDepth bounds the blocks the scanner keeps open, as yaml.v3
// bounds its own nesting; past it the scanner gives up.
const maxScanDepth = 10000

// nestedTooDeep is the anomaly of nesting past maxScanDepth on line i: one
// the scanner does not explain.
func nestedTooDeep(i int) *anomaly { return &anomaly{kind: SyntaxUnknown, line: i} }

// key notes key name of the innermost mapping, at the top of the
// stack, on line i.
func (sc *scanner) key(i int, name string) {
	b := &sc.st.stack[len(sc.st.stack)-1]
	for k, n := b.keys, 0; k != nil && n < 100; k, n = k.next, n+1 {
		if k.name == name {
			sc.event(i, evDup, 0)
			break
		}
	}
	sc.add(scanEvent{line: i, cat: evKey, key: name, holder: b.name, keys: b.keys})
	b.keys = &keyList{name, b.keys}
}

// item notes that the innermost list, at the top of the stack, has an
// item of the given sort on line i.
func (sc *scanner) item(i, sort int) {
	b := &sc.st.stack[len(sc.st.stack)-1]
	switch {
	case b.item == 0:
		b.item = sort
	case b.item != sort:
		sc.event(i, evMixed, 0)
	}
}

// body reads a line's content from column c: its "- " items, then its
// key and value or its lone value. open says the line opens a new block,
// the value of the key or item (under) that ended the line above; owner
// is the column of the block holding the line's first node.
func (sc *scanner) body(i int, l []byte, c int, open bool, owner, under int) *anomaly {
	st := &sc.st
	pos, first := c, true
	if open && under == pendKey && isDashAt(l, c) {
		sc.keyEvent(i, evValue, valueSeq, st.pendKey)
	}
	parent := st.pendKey
	for isDashAt(l, pos) {
		if !first {
			sc.item(i, itemSeq)
		}
		if open || !first {
			if !sc.push(i, pos, true, first, under, owner) {
				return nestedTooDeep(i)
			}
		}
		owner, first = pos, false
		pos = skipSpaces(l, pos+1)
		if pos < len(l) && l[pos] == '\t' {
			return &anomaly{kind: SyntaxTab, line: i, off: pos}
		}
		if pos == len(l) || l[pos] == '#' {
			st.pending, st.pendCol = pendDash, owner
			return nil
		}
	}
	what, colon, a := sc.node(i, l, pos, owner, false)
	if a != nil {
		return a
	}
	if !first {
		if what == nodeKey {
			sc.item(i, itemMap)
		} else {
			sc.item(i, itemScalar)
		}
	} else if open && under == pendKey {
		sort := valueScalar
		if what == nodeKey {
			sort = valueMap
		}
		sc.keyEvent(i, evValue, sort, parent)
	}
	switch {
	case what == nodeKey:
		if open || !first {
			if !sc.push(i, pos, false, first, under, owner) {
				return nestedTooDeep(i)
			}
		}
		name := keyName(l, pos, colon)
		sc.key(i, name)
		v := skipBlanks(l, colon)
		if v == len(l) || l[v] == '#' {
			st.pending, st.pendCol, st.pendKey = pendKey, pos, name
			return nil
		}
		sc.keyEvent(i, evValue, inlineSort(l[v]), name)
		_, _, a := sc.node(i, l, v, pos, true)
		return a
	case what == nodeScalar && first && !open:
		// A lone value where the mapping wants a key.
		return &anomaly{kind: SyntaxMissingColon, line: i, off: pos, key: firstWord(l[pos:])}
	}
	return nil
}

// What node found.
const (
	nodeScalar = iota // a value complete on its line
	nodeKey           // a key: colon is the offset after its ':'
	nodeOpen          // a value continued on the next lines
)

// node reads the node at l[pos]: a key (unless value is set: then it is
// a key's value, where a key is an error) or a value. owner is the
// column of the block holding it.
func (sc *scanner) node(i int, l []byte, pos, owner int, value bool) (what, colon int, a *anomaly) {
	st := &sc.st
	p := skipProps(l, pos)
	if p == len(l) || l[p] == '#' && p > pos {
		// Only an anchor or tag: the node follows on the next lines.
		st.pending, st.pendCol = pendDash, owner
		if value {
			st.pending = pendKey
		}
		return nodeOpen, 0, nil
	}
	switch ch := l[p]; {
	case ch == '"' || ch == '\'':
		end, closed := scanQuoted(l, p+1, ch)
		if !closed {
			st.mode, st.quote, st.owner = modeQuote, ch, owner
			st.openLine, st.openOff, st.openCh = i, p, ch
			return nodeOpen, 0, nil
		}
		return sc.afterNode(i, l, end, rune(ch), value)
	case ch == '[' || ch == '{':
		st.flow, st.quote = st.flow[:0], 0
		end, closed := sc.scanFlow(i, l, p)
		if !closed {
			st.mode, st.owner = modeFlow, owner
			st.openLine, st.openOff, st.openCh = i, p, ch
			return nodeOpen, 0, nil
		}
		return sc.afterNode(i, l, end, rune(l[end-1]), value)
	case ch == '*':
		end := p + 1
		for end < len(l) && isAnchorChar(l[end]) {
			end++
		}
		return sc.afterNode(i, l, end, 0, value)
	case ch == '|' || ch == '>':
		st.mode, st.litCol, st.litInd = modeLiteral, owner, -1
		for _, h := range l[p+1:] {
			if h >= '1' && h <= '9' {
				st.litInd = max(owner, 0) + int(h-'0')
			} else if h != '+' && h != '-' {
				break
			}
		}
		return nodeOpen, 0, nil
	case value && isDashAt(l, p):
		return 0, 0, &anomaly{kind: SyntaxListItem, line: i, off: p, got: p, want: -1}
	case ch == '@' || ch == '`' || ch == '%':
		return 0, 0, &anomaly{kind: SyntaxReservedChar, line: i, off: p, ch: rune(ch)}
	case (ch == '?' || ch == ':') && (p+1 == len(l) || isBlank(l[p+1])):
		// An explicit key or value: plan files have none; read on leniently.
		if value {
			return nodeScalar, 0, nil
		}
		return nodeKey, p + 1, nil
	}
	key, comment := scanPlain(l, p)
	if key >= 0 {
		if value {
			return 0, 0, &anomaly{kind: SyntaxColonInValue, line: i, off: key}
		}
		return nodeKey, key + 1, nil
	}
	st.cont, st.contLine, st.contOff = owner, i, p
	if comment >= 0 {
		st.cont = noCont
	}
	return nodeScalar, 0, nil
}

// afterNode checks what follows a quoted text, flow collection or
// alias ending at end: nothing, a comment, or the colon of a key.
func (sc *scanner) afterNode(i int, l []byte, end int, closing rune, value bool) (what, colon int, a *anomaly) {
	k := skipBlanks(l, end)
	switch {
	case k == len(l) || k > end && l[k] == '#':
		return nodeScalar, 0, nil
	case l[k] == ':' && (k+1 == len(l) || isBlank(l[k+1])):
		if value {
			return 0, 0, &anomaly{kind: SyntaxColonInValue, line: i, off: k}
		}
		return nodeKey, k + 1, nil
	case closing == 0:
		return 0, 0, &anomaly{kind: SyntaxUnknown, line: i, off: k}
	}
	return 0, 0, &anomaly{kind: SyntaxTextAfterValue, line: i, off: k, ch: closing}
}
