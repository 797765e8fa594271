package progress

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// Rule IDs of the findings about progress reports. They are stable.
const (
	// RulePlan: the report names no plan that was found, or another
	// plan than the one it is checked against.
	RulePlan = "progress-plan"
	// RuleRef: an item the plan does not have, or a ref in several
	// appendices.
	RuleRef = "progress-ref"
	// RuleReporter: the reporter neither leads nor supports the item.
	RuleReporter = "progress-reporter"
	// RuleDoneDate: done after the day of the report, or done_on with a
	// status other than done.
	RuleDoneDate = "progress-done-date"
	// RuleConflict: two reports of the same day disagree on an item.
	RuleConflict = "progress-conflict"
)

// Rules describes the rules of progress reports.
func Rules() []diag.Rule {
	return []diag.Rule{
		{ID: RulePlan, Severity: diag.Error},
		{ID: RuleRef, Severity: diag.Error},
		{ID: RuleReporter, Severity: diag.Warning},
		{ID: RuleDoneDate, Severity: diag.Error},
		{ID: RuleConflict, Severity: diag.Error},
	}
}

// Coordinator is the agency that may report on every item: the Sở Nội vụ
// collects the reports of all the others.
const Coordinator = "Sở Nội vụ"

func m(id string, kv ...any) msg.Message { return msg.New(id, kv...) }

func finding(r *plan.Report, pos plan.Pos, sev diag.Severity, rule string, mm msg.Message) diag.Diagnostic {
	if pos.Line == 0 {
		pos = plan.Pos{Line: 1, Col: 1}
	}
	return diag.Diagnostic{File: r.File, Line: pos.Line, Col: pos.Col, Severity: sev, Rule: rule, Msg: mm}
}

// NoPlan is the finding for a report whose plan was not found.
func NoPlan(r *plan.Report) diag.Diagnostic {
	return finding(r, r.Plan.Pos, diag.Error, RulePlan, m("progress.no-plan", "ID", r.Plan.Value))
}

// Check checks reports against their plan: the plan id, that every ref
// is an item of the plan, that the reporter has a part in the item, the
// dates, and that reports of the same day agree. The diagnostics are
// sorted.
func Check(p *plan.Plan, reports []*plan.Report) []diag.Diagnostic {
	x := NewIndex(p)
	cat := agency.New(gap.Entries(p)...)
	var ds []diag.Diagnostic
	type seen struct {
		entry  *plan.ReportItem
		report *plan.Report
	}
	same := map[string]seen{} // day + item → first entry
	for _, r := range reports {
		if r.Plan.Value != p.Meta.ID.Value {
			ds = append(ds, finding(r, r.Plan.Pos, diag.Error, RulePlan,
				m("progress.other-plan", "ID", r.Plan.Value, "Plan", p.Meta.ID.Value)))
			continue
		}
		reporter := cat.NormalizeAll([]string{r.ReportedBy.Value})
		for _, e := range r.Items {
			if e.DoneOn.Given && r.AsOf.Given && e.DoneOn.Value.After(r.AsOf.Value) {
				ds = append(ds, finding(r, e.DoneOn.Pos, diag.Error, RuleDoneDate,
					m("progress.done-after", "Ref", e.Ref.Value, "Done", e.DoneOn.String(), "AsOf", r.AsOf.String())))
			}
			if e.DoneOn.Given && e.Status.Value != plan.StatusDone {
				ds = append(ds, finding(r, e.DoneOn.Pos, diag.Error, RuleDoneDate,
					m("progress.done-not-done", "Ref", e.Ref.Value, "Status", e.Status.Value)))
			}
			t, apps, ok := x.Lookup(e.Ref.Value, e.Appendix.Value)
			if !ok {
				ds = append(ds, refFinding(r, e, x, apps))
				continue
			}
			if !slices.Contains(reporter, Coordinator) && !takesPart(t, reporter, cat) {
				ds = append(ds, finding(r, e.Ref.Pos, diag.Warning, RuleReporter,
					m("progress.not-involved", "Agency", r.ReportedBy.Value, "Ref", e.Ref.Value,
						"Lead", msg.Quoted(leadsOf(t, cat)))))
			}
			for _, leaf := range t.Leaves() {
				k := fmt.Sprintf("%s %d", r.AsOf.String(), x.order[leaf])
				prev, dup := same[k]
				if !dup {
					same[k] = seen{e, r}
					continue
				}
				if !agree(prev.entry, e) {
					ds = append(ds, finding(r, e.Pos, diag.Error, RuleConflict,
						m("progress.conflict", "Ref", x.Ref(leaf), "AsOf", r.AsOf.String(),
							"File", prev.report.File, "Line", prev.entry.Pos.Line,
							"Status", prev.entry.Status.Value, "Other", e.Status.Value)))
				}
			}
		}
	}
	diag.Sort(ds)
	return ds
}

func refFinding(r *plan.Report, e *plan.ReportItem, x *Index, apps []string) diag.Diagnostic {
	if len(apps) > 0 {
		return finding(r, e.Ref.Pos, diag.Error, RuleRef, m("progress.ref-ambiguous", "Ref", e.Ref.Value, "Appendices", apps))
	}
	if e.Appendix.Set() && !slices.ContainsFunc(x.plan.Appendices, func(a *plan.Appendix) bool { return a.ID.Value == e.Appendix.Value }) {
		var ids []string
		for _, a := range x.plan.Appendices {
			ids = append(ids, a.ID.Value)
		}
		return finding(r, e.Appendix.Pos, diag.Error, RuleRef, m("progress.no-appendix", "ID", e.Appendix.Value, "Appendices", ids))
	}
	return finding(r, e.Ref.Pos, diag.Error, RuleRef, m("progress.no-ref", "Ref", e.Ref.Value, "Plan", x.plan.Meta.ID.Value,
		"Hint", nearRefs(x, e.Ref.Value)))
}

// nearRefs suggests refs that look like the one given: the same with a
// digit more or less, or differing in the last part.
func nearRefs(x *Index, ref string) string {
	var out []string
	parent := ref
	if i := strings.LastIndexAny(ref, ".-"); i > 0 {
		parent = ref[:i]
	}
	for r := range x.byRef {
		if strings.HasPrefix(r, parent+".") || r == parent {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b)) })
	if len(out) > 8 {
		out = out[:8]
	}
	return strings.Join(out, ", ")
}

func agree(a, b *plan.ReportItem) bool {
	return a.Status.Value == b.Status.Value && a.DoneOn.String() == b.DoneOn.String()
}

// takesPart reports whether an agency leads or supports an item or any
// of its tasks.
func takesPart(t Target, reporter []string, cat *agency.Catalogue) bool {
	for it := t.Item; it != nil; it = it.Parent {
		if involved(it, reporter, cat) {
			return true
		}
	}
	for _, leaf := range t.Leaves() {
		if involved(leaf, reporter, cat) {
			return true
		}
	}
	return false
}

func involved(it *plan.Item, reporter []string, cat *agency.Catalogue) bool {
	for _, list := range [][]plan.Text{it.Lead, it.Support} {
		for _, name := range cat.NormalizeAll(plan.Values(list)) {
			if slices.Contains(reporter, name) {
				return true
			}
		}
	}
	return false
}

func leadsOf(t Target, cat *agency.Catalogue) []string {
	return cat.NormalizeAll(plan.Values(t.Item.Lead))
}
