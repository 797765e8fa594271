// Package validate checks the content of a loaded plan: exact arithmetic,
// ranges, codes, completeness and the official criteria set. Each family
// of rules lives in its own rule_*.go file.
package validate

import (
	"slices"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// checker is one family of rules.
type checker interface {
	// rules describes the rule IDs the checker reports.
	rules() []diag.Rule
	check(c *context)
}

// checkers run in this order; the acknowledgement pass runs last.
var checkers = []checker{
	codeRules{},
	sumRules{},
	rangeRules{},
	completeRules{},
	resultRules{},
	criteriaRules{},
	listRules{},
	deadlineRules{},
}

// Rules lists every rule parplan reports: the loader's and the content
// checks', in a stable order.
func Rules() []diag.Rule {
	rs := slices.Clone(plan.Rules)
	for _, c := range checkers {
		rs = append(rs, c.rules()...)
	}
	return append(rs, ackRules{}.rules()...)
}

// Options configures the content checks.
type Options struct{}

// File loads and checks one plan file: the loader's findings, then the
// content checks when the file loaded cleanly. The diagnostics are sorted.
func File(name string, data []byte, opts Options) (*plan.Plan, []diag.Diagnostic) {
	p, ds := plan.Load(name, data)
	if p != nil && len(ds) == 0 {
		ds = Plan(p, opts)
	}
	diag.Sort(ds)
	return p, ds
}

// Plan runs the content checks on a plan that loaded without errors.
func Plan(p *plan.Plan, opts Options) []diag.Diagnostic {
	c := &context{plan: p, opts: opts}
	for _, ch := range checkers {
		ch.check(c)
	}
	ackRules{}.apply(c)
	out := make([]diag.Diagnostic, len(c.findings))
	for i, f := range c.findings {
		out[i] = f.Diagnostic
	}
	diag.Sort(out)
	return out
}

// finding is a diagnostic with what an acknowledgement needs to match it.
type finding struct {
	diag.Diagnostic
	// acks are the acknowledgements of the finding's subject (the item,
	// appendix, result or plan it is about).
	acks []*plan.Ack
	// key is the score the finding is about, if any.
	key string
	// value is the figure parplan computed, if any (a sum, for instance).
	value *decimal.Dec
	// subject is what the finding is about.
	subject subject
}

type context struct {
	plan     *plan.Plan
	opts     Options
	findings []*finding
}

// subject is what a finding is about: where its acknowledgements live.
type subject struct {
	acks     []*plan.Ack
	item     *plan.Item
	appendix *plan.Appendix
}

func itemSubject(it *plan.Item) subject        { return subject{acks: it.Acks, item: it} }
func appendixSubject(a *plan.Appendix) subject { return subject{acks: a.Acks, appendix: a} }

// report records a finding. key and value may be empty.
func (c *context) report(s subject, pos plan.Pos, sev diag.Severity, rule string, key string, value *decimal.Dec, m msg.Message) {
	if pos.Line == 0 {
		pos = plan.Pos{Line: 1, Col: 1}
	}
	c.findings = append(c.findings, &finding{
		Diagnostic: diag.Diagnostic{File: c.plan.File, Line: pos.Line, Col: pos.Col, Severity: sev, Rule: rule,
			Msg: m},
		acks: s.acks, key: key, value: value, subject: s,
	})
}

// eachItem calls fn for every item of every appendix.
func (c *context) eachItem(fn func(a *plan.Appendix, it *plan.Item)) {
	for _, a := range c.plan.Appendices {
		a.Walk(func(it *plan.Item) { fn(a, it) })
	}
}

// m is msg.New, short for the many messages of the rules.
func m(id string, kv ...any) msg.Message { return msg.New(id, kv...) }

// itemName names an item in messages: `item "1.3.1"`.
func itemName(it *plan.Item) msg.Message {
	switch {
	case it.Criterion.Value != "":
		return m("check.row-criterion", "Code", it.Code.Value, "Criterion", it.Criterion.Value)
	case it.Code.Value != "":
		return m("subj.item", "Code", it.Code.Value)
	case it.Name.Value == "":
		return m("check.item-at-line", "Line", it.Pos.Line)
	}
	return m("subj.item", "Code", clip(it.Name.Value, 40))
}

// scoreName names a score key: max, achieved, target.
func scoreName(k plan.ScoreKey) msg.Message { return m("score." + k.String()) }

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
