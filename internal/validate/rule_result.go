package validate

import (
	"strconv"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

// resultRules checks the headline figures of plan.results.
type resultRules struct{}

const (
	ruleResultRank   = "result-rank"
	ruleResultScore  = "result-score"
	ruleResultTotal  = "result-total"
	ruleResultNoData = "result-empty"
)

func (resultRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleResultRank, Severity: diag.Error},
		{ID: ruleResultScore, Severity: diag.Error},
		{ID: ruleResultNoData, Severity: diag.Warning},
		{ID: ruleResultTotal, Severity: diag.Warning},
	}
}

func (resultRules) check(c *context) {
	meta := &c.plan.Meta
	for _, r := range meta.Results {
		s := subject{acks: r.Acks}
		what := r.Index.Value
		if r.Year.Given {
			what += " " + strconv.Itoa(r.Year.Value)
		}
		if !r.Score.Given && !r.Percent.Given && !r.Rank.Given {
			c.report(s, r.Pos, diag.Warning, ruleResultNoData, "", nil, m("check.result-empty", "What", what))
		}
		if r.Rank.Given && r.Of.Given && r.Rank.Value > r.Of.Value {
			c.report(s, r.Rank.Pos, diag.Error, ruleResultRank, "", nil, m("check.result-rank", "What", what, "Rank", r.Rank.Value, "Of", r.Of.Value))
		}
		if r.Score.Given && (r.Score.Value.Sign() < 0 || r.Max.Given && r.Score.Value.Cmp(r.Max.Value) > 0) {
			c.report(s, r.Score.Pos, diag.Error, ruleResultScore, "", nil, m("check.result-score", "What", what, "Score", r.Score.Value, "Max", r.Max.Value))
		}
		if r.Percent.Given && (r.Percent.Value.Sign() < 0 || r.Percent.Value.Cmp(hundred) > 0) {
			c.report(s, r.Percent.Pos, diag.Error, ruleResultScore, "", nil, m("check.result-percent", "What", what, "Percent", r.Percent.Value))
		}
		checkResultTotal(c, s, r, what)
	}
}

// checkResultTotal compares a headline score for the baseline year with
// the achieved total of an appendix that covers the whole 100-point index.
func checkResultTotal(c *context, s subject, r *plan.Result, what string) {
	meta := &c.plan.Meta
	if !r.Score.Given || !r.Max.Given || !r.Max.Value.Equal(hundred) || !meta.BaselineYear.Given || r.Year.Value != meta.BaselineYear.Value {
		return
	}
	for _, a := range c.plan.Appendices {
		if a.Total == nil || !a.Total.Max.Given || !a.Total.Max.Value.Equal(hundred) || !a.Total.Achieved.Given {
			continue
		}
		total := a.Total.Achieved.Value
		if total.Equal(r.Score.Value) || roundingOf(r.Score.Value, total) {
			continue
		}
		v := total
		c.report(s, r.Score.Pos, diag.Warning, ruleResultTotal, "", &v,
			m("check.result-total", "What", what, "Score", r.Score.Value, "ID", a.ID.Value, "Total", total))
	}
}
