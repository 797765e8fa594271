package plan

// Refs names every item of an appendix unambiguously: its criterion code
// when the plan gives one; its code when codes at its depth never repeat
// in the appendix (1.3.1, or tasks numbered 1…16 across sections); else
// its parent's name and its code (III.1 where numbers restart per
// section).
func Refs(a *Appendix) map[*Item]string {
	seen := map[int]map[string]bool{}
	restart := map[int]bool{}
	a.Walk(func(it *Item) {
		if seen[it.Depth] == nil {
			seen[it.Depth] = map[string]bool{}
		}
		if code := it.Code.Value; code != "" {
			restart[it.Depth] = restart[it.Depth] || seen[it.Depth][code]
			seen[it.Depth][code] = true
		}
	})
	out := map[*Item]string{}
	a.Walk(func(it *Item) { // parents come first
		code := it.Code.Value
		switch {
		case it.Criterion.Value != "":
			out[it] = it.Criterion.Value
		case restart[it.Depth] && it.Parent != nil && out[it.Parent] != "" && code != "":
			out[it] = out[it.Parent] + "." + code
		default:
			out[it] = code
		}
	})
	return out
}
