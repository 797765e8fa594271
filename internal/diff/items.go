package diff

import (
	"strconv"

	"github.com/parplan/parplan/internal/plan"
)

// compareAppendix returns what differs between two versions of one
// appendix, or nil when nothing does.
func compareAppendix(oa, na *plan.Appendix) *Appendix {
	a := &Appendix{ID: na.ID.Value, Label: na.Label.Value, Title: na.Title.Value, Status: Changed}
	var cs changes
	cs.text("label", oa.Label, na.Label)
	cs.text("title", oa.Title, na.Title)
	cs.text("subtitle", oa.Subtitle, na.Subtitle)
	cs.text("layout", oa.Layout, na.Layout)
	cs.text("note", oa.Note, na.Note)
	var ot, nt plan.Scores
	if oa.Total != nil {
		ot = *oa.Total
	}
	if na.Total != nil {
		nt = *na.Total
	}
	for _, k := range plan.ScoreKeys {
		cs.number("total."+k.String(), ot.Get(k), nt.Get(k))
	}
	cs.list("columns", "", columnTexts(oa.Columns), columnTexts(na.Columns))
	cs.listStyle(oa.ListStyle, na.ListStyle)
	a.Changes = cs
	a.Acks = compareAcks(acks("", oa.Acks), acks("", na.Acks))
	o, n := total(oa), total(na)
	changed := len(a.Changes) > 0 || !a.Acks.Empty()
	for i, k := range plan.ScoreKeys {
		a.Total[i] = Score{Key: k, Old: o[i], New: n[i]}
		changed = changed || a.Total[i].Changed()
	}
	a.Fields = compareItems(oa, na)
	if !changed && len(a.Fields) == 0 {
		return nil
	}
	return a
}

// matchKeys names the items of an appendix for matching: by ref; an item
// without one by its parent and name; a ref seen before gets its
// occurrence number, so every key is unique.
func matchKeys(a *plan.Appendix, refs map[*plan.Item]string) map[*plan.Item]string {
	out := map[*plan.Item]string{}
	seen := map[string]int{}
	a.Walk(func(it *plan.Item) {
		k := refs[it]
		if k == "" {
			parent := ""
			if it.Parent != nil {
				parent = out[it.Parent]
			}
			k = parent + "\x00" + it.Name.Value
		}
		seen[k]++
		if n := seen[k]; n > 1 {
			k += "\x00#" + strconv.Itoa(n)
		}
		out[it] = k
	})
	return out
}

// codeRefs is plan.Refs without the criterion codes: the second chance to
// match an item whose criterion was added, removed or changed.
func codeRefs(a *plan.Appendix) map[*plan.Item]string {
	seen := map[int]map[string]bool{}
	restart := map[int]bool{}
	a.Walk(func(it *plan.Item) {
		if seen[it.Depth] == nil {
			seen[it.Depth] = map[string]bool{}
		}
		if code := it.Code.Value; code != "" {
			restart[it.Depth] = restart[it.Depth] || seen[it.Depth][code]
			seen[it.Depth][code] = true
		}
	})
	out := map[*plan.Item]string{}
	a.Walk(func(it *plan.Item) {
		code := it.Code.Value
		if restart[it.Depth] && it.Parent != nil && out[it.Parent] != "" && code != "" {
			out[it] = out[it.Parent] + "." + code
		} else {
			out[it] = code
		}
	})
	return out
}

// match pairs each item of the new appendix with the old one it is, by
// ref, then, among those left, by code alone.
func match(oa, na *plan.Appendix) map[*plan.Item]*plan.Item {
	pairs := map[*plan.Item]*plan.Item{}
	used := map[*plan.Item]bool{}
	for _, keyer := range []func(*plan.Appendix) map[*plan.Item]string{plan.Refs, codeRefs} {
		ok, nk := matchKeys(oa, keyer(oa)), matchKeys(na, keyer(na))
		byKey := map[string]*plan.Item{}
		for it, k := range ok {
			if !used[it] {
				byKey[k] = it
			}
		}
		na.Walk(func(it *plan.Item) {
			if pairs[it] != nil {
				return
			}
			if o := byKey[nk[it]]; o != nil && !used[o] {
				pairs[it] = o
				used[o] = true
			}
		})
	}
	return pairs
}

func top(it *plan.Item) *plan.Item {
	for it.Parent != nil {
		it = it.Parent
	}
	return it
}

func effective(it *plan.Item) [3]plan.Opt {
	if it == nil {
		return [3]plan.Opt{}
	}
	return it.Sums.Effective
}

// compareItems returns the fields with changes in or under them.
func compareItems(oa, na *plan.Appendix) []*Field {
	pairs := match(oa, na)
	oldOf := pairs
	newOf := map[*plan.Item]*plan.Item{}
	for n, o := range pairs {
		newOf[o] = n
	}
	oldRefs, newRefs := plan.Refs(oa), plan.Refs(na)

	var fields []*Field
	byNew := map[*plan.Item]*Field{}
	byOld := map[*plan.Item]*Field{}
	addField := func(ref, name string, o, n *plan.Item, percent bool) *Field {
		f := &Field{Ref: ref, Name: name}
		oe, ne := effective(o), effective(n)
		for i, k := range plan.ScoreKeys {
			f.Scores[i] = Score{Key: k, Old: oe[i], New: ne[i], Percent: percent}
		}
		fields = append(fields, f)
		return f
	}
	for _, n := range na.Items {
		o := oldOf[n]
		if o != nil && o.Parent != nil {
			o = nil // a field now, not before
		}
		f := addField(newRefs[n], n.Name.Value, o, n, n.Percent())
		byNew[n] = f
		if o != nil {
			byOld[o] = f
		}
	}
	for _, o := range oa.Items {
		if n := newOf[o]; n == nil || n.Parent != nil {
			byOld[o] = addField(oldRefs[o], o.Name.Value, o, nil, o.Percent())
		}
	}
	fieldOfOld := func(o *plan.Item) *Field {
		t := top(o)
		if f := byOld[t]; f != nil {
			return f
		}
		return byNew[top(newOf[t])]
	}

	na.Walk(func(n *plan.Item) {
		o := oldOf[n]
		var it *Item
		if o == nil {
			it = &Item{Ref: newRefs[n], Code: n.Code.Value, Name: n.Name.Value, Status: Added, Scores: stated(n, false)}
		} else {
			it = compareItem(o, n, oldOf, oldRefs, newRefs)
		}
		if it != nil {
			f := byNew[top(n)]
			f.Items = append(f.Items, it)
		}
	})
	oa.Walk(func(o *plan.Item) {
		if newOf[o] != nil {
			return
		}
		f := fieldOfOld(o)
		f.Items = append(f.Items, &Item{Ref: oldRefs[o], Code: o.Code.Value, Name: o.Name.Value, Status: Removed, Scores: stated(o, true)})
	})

	var out []*Field
	for _, f := range fields {
		keep := len(f.Items) > 0
		for _, s := range f.Scores {
			keep = keep || s.Changed()
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

// stated lists the scores an added (or, with removed, a removed) item
// states.
func stated(it *plan.Item, removed bool) []Score {
	var out []Score
	for _, k := range plan.ScoreKeys {
		if v := opt(it.Scores.Get(k)); v.OK {
			s := Score{Key: k, Percent: it.Percent()}
			if removed {
				s.Old = v
			} else {
				s.New = v
			}
			out = append(out, s)
		}
	}
	return out
}

// compareItem returns what differs between two versions of one item, or
// nil when nothing does. The children are compared on their own.
func compareItem(o, n *plan.Item, oldOf map[*plan.Item]*plan.Item, oldRefs, newRefs map[*plan.Item]string) *Item {
	it := &Item{Ref: newRefs[n], Code: n.Code.Value, Name: n.Name.Value, Status: Changed}
	if o.Name.Value != n.Name.Value {
		it.OldName = o.Name.Value
	}
	var np *plan.Item
	if n.Parent != nil {
		np = oldOf[n.Parent]
	}
	if np != o.Parent || (n.Parent != nil && np == nil) {
		it.Moved = true
		if o.Parent != nil {
			it.OldParent = oldRefs[o.Parent]
		}
		if n.Parent != nil {
			it.NewParent = newRefs[n.Parent]
		}
	}
	for _, k := range plan.ScoreKeys {
		if s := (Score{Key: k, Old: opt(o.Scores.Get(k)), New: opt(n.Scores.Get(k)), Percent: n.Percent()}); s.Changed() {
			it.Scores = append(it.Scores, s)
		}
	}
	var cs changes
	cs.text("criterion", o.Criterion, n.Criterion)
	cs.text("code", o.Code, n.Code)
	cs.text("unit", o.Unit, n.Unit)
	cs.text("target_text", o.TargetText, n.TargetText)
	cs.list("tasks", "", plan.Values(o.Tasks), plan.Values(n.Tasks))
	cs.list("products", "", plan.Values(o.Products), plan.Values(n.Products))
	cs.list("lead", "", plan.Values(o.Lead), plan.Values(n.Lead))
	cs.list("support", "", plan.Values(o.Support), plan.Values(n.Support))
	cs.text("deadline", o.Deadline, n.Deadline)
	cs.text("note", o.Note, n.Note)
	cs.boolean("survey", o.Survey, n.Survey)
	cs.text("group", o.Group, n.Group)
	cs.listStyle(o.ListStyle, n.ListStyle)
	it.Changes = cs
	it.Acks = compareAcks(acks("", o.Acks), acks("", n.Acks))
	if it.count() == 0 {
		return nil
	}
	return it
}
