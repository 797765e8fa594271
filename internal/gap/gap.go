// Package gap computes where a plan's points were lost and what it wins
// back: for every scored item, lost = max − achieved (điểm bị mất), gain =
// target − achieved (phấn đấu tăng) and left = max − target (còn thiếu sau
// mục tiêu), all exact, with totals, the projected index and the same
// figures by lead agency; and, on request, the lost points ranked by who
// can win them back (recoverable.go).
package gap

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

// Level selects which rows a report shows.
type Level int

// Levels: fields only, fields and criteria, or every level.
const (
	LevelAll Level = iota
	LevelField
	LevelCriterion
)

// Levels lists the level names, for flags and completion.
var Levels = []string{"all", "field", "criterion"}

// ParseLevel reads a level name.
func ParseLevel(s string) (Level, error) {
	switch s {
	case "all":
		return LevelAll, nil
	case "field":
		return LevelField, nil
	case "criterion":
		return LevelCriterion, nil
	}
	return 0, fmt.Errorf("unknown level %q (valid levels: %s)", s, strings.Join(Levels, ", "))
}

// SortKey orders the rows.
type SortKey int

// Sort keys: file order, or the largest lost, gain or left first.
const (
	SortCode SortKey = iota
	SortLost
	SortGain
	SortLeft
)

// SortKeys lists the sort key names.
var SortKeys = []string{"code", "lost", "gain", "left"}

// ParseSort reads a sort key name.
func ParseSort(s string) (SortKey, error) {
	if i := slices.Index(SortKeys, s); i >= 0 {
		return SortKey(i), nil
	}
	return 0, fmt.Errorf("unknown sort key %q (valid keys: %s)", s, strings.Join(SortKeys, ", "))
}

// Options selects what a report covers.
type Options struct {
	// Appendix is the id of the one appendix to report; "" reports all.
	Appendix string
	Level    Level
	Sort     SortKey
	// Top keeps the first Top rows after sorting; 0 keeps all.
	Top int
	// ByLead makes Sort and Top order and cut the lead agencies
	// (Appendix.ByLead) instead of the items, which then stay whole and
	// in file order: by a figure, the largest first; by code, in the
	// order of each agency's first item. Without it the agencies are
	// ordered by the points lost on their items, the most first.
	ByLead bool
	// Agencies normalizes lead agencies; nil uses the built-in catalogue
	// extended with the plan's own agencies.
	Agencies *agency.Catalogue
	// Recoverable ranks each scored appendix's lost points by who can
	// win them back (Appendix.Recoverable); Top then cuts that ranking,
	// not the rows.
	Recoverable bool
	// NoItemLists leaves Appendix.NoScore and Appendix.Percent empty, for
	// a caller that prints neither (the export's summary): in a plan of
	// 100,000 items without scores they are a row each.
	NoItemLists bool
}

// Report is the gap analysis of a plan.
type Report struct {
	PlanID       string
	Title        string
	Year         int
	BaselineYear int // 0 when the plan does not say
	Appendices   []*Appendix
	// Sorted is set when rows are ordered by a figure, not by code.
	Sorted bool
}

// Appendix is the gap analysis of one appendix.
type Appendix struct {
	ID    string
	Label string
	Title string
	// Items counts every item of the appendix; Leaves those without
	// children (criteria, tasks).
	Items  int
	Leaves int
	// Rows are the point-scored items at the selected level, in the
	// selected order.
	Rows []Row
	// Total is the appendix's total; nil when it has no point scores.
	Total *Total
	// Percent are the percent-unit items (SIPAS components), reported on
	// their own and never added to points.
	Percent []Row
	// NoScore are the items without any score (a targets-as-text plan, a
	// criterion the Ministry scores), counted and listed, never zero.
	NoScore []Row
	// Sections summarizes an appendix without scores by top-level item.
	Sections []Section
	// Discrepancies are stated scores that differ from the sum of their
	// parts; the report uses the stated values.
	Discrepancies []validate.Discrepancy
	// Stated is the increase the document's note states, compared with
	// the computed one; nil when the note states none.
	Stated *StatedIncrease
	// ByLead is the same analysis per lead agency.
	ByLead []LeadRow
	// Recoverable is the ranking of the lost points by assessment; nil
	// unless Options.Recoverable asks for it and the appendix has point
	// scores.
	Recoverable *Recoverable
}

// Scored reports whether the appendix has point scores.
func (a *Appendix) Scored() bool { return a.Total != nil }

// Row is one item's figures. Every figure may be absent (not zero): an
// item without a target has no gain and no left.
type Row struct {
	Code, Name string
	// Ref names the item unambiguously in its appendix: its criterion
	// code (8.1.1) when the plan gives one, else its code, qualified by
	// its section's where numbers restart per section (III.1).
	Ref string
	// Depth is 0 for a field (top-level item).
	Depth                 int
	Leaf                  bool
	Survey                bool
	Unit                  string
	Max, Achieved, Target plan.Opt
	Lost, Gain, Left      plan.Opt
	// Recovery is the percent of the lost points the target wins back
	// (gain / lost × 100, two decimals); absent when nothing was lost.
	Recovery plan.Opt
	// Lead are the item's lead agencies, normalized.
	Lead       []string
	TargetText string
	Deadline   string
	Note       string
}

// Total is an appendix's total: the stated total row where the document
// has one, else the sum of the top-level items.
type Total struct {
	Max, Achieved, Target plan.Opt
	Lost, Gain, Left      plan.Opt
	Recovery              plan.Opt
	// Increase is gain / achieved × 100, two decimals: the percent by
	// which the plan raises the score.
	Increase plan.Opt
	// Stated is set when the document prints a total row.
	Stated bool
}

// StatedIncrease is an increase a document states in prose ("Mục tiêu
// năm 2021 tăng 8,17 điểm (14,6%) so với năm 2020"), checked against the
// totals.
type StatedIncrease struct {
	Text    string
	Points  decimal.Dec
	Percent plan.Opt
	// PointsMatch and PercentMatch report whether the stated figures equal
	// the computed ones, the percent rounded to the digits written.
	PointsMatch, PercentMatch bool
}

// Section summarizes one top-level item of an appendix without scores.
type Section struct {
	Code, Name string
	// Items counts the section's items without children (tasks, criteria).
	Items          int
	WithLead       int
	WithTargetText int
	WithDeadline   int
}

// LeadRow is the gap analysis of one lead agency: the rows without
// children it leads. An item with several lead agencies counts in full
// for each of them (each is answerable for the whole item), so the
// column totals can exceed the appendix's.
type LeadRow struct {
	Agency string
	Items  int
	// Shared counts the items this agency leads together with others.
	Shared           int
	Lost, Gain, Left plan.Opt
	Codes            []string
}

// NoLead is the agency name under which items without a lead agency are
// grouped.
const NoLead = "(không có chủ trì)"

// Analyze computes the report. It uses stated scores as stated and
// reports where they differ from the sum of their parts.
func Analyze(p *plan.Plan, opts Options) (*Report, error) {
	cat := opts.Agencies
	if cat == nil {
		cat = agency.New(Entries(p)...)
	}
	r := &Report{PlanID: p.Meta.ID.Value, Title: p.Meta.Title.Value, Year: p.Meta.Year.Value, BaselineYear: p.Meta.BaselineYear.Value,
		Sorted: opts.Sort != SortCode && !opts.ByLead}
	var ids []string
	for _, a := range p.Appendices {
		ids = append(ids, a.ID.Value)
	}
	if opts.Appendix != "" && !slices.Contains(ids, opts.Appendix) {
		return nil, fmt.Errorf("no appendix %q in this plan (appendices: %s)", opts.Appendix, strings.Join(ids, ", "))
	}
	var set *criteria.Set
	if opts.Recoverable && p.Meta.CriteriaSet.Set() {
		set, _ = criteria.Get(p.Meta.CriteriaSet.Value)
	}
	discrepancies := validate.Discrepancies(p)
	for _, a := range p.Appendices {
		if opts.Appendix != "" && a.ID.Value != opts.Appendix {
			continue
		}
		ga := analyzeAppendix(a, opts, cat, set)
		for _, d := range discrepancies {
			if d.Appendix == a {
				ga.Discrepancies = append(ga.Discrepancies, d)
			}
		}
		r.Appendices = append(r.Appendices, ga)
	}
	return r, nil
}

// Entries returns the plan's own agency catalogue entries.
func Entries(p *plan.Plan) []agency.Entry {
	var out []agency.Entry
	for _, a := range p.Meta.Agencies {
		e := agency.Entry{Name: a.Name.Value}
		for _, al := range a.Aliases {
			e.Aliases = append(e.Aliases, al.Value)
		}
		out = append(out, e)
	}
	return out
}

func analyzeAppendix(a *plan.Appendix, opts Options, cat *agency.Catalogue, set *criteria.Set) *Appendix {
	ga := &Appendix{ID: a.ID.Value, Label: a.Label.Value, Title: a.Title.Value}
	rows := ItemRows(a, cat)
	// Each list is made at its size: rows are large, and a list grown by
	// appending left twice its size behind it (a third of what a plan
	// of 100,000 items allocated).
	const percent, noScore, scored, none = 0, 1, 2, 3
	kind := func(it *plan.Item, row Row) int {
		switch {
		case it.Percent():
			return percent
		case !row.Max.OK && !row.Achieved.OK && !row.Target.OK:
			if row.Leaf {
				return noScore
			}
			return none
		}
		return scored
	}
	var counts [4]int
	a.Walk(func(it *plan.Item) { counts[kind(it, rows[it])]++ })
	if opts.NoItemLists {
		counts[percent], counts[noScore] = 0, 0
	}
	all := make([]Row, 0, counts[scored])
	if counts[percent] > 0 {
		ga.Percent = make([]Row, 0, counts[percent])
	}
	if counts[noScore] > 0 {
		ga.NoScore = make([]Row, 0, counts[noScore])
	}
	a.Walk(func(it *plan.Item) {
		ga.Items++
		if len(it.Items) == 0 {
			ga.Leaves++
		}
		row := rows[it]
		switch kind(it, row) {
		case percent:
			if !opts.NoItemLists {
				ga.Percent = append(ga.Percent, row)
			}
		case noScore:
			if !opts.NoItemLists {
				ga.NoScore = append(ga.NoScore, row)
			}
		case scored:
			all = append(all, row)
		}
	})
	ga.Total = total(a)
	if ga.Total != nil {
		ga.Stated = statedIncrease(a.Note.Value, ga.Total)
	} else {
		ga.Sections = sections(a)
	}
	if opts.Recoverable {
		if ga.Total != nil {
			ga.Recoverable = recoverable(a, rows, set, opts.Top)
		}
		opts.Top = 0
	}
	ga.ByLead = byLead(a, rows)
	if opts.ByLead {
		ga.ByLead = orderLeads(ga.ByLead, opts.Sort, opts.Top)
		opts.Sort, opts.Top = SortCode, 0
	} else {
		ga.ByLead = orderLeads(ga.ByLead, SortLost, 0)
	}
	ga.Rows = selectRows(all, opts)
	return ga
}

// ItemRows returns the figures of every item of an appendix, as the
// report computes them: what worklist and progress show as the points at
// stake.
func ItemRows(a *plan.Appendix, cat *agency.Catalogue) map[*plan.Item]Row {
	ref := plan.Refs(a)
	rows := make(map[*plan.Item]Row, len(ref))
	a.Walk(func(it *plan.Item) { rows[it] = newRow(it, ref[it], cat) })
	return rows
}

func newRow(it *plan.Item, ref string, cat *agency.Catalogue) Row {
	e := it.Sums.Effective
	row := Row{
		Code: it.Code.Value, Ref: ref, Name: it.Name.Value, Depth: it.Depth, Leaf: len(it.Items) == 0,
		Survey: it.Survey.Value, Unit: it.Unit.Value,
		Max: e[plan.Max], Achieved: e[plan.Achieved], Target: e[plan.Target],
		TargetText: it.TargetText.Value, Deadline: it.Deadline.Value, Note: it.Note.Value,
		Lead: leads(it, cat),
	}
	if it.Percent() {
		// Percent scores are the item's own; children are not summed.
		row.Max = opt(it.Scores.Max)
		row.Achieved = opt(it.Scores.Achieved)
		row.Target = opt(it.Scores.Target)
	}
	row.Lost = sub(row.Max, row.Achieved)
	row.Gain = sub(row.Target, row.Achieved)
	row.Left = sub(row.Max, row.Target)
	row.Recovery = recovery(row.Gain, row.Lost)
	return row
}

func opt(n plan.Number) plan.Opt { return plan.Opt{V: n.Value, OK: n.Given} }

// sub returns a − b, without trailing zero decimals (0.20 − 0 is 0.2, not
// 0.20): a difference has no digits "as written".
func sub(a, b plan.Opt) plan.Opt {
	if !a.OK || !b.OK {
		return plan.Opt{}
	}
	return plan.Opt{V: a.V.Sub(b.V).Trim(), OK: true}
}

// percentOf returns a / b × 100 with two decimals; absent when b is not
// positive.
func percentOf(a, b plan.Opt) plan.Opt {
	if !a.OK || !b.OK || b.V.Sign() <= 0 {
		return plan.Opt{}
	}
	q, _ := decimal.Percent(a.V, b.V, 2)
	return plan.Opt{V: q.Trim(), OK: true}
}

func recovery(gain, lost plan.Opt) plan.Opt { return percentOf(gain, lost) }

// leads returns the item's lead agencies, normalized and without repeats.
func leads(it *plan.Item, cat *agency.Catalogue) []string {
	return cat.NormalizeAll(plan.Values(it.Lead))
}

func total(a *plan.Appendix) *Total {
	t := &Total{}
	for _, k := range plan.ScoreKeys {
		v := a.TopSum(k)
		if a.Total != nil && a.Total.Get(k).Given {
			v = plan.Opt{V: a.Total.Get(k).Value, OK: true}
			t.Stated = true
		}
		switch k {
		case plan.Max:
			t.Max = v
		case plan.Achieved:
			t.Achieved = v
		case plan.Target:
			t.Target = v
		}
	}
	if !t.Max.OK && !t.Achieved.OK && !t.Target.OK {
		return nil
	}
	t.Lost = sub(t.Max, t.Achieved)
	t.Gain = sub(t.Target, t.Achieved)
	t.Left = sub(t.Max, t.Target)
	t.Recovery = recovery(t.Gain, t.Lost)
	t.Increase = percentOf(t.Gain, t.Achieved)
	return t
}

// increasePattern finds "tăng 8,17 điểm (14,6%)" in a note.
var increasePattern = regexp.MustCompile(`(?i)tăng\s+(\d+(?:[.,]\d+)?)\s*điểm(?:\s*\(\s*(\d+(?:[.,]\d+)?)\s*%\s*\))?`)

func statedIncrease(note string, t *Total) *StatedIncrease {
	m := increasePattern.FindStringSubmatch(note)
	if m == nil || !t.Gain.OK {
		return nil
	}
	pts, err := decimal.Parse(strings.Replace(m[1], ",", ".", 1))
	if err != nil {
		return nil
	}
	s := &StatedIncrease{Text: note, Points: pts, PointsMatch: pts.Equal(t.Gain.V)}
	if m[2] != "" {
		if pct, err := decimal.Parse(strings.Replace(m[2], ",", ".", 1)); err == nil {
			s.Percent = plan.Opt{V: pct, OK: true}
			if t.Achieved.OK && t.Achieved.V.Sign() > 0 {
				computed, _ := decimal.Percent(t.Gain.V, t.Achieved.V, pct.Scale())
				s.PercentMatch = computed.Equal(pct)
			}
		}
	}
	return s
}

func sections(a *plan.Appendix) []Section {
	var out []Section
	for _, top := range a.Items {
		s := Section{Code: top.Code.Value, Name: top.Name.Value}
		var count func(*plan.Item)
		count = func(it *plan.Item) {
			if len(it.Items) > 0 {
				for _, c := range it.Items {
					count(c)
				}
				return
			}
			s.Items++
			if len(it.Lead) > 0 {
				s.WithLead++
			}
			if it.TargetText.Value != "" {
				s.WithTargetText++
			}
			if it.Deadline.Value != "" {
				s.WithDeadline++
			}
		}
		count(top)
		out = append(out, s)
	}
	return out
}

// byLead groups the items without children by lead agency.
func byLead(a *plan.Appendix, items map[*plan.Item]Row) []LeadRow {
	rows := map[string]*LeadRow{}
	var order []string
	a.Walk(func(it *plan.Item) {
		if len(it.Items) > 0 {
			return
		}
		row := items[it]
		names := row.Lead
		if len(names) == 0 {
			names = []string{NoLead}
		}
		for _, name := range names {
			lr := rows[name]
			if lr == nil {
				lr = &LeadRow{Agency: name}
				rows[name] = lr
				order = append(order, name)
			}
			lr.Items++
			if len(names) > 1 {
				lr.Shared++
			}
			if !it.Percent() {
				lr.Lost = add(lr.Lost, row.Lost)
				lr.Gain = add(lr.Gain, row.Gain)
				lr.Left = add(lr.Left, row.Left)
			}
			if row.Ref != "" {
				lr.Codes = append(lr.Codes, row.Ref)
			}
		}
	})
	out := make([]LeadRow, 0, len(order))
	for _, name := range order {
		out = append(out, *rows[name])
	}
	return out
}

// orderLeads orders the agencies, which come in the order of their first
// item: by code they stay so; by a figure the largest comes first, then
// the agency with more items, then by name. top > 0 keeps the first top.
func orderLeads(rows []LeadRow, by SortKey, top int) []LeadRow {
	if by != SortCode {
		field := map[SortKey]func(LeadRow) plan.Opt{
			SortLost: func(r LeadRow) plan.Opt { return r.Lost },
			SortGain: func(r LeadRow) plan.Opt { return r.Gain },
			SortLeft: func(r LeadRow) plan.Opt { return r.Left },
		}[by]
		slices.SortStableFunc(rows, func(x, y LeadRow) int {
			return cmp.Or(-cmpOpt(field(x), field(y)), -cmp.Compare(x.Items, y.Items), cmp.Compare(x.Agency, y.Agency))
		})
	}
	if top > 0 && len(rows) > top {
		rows = rows[:top]
	}
	return rows
}

func add(a, b plan.Opt) plan.Opt {
	if !b.OK {
		return a
	}
	return plan.Opt{V: a.V.Add(b.V).Trim(), OK: true}
}

// cmpOpt compares optional values; an absent value sorts below any.
func cmpOpt(a, b plan.Opt) int {
	switch {
	case a.OK && b.OK:
		return a.V.Cmp(b.V)
	case a.OK:
		return 1
	case b.OK:
		return -1
	}
	return 0
}

// selectRows keeps the rows of the selected level and order. Sorted by a
// figure, the rows are the items at one level (fields; criteria; or, for
// all levels, the items without children), so no points count twice.
// The rows kept are moved to the front of all, which is the caller's to
// give up: a second copy of every row of a large plan cost as much as
// the first.
func selectRows(all []Row, opts Options) []Row {
	rows := all[:0]
	for _, r := range all {
		keep := false
		switch {
		case opts.Sort != SortCode && opts.Level == LevelAll:
			keep = r.Leaf
		case opts.Sort != SortCode && opts.Level == LevelCriterion:
			keep = r.Depth == 1 || r.Depth == 0 && r.Leaf
		case opts.Level == LevelField:
			keep = r.Depth == 0
		case opts.Level == LevelCriterion:
			keep = r.Depth <= 1
		default:
			keep = true
		}
		if keep {
			rows = append(rows, r)
		}
	}
	if opts.Sort != SortCode {
		field := map[SortKey]func(Row) plan.Opt{
			SortLost: func(r Row) plan.Opt { return r.Lost },
			SortGain: func(r Row) plan.Opt { return r.Gain },
			SortLeft: func(r Row) plan.Opt { return r.Left },
		}[opts.Sort]
		slices.SortStableFunc(rows, func(x, y Row) int { return -cmpOpt(field(x), field(y)) })
	}
	if opts.Top > 0 && len(rows) > opts.Top {
		rows = rows[:opts.Top]
	}
	return rows
}
