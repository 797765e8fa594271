package validate

import (
	"fmt"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

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
		{ID: ruleSumMismatch, Severity: diag.Error, Description: "A parent's max, achieved or target differs from the sum of its children."},
		{ID: ruleSumRounding, Severity: diag.Note, Description: "A stated parent or total differs from the exact sum only by rounding to the digits written (12.905 for 12.9045)."},
		{ID: ruleTotalMismatch, Severity: diag.Error, Description: "An appendix's stated total differs from the sum of its top-level items (fields)."},
	}
}

func (sumRules) check(c *context) {
	for _, a := range c.plan.Appendices {
		a.Walk(func(it *plan.Item) {
			for _, k := range plan.ScoreKeys {
				if stated, sum := it.Scores.Get(k), it.Sums.Children[k]; stated.Given && sum.OK {
					compareSum(c, itemSubject(it), stated, sum.V, k, ruleSumMismatch, itemName(it), "its items")
				}
			}
		})
		if a.Total == nil {
			continue
		}
		for _, k := range plan.ScoreKeys {
			if stated, sum := a.Total.Get(k), a.TopSum(k); stated.Given && sum.OK {
				compareSum(c, appendixSubject(a), stated, sum.V, k, ruleTotalMismatch,
					fmt.Sprintf("the total of appendix %q", a.ID.Value), "its top-level items")
			}
		}
	}
}

// compareSum reports a stated value that differs from the exact sum of
// parts: a note when the stated value is the sum rounded to the digits
// written, otherwise an error under rule.
func compareSum(c *context, s subject, stated plan.Number, sum decimal.Dec, k plan.ScoreKey, rule, what, parts string) {
	if stated.Value.Equal(sum) {
		return
	}
	v := sum
	if roundingOf(stated.Value, sum) {
		c.report(s, stated.Pos, diag.Note, ruleSumRounding, k.String(), &v,
			"%s of %s is %s, the exact sum %s of %s rounded to the digits written", k, what, stated.Value, sum, parts)
		return
	}
	c.report(s, stated.Pos, diag.Error, rule, k.String(), &v,
		"%s of %s is %s, but %s add up to %s (difference %s)", k, what, stated.Value, parts, sum, stated.Value.Sub(sum).Signed())
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
