// Package progress follows a plan through its year: the progress reports
// agencies file (plan.Report), checked against the plan, and the status
// of every item as of a day — done, late, due soon, and the points at
// risk.
package progress

import (
	"github.com/parplan/parplan/internal/plan"
)

// Index finds a plan's items by the refs reports use.
type Index struct {
	plan  *plan.Plan
	refs  map[*plan.Item]string
	byRef map[string][]Target
	// order is each item's place in the plan, parents first.
	order map[*plan.Item]int
	apx   map[*plan.Item]*plan.Appendix
}

// Target is one item a ref names.
type Target struct {
	Appendix *plan.Appendix
	Item     *plan.Item
}

// NewIndex indexes a plan's items by ref (plan.Refs) and by code.
func NewIndex(p *plan.Plan) *Index {
	x := &Index{plan: p, refs: map[*plan.Item]string{}, byRef: map[string][]Target{},
		order: map[*plan.Item]int{}, apx: map[*plan.Item]*plan.Appendix{}}
	for _, a := range p.Appendices {
		refs := plan.Refs(a)
		a.Walk(func(it *plan.Item) {
			x.refs[it] = refs[it]
			x.order[it] = len(x.order)
			x.apx[it] = a
			if r := refs[it]; r != "" {
				x.byRef[r] = append(x.byRef[r], Target{a, it})
			}
		})
	}
	return x
}

// Ref is the ref of an item.
func (x *Index) Ref(it *plan.Item) string { return x.refs[it] }

// Lookup finds the item a ref names, in the given appendix when app is
// not empty. When the ref is in several appendices and only one of them
// is an item without children (work, not a heading), that one is meant.
// It returns the appendices the ref is in when it is ambiguous.
func (x *Index) Lookup(ref, app string) (Target, []string, bool) {
	var found []Target
	for _, t := range x.byRef[ref] {
		if app == "" || t.Appendix.ID.Value == app {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return Target{}, nil, false
	case 1:
		return found[0], nil, true
	}
	var leaves []Target
	var apps []string
	for _, t := range found {
		apps = append(apps, t.Appendix.ID.Value)
		if len(t.Item.Items) == 0 {
			leaves = append(leaves, t)
		}
	}
	if len(leaves) == 1 {
		return leaves[0], nil, true
	}
	return Target{}, apps, false
}

// Leaves returns the items without children under t (t itself when it
// has none): a report on a criterion is a report on each of its tasks.
func (t Target) Leaves() []*plan.Item {
	var out []*plan.Item
	var walk func(*plan.Item)
	walk = func(it *plan.Item) {
		if len(it.Items) == 0 {
			out = append(out, it)
			return
		}
		for _, c := range it.Items {
			walk(c)
		}
	}
	walk(t.Item)
	return out
}
