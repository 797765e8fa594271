package render

import (
	"fmt"
	"strings"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
)

// The ranking of recoverable points (gap --recoverable), as every format
// writes it: the criteria that lost points by assessment, then each
// field's lost points split by who can win them back.

// kind names an assessment in the ranking: a survey marked †.
func (x words) kind(k string) string {
	s := Assessment(x.p, k)
	if k == criteria.Survey {
		s += " †"
	}
	return s
}

// flags names a row's flags: gives up (target no higher than achieved)
// or no target.
func (x words) flags(r gap.RecoverRow) string {
	switch {
	case r.GivesUp:
		return x.p.T("render.recoverable.gives-up")
	case r.NoTarget:
		return x.p.T("render.recoverable.no-target")
	}
	return ""
}

// flagNames are the flags' names in CSV and JSON.
func flagNames(r gap.RecoverRow) []string {
	out := []string{}
	if r.GivesUp {
		out = append(out, "gives_up")
	}
	if r.NoTarget {
		out = append(out, "no_target")
	}
	return out
}

func (x words) recoverHeading(rc *gap.Recoverable) string {
	if rc.Set == "" {
		return x.p.T("render.recoverable.heading-no-set")
	}
	return x.p.T("render.recoverable.heading", "Set", rc.Set)
}

func (x words) dec(d decimal.Dec) string { return x.p.Num(d) }

// ownPct is a share's percentage, "" when nothing was lost.
func (x words) ownPct(s gap.Share) string { return x.pct(s.OwnPercent) }

// recoverNotes are the lines under the ranking: the province's share,
// the flags and † explained, where assessments did not come from the
// set, and what a partial set lacks.
func (x words) recoverNotes(a *gap.Appendix) []string {
	rc := a.Recoverable
	var lines []string
	if t := rc.Total; t.Lost.Sign() > 0 {
		lines = append(lines, x.p.T("render.recoverable.summary",
			"Lost", x.points(plan.Opt{V: t.Lost, OK: true}, false), "Own", x.points(plan.Opt{V: t.Own, OK: true}, false), "Pct", x.prose(t.OwnPercent)))
	}
	if u := rc.Total.Unknown(); u.Sign() > 0 {
		lines = append(lines, x.p.T("render.recoverable.summary-unknown", "Unknown", x.points(plan.Opt{V: u, OK: true}, false)))
	}
	givesUp, noTarget, survey, outside := false, false, false, 0
	for _, r := range rc.Rows {
		givesUp = givesUp || r.GivesUp
		noTarget = noTarget || r.NoTarget
		survey = survey || r.Assessment == criteria.Survey
		if r.Source != gap.FromSet {
			outside++
		}
	}
	if givesUp {
		lines = append(lines, x.p.T("render.recoverable.legend-gives-up"))
	}
	if noTarget {
		lines = append(lines, x.p.T("render.recoverable.legend-no-target"))
	}
	if survey {
		lines = append(lines, x.p.T("render.survey-legend"))
	}
	switch {
	case rc.Set == "":
		lines = append(lines, x.p.T("render.recoverable.source-no-set"))
	case outside > 0:
		lines = append(lines, x.p.T("render.recoverable.source-set", "Count", outside, "Set", rc.Set))
	}
	if set, ok := criteria.Get(rc.Set); ok && set.SelfOnly {
		lines = append(lines, x.p.T("render.recoverable.coverage", "Text", coverageText(x.p, set.Coverage())))
	}
	if len(a.Discrepancies) > 0 {
		lines = append(lines, x.p.T("render.recoverable.sums"))
	}
	return lines
}

// anyUnknown reports whether some lost points have no known assessment:
// then the split shows them in a column of their own.
func anyUnknown(rc *gap.Recoverable) bool { return rc.Total.Unknown().Sign() > 0 }

func (x words) recoverRow(r gap.RecoverRow) []string {
	return []string{fmt.Sprint(r.Rank), r.Ref, r.Name, x.kind(r.Assessment), x.num(r.Lost), x.num(r.Gain), x.num(r.Left), x.flags(r)}
}

func (x words) shareRow(s gap.Share, unknown bool) []string {
	row := []string{s.Code, s.Name, x.dec(s.Lost), x.dec(s.Own), x.ownPct(s)}
	if unknown {
		row = append(row, x.dec(s.Unknown()))
	}
	return row
}

func (x words) shareHeader(unknown bool) []string {
	h := []string{x.p.T("render.col.code"), x.p.T("render.col.field"), x.p.T("render.col.lost"), x.p.T("render.col.own"), x.p.T("render.col.own-share")}
	if unknown {
		h = append(h, x.p.T("render.col.unknown-kind"))
	}
	return h
}

func (x words) recoverHeader() []string {
	return []string{x.p.T("render.col.rank"), x.p.T("render.col.code"), x.p.T("render.col.criterion"), x.p.T("render.col.assessment"),
		x.p.T("render.col.lost"), x.p.T("render.col.gain"), x.p.T("render.col.left"), x.p.T("render.col.flags")}
}

// recoverable writes the ranking as terminal tables.
func (p gapTable) recoverable(ew *errWriter, x words, a *gap.Appendix) {
	rc := a.Recoverable
	ew.println(x.recoverHeading(rc))
	if len(rc.Rows) == 0 {
		ew.println(x.p.T("render.recoverable.none"))
	} else {
		h := x.recoverHeader()
		num := func(i int) Col { return Col{Header: h[i], Align: Right} }
		t := p.table([]Col{num(0), {Header: h[1], Role: Key}, {Header: h[2], Role: Title, Wrap: true, Min: 16, Comfort: 40},
			{Header: h[3]}, num(4), num(5), num(6), {Header: h[7], Wrap: true, Min: 10, Comfort: 20}})
		for _, r := range rc.Rows {
			t.Rows = append(t.Rows, x.recoverRow(r))
		}
		ew.render(t)
	}
	for _, l := range x.recoverNotes(a) {
		ew.println(l)
	}
	ew.printf("\n")
	ew.println(x.p.T("render.recoverable.by-field"))
	unknown := anyUnknown(rc)
	h := x.shareHeader(unknown)
	cols := []Col{{Header: h[0], Role: Key}, {Header: h[1], Role: Title, Wrap: true, Min: 16, Comfort: 40}}
	for _, hh := range h[2:] {
		cols = append(cols, Col{Header: hh, Align: Right})
	}
	t := p.table(cols)
	for _, s := range rc.Fields {
		t.Rows = append(t.Rows, x.shareRow(s, unknown))
		t.Strong = append(t.Strong, false)
	}
	t.Footer = x.shareRow(rc.Total, unknown)
	t.Footer[1] = x.p.T("render.total")
	ew.render(t)
}

// recoverableMarkdown writes the ranking as Markdown tables.
func recoverableMarkdown(ew *errWriter, x words, a *gap.Appendix) {
	rc := a.Recoverable
	ew.printf("%s\n\n", mdEscape(x.recoverHeading(rc)))
	if len(rc.Rows) == 0 {
		ew.printf("%s\n", x.p.T("render.recoverable.none"))
	} else {
		var rows [][]string
		for _, r := range rc.Rows {
			rows = append(rows, x.recoverRow(r))
		}
		mdTable(ew, x.recoverHeader(), []bool{true, false, false, false, true, true, true, false}, rows)
	}
	for _, l := range x.recoverNotes(a) {
		ew.printf("\n%s\n", mdEscape(l))
	}
	ew.printf("\n%s\n\n", mdEscape(x.p.T("render.recoverable.by-field")))
	unknown := anyUnknown(rc)
	var rows [][]string
	for _, s := range rc.Fields {
		rows = append(rows, x.shareRow(s, unknown))
	}
	total := x.shareRow(rc.Total, unknown)
	total[1] = "**" + x.p.T("render.total") + "**"
	rows = append(rows, total)
	right := []bool{false, false, true, true, true, true}
	mdTable(ew, x.shareHeader(unknown), right[:len(total)], rows)
}

// recoverableCSVHeader is the header of gap --recoverable --format csv:
// one table whose "row" column says what each line is — a criterion of
// the ranking, a field's split, or the appendix total.
var recoverableCSVHeader = []string{"appendix", "row", "rank", "field", "code", "ref", "name", "assessment", "assessment_source", "survey",
	"max", "achieved", "target", "lost", "gain", "left", "flags", "own_lost", "own_percent", "unknown_lost"}

func recoverableCSV(write func([]string), a *gap.Appendix) {
	rc := a.Recoverable
	for _, r := range rc.Rows {
		write([]string{text(a.ID), "criterion", fmt.Sprint(r.Rank), text(r.Field), text(r.Code), text(r.Ref), text(r.Name), r.Assessment, r.Source,
			fmt.Sprint(r.Survey), num(r.Max), num(r.Achieved), num(r.Target), num(r.Lost), num(r.Gain), num(r.Left),
			strings.Join(flagNames(r), " "), "", "", ""})
	}
	share := func(kind string, s gap.Share) []string {
		return []string{text(a.ID), kind, "", text(s.Code), text(s.Code), text(s.Code), text(s.Name), "", "", "",
			"", "", "", s.Lost.String(), "", "", "", s.Own.String(), num(s.OwnPercent), s.Unknown().String()}
	}
	for _, s := range rc.Fields {
		write(share("field", s))
	}
	write(share("total", rc.Total))
}
