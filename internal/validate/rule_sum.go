package validate

import (
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// signed is a difference with its sign, for messages: +0.5.
func signed(d decimal.Dec) msg.Message { return m("num.signed", "Sign", sign(d), "Abs", d.Abs()) }

func sign(d decimal.Dec) string {
	if d.Sign() < 0 {
		return "-"
	}
	return "+"
}

// sumRules checks that stated scores add up: a parent against its
// children, an appendix total against its top-level items.
type sumRules struct{}

const (
	ruleSumMismatch   = "sum-mismatch"
	ruleSumRounding   = "sum-rounding"
	ruleTotalMismatch = "total-mismatch"
)

func (sumRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleSumMismatch, Severity: diag.Error},
		{ID: ruleSumRounding, Severity: diag.Note},
		{ID: ruleTotalMismatch, Severity: diag.Error},
	}
}

func (sumRules) check(c *context) {
	for _, a := range c.plan.Appendices {
		a.Walk(func(it *plan.Item) {
			for _, k := range plan.ScoreKeys {
				if stated, sum := it.Scores.Get(k), it.Sums.Children[k]; stated.Given && sum.OK {
					compareSum(c, itemSubject(it), stated, sum.V, k, ruleSumMismatch, itemName(it), m("check.its-items"))
				}
			}
		})
		if a.Total == nil {
			continue
		}
		for _, k := range plan.ScoreKeys {
			if stated, sum := a.Total.Get(k), a.TopSum(k); stated.Given && sum.OK {
				compareSum(c, appendixSubject(a), stated, sum.V, k, ruleTotalMismatch,
					m("check.total-of", "ID", a.ID.Value), m("check.its-top-items"))
			}
		}
	}
}

// compareSum reports a stated value that differs from the exact sum of
// parts: a note when the stated value is the sum rounded to the digits
// written, otherwise an error under rule.
func compareSum(c *context, s subject, stated plan.Number, sum decimal.Dec, k plan.ScoreKey, rule string, what, parts msg.Message) {
	if stated.Value.Equal(sum) {
		return
	}
	v := sum
	if roundingOf(stated.Value, sum) {
		c.report(s, stated.Pos, diag.Note, ruleSumRounding, k.String(), &v,
			m("check.sum-rounding", "Key", scoreName(k), "What", what, "Stated", stated.Value, "Sum", sum, "Parts", parts))
		return
	}
	c.report(s, stated.Pos, diag.Error, rule, k.String(), &v,
		m("check.sum-mismatch", "Key", scoreName(k), "What", what, "Stated", stated.Value, "Parts", parts, "Sum", sum, "Diff", signed(stated.Value.Sub(sum))))
}

// roundingOf reports whether stated is sum rounded to the digits written:
// stated has decimals, fewer than the sum, and differs from it by at most
// half a unit of its last digit. A whole number ("10") never counts as a
// rounding, so a field whose criteria add up to 9.6 is an error.
func roundingOf(stated, sum decimal.Dec) bool {
	if stated.Scale() == 0 || sum.Trim().Scale() <= stated.Scale() {
		return false
	}
	return stated.Sub(sum).Abs().Cmp(stated.HalfUnit()) <= 0
}
