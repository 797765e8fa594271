package validate

import (
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

// completeRules checks that the plan says who does what about the points
// it lost.
type completeRules struct{}

const (
	ruleLostNoTask    = "lost-no-task"
	ruleLostNoLead    = "lost-no-lead"
	ruleEmptyName     = "empty-name"
	ruleEmptyAppendix = "empty-appendix"
)

func (completeRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleLostNoTask, Severity: diag.Error, Description: "A criterion that lost points (achieved < max) with no task to win them back."},
		{ID: ruleLostNoLead, Severity: diag.Error, Description: "A criterion that lost points (achieved < max) with no lead agency (chủ trì)."},
		{ID: ruleEmptyName, Severity: diag.Error, Description: "An item with an empty name."},
		{ID: ruleEmptyAppendix, Severity: diag.Warning, Description: "An appendix with no items."},
	}
}

func (completeRules) check(c *context) {
	for _, a := range c.plan.Appendices {
		if len(a.Items) == 0 {
			c.report(appendixSubject(a), a.Pos, diag.Warning, ruleEmptyAppendix, "", nil, "appendix %q has no items", a.ID.Value)
		}
		a.Walk(func(it *plan.Item) {
			if it.Name.Value == "" {
				c.report(itemSubject(it), it.Name.Pos, diag.Error, ruleEmptyName, "", nil, "%s has an empty name", itemName(it))
			}
			// Only rows without children carry work: a field's tasks are
			// its criteria's tasks.
			if len(it.Items) > 0 || it.Percent() {
				return
			}
			max, ach := it.Scores.Max, it.Scores.Achieved
			if !max.Given || !ach.Given || ach.Value.Cmp(max.Value) >= 0 {
				return
			}
			lost := max.Value.Sub(ach.Value)
			if len(it.Tasks) == 0 {
				c.report(itemSubject(it), it.Pos, diag.Error, ruleLostNoTask, "", nil,
					"%s lost %s points (%s of %s) but has no tasks", itemName(it), lost, ach.Value, max.Value)
			}
			if len(it.Lead) == 0 {
				c.report(itemSubject(it), it.Pos, diag.Error, ruleLostNoLead, "", nil,
					"%s lost %s points (%s of %s) but has no lead agency", itemName(it), lost, ach.Value, max.Value)
			}
		})
	}
}
