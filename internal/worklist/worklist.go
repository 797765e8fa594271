// Package worklist splits a plan into each agency's share: the items it
// leads and those it supports, with the points at stake and the
// deadline's milestones, sorted by due date.
package worklist

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/vntext"
)

// Role is what an agency does for an item. The values are stable: JSON
// output carries them.
type Role string

// The roles.
const (
	Lead    Role = "lead"
	Support Role = "support"
)

// Worklist is the plan's items, agency by agency.
type Worklist struct {
	Plan     Plan
	Agencies []*Agency
}

// Plan is what the worklist says about the plan it comes from.
type Plan struct {
	ID, Title, Document, Issuer, Number, Date string
	Year                                      int
}

// Agency is one agency's share of the plan.
type Agency struct {
	Name string
	// Items are the items it leads, then those it supports, each sorted
	// by due date.
	Items []*Item
}

// Lead counts the items the agency leads.
func (a *Agency) Lead() int {
	n := 0
	for _, it := range a.Items {
		if it.Role == Lead {
			n++
		}
	}
	return n
}

// Item is one item of an agency's worklist.
type Item struct {
	Appendix string
	Ref      string
	Code     string
	Name     string
	Role     Role
	// Criterion is the criterion the item serves when it is a task under
	// one ("2.1 Ban hành kế hoạch…"); empty when the item is itself scored.
	Criterion  string
	Lost, Gain plan.Opt
	Percent    bool
	Tasks      []string
	Products   []string
	// Lead and Support are the item's agencies other than this one.
	Lead, Support []string
	Deadline      string
	Milestones    []deadline.Milestone
	// Due is the first day something of the item falls due; zero when
	// its deadline has no date.
	Due deadline.Date
	// Order is the item's place in the plan, which breaks ties.
	Order int
}

// Options selects the agencies.
type Options struct {
	// Agencies normalizes names; nil uses the built-in catalogue
	// extended with the plan's own agencies.
	Agencies *agency.Catalogue
}

// Build splits the plan. Only items without children are work: a field
// or a criterion with sub-criteria is done through its children, as in
// `gap --by lead`. Items without a lead agency are grouped under
// gap.NoLead, last.
func Build(p *plan.Plan, opts Options) *Worklist {
	cat := opts.Agencies
	if cat == nil {
		cat = agency.New(gap.Entries(p)...)
	}
	w := &Worklist{Plan: Plan{ID: p.Meta.ID.Value, Title: p.Meta.Title.Value, Document: p.Meta.Document.Value,
		Issuer: p.Meta.Issuer.Value, Number: p.Meta.Number.Value, Date: p.Meta.Date.Value, Year: p.Meta.Year.Value}}
	byName := map[string]*Agency{}
	get := func(name string) *Agency {
		a := byName[name]
		if a == nil {
			a = &Agency{Name: name}
			byName[name] = a
			w.Agencies = append(w.Agencies, a)
		}
		return a
	}
	order := 0
	for _, a := range p.Appendices {
		rows := gap.ItemRows(a, cat)
		a.Walk(func(it *plan.Item) {
			if len(it.Items) > 0 {
				return
			}
			order++
			row := rows[it]
			leads := row.Lead
			supports := cat.NormalizeAll(plan.Values(it.Support))
			base := Item{Appendix: a.ID.Value, Ref: row.Ref, Code: it.Code.Value, Name: it.Name.Value,
				Criterion: criterionOf(it, rows), Lost: row.Lost, Gain: row.Gain, Percent: it.Percent(),
				Tasks: plan.Values(it.Tasks), Products: plan.Values(it.Products), Deadline: it.Deadline.Value, Order: order}
			res := deadline.Parse(it.Deadline.Value, p.Meta.Year.Value)
			base.Milestones = res.Milestones
			base.Due = firstDue(res.Milestones)
			add := func(name string, role Role) {
				x := base
				x.Role = role
				x.Lead = without(leads, name)
				x.Support = without(supports, name)
				ag := get(name)
				ag.Items = append(ag.Items, &x)
			}
			if len(leads) == 0 {
				add(gap.NoLead, Lead)
			}
			for _, name := range leads {
				add(name, Lead)
			}
			for _, name := range supports {
				if !slices.Contains(leads, name) {
					add(name, Support)
				}
			}
		})
	}
	col := collate.New(language.Vietnamese)
	slices.SortStableFunc(w.Agencies, func(x, y *Agency) int {
		if nx, ny := x.Name == gap.NoLead, y.Name == gap.NoLead; nx != ny {
			if nx {
				return 1
			}
			return -1
		}
		return col.CompareString(x.Name, y.Name)
	})
	for _, a := range w.Agencies {
		slices.SortStableFunc(a.Items, func(x, y *Item) int {
			return cmp.Or(cmp.Compare(roleRank(x.Role), roleRank(y.Role)), compareDue(x.Due, y.Due), cmp.Compare(x.Order, y.Order))
		})
	}
	return w
}

func roleRank(r Role) int {
	if r == Lead {
		return 0
	}
	return 1
}

// compareDue orders dates, the zero date (no date) last.
func compareDue(a, b deadline.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// firstDue is the first day a milestone falls due.
func firstDue(ms []deadline.Milestone) deadline.Date {
	var first deadline.Date
	for _, m := range ms {
		for _, d := range m.Occurrences() {
			if first.IsZero() || d.Compare(first) < 0 {
				first = d
			}
			break // occurrences are in order
		}
	}
	return first
}

// criterionOf names the criterion a task serves: its nearest scored
// ancestor, when the item itself has no score.
func criterionOf(it *plan.Item, rows map[*plan.Item]gap.Row) string {
	if scored(rows[it]) {
		return ""
	}
	for p := it.Parent; p != nil; p = p.Parent {
		if r := rows[p]; scored(r) || p.Criterion.Value != "" {
			return strings.TrimSpace(r.Ref + " " + p.Name.Value)
		}
	}
	return ""
}

func scored(r gap.Row) bool { return r.Max.OK || r.Achieved.OK || r.Target.OK }

func without(names []string, name string) []string {
	var out []string
	for _, n := range names {
		if n != name {
			out = append(out, n)
		}
	}
	return out
}

// Find returns the agency a name picks: an exact or folded match of its
// canonical name ("so tu phap" finds Sở Tư pháp), or of the name the
// catalogue normalizes it to, or a part of exactly one name. ok is false
// when none matches.
func (w *Worklist) Find(name string, cat *agency.Catalogue) (*Agency, bool) {
	want := fold(name)
	for _, a := range w.Agencies {
		if fold(a.Name) == want {
			return a, true
		}
	}
	if cat != nil {
		for _, n := range cat.Normalize(name) {
			for _, a := range w.Agencies {
				if a.Name == n {
					return a, true
				}
			}
		}
	}
	// A part of one name only: "tư pháp".
	var found *Agency
	for _, a := range w.Agencies {
		if strings.Contains(fold(a.Name), want) {
			if found != nil {
				return nil, false
			}
			found = a
		}
	}
	return found, found != nil
}

// Names lists the agencies in order.
func (w *Worklist) Names() []string {
	out := make([]string, len(w.Agencies))
	for i, a := range w.Agencies {
		out[i] = a.Name
	}
	return out
}

// fold is how names compare: without diacritics, case or extra spaces.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(vntext.Fold(s))), " ") }
