package scaffold

import (
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/validate"
)

// TestScaffoldValidates: a new plan from each built-in set validates
// with no errors or warnings, lists every criterion with its official
// max, and gap runs on it.
func TestScaffoldValidates(t *testing.T) {
	sets, err := criteria.Sets()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		t.Run(set.ID, func(t *testing.T) {
			year := set.FromYear + 1
			data, err := Plan(Options{Set: set, Issuer: "UBND tỉnh Đắk Nông", Year: year})
			if err != nil {
				t.Fatal(err)
			}
			p, ds := validate.File("new.yaml", data, validate.Options{})
			for _, d := range ds {
				if d.Severity != diag.Note {
					t.Errorf("%s", d)
				}
			}
			if p == nil {
				t.Fatal("the scaffold does not load")
			}
			if p.Meta.ID.Value != "daknong-"+itoa(year) || p.Meta.BaselineYear.Value != year-1 {
				t.Errorf("id %s, baseline %d", p.Meta.ID.Value, p.Meta.BaselineYear.Value)
			}
			count := 0
			p.Appendices[0].Walk(func(it *planItem) {
				count++
				c := set.Lookup(it.Code.Value)
				if c == nil || c.Name != it.Name.Value || (c.HasMax && !c.Max.Equal(it.Scores.Max.Value)) {
					t.Errorf("item %s does not match the set", it.Code.Value)
				}
			})
			total := 0
			set.Walk(func(*criteria.Criterion) { total++ })
			if count != total {
				t.Errorf("%d items, the set has %d", count, total)
			}
			r, err := gap.Analyze(p, gap.Options{})
			if err != nil || r.Appendices[0].Total == nil || !r.Appendices[0].Total.Max.V.Equal(set.Max) {
				t.Errorf("gap: %v", err)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		issuer string
		want   string
	}{
		{issuer: "UBND tỉnh Đắk Nông", want: "daknong-2025"},
		{issuer: "Ủy ban nhân dân tỉnh Hà Giang", want: "hagiang-2025"},
		{issuer: "UBND thành phố Hồ Chí Minh", want: "hochiminh-2025"},
		{issuer: "Sở Kế hoạch và Đầu tư", want: "sokehoachvadautu-2025"},
		{issuer: "", want: "plan-2025"},
	}
	for _, tt := range tests {
		if got := Slug(tt.issuer, 2025); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.issuer, got, tt.want)
		}
	}
}

func TestQuoting(t *testing.T) {
	set, _ := criteria.Get("bnv-876-2022")
	data, _ := Plan(Options{Set: set, Issuer: "UBND tỉnh: thử", Year: 2025, Title: "- bắt đầu bằng gạch"})
	if !strings.Contains(string(data), `issuer: 'UBND tỉnh: thử'`) && !strings.Contains(string(data), `issuer: "UBND tỉnh: thử"`) {
		t.Errorf("issuer with a colon is not quoted:\n%s", string(data)[:400])
	}
	if _, ds := validate.File("x.yaml", data, validate.Options{}); diag.Count(ds).Errors > 0 {
		t.Error(ds)
	}
}
