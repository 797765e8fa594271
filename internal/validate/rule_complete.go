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
		{ID: ruleLostNoTask, Severity: diag.Error},
		{ID: ruleLostNoLead, Severity: diag.Error},
		{ID: ruleEmptyName, Severity: diag.Error},
		{ID: ruleEmptyAppendix, Severity: diag.Warning},
	}
}

func (completeRules) check(c *context) {
	for _, a := range c.plan.Appendices {
		if len(a.Items) == 0 {
			c.report(appendixSubject(a), a.Pos, diag.Warning, ruleEmptyAppendix, "", nil, m("check.empty-appendix", "ID", a.ID.Value))
		}
		a.Walk(func(it *plan.Item) {
			if it.Name.Value == "" {
				c.report(itemSubject(it), it.Name.Pos, diag.Error, ruleEmptyName, "", nil, m("check.empty-name", "What", itemName(it)))
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
					m("check.lost-no-task", "What", itemName(it), "Lost", lost, "Achieved", ach.Value, "Max", max.Value))
			}
			if len(it.Lead) == 0 {
				c.report(itemSubject(it), it.Pos, diag.Error, ruleLostNoLead, "", nil,
					m("check.lost-no-lead", "What", itemName(it), "Lost", lost, "Achieved", ach.Value, "Max", max.Value))
			}
		})
	}
}
