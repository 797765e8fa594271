package gap

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

// Unknown is the assessment of a criterion that neither the plan's
// criteria set nor the item's survey flag accounts for: shown as such,
// never taken as self-assessed.
const Unknown = "unknown"

// RecoverOrder is the order of the assessment kinds in the ranking of
// recoverable points: first what the province scores itself, with
// evidence, so its own work wins the points back; then the sociological
// survey (†) and SIPAS, the citizens' satisfaction survey — both surveys
// of people, which the province moves only through the service they
// receive; then what the Ministry scores; then the socio-economic
// figures, which administrative work moves least and slowest; and last
// the criteria whose assessment is unknown.
var RecoverOrder = []string{criteria.Self, criteria.Survey, criteria.SIPAS, criteria.Ministry, criteria.Socioeconomic, Unknown}

// Assessment sources: where a row's assessment comes from.
const (
	// FromSet is the plan's criteria set, matched by criterion code.
	FromSet = "set"
	// FromSurveyFlag is the item's own survey: true, where the plan has
	// no set or the set lacks the criterion.
	FromSurveyFlag = "survey_flag"
	// FromNothing: neither says; the assessment is Unknown.
	FromNothing = "none"
)

// Recoverable ranks an appendix's lost points by who can win them back.
type Recoverable struct {
	// Set is the id of the criteria set whose assessments were used; ""
	// when the plan names none (or one parplan does not have).
	Set string
	// Rows are the items without children, with scores, that lost points
	// (lost > 0), in RecoverOrder and, within a kind, by lost points, the
	// most first, then by code.
	Rows []RecoverRow
	// Fields split each field's lost points by assessment, in file
	// order; Total is the appendix's.
	Fields []Share
	Total  Share
}

// RecoverRow is one criterion of the ranking.
type RecoverRow struct {
	Row
	// Rank is 1-based.
	Rank int
	// Field is the code of the field (top-level item) the row is in.
	Field      string
	Assessment string
	// Source says where Assessment comes from: FromSet, FromSurveyFlag
	// or FromNothing.
	Source string
	// GivesUp is set when the target is no higher than achieved: the
	// plan gives up on the points lost. NoTarget is set when there is no
	// target at all; the two never go together.
	GivesUp, NoTarget bool
}

// Share is how a field's lost points divide by assessment.
type Share struct {
	Code, Name string
	// Lost is the sum of the lost points of the field's items without
	// children (those that lost none add nothing); ByAssessment divides
	// it, so its values add up to Lost. It equals the field's own lost
	// points unless a stated parent score differs from its children's
	// sum (the report's Discrepancies).
	Lost         decimal.Dec
	ByAssessment map[string]decimal.Dec
	// Own are the lost points in the province's own hands: those of the
	// self-assessed criteria. OwnPercent is Own / Lost × 100 with two
	// decimals; absent when nothing was lost.
	Own        decimal.Dec
	OwnPercent plan.Opt
}

// Unknown returns the lost points whose assessment is unknown.
func (s Share) Unknown() decimal.Dec { return s.ByAssessment[Unknown] }

// recoverable computes the ranking of a scored appendix; set may be nil.
func recoverable(a *plan.Appendix, rows map[*plan.Item]Row, set *criteria.Set, top int) *Recoverable {
	rc := &Recoverable{Total: Share{ByAssessment: map[string]decimal.Dec{}}}
	if set != nil {
		rc.Set = set.ID
	}
	for _, field := range a.Items {
		share := Share{Code: rows[field].Ref, Name: field.Name.Value, ByAssessment: map[string]decimal.Dec{}}
		scored := false
		walkItem(field, func(it *plan.Item) {
			row := rows[it]
			if len(it.Items) > 0 || it.Percent() || !row.Lost.OK {
				return
			}
			scored = true
			if row.Lost.V.Sign() <= 0 {
				return
			}
			kind, source := assessmentOf(set, a, it)
			share.add(kind, row.Lost.V)
			rc.Total.add(kind, row.Lost.V)
			rr := RecoverRow{Row: row, Field: share.Code, Assessment: kind, Source: source}
			switch {
			case !row.Target.OK:
				rr.NoTarget = true
			case row.Target.V.Cmp(row.Achieved.V) <= 0:
				rr.GivesUp = true
			}
			rc.Rows = append(rc.Rows, rr)
		})
		if scored {
			share.finish()
			rc.Fields = append(rc.Fields, share)
		}
	}
	rc.Total.finish()
	slices.SortStableFunc(rc.Rows, func(x, y RecoverRow) int {
		return cmp.Or(cmp.Compare(slices.Index(RecoverOrder, x.Assessment), slices.Index(RecoverOrder, y.Assessment)),
			-x.Lost.V.Cmp(y.Lost.V), compareCodes(x.Ref, y.Ref))
	})
	if top > 0 && len(rc.Rows) > top {
		rc.Rows = rc.Rows[:top]
	}
	for i := range rc.Rows {
		rc.Rows[i].Rank = i + 1
	}
	return rc
}

func (s *Share) add(kind string, lost decimal.Dec) {
	s.Lost = s.Lost.Add(lost).Trim()
	s.ByAssessment[kind] = s.ByAssessment[kind].Add(lost).Trim()
}

func (s *Share) finish() {
	s.Own = s.ByAssessment[criteria.Self]
	s.OwnPercent = percentOf(plan.Opt{V: s.Own, OK: true}, plan.Opt{V: s.Lost, OK: true})
}

// assessmentOf returns how an item is assessed: by the plan's criteria
// set, matched by criterion code as validate's criteria rules match it;
// else by the item's survey flag; else Unknown.
func assessmentOf(set *criteria.Set, a *plan.Appendix, it *plan.Item) (kind, source string) {
	if set != nil {
		if code, ok := validate.CriterionCode(a, it); ok {
			if k := kindOf(set.Lookup(code)); k != "" {
				return k, FromSet
			}
		}
	}
	if it.Survey.Value {
		return criteria.Survey, FromSurveyFlag
	}
	return Unknown, FromNothing
}

// kindOf is a criterion's assessment; for a criterion with children that
// the plan lists as one row, their common assessment, or "" when they
// differ (nil: "").
func kindOf(c *criteria.Criterion) string {
	if c == nil {
		return ""
	}
	if len(c.Items) == 0 {
		return c.Assessment
	}
	kind := ""
	for _, k := range c.Items {
		ck := kindOf(k)
		if ck == "" || kind != "" && ck != kind {
			return ""
		}
		kind = ck
	}
	return kind
}

// compareCodes orders codes by their numbers: 2.9 before 2.10.
func compareCodes(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		var c int
		if errx == nil && erry == nil {
			c = cmp.Compare(x, y)
		} else {
			c = strings.Compare(as[i], bs[i])
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}

// walkItem calls fn for it and every item under it, parents first.
func walkItem(it *plan.Item, fn func(*plan.Item)) {
	fn(it)
	for _, c := range it.Items {
		walkItem(c, fn)
	}
}
