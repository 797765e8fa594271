package plan_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/plantest"
)

// yamlV3 decodes data as the loader did before fastParse: one document
// into a node. It reports a second document as an error.
func yamlV3(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml.v3 panicked: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("second decode: %v", err)
	}
	return &n, nil
}

// sameNode compares the fields of two trees the loader may read: all
// but the comments.
func sameNode(got, want *yaml.Node, path string) error {
	switch {
	case got == nil && want == nil:
		return nil
	case got == nil || want == nil:
		return fmt.Errorf("%s: got %v, want %v", path, got, want)
	}
	type fields struct {
		Kind          yaml.Kind
		Style         yaml.Style
		Tag, Value    string
		Anchor        string
		Alias         bool
		Line, Column  int
		Content, Nils bool
	}
	f := func(n *yaml.Node) fields {
		return fields{n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Alias != nil, n.Line, n.Column, len(n.Content) > 0, n.Content == nil}
	}
	if g, w := f(got), f(want); g != w {
		return fmt.Errorf("%s: got %+v, want %+v", path, g, w)
	}
	if len(got.Content) != len(want.Content) {
		return fmt.Errorf("%s: %d children, want %d", path, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if err := sameNode(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast fails t if fastParse is sure of data but differs from
// yaml.v3; it returns whether fastParse was sure.
func checkFast(t *testing.T, name string, data []byte) bool {
	t.Helper()
	got, ok := plan.FastParse(data)
	if !ok {
		return false
	}
	want, err := yamlV3(data)
	if err != nil {
		t.Fatalf("%s: fastParse is sure, yaml.v3 says %v\n%q", name, err, head(data))
	}
	if err := sameNode(got, want, name); err != nil {
		t.Fatalf("%s\n%q", err, head(data))
	}
	// The loader's parse, its entries let go and parsed again, gives
	// the same tree.
	deferred, ok := plan.FastParseDeferred(data)
	if !ok {
		t.Fatalf("%s: fastParse is sure, not with entries deferred\n%q", name, head(data))
	}
	if err := sameNode(deferred, want, name+" (deferred)"); err != nil {
		t.Fatalf("%s\n%q", err, head(data))
	}
	return true
}

// head is the start of data, for a message.
func head(data []byte) []byte {
	return data[:min(len(data), 400)]
}

// repoYAML is every YAML file of the repository, by path.
func repoYAML(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir("../..", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == ".git" || e.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if ext := filepath.Ext(path); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = data
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func generated() map[string][]byte {
	return map[string][]byte{
		"BigYAML(480)":          plantest.BigYAML(480),
		"FlatYAML(2000, 200KB)": plantest.FlatYAML(2000, 200<<10),
		"NestedYAML(4, 5, 6)":   plantest.NestedYAML(4, 5, 6),
	}
}

func TestFastYAMLRepository(t *testing.T) {
	sure := 0
	files := repoYAML(t)
	for name, data := range files {
		if checkFast(t, name, data) {
			sure++
		}
	}
	for name, data := range generated() {
		checkFast(t, name, data)
	}
	t.Logf("fastParse read %d of %d YAML files", sure, len(files))
}

// The bundled plans and the generators are what validate reads most:
// they must not fall back to yaml.v3.
func TestFastYAMLTakesPlans(t *testing.T) {
	plans, err := filepath.Glob("../../plans/*.yaml")
	if err != nil || len(plans) == 0 {
		t.Fatal(plans, err)
	}
	inputs := generated()
	for _, f := range plans {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = data
	}
	for name, data := range inputs {
		if !checkFast(t, name, data) {
			t.Errorf("%s: fastParse is not sure", name)
		}
	}
}

// fastCases are inputs at the edges of the subset: each is either read
// exactly like yaml.v3 or left to it.
var fastCases = []struct {
	name string
	in   string
	sure bool // fastParse must read it
}{
	{"mapping", "a: 1\nb: x\n", true},
	{"no final newline", "a: 1\nb: x", true},
	{"comments", "# head\na: 1 # line\n  # indented\n# foot\nb: 2\n", true},
	{"empty values", "a:\nb:   # c\nc:", true},
	{"nested", "a:\n  b:\n    c: d\n  e: f\ng: h\n", true},
	{"list", "a:\n  - x\n  - y\n", true},
	{"indentless list", "a:\n- x\n- y\nb: 1\n", true},
	{"compact mappings", "- a: 1\n  b: 2\n- c: 3\n", true},
	{"compact mapping with list", "- a:\n  - x\n  b: 2\n", true},
	{"empty entries", "-\n- # c\n-   \n- x\n", true},
	{"entry with nested list", "-\n  - a\n  - b\n", true},
	{"tags", "a: 1\nb: 1.5\nc: true\nd: ~\ne: 2024-06-30\nf: 0x1F\ng: 1_000\nh: .inf\ni: -.5\nj: 1e5\nk: 0o17\nl: 0b101\nm: yes\nn: 1e999\no: +1\np: 0777\nq: 2024-6-3\nr: 1/KH\ns: '1'\n", true},
	{"numbers as keys", "1: a\n1.5: b\ntrue: c\n", true},
	{"quoted", `a: "x \"y\" \\ \n \t \u00e9 \x41 \U0001F600 \_ \N \L \P \0 \e \ "` + "\nb: 'it''s'\n'c d': \"e\"\n", true},
	{"quoted keys", "\"a\": 1\n'b': 2\n", true},
	{"spaces in plain", "a: x  y   # c\nb: x:y\nc: a#b\nd: a -b\n", true},
	{"key spaces", "a  : 1\n", true},
	{"flow", "a: {b: 1, c: [x, y z, \"q\"], d: {}}\ne: []\nf: [a, [b, c]]\n", true},
	{"flow spaces", "a: {  b: 1 ,c: 2  }  # c\n", true},
	{"flow negative", "a: [-1, -x]\n", true},
	{"literal", "a: |\n  x\n   y\n\n  z\n\nb: 1\n", true},
	{"literal strip", "a: |-\n  x\n\n", true},
	{"literal keep", "a: |+\n  x\n\n\nb: 1\n", true},
	{"folded", "a: >\n  x\n  y\n\n  z\n   w\n  v\nb: 1\n", true},
	{"folded strip", "a: >-\n  x\n  y\n", true},
	{"block indicator", "a: |2\n   x\n  y\n", true},
	{"block indicator chomp", "a: >-1\n  x\n", true},
	{"block in list", "- |\n  x\n- >\n  y\n", true},
	{"block in compact", "- a: |\n    x\n  b: 1\n", true},
	{"block empty", "a: |\nb: 1\n", true},
	{"block at end", "a: |", true},
	{"block leading blank lines", "a: |\n\n  \n  x\n", true},
	{"block more-indented blank", "a: >\n  x\n     \n  y\n", true},
	{"block comment", "a: | # c\n  x\n", true},
	{"block deeper blank", "a: |\n      \n  x\n", false},
	{"comment after entry", "- # c\n  a: 1\n- x\n", true},
	{"comment after key", "a: # c\n  - x\nb: # c\n  c: 1\n", true},
	{"blank lines", "a:\n\n  b: 1\n\n\nc:\n\n- x\n", true},
	{"indentless compact", "items:\n- a: 1\n  b: 2\n- c: 3\nd: 4\n", true},
	{"quoted compact key", "- \"a\": 1\n  'b': 2\n- 'c'\n", true},
	{"flow in list", "- [a, b]\n- {a: 1}\n- []\n", true},
	{"flow keys", "a: {\"b\": 1, 'c': 2, d : 3}\n", true},
	{"root list", "# c\n- a\n- b: 1\n", true},
	{"negative key", "-5: x\n-a: y\n", true},
	{"dash value", "a: -\n", false},
	{"colon in flow", "a: {b: c:d}\n", false},
	{"hash in flow", "a: [b#c]\n", false},
	{"comment in flow", "a: [b, # c\n  d]\n", false},
	{"empty flow value", "a: {b: }\n", false},
	{"quoted then text", "a: \"b\" c\n", false},
	{"comment without space", "a: \"b\"# c\n", false},
	{"duplicate keys", "a: 1\na: 2\n", true},
	{"unicode columns", "tên: giá trị\nđơn vị: \"điểm\"\nx: {ả: ạ, b: ê}\n", true},
	{"long key", strings.Repeat("k", 1100) + ": v\n", false},
	{"anchor", "a: &x 1\nb: *x\n", false},
	{"tag", "a: !!str 1\n", false},
	{"merge", "a: {b: 1}\n<<: x\n", false},
	{"document", "---\na: 1\n", false},
	{"end", "a: 1\n...\n", false},
	{"two documents", "a: 1\n---\nb: 2\n", false},
	{"directive", "%YAML 1.2\n---\na: 1\n", false},
	{"tab", "a:\t1\n", false},
	{"cr", "a: 1\r\n", false},
	{"multi-line plain", "a: x\n  y\n", false},
	{"multi-line quoted", "a: \"x\n  y\"\n", false},
	{"multi-line flow", "a: [x,\n  y]\n", false},
	{"scalar root", "x\n", false},
	{"indented root", "  a: 1\n", false},
	{"bad indentation", "a:\n    b: 1\n  c: 2\n", false},
	{"map value on line", "a: b: c\n", false},
	{"list after value", "a: 1\n- x\n", false},
	{"complex key", "? a\n: b\n", false},
	{"bad escape", `a: "\q"` + "\n", false},
	{"trailing comma", "a: [x,]\n", false},
	{"empty", "", false},
	{"comment only", "# x\n", false},
	{"nul", "a: \x00\n", false},
	{"bom", "\ufeffa: 1\n", false},
	{"nel", "a: x\u0085y\n", false},
}

func TestFastYAMLCases(t *testing.T) {
	for _, tt := range fastCases {
		t.Run(tt.name, func(t *testing.T) {
			if sure := checkFast(t, tt.name, []byte(tt.in)); sure != tt.sure {
				_, err := yamlV3([]byte(tt.in))
				t.Errorf("sure = %v, want %v (yaml.v3: %v)", sure, tt.sure, err)
			}
		})
	}
}

func FuzzFastYAML(f *testing.F) {
	for _, tt := range fastCases {
		f.Add([]byte(tt.in))
	}
	valid, _ := filepath.Glob("../../testdata/valid/*.yaml")
	more, _ := filepath.Glob("../../plans/*.yaml")
	for _, p := range append(valid, more...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add(plantest.NestedYAML(2, 2, 2))
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		var b strings.Builder
		treeYAML(r, &b, 0, 3, false)
		f.Add([]byte(b.String()))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, "input", data)
	})
}

func BenchmarkFastParse(b *testing.B) {
	gialai, err := os.ReadFile("../../plans/gialai-2023.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"gialai-2023", gialai}, {"BigYAML", plantest.BigYAML(480)}} {
		b.Run(in.name+"/fast", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := plan.FastParse(in.data); !ok {
					b.Fatal("not sure")
				}
			}
		})
		b.Run(in.name+"/yaml.v3", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := yamlV3(in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// fastScalars are values and keys at the edges of yaml.v3's tags, of
// the plain scalar's end and of what fastParse reads.
var fastScalars = []string{
	"a", "tên đơn vị", "x y", "1", "-1", "+1", "1.5", "-.5", ".5", "5.", "1e5", "1E-5", "1e999",
	"0x1F", "0o17", "0b11", "-0b11", "-0o7", "0777", "1_000", "1__0", "0x", "0b", "-0",
	"9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
	"2024-06-30", "2024-6-3", "2024-13-01", "2024-06-30 10:00:00", "2024-06-30T10:00:00Z", "2024-06-30t10:00:00+07:00",
	"true", "True", "yes", "no", "on", "null", "Null", "~", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".x",
	"a #b", "a#b", "x:y", "a: b", "a:", "a :b", "-x", "--", "-", "- x", "---", "...", "?", "? x", ": x", "<<",
	"'q''s'", "'a", `"e\n\t\u00e9"`, `"\x41\/"`, `"\q"`, `"a`, `"a" b`, "[a, b]", "{a: 1, b: [x]}", "[]", "{}",
	"[a , b]", "{ a: 1 }", "[[a], {b: c}]", `{"a": 1, 'b': x}`, "{a: -x, b: [-1]}", "[ ]", "{ }", "[a,b]", "{a:1}", "[a]x", "[a] # c",
	"[a,]", "[a: b]", "{a}", "{a: }", "[-1, -x, -]", "|", "|-", "|+", ">", ">-", "|2", ">1-", "|0", "| # c", "|x",
	"&a x", "*a", "!t x", "%x", "@x", "`x", "#c", "a # c", "  a  ", "",
}

// randomYAML builds a document of n lines from pieces: keys, list
// entries, comments, blank lines and block scalar text at various
// indentations, most of them valid YAML.
func randomYAML(r *rand.Rand, n int) []byte {
	var b strings.Builder
	pick := func() string { return fastScalars[r.IntN(len(fastScalars))] }
	key := func() string {
		if r.IntN(4) == 0 {
			return pick()
		}
		return []string{"a", "b", "name", "items", "k", "tên"}[r.IntN(6)]
	}
	ind := 0
	for range n {
		switch d := r.IntN(10); {
		case d < 2 && ind > 0:
			ind -= 2
		case d < 4:
			ind += 2
		case d == 4:
			ind += 1 - r.IntN(3)
		}
		ind = max(0, min(ind, 12))
		pad := strings.Repeat(" ", ind)
		switch r.IntN(12) {
		case 0, 1, 2:
			fmt.Fprintf(&b, "%s%s: %s\n", pad, key(), pick())
		case 3, 4:
			fmt.Fprintf(&b, "%s%s:\n", pad, key())
		case 5, 6:
			fmt.Fprintf(&b, "%s- %s\n", pad, pick())
		case 7:
			fmt.Fprintf(&b, "%s- %s: %s\n", pad, key(), pick())
		case 8:
			fmt.Fprintf(&b, "%s-\n", pad)
		case 9:
			fmt.Fprintf(&b, "%s# %s\n", pad, pick())
		case 10:
			b.WriteString(pad[:r.IntN(len(pad)+1)] + "\n")
		default:
			fmt.Fprintf(&b, "%s%s\n", pad, pick())
		}
	}
	s := b.String()
	if r.IntN(4) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return []byte(s)
}

// treeYAML writes a random block collection at indentation ind: mostly
// valid YAML, in the shapes plans take, with the palette's scalars as
// keys and values, comments and blank lines between.
func treeYAML(r *rand.Rand, b *strings.Builder, ind, depth int, seq bool) {
	pick := func() string { return fastScalars[r.IntN(len(fastScalars))] }
	key := func() string {
		if r.IntN(5) == 0 {
			return pick()
		}
		return []string{"a", "b", "name", "items", "k", "tên"}[r.IntN(6)]
	}
	pad := strings.Repeat(" ", ind)
	block := []string{"|", "|-", ">", ">-", "|+", ">+", "|2", "|1-"}
	for range 1 + r.IntN(4) {
		switch r.IntN(8) {
		case 0:
			fmt.Fprintf(b, "%s# %s\n", strings.Repeat(" ", r.IntN(ind+3)), pick())
		case 1:
			b.WriteString(strings.Repeat(" ", r.IntN(ind+3)) + "\n")
		}
		lead := pad
		inner := ind
		if seq {
			lead = pad + "-" + strings.Repeat(" ", 1+r.IntN(2)*r.IntN(3))
			inner = len(lead)
			if r.IntN(3) == 0 && depth > 0 {
				// "- key: value" and its mapping.
				b.WriteString(lead)
				treeEntry(r, b, inner, depth, key(), pick, block, true)
				continue
			}
		}
		if seq {
			b.WriteString(strings.TrimRight(lead, " "))
		} else {
			b.WriteString(pad + key() + ":")
		}
		treeValue(r, b, ind, inner, depth, pick, block)
	}
}

// treeEntry writes the mapping of a "- key: value" entry, its first key
// already placed, at column inner.
func treeEntry(r *rand.Rand, b *strings.Builder, inner, depth int, k string, pick func() string, block []string, first bool) {
	for j := range 1 + r.IntN(3) {
		if j > 0 {
			k = []string{"a", "b", "c", pick()}[r.IntN(4)]
			b.WriteString(strings.Repeat(" ", inner))
		}
		b.WriteString(k + ":")
		treeValue(r, b, inner, inner, depth-1, pick, block)
	}
}

// treeValue writes what follows a key's ":" or a list's "-": a scalar,
// a block scalar, nothing, or a nested collection on the next lines.
func treeValue(r *rand.Rand, b *strings.Builder, ind, inner, depth int, pick func() string, block []string) {
	switch n := r.IntN(10); {
	case n < 5 || depth == 0:
		b.WriteString(" " + pick())
		if r.IntN(6) == 0 {
			b.WriteString(" # " + pick())
		}
		b.WriteString("\n")
	case n == 5:
		b.WriteString(" " + block[r.IntN(len(block))] + "\n")
		for range r.IntN(4) {
			b.WriteString(strings.Repeat(" ", max(0, ind+r.IntN(5)-1)) + []string{"text", "", "  more", "# not a comment"}[r.IntN(4)] + "\n")
		}
	case n == 6:
		b.WriteString("\n")
	default:
		b.WriteString("\n")
		child := ind + 1 + r.IntN(3)
		if r.IntN(3) == 0 {
			child = ind // a list at its key's indentation
		}
		treeYAML(r, b, child, depth-1, child == ind || r.IntN(2) == 0)
	}
}

var (
	fastDocs = flag.Int("fastyaml.docs", 20000, "documents TestFastYAMLRandom generates")
	fastSeed = flag.Uint64("fastyaml.seed", 1, "TestFastYAMLRandom's seed")
)

// TestFastYAMLRandom compares fastParse with yaml.v3 on many generated
// documents; fastParse must be sure of a fair share of them, or the
// test would prove nothing.
//
//	go test ./internal/plan -run FastYAMLRandom -fastyaml.docs 1000000 -fastyaml.seed 7
func TestFastYAMLRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(*fastSeed, 2))
	docs := *fastDocs
	sure := 0
	for i := range docs {
		data := randomYAML(r, 1+r.IntN(12))
		if i%2 == 0 {
			var b strings.Builder
			treeYAML(r, &b, 0, 4, r.IntN(4) == 0)
			data = []byte(b.String())
		}
		if checkFast(t, fmt.Sprint("doc ", i), data) {
			sure++
		}
	}
	t.Logf("fastParse was sure of %d of %d documents", sure, docs)
	if sure < docs/10 {
		t.Errorf("fastParse was sure of only %d of %d documents", sure, docs)
	}
}

// The loader gives the same plans, reports and diagnostics through
// fastParse as through yaml.v3 alone, for every YAML file of the
// repository read as a plan and as a progress report.
func TestFastYAMLLoader(t *testing.T) {
	type result struct {
		Plan   *plan.Plan
		Report *plan.Report
		Diags  any
	}
	load := func(name string, data []byte, fast bool) (p, r result) {
		plan.SetFastYAML(fast)
		defer plan.SetFastYAML(true)
		// Every file is read with its entries deferred, as large ones are.
		defer plan.SetDeferAbove(plan.SetDeferAbove(0))
		if fast && len(data)%2 == 1 {
			// Half the files: the loader recovers when an entry it let
			// go fails to parse again, reading the file with yaml.v3.
			plan.SetReparseFails(true)
			defer plan.SetReparseFails(false)
		}
		// Positions included: the diagnostics of validate come from them.
		pl, ds := plan.Load(name, data)
		rep, rds := plan.LoadReport(name, data)
		return result{Plan: pl, Diags: ds}, result{Report: rep, Diags: rds}
	}
	inputs := repoYAML(t)
	for name, data := range generated() {
		inputs[name] = data
	}
	for name, data := range inputs {
		fastPlan, fastReport := load(name, data, true)
		slowPlan, slowReport := load(name, data, false)
		if !reflect.DeepEqual(fastPlan, slowPlan) {
			t.Errorf("%s: as a plan, fastParse gives\n%+v\nyaml.v3 gives\n%+v", name, fastPlan.Diags, slowPlan.Diags)
		}
		if !reflect.DeepEqual(fastReport, slowReport) {
			t.Errorf("%s: as a report, fastParse gives\n%+v\nyaml.v3 gives\n%+v", name, fastReport.Diags, slowReport.Diags)
		}
	}
}
