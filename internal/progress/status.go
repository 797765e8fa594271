package progress

import (
	"cmp"
	"slices"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
)

// NoReport is the status of an item no report speaks of. An item with no
// report is not done.
const NoReport = "no-report"

// Options says as of which day the status is taken.
type Options struct {
	AsOf deadline.Date
	// Soon is how many days ahead "due soon" looks; 0 means 30.
	Soon int
	// Agencies normalizes names; nil uses the built-in catalogue
	// extended with the plan's own agencies.
	Agencies *agency.Catalogue
}

// Status is where a plan stands on a day.
type Status struct {
	PlanID, Title string
	Year          int
	AsOf          deadline.Date
	// Soon is how many days ahead DueSoon looks.
	Soon int
	// Reports counts the reports taken into account (dated on or before
	// AsOf).
	Reports int
	// Items are the plan's items without children, in plan order.
	Items    []*Item
	ByAgency []*Count
	ByField  []*Count
	// PointsAtRisk is the gain of the criteria with an overdue item;
	// absent when no such criterion has a gain.
	PointsAtRisk plan.Opt
}

// Item is one item's status.
type Item struct {
	Appendix         string
	Ref, Code, Name  string
	Field            string // the ref of the field (top-level item) it is under
	Lead             []string
	Status           string // a plan.Status* or NoReport
	ReportedBy       string
	ReportedOn       deadline.Date // the as_of of the report that counts
	DoneOn           deadline.Date
	Evidence, Note   string
	Overdue, DueSoon bool
	// Missed is the first due day that passed (for a recurring deadline,
	// its latest occurrence without a report); Next is the next due day
	// on or after AsOf. Either may be zero.
	Missed, Next deadline.Date
	// Criterion is the ref of the scored item whose points the item wins
	// (itself, or the criterion it is a task of); Gain is that item's
	// gain. Both are empty when no scored item is above it.
	Criterion  string
	Gain       plan.Opt
	Deadline   string
	Milestones []deadline.Milestone

	item, criterion *plan.Item
}

// Count is the tally of a group of items: one agency's (those it leads)
// or one field's.
type Count struct {
	// Agency is set for a count by agency; Appendix and Field (the
	// field's ref) and Name for one by field.
	Agency                           string
	Appendix, Field, Name            string
	Items                            int
	Done, InProgress, NotStarted     int
	Dropped, NoReport, Overdue, Soon int
	PointsAtRisk                     plan.Opt

	risk map[*plan.Item]plan.Opt // criterion → its gain
}

// entry is one report's word on an item.
type entry struct {
	e      *plan.ReportItem
	r      *plan.Report
	asOf   deadline.Date
	serial int
}

// Compute takes the status of every item of the plan as of opts.AsOf
// from reports about the plan (checked with Check; reports of another
// plan are ignored). For each item the latest report dated on or before
// AsOf counts; reports dated after AsOf are ignored.
//
// An item is overdue when it is not done and a milestone of its deadline
// ended before AsOf, or when a recurring milestone's latest occurrence
// before AsOf passed without a report on the item dated on or after it.
// It is due soon when it is not done and a milestone falls due within
// the next Soon days (AsOf included).
func Compute(p *plan.Plan, reports []*plan.Report, opts Options) *Status {
	cat := opts.Agencies
	if cat == nil {
		cat = agency.New(gap.Entries(p)...)
	}
	soon := opts.Soon
	if soon <= 0 {
		soon = 30
	}
	s := &Status{PlanID: p.Meta.ID.Value, Title: p.Meta.Title.Value, Year: p.Meta.Year.Value, AsOf: opts.AsOf, Soon: soon}
	x := NewIndex(p)
	entries := map[*plan.Item][]entry{}
	for i, r := range reports {
		if r.Plan.Value != p.Meta.ID.Value || !r.AsOf.Given {
			continue
		}
		day := deadline.FromTime(r.AsOf.Value)
		if day.Compare(opts.AsOf) > 0 {
			continue
		}
		s.Reports++
		for _, e := range r.Items {
			t, _, ok := x.Lookup(e.Ref.Value, e.Appendix.Value)
			if !ok {
				continue
			}
			for _, leaf := range t.Leaves() {
				entries[leaf] = append(entries[leaf], entry{e, r, day, i})
			}
		}
	}
	agencies := map[string]*Count{}
	fields := map[*plan.Item]*Count{}
	for _, a := range p.Appendices {
		rows := gap.ItemRows(a, cat)
		a.Walk(func(it *plan.Item) {
			if len(it.Items) > 0 {
				return
			}
			item := s.item(a, it, x, rows, entries[it])
			s.Items = append(s.Items, item)
			names := item.Lead
			if len(names) == 0 {
				names = []string{gap.NoLead}
			}
			for _, name := range names {
				c := agencies[name]
				if c == nil {
					c = &Count{Agency: name, risk: map[*plan.Item]plan.Opt{}}
					agencies[name] = c
					s.ByAgency = append(s.ByAgency, c)
				}
				c.add(item)
			}
			top := it
			for top.Parent != nil {
				top = top.Parent
			}
			c := fields[top]
			if c == nil {
				c = &Count{Appendix: a.ID.Value, Field: x.Ref(top), Name: top.Name.Value, risk: map[*plan.Item]plan.Opt{}}
				fields[top] = c
				s.ByField = append(s.ByField, c)
			}
			c.add(item)
		})
	}
	all := &Count{risk: map[*plan.Item]plan.Opt{}}
	for _, it := range s.Items {
		all.add(it)
	}
	for _, c := range append(slices.Clip(s.ByAgency), append(s.ByField, all)...) {
		c.finish()
	}
	s.PointsAtRisk = all.PointsAtRisk
	// The most overdue first, then the most points at risk; the items
	// without a lead agency last.
	slices.SortStableFunc(s.ByAgency, func(a, b *Count) int {
		return cmp.Or(cmp.Compare(boolInt(a.Agency == gap.NoLead), boolInt(b.Agency == gap.NoLead)),
			cmp.Compare(b.Overdue, a.Overdue), -cmpOpt(a.PointsAtRisk, b.PointsAtRisk), cmp.Compare(b.Items, a.Items))
	})
	return s
}

func cmpOpt(a, b plan.Opt) int {
	switch {
	case !a.OK && !b.OK:
		return 0
	case !a.OK:
		return -1
	case !b.OK:
		return 1
	}
	return a.V.Cmp(b.V)
}

func (s *Status) item(a *plan.Appendix, it *plan.Item, x *Index, rows map[*plan.Item]gap.Row, es []entry) *Item {
	row := rows[it]
	top := it
	for top.Parent != nil {
		top = top.Parent
	}
	out := &Item{Appendix: a.ID.Value, Ref: row.Ref, Code: it.Code.Value, Name: it.Name.Value, Field: x.Ref(top),
		Lead: row.Lead, Status: NoReport, Deadline: it.Deadline.Value, item: it}
	for c := it; c != nil; c = c.Parent {
		if r := rows[c]; r.Gain.OK && !c.Percent() {
			out.criterion, out.Criterion, out.Gain = c, r.Ref, r.Gain
			break
		}
	}
	out.Milestones = deadline.Parse(it.Deadline.Value, s.Year).Milestones
	// The latest report counts; of two of the same day, the later one
	// given (Check reports them when they disagree).
	var last *entry
	for i := range es {
		if last == nil || es[i].asOf.Compare(last.asOf) >= 0 {
			last = &es[i]
		}
	}
	if last != nil {
		out.Status = last.e.Status.Value
		out.ReportedBy = last.r.ReportedBy.Value
		out.ReportedOn = last.asOf
		if last.e.DoneOn.Given {
			out.DoneOn = deadline.FromTime(last.e.DoneOn.Value)
		}
		out.Evidence, out.Note = last.e.Evidence.Value, last.e.Note.Value
	}
	s.timing(out, es)
	return out
}

// timing sets Overdue, DueSoon, Missed and Next.
func (s *Status) timing(out *Item, es []entry) {
	done := out.Status == plan.StatusDone
	horizon := s.AsOf.AddDays(s.Soon)
	for _, ms := range out.Milestones {
		occ := ms.Occurrences()
		if ms.Kind == deadline.KindRecurring {
			var latest deadline.Date
			for _, d := range occ {
				if d.Compare(s.AsOf) < 0 {
					latest = d
				}
			}
			if !latest.IsZero() && !reportedSince(es, latest) {
				out.Overdue = true
				out.Missed = earlier(out.Missed, latest)
			}
		} else if !done {
			for _, d := range occ {
				if d.Compare(s.AsOf) < 0 {
					out.Overdue = true
					out.Missed = earlier(out.Missed, d)
				}
			}
		}
		for _, d := range occ {
			if d.Compare(s.AsOf) >= 0 {
				out.Next = earlier(out.Next, d)
				if !done && d.Compare(horizon) <= 0 {
					out.DueSoon = true
				}
				break
			}
		}
	}
}

// reportedSince reports whether a report on the item is dated on or
// after day.
func reportedSince(es []entry, day deadline.Date) bool {
	for _, e := range es {
		if e.asOf.Compare(day) >= 0 {
			return true
		}
	}
	return false
}

// earlier returns the earlier of two dates, the zero date counting as
// none.
func earlier(a, b deadline.Date) deadline.Date {
	if a.IsZero() || (!b.IsZero() && b.Compare(a) < 0) {
		return b
	}
	return a
}

func (c *Count) add(it *Item) {
	c.Items++
	switch it.Status {
	case plan.StatusDone:
		c.Done++
	case plan.StatusInProgress:
		c.InProgress++
	case plan.StatusNotStarted:
		c.NotStarted++
	case plan.StatusDropped:
		c.Dropped++
	default:
		c.NoReport++
	}
	if it.DueSoon {
		c.Soon++
	}
	if !it.Overdue {
		return
	}
	c.Overdue++
	if it.criterion != nil {
		c.risk[it.criterion] = it.Gain
	}
}

// finish sums the points at risk: the gain of each criterion with an
// overdue item, counted once, and not again under a criterion above it
// that already counts (its gain holds the one below).
func (c *Count) finish() {
	for cr, gain := range c.risk {
		under := false
		for p := cr.Parent; p != nil; p = p.Parent {
			if _, ok := c.risk[p]; ok {
				under = true
				break
			}
		}
		if !under {
			c.PointsAtRisk = plan.Opt{V: c.PointsAtRisk.V.Add(gain.V), OK: true}
		}
	}
	if c.PointsAtRisk.OK {
		c.PointsAtRisk.V = c.PointsAtRisk.V.Trim()
	}
}

// Overdue returns the overdue items, the longest overdue first.
func (s *Status) Overdue() []*Item {
	var out []*Item
	for _, it := range s.Items {
		if it.Overdue {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b *Item) int { return a.Missed.Compare(b.Missed) })
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
