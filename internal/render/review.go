package render

import (
	"io"
	"strings"

	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/review"
)

// ReviewPrinter writes a review in one format.
type ReviewPrinter interface {
	Print(w io.Writer, r *review.Report) error
}

// ReviewOptions are what every review printer may use; see GapOptions.
type ReviewOptions struct {
	Color bool
	Width int
	// P writes the table and Markdown formats in the user's language; nil
	// is Vietnamese. CSV and JSON are the same in every language.
	P *msg.Printer
}

// ReviewFormats lists the review format names, for flags, help and
// completion.
var ReviewFormats = []string{"table", "markdown", "json", "csv"}

// NewReview returns the review printer for a format name.
func NewReview(format string, opts ReviewOptions) (ReviewPrinter, error) {
	switch format {
	case "table":
		return reviewTable{opts}, nil
	case "markdown", "md":
		return reviewMarkdown{opts}, nil
	case "json":
		return reviewJSON{}, nil
	case "csv":
		return reviewCSV{}, nil
	}
	return nil, msg.Errorf("render.unknown-format", "Format", format, "Formats", ReviewFormats)
}

func (o ReviewOptions) p() *msg.Printer { return printer(o.P) }

// planName names a plan in a heading: its id, else its file.
func planName(s review.Side) string {
	if s.ID != "" {
		return s.ID
	}
	return s.File
}

// reviewHeading is the line over a comparison.
func (x words) reviewHeading(c *review.Comparison) string {
	return x.p.T("review.heading", "TargetYear", c.TargetYear, "ResultYear", c.ResultYear,
		"Previous", msg.Raw(planName(c.Previous)), "Current", msg.Raw(planName(c.Current)))
}

// setLine says how criteria were matched when the sets differ; "" when
// they are the same.
func (x words) setLine(c *review.Comparison) string {
	if !c.CrossSet {
		return ""
	}
	from, to := msg.Raw(orNone(c.Previous.Set)), msg.Raw(orNone(c.Current.Set))
	if c.Mapping == nil {
		return x.p.T("review.no-mapping", "From", from, "To", to)
	}
	return x.p.T("review.cross-set", "From", from, "To", to, "Count", len(c.Mapping.Codes))
}

func orNone(set string) string {
	if set == "" {
		return "?"
	}
	return set
}

// status names a row's status in the user's language.
func (x words) reviewStatus(s review.Status) string { return x.p.T("review.status." + s.String()) }

// fieldStatus is a field's or the total's status cell: "7/8 đạt".
func (x words) fieldStatus(c review.Counts) string {
	if c.Compared() == 0 {
		return ""
	}
	return x.p.T("review.field-status", "Reached", c.Reached(), "Compared", c.Compared())
}

// diff is a difference with its sign, "0" when none: "+0,021", "-1".
func (x words) diff(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	if o.V.IsZero() {
		return x.p.Num(o.V)
	}
	return x.p.Signed(o.V)
}

// reviewSummary are the lines under an appendix's table: what was met,
// the totals, and what could not be judged.
func (x words) reviewSummary(c *review.Comparison, a *review.Appendix) []string {
	var lines []string
	t := a.Total
	n := t.Counts
	if n.Compared() == 0 {
		lines = append(lines, x.p.T("review.summary-none"))
	} else {
		lines = append(lines, x.p.T("review.summary", "Reached", n.Reached(), "Compared", n.Compared(),
			"Met", n.Of(review.Met), "Exceeded", n.Of(review.Exceeded), "Missed", n.Of(review.Missed),
			"Target", x.prose(t.Target), "Result", x.prose(t.Result), "Diff", x.points(t.Diff, !t.Diff.V.IsZero())))
	}
	rows := append(append([]review.Row{}, a.Rows...), a.Percent...)
	for _, s := range []review.Status{review.NoTarget, review.NoResult} {
		if codes := codesWith(rows, s); len(codes) > 0 {
			lines = append(lines, x.p.T("review.list."+s.String(), "Count", len(codes), "Codes", strings.Join(codes, ", ")))
		}
	}
	if k := len(codesWith(rows, review.NotComparable)); k > 0 {
		lines = append(lines, x.p.T("review.list.not_comparable", "Count", k))
	}
	return lines
}

// currentOnlyLine lists the later plan's criteria no target reaches.
func (x words) currentOnlyLine(c *review.Comparison) string {
	if len(c.CurrentOnly) == 0 {
		return ""
	}
	return x.p.T("review.current-only", "Current", msg.Raw(planName(c.Current)), "Previous", msg.Raw(planName(c.Previous)),
		"Count", len(c.CurrentOnly), "Codes", strings.Join(c.CurrentOnly, ", "))
}

func codesWith(rows []review.Row, s review.Status) []string {
	var out []string
	for _, r := range rows {
		if r.Status == s {
			out = append(out, r.Code)
		}
	}
	return out
}

// repeatHeading is the line over the criteria missed two years running.
func (x words) repeatHeading(years [2]int, n int) string {
	if n == 0 {
		return x.p.T("review.repeated.none", "First", years[0], "Second", years[1])
	}
	return x.p.T("review.repeated.heading", "First", years[0], "Second", years[1], "Count", n)
}

// repeatGroups splits the repeats by their pair of years, in order, with
// an empty group for a pair of comparisons that has none.
func repeatGroups(r *review.Report) []repeatGroup {
	var out []repeatGroup
	for i := 0; i+1 < len(r.Comparisons); i++ {
		g := repeatGroup{years: [2]int{r.Comparisons[i].TargetYear, r.Comparisons[i+1].TargetYear}}
		for _, rep := range r.Repeated {
			if rep.Years == g.years {
				g.repeats = append(g.repeats, rep)
			}
		}
		out = append(out, g)
	}
	return out
}

type repeatGroup struct {
	years   [2]int
	repeats []review.Repeat
}

// repeatHeader is the header of the table of repeats.
func (x words) repeatHeader(years [2]int) []string {
	h := []string{x.p.T("render.col.code"), x.p.T("render.col.criterion")}
	for _, y := range years {
		h = append(h, x.p.T("review.col.target", "Year", y), x.p.T("review.col.result", "Year", y), x.p.T("review.col.short", "Year", y))
	}
	return h
}

func (x words) repeatCells(rep review.Repeat) []string {
	cells := []string{rep.First.Code, rep.First.Name}
	for _, r := range []review.Row{rep.First, rep.Second} {
		cells = append(cells, x.num(r.Target), x.num(r.Result), x.num(plan.Opt{V: r.Diff.V.Neg(), OK: r.Diff.OK}))
	}
	return cells
}

// reviewHeader is the header of an appendix's table; cross-set tables
// have the criterion's code in the later plan too.
func (x words) reviewHeader(c *review.Comparison, pct bool) []string {
	suffix := ""
	if pct {
		suffix = "-pct"
	}
	name := x.p.T("render.col.name")
	if pct {
		name = x.p.T("render.col.criterion")
	}
	h := []string{x.p.T("render.col.code")}
	if c.CrossSet {
		h = append(h, x.p.T("review.col.new-code"))
	}
	h = append(h, name)
	if !pct {
		h = append(h, x.p.T("render.col.max"))
	}
	return append(h, x.p.T("review.col.target"+suffix, "Year", c.TargetYear), x.p.T("review.col.result"+suffix, "Year", c.ResultYear),
		x.p.T("review.col.diff"), x.p.T("review.col.status"))
}

// reviewCells are a row's cells, in reviewHeader's order.
func (x words) reviewCells(c *review.Comparison, r review.Row, name string) []string {
	cells := []string{r.Code}
	if c.CrossSet {
		cells = append(cells, r.CurrentCode)
	}
	cells = append(cells, name)
	if !r.Percent {
		cells = append(cells, x.num(r.Max))
	}
	return append(cells, x.num(r.Target), x.num(r.Result), x.diff(r.Diff), x.reviewStatus(r.Status))
}

// fieldCells are a field's total row; fields is the field's name as shown.
func (x words) fieldCells(c *review.Comparison, code, name string, s review.Sum) []string {
	cells := []string{code}
	if c.CrossSet {
		cells = append(cells, "")
	}
	return append(cells, name, "", x.num(s.Target), x.num(s.Result), x.diff(s.Diff), x.fieldStatus(s.Counts))
}

// reviewBody interleaves each field's total row with its criteria: the
// rows of a table, whether each is a field's, and each row's depth.
func (x words) reviewBody(c *review.Comparison, a *review.Appendix, indent func(string, int) string) (rows [][]string, strong []bool) {
	fields := map[string]review.Field{}
	for _, f := range a.Fields {
		fields[f.Code] = f
	}
	last := "\x00"
	for _, r := range a.Rows {
		if r.Field != last {
			last = r.Field
			if f, ok := fields[r.Field]; ok && !(r.Depth == 0 && r.Code == f.Code) {
				rows = append(rows, x.fieldCells(c, f.Code, indent(f.Name, 0), f.Sum))
				strong = append(strong, true)
			}
		}
		rows = append(rows, x.reviewCells(c, r, indent(r.Name, r.Depth)))
		strong = append(strong, r.Depth == 0)
	}
	return rows, strong
}
