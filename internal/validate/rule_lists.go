package validate

import (
	"strings"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

// listRules catches lists of agencies broken at the commas inside a name:
// in YAML, [Các sở, ban, ngành] is three entries, "Các sở", "ban" and
// "ngành".
type listRules struct{}

const ruleAgencySplit = "agency-split"

func (listRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleAgencySplit, Severity: diag.Warning},
	}
}

// fragments are words that are never an agency on their own but follow a
// comma inside one: "sở, ban, ngành", "huyện, thị xã, thành phố".
var fragments = map[string]bool{"ban": true, "ngành": true, "ban ngành": true, "thị xã": true, "thị trấn": true, "phường": true}

func (listRules) check(c *context) {
	c.eachItem(func(_ *plan.Appendix, it *plan.Item) {
		for _, list := range [][]plan.Text{it.Lead, it.Support} {
			for _, e := range list {
				if fragments[strings.ToLower(strings.Trim(e.Value, " .;"))] {
					c.report(itemSubject(it), e.Pos, diag.Warning, ruleAgencySplit, "", nil,
						m("check.agency-split", "What", itemName(it), "Entry", e.Value))
				}
			}
		}
	})
}
