package plan

// Values that span lines: block scalars (| and >), and quoted texts and
// flow collections ([ ], { }) continued on the next lines. The scanner
// reads their lines apart from the block structure; a quote or bracket
// left open shows as block structure inside it.

// literalLine reads a line of a block scalar; done is false when the
// line ends the scalar and must be read as block structure.
func (sc *scanner) literalLine(i int, l []byte) (done bool, a *anomaly) {
	st := &sc.st
	n := leadingSpaces(l)
	if st.litInd >= 0 && n >= st.litInd {
		return true, nil
	}
	if n < len(l) && l[n] == '\t' {
		return true, &anomaly{kind: SyntaxTab, line: i, off: n}
	}
	if n == len(l) {
		return true, nil
	}
	if st.litInd < 0 && n > st.litCol {
		st.litInd = n
		return true, nil
	}
	st.mode = modeBlock
	return false, nil
}

// quoteLine reads a line inside a quoted text that spans lines.
func (sc *scanner) quoteLine(i int, l []byte) *anomaly {
	st := &sc.st
	ws := leadingBlanks(l)
	if ws == len(l) {
		return nil
	}
	if ws <= st.owner {
		// A line back at its block's column: the quote ran on.
		return &anomaly{kind: SyntaxUnclosedQuote, line: st.openLine, off: st.openOff, ch: rune(st.openCh)}
	}
	end, closed := scanQuoted(l, 0, st.quote)
	if !closed {
		return nil
	}
	st.mode, st.quote = modeBlock, 0
	return sc.afterSpan(l, end, SyntaxUnclosedQuote)
}

// flowLine reads a line inside a flow collection that spans lines.
func (sc *scanner) flowLine(i int, l []byte) *anomaly {
	st := &sc.st
	ws := leadingBlanks(l)
	if ws == len(l) || st.quote == 0 && l[ws] == '#' {
		return nil
	}
	if st.quote != 0 && ws <= st.owner || st.quote == 0 && (isDashAt(l, ws) || ws <= st.owner && isBlockKey(l, ws)) {
		// Block structure inside the brackets: they, or a quote in
		// them, were never closed.
		return sc.unclosedFlow()
	}
	end, closed := sc.scanFlow(i, l, ws)
	if !closed {
		return nil
	}
	st.mode = modeBlock
	return sc.afterSpan(l, end, SyntaxUnclosedFlow)
}

// unclosedFlow is the anomaly of a flow collection never closed: of the
// quote in it never closed, if any.
func (sc *scanner) unclosedFlow() *anomaly {
	st := &sc.st
	if st.quote != 0 {
		return &anomaly{kind: SyntaxUnclosedQuote, line: st.quoteLine, off: st.quoteOff, ch: rune(st.quote)}
	}
	return &anomaly{kind: SyntaxUnclosedFlow, line: st.openLine, off: st.openOff, ch: rune(st.openCh)}
}

// afterSpan checks the rest of the line that closes a value spanning
// lines: anything but a comment there means the opening quote or bracket
// was never closed and this one closed something else.
func (sc *scanner) afterSpan(l []byte, end int, kind SyntaxKind) *anomaly {
	st := &sc.st
	st.cont, st.pending = noCont, pendNone
	if k := skipBlanks(l, end); k == len(l) || k > end && l[k] == '#' {
		return nil
	}
	return &anomaly{kind: kind, line: st.openLine, off: st.openOff, ch: rune(st.openCh)}
}

// scanFlow scans a flow collection from l[from:], line i, continuing
// the brackets and quote open in the state: end is the offset after the
// bracket that closes it.
func (sc *scanner) scanFlow(i int, l []byte, from int) (end int, closed bool) {
	st := &sc.st
	for j := from; j < len(l); j++ {
		if st.quote != 0 {
			e, ok := scanQuoted(l, j, st.quote)
			if !ok {
				return len(l), false
			}
			j, st.quote = e-1, 0
			continue
		}
		switch c := l[j]; c {
		case '"', '\'':
			if j == 0 || isBlank(l[j-1]) || bytesContain("[{,:", l[j-1]) {
				st.quote, st.quoteLine, st.quoteOff = c, i, j
			}
		case '#':
			if j == 0 || isBlank(l[j-1]) {
				return len(l), false
			}
		case '[', '{':
			if len(st.flow) < 1000 {
				st.flow = append(st.flow, c)
			}
		case ']', '}':
			if len(st.flow) > 0 {
				st.flow = st.flow[:len(st.flow)-1]
			}
			if len(st.flow) == 0 {
				return j + 1, true
			}
		}
	}
	return len(l), false
}
