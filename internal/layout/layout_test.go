package layout_test

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/layout"
	"github.com/parplan/parplan/internal/plan"
)

// TestLayoutsWellFormed checks every embedded layout (the package would
// not load otherwise, but a message is better than a panic) and the keys
// the exporter relies on.
func TestLayoutsWellFormed(t *testing.T) {
	if len(layout.All()) == 0 {
		t.Fatal("no layouts")
	}
	for _, l := range layout.All() {
		t.Run(l.ID, func(t *testing.T) {
			if err := l.Check(); err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, c := range l.Columns {
				keys = append(keys, c.Key)
			}
			for _, want := range []string{"code", "name"} {
				if !slices.Contains(keys, want) {
					t.Errorf("no %q column: every table has a number and a name", want)
				}
			}
			if layout.Get(l.ID) != l {
				t.Errorf("Get(%q) does not return the layout", l.ID)
			}
		})
	}
}

// TestEveryLayoutUsed: a layout that no bundled plan uses is a layout
// nobody has looked at printed; each must reproduce a source document.
func TestEveryLayoutUsed(t *testing.T) {
	files, err := filepath.Glob("../../plans/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	used := map[string][]string{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, ds := plan.Load(file, data)
		if p == nil {
			t.Fatalf("%s: %v", file, ds)
		}
		for _, a := range p.Appendices {
			used[a.Layout.Value] = append(used[a.Layout.Value], filepath.Base(file)+"#"+a.ID.Value)
		}
	}
	for _, id := range layout.Names() {
		if len(used[id]) == 0 {
			t.Errorf("layout %q is used by no plan in plans/", id)
		}
	}
}

func TestParseRejects(t *testing.T) {
	const good = `- id: x
  description: d
  orientation: landscape
  font_size: 12
  column_numbers: none
  numbering: [hierarchical]
  columns:
    - {key: code, label: STT, width: 6}
    - {key: name, label: Tên, width: 30}
`
	if _, err := layout.Parse([]byte(good)); err != nil {
		t.Fatalf("the base case must parse: %v", err)
	}
	sub := func(old, new string) func(string) string {
		return func(s string) string { return strings.Replace(s, old, new, 1) }
	}
	tests := []struct {
		name   string
		mutate func(string) string
		want   string
	}{
		{name: "unknown key", mutate: sub("font_size: 12", "font_size: 12\n  colour: red"), want: "colour"},
		{name: "orientation", mutate: sub("landscape", "sideways"), want: "orientation"},
		{name: "numbers", mutate: sub("column_numbers: none", "column_numbers: arabic"), want: "column_numbers"},
		{name: "numbering", mutate: sub("[hierarchical]", "[greek]"), want: "numbering style"},
		{name: "field", mutate: sub("key: name,", "key: name, field: title,"), want: `field "title"`},
		{name: "duplicate key", mutate: sub("key: name,", "key: code,"), want: "appears twice"},
		{name: "width", mutate: sub("width: 30", "width: 0"), want: "width"},
		{name: "placeholder", mutate: sub("label: Tên", `label: "Năm {yaer}"`), want: "{yaer}"},
		{name: "all hidden", mutate: func(s string) string { return strings.ReplaceAll(s, "}\n", ", hide: true}\n") }, want: "hidden"},
		{name: "note needs total", mutate: sub("numbering:", "note: \"{increase}\"\n  numbering:"), want: "total_label"},
		{name: "split group", mutate: sub("width: 30}", "width: 30, group: G}\n    - {key: lead, label: L, width: 9}\n    - {key: support, label: S, width: 9, group: G}"), want: "not next to each other"},
		{name: "duplicate id", mutate: func(s string) string { return s + s }, want: "declared twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.mutate(good)
			_, err := layout.Parse([]byte(src))
			if err == nil {
				t.Fatalf("no error for\n%s", src)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	l := layout.Get("scored")
	tests := []struct {
		name      string
		overrides []layout.Override
		wantKeys  string
		wantLabel map[string]string
		wantErr   string
		wantIndex int
	}{
		{name: "defaults", wantKeys: "code name max achieved target tasks lead support note"},
		{
			name:      "relabel and hide",
			overrides: []layout.Override{{Key: "name", Label: "NỘI DUNG", LabelSet: true}, {Key: "note", Hide: true, HideSet: true}},
			wantKeys:  "code name max achieved target tasks lead support",
			wantLabel: map[string]string{"name": "NỘI DUNG"},
		},
		{name: "unknown key", overrides: []layout.Override{{Key: "note"}, {Key: "remarks"}}, wantErr: `unknown column "remarks"`, wantIndex: 1},
		{name: "empty label", overrides: []layout.Override{{Key: "name", LabelSet: true}}, wantErr: "label is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cols, err := l.Resolve(tt.overrides)
			if tt.wantErr != "" {
				var oe *layout.OverrideError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if !asOverride(err, &oe) || oe.Index != tt.wantIndex {
					t.Errorf("error %#v does not point at override %d", err, tt.wantIndex)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, c := range cols {
				keys = append(keys, c.Key)
				if want, ok := tt.wantLabel[c.Key]; ok && c.Label != want {
					t.Errorf("label of %s = %q, want %q", c.Key, c.Label, want)
				}
			}
			if got := strings.Join(keys, " "); got != tt.wantKeys {
				t.Errorf("columns %q, want %q", got, tt.wantKeys)
			}
		})
	}
	// A hidden column of a layout is shown by an override.
	cols, err := layout.Get("targets").Resolve([]layout.Override{{Key: "tasks", HideSet: true}})
	if err != nil || !slices.ContainsFunc(cols, func(c layout.Column) bool { return c.Key == "tasks" }) {
		t.Errorf("hide: false does not show the tasks column: %v", err)
	}
}

func asOverride(err error, target **layout.OverrideError) bool {
	oe, ok := err.(*layout.OverrideError)
	if ok {
		*target = oe
	}
	return ok
}

func TestExpandPrefixStyle(t *testing.T) {
	v := map[string]string{"year": "2024", "baseline_year": "2023"}
	if got := layout.Expand("Điểm đạt được năm {baseline_year}, mục tiêu {year}, {other}", v); got != "Điểm đạt được năm 2023, mục tiêu 2024, {other}" {
		t.Errorf("Expand = %q", got)
	}
	targets := layout.Get("targets")
	for criterion, want := range map[string]string{"1.1": "TC 1.1 - ", "1.3.1": "TCTP 1.3.1 - ", "": "", "8": ""} {
		if got := targets.Prefix(criterion); got != want {
			t.Errorf("Prefix(%q) = %q, want %q", criterion, got, want)
		}
	}
	tasks := layout.Get("tasks")
	if got := []string{tasks.NumberingAt(0), tasks.NumberingAt(1), tasks.NumberingAt(2), tasks.NumberingAt(7)}; !slices.Equal(got, []string{"letter", "roman", "running", "running"}) {
		t.Errorf("numbering of tasks = %v", got)
	}
	scored := layout.Get("scored")
	if s := scored.StyleFor(0, true); !s.Bold || !s.Upper {
		t.Errorf("a field row is not bold upper case: %+v", s)
	}
	if s := scored.StyleFor(1, true); !s.Bold || s.Upper {
		t.Errorf("a criterion with sub-criteria is not bold: %+v", s)
	}
	if s := scored.StyleFor(2, false); s.Bold || s.Upper {
		t.Errorf("a leaf row is styled: %+v", s)
	}
}

// TestNames: the ids read off the lines of layouts.yaml are the parsed
// layouts' ids.
func TestNames(t *testing.T) {
	var want []string
	for _, l := range layout.All() {
		want = append(want, l.ID)
	}
	sort.Strings(want)
	if got := layout.Names(); !slices.Equal(got, want) || len(got) < 5 {
		t.Errorf("Names() = %q, the parsed layouts are %q", got, want)
	}
}
