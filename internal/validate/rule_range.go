package validate

import (
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

// rangeRules checks each row's scores against each other and against
// what a score can be.
type rangeRules struct{}

const (
	ruleNegativeScore       = "negative-score"
	ruleAchievedOverMax     = "achieved-over-max"
	ruleTargetOverMax       = "target-over-max"
	ruleTargetBelowAchieved = "target-below-achieved"
	rulePercentRange        = "percent-range"
)

func (rangeRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleNegativeScore, Severity: diag.Error, Description: "A score below zero."},
		{ID: ruleAchievedOverMax, Severity: diag.Error, Description: "Achieved points above the row's maximum."},
		{ID: ruleTargetOverMax, Severity: diag.Error, Description: "A target above the row's maximum."},
		{ID: ruleTargetBelowAchieved, Severity: diag.Warning, Description: "A target below what was already achieved: the plan aims lower than last year."},
		{ID: rulePercentRange, Severity: diag.Error, Description: "A percentage (unit: percent, or a result's percent) outside 0–100."},
	}
}

var hundred = decimal.FromInt(100)

func (rangeRules) check(c *context) {
	for _, a := range c.plan.Appendices {
		a.Walk(func(it *plan.Item) {
			checkScores(c, itemSubject(it), &it.Scores, itemName(it), it.Percent())
		})
		if a.Total != nil {
			checkScores(c, appendixSubject(a), a.Total, "the total of appendix "+quote(a.ID.Value), false)
		}
	}
}

func quote(s string) string { return `"` + s + `"` }

func checkScores(c *context, s subject, sc *plan.Scores, what string, percent bool) {
	for _, k := range plan.ScoreKeys {
		n := sc.Get(k)
		if !n.Given {
			continue
		}
		if n.Value.Sign() < 0 {
			c.report(s, n.Pos, diag.Error, ruleNegativeScore, k.String(), nil, "%s of %s is negative (%s)", k, what, n.Value)
		}
		if percent && n.Value.Cmp(hundred) > 0 {
			c.report(s, n.Pos, diag.Error, rulePercentRange, k.String(), nil, "%s of %s is %s%%, above 100%%", k, what, n.Value)
		}
	}
	max, ach, tgt := sc.Max, sc.Achieved, sc.Target
	if max.Given && ach.Given && ach.Value.Cmp(max.Value) > 0 {
		c.report(s, ach.Pos, diag.Error, ruleAchievedOverMax, "achieved", nil,
			"achieved of %s is %s, above its maximum %s", what, ach.Value, max.Value)
	}
	if max.Given && tgt.Given && tgt.Value.Cmp(max.Value) > 0 {
		c.report(s, tgt.Pos, diag.Error, ruleTargetOverMax, "target", nil,
			"target of %s is %s, above its maximum %s", what, tgt.Value, max.Value)
	}
	if ach.Given && tgt.Given && tgt.Value.Cmp(ach.Value) < 0 {
		c.report(s, tgt.Pos, diag.Warning, ruleTargetBelowAchieved, "target", nil,
			"target of %s is %s, below the %s already achieved", what, tgt.Value, ach.Value)
	}
}
