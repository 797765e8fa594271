// Package diff compares two versions of a plan in terms of the plan:
// items added, removed, moved and renamed, score changes with their
// effect on each field and on the appendix totals, and changes of every
// other value a plan states. It knows nothing of files, git or
// terminals: Compare takes two loaded plans and returns a Result value.
//
// Items are matched by ref (plan.Refs), appendix by appendix, appendices
// by id: never by position. An item whose ref is found under another
// parent is moved; one whose name differs is renamed. Reordering items
// among the same siblings is not a change: the ref, not the row number,
// identifies an item, and no figure depends on the order.
package diff

import (
	"strings"

	"github.com/parplan/parplan/internal/plan"
)

// Status says what happened to an appendix or an item.
type Status string

// The statuses.
const (
	Added   Status = "added"
	Removed Status = "removed"
	Changed Status = "changed"
)

// Result is every difference from the old plan to the new one.
type Result struct {
	// Old and New are the plans' file names as they were loaded
	// (plan.Plan.File): a path, or REV:PATH for a git revision.
	Old, New string
	// Plan lists the changes of the plan: mapping: its keys, its
	// results (Of names the result) and its agencies.
	Plan []Change
	// Acks are the acknowledgements of the plan and its results added
	// and removed.
	Acks Acks
	// Appendices are the appendices that differ, in the new plan's
	// order, then the removed ones in the old plan's.
	Appendices []*Appendix
}

// Change is one difference of a value the plan states: a value that
// changed (Old → New; "" is absent) or a list with entries added and
// removed.
type Change struct {
	// Key is the plan file's key: "title", "lead", "score"….
	Key string
	// Of names what the key belongs to when the subject is not enough:
	// a result ("PAR INDEX 2023") or an agency.
	Of string
	// Old and New are the values of a single value; "" is absent.
	Old, New string
	// List is set for a list: Added and Removed hold its entries.
	List           bool
	Added, Removed []string
	// Number is set when Old and New are exact decimals (decimal.Dec
	// text, with a point).
	Number bool
}

// Acks are acknowledgements added and removed.
type Acks struct {
	Added, Removed []Ack
}

// Empty reports whether no acknowledgement was added or removed.
func (a Acks) Empty() bool { return len(a.Added) == 0 && len(a.Removed) == 0 }

// Ack is one acknowledgement: the finding's rule, the score key and
// value it is about when given, and the reason.
type Ack struct {
	// Of names the result the acknowledgement belongs to, for those of
	// the plan's results; "" elsewhere.
	Of     string
	Rule   string
	Key    string
	Value  plan.Opt
	Reason string
}

// Appendix is what differs in one appendix.
type Appendix struct {
	ID, Label, Title string
	Status           Status
	// Items counts the items of an added or removed appendix, which are
	// not listed one by one.
	Items int
	// Changes are the appendix's own values: label, title, subtitle,
	// layout, note, the stated total row (total.max, total.achieved,
	// total.target) and columns.
	Changes []Change
	// Total is the appendix total, old and new, for each score key (in
	// plan.ScoreKeys order): the stated total row when present, else the
	// sum of the fields' effective scores.
	Total [3]Score
	Acks  Acks
	// Fields are the top-level items with changes in or under them, in
	// the new plan's order, then the removed ones in the old plan's.
	Fields []*Field
}

// Scored reports whether either version of the appendix has a total.
func (a *Appendix) Scored() bool {
	for _, s := range a.Total {
		if s.Old.OK || s.New.OK {
			return true
		}
	}
	return false
}

// Field is a top-level item (a field of the index, a section of a task
// list) and the changes of the items in and under it.
type Field struct {
	Ref, Name string
	// Scores are the field's effective scores (stated, else the sum of
	// its items), old and new, for each score key in plan.ScoreKeys
	// order. An item moved between fields changes both.
	Scores [3]Score
	// Items are the changed items, the field itself included, in the new
	// plan's order, then the removed ones in the old plan's.
	Items []*Item
}

// Item is what differs in one item.
type Item struct {
	// Ref is the item's ref in the new plan (the old one's when removed);
	// empty for an item without a code.
	Ref, Code, Name string
	Status          Status
	// OldName is the name in the old plan when the item was renamed.
	OldName string
	// Moved is set when the item's parent is another one; OldParent and
	// NewParent are the parents' refs, "" at the top level.
	Moved                bool
	OldParent, NewParent string
	// Scores are the stated scores that changed (for an added or removed
	// item, those it states).
	Scores []Score
	// Changes are the item's other values, in the plan file's key order.
	Changes []Change
	Acks    Acks
}

// Renamed reports whether the item's name changed.
func (it *Item) Renamed() bool { return it.OldName != "" && it.OldName != it.Name }

// Score is one score, old and new; absent values have OK false.
type Score struct {
	Key      plan.ScoreKey
	Old, New plan.Opt
	// Percent is set when the value is a percentage, not points.
	Percent bool
}

// Changed reports whether the value differs.
func (s Score) Changed() bool {
	if s.Old.OK != s.New.OK {
		return true
	}
	return s.Old.OK && !s.Old.V.Equal(s.New.V)
}

// Delta is New − Old without trailing zero decimals (2.5 − 2.0 is 0.5);
// absent unless both are present.
func (s Score) Delta() plan.Opt {
	if !s.Old.OK || !s.New.OK {
		return plan.Opt{}
	}
	return plan.Opt{V: s.New.V.Sub(s.Old.V).Trim(), OK: true}
}

// Equal reports whether the plans do not differ.
func (r *Result) Equal() bool { return r.Count() == 0 }

// Count is the number of changes: each value, list, score and
// acknowledgement change, and each item or appendix added, removed,
// moved or renamed. The totals of fields and appendices are their
// effect and do not count.
func (r *Result) Count() int {
	n := len(r.Plan) + r.Acks.count()
	for _, a := range r.Appendices {
		if a.Status != Changed {
			n++
			continue
		}
		n += len(a.Changes) + a.Acks.count()
		for _, f := range a.Fields {
			for _, it := range f.Items {
				n += it.count()
			}
		}
	}
	return n
}

func (a Acks) count() int { return len(a.Added) + len(a.Removed) }

func (it *Item) count() int {
	if it.Status != Changed {
		return 1
	}
	n := len(it.Scores) + len(it.Changes) + it.Acks.count()
	if it.Renamed() {
		n++
	}
	if it.Moved {
		n++
	}
	return n
}

// Options narrow a Result.
type Options struct {
	// Appendix keeps only the appendix with this id (and drops the
	// plan's own changes); "" keeps all.
	Appendix string
	// ScoresOnly keeps only score changes: the items' max, achieved and
	// target, and the fields' and appendices' totals.
	ScoresOnly bool
}

// Filter returns the part of r that opts keep. r is not changed.
func (r *Result) Filter(opts Options) *Result {
	out := &Result{Old: r.Old, New: r.New}
	if opts.Appendix == "" && !opts.ScoresOnly {
		out.Plan, out.Acks = r.Plan, r.Acks
	}
	for _, a := range r.Appendices {
		if opts.Appendix != "" && a.ID != opts.Appendix {
			continue
		}
		if !opts.ScoresOnly {
			out.Appendices = append(out.Appendices, a)
			continue
		}
		if fa := scoresOnly(a); fa != nil {
			out.Appendices = append(out.Appendices, fa)
		}
	}
	return out
}

// scoresOnly is a with only its score changes; nil when none is left.
func scoresOnly(a *Appendix) *Appendix {
	fa := &Appendix{ID: a.ID, Label: a.Label, Title: a.Title, Status: a.Status, Items: a.Items, Total: a.Total}
	for _, c := range a.Changes {
		if strings.HasPrefix(c.Key, "total.") {
			fa.Changes = append(fa.Changes, c)
		}
	}
	changed := a.Status != Changed || len(fa.Changes) > 0
	for _, s := range a.Total {
		changed = changed || s.Changed()
	}
	for _, f := range a.Fields {
		ff := &Field{Ref: f.Ref, Name: f.Name, Scores: f.Scores}
		for _, it := range f.Items {
			if len(it.Scores) == 0 {
				continue
			}
			ff.Items = append(ff.Items, &Item{Ref: it.Ref, Code: it.Code, Name: it.Name, Status: it.Status, Scores: it.Scores})
		}
		fieldChanged := len(ff.Items) > 0
		for _, s := range f.Scores {
			fieldChanged = fieldChanged || s.Changed()
		}
		if fieldChanged {
			fa.Fields = append(fa.Fields, ff)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return fa
}
