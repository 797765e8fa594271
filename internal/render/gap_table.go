package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
)

// gapTable writes aligned tables for a terminal: field rows emphasised,
// numbers right-aligned and never broken, long names wrapped at word
// boundaries to fit the width, a list instead of a table where the
// figures no longer fit.
type gapTable struct {
	opts GapOptions
}

func (p gapTable) Print(w io.Writer, r *gap.Report) error {
	ew := &errWriter{w: w, width: p.opts.Width}
	x := words{p.opts.p()}
	ew.println(fmt.Sprintf("%s (%s)", r.Title, r.PlanID))
	for _, a := range r.Appendices {
		ew.printf("\n")
		ew.println(appendixHeading(a))
		switch {
		case p.opts.ByLead:
			p.byLead(ew, x, a)
		case a.Recoverable != nil:
			p.recoverable(ew, x, a)
		case a.Scored():
			p.scored(ew, x, r, a)
		default:
			p.unscored(ew, x, r, a)
		}
	}
	return ew.err
}

func appendixHeading(a *gap.Appendix) string {
	parts := []string{}
	for _, s := range []string{a.Label, a.Title} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return a.ID
	}
	return strings.Join(parts, " — ")
}

// table starts a table with the report's width, color and language.
func (p gapTable) table(cols []Col) Table {
	return Table{Cols: cols, Width: p.opts.Width, Color: p.opts.Color, P: p.opts.p()}
}

// byLeadCommand is the command that shows the lead agencies of a plan.
func (p gapTable) byLeadCommand(r *gap.Report, appendix string) string {
	file := p.opts.File
	if file == "" {
		file = r.PlanID + ".yaml"
	}
	cmd := "parplan gap --by lead"
	if appendix != "" {
		cmd += " --appendix " + appendix
	}
	return cmd + " " + file
}

// scoredTable is the table of an appendix with scores: one row per item,
// the appendix's total as the footer.
func (p gapTable) scoredTable(x words, r *gap.Report, a *gap.Appendix) Table {
	h := x.gapHeader(r)
	num := func(i int) Col { return Col{Header: h[i], Align: Right} }
	cols := []Col{
		{Header: h[0], Role: Key},
		{Header: h[1], Role: Title, Wrap: true, Min: 16, Comfort: 40},
		num(2), num(3), num(4), num(5), num(6), num(7),
		{Header: h[8], Align: Right, Drop: 2},
	}
	lead := anyLead(a.Rows)
	if lead {
		hint := x.p.T("render.hint.by-lead", "Command", p.byLeadCommand(r, ""))
		cols = append(cols, Col{Header: h[9], Wrap: true, Min: 12, Comfort: 24, Drop: 1, Hint: hint})
	}
	t := p.table(cols)
	for _, row := range a.Rows {
		name := row.Name
		if !r.Sorted {
			name = strings.Repeat("  ", row.Depth) + name
		}
		if row.Survey {
			name += " †"
		}
		cells := []string{row.Ref, name, x.num(row.Max), x.num(row.Achieved), x.num(row.Target),
			x.num(row.Lost), x.num(row.Gain), x.num(row.Left), x.pct(row.Recovery)}
		if lead {
			cells = append(cells, leadText(x, row.Lead))
		}
		t.Rows = append(t.Rows, cells)
		t.Strong = append(t.Strong, row.Depth == 0)
	}
	tot := a.Total
	t.Footer = []string{"", x.p.T("render.total"), x.num(tot.Max), x.num(tot.Achieved), x.num(tot.Target),
		x.num(tot.Lost), x.num(tot.Gain), x.num(tot.Left), x.pct(tot.Recovery)}
	if lead {
		t.Footer = append(t.Footer, "")
	}
	return t
}

func leadText(x words, leads []string) string {
	names := make([]string, len(leads))
	for i, l := range leads {
		names[i] = x.agency(l)
	}
	return strings.Join(names, "; ")
}

func (p gapTable) scored(ew *errWriter, x words, r *gap.Report, a *gap.Appendix) {
	ew.render(p.scoredTable(x, r, a))
	t := a.Total
	ew.println(x.projection(r, t))
	ew.println(x.recoveryLine(t))
	if a.Stated != nil {
		ew.println(x.statedLine(a.Stated, t))
	}
	for _, row := range a.Rows {
		if row.Survey {
			ew.println(x.p.T("render.survey-legend"))
			break
		}
	}
	for _, l := range x.discrepancyLines(a) {
		ew.println(l)
	}
	p.percent(ew, x, r, a)
	p.noScore(ew, x, a)
}

func anyLead(rows []gap.Row) bool {
	for _, r := range rows {
		if len(r.Lead) > 0 {
			return true
		}
	}
	return false
}

// percentTable lists the percent-unit items apart from the points.
func (p gapTable) percentTable(x words, r *gap.Report, a *gap.Appendix) Table {
	t := p.table([]Col{
		{Header: x.p.T("render.col.code"), Role: Key},
		{Header: x.p.T("render.col.criterion"), Role: Title, Wrap: true, Min: 16, Comfort: 40},
		{Header: x.achieved(r, "-pct"), Align: Right},
		{Header: x.target(r, "-pct"), Align: Right},
		{Header: x.p.T("render.col.gain"), Align: Right},
		{Header: x.p.T("render.col.target-text"), Wrap: true, Min: 12, Comfort: 24},
	})
	for _, row := range a.Percent {
		t.Rows = append(t.Rows, []string{row.Ref, row.Name, x.num(row.Achieved), x.num(row.Target), x.num(row.Gain), row.TargetText})
	}
	return t
}

func (p gapTable) percent(ew *errWriter, x words, r *gap.Report, a *gap.Appendix) {
	if len(a.Percent) == 0 {
		return
	}
	ew.printf("\n")
	ew.println(x.p.T("render.percent.heading", "Count", len(a.Percent)))
	ew.render(p.percentTable(x, r, a))
}

// noScore lists the items without any score: counted, never zero.
func (p gapTable) noScore(ew *errWriter, x words, a *gap.Appendix) {
	if len(a.NoScore) == 0 {
		return
	}
	ew.printf("\n")
	ew.println(x.p.T("render.no-score.heading", "Count", len(a.NoScore)))
	for _, row := range a.NoScore {
		detail := row.Note
		if detail == "" {
			detail = row.TargetText
		}
		line := fmt.Sprintf("  %s %s", row.Ref, row.Name)
		if detail != "" {
			line += " — " + detail
		}
		ew.println(line)
	}
}

// sectionsTable summarizes an appendix without scores by section.
func (p gapTable) sectionsTable(x words, a *gap.Appendix) Table {
	count := func(id string) Col { return Col{Header: x.p.T(id), Align: Right} }
	t := p.table([]Col{
		{Header: x.p.T("render.col.section"), Role: Key},
		{Header: x.p.T("render.col.section-name"), Role: Title, Wrap: true, Min: 20, Comfort: 40},
		count("render.col.items"), count("render.col.with-lead"), count("render.col.with-target"), count("render.col.with-deadline"),
	})
	for _, s := range a.Sections {
		t.Rows = append(t.Rows, []string{s.Code, s.Name, fmt.Sprint(s.Items), fmt.Sprint(s.WithLead), fmt.Sprint(s.WithTargetText), fmt.Sprint(s.WithDeadline)})
	}
	return t
}

// unscored describes an appendix without scores: what it holds, and
// where to look instead.
func (p gapTable) unscored(ew *errWriter, x words, r *gap.Report, a *gap.Appendix) {
	ew.println(x.p.T("render.unscored.summary", "Count", a.Leaves, "Sections", msg.New("render.sections", "Count", len(a.Sections))))
	ew.render(p.sectionsTable(x, a))
	p.percent(ew, x, r, a)
	ew.println(x.p.T("render.unscored.who", "Command", p.byLeadCommand(r, a.ID)))
}

// leadTable is the analysis per lead agency.
func (p gapTable) leadTable(x words, a *gap.Appendix) Table {
	count := func(id string) Col { return Col{Header: x.p.T(id), Align: Right} }
	cols := []Col{
		{Header: x.p.T("render.col.agency"), Role: Title, Wrap: true, Min: 20, Comfort: 40},
		count("render.col.items"), count("render.col.shared"),
	}
	if a.Scored() {
		cols = append(cols, count("render.col.lost"), count("render.col.gain"), count("render.col.left"))
	}
	cols = append(cols, Col{Header: x.p.T("render.col.codes"), Wrap: true, Min: 12, Comfort: 30, Drop: 1})
	t := p.table(cols)
	for _, l := range a.ByLead {
		row := []string{x.agency(l.Agency), fmt.Sprint(l.Items), fmt.Sprint(l.Shared)}
		if a.Scored() {
			// Without scores only the counts mean anything.
			row = append(row, x.num(l.Lost), x.num(l.Gain), x.num(l.Left))
		}
		t.Rows = append(t.Rows, append(row, strings.Join(l.Codes, ", ")))
	}
	return t
}

func (p gapTable) byLead(ew *errWriter, x words, a *gap.Appendix) {
	ew.render(p.leadTable(x, a))
	ew.println(x.p.T("render.lead-counting"))
	if !a.Scored() {
		ew.println(x.p.T("render.by-lead.unscored"))
	}
}

// errWriter keeps the first write error, so a report is a sequence of
// writes checked once.
type errWriter struct {
	w   io.Writer
	err error
	// width is the terminal's: println wraps longer lines at word
	// boundaries; 0 never wraps.
	width int
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// println writes a line of prose, if any, wrapped to the terminal.
func (e *errWriter) println(s string) {
	if s == "" {
		return
	}
	for _, para := range strings.Split(s, "\n") {
		e.printf("%s\n", strings.Join(fill(para, e.width), "\n"))
	}
}

func (e *errWriter) render(t Table) {
	if e.err == nil {
		e.err = t.Render(e.w)
	}
}

// fill wraps a line of prose to w columns at word boundaries; the lines
// after the first of an indented line (an entry of a list) are indented
// two columns more.
func fill(s string, w int) []string {
	if w <= 0 || width(s) <= w {
		return []string{s}
	}
	text := strings.TrimLeft(s, " ")
	indent := min(len(s)-len(text), w/2)
	hang := 0
	if indent > 0 {
		hang = indent + 2
	}
	first := wrap(text, w-indent)[0]
	out := []string{strings.Repeat(" ", indent) + first}
	if rest := lineRest(text, first); rest != "" {
		out = append(out, indented(wrap(rest, w-hang), hang)...)
	}
	return out
}
