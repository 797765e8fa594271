package validate

import (
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
)

// Discrepancy is a stated score that differs from the sum of its parts:
// a parent against its children, or an appendix total against its
// top-level items. It is the sum rules' finding, for reports that use the
// stated scores and must say where they differ.
type Discrepancy struct {
	Appendix *plan.Appendix
	// Item is the parent; nil for the appendix total.
	Item   *plan.Item
	Key    plan.ScoreKey
	Stated decimal.Dec
	Sum    decimal.Dec
	// Rule is sum-mismatch, sum-rounding or total-mismatch.
	Rule string
	// Rounding is set when the stated value is the sum rounded to the
	// digits written.
	Rounding     bool
	Acknowledged bool
	Reason       string
}

// Discrepancies returns the plan's stated scores that differ from the sum
// of their parts, in file order, with their acknowledgements.
func Discrepancies(p *plan.Plan) []Discrepancy {
	c := &context{plan: p}
	sumRules{}.check(c)
	var out []Discrepancy
	for _, f := range c.findings {
		d := Discrepancy{Appendix: f.subject.appendix, Item: f.subject.item, Rule: f.Rule,
			Rounding: f.Rule == ruleSumRounding}
		for _, k := range plan.ScoreKeys {
			if k.String() == f.key {
				d.Key = k
			}
		}
		if f.value != nil {
			d.Sum = *f.value
		}
		if d.Item != nil {
			d.Stated = d.Item.Scores.Get(d.Key).Value
			d.Appendix = appendixOf(p, d.Item)
		} else if d.Appendix != nil && d.Appendix.Total != nil {
			d.Stated = d.Appendix.Total.Get(d.Key).Value
		}
		for _, a := range f.acks {
			if matches(a, f) {
				d.Acknowledged, d.Reason = true, a.Reason.Value
				break
			}
		}
		out = append(out, d)
	}
	return out
}

func appendixOf(p *plan.Plan, it *plan.Item) *plan.Appendix {
	for it.Parent != nil {
		it = it.Parent
	}
	for _, a := range p.Appendices {
		for _, top := range a.Items {
			if top == it {
				return a
			}
		}
	}
	return nil
}
