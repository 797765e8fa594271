package validate

import (
	"fmt"
	"strings"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
)

// criteriaRules checks a plan against the official criteria set it names
// in plan.criteria_set: codes, names and maximum points.
type criteriaRules struct{}

const (
	ruleUnknownSet        = "unknown-criteria-set"
	ruleSetYear           = "criteria-set-year"
	ruleUnknownCriterion  = "unknown-criterion"
	ruleCriterionName     = "criterion-name"
	ruleCriterionMismatch = "criterion-name-mismatch"
	ruleCriterionMax      = "criterion-max"
	ruleCriterionMissing  = "criterion-missing"
)

func (criteriaRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleUnknownSet, Severity: diag.Error, Description: "plan.criteria_set names no built-in criteria set (see parplan criteria)."},
		{ID: ruleSetYear, Severity: diag.Note, Description: "The plan's baseline or target year falls outside the years whose results its criteria set scores."},
		{ID: ruleUnknownCriterion, Severity: diag.Error, Description: "A criterion code that the plan's criteria set does not have."},
		{ID: ruleCriterionName, Severity: diag.Warning, Description: "A criterion named in other words than the official name (a typo, a word more or less); shows the official name."},
		{ID: ruleCriterionMismatch, Severity: diag.Error, Description: "A criterion whose name means something else than the official name of its code."},
		{ID: ruleCriterionMax, Severity: diag.Error, Description: "A criterion's max differs from the official max points."},
		{ID: ruleCriterionMissing, Severity: diag.Note, Description: "Criteria of the set that an appendix does not list (plans often list only what they act on)."},
	}
}

func (criteriaRules) check(c *context) {
	m := &c.plan.Meta
	if !m.CriteriaSet.Set() {
		return
	}
	set, ok := criteria.Get(m.CriteriaSet.Value)
	if !ok {
		c.report(subject{acks: m.Acks}, m.CriteriaSet.Pos, diag.Error, ruleUnknownSet, "", nil,
			"criteria set %q is not built in (known sets: %s)", m.CriteriaSet.Value, strings.Join(criteria.IDs(), ", "))
		return
	}
	for _, y := range []plan.Int{m.BaselineYear, m.Year} {
		if y.Given && !set.Covers(y.Value) {
			c.report(subject{acks: m.Acks}, y.Pos, diag.Note, ruleSetYear, "", nil,
				"criteria set %s scores the results of %s; %d is outside them (a newer or older set may apply)", set.ID, set.Years(), y.Value)
		}
	}
	for _, a := range c.plan.Appendices {
		present := map[string]*plan.Item{}
		a.Walk(func(it *plan.Item) {
			code, ok := criterionCode(a, it)
			if !ok {
				return
			}
			present[code] = it
			checkCriterion(c, set, it, code)
		})
		if len(present) > 0 {
			checkMissing(c, set, a, present)
		}
	}
}

// criterionCode returns the official code an item is about: its
// criterion key, or its code in an appendix numbered by criteria (a scored
// table). Task lists and running numbers name no criterion.
func criterionCode(a *plan.Appendix, it *plan.Item) (string, bool) {
	if it.Criterion.Value != "" {
		return it.Criterion.Value, true
	}
	if !byCriteria(a) || !hierarchical.MatchString(it.Code.Value) {
		return "", false
	}
	return it.Code.Value, true
}

// byCriteria reports whether an appendix's rows are numbered by the
// criteria set: its layout numbers rows hierarchically, or, without a
// layout, a row has a maximum.
func byCriteria(a *plan.Appendix) bool {
	if l := layout.Get(a.Layout.Value); l != nil {
		return l.ByCriteria()
	}
	found := false
	a.Walk(func(it *plan.Item) { found = found || it.Scores.Max.Given })
	return found
}

func checkCriterion(c *context, set *criteria.Set, it *plan.Item, code string) {
	s := itemSubject(it)
	pos := it.Code.Pos
	if it.Criterion.Set() {
		pos = it.Criterion.Pos
	}
	official := set.Lookup(code)
	if official == nil {
		c.report(s, pos, diag.Error, ruleUnknownCriterion, "", nil,
			"%s: criteria set %s has no criterion %s", itemName(it), set.ID, code)
		return
	}
	switch criteria.CompareNames(it.Name.Value, official.Name) {
	case criteria.SimilarName:
		c.report(s, it.Name.Pos, diag.Warning, ruleCriterionName, "", nil,
			"%s is named differently from the official %s %q", itemName(it), code, official.Name)
	case criteria.DifferentName:
		c.report(s, it.Name.Pos, diag.Error, ruleCriterionMismatch, "", nil,
			"%s is not criterion %s of %s, which is %q", itemName(it), code, set.ID, official.Name)
	}
	if mx := it.Scores.Max; mx.Given && official.HasMax && !mx.Value.Equal(official.Max) {
		v := official.Max
		c.report(s, mx.Pos, diag.Error, ruleCriterionMax, "max", &v,
			"max of %s is %s, but criterion %s is worth %s points in %s", itemName(it), mx.Value, code, official.Max, set.ID)
	}
}

// checkMissing lists the criteria of the set an appendix does not cover:
// the largest missing parts (a whole field rather than each of its
// criteria), in one note.
func checkMissing(c *context, set *criteria.Set, a *plan.Appendix, present map[string]*plan.Item) {
	var missing []string
	var walk func(cs []*criteria.Criterion)
	walk = func(cs []*criteria.Criterion) {
		for _, cr := range cs {
			it, ok := present[cr.Code]
			switch {
			case ok && len(it.Items) == 0:
				// The plan treats it as one row: covered.
			case ok || anyPresent(cr, present):
				walk(cr.Items)
			default:
				missing = append(missing, cr.Code)
			}
		}
	}
	walk(set.Items)
	if len(missing) == 0 {
		return
	}
	list := strings.Join(missing, ", ")
	if len(missing) > 20 {
		list = strings.Join(missing[:20], ", ") + fmt.Sprintf(" and %d more", len(missing)-20)
	}
	c.report(appendixSubject(a), a.ID.Pos, diag.Note, ruleCriterionMissing, "", nil,
		"appendix %q does not list %d criteria of %s: %s", a.ID.Value, len(missing), set.ID, list)
}

func anyPresent(cr *criteria.Criterion, present map[string]*plan.Item) bool {
	for _, k := range cr.Items {
		if present[k.Code] != nil || anyPresent(k, present) {
			return true
		}
	}
	return false
}
