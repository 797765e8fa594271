package plan

// The pieces of a YAML line, as the scanner reads them: offsets are
// 0-based byte offsets into a line.

// scanPlain scans a plain text from l[from:]: key is the offset of a
// ':' that makes it a key, comment that of a '#' starting a comment,
// each -1 if none.
func scanPlain(l []byte, from int) (key, comment int) {
	for j := from; j < len(l); j++ {
		switch l[j] {
		case ':':
			if j+1 == len(l) || isBlank(l[j+1]) {
				return j, -1
			}
		case '#':
			if j > from && isBlank(l[j-1]) {
				return -1, j
			}
		}
	}
	return -1, -1
}

// skipProps skips an anchor (&a) and a tag (!t) and the blanks after.
func skipProps(l []byte, p int) int {
	for p < len(l) && (l[p] == '&' || l[p] == '!') {
		for p < len(l) && !isBlank(l[p]) {
			p++
		}
		p = skipBlanks(l, p)
	}
	return p
}

// isBlockKey reports whether l[p:] reads as a "key:" line.
func isBlockKey(l []byte, p int) bool {
	if p >= len(l) || bytesContain("[]{},\"'#", l[p]) {
		return false
	}
	k, _ := scanPlain(l, p)
	return k >= 0
}

func isContent(l []byte) bool {
	ws := leadingBlanks(l)
	return ws < len(l) && l[ws] != '#'
}

func isDashAt(l []byte, p int) bool {
	return p < len(l) && l[p] == '-' && (p+1 == len(l) || isBlank(l[p+1]))
}

func isDocMarker(l []byte) bool {
	return len(l) >= 3 && (string(l[:3]) == "---" || string(l[:3]) == "...") && (len(l) == 3 || isBlank(l[3]))
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

func leadingSpaces(l []byte) int { return skipSpaces(l, 0) }

func leadingBlanks(l []byte) int { return skipBlanks(l, 0) }

func skipSpaces(l []byte, p int) int {
	for p < len(l) && l[p] == ' ' {
		p++
	}
	return p
}

func skipBlanks(l []byte, p int) int {
	for p < len(l) && isBlank(l[p]) {
		p++
	}
	return p
}

func bytesContain(set string, c byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

func bytesRepeat(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

// keyName is the name of the key from l[pos] to its colon, ending at
// colon-1: without properties, blanks and quotes.
func keyName(l []byte, pos, colon int) string {
	p := skipProps(l, pos)
	e := colon - 1
	for e > p && isBlank(l[e-1]) {
		e--
	}
	if e-p >= 2 && (l[p] == '"' || l[p] == '\'') && l[e-1] == l[p] {
		p, e = p+1, e-1
	}
	if p > e {
		return ""
	}
	return string(l[p:e])
}

// inlineSort is the sort of a value written on its key's line, from
// its first character.
func inlineSort(c byte) int {
	switch c {
	case '[':
		return valueSeq
	case '{':
		return valueMap
	}
	return valueScalar
}

// firstWord is the text up to the first blank.
func firstWord(l []byte) string {
	e := 0
	for e < len(l) && !isBlank(l[e]) {
		e++
	}
	return string(l[:e])
}

func isAnchorChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-'
}

// scanQuoted scans a quoted text from l[from:], just after its opening
// quote q, to its closing quote: end is the offset after it. A double
// quote is escaped by a backslash, a single one by doubling it.
func scanQuoted(l []byte, from int, q byte) (end int, closed bool) {
	for j := from; j < len(l); j++ {
		switch {
		case q == '"' && l[j] == '\\':
			j++
		case l[j] == q && q == '\'' && j+1 < len(l) && l[j+1] == '\'':
			j++
		case l[j] == q:
			return j + 1, true
		}
	}
	return len(l), false
}

// validCols lists the columns of the open blocks that a line of the
// given sort (a "- " item or not) may continue, innermost first.
func validCols(stack []sblock, dash bool) []int {
	var cols []int
	for i := len(stack) - 1; i >= 0; i-- {
		b := stack[i]
		if b.seq == dash {
			cols = append(cols, b.col)
		}
	}
	return cols
}

// nearest returns the column of cols nearest c, the deeper one on a
// tie, or -1 when cols is empty.
func nearest(cols []int, c int) int {
	best := -1
	for _, x := range cols {
		if best < 0 || abs(x-c) < abs(best-c) || abs(x-c) == abs(best-c) && x > best {
			best = x
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
