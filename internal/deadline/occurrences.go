package deadline

import "time"

// months is the length of each recurrence period, in months.
var months = map[Every]int{Monthly: 1, Quarterly: 3, HalfYear: 6, Yearly: 12}

// Occurrences returns the due days of a milestone, in order. A recurring
// milestone is due once per calendar period (months; quarters ending in
// March, June, September and December; halves ending in June and
// December; years) on Day of the period's last month, or that month's
// last day when Day is 0 or past its end; Occurrences gives each such day
// within Start..End. A date or period is due on its End. The other kinds
// have no due days.
func (m Milestone) Occurrences() []Date {
	switch m.Kind {
	case KindDate, KindPeriod:
		if d, ok := m.Due(); ok {
			return []Date{d}
		}
		return nil
	case KindRecurring:
	default:
		return nil
	}
	n := months[m.Every]
	if n == 0 || m.Start.IsZero() || m.End.IsZero() || m.Start.Compare(m.End) > 0 {
		return nil
	}
	var out []Date
	// The last month of the period that holds Start, counted from year 0.
	last := m.Start.Year*12 + (int(m.Start.Month)-1)/n*n + n - 1
	for ; ; last += n {
		y, mo := last/12, time.Month(last%12+1)
		d := Date{y, mo, daysIn(y, mo)}
		if m.Day > 0 && m.Day < d.Day {
			d.Day = m.Day
		}
		if d.Compare(m.End) > 0 {
			return out
		}
		if d.Compare(m.Start) >= 0 {
			out = append(out, d)
		}
	}
}
