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
		{ID: ruleResultRank, Severity: diag.Error, Description: "A result's rank is not between 1 and its `of`."},
		{ID: ruleResultScore, Severity: diag.Error, Description: "A result's score is negative or above its max, or its percent is outside 0–100."},
		{ID: ruleResultNoData, Severity: diag.Warning, Description: "A result with no score, percent or rank."},
		{ID: ruleResultTotal, Severity: diag.Warning, Description: "A baseline-year result out of 100 that disagrees with the achieved total of a 100-point appendix."},
	}
}

func (resultRules) check(c *context) {
	m := &c.plan.Meta
	for _, r := range m.Results {
		s := subject{acks: r.Acks}
		what := r.Index.Value
		if r.Year.Given {
			what += " " + strconv.Itoa(r.Year.Value)
		}
		if !r.Score.Given && !r.Percent.Given && !r.Rank.Given {
			c.report(s, r.Pos, diag.Warning, ruleResultNoData, "", nil, "result %s states no score, percent or rank", what)
		}
		if r.Rank.Given && r.Of.Given && r.Rank.Value > r.Of.Value {
			c.report(s, r.Rank.Pos, diag.Error, ruleResultRank, "", nil, "result %s ranks %d of %d", what, r.Rank.Value, r.Of.Value)
		}
		if r.Score.Given && (r.Score.Value.Sign() < 0 || r.Max.Given && r.Score.Value.Cmp(r.Max.Value) > 0) {
			c.report(s, r.Score.Pos, diag.Error, ruleResultScore, "", nil, "result %s scores %s, outside 0–%s", what, r.Score.Value, r.Max.Value)
		}
		if r.Percent.Given && (r.Percent.Value.Sign() < 0 || r.Percent.Value.Cmp(hundred) > 0) {
			c.report(s, r.Percent.Pos, diag.Error, ruleResultScore, "", nil, "result %s is %s%%, outside 0–100%%", what, r.Percent.Value)
		}
		checkResultTotal(c, s, r, what)
	}
}

// checkResultTotal compares a headline score for the baseline year with
// the achieved total of an appendix that covers the whole 100-point index.
func checkResultTotal(c *context, s subject, r *plan.Result, what string) {
	m := &c.plan.Meta
	if !r.Score.Given || !r.Max.Given || !r.Max.Value.Equal(hundred) || !m.BaselineYear.Given || r.Year.Value != m.BaselineYear.Value {
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
			"result %s is %s, but appendix %q totals %s achieved", what, r.Score.Value, a.ID.Value, total)
	}
}
