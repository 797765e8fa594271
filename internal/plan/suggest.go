package plan

import (
	"strings"

	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/vntext"
)

// synonyms maps words people write for a key, in Vietnamese or English, to
// the key the format uses. Keys are compared without diacritics.
var synonyms = map[string]string{
	"chu_tri": "lead", "chutri": "lead", "chủ trì": "lead", "leads": "lead", "owner": "lead", "responsible": "lead",
	"phoi_hop": "support", "phoihop": "support", "phối hợp": "support", "supports": "support", "coordinate": "support",
	"nhiem_vu": "tasks", "task": "tasks", "giai_phap": "tasks", "solutions": "tasks",
	"san_pham": "products", "product": "products", "deliverables": "products",
	"thoi_gian": "deadline", "due": "deadline", "time": "deadline",
	"ghi_chu": "note", "notes": "note", "remark": "note",
	"diem_toi_da": "max", "maximum": "max", "max_points": "max",
	"diem_dat": "achieved", "actual": "achieved", "score": "achieved", "baseline": "achieved",
	"muc_tieu": "target", "goal": "target",
	"children": "items", "criteria": "items", "rows": "items",
	"ma": "code", "stt": "code", "tt": "code", "number": "code",
	"ten": "name", "title": "name",
	"appendix": "appendices", "phu_luc": "appendices",
	"acknowledged": "acknowledge", "ack": "acknowledge", "acks": "acknowledge", "ignore": "acknowledge", "suppress": "acknowledge",
}

// suggest returns "did you mean …?" for an unknown key, or the list of
// known keys.
func suggest(name string, fields []field) msg.Message {
	plain := foldKey(name)
	if s, ok := synonyms[plain]; ok && findField(fields, s) != nil {
		return msg.New("load.did-you-mean", "Key", s)
	}
	best, bestDist := "", 3
	for _, f := range fields {
		if d := distance(plain, f.name); d < bestDist {
			best, bestDist = f.name, d
		}
	}
	if best != "" && bestDist <= len(best)/2+1 {
		return msg.New("load.did-you-mean", "Key", best)
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return msg.New("load.known-keys", "Keys", names)
}

// foldKey lower-cases a key and drops diacritics and đ, so that "Chủ trì"
// and "chu_tri" compare equal to the synonym table's "chu_tri".
func foldKey(s string) string {
	out := vntext.Fold(strings.ToLower(strings.TrimSpace(s)))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(out)
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
