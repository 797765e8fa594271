package plan

import "bytes"

// precountItems counts, before the YAML is parsed, the items a plan
// written in block style holds: the "name:" keys under appendices, one
// per item (name is required). It reports the place of the first item
// past max — where the loader's own count stops — so a file of a million
// items is refused in milliseconds, not after yaml.v3 has built a node
// tree of some fifty times its size. It never counts what is not an item
// key: comments, the plan's own keys (its agencies have names too) and
// the text of block scalars are passed over; an item written in flow
// style ({name: x}) is not counted, and is left to the loader's count.
func precountItems(data []byte, max int) (Pos, bool) {
	if max <= 0 {
		return Pos{}, false
	}
	var (
		count     int
		inApps    bool
		scalarInd = -1 // the indentation a block scalar's text is deeper than
		// entry[c] is where the mapping of the last "- " entry whose
		// content starts at column c begins: the item's place.
		entry = map[int]Pos{}
	)
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		l, data, _ = cutLine(data)
		ind := len(l) - len(bytes.TrimLeft(l, " "))
		rest := l[ind:]
		if len(rest) == 0 {
			continue
		}
		if scalarInd >= 0 {
			if ind > scalarInd {
				continue
			}
			scalarInd = -1
		}
		if rest[0] == '#' {
			continue
		}
		if ind == 0 && rest[0] != '-' {
			inApps = bytes.HasPrefix(rest, []byte("appendices:"))
			if !inApps && blockScalar(rest) {
				scalarInd = 0
			}
			continue
		}
		if !inApps {
			if blockScalar(rest) {
				scalarInd = ind
			}
			continue
		}
		col := ind + 1
		for bytes.HasPrefix(rest, []byte("- ")) || bytes.Equal(rest, []byte("-")) {
			rest = bytes.TrimLeft(rest[1:], " ")
			col = len(l) - len(rest) + 1
			entry[col] = Pos{line, col}
		}
		if blockScalar(rest) {
			scalarInd = ind
		}
		if bytes.HasPrefix(rest, []byte("name:")) && (len(rest) == 5 || rest[5] == ' ') {
			if count++; count > max {
				if p, ok := entry[col]; ok {
					return p, true
				}
				return Pos{line, col}, true
			}
		}
	}
	return Pos{}, false
}

// usePrecount is cleared by a test, to compare with the loader's count.
var usePrecount = true

// blockScalar reports whether a key's value starts a block scalar ("|",
// ">-", "|2"…), whose lines below are text.
func blockScalar(rest []byte) bool {
	i := bytes.Index(rest, []byte(": "))
	if i < 0 {
		return false
	}
	v := bytes.TrimSpace(rest[i+2:])
	if c := bytes.IndexByte(v, '#'); c > 0 && v[c-1] == ' ' {
		v = bytes.TrimSpace(v[:c])
	}
	if len(v) == 0 || v[0] != '|' && v[0] != '>' {
		return false
	}
	for _, b := range v[1:] {
		if b != '-' && b != '+' && (b < '1' || b > '9') {
			return false
		}
	}
	return true
}
