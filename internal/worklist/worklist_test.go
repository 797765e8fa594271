package worklist_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/worklist"
)

func load(t *testing.T, path string) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, ds := plan.Load(path, data)
	if p == nil || len(ds) > 0 {
		t.Fatalf("%s: %v", path, ds)
	}
	return p
}

// TestCoversGapByLead: for every bundled plan, the items an agency leads
// in its worklist are exactly those gap --by lead counts for it, appendix
// by appendix; and every item an agency supports names it in its support.
func TestCoversGapByLead(t *testing.T) {
	files, _ := filepath.Glob("../../plans/*.yaml")
	if len(files) < 5 {
		t.Fatalf("found %d plans", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			p := load(t, f)
			wl := worklist.Build(p, worklist.Options{})
			r, err := gap.Analyze(p, gap.Options{ByLead: true})
			if err != nil {
				t.Fatal(err)
			}
			type key struct{ agency, appendix string }
			want := map[key][]string{}
			counts := map[key]int{}
			for _, a := range r.Appendices {
				for _, l := range a.ByLead {
					k := key{l.Agency, a.ID}
					want[k] = slices.Sorted(slices.Values(l.Codes))
					counts[k] = l.Items
				}
			}
			got := map[key][]string{}
			gotCounts := map[key]int{}
			for _, a := range wl.Agencies {
				for _, it := range a.Items {
					if it.Role != worklist.Lead {
						if slices.Contains(it.Support, a.Name) || slices.Contains(it.Lead, a.Name) {
							t.Errorf("%s %s: the agency is among the others", a.Name, it.Ref)
						}
						continue
					}
					k := key{a.Name, it.Appendix}
					gotCounts[k]++
					if it.Ref != "" {
						got[k] = append(got[k], it.Ref)
					}
				}
			}
			for k := range got {
				slices.Sort(got[k])
			}
			for k, w := range want {
				if !slices.Equal(got[k], w) || gotCounts[k] != counts[k] {
					t.Errorf("%s in %s: worklist leads %d %v, gap --by lead %d %v", k.agency, k.appendix, gotCounts[k], got[k], counts[k], w)
				}
			}
			for k := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("%s in %s: in the worklist, not in gap --by lead", k.agency, k.appendix)
				}
			}
		})
	}
}

// TestSupport: an item's supporting agencies get it with the role
// support, the lead and the other supporters listed, and an agency that
// both leads and supports an item gets it once, as lead.
func TestSupport(t *testing.T) {
	p := load(t, "../../plans/daknong-2024.yaml")
	wl := worklist.Build(p, worklist.Options{})
	cat := agency.New(gap.Entries(p)...)
	a, ok := wl.Find("uy ban nhan dan cap huyen", cat)
	if !ok {
		a, ok = wl.Find("ubnd cap huyen", cat)
	}
	if !ok {
		t.Fatalf("UBND cấp huyện not found among %v", wl.Names())
	}
	seen := map[string]int{}
	for _, it := range a.Items {
		seen[it.Appendix+" "+it.Ref]++
	}
	for k, n := range seen {
		if n > 1 {
			t.Errorf("%s: %d times", k, n)
		}
	}
	// Items are sorted: lead before support, then by due date.
	lastRole := worklist.Lead
	for _, it := range a.Items {
		if it.Role == worklist.Lead && lastRole == worklist.Support {
			t.Errorf("%s: a lead item after a supported one", it.Ref)
		}
		lastRole = it.Role
	}
}

func TestFind(t *testing.T) {
	p := load(t, "../../plans/daknong-2024.yaml")
	wl := worklist.Build(p, worklist.Options{})
	cat := agency.New(gap.Entries(p)...)
	tests := []struct {
		name, query, want string
	}{
		{"folded", "so tu phap", "Sở Tư pháp"},
		{"exact", "Sở Tư pháp", "Sở Tư pháp"},
		{"upper case", "SỞ TƯ PHÁP", "Sở Tư pháp"},
		{"with a title", "Giám đốc Sở Nội vụ", "Sở Nội vụ"},
		{"a part of one name", "tu phap", "Sở Tư pháp"},
		{"unknown", "Sở Ngoại vụ", ""},
		{"a part of several", "so", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := wl.Find(tt.query, cat)
			switch {
			case tt.want == "" && ok:
				t.Errorf("Find(%q) = %s, want none", tt.query, a.Name)
			case tt.want != "" && (!ok || a.Name != tt.want):
				t.Errorf("Find(%q) = %v, %v; want %s", tt.query, a, ok, tt.want)
			}
		})
	}
}
