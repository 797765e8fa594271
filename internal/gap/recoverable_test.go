package gap

import (
	"slices"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
)

// TestRecoverable: on the two plans that name a criteria set, the
// ranking takes each criterion's assessment from the set, never counts a
// survey-scored criterion in the province's own share, keeps the kinds in
// RecoverOrder and, within a kind, the most lost first, and splits each
// field's lost points so that the parts add up.
func TestRecoverable(t *testing.T) {
	tests := []struct {
		name, file, set string
		rows            int
		first, last     string
		kinds           string
		own, lost       string
		ownPercent      string
		givesUp         []string
	}{
		{name: "daknong-2024", file: "plans/daknong-2024.yaml", set: "bnv-876-2022", rows: 35,
			first: "6.3.4", last: "8.3.2", kinds: "self survey sipas socioeconomic",
			own: "4.6455", lost: "14.5855", ownPercent: "31.85",
			givesUp: []string{"5.4", "7.1.2", "5.6", "1.7", "8.4"}},
		{name: "hagiang-2021", file: "plans/hagiang-2021.yaml", set: "bnv-1149-2020", rows: 25,
			first: "4.1.2", last: "8.6", kinds: "self socioeconomic",
			own: "6.88", lost: "10.88", ownPercent: "63.24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := load(t, tt.file)
			r := analyze(t, p, Options{Recoverable: true})
			a := r.Appendices[0]
			rc := a.Recoverable
			if rc == nil || rc.Set != tt.set {
				t.Fatalf("recoverable %+v, want set %s", rc, tt.set)
			}
			if len(rc.Rows) != tt.rows || rc.Rows[0].Ref != tt.first || rc.Rows[len(rc.Rows)-1].Ref != tt.last {
				t.Errorf("%d rows from %s to %s, want %d from %s to %s", len(rc.Rows), rc.Rows[0].Ref, rc.Rows[len(rc.Rows)-1].Ref, tt.rows, tt.first, tt.last)
			}
			set, _ := criteria.Get(tt.set)
			var kinds []string
			var givesUp []string
			for i, row := range rc.Rows {
				if row.Rank != i+1 || !row.Leaf || !row.Lost.OK || row.Lost.V.Sign() <= 0 {
					t.Errorf("row %d (%s): rank %d, leaf %v, lost %s", i, row.Ref, row.Rank, row.Leaf, str(row.Lost))
				}
				if c := set.Lookup(row.Ref); c == nil || c.Assessment != row.Assessment || row.Source != FromSet {
					t.Errorf("%s: assessment %s from %s, the set says %+v", row.Ref, row.Assessment, row.Source, c)
				}
				if row.Survey && row.Assessment == criteria.Self {
					t.Errorf("%s is marked survey but ranked self-assessed", row.Ref)
				}
				if len(kinds) == 0 || kinds[len(kinds)-1] != row.Assessment {
					kinds = append(kinds, row.Assessment)
				}
				if i > 0 {
					prev := rc.Rows[i-1]
					pi, ri := slices.Index(RecoverOrder, prev.Assessment), slices.Index(RecoverOrder, row.Assessment)
					if pi > ri || pi == ri && (prev.Lost.V.Cmp(row.Lost.V) < 0 || prev.Lost.V.Equal(row.Lost.V) && compareCodes(prev.Ref, row.Ref) > 0) {
						t.Errorf("%s (%s %s) before %s (%s %s)", prev.Ref, prev.Assessment, prev.Lost.V, row.Ref, row.Assessment, row.Lost.V)
					}
				}
				if row.GivesUp {
					givesUp = append(givesUp, row.Ref)
				}
				if row.GivesUp && row.NoTarget {
					t.Errorf("%s: gives up and has no target", row.Ref)
				}
			}
			if got := strings.Join(kinds, " "); got != tt.kinds {
				t.Errorf("kinds in order %q, want %q", got, tt.kinds)
			}
			if !slices.Equal(givesUp, tt.givesUp) {
				t.Errorf("gives up on %v, want %v", givesUp, tt.givesUp)
			}
			// The per-field split adds up to each field's lost points, and
			// to the field's own lost figure where no stated score differs
			// from its parts.
			var fieldsLost decimal.Dec
			for _, f := range rc.Fields {
				var sum decimal.Dec
				for _, v := range f.ByAssessment {
					sum = sum.Add(v)
				}
				if !sum.Equal(f.Lost) || !f.Own.Equal(f.ByAssessment[criteria.Self]) {
					t.Errorf("field %s: parts %v add up to %s, lost %s, own %s", f.Code, f.ByAssessment, sum, f.Lost, f.Own)
				}
				var own decimal.Dec
				for _, row := range rc.Rows {
					if row.Field == f.Code && row.Assessment == criteria.Self {
						own = own.Add(row.Lost.V)
					}
				}
				if !own.Equal(f.Own) {
					t.Errorf("field %s: own %s, but its self-assessed rows lost %s", f.Code, f.Own, own)
				}
				if !discrepant(a, f.Code) {
					for _, row := range a.Rows {
						if row.Depth == 0 && row.Ref == f.Code && !row.Lost.V.Equal(f.Lost) {
							t.Errorf("field %s lost %s, its parts %s", f.Code, row.Lost.V, f.Lost)
						}
					}
				}
				fieldsLost = fieldsLost.Add(f.Lost)
			}
			if tot := rc.Total; !fieldsLost.Equal(tot.Lost) || tot.Own.String() != tt.own || tot.Lost.String() != tt.lost || str(tot.OwnPercent) != tt.ownPercent {
				t.Errorf("total own %s of %s (%s%%), fields %s; want %s of %s (%s%%)", tot.Own, tot.Lost, str(tot.OwnPercent), fieldsLost, tt.own, tt.lost, tt.ownPercent)
			}
			// Survey points are never the province's own.
			if tot := rc.Total; !tot.Own.Add(tot.ByAssessment[criteria.Survey]).Add(tot.ByAssessment[criteria.SIPAS]).
				Add(tot.ByAssessment[criteria.Socioeconomic]).Add(tot.ByAssessment[criteria.Ministry]).Add(tot.Unknown()).Equal(tot.Lost) {
				t.Errorf("total split %v does not add up to %s", tot.ByAssessment, tot.Lost)
			}
		})
	}
}

// discrepant reports whether a stated score in the field differs from
// the sum of its parts.
func discrepant(a *Appendix, field string) bool {
	for _, d := range a.Discrepancies {
		if d.Item == nil {
			continue
		}
		if c := d.Item.Code.Value; c == field || strings.HasPrefix(c, field+".") {
			return true
		}
	}
	return false
}

// TestRecoverableFlags: on constructed plans, the gives-up flag (target no
// higher than achieved) apart from "no target"; without a criteria set the
// survey flag gives the kind and everything else is unknown, never
// self-assessed; a set's assessment wins over the item's flag.
func TestRecoverableFlags(t *testing.T) {
	const head = "plan:\n  id: x-2024\n  title: X\n  year: 2024\n%s" +
		"appendices:\n  - id: a\n    layout: scored\n    items:\n" +
		"      - code: \"2\"\n        name: CẢI CÁCH THỂ CHẾ\n        items:\n"
	item := func(code, name, max, achieved, target string, survey bool) string {
		s := "          - code: \"" + code + "\"\n            name: " + name + "\n            max: " + max + "\n            achieved: " + achieved + "\n"
		if target != "" {
			s += "            target: " + target + "\n"
		}
		if survey {
			s += "            survey: true\n"
		}
		return s
	}
	items := item("2.1", "A", "2", "1", "1", false) + // gives up: target = achieved
		item("2.2", "B", "2", "1.5", "1.2", false) + // gives up: target below achieved
		item("2.3", "C", "2", "1", "", false) + // no target
		item("2.4", "Chất lượng VBQPPL do tỉnh ban hành", "4", "3", "3.5", true) + // survey
		item("2.5", "E", "1", "1", "1", false) // lost nothing: not a row
	tests := []struct {
		name, meta string
		// want is ref:kind:source:flags per row, in order: by kind, then
		// the most lost (2.1 and 2.3 lose 1 point, 2.2 half a point), then
		// by code.
		want []string
	}{
		{name: "no set", meta: "",
			want: []string{"2.4:survey:survey_flag:", "2.1:unknown:none:gives-up", "2.3:unknown:none:no-target", "2.2:unknown:none:gives-up"}},
		{name: "set", meta: "  criteria_set: bnv-876-2022\n",
			want: []string{"2.1:self:set:gives-up", "2.3:self:set:no-target", "2.2:self:set:gives-up", "2.4:survey:set:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(strings.Replace(head, "%s", tt.meta, 1) + items)
			p, ds := plan.Load("x.yaml", data)
			if p == nil {
				t.Fatal(ds)
			}
			r := analyze(t, p, Options{Recoverable: true})
			rc := r.Appendices[0].Recoverable
			var got []string
			for _, row := range rc.Rows {
				flags := ""
				switch {
				case row.GivesUp:
					flags = "gives-up"
				case row.NoTarget:
					flags = "no-target"
				}
				got = append(got, row.Ref+":"+row.Assessment+":"+row.Source+":"+flags)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows\n got %v\nwant %v", got, tt.want)
			}
			f := rc.Fields[0]
			if tt.meta == "" && (f.Own.Sign() != 0 || f.Unknown().String() != "2.5" || f.Lost.String() != "3.5" || str(f.OwnPercent) != "0") {
				t.Errorf("without a set: own %s, unknown %s of %s (%s%%)", f.Own, f.Unknown(), f.Lost, str(f.OwnPercent))
			}
			if tt.meta != "" && (f.Own.String() != "2.5" || str(f.OwnPercent) != "71.43") {
				t.Errorf("with the set: own %s of %s (%s%%)", f.Own, f.Lost, str(f.OwnPercent))
			}
		})
	}
}

// TestRecoverableTop: --top cuts the ranking, not the per-field split;
// without Recoverable there is no ranking.
func TestRecoverableTop(t *testing.T) {
	p := load(t, "plans/daknong-2024.yaml")
	r := analyze(t, p, Options{Recoverable: true, Top: 3})
	rc := r.Appendices[0].Recoverable
	if len(rc.Rows) != 3 || rc.Total.Lost.String() != "14.5855" || len(r.Appendices[0].Rows) < 100 {
		t.Errorf("%d ranked rows, total %s, %d rows", len(rc.Rows), rc.Total.Lost, len(r.Appendices[0].Rows))
	}
	if r.Appendices[1].Recoverable != nil {
		t.Error("an appendix without scores has no ranking")
	}
	if analyze(t, p, Options{}).Appendices[0].Recoverable != nil {
		t.Error("a ranking nobody asked for")
	}
}

func TestCompareCodes(t *testing.T) {
	codes := []string{"2.10", "2.9", "10", "2", "2.9.1", "III.1", "1"}
	slices.SortFunc(codes, compareCodes)
	if got := strings.Join(codes, " "); got != "1 2 2.9 2.9.1 2.10 10 III.1" {
		t.Errorf("sorted %s", got)
	}
}
