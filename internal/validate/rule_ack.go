package validate

import (
	"slices"

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
		{ID: ruleUnusedAck, Severity: diag.Error},
		{ID: ruleInvalidAck, Severity: diag.Error},
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
			id := "check.ack-unknown-rule"
			if slices.ContainsFunc(plan.Rules, func(r diag.Rule) bool { return r.ID == rule }) {
				id = "check.ack-form-rule"
			}
			c.report(subject{}, a.Rule.Pos, diag.Error, ruleInvalidAck, "", nil,
				m(id, "Rule", rule, "Rules", ackable))
		default:
			var value any = ""
			if a.Value.Given {
				value = a.Value.Value
			}
			c.report(subject{}, a.Pos, diag.Error, ruleUnusedAck, "", nil,
				m("check.ack-unused", "Rule", rule, "Key", a.Key.Value, "Value", value))
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
