package validate

import (
	"regexp"
	"strings"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

// codeRules checks item codes: unique, and nested where their numbering
// says they belong (1.3.1 inside 1.3).
type codeRules struct{}

const (
	ruleDuplicateCode = "duplicate-code"
	ruleCodeParent    = "code-parent"
	ruleDuplicateID   = "duplicate-id"
)

func (codeRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleDuplicateID, Severity: diag.Error},
		{ID: ruleDuplicateCode, Severity: diag.Error},
		{ID: ruleCodeParent, Severity: diag.Error},
	}
}

// hierarchical matches criterion-style codes: 1, 1.3, 1.3.1.
var hierarchical = regexp.MustCompile(`^\d+(\.\d+)*$`)

func (codeRules) check(c *context) {
	ids := map[string]plan.Pos{}
	for _, a := range c.plan.Appendices {
		if first, dup := ids[a.ID.Value]; dup {
			c.report(appendixSubject(a), a.ID.Pos, diag.Error, ruleDuplicateID, "", nil,
				m("check.duplicate-id", "ID", a.ID.Value, "Line", first.Line))
		} else {
			ids[a.ID.Value] = a.ID.Pos
		}
		seen := map[string]*plan.Item{}
		checkSiblings(c, a.Items)
		a.Walk(func(it *plan.Item) {
			checkUnder(c, it)
			checkSiblings(c, it.Items)
			// A criterion code (1.3.1) names one criterion: it may appear
			// once per appendix, wherever it is.
			code := it.Code.Value
			if !strings.Contains(code, ".") || !hierarchical.MatchString(code) {
				return
			}
			first := seen[code]
			switch {
			case first == nil:
				seen[code] = it
			case first.Parent != it.Parent: // siblings are reported by checkSiblings
				c.report(itemSubject(it), it.Code.Pos, diag.Error, ruleDuplicateCode, "", nil,
					m("check.duplicate-code-appendix", "Code", code, "ID", a.ID.Value, "Line", first.Code.Pos.Line))
			}
		})
	}
}

// checkSiblings reports codes used twice among one parent's children.
func checkSiblings(c *context, items []*plan.Item) {
	seen := map[string]*plan.Item{}
	for _, it := range items {
		code := it.Code.Value
		if code == "" {
			continue
		}
		if first := seen[code]; first != nil {
			c.report(itemSubject(it), it.Code.Pos, diag.Error, ruleDuplicateCode, "", nil,
				m("check.duplicate-code", "Code", code, "Line", first.Code.Pos.Line))
			continue
		}
		seen[code] = it
	}
}

// checkUnder reports a hierarchical code that is not directly inside the
// item its numbering names. Codes of other styles (A, I, running numbers
// under a Roman section) are not nested by number and are not checked.
func checkUnder(c *context, it *plan.Item) {
	code := it.Code.Value
	if !hierarchical.MatchString(code) {
		return
	}
	parentCode := ""
	if it.Parent != nil {
		parentCode = it.Parent.Code.Value
	}
	want, nested := "", strings.LastIndex(code, ".")
	if nested >= 0 {
		want = code[:nested]
	}
	switch {
	case nested >= 0 && parentCode != want:
		where := m("check.at-top")
		if it.Parent != nil {
			where = m("check.inside", "Code", parentCode)
		}
		c.report(itemSubject(it), it.Code.Pos, diag.Error, ruleCodeParent, "", nil,
			m("check.code-parent", "Code", code, "Want", want, "Where", where))
	case nested < 0 && it.Parent != nil && hierarchical.MatchString(parentCode):
		c.report(itemSubject(it), it.Code.Pos, diag.Error, ruleCodeParent, "", nil,
			m("check.code-top", "Code", code, "Parent", parentCode))
	}
}
