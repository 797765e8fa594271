package plan

import "slices"

// fileStats is what a YAML text is usually like, read from all its
// lines: how deep blocks are indented under their key or "-", which
// sorts of value each key holds, which keys mappings held by a key have,
// and which keys share mappings. It lets a repair prefer the edit that
// leaves the text most like the rest of it. The lines are read on their
// own, without the scanner's care: the counts need only be typical, and
// they include the slip itself, which is why "rare" below means seen
// once, or far less than the usual.
type fileStats struct {
	// offsets counts blocks by category and indentation from their
	// parent; empty counts keys and "-" whose value never came, of all
	// awaiting one.
	offsets      map[[2]int]int
	empty, await int
	// sorts counts the sorts of value each key holds.
	sorts map[string]*[valueSorts]int
	// held counts holder+"\x00"+key, and holder alone its most held key.
	held map[string]int
	// keys counts the mappings each key is in, and together the pairs
	// a+"\x00"+b (a < b) of keys sharing one.
	keys     map[string]int
	together map[string]int
}

// Limits on what the statistics read of one mapping.
const (
	statKeys = 40 // keys of a mapping paired
	statWalk = 60 // keys of a mapping compared with a new one
)

func newFileStats(lines [][]byte) *fileStats {
	fs := &fileStats{offsets: map[[2]int]int{}, sorts: map[string]*[valueSorts]int{},
		held: map[string]int{}, keys: map[string]int{}, together: map[string]int{}}
	// holders are the keys ending their lines still open, innermost
	// last; each has the mappings under it, by column, being read.
	type holder struct {
		col  int
		name string
		maps map[int][]string
	}
	var holders []*holder
	root := &holder{col: -1, maps: map[int][]string{}}
	closeMaps := func(h *holder) {
		for _, ks := range h.maps {
			fs.mapping(ks)
		}
	}
	pend, pendCol, pendName := pendNone, 0, ""
	for _, l := range lines {
		if !isContent(l) {
			continue
		}
		c := leadingSpaces(l)
		dash := isDashAt(l, c)
		if pend != pendNone {
			fs.await++
			switch {
			case c < pendCol || c == pendCol && (pend == pendDash || !dash):
				fs.empty++
				if pend == pendKey {
					fs.sort(pendName, valueEmpty)
				}
			case pend == pendKey && dash:
				fs.offsets[[2]int{evKeySeq, c - pendCol}]++
				fs.sort(pendName, valueSeq)
			case pend == pendKey:
				fs.offsets[[2]int{evKeyMap, c - pendCol}]++
				if k, _ := scanPlain(l, c); k >= 0 {
					fs.sort(pendName, valueMap)
				} else {
					fs.sort(pendName, valueScalar)
				}
			case dash:
				fs.offsets[[2]int{evDashSeq, c - pendCol}]++
			default:
				fs.offsets[[2]int{evDashMap, c - pendCol}]++
			}
		}
		pend = pendNone
		p := c
		for isDashAt(l, p) {
			q := skipSpaces(l, p+1)
			if q == len(l) || l[q] == '#' {
				pend, pendCol = pendDash, p
				break
			}
			fs.offsets[[2]int{evCompact, q - p}]++
			p = q
		}
		if pend != pendNone || p == len(l) || l[p] == '"' || l[p] == '\'' {
			continue
		}
		k, _ := scanPlain(l, p)
		if k < 0 {
			continue
		}
		name := keyName(l, p, k+1)
		for len(holders) > 0 {
			if h := holders[len(holders)-1]; h.col < c || h.col == c && dash {
				break
			}
			closeMaps(holders[len(holders)-1])
			holders = holders[:len(holders)-1]
		}
		h := root
		if len(holders) > 0 {
			h = holders[len(holders)-1]
		}
		for col := range h.maps {
			if col > p || dash && col == p {
				fs.mapping(h.maps[col])
				delete(h.maps, col)
			}
		}
		if len(h.maps[p]) < statKeys {
			h.maps[p] = append(h.maps[p], name)
		}
		pair := h.name + "\x00" + name
		fs.held[pair]++
		fs.held[h.name] = max(fs.held[h.name], fs.held[pair])
		if v := skipBlanks(l, k+1); v == len(l) || l[v] == '#' {
			pend, pendCol, pendName = pendKey, p, name
			holders = append(holders, &holder{col: p, name: name, maps: map[int][]string{}})
		} else {
			fs.sort(name, inlineSort(l[v]))
		}
	}
	for _, h := range holders {
		closeMaps(h)
	}
	closeMaps(root)
	return fs
}

func (fs *fileStats) sort(key string, sort int) {
	if fs.sorts[key] == nil {
		fs.sorts[key] = new([valueSorts]int)
	}
	fs.sorts[key][sort]++
}

// mapping counts the keys of one mapping.
func (fs *fileStats) mapping(ks []string) {
	for i, a := range ks {
		fs.keys[a]++
		for _, b := range ks[:i] {
			if a != b {
				fs.together[pairKey(a, b)]++
			}
		}
	}
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "\x00" + b
}

// odd counts the events of lines from to to (excluded) that are unlike
// the rest of the file: plain texts run on over lines, lists mixing
// items of different sorts, repeated keys, keys without values (where
// the file has few), keys holding a sort of value they rarely hold
// elsewhere, keys in mappings that never have them elsewhere, and
// blocks indented by a step the file rarely uses.
func (fs *fileStats) odd(evs []scanEvent, from, to int) int {
	n := 0
	for _, e := range evs {
		if e.line < from || e.line >= to {
			continue
		}
		switch e.cat {
		case evCont, evMixed, evDup:
			n++
		case evKey:
			if fs.strangeKey(e) {
				n++
			}
		case evValue:
			if counts := fs.sorts[e.key]; counts != nil {
				if most := slices.Max(counts[:]); most >= 2 && counts[e.off]*2 <= most {
					n++
				}
			}
		case evEmpty:
			if fs.empty*20 < fs.await {
				n++
			}
		default:
			if fs.unusual(e.cat, e.off) {
				n++
			}
		}
	}
	return n
}

// strangeKey reports whether key event e puts a key where the file
// never has it: in a mapping held by a key whose mappings are well known
// and lack it, or beside a common key it never shares a mapping with.
func (fs *fileStats) strangeKey(e scanEvent) bool {
	if fs.held[e.holder+"\x00"+e.key] <= 1 && fs.held[e.holder] >= 3 {
		return true
	}
	for k, n := e.keys, 0; k != nil && n < statWalk; k, n = k.next, n+1 {
		if k.name != e.key && fs.keys[k.name] >= 5 && fs.keys[e.key] >= 5 && fs.together[pairKey(k.name, e.key)] <= 1 {
			return true
		}
	}
	return false
}

// unusual reports whether blocks of category cat are rarely indented
// off from their parent in the file. Blocks under a key or a lone "-"
// are counted together: a file uses one step for all of them, or two
// where its lists stand at their key's column.
func (fs *fileStats) unusual(cat, off int) bool {
	pool := func(c int) bool { return c == evCompact }
	byOff := map[int]int{}
	most := 0
	for k, c := range fs.offsets {
		if pool(k[0]) == pool(cat) {
			byOff[k[1]] += c
			most = max(most, byOff[k[1]])
		}
	}
	return byOff[off]*5 < most
}
