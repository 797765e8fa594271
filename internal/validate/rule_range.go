package validate

import (
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
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
		{ID: ruleNegativeScore, Severity: diag.Error},
		{ID: ruleAchievedOverMax, Severity: diag.Error},
		{ID: ruleTargetOverMax, Severity: diag.Error},
		{ID: ruleTargetBelowAchieved, Severity: diag.Warning},
		{ID: rulePercentRange, Severity: diag.Error},
	}
}

var hundred = decimal.FromInt(100)

func (rangeRules) check(c *context) {
	for _, a := range c.plan.Appendices {
		a.Walk(func(it *plan.Item) {
			checkScores(c, itemSubject(it), &it.Scores, itemName(it), it.Percent())
		})
		if a.Total != nil {
			checkScores(c, appendixSubject(a), a.Total, m("check.total-of", "ID", a.ID.Value), false)
		}
	}
}

func checkScores(c *context, s subject, sc *plan.Scores, what msg.Message, percent bool) {
	for _, k := range plan.ScoreKeys {
		n := sc.Get(k)
		if !n.Given {
			continue
		}
		if n.Value.Sign() < 0 {
			c.report(s, n.Pos, diag.Error, ruleNegativeScore, k.String(), nil, m("check.negative", "Key", scoreName(k), "What", what, "Value", n.Value))
		}
		if percent && n.Value.Cmp(hundred) > 0 {
			c.report(s, n.Pos, diag.Error, rulePercentRange, k.String(), nil, m("check.percent-over", "Key", scoreName(k), "What", what, "Value", n.Value))
		}
	}
	max, ach, tgt := sc.Max, sc.Achieved, sc.Target
	if max.Given && ach.Given && ach.Value.Cmp(max.Value) > 0 {
		c.report(s, ach.Pos, diag.Error, ruleAchievedOverMax, "achieved", nil,
			m("check.achieved-over-max", "What", what, "Value", ach.Value, "Max", max.Value))
	}
	if max.Given && tgt.Given && tgt.Value.Cmp(max.Value) > 0 {
		c.report(s, tgt.Pos, diag.Error, ruleTargetOverMax, "target", nil,
			m("check.target-over-max", "What", what, "Value", tgt.Value, "Max", max.Value))
	}
	if ach.Given && tgt.Given && tgt.Value.Cmp(ach.Value) < 0 {
		c.report(s, tgt.Pos, diag.Warning, ruleTargetBelowAchieved, "target", nil,
			m("check.target-below", "What", what, "Value", tgt.Value, "Achieved", ach.Value))
	}
}
