package importer

import (
	"strings"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// storedLoad is a stored plan being parsed in the background.
type storedLoad struct {
	data []byte
	done chan struct{}
	p    *plan.Plan
}

// loadStored starts parsing the stored plan data.
func loadStored(data []byte) *storedLoad {
	l := &storedLoad{data: data, done: make(chan struct{})}
	go func() {
		defer close(l.done)
		if p, ds := plan.Load("", data); len(ds) == 0 {
			l.p = p
		}
	}()
	return l
}

// of reports whether l parses data (and not what a caller put in
// Document.Stored since).
func (l *storedLoad) of(data []byte) bool {
	return l != nil && len(l.data) == len(data) && len(data) > 0 && &l.data[0] == &data[0]
}

// plan waits for the stored plan: nil when it does not load cleanly.
func (l *storedLoad) plan() *plan.Plan {
	<-l.done
	return l.p
}

// applyStored completes a plan read from a workbook that parplan exported
// with what the workbook's stored plan (its very hidden sheet) says and the
// printed tables cannot: acknowledgements, results, survey flags and
// units, the columns a layout hides, a name printed in capitals, a code the
// export numbered, a parent score the export summed. Everything the tables
// show comes from the tables: a cell edited in Excel wins, a row added
// there has no stored counterpart, a row deleted there stays deleted.
func applyStored(res *Result, stored *plan.Plan) {
	p := res.Plan
	m, s := &p.Meta, &stored.Meta
	keep := func(dst *plan.Text, src plan.Text) {
		if src.Value != "" && (dst.Value == "" || strings.EqualFold(dst.Value, src.Value)) {
			*dst = text(src.Value)
		}
	}
	keep(&m.Title, s.Title)
	keep(&m.Document, s.Document)
	keep(&m.Issuer, s.Issuer)
	keep(&m.Number, s.Number)
	keep(&m.Date, s.Date)
	if s.ID.Value != "" && !res.idFromFile {
		m.ID = text(s.ID.Value)
	}
	m.Source, m.Signer, m.CriteriaSet = text(s.Source.Value), text(s.Signer.Value), text(s.CriteriaSet.Value)
	if !m.Year.Given {
		m.Year = s.Year
	}
	if !m.BaselineYear.Given {
		m.BaselineYear = s.BaselineYear
	}
	m.Results, m.Agencies, m.Acks = s.Results, s.Agencies, s.Acks
	res.Top = []msg.Message{msg.New("import.stored")}
	for i, a := range p.Appendices {
		st := storedAppendix(stored, a, i)
		if st == nil {
			continue
		}
		sum := res.Tables[i]
		a.ID = text(st.ID.Value)
		keep(&a.Label, st.Label)
		keep(&a.Title, st.Title)
		keep(&a.Subtitle, st.Subtitle)
		keep(&a.Note, st.Note)
		if a.Layout.Value == st.Layout.Value {
			a.Columns = st.Columns
		}
		a.Acks = st.Acks
		// The stored styles stand where the table's lists agree with
		// them (setListStyles); a non-nil style keeps the table's from
		// replacing them.
		a.ListStyle = cloneListStyle(st.ListStyle)
		if a.ListStyle == nil {
			a.ListStyle = &plan.ListStyle{}
		}
		if a.Total != nil && st.Total == nil && sameAsSums(a.Total, st) {
			a.Total = nil
		}
		matchItems(a, st, sum.Fields, res)
	}
}

// storedAppendix is the stored appendix a table came from: the one at the
// same place when it has the table's layout, else the one with the same
// label.
func storedAppendix(stored *plan.Plan, a *plan.Appendix, i int) *plan.Appendix {
	if i < len(stored.Appendices) && stored.Appendices[i].Layout.Value == a.Layout.Value {
		return stored.Appendices[i]
	}
	for _, st := range stored.Appendices {
		if st.Label.Value != "" && strings.EqualFold(st.Label.Value, a.Label.Value) {
			return st
		}
	}
	return nil
}

// sameAsSums reports whether a total row shows what the appendix's
// top-level items add up to (what export prints when the plan states no
// total).
func sameAsSums(t *plan.Scores, st *plan.Appendix) bool {
	for _, k := range plan.ScoreKeys {
		n, sum := t.Get(k), st.TopSum(k)
		if n.Given != sum.OK || n.Given && !n.Value.Equal(sum.V) {
			return false
		}
	}
	return true
}

// matchItems pairs the table's items with the stored ones, in order, by
// their names (a name edited in Excel leaves its row unpaired), and
// completes each pair.
func matchItems(a, st *plan.Appendix, shown map[string]bool, res *Result) {
	var got, want []*plan.Item
	a.Walk(func(it *plan.Item) { got = append(got, it) })
	st.Walk(func(it *plan.Item) { want = append(want, it) })
	j := 0
	for _, it := range got {
		for k := j; k < len(want) && k < j+50; k++ {
			if it.Depth == want[k].Depth && fold(it.Name.Value) == fold(want[k].Name.Value) {
				complete(it, want[k], shown)
				delete(res.Items, it)
				j = k + 1
				break
			}
		}
	}
}

// complete fills in an item from its stored counterpart.
func complete(it, st *plan.Item, shown map[string]bool) {
	if strings.EqualFold(it.Name.Value, st.Name.Value) {
		it.Name = text(st.Name.Value)
	}
	if st.Code.Value == "" {
		it.Code = text("")
	}
	if it.Criterion.Value == "" {
		it.Criterion = text(st.Criterion.Value)
	}
	for _, k := range plan.ScoreKeys {
		n, sn := it.Scores.Get(k), st.Scores.Get(k)
		switch {
		case !shown[k.String()]:
			setScore(&it.Scores, k, plan.Number{Value: sn.Value, Given: sn.Given})
		case n.Given && !sn.Given && st.Sums.Effective[k].OK && n.Value.Equal(st.Sums.Effective[k].V):
			// The export printed the sum of the children.
			setScore(&it.Scores, k, plan.Number{})
		}
	}
	if !it.Unit.Set() && it.Unit.Value == "" {
		it.Unit = text(st.Unit.Value)
	}
	it.Survey, it.Acks = st.Survey, st.Acks
	it.ListStyle = cloneListStyle(st.ListStyle)
	hidden := func(f string) bool { return !shown[f] }
	if hidden(layout.FieldTasks) {
		it.Tasks = st.Tasks
	}
	if hidden(layout.FieldProducts) {
		it.Products = st.Products
	}
	if hidden(layout.FieldLead) {
		it.Lead = st.Lead
	}
	if hidden(layout.FieldSupport) {
		it.Support = st.Support
	}
	if hidden(layout.FieldDeadline) {
		it.Deadline = text(st.Deadline.Value)
	}
	if hidden(layout.FieldNote) || it.Note.Value == "" {
		it.Note = text(st.Note.Value)
	}
	if hidden(layout.FieldTargetText) {
		it.TargetText = text(st.TargetText.Value)
	}
	if hidden(layout.FieldGroup) {
		it.Group = text(st.Group.Value)
	}
}

func setScore(s *plan.Scores, k plan.ScoreKey, n plan.Number) {
	switch k {
	case plan.Max:
		s.Max = n
	case plan.Achieved:
		s.Achieved = n
	default:
		s.Target = n
	}
}

func cloneListStyle(s *plan.ListStyle) *plan.ListStyle {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}
