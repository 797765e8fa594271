// Package deadline reads the deadline column of a plan ("Quý I/2021",
// "Trước ngày 25/12", "Thường xuyên") into milestones with dates. The
// patterns are data (rules.yaml); a text no rule matches is reported as
// unparsed, never guessed.
package deadline

import (
	"fmt"
	"time"
)

// Kind says what a milestone's dates mean.
type Kind string

// The kinds of milestone. They are stable: JSON output carries them.
const (
	// KindDate is a day by which something is due: Start is zero, End
	// is the day.
	KindDate Kind = "date"
	// KindPeriod is a span within which something is due (a quarter, a
	// month, a year): Start and End are its first and last days.
	KindPeriod Kind = "period"
	// KindRecurring repeats every Every within Start..End (the plan's
	// year when the text does not say), due on Day of the period's last
	// month (0: its last day).
	KindRecurring Kind = "recurring"
	// KindOngoing is continuous work ("Thường xuyên"); never overdue.
	KindOngoing Kind = "ongoing"
	// KindEvent is due when something happens ("Sau khi …").
	KindEvent Kind = "event"
	// KindUnspecified defers to something else ("Theo kế hoạch").
	KindUnspecified Kind = "unspecified"
)

// Every is the period of a recurring milestone.
type Every string

// The periods of a recurring milestone.
const (
	Monthly   Every = "month"
	Quarterly Every = "quarter"
	HalfYear  Every = "half-year"
	Yearly    Every = "year"
)

// Date is a calendar day. The zero Date is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d.Year == 0 }

// String gives the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	}
	return cmpInt(d.Day, e.Day)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date {
	return FromTime(time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC))
}

// FromTime returns the calendar day of t.
func FromTime(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return FromTime(t), nil
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Milestone is one thing due in a deadline text.
type Milestone struct {
	// Label is what is due, when the text names it ("Ban hành kế
	// hoạch", "Báo cáo"); empty otherwise.
	Label string
	Kind  Kind
	// Start and End bound the milestone; see Kind for which are set.
	Start, End Date
	// Every and Day describe a recurring milestone.
	Every Every
	Day   int
	// Text is the part of the deadline the milestone was read from.
	Text string
}

// Due returns the last day of a date or period milestone.
func (m Milestone) Due() (Date, bool) {
	if (m.Kind == KindDate || m.Kind == KindPeriod) && !m.End.IsZero() {
		return m.End, true
	}
	return Date{}, false
}
