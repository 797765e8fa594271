package diff

import (
	"strconv"
	"strings"

	"github.com/parplan/parplan/internal/plan"
)

// Compare returns what changed from old to new. Both plans must have been
// loaded by plan.Load (which computes every item's sums).
func Compare(old, new *plan.Plan) *Result {
	r := &Result{Old: old.File, New: new.File}
	r.Plan = compareMeta(&old.Meta, &new.Meta)
	r.Acks = compareAcks(planAcks(&old.Meta), planAcks(&new.Meta))
	byID := map[string][]*plan.Appendix{}
	for _, a := range old.Appendices {
		byID[a.ID.Value] = append(byID[a.ID.Value], a)
	}
	matched := map[*plan.Appendix]bool{}
	for _, na := range new.Appendices {
		olds := byID[na.ID.Value]
		if len(olds) == 0 {
			r.Appendices = append(r.Appendices, whole(na, Added))
			continue
		}
		oa := olds[0]
		byID[na.ID.Value] = olds[1:]
		matched[oa] = true
		if a := compareAppendix(oa, na); a != nil {
			r.Appendices = append(r.Appendices, a)
		}
	}
	for _, oa := range old.Appendices {
		if !matched[oa] {
			r.Appendices = append(r.Appendices, whole(oa, Removed))
		}
	}
	return r
}

// whole is an appendix added or removed as a whole: its items are
// counted, not listed.
func whole(a *plan.Appendix, st Status) *Appendix {
	out := &Appendix{ID: a.ID.Value, Label: a.Label.Value, Title: a.Title.Value, Status: st}
	a.Walk(func(*plan.Item) { out.Items++ })
	t := total(a)
	for i, k := range plan.ScoreKeys {
		out.Total[i] = Score{Key: k}
		if st == Added {
			out.Total[i].New = t[i]
		} else {
			out.Total[i].Old = t[i]
		}
	}
	return out
}

// total is an appendix's total for each score key: the stated total row
// where the document has one, else the sum of the top-level items (as
// package gap reports it).
func total(a *plan.Appendix) [3]plan.Opt {
	var t [3]plan.Opt
	for i, k := range plan.ScoreKeys {
		t[i] = a.TopSum(k)
		if a.Total != nil && a.Total.Get(k).Given {
			t[i] = plan.Opt{V: a.Total.Get(k).Value, OK: true}
		}
	}
	return t
}

func opt(n plan.Number) plan.Opt { return plan.Opt{V: n.Value, OK: n.Given} }

// changes collects the differences of one subject's values, in the order
// they are compared.
type changes []Change

func (cs *changes) text(key string, old, new plan.Text) {
	if old.Value != new.Value {
		*cs = append(*cs, Change{Key: key, Old: old.Value, New: new.Value})
	}
}

func (cs *changes) number(key string, old, new plan.Number) {
	if s := (Score{Old: opt(old), New: opt(new)}); s.Changed() {
		*cs = append(*cs, Change{Key: key, Old: numText(old), New: numText(new), Number: true})
	}
}

func numText(n plan.Number) string {
	if !n.Given {
		return ""
	}
	return n.Value.String()
}

func (cs *changes) integer(key string, old, new plan.Int) {
	if old.Given != new.Given || old.Value != new.Value {
		*cs = append(*cs, Change{Key: key, Old: intText(old), New: intText(new)})
	}
}

func intText(n plan.Int) string {
	if !n.Given {
		return ""
	}
	return strconv.Itoa(n.Value)
}

func (cs *changes) boolean(key string, old, new plan.Bool) {
	if old.Given != new.Given || old.Value != new.Value {
		*cs = append(*cs, Change{Key: key, Old: boolText(old), New: boolText(new)})
	}
}

func boolText(b plan.Bool) string {
	if !b.Given {
		return ""
	}
	return strconv.FormatBool(b.Value)
}

// listStyle compares the list styles an appendix or an item sets itself
// (an item's effective style also changes with its appendix's, which is
// reported once, on the appendix).
func (cs *changes) listStyle(old, new *plan.ListStyle) {
	for _, f := range plan.ListFields {
		cs.text("list_style."+f, old.Field(f), new.Field(f))
	}
}

func (cs *changes) list(key, of string, old, new []string) {
	added, removed := listDiff(old, new)
	if len(added) > 0 || len(removed) > 0 {
		*cs = append(*cs, Change{Key: key, Of: of, List: true, Added: added, Removed: removed})
	}
}

// listDiff returns the entries of new that old does not have and those of
// old that new does not have, each in its list's order. Lists are
// compared as multisets: an entry moved within the list is no change, a
// second copy is.
func listDiff(old, new []string) (added, removed []string) {
	left := func(from, other []string) []string {
		count := map[string]int{}
		for _, s := range other {
			count[s]++
		}
		var out []string
		for _, s := range from {
			if count[s] > 0 {
				count[s]--
				continue
			}
			out = append(out, s)
		}
		return out
	}
	return left(new, old), left(old, new)
}

func compareMeta(o, n *plan.Meta) []Change {
	var cs changes
	cs.text("id", o.ID, n.ID)
	cs.text("title", o.Title, n.Title)
	cs.text("document", o.Document, n.Document)
	cs.text("issuer", o.Issuer, n.Issuer)
	cs.text("number", o.Number, n.Number)
	cs.text("date", o.Date, n.Date)
	cs.integer("year", o.Year, n.Year)
	cs.integer("baseline_year", o.BaselineYear, n.BaselineYear)
	cs.text("criteria_set", o.CriteriaSet, n.CriteriaSet)
	cs.text("source", o.Source, n.Source)
	cs.text("signer", o.Signer, n.Signer)
	compareResults(&cs, o.Results, n.Results)
	compareAgencies(&cs, o.Agencies, n.Agencies)
	return cs
}

// resultName names a result by its index and year: "PAR INDEX 2023".
func resultName(r *plan.Result) string {
	return strings.TrimSpace(r.Index.Value + " " + intText(r.Year))
}

// compareResults matches the results by index and year: those added
// and removed, then the values of each one in both.
func compareResults(cs *changes, old, new []*plan.Result) {
	var on, nn []string
	byName := map[string]*plan.Result{}
	for _, r := range old {
		on = append(on, resultName(r))
		if _, dup := byName[resultName(r)]; !dup {
			byName[resultName(r)] = r
		}
	}
	for _, r := range new {
		nn = append(nn, resultName(r))
	}
	cs.list("results", "", on, nn)
	done := map[string]bool{}
	for _, n := range new {
		name := resultName(n)
		o := byName[name]
		if o == nil || done[name] {
			continue
		}
		done[name] = true
		var rc changes
		rc.number("score", o.Score, n.Score)
		rc.number("max", o.Max, n.Max)
		rc.number("percent", o.Percent, n.Percent)
		rc.integer("rank", o.Rank, n.Rank)
		rc.integer("of", o.Of, n.Of)
		rc.text("note", o.Note, n.Note)
		for _, c := range rc {
			c.Of = name
			*cs = append(*cs, c)
		}
	}
}

// compareAgencies matches the plan's own agency entries by name: those
// added and removed, then the aliases of each one in both.
func compareAgencies(cs *changes, old, new []*plan.Agency) {
	var on, nn []string
	byName := map[string]*plan.Agency{}
	for _, a := range old {
		on = append(on, a.Name.Value)
		if _, dup := byName[a.Name.Value]; !dup {
			byName[a.Name.Value] = a
		}
	}
	for _, a := range new {
		nn = append(nn, a.Name.Value)
	}
	cs.list("agencies", "", on, nn)
	done := map[string]bool{}
	for _, n := range new {
		if o := byName[n.Name.Value]; o != nil && !done[n.Name.Value] {
			done[n.Name.Value] = true
			cs.list("aliases", n.Name.Value, plan.Values(o.Aliases), plan.Values(n.Aliases))
		}
	}
}

// planAcks are the acknowledgements of the plan: mapping and of its
// results, these named by the result.
func planAcks(m *plan.Meta) []Ack {
	out := acks("", m.Acks)
	for _, r := range m.Results {
		out = append(out, acks(resultName(r), r.Acks)...)
	}
	return out
}

func acks(of string, as []*plan.Ack) []Ack {
	out := make([]Ack, 0, len(as))
	for _, a := range as {
		out = append(out, Ack{Of: of, Rule: a.Rule.Value, Key: a.Key.Value, Value: opt(a.Value), Reason: a.Reason.Value})
	}
	return out
}

// ackKey identifies an acknowledgement by everything it says.
func ackKey(a Ack) string {
	v := ""
	if a.Value.OK {
		v = a.Value.V.Trim().String()
	}
	return strings.Join([]string{a.Of, a.Rule, a.Key, v, a.Reason}, "\x00")
}

func compareAcks(old, new []Ack) Acks {
	keys := func(as []Ack) []string {
		out := make([]string, len(as))
		for i, a := range as {
			out[i] = ackKey(a)
		}
		return out
	}
	added, removed := listDiff(keys(old), keys(new))
	pick := func(as []Ack, want []string) []Ack {
		var out []Ack
		count := map[string]int{}
		for _, k := range want {
			count[k]++
		}
		for _, a := range as {
			if k := ackKey(a); count[k] > 0 {
				count[k]--
				out = append(out, a)
			}
		}
		return out
	}
	return Acks{Added: pick(new, added), Removed: pick(old, removed)}
}

// columnText writes a column override as the plan file does.
func columnText(c *plan.Column) string {
	parts := []string{"key: " + c.Key.Value}
	if c.Label.Set() {
		parts = append(parts, "label: "+c.Label.Value)
	}
	if c.Hide.Given {
		parts = append(parts, "hide: "+strconv.FormatBool(c.Hide.Value))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func columnTexts(cs []*plan.Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = columnText(c)
	}
	return out
}
