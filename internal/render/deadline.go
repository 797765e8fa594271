package render

import (
	"fmt"
	"strings"

	"github.com/parplan/parplan/internal/deadline"
)

// jsonDeadline is a deadline in JSON: its text and the milestones read
// from it, dates as YYYY-MM-DD, absent ones null.
type jsonDeadline struct {
	Text       string          `json:"text"`
	Milestones []jsonMilestone `json:"milestones"`
}

type jsonMilestone struct {
	Label string  `json:"label"`
	Kind  string  `json:"kind"`
	Start *string `json:"start"`
	End   *string `json:"end"`
	Every *string `json:"every,omitempty"`
	Day   *int    `json:"day,omitempty"`
	Text  string  `json:"text"`
}

func newJSONDeadline(text string, ms []deadline.Milestone) jsonDeadline {
	out := jsonDeadline{Text: text, Milestones: []jsonMilestone{}}
	for _, m := range ms {
		j := jsonMilestone{Label: m.Label, Kind: string(m.Kind), Start: jsonDate(m.Start), End: jsonDate(m.End), Text: m.Text}
		if m.Kind == deadline.KindRecurring {
			every := string(m.Every)
			day := m.Day
			j.Every, j.Day = &every, &day
		}
		out.Milestones = append(out.Milestones, j)
	}
	return out
}

// jsonDate is a date as YYYY-MM-DD, nil when absent.
func jsonDate(d deadline.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// date writes a day the way the language does: 31/12/2024 in
// Vietnamese, 2024-12-31 in English.
func (x words) date(d deadline.Date) string {
	if d.IsZero() {
		return ""
	}
	return x.p.T("render.date", "Day", fmt.Sprintf("%02d", d.Day), "Month", fmt.Sprintf("%02d", int(d.Month)),
		"Year", fmt.Sprintf("%04d", d.Year))
}

// milestone says what a milestone means: "Báo cáo: 01/10/2021–31/12/2021".
func (x words) milestone(m deadline.Milestone) string {
	var when string
	switch m.Kind {
	case deadline.KindDate:
		when = x.p.T("render.ms.date", "Date", x.date(m.End))
	case deadline.KindPeriod:
		when = x.p.T("render.ms.period", "Start", x.date(m.Start), "End", x.date(m.End))
	case deadline.KindRecurring:
		when = x.p.T("render.ms.every-"+string(m.Every), "Day", m.Day)
	default:
		when = x.p.T("render.ms." + string(m.Kind))
	}
	if m.Label != "" {
		return m.Label + ": " + when
	}
	return when
}

// milestones says what a deadline's milestones mean, one per line.
func (x words) milestones(ms []deadline.Milestone) string {
	lines := make([]string, len(ms))
	for i, m := range ms {
		lines[i] = x.milestone(m)
	}
	return strings.Join(lines, "\n")
}
