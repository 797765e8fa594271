package deadline

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// Result is what Parse read from one deadline text.
type Result struct {
	Milestones []Milestone
	// Unparsed are the parts of the text no rule matched (trimmed), in
	// order.
	Unparsed []string
	// Problems are dates the text gives that do not exist ("31/02/2024").
	Problems []Problem
}

// Problem is a date that does not exist. The part it is in gives no
// milestone: a wrong date is not guessed into a right one.
type Problem struct {
	// Text is the date as the deadline writes it: "31/02/2024",
	// "31 tháng 4 năm 2024".
	Text string
	// Part is the part of the deadline the date is in.
	Part string
}

// Parse reads a deadline text. year is the plan's year, used where the
// text leaves the year out ("Quý IV", "Trước ngày 25/12"; "năm sau" is
// year+1, "năm trước" year-1); when year is 0, such milestones keep their
// kind but have no dates. text is NFC, as plan.Load leaves it.
//
// The text is cut into parts first: at ";" and line breaks, and at "- "
// bullets (see splitBullets). Each part gives one milestone, labelled with
// what the part names before its time expression ("Ban hành kế hoạch").
// A part may offer alternatives joined by "/" ("Thường xuyên trong
// năm/theo kế hoạch"): they give one milestone, read from the first
// alternative a rule matches, whose Text is the whole part. "/" inside a
// date or after a quarter ("31/12/2020", "Quý I/2021") joins no
// alternatives.
//
// Choices where the texts leave room:
//   - Several quarters ("Quí II, III năm 2021") are one period, from the
//     first day of the first to the last day of the last.
//   - "Thường xuyên" is ongoing with no dates; "Thường xuyên trong năm"
//     is ongoing over the plan's year (Start 1/1, End 31/12).
//   - A recurring milestone with no year ("hằng quý") recurs over the
//     plan's year; "tháng cuối kỳ báo cáo" is a quarter's last month,
//     since plans report by quarter.
//   - "trước ngày D/M" is due on D/M; "trước tháng M" and "trước quý Q"
//     are due the day before the month or quarter begins.
//   - A label is the text before the time expression, only when there is
//     some; a label that holds a time expression of its own ("Quý I/2021
//     hoặc Quý II/2021") leaves the part unparsed.
func Parse(text string, year int) Result {
	k := memoKey{text, year}
	if r, ok := memo.Load(k); ok {
		return r.(Result).clone()
	}
	r := builtin().parse(text, year)
	// Plans repeat a few texts on hundreds of rows ("Trong năm 2021");
	// a hostile plan of distinct texts must not grow the memo for ever.
	if memoSize.Add(1) <= maxMemo {
		memo.Store(k, r)
	}
	return r.clone()
}

type memoKey struct {
	text string
	year int
}

var (
	memo     sync.Map // memoKey → Result
	memoSize atomic.Int64
)

// maxMemo bounds the texts Parse remembers.
const maxMemo = 10_000

// clone copies the result's lists, so that a caller may change them.
func (r Result) clone() Result {
	return Result{Milestones: slices.Clone(r.Milestones), Unparsed: slices.Clone(r.Unparsed), Problems: slices.Clone(r.Problems)}
}

func (rs *ruleSet) parse(text string, year int) Result {
	var res Result
	for _, part := range splitParts(text) {
		matched := false
		for _, alt := range splitAlternatives(part) {
			m, prob, r := rs.read(alt, year)
			if r == nil {
				continue
			}
			matched = true
			if prob != "" {
				res.Problems = append(res.Problems, Problem{Text: prob, Part: part})
				break
			}
			m.Text = part
			res.Milestones = append(res.Milestones, m)
			break
		}
		if !matched {
			res.Unparsed = append(res.Unparsed, part)
		}
	}
	return res
}

// read classifies one alternative with the rule whose match starts
// first, which it returns; nil when no rule matches. problem is the text
// of an impossible date when the winning rule read one.
func (rs *ruleSet) read(text string, year int) (m Milestone, problem string, winner *rule) {
	f := fold(text, rs.spellings)
	type candidate struct {
		r   *rule
		loc []int
	}
	var cs []candidate
	for _, r := range rs.rules {
		if loc := r.re.FindStringSubmatchIndex(f.s); loc != nil {
			cs = append(cs, candidate{r, loc})
		}
	}
	// The earliest start wins; the stable sort keeps the file's order
	// among equals.
	slices.SortStableFunc(cs, func(a, b candidate) int { return cmpInt(a.loc[0], b.loc[0]) })
	for _, c := range cs {
		if rs.timeInLabel != nil && rs.timeInLabel.MatchString(f.s[:c.loc[0]]) {
			continue // two times in one part: not guessed
		}
		m, problem, ok := rs.build(c.r, f, c.loc, year)
		if !ok {
			continue // a group held a value the tables do not know
		}
		m.Label = strings.TrimFunc(f.original(0, c.loc[0]), isLabelTrim)
		return m, problem, c.r
	}
	return Milestone{}, "", nil
}

func isLabelTrim(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",:;-–—(", r)
}

// match gives the groups of one rule's match.
type match struct {
	f     folded
	names []string
	loc   []int
}

// group returns the folded text of the first group called name that
// took part in the match, and its bounds.
func (mt match) group(name string) (s string, i, j int, ok bool) {
	for k, n := range mt.names {
		if n == name && mt.loc[2*k] >= 0 {
			i, j = mt.loc[2*k], mt.loc[2*k+1]
			return mt.f.s[i:j], i, j, true
		}
	}
	return "", 0, 0, false
}

func (mt match) number(name string) (int, bool) {
	s, _, _, ok := mt.group(name)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// build makes the milestone of a rule's match. ok is false when a group
// holds a value the tables do not know (a quarter "v"): the rule did not
// really match.
func (rs *ruleSet) build(r *rule, f folded, loc []int, planYear int) (m Milestone, problem string, ok bool) {
	mt := match{f: f, names: r.re.SubexpNames(), loc: loc}
	m = Milestone{Kind: r.Kind, Every: r.Every, Day: r.Day}

	y := planYear
	if s, _, _, ok := mt.group("rel"); ok {
		off, known := rs.rel[relKey(s)]
		if !known {
			return Milestone{}, "", false
		}
		if y > 0 {
			y += off
		}
	}
	if n, ok := mt.number("year"); ok {
		y = n
	}

	if r.Kind == KindRecurring {
		if s, _, _, ok := mt.group("every"); ok {
			e, known := rs.every[s]
			if !known {
				return Milestone{}, "", false
			}
			m.Every = e
		}
		if n, ok := mt.number("day"); ok {
			if n < 1 || n > 31 {
				_, i, _, _ := mt.group("day")
				return Milestone{}, f.original(i, loc[1]), true
			}
			m.Day = n
		}
		if y > 0 {
			m.Start, m.End = Date{y, time.January, 1}, Date{y, time.December, 31}
		}
		return m, "", true
	}

	start, end, problem, known := rs.span(r, mt, y)
	switch {
	case !known:
		return Milestone{}, "", false
	case problem != "":
		return Milestone{}, problem, true
	}
	switch {
	case start.IsZero():
	case r.Kind == KindDate && r.Before:
		m.End = start.AddDays(-1)
	case r.Kind == KindDate:
		m.End = end
	case r.Kind == KindPeriod || r.Kind == KindOngoing:
		m.Start, m.End = start, end
	}
	return m, "", true
}

// relKey drops the words that follow a relative year ("năm trước liền kề
// năm kế hoạch" is "năm trước").
func relKey(s string) string {
	if i := strings.Index(s, " lien ke"); i >= 0 {
		return s[:i]
	}
	return s
}

// span returns the days a match covers in year y (0: unknown). problem is
// the text of a day or month that does not exist.
func (rs *ruleSet) span(r *rule, mt match, y int) (start, end Date, problem string, ok bool) {
	if month, ok := mt.number("month"); ok {
		_, from, to, _ := mt.group("month")
		d, hasDay := mt.number("day")
		if hasDay {
			_, from, _, _ = mt.group("day")
		}
		if _, _, yj, ok := mt.group("year"); ok {
			to = yj
		}
		if month < 1 || month > 12 || hasDay && (d < 1 || d > daysIn(y, time.Month(month))) {
			return Date{}, Date{}, mt.f.original(from, to), true
		}
		switch {
		case y <= 0:
			return Date{}, Date{}, "", true
		case hasDay:
			day := Date{y, time.Month(month), d}
			return day, day, "", true
		}
		return Date{y, time.Month(month), 1}, lastDay(y, time.Month(month)), "", true
	}
	if s, _, _, ok := mt.group("quarters"); ok {
		first, last := 5, 0
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordByte(byte(r)) || r >= utf8.RuneSelf }) {
			if w == "va" || w == "den" || w == "toi" || w == "quy" {
				continue
			}
			q, known := rs.quarter[w]
			if !known {
				return Date{}, Date{}, "", false
			}
			first, last = min(first, q), max(last, q)
		}
		if last == 0 {
			return Date{}, Date{}, "", false
		}
		if y <= 0 {
			return Date{}, Date{}, "", true
		}
		return Date{y, time.Month(3*first - 2), 1}, lastDay(y, time.Month(3*last)), "", true
	}
	if s, _, _, ok := mt.group("half"); ok {
		h, known := rs.half[s]
		if !known {
			return Date{}, Date{}, "", false
		}
		if y <= 0 {
			return Date{}, Date{}, "", true
		}
		return Date{y, time.Month(6*h - 5), 1}, lastDay(y, time.Month(6*h)), "", true
	}
	_, _, _, hasYear := mt.group("year")
	_, _, _, hasRel := mt.group("rel")
	if (hasYear || hasRel || r.Span == "year") && y > 0 {
		return Date{y, time.January, 1}, Date{y, time.December, 31}, "", true
	}
	return Date{}, Date{}, "", true
}

// daysIn is the number of days of a month; 29 for February of an
// unknown year (y ≤ 0), so a 29/02 is not called impossible unread.
func daysIn(y int, m time.Month) int {
	if y <= 0 {
		y = 2000
	}
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func lastDay(y int, m time.Month) Date { return Date{y, m, daysIn(y, m)} }
