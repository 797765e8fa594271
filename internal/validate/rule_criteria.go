package validate

import (
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
		{ID: ruleUnknownSet, Severity: diag.Error},
		{ID: ruleSetYear, Severity: diag.Note},
		{ID: ruleUnknownCriterion, Severity: diag.Error},
		{ID: ruleCriterionName, Severity: diag.Warning},
		{ID: ruleCriterionMismatch, Severity: diag.Error},
		{ID: ruleCriterionMax, Severity: diag.Error},
		{ID: ruleCriterionMissing, Severity: diag.Note},
	}
}

func (criteriaRules) check(c *context) {
	meta := &c.plan.Meta
	if !meta.CriteriaSet.Set() {
		return
	}
	set, ok := criteria.Get(meta.CriteriaSet.Value)
	if !ok {
		c.report(subject{acks: meta.Acks}, meta.CriteriaSet.Pos, diag.Error, ruleUnknownSet, "", nil,
			m("check.unknown-set", "Set", meta.CriteriaSet.Value, "Sets", criteria.IDs()))
		return
	}
	for _, y := range []plan.Int{meta.BaselineYear, meta.Year} {
		if y.Given && !set.Covers(y.Value) {
			c.report(subject{acks: meta.Acks}, y.Pos, diag.Note, ruleSetYear, "", nil,
				m("check.set-year", "Set", set.ID, "Years", set.Years(), "Year", y.Value))
		}
	}
	for _, a := range c.plan.Appendices {
		present := map[string]*plan.Item{}
		a.Walk(func(it *plan.Item) {
			code, ok := CriterionCode(a, it)
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

// CriterionCode returns the official code an item is about: its
// criterion key, or its code in an appendix numbered by criteria (a scored
// table). Task lists and running numbers name no criterion. gap matches
// items to a criteria set through it, as these rules do.
func CriterionCode(a *plan.Appendix, it *plan.Item) (string, bool) {
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
			m("check.unknown-criterion", "What", itemName(it), "Set", set.ID, "Code", code))
		return
	}
	switch criteria.CompareNames(it.Name.Value, official.Name) {
	case criteria.SimilarName:
		c.report(s, it.Name.Pos, diag.Warning, ruleCriterionName, "", nil,
			m("check.criterion-name", "What", itemName(it), "Code", code, "Official", official.Name))
	case criteria.DifferentName:
		c.report(s, it.Name.Pos, diag.Error, ruleCriterionMismatch, "", nil,
			m("check.criterion-mismatch", "What", itemName(it), "Code", code, "Set", set.ID, "Official", official.Name))
	}
	if mx := it.Scores.Max; mx.Given && official.HasMax && !mx.Value.Equal(official.Max) {
		v := official.Max
		c.report(s, mx.Pos, diag.Error, ruleCriterionMax, "max", &v,
			m("check.criterion-max", "What", itemName(it), "Value", mx.Value, "Code", code, "Official", official.Max, "Set", set.ID))
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
	list := m("check.codes", "Codes", missing)
	if len(missing) > 20 {
		list = m("check.codes-more", "Codes", missing[:20], "Count", len(missing)-20)
	}
	text := m("check.criteria-missing", "ID", a.ID.Value, "Count", len(missing), "Set", set.ID, "List", list)
	if cov := set.Coverage(); len(cov) > 0 {
		// The set's data is partial: these are the criteria it knows, not
		// all the set has.
		text = m("check.criteria-missing-partial", "ID", a.ID.Value, "Count", len(missing), "Set", set.ID, "List", list, "Coverage", cov[0])
	}
	c.report(appendixSubject(a), a.ID.Pos, diag.Note, ruleCriterionMissing, "", nil, text)
}

func anyPresent(cr *criteria.Criterion, present map[string]*plan.Item) bool {
	for _, k := range cr.Items {
		if present[k.Code] != nil || anyPresent(k, present) {
			return true
		}
	}
	return false
}
