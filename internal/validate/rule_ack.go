package validate

import (
	"slices"
	"strings"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

// ackRules applies the plan's acknowledgements: a finding that a plan
// acknowledges as a discrepancy of its source document is still reported,
// marked acknowledged, and no longer fails the run. An acknowledgement
// that matches nothing is itself an error, so that none outlives the
// discrepancy it was written for.
type ackRules struct{}

const (
	ruleUnusedAck  = "unused-acknowledgement"
	ruleInvalidAck = "invalid-acknowledgement"
)

func (ackRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleUnusedAck, Severity: diag.Error, Description: "An acknowledgement that matches no finding (wrong rule, key or value, or the discrepancy is gone)."},
		{ID: ruleInvalidAck, Severity: diag.Error, Description: "An acknowledgement of a rule that does not exist or cannot be acknowledged."},
	}
}

func (ackRules) apply(c *context) {
	used := map[*plan.Ack]bool{}
	for _, f := range c.findings {
		for _, a := range f.acks {
			if matches(a, f) {
				f.Acknowledged, f.Reason = true, a.Reason.Value
				used[a] = true
				break
			}
		}
	}
	ackable := ackableRules()
	for _, a := range allAcks(c.plan) {
		rule := a.Rule.Value
		switch {
		case used[a]:
		case !slices.Contains(ackable, rule):
			what := "is not a rule parplan reports"
			if slices.ContainsFunc(plan.Rules, func(r diag.Rule) bool { return r.ID == rule }) {
				what = "is about the file's form, which must be fixed, not acknowledged"
			}
			c.report(subject{}, a.Rule.Pos, diag.Error, ruleInvalidAck, "", nil,
				"acknowledged rule %q %s (rules that can be acknowledged: %s)", rule, what, strings.Join(ackable, ", "))
		default:
			detail := ""
			if a.Key.Set() {
				detail += " for " + a.Key.Value
			}
			if a.Value.Given {
				detail += " with value " + a.Value.Value.String()
			}
			c.report(subject{}, a.Pos, diag.Error, ruleUnusedAck, "", nil,
				"acknowledgement of %s%s matches no finding here; remove it if the discrepancy is gone", rule, detail)
		}
	}
}

// matches reports whether acknowledgement a covers finding f: same rule,
// and the same score and computed value when the acknowledgement names
// them.
func matches(a *plan.Ack, f *finding) bool {
	if a.Rule.Value != f.Rule {
		return false
	}
	if a.Key.Set() && a.Key.Value != f.key {
		return false
	}
	if a.Value.Given && (f.value == nil || !a.Value.Value.Equal(*f.value)) {
		return false
	}
	return true
}

// ackableRules lists the content rules: everything but the loader's rules
// and the acknowledgement rules themselves.
func ackableRules() []string {
	var ids []string
	for _, c := range checkers {
		for _, r := range c.rules() {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// allAcks lists every acknowledgement in the plan, in file order.
func allAcks(p *plan.Plan) []*plan.Ack {
	acks := slices.Clone(p.Meta.Acks)
	for _, r := range p.Meta.Results {
		acks = append(acks, r.Acks...)
	}
	for _, a := range p.Appendices {
		acks = append(acks, a.Acks...)
		a.Walk(func(it *plan.Item) { acks = append(acks, it.Acks...) })
	}
	return acks
}
