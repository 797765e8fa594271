package render

import (
	"io"

	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// GapPrinter writes a gap report in one format.
type GapPrinter interface {
	Print(w io.Writer, r *gap.Report) error
}

// GapOptions are what every gap printer may use.
type GapOptions struct {
	// ByLead prints the analysis per lead agency instead of per item.
	ByLead bool
	// Recoverable prints the ranking of recoverable points
	// (gap.Appendix.Recoverable) instead of the items; the table and
	// Markdown formats print it wherever an appendix has one, CSV needs
	// this to choose its columns, JSON always carries it.
	Recoverable bool
	// Color emphasises field rows and headers (table format only).
	Color bool
	// Width is the terminal width the table must fit, in columns; 0 is
	// unbounded (output piped to a file or program): no cell wraps.
	Width int
	// File is the plan's path as the user gave it, for hints.
	File string
	// P writes the table and Markdown formats in the user's language,
	// numbers with its decimal mark; nil is Vietnamese. CSV and JSON do
	// not depend on it: their names are English and their numbers have a
	// decimal point, whatever the language.
	P *msg.Printer
}

func (o GapOptions) p() *msg.Printer { return printer(o.P) }

// GapFormats lists the gap format names, for flags, help and completion.
var GapFormats = []string{"table", "csv", "json", "markdown"}

// NewGap returns the gap printer for a format name.
func NewGap(format string, opts GapOptions) (GapPrinter, error) {
	switch format {
	case "table":
		return gapTable{opts}, nil
	case "csv":
		return gapCSV{opts}, nil
	case "json":
		return gapJSON{}, nil
	case "markdown", "md":
		return gapMarkdown{opts}, nil
	}
	return nil, msg.Errorf("render.unknown-format", "Format", format, "Formats", GapFormats)
}

// num formats an optional value for CSV: the exact digits with a decimal
// point, or empty when absent.
func num(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	return o.V.String()
}

// words writes a report's texts and figures in one language: figures
// in tables and prose alike with the language's decimal mark.
type words struct{ p *msg.Printer }

// num formats an optional value: the exact digits, or empty when absent.
func (x words) num(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	return x.p.Num(o.V)
}

// pct formats an optional percentage: "22,38%".
func (x words) pct(o plan.Opt) string {
	if !o.OK {
		return ""
	}
	return x.p.Num(o.V) + "%"
}

// prose formats an optional value in a sentence: "?" when absent.
func (x words) prose(o plan.Opt) string {
	if !o.OK {
		return "?"
	}
	return x.p.Num(o.V)
}

// signed formats a change: "+3,264".
func (x words) signed(o plan.Opt) string {
	if !o.OK {
		return "?"
	}
	return x.p.Signed(o.V)
}

// points is "3,264 điểm", "1 point", "+3.264 points".
func (x words) points(o plan.Opt, sign bool) msg.Message {
	n := x.prose(o)
	if sign {
		n = x.signed(o)
	}
	count := "0"
	if o.OK {
		count = o.V.String()
	}
	return msg.New("render.points", "N", n, "Count", count)
}

// gapHeader returns the column headers of the scored table, in the
// documents' vocabulary.
func (x words) gapHeader(r *gap.Report) []string {
	return []string{x.p.T("render.col.code"), x.p.T("render.col.name"), x.p.T("render.col.max"),
		x.achieved(r, ""), x.target(r, ""), x.p.T("render.col.lost"), x.p.T("render.col.gain"),
		x.p.T("render.col.left"), x.p.T("render.col.recovery"), x.p.T("render.col.lead")}
}

// achieved is the achieved column's header, with the baseline year when
// the plan gives it; suffix "-pct" names the percent table's.
func (x words) achieved(r *gap.Report, suffix string) string {
	if r.BaselineYear != 0 {
		return x.p.T("render.col.achieved-year"+suffix, "Year", r.BaselineYear)
	}
	return x.p.T("render.col.achieved" + suffix)
}

func (x words) target(r *gap.Report, suffix string) string {
	if r.Year != 0 {
		return x.p.T("render.col.target-year"+suffix, "Year", r.Year)
	}
	return x.p.T("render.col.target" + suffix)
}

// projection is the one-line summary of an appendix's totals:
// "2023: 85,415/100 → mục tiêu 2024: 88,679 (+3,264 điểm, +3,82%)".
func (x words) projection(r *gap.Report, t *gap.Total) string {
	if !t.Achieved.OK || !t.Target.OK {
		var missing []msg.Message
		if !t.Achieved.OK {
			missing = append(missing, msg.New("render.missing.achieved"))
		}
		if !t.Target.OK {
			missing = append(missing, msg.New("render.missing.target"))
		}
		what := missing[0]
		if len(missing) == 2 {
			what = msg.New("render.missing.both", "A", missing[0], "B", missing[1])
		}
		return x.p.T("render.projection.missing", "What", what)
	}
	from := x.p.T("render.projection.from")
	if r.BaselineYear != 0 {
		from = x.p.T("render.projection.from-year", "Year", r.BaselineYear)
	}
	to := x.p.T("render.projection.to")
	if r.Year != 0 {
		to = x.p.T("render.projection.to-year", "Year", r.Year)
	}
	args := []any{"From", from, "To", to, "Achieved", x.prose(t.Achieved), "Max", x.prose(t.Max),
		"Target", x.prose(t.Target), "Points", x.points(t.Gain, true)}
	if t.Increase.OK {
		return x.p.T("render.projection.pct", append(args, "Increase", x.signed(t.Increase))...)
	}
	return x.p.T("render.projection", args...)
}

// recoveryLine says how much of the lost points the plan wins back.
func (x words) recoveryLine(t *gap.Total) string {
	if !t.Lost.OK || !t.Gain.OK {
		return ""
	}
	share, left := "", ""
	if t.Recovery.OK {
		share = x.p.T("render.recovery.share", "Pct", x.p.Num(t.Recovery.V))
	}
	if t.Left.OK {
		left = x.p.T("render.recovery.left", "Left", x.points(t.Left, false))
	}
	return x.p.T("render.recovery", "Gain", x.prose(t.Gain), "Lost", x.points(t.Lost, false), "Share", share, "Left", left)
}

// statedLine compares the increase the document's note states with the
// computed one.
func (x words) statedLine(s *gap.StatedIncrease, t *gap.Total) string {
	verdict := "render.stated.match"
	if !s.PointsMatch || (s.Percent.OK && !s.PercentMatch) {
		verdict = "render.stated.mismatch"
	}
	computed := x.p.S(x.points(t.Gain, true))
	if t.Increase.OK {
		computed += ", " + x.signed(t.Increase) + "%"
		if s.Percent.OK && s.Percent.V.Scale() < t.Increase.V.Scale() {
			computed += " ≈ " + x.p.Num(s.Percent.V) + "%"
		}
	}
	return x.p.T("render.stated", "Text", s.Text, "Verdict", msg.New(verdict), "Computed", computed)
}

// discrepancyLines lists stated scores that differ from the sum of their
// parts: a heading, then one line per score.
func (x words) discrepancyLines(a *gap.Appendix) []string {
	if len(a.Discrepancies) == 0 {
		return nil
	}
	lines := []string{x.p.T("render.discrepancy.heading")}
	for _, d := range a.Discrepancies {
		what := x.p.T("render.total")
		if d.Item != nil {
			what = d.Item.Code.Value
			if what == "" {
				what = d.Item.Name.Value
			}
		}
		rounding, ack := "", ""
		if d.Rounding {
			rounding = x.p.T("render.discrepancy.rounding")
		}
		if d.Acknowledged {
			ack = x.p.T("render.discrepancy.ack", "Reason", msg.Raw(d.Reason))
		}
		lines = append(lines, "  "+x.p.T("render.discrepancy", "What", msg.Raw(what), "Key", msg.New(keyID(d.Key)),
			"Stated", x.p.Num(d.Stated), "Sum", x.p.Num(d.Sum), "Diff", x.p.Signed(d.Stated.Sub(d.Sum)),
			"Rounding", rounding, "Rule", msg.Raw(d.Rule), "Ack", ack))
	}
	return lines
}

func keyID(k plan.ScoreKey) string {
	return "render.key." + [...]string{"max", "achieved", "target"}[k]
}

// agency names a lead agency, the items without one in the language.
func (x words) agency(name string) string {
	if name == gap.NoLead {
		return x.p.T("render.no-lead")
	}
	return name
}
