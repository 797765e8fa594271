// Package review checks whether a province reached last year's targets:
// the targets of year N's plan against the achieved scores of year N+1's
// plan, which are the results of year N as Bộ Nội vụ published them. Per
// criterion: met exactly, exceeded or missed, and by how much, all exact;
// totals per field and per appendix over the criteria that can be
// compared; over three plans or more, the criteria missed two years
// running.
//
// Criteria match by code within one criteria set; across sets only
// through a mapping kept as data (mappings.yaml), and a criterion the
// mapping does not list is not comparable, never matched by guess.
package review

import (
	"fmt"
	"strings"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
)

// Status is how a result compares with its target.
type Status int

// Statuses. Met and Exceeded both reach the target (result ≥ target);
// Met is exactly on it.
const (
	Met Status = iota
	Exceeded
	Missed
	// NoTarget: the earlier plan sets no target for the criterion.
	NoTarget
	// NoResult: the later plan gives no achieved score for it.
	NoResult
	// NotComparable: the later plan is scored on another criteria set
	// and no mapping names the criterion's counterpart, or the two are
	// in different units.
	NotComparable
)

// Statuses lists the status names, in order: the JSON and CSV values.
var Statuses = []string{"met", "exceeded", "missed", "no_target", "no_result", "not_comparable"}

func (s Status) String() string { return Statuses[s] }

// Reached reports whether the result is at least the target.
func (s Status) Reached() bool { return s == Met || s == Exceeded }

// Compared reports whether both a target and a result were there to
// compare.
func (s Status) Compared() bool { return s <= Missed }

// Side describes one of the two plans of a comparison.
type Side struct {
	File string
	ID   string
	Year int
	// BaselineYear is 0 when the plan does not say.
	BaselineYear int
	Set          string
}

// Row is one criterion of the earlier plan: its target, the later plan's
// result, and the difference result − target. Absent figures stay absent,
// never zero.
type Row struct {
	// Code is the criterion's code in the earlier plan (its ref).
	Code string
	// CurrentCode is its code in the later plan: the same within one
	// criteria set, the mapped code across sets; "" when not comparable.
	CurrentCode string
	Name        string
	// Field is the code of the field (top-level item) the row is under.
	Field string
	Depth int
	// Percent is set for percent-unit items (SIPAS components): compared
	// on their own, never added to points.
	Percent bool
	Survey  bool
	Max     plan.Opt
	Target  plan.Opt
	Result  plan.Opt
	Diff    plan.Opt
	Status  Status
}

// Counts counts rows by status.
type Counts [NotComparable + 1]int

// Of returns the count of one status.
func (c Counts) Of(s Status) int { return c[s] }

// Reached is the number of rows met or exceeded.
func (c Counts) Reached() int { return c[Met] + c[Exceeded] }

// Compared is the number of rows with both a target and a result.
func (c Counts) Compared() int { return c[Met] + c[Exceeded] + c[Missed] }

// Total is the number of rows.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// Sum totals rows: the sum of the targets and of the results over the
// rows that were compared (so the two sums cover the same criteria), and
// the count of every status.
type Sum struct {
	Target, Result, Diff plan.Opt
	Counts               Counts
}

func (s *Sum) add(r Row) {
	s.Counts[r.Status]++
	if !r.Status.Compared() {
		return
	}
	s.Target = plan.Opt{V: s.Target.V.Add(r.Target.V).Trim(), OK: true}
	s.Result = plan.Opt{V: s.Result.V.Add(r.Result.V).Trim(), OK: true}
	s.Diff = sub(s.Result, s.Target)
}

// Field is the total of one field's criteria.
type Field struct {
	Code, Name string
	Sum
}

// Appendix is the review of one appendix of the earlier plan.
type Appendix struct {
	ID, Label, Title string
	// Rows are the point-scored criteria without point-scored children,
	// in file order.
	Rows []Row
	// Fields total Rows by field, in file order.
	Fields []Field
	// Total totals Rows.
	Total Sum
	// Percent are the percent-unit items, and PercentCounts their count
	// by status: never summed.
	Percent       []Row
	PercentCounts Counts
}

// Comparison is the review of one plan's targets against the next plan's
// results.
type Comparison struct {
	Previous, Current Side
	// TargetYear is the year of the targets (the earlier plan's year);
	// ResultYear the year whose results the later plan states (its
	// baseline year, else the year before it).
	TargetYear, ResultYear int
	// CrossSet is set when the two plans are scored on different criteria
	// sets; Mapping then names the mapping used, nil when none is known
	// (every criterion is then not comparable).
	CrossSet   bool
	Mapping    *Mapping
	Appendices []*Appendix
	// CurrentOnly lists the later plan's criteria that no row of the
	// earlier plan reaches (new in its set, or not mapped), in file order.
	CurrentOnly []string
}

// Repeat is a criterion missed in two comparisons running: First is its
// row in the earlier comparison, Second in the next one.
type Repeat struct {
	First, Second Row
	// Years are the two target years.
	Years [2]int
}

// Report is the review of plans in year order.
type Report struct {
	Comparisons []*Comparison
	// Repeated are the criteria missed in two consecutive comparisons;
	// only computed with three plans or more.
	Repeated []Repeat
	Chained  bool
}

// YearError says that two plans are not one year apart in order: the
// later plan's results are not of the earlier plan's year.
type YearError struct {
	Previous, Current Side
}

func (e *YearError) Error() string {
	return fmt.Sprintf("%s (year %d) does not report the results of %d, the year of %s",
		e.Current.File, e.Current.Year, e.Previous.Year, e.Previous.File)
}

// CheckYears reports whether cur is the plan of the year after prev: its
// baseline year is prev's year, or, when it states none, its year is
// prev's year + 1.
func CheckYears(prev, cur *plan.Plan) error {
	p, c := side(prev), side(cur)
	ok := c.BaselineYear == p.Year
	if c.BaselineYear == 0 {
		ok = c.Year == p.Year+1
	}
	if !ok || p.Year == 0 {
		return &YearError{Previous: p, Current: c}
	}
	return nil
}

func side(p *plan.Plan) Side {
	return Side{File: p.File, ID: p.Meta.ID.Value, Year: p.Meta.Year.Value, BaselineYear: p.Meta.BaselineYear.Value,
		Set: p.Meta.CriteriaSet.Value}
}

// Review compares each plan's targets with the next plan's results, in
// the order given (year order), and, with three plans or more, finds the
// criteria missed two years running. It does not check the years: see
// CheckYears.
func Review(plans []*plan.Plan) *Report {
	r := &Report{Chained: len(plans) >= 3}
	for i := 0; i+1 < len(plans); i++ {
		r.Comparisons = append(r.Comparisons, Compare(plans[i], plans[i+1]))
	}
	for i := 0; i+1 < len(r.Comparisons); i++ {
		r.Repeated = append(r.Repeated, repeated(r.Comparisons[i], r.Comparisons[i+1])...)
	}
	return r
}

// repeated returns the rows missed in a and, under their code in the
// later plan, in b.
func repeated(a, b *Comparison) []Repeat {
	later := map[string]Row{}
	for _, ap := range b.Appendices {
		for _, r := range append(append([]Row{}, ap.Rows...), ap.Percent...) {
			if _, dup := later[r.Code]; !dup {
				later[r.Code] = r
			}
		}
	}
	var out []Repeat
	for _, ap := range a.Appendices {
		for _, r := range append(append([]Row{}, ap.Rows...), ap.Percent...) {
			if r.Status != Missed {
				continue
			}
			if next, ok := later[r.CurrentCode]; ok && next.Status == Missed {
				out = append(out, Repeat{First: r, Second: next, Years: [2]int{a.TargetYear, b.TargetYear}})
			}
		}
	}
	return out
}

// Compare reviews prev's targets against cur's results.
func Compare(prev, cur *plan.Plan) *Comparison {
	c := &Comparison{Previous: side(prev), Current: side(cur), TargetYear: prev.Meta.Year.Value}
	c.ResultYear = c.Current.BaselineYear
	if c.ResultYear == 0 && c.Current.Year != 0 {
		c.ResultYear = c.Current.Year - 1
	}
	c.CrossSet = c.Previous.Set != c.Current.Set
	counterpart := func(code string) (string, bool) { return code, true }
	if c.CrossSet {
		c.Mapping = FindMapping(c.Previous.Set, c.Current.Set)
		counterpart = func(code string) (string, bool) {
			if c.Mapping == nil {
				return "", false
			}
			to, ok := c.Mapping.Codes[code]
			return to, ok
		}
	}
	results := criteriaOf(cur)
	reached := map[string]bool{}
	for _, ca := range criterionAppendices(prev) {
		ap := &Appendix{ID: ca.a.ID.Value, Label: ca.a.Label.Value, Title: ca.a.Title.Value}
		fields := map[string]*Field{}
		var order []string
		for _, e := range ca.rows {
			row := Row{Code: e.code, Name: e.item.Name.Value, Field: e.field.Code.Value, Depth: e.item.Depth,
				Percent: e.item.Percent(), Survey: e.item.Survey.Value, Max: score(e.item, plan.Max), Target: score(e.item, plan.Target)}
			if !row.Target.OK {
				row.Status = NoTarget
			}
			to, ok := counterpart(e.code)
			if ok {
				row.CurrentCode = to
				reached[to] = true
			}
			if res, found := results.byCode[to]; ok && found {
				if res.item.Percent() != e.item.Percent() {
					ok = false
				} else {
					row.Result = score(res.item, plan.Achieved)
				}
			}
			switch {
			case row.Status == NoTarget:
			case !ok:
				row.Status, row.CurrentCode = NotComparable, ""
			case !row.Result.OK:
				row.Status = NoResult
			default:
				row.Diff = sub(row.Result, row.Target)
				switch row.Result.V.Cmp(row.Target.V) {
				case 0:
					row.Status = Met
				case 1:
					row.Status = Exceeded
				default:
					row.Status = Missed
				}
			}
			if row.Percent {
				ap.Percent = append(ap.Percent, row)
				ap.PercentCounts[row.Status]++
				continue
			}
			ap.Rows = append(ap.Rows, row)
			ap.Total.add(row)
			f := fields[row.Field]
			if f == nil {
				f = &Field{Code: row.Field, Name: e.field.Name.Value}
				fields[row.Field] = f
				order = append(order, row.Field)
			}
			f.add(row)
		}
		for _, code := range order {
			ap.Fields = append(ap.Fields, *fields[code])
		}
		c.Appendices = append(c.Appendices, ap)
	}
	for _, code := range results.order {
		if !covered(code, reached) {
			c.CurrentOnly = append(c.CurrentOnly, code)
		}
	}
	return c
}

// covered reports whether a criterion of the later plan, one of its
// parents or one of its children was reached by a row.
func covered(code string, reached map[string]bool) bool {
	for r := range reached {
		if r == code || strings.HasPrefix(code, r+".") || strings.HasPrefix(r, code+".") {
			return true
		}
	}
	return false
}

// entry is one criterion of a plan.
type entry struct {
	code  string
	item  *plan.Item
	field *plan.Item
}

type criterionAppendix struct {
	a    *plan.Appendix
	rows []entry
}

// criterionAppendices returns the appendices of a plan that list
// criteria, each with its criteria: the point-scored items without
// point-scored children, and the percent items, in file order. A
// criterion without any score (one the Ministry scores) is listed too: it
// has no target.
func criterionAppendices(p *plan.Plan) []criterionAppendix {
	var out []criterionAppendix
	for _, a := range p.Appendices {
		byCode := numberedByCriteria(a)
		refs := plan.Refs(a)
		ca := criterionAppendix{a: a}
		a.Walk(func(it *plan.Item) {
			if (!byCode && !it.Criterion.Set()) || refs[it] == "" || hasPointChildren(it) {
				return
			}
			ca.rows = append(ca.rows, entry{code: refs[it], item: it, field: fieldOf(it)})
		})
		if len(ca.rows) > 0 {
			out = append(out, ca)
		}
	}
	return out
}

// results is a plan's criteria by code, for looking up results.
type results struct {
	byCode map[string]entry
	order  []string
}

// criteriaOf indexes every criterion of a plan's appendices by code,
// parents included (an earlier plan may list as one row what the later
// one splits); the first of a code repeated across appendices wins.
func criteriaOf(p *plan.Plan) results {
	r := results{byCode: map[string]entry{}}
	for _, a := range p.Appendices {
		byCode := numberedByCriteria(a)
		refs := plan.Refs(a)
		a.Walk(func(it *plan.Item) {
			code := refs[it]
			if (!byCode && !it.Criterion.Set()) || code == "" {
				return
			}
			if _, dup := r.byCode[code]; dup {
				return
			}
			r.byCode[code] = entry{code: code, item: it, field: fieldOf(it)}
			if !hasPointChildren(it) && (it.Percent() || anyScore(it)) {
				r.order = append(r.order, code)
			}
		})
	}
	return r
}

// numberedByCriteria reports whether an appendix's codes are criterion
// codes: its layout numbers rows hierarchically, or, without a layout, a
// row has a maximum (as validate's criteria rules decide).
func numberedByCriteria(a *plan.Appendix) bool {
	if l := layout.Get(a.Layout.Value); l != nil {
		return l.ByCriteria()
	}
	found := false
	a.Walk(func(it *plan.Item) { found = found || it.Scores.Max.Given })
	return found
}

func hasPointChildren(it *plan.Item) bool {
	for _, c := range it.Items {
		if !c.Percent() {
			return true
		}
	}
	return false
}

func anyScore(it *plan.Item) bool {
	for _, k := range plan.ScoreKeys {
		if it.Sums.Effective[k].OK {
			return true
		}
	}
	return false
}

func fieldOf(it *plan.Item) *plan.Item {
	for it.Parent != nil {
		it = it.Parent
	}
	return it
}

// score is an item's score: the effective one (stated, or the sum of its
// children) for points, its own for a percent item.
func score(it *plan.Item, k plan.ScoreKey) plan.Opt {
	if it.Percent() {
		n := it.Scores.Get(k)
		return plan.Opt{V: n.Value, OK: n.Given}
	}
	return it.Sums.Effective[k]
}

// sub returns a − b without trailing zero decimals: a difference has no
// digits "as written".
func sub(a, b plan.Opt) plan.Opt {
	if !a.OK || !b.OK {
		return plan.Opt{}
	}
	return plan.Opt{V: a.V.Sub(b.V).Trim(), OK: true}
}
