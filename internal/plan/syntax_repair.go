package plan

import (
	"slices"
	"sort"
)

// The line that breaks the blocks is often not the slip: a line pulled
// back four spaces may still land on an open block and strand the line
// after it, and a list's first item pushed in two spaces strands its
// second. So the scanner tries one-line edits of the lines just before
// the break and of the first and last lines of the innermost open
// blocks: moving a line to another column, adding the colon after a key,
// adding or dropping a "- ". Several edits often mend the text; the
// likeliest is the one that leaves it most like the rest of the file
// (fileStats): the fewest odd events (blocks indented by unusual steps,
// texts run on over lines, repeated keys, keys where the file never has
// them...), then the smallest edit, then the fewest changes of
// indentation between neighbouring lines, then the nearest line.

const (
	recentLines   = 8       // lines before the break tried as the slip
	repairHorizon = 12      // content lines past the break an edit must mend
	repairReach   = 4000    // lines before the break an edit may be
	repairBytes   = 1 << 18 // bytes before the break an edit may be
	maxCandCols   = 10      // columns tried per line
)

// repairEdit is one candidate edit and what it says the slip is.
type repairEdit struct {
	fix   anomaly
	text  []byte
	cost  int // characters changed
	shift int // change in the line's content column
}

// repair looks for the one-line edit that mends the text around
// anomaly a, whose line started in state before, and updates a to name
// the slip that edit undoes. It leaves a as it is when none mends.
func (sc *scanner) repair(a *anomaly, before scanState) {
	cands := []lineState{{a.line, before}}
	seen := map[int]bool{a.line: true}
	for k := len(sc.recent) - 1; k >= 0; k-- {
		cands = append(cands, sc.recent[k])
		seen[sc.recent[k].line] = true
	}
	// The first and last lines of the innermost open blocks, whose
	// states a reading from the top recovers.
	var far []int
	for k := len(before.stack) - 1; k >= 0 && len(far) < 2*recentLines; k-- {
		for _, j := range []int{before.stack[k].last, before.stack[k].first} {
			if j >= 0 && !seen[j] && a.line-j <= repairReach {
				seen[j] = true
				far = append(far, j)
			}
		}
	}
	cands = append(cands, sc.statesBefore(far)...)
	// Bound the reading: an edit far back re-reads the text between.
	size := 0
	from := a.line
	kept := cands[:0]
	for _, cd := range cands {
		for j := cd.line; j < from; j++ {
			size += len(sc.lines[j]) + 1
		}
		if size > repairBytes {
			break
		}
		kept = append(kept, cd)
		from = min(from, cd.line)
	}
	if sc.stats == nil {
		sc.stats = newFileStats(sc.lines)
	}
	type score [4]int
	var best *repairEdit
	var bestScore score
	order := 0
	for _, cd := range kept {
		for _, e := range sc.edits(cd) {
			order++
			evs, end, ok := sc.mends(cd, e.text, a.line)
			if !ok {
				continue
			}
			odd := sc.stats.odd(sc.events, from, cd.line) + sc.stats.odd(evs, cd.line, end)
			s := score{odd, e.cost, sc.indentChanges(cd.line, e.shift), order}
			if best == nil || less(s, bestScore) {
				e := e
				best, bestScore = &e, s
			}
		}
	}
	if best != nil {
		*a = best.fix
	}
}

// statesBefore reads the text from the top to recover the states
// before the given lines, latest first.
func (sc *scanner) statesBefore(lines []int) []lineState {
	if len(lines) == 0 {
		return nil
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lines)))
	want := map[int]bool{}
	for _, j := range lines {
		want[j] = true
	}
	s := &scanner{lines: sc.lines, st: scanState{cont: noCont}}
	var got []lineState
	for i := 0; i <= lines[0] && i < len(sc.lines); i++ {
		if want[i] {
			got = append(got, lineState{i, s.st.clone()})
		}
		if s.step(i, sc.lines[i]) != nil {
			break
		}
		s.events = s.events[:0]
	}
	slices.Reverse(got)
	return got
}

func less(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// edits lists the edits tried on the candidate's line.
func (sc *scanner) edits(cd lineState) []repairEdit {
	l := sc.lines[cd.line]
	c := leadingSpaces(l)
	dash := isDashAt(l, c)
	var es []repairEdit
	cols := candidateCols(cd.st.stack, c)
	if len(cols) > maxCandCols {
		cols = cols[:maxCandCols]
	}
	for _, x := range cols {
		fix := anomaly{line: cd.line, off: c, got: c, want: x, valid: validCols(cd.st.stack, dash)}
		switch {
		case dash:
			fix.kind = SyntaxListItem
		case x > c:
			fix.kind = SyntaxOutdented
		default:
			fix.kind = SyntaxTooDeep
		}
		es = append(es, repairEdit{fix: fix, text: append(bytesRepeat(' ', x), l[c:]...), cost: abs(x - c), shift: x - c})
	}
	if t, at, word, ok := withColon(l, c); ok {
		es = append(es, repairEdit{fix: anomaly{kind: SyntaxMissingColon, line: cd.line, off: at, key: word}, text: t, cost: 1})
	}
	if !dash && c < len(l) {
		// A list item without its "- ": either the dash was dropped
		// and the content moved in its place, or blanked out.
		t := append(append(append([]byte(nil), l[:c]...), "- "...), l[c:]...)
		fix := anomaly{kind: SyntaxMissingDash, line: cd.line, off: c}
		es = append(es, repairEdit{fix: fix, text: t, cost: 3, shift: 2})
		if c >= 2 && l[c-1] == ' ' && l[c-2] == ' ' {
			t := append(append(append([]byte(nil), l[:c-2]...), "- "...), l[c:]...)
			fix := anomaly{kind: SyntaxMissingDash, line: cd.line, off: c - 2}
			es = append(es, repairEdit{fix: fix, text: t, cost: 3})
		}
	}
	if dash {
		// A "- " where a key belongs: the item's content takes its
		// place. Dropping it costs the less where no key above awaits
		// a value, as then the item opens no list, it breaks one.
		p := skipSpaces(l, c+1)
		t := append(append([]byte(nil), l[:c]...), l[p:]...)
		fix := anomaly{kind: SyntaxListItem, line: cd.line, off: c, got: c, want: -1, valid: validCols(cd.st.stack, true)}
		cost := 1
		if cd.st.pending != pendNone {
			cost = 2
		}
		es = append(es, repairEdit{fix: fix, text: t, cost: cost, shift: c - p})
	}
	return es
}

// mends reports whether the text reads without an anomaly from the
// candidate's line, changed to t, to repairHorizon content lines past
// line, and returns the events of that reading and the line it stopped
// before.
func (sc *scanner) mends(cd lineState, t []byte, line int) (evs []scanEvent, end int, ok bool) {
	s := &scanner{lines: sc.lines, st: cd.st.clone()}
	past := 0
	j := cd.line
	for ; j < len(sc.lines) && past <= repairHorizon; j++ {
		l := sc.lines[j]
		if j == cd.line {
			l = t
		}
		if s.step(j, l) != nil {
			return nil, 0, false
		}
		if j > line && isContent(l) {
			past++
		}
	}
	return s.events, j, j < len(sc.lines) || s.eof() == nil
}

// indentChanges is how many more times the content column changes
// between line i and its neighbouring content lines when line i's
// content moves by shift.
func (sc *scanner) indentChanges(i, shift int) int {
	if shift == 0 {
		return 0
	}
	c := contentCol(sc.lines[i])
	changes := func(x int) int {
		n := 0
		for _, j := range []int{sc.neighbour(i, -1), sc.neighbour(i, 1)} {
			if j >= 0 && contentCol(sc.lines[j]) != x {
				n++
			}
		}
		return n
	}
	return changes(c+shift) - changes(c)
}

// neighbour is the nearest content line before (dir -1) or after (dir 1)
// line i, -1 if none within reach.
func (sc *scanner) neighbour(i, dir int) int {
	for j, n := i+dir, 0; j >= 0 && j < len(sc.lines) && n < 100; j, n = j+dir, n+1 {
		if isContent(sc.lines[j]) {
			return j
		}
	}
	return -1
}

// contentCol is the column of a line's content after its "- "s.
func contentCol(l []byte) int {
	p := leadingSpaces(l)
	for isDashAt(l, p) {
		p = skipSpaces(l, p+1)
	}
	return p
}

// candidateCols are the columns to try moving a line indented c to,
// nearest first: those of open blocks and those 2 and 4 spaces either
// side; on a tie, an open block's first, then the deeper.
func candidateCols(stack []sblock, c int) []int {
	open := map[int]bool{}
	for _, b := range stack {
		open[b.col] = true
	}
	var cols []int
	for x := range open {
		if x != c {
			cols = append(cols, x)
		}
	}
	for _, d := range []int{2, -2, 4, -4} {
		if x := c + d; x >= 0 && !open[x] {
			cols = append(cols, x)
		}
	}
	sort.Slice(cols, func(i, j int) bool {
		a, b := cols[i], cols[j]
		if da, db := abs(a-c), abs(b-c); da != db {
			return da < db
		}
		if open[a] != open[b] {
			return open[a]
		}
		return a > b
	})
	return cols
}

// withColon returns line l, indented c, with a colon added after its
// first word when that word looks like a plan key (lower-case ASCII)
// and the line holds no key yet; at is where the word starts.
func withColon(l []byte, c int) (t []byte, at int, word string, ok bool) {
	p := contentCol(l)
	e := p
	for e < len(l) && (l[e] >= 'a' && l[e] <= 'z' || l[e] == '_' || e > p && l[e] >= '0' && l[e] <= '9') {
		e++
	}
	if e == p || e+1 >= len(l) || l[e] != ' ' {
		return nil, 0, "", false
	}
	if k, _ := scanPlain(l, p); k >= 0 {
		return nil, 0, "", false
	}
	t = append(append(append([]byte(nil), l[:e]...), ':'), l[e:]...)
	return t, p, string(l[p:e]), true
}
