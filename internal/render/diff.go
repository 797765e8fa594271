package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diff"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// DiffPrinter writes the changes between two plans in one format.
type DiffPrinter interface {
	Print(w io.Writer, r *diff.Result) error
}

// DiffOptions are what every diff printer may use.
type DiffOptions struct {
	// Color marks additions green, removals red, changes yellow and
	// moves cyan (text format only).
	Color bool
	// P writes the text and Markdown formats in the user's language,
	// numbers with its decimal mark; nil is Vietnamese. JSON does not
	// depend on it.
	P *msg.Printer
}

func (o DiffOptions) p() *msg.Printer { return printer(o.P) }

// DiffFormats lists the diff format names, for flags, help and completion.
var DiffFormats = []string{"text", "markdown", "json"}

// NewDiff returns the diff printer for a format name.
func NewDiff(format string, opts DiffOptions) (DiffPrinter, error) {
	switch format {
	case "text":
		return diffText{opts}, nil
	case "markdown", "md":
		return diffMarkdown{opts}, nil
	case "json":
		return diffJSON{}, nil
	}
	return nil, msg.Errorf("render.unknown-format", "Format", format, "Formats", DiffFormats)
}

// mark says what kind of change a line reports.
type mark byte

const (
	markNone    mark = ' '
	markAdded   mark = '+'
	markRemoved mark = '-'
	markChanged mark = '~'
	markMoved   mark = '>'
)

// diffLine is one change, in words.
type diffLine struct {
	mark mark
	text string
}

// diffField is a field's heading, its scores' change, and its lines.
type diffField struct {
	title, scores string
	lines         []diffLine
}

// diffSection is the plan's part of the report, or one appendix's.
type diffSection struct {
	title  string
	lines  []diffLine
	fields []diffField
}

// diffWords writes a diff's changes in one language.
type diffWords struct{ p *msg.Printer }

// sections puts every change of r into words, in the report's order.
func (x diffWords) sections(r *diff.Result) []diffSection {
	var out []diffSection
	if len(r.Plan) > 0 || !r.Acks.Empty() {
		s := diffSection{title: x.p.T("diff.plan")}
		for _, c := range r.Plan {
			subject := ""
			if c.Of != "" {
				subject = c.Of + ","
			}
			s.lines = append(s.lines, x.change(subject, c))
		}
		s.lines = append(s.lines, x.acks("", r.Acks)...)
		out = append(out, s)
	}
	for _, a := range r.Appendices {
		out = append(out, x.appendix(a))
	}
	return out
}

func appendixTitle(a *diff.Appendix) string {
	if a.Label == "" {
		return a.ID
	}
	return a.Label + " (" + a.ID + ")"
}

func (x diffWords) appendix(a *diff.Appendix) diffSection {
	s := diffSection{title: appendixTitle(a)}
	switch a.Status {
	case diff.Added:
		s.lines = append(s.lines, diffLine{markAdded, x.p.T("diff.appendix-added", "Items", msg.New("diff.items", "Count", a.Items))})
	case diff.Removed:
		s.lines = append(s.lines, diffLine{markRemoved, x.p.T("diff.appendix-removed", "Items", msg.New("diff.items", "Count", a.Items))})
	}
	for _, c := range a.Changes {
		// The total line says what a changed total row does, unless the
		// total did not change (a stated total dropped for an equal sum).
		if k, ok := strings.CutPrefix(c.Key, "total."); ok && a.Total[scoreKey(k)].Changed() {
			continue
		}
		s.lines = append(s.lines, x.change("", c))
	}
	s.lines = append(s.lines, x.acks("", a.Acks)...)
	if t := x.scores(a.Total[:], true); t != "" {
		s.lines = append(s.lines, diffLine{markNone, x.p.T("diff.total", "Scores", t)})
	}
	for _, f := range a.Fields {
		df := diffField{title: strings.TrimSpace(f.Ref + " " + f.Name), scores: x.scores(f.Scores[:], true)}
		for _, it := range f.Items {
			df.lines = append(df.lines, x.item(it)...)
		}
		s.fields = append(s.fields, df)
	}
	return s
}

// ref names an item: its ref, or its quoted name when it has none.
func ref(it *diff.Item) string {
	if it.Ref != "" {
		return it.Ref
	}
	return strconv.Quote(it.Name)
}

func (x diffWords) item(it *diff.Item) []diffLine {
	r := ref(it)
	switch it.Status {
	case diff.Added, diff.Removed:
		scores := ""
		if s := x.scores(it.Scores, false); s != "" {
			scores = " (" + s + ")"
		}
		if it.Status == diff.Added {
			return []diffLine{{markAdded, x.p.T("diff.item-added", "Ref", r, "Name", it.Name, "Scores", scores)}}
		}
		return []diffLine{{markRemoved, x.p.T("diff.item-removed", "Ref", r, "Name", it.Name, "Scores", scores)}}
	}
	var out []diffLine
	if it.Renamed() {
		out = append(out, diffLine{markChanged, x.p.T("diff.renamed", "Ref", r, "Old", it.OldName, "New", it.Name)})
	}
	if it.Moved {
		out = append(out, diffLine{markMoved, x.p.T("diff.moved", "Ref", r, "From", x.parent(it.OldParent), "To", x.parent(it.NewParent))})
	}
	for _, s := range it.Scores {
		out = append(out, diffLine{markChanged, r + " " + x.score(s)})
	}
	for _, c := range it.Changes {
		out = append(out, x.change(r, c))
	}
	out = append(out, x.acks(r, it.Acks)...)
	return out
}

func (x diffWords) parent(ref string) string {
	if ref == "" {
		return x.p.T("diff.top-level")
	}
	return ref
}

// scores writes the scores that changed ("achieved 4.4045 → 4.5
// (+0.0955), target …"); with changedOnly false, every one given.
func (x diffWords) scores(ss []diff.Score, changedOnly bool) string {
	var parts []string
	for _, s := range ss {
		if changedOnly && !s.Changed() {
			continue
		}
		if !changedOnly {
			v := s.New
			if !v.OK {
				v = s.Old
			}
			parts = append(parts, x.p.T("diff.score-value", "Key", msg.New(diffScoreKey(s.Key)), "Value", x.value(v, s.Percent)))
			continue
		}
		parts = append(parts, x.score(s))
	}
	return strings.Join(parts, ", ")
}

func diffScoreKey(k plan.ScoreKey) string { return "diff.score." + k.String() }

// score writes one score's change: "achieved 4.4045 → 4.5 (+0.0955)".
func (x diffWords) score(s diff.Score) string {
	args := []any{"Key", msg.New(diffScoreKey(s.Key)), "Old", x.value(s.Old, s.Percent), "New", x.value(s.New, s.Percent)}
	if d := s.Delta(); d.OK {
		return x.p.T("diff.score-delta", append(args, "Delta", x.p.Signed(d.V))...)
	}
	return x.p.T("diff.score", args...)
}

func (x diffWords) value(o plan.Opt, percent bool) string {
	if !o.OK {
		return x.p.T("diff.none")
	}
	if percent {
		return x.p.Num(o.V) + "%"
	}
	return x.p.Num(o.V)
}

// keyLabel is a plan key in words: "lead" is "cơ quan chủ trì".
func (x diffWords) keyLabel(key string) string {
	return x.p.T(DiffKeyID(key))
}

// DiffKeyID is the catalogue ID of a plan key's name in the diff's
// texts: diff.key.target-text for target_text.
func DiffKeyID(key string) string {
	return "diff.key." + strings.NewReplacer("_", "-", ".", "-").Replace(key)
}

// DiffKeys lists every key a diff.Change may name, for the catalogue's
// tests.
var DiffKeys = []string{
	"id", "title", "document", "issuer", "number", "date", "year", "baseline_year", "criteria_set", "source", "signer",
	"results", "score", "max", "percent", "rank", "of", "agencies", "aliases",
	"label", "subtitle", "layout", "note", "total.max", "total.achieved", "total.target", "columns",
	"criterion", "code", "unit", "target_text", "tasks", "products", "lead", "support", "deadline", "survey", "group",
	"list_style.tasks", "list_style.products", "list_style.lead", "list_style.support",
}

// change writes one value's or list's change, after subject (an item's
// ref, a result's name, or nothing).
func (x diffWords) change(subject string, c diff.Change) diffLine {
	key := x.keyLabel(c.Key)
	if subject != "" {
		key = subject + " " + key
	}
	if c.List {
		quote := func(ss []string) msg.List {
			out := make(msg.List, len(ss))
			for i, s := range ss {
				out[i] = msg.Raw(strconv.Quote(s))
			}
			return out
		}
		switch {
		case len(c.Removed) == 0:
			return diffLine{markAdded, x.p.T("diff.list-added", "Key", key, "Added", quote(c.Added))}
		case len(c.Added) == 0:
			return diffLine{markRemoved, x.p.T("diff.list-removed", "Key", key, "Removed", quote(c.Removed))}
		}
		return diffLine{markChanged, x.p.T("diff.list-changed", "Key", key, "Added", quote(c.Added), "Removed", quote(c.Removed))}
	}
	m := markChanged
	switch {
	case c.Old == "":
		m = markAdded
	case c.New == "":
		m = markRemoved
	}
	args := []any{"Key", key, "Old", x.changeValue(c, c.Old), "New", x.changeValue(c, c.New)}
	if c.Number && c.Old != "" && c.New != "" {
		o, err1 := decimal.Parse(c.Old)
		n, err2 := decimal.Parse(c.New)
		if err1 == nil && err2 == nil {
			return diffLine{m, x.p.T("diff.value-delta", append(args, "Delta", x.p.Signed(n.Sub(o).Trim()))...)}
		}
	}
	return diffLine{m, x.p.T("diff.value", args...)}
}

func (x diffWords) changeValue(c diff.Change, v string) string {
	switch {
	case v == "":
		return x.p.T("diff.none")
	case c.Number:
		if d, err := decimal.Parse(v); err == nil {
			return x.p.Num(d)
		}
	case c.Key == "survey":
		return x.p.T("diff.bool." + v)
	case c.Key == "year" || c.Key == "baseline_year" || c.Key == "rank" || c.Key == "of":
		return v
	}
	return strconv.Quote(v)
}

func (x diffWords) acks(subject string, a diff.Acks) []diffLine {
	var out []diffLine
	line := func(m mark, id string, k diff.Ack) {
		about := k.Rule
		if k.Key != "" {
			what := x.p.T(diffScoreKey(scoreKey(k.Key)))
			if k.Value.OK {
				what += " " + x.p.Num(k.Value.V)
			}
			about += " (" + what + ")"
		}
		if k.Of != "" {
			about = k.Of + ", " + about
		}
		text := x.p.T(id, "About", about, "Reason", k.Reason)
		if subject != "" {
			text = subject + " " + text
		}
		out = append(out, diffLine{m, text})
	}
	for _, k := range a.Added {
		line(markAdded, "diff.ack-added", k)
	}
	for _, k := range a.Removed {
		line(markRemoved, "diff.ack-removed", k)
	}
	return out
}

func scoreKey(s string) plan.ScoreKey {
	for _, k := range plan.ScoreKeys {
		if k.String() == s {
			return k
		}
	}
	return plan.Target
}

// heading is the report's first line: the files and how many changes.
func (x diffWords) heading(r *diff.Result) string {
	if r.Equal() {
		return x.p.T("diff.equal", "Old", r.Old, "New", r.New)
	}
	return x.p.T("diff.heading", "Old", r.Old, "New", r.New, "Changes", msg.New("diff.changes", "Count", r.Count()))
}
