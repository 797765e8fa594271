package review

import (
	"testing"

	"github.com/parplan/parplan/internal/criteria"
)

// TestMappings: every pair names codes of both sets whose official names
// are the same or nearly the same and whose maximum points are equal, one
// to one; and every code that keeps its number, its exact name and its
// maximum is listed, so a bad edit or a forgotten pair fails.
func TestMappings(t *testing.T) {
	all, err := Mappings()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no mappings")
	}
	for _, m := range all {
		from, ok := criteria.Get(m.From)
		if !ok {
			t.Errorf("mapping %s → %s: no set %s", m.From, m.To, m.From)
			continue
		}
		to, ok := criteria.Get(m.To)
		if !ok {
			t.Errorf("mapping %s → %s: no set %s", m.From, m.To, m.To)
			continue
		}
		seen := map[string]string{}
		for a, b := range m.Codes {
			ca, cb := from.Lookup(a), to.Lookup(b)
			if ca == nil || cb == nil {
				t.Errorf("%s → %s: %q → %q: not a code of both sets (%v, %v)", m.From, m.To, a, b, ca != nil, cb != nil)
				continue
			}
			if criteria.CompareNames(ca.Name, cb.Name) == criteria.DifferentName {
				t.Errorf("%s → %s: %s %q and %s %q are not the same criterion by name", m.From, m.To, a, ca.Name, b, cb.Name)
			}
			if ca.HasMax != cb.HasMax || !ca.Max.Equal(cb.Max) {
				t.Errorf("%s → %s: %s (max %s) and %s (max %s) are scored on different scales", m.From, m.To, a, ca.Max, b, cb.Max)
			}
			if other, dup := seen[b]; dup {
				t.Errorf("%s → %s: %s is the counterpart of both %s and %s", m.From, m.To, b, other, a)
			}
			seen[b] = a
		}
		from.Walk(func(c *criteria.Criterion) {
			same := to.Lookup(c.Code)
			if same == nil || criteria.CompareNames(c.Name, same.Name) != criteria.SameName || !c.Max.Equal(same.Max) || !c.HasMax {
				return
			}
			if m.Codes[c.Code] != c.Code {
				t.Errorf("%s → %s: %s keeps its number, name and maximum but is not listed", m.From, m.To, c.Code)
			}
		})
	}
}

func TestFindMapping(t *testing.T) {
	if m := FindMapping("bnv-1149-2020", "bnv-876-2022"); m == nil || m.Codes["1.6"] != "1.7" {
		t.Errorf("1149 → 876: %v", m)
	}
	if m := FindMapping("bnv-876-2022", "bnv-1149-2020"); m != nil {
		t.Errorf("876 → 1149 is not known, got %v", m)
	}
}
