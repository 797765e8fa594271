package render

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/diff"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// diffOf compares testdata/diff/v1.yaml with v2.yaml.
func diffOf(t *testing.T) *diff.Result {
	t.Helper()
	var ps []*plan.Plan
	for _, f := range []string{"../../testdata/diff/v1.yaml", "../../testdata/diff/v2.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, ds := plan.Load(f, data)
		if p == nil || len(ds) > 0 {
			t.Fatalf("%s: %v", f, ds)
		}
		ps = append(ps, p)
	}
	return diff.Compare(ps[0], ps[1])
}

func printDiff(t *testing.T, format string, opts DiffOptions, r *diff.Result) string {
	t.Helper()
	p, err := NewDiff(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.Print(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDiffKeysInCatalogue: every key a change may name, every score key
// and every boolean has its words in both languages.
func TestDiffKeysInCatalogue(t *testing.T) {
	ids := []string{"diff.bool.true", "diff.bool.false"}
	for _, k := range DiffKeys {
		ids = append(ids, DiffKeyID(k))
	}
	for _, k := range plan.ScoreKeys {
		ids = append(ids, diffScoreKey(k))
	}
	for _, id := range ids {
		for _, l := range msg.Langs {
			if !msg.Has(l, id) {
				t.Errorf("%s is not in the %s catalogue", id, l)
			}
		}
	}
}

// TestDiffFormats: the formats the flag lists, and an error naming them
// for another.
func TestDiffFormats(t *testing.T) {
	for _, f := range DiffFormats {
		if _, err := NewDiff(f, DiffOptions{}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := NewDiff("xml", DiffOptions{}); err == nil || !strings.Contains(err.Error(), "text, markdown, json") {
		t.Errorf("xml: %v", err)
	}
}

var diffANSI = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestDiffTextColor: marks in color only when asked; the same text
// without the escapes.
func TestDiffTextColor(t *testing.T) {
	r := diffOf(t)
	plain := printDiff(t, "text", DiffOptions{P: msg.For(msg.EN)}, r)
	color := printDiff(t, "text", DiffOptions{Color: true, P: msg.For(msg.EN)}, r)
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("escapes without color:\n%s", plain)
	}
	for _, want := range []string{"\x1b[32m+ 2.2 added", "\x1b[33m~ 1.2 renamed", "\x1b[1mPlan:\x1b[0m"} {
		if !strings.Contains(color, want) {
			t.Errorf("no %q in\n%s", want, color)
		}
	}
	if got := diffANSI.ReplaceAllString(color, ""); got != plain {
		t.Errorf("colored text differs from plain:\n%s\n---\n%s", got, plain)
	}
}

// TestDiffJSONShape: the keys of every object, whatever changed, as the
// README documents them.
func TestDiffJSONShape(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(printDiff(t, "json", DiffOptions{}, diffOf(t))), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var out []string
		for k := range v.(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	check := func(what string, v any, want ...string) {
		t.Helper()
		sort.Strings(want)
		if got := keys(v); !slices.Equal(got, want) {
			t.Errorf("%s: keys %v, want %v", what, got, want)
		}
	}
	check("document", doc, "version", "old", "new", "equal", "changes", "plan", "acknowledgements", "appendices")
	check("plan change", doc["plan"].([]any)[0], "key", "old", "new")
	a := doc["appendices"].([]any)[0]
	check("appendix", a, "id", "label", "title", "status", "items", "changes", "total", "acknowledgements", "fields")
	check("total", a.(map[string]any)["total"], "max", "achieved", "target")
	check("score", a.(map[string]any)["total"].(map[string]any)["target"], "old", "new", "delta")
	f := a.(map[string]any)["fields"].([]any)[0]
	check("field", f, "ref", "name", "scores", "items")
	it := f.(map[string]any)["items"].([]any)[0]
	check("item", it, "ref", "code", "name", "status", "renamed", "moved", "scores", "changes", "acknowledgements")
	check("list change", it.(map[string]any)["changes"].([]any)[0], "key", "added", "removed")
	if doc["version"] != float64(DiffJSONVersion) {
		t.Errorf("version %v", doc["version"])
	}
}
