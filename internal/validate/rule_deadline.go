package validate

import (
	"fmt"

	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// deadlineRules reads each item's deadline into milestones (package
// deadline) and reports what it cannot read, dates that do not exist and
// milestones that end outside the years the plan covers.
type deadlineRules struct{}

const (
	ruleDeadlineUnparsed = "deadline-unparsed"
	ruleDeadlineDate     = "deadline-date"
	ruleDeadlineRange    = "deadline-range"
)

func (deadlineRules) rules() []diag.Rule {
	return []diag.Rule{
		{ID: ruleDeadlineUnparsed, Severity: diag.Note},
		{ID: ruleDeadlineDate, Severity: diag.Warning},
		{ID: ruleDeadlineRange, Severity: diag.Warning},
	}
}

// A plan is issued in the year before the one it covers or early in that
// year, and its reports may run into January of the next: a milestone
// ending outside year-1 … year+1 is most likely a mistyped year.
const (
	yearsBefore = 1
	yearsAfter  = 1
)

func (deadlineRules) check(c *context) {
	year := 0
	if c.plan.Meta.Year.Given {
		year = c.plan.Meta.Year.Value
	}
	c.eachItem(func(_ *plan.Appendix, it *plan.Item) {
		if it.Deadline.Value == "" {
			return
		}
		r := deadline.Parse(it.Deadline.Value, year)
		s, pos := itemSubject(it), it.Deadline.Pos
		for _, part := range r.Unparsed {
			c.report(s, pos, diag.Note, ruleDeadlineUnparsed, "", nil,
				m("check.deadline-unparsed", "What", itemName(it), "Part", part))
		}
		for _, p := range r.Problems {
			c.report(s, pos, diag.Warning, ruleDeadlineDate, "", nil,
				m("check.deadline-date", "What", itemName(it), "Date", p.Text))
		}
		if year == 0 {
			return
		}
		for _, ms := range r.Milestones {
			if ms.End.IsZero() || ms.End.Year >= year-yearsBefore && ms.End.Year <= year+yearsAfter {
				continue
			}
			c.report(s, pos, diag.Warning, ruleDeadlineRange, "", nil,
				m("check.deadline-range", "What", itemName(it), "Text", ms.Text, "End", day(ms.End),
					"From", year-yearsBefore, "To", year+yearsAfter, "Year", year))
		}
	})
}

// day writes a date the way the language does: 31/12/2024, 2024-12-31.
func day(d deadline.Date) msg.Message {
	return m("check.deadline-day", "Day", msg.Raw(fmt.Sprintf("%02d", d.Day)),
		"Month", msg.Raw(fmt.Sprintf("%02d", int(d.Month))), "Year", msg.Raw(fmt.Sprint(d.Year)))
}
