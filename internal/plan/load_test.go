package plan

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/diag"
)

const minimal = `plan:
  id: t
  title: T
  year: 2024
appendices:
  - id: a
    items:
      - code: "1"
        name: Lĩnh vực
        max: 12.9045
        achieved: 2.0
`

func firstDiag(t *testing.T, ds []diag.Diagnostic) diag.Diagnostic {
	t.Helper()
	if len(ds) == 0 {
		t.Fatal("want a finding, got none")
	}
	return ds[0]
}

// TestBadInput: each kind of broken file is refused with one clear
// finding at a line, never a panic.
func TestBadInput(t *testing.T) {
	var deepItems strings.Builder
	deepItems.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
	for i := 0; i < 20; i++ {
		ind := strings.Repeat("    ", i)
		fmt.Fprintf(&deepItems, "%s      - name: n%d\n%s        items:\n", ind, i, ind)
	}
	tests := []struct {
		name     string
		data     []byte
		rule     string
		line     int
		contains string
	}{
		{name: "empty", data: nil, rule: RuleEncoding, line: 1, contains: "empty"},
		{name: "only spaces", data: []byte("  \n\n"), rule: RuleEncoding, line: 1, contains: "empty"},
		{name: "only a comment", data: []byte("# nothing\n"), rule: RuleEncoding, line: 1, contains: "no YAML content"},
		{name: "binary", data: []byte("\x7fELF\x02\x01\x01\x00\x00"), rule: RuleEncoding, line: 1, contains: "binary"},
		{name: "NUL on line 3", data: []byte("plan:\n  id: t\n  title: \x00\n"), rule: RuleEncoding, line: 3, contains: "NUL"},
		{name: "UTF-16 LE with BOM", data: []byte("\xff\xfep\x00l\x00a\x00n\x00:\x00"), rule: RuleEncoding, line: 1, contains: "UTF-16"},
		{name: "UTF-16 without BOM", data: []byte("p\x00l\x00a\x00n\x00:\x00"), rule: RuleEncoding, line: 1, contains: "UTF-16"},
		{name: "Latin-1", data: []byte("plan:\n  title: \xc9p\n"), rule: RuleEncoding, line: 2, contains: "UTF-8"},
		{name: "not YAML", data: []byte("{{{{"), rule: RuleYAMLSyntax, line: 1},
		{name: "tab indentation", data: []byte("plan:\n\tid: t\n"), rule: RuleYAMLSyntax, line: 2},
		{name: "two documents", data: []byte(minimal + "---\nplan: {}\n"), rule: RuleYAMLSyntax, line: 13, contains: "second YAML document"},
		{name: "list at top", data: []byte("- a\n- b\n"), rule: RuleWrongType, line: 1, contains: "mapping"},
		{name: "text at top", data: []byte("hello\n"), rule: RuleWrongType, line: 1, contains: "mapping"},
		{name: "merge key", data: []byte("plan:\n  <<: {id: t}\n"), rule: RuleUnknownKey, line: 2, contains: "merge keys"},
		{name: "YAML nesting", data: []byte(strings.Repeat("[", 80) + strings.Repeat("]", 80)), rule: RuleLimit, line: 1, contains: "nesting"},
		{name: "parser depth", data: []byte(strings.Repeat("[", 20000) + strings.Repeat("]", 20000)), rule: RuleLimit, line: 1, contains: "depth"},
		{name: "item nesting", data: []byte(deepItems.String()), rule: RuleLimit, contains: "items nested deeper than 12"},
		{name: "alias bomb", data: []byte(aliasBomb()), rule: RuleLimit, contains: "alias"},
		{name: "too large", data: bytes.Repeat([]byte("#"), int(DefaultLimits.MaxBytes)+1), rule: RuleLimit, line: 1, contains: "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ds := Load("x.yaml", tt.data)
			d := firstDiag(t, ds)
			if d.Rule != tt.rule || (tt.line != 0 && d.Line != tt.line) || !strings.Contains(d.Message(), tt.contains) {
				t.Errorf("got %s\nwant rule %s at line %d containing %q", d, tt.rule, tt.line, tt.contains)
			}
			if d.Line < 1 || d.Col < 1 {
				t.Errorf("finding has no position: %s", d)
			}
			if tt.rule != RuleWrongType && tt.rule != RuleUnknownKey && tt.rule != RuleLimit && p != nil {
				t.Errorf("want no plan from an unusable file")
			}
		})
	}
}

// aliasBomb is the "billion laughs" attack on items: each item holds nine
// aliases of the one before, so nine levels expand to 9⁹ items.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
	b.WriteString("      - &l0 {name: lol, tasks: [lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "      - &l%d {name: lol%d, items: [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]}\n")
	}
	return b.String()
}

// TestAliasesWithinLimits: a few aliases are fine; they read as copies.
func TestAliasesWithinLimits(t *testing.T) {
	data := `plan: {id: t, title: T, year: 2024}
appendices:
  - id: a
    items:
      - name: x
        support: &common [Các sở, ban, ngành, UBND cấp huyện]
      - name: y
        support: *common
`
	p, ds := Load("x.yaml", []byte(data))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if got := len(p.Appendices[0].Items[1].Support); got != 4 {
		t.Errorf("alias gave %d entries, want 4", got)
	}
}

// TestExactNumbersAndPositions: numbers keep the digits written and
// every value keeps its 1-based line and column.
func TestExactNumbersAndPositions(t *testing.T) {
	p, ds := Load("x.yaml", []byte(minimal))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	it := p.Appendices[0].Items[0]
	if got := it.Scores.Max.Value.String(); got != "12.9045" {
		t.Errorf("max = %s, want 12.9045", got)
	}
	if got := it.Scores.Achieved.Value.String(); got != "2.0" {
		t.Errorf("achieved = %s, want 2.0 (the digits written)", got)
	}
	if pos := it.Scores.Max.Pos; pos != (Pos{10, 14}) {
		t.Errorf("max at %v, want 10:14", pos)
	}
	if pos := it.Name.Pos; pos != (Pos{9, 15}) {
		t.Errorf("name at %v, want 9:15", pos)
	}
}

// TestNFC: text written in decomposed form (NFD, as some Mac and Word
// exports produce) is normalized, so names compare and align.
func TestNFC(t *testing.T) {
	nfd := "Đa\u0306\u0301k Nông" // ắ as a + breve + acute
	data := strings.Replace(minimal, "Lĩnh vực", nfd, 1)
	p, ds := Load("x.yaml", []byte(data))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if got := p.Appendices[0].Items[0].Name.Value; got != "Đắk Nông" {
		t.Errorf("name = %q, want NFC %q", got, "Đắk Nông")
	}
}

// TestColumnsCountCharacters: columns are counted in characters, so a
// position after Vietnamese text points where an editor shows it.
func TestColumnsCountCharacters(t *testing.T) {
	data := strings.Replace(minimal, "        max: 12.9045\n", "        max: 12.9045\n        đắk: 1\n", 1)
	_, ds := Load("x.yaml", []byte(data))
	d := firstDiag(t, ds)
	if d.Rule != RuleUnknownKey || d.Line != 11 || d.Col != 9 {
		t.Errorf("got %s, want unknown-key at 11:9", d)
	}
}

// TestSuggestions: unknown keys get the closest known key, including from
// the Vietnamese words people write.
func TestSuggestions(t *testing.T) {
	tests := []struct {
		key, want string
	}{
		{key: "targt", want: `did you mean "target"`},
		{key: "Chủ trì", want: `did you mean "lead"`},
		{key: "phoi_hop", want: `did you mean "support"`},
		{key: "ghi_chu", want: `did you mean "note"`},
		{key: "zzzzzz", want: "known keys: code, name"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			data := strings.Replace(minimal, "        max: 12.9045\n", "        max: 12.9045\n        "+tt.key+": 1\n", 1)
			_, ds := Load("x.yaml", []byte(data))
			if d := firstDiag(t, ds); !strings.Contains(d.Message(), tt.want) {
				t.Errorf("got %q, want it to contain %q", d.Message(), tt.want)
			}
		})
	}
}

// TestNullIsAbsent: an empty value is the same as leaving the key out.
func TestNullIsAbsent(t *testing.T) {
	data := strings.Replace(minimal, "        achieved: 2.0\n", "        achieved:\n        lead:\n", 1)
	p, ds := Load("x.yaml", []byte(data))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if it := p.Appendices[0].Items[0]; it.Scores.Achieved.Given || it.Lead != nil {
		t.Error("empty values must count as not given")
	}
}

// TestSyntaxErrorLines pins the line of each kind of YAML syntax error:
// yaml.v3 numbers some from 0 and some from 1.
func TestSyntaxErrorLines(t *testing.T) {
	tests := []struct {
		data string
		line int
	}{
		{data: "a: 1\nb: 2\nc: [x\nd: 4\n", line: 3},
		{data: "a: 1\nb: 2\nc: x: y\nd: 4\n", line: 3},
		{data: "a: 1\nb:\n  - x\n - y\n", line: 4},
		{data: "a: 1\nb: \"unterminated\nc: 3\n", line: 2},
		{data: "a: 1\nb: [1, 2\n", line: 2},
		{data: "a: 1\n\nb: {x: 1\nc: 2\n", line: 3},
		{data: "a: 1\nb: 2\nc: 3\n  d: 4\n", line: 4},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.data), func(t *testing.T) {
			_, ds := Load("x.yaml", []byte(tt.data))
			if d := firstDiag(t, ds); d.Rule != RuleYAMLSyntax || d.Line != tt.line {
				t.Errorf("got %s, want yaml-syntax at line %d", d, tt.line)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sb, "      - code: \"%d\"\n        name: Tiêu chí %d\n        max: 1.5\n        achieved: 1.25\n        target: 1.5\n        lead: [Sở Nội vụ]\n        tasks: [Thực hiện]\n", i+1, i+1)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := Load("x.yaml", data); len(ds) > 0 {
			b.Fatal(ds)
		}
	}
}

// TestListStyle: list_style is read on an appendix and an item, an item's
// style overriding the appendix's; a style that does not exist, or
// semicolons for tasks, is refused at its line.
func TestListStyle(t *testing.T) {
	good := strings.Replace(minimal, "    items:\n", "    list_style:\n      support: semicolons\n    items:\n", 1) +
		"        support: [a, b]\n        list_style:\n          tasks: plus\n"
	p, ds := Load("x.yaml", []byte(good))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	a := p.Appendices[0]
	it := a.Items[0]
	for _, tt := range []struct{ field, want string }{
		{"support", StyleSemicolons}, {"tasks", StylePlus}, {"lead", StyleBullets}, {"products", StyleBullets},
	} {
		if got := ListStyleOf(a, it, tt.field); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.field, got, tt.want)
		}
	}
	if enc := string(Encode(p, "", Comments{})); !strings.Contains(enc, "list_style:\n          tasks: plus\n") ||
		!strings.Contains(enc, "    list_style:\n      support: semicolons\n") {
		t.Errorf("encoded:\n%s", enc)
	}
	for _, tt := range []struct {
		name, style string
		line        int
		rule        string
	}{
		{"unknown style", "tasks: stars", 13, RuleInvalidValue},
		{"semicolons for tasks", "tasks: semicolons", 13, RuleInvalidValue},
		{"unknown field", "deadline: lines", 13, ""},
	} {
		data := minimal + "        list_style:\n          " + tt.style + "\n"
		_, ds := Load("x.yaml", []byte(data))
		d := firstDiag(t, ds)
		if d.Line != tt.line || tt.rule != "" && d.Rule != tt.rule {
			t.Errorf("%s: line %d %s, want line %d %s", tt.name, d.Line, d.Rule, tt.line, tt.rule)
		}
	}
}

// BenchmarkLoadFlat loads a plan of 100,000 one-line items near the size
// limit (plantest.FlatYAML's shape, written here: plantest imports plan).
func BenchmarkLoadFlat(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("plan: {id: flat, title: Flat, year: 2024}\nappendices:\n- id: a\n  items:\n")
	for i := 1; i <= 100_000; i++ {
		fmt.Fprintf(&sb, "  - name: %d Nội dung nhiệm vụ cải cách hành chính Nội dung nhiệm vụ cải cách\n", i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := Load("x.yaml", data); len(ds) > 0 {
			b.Fatal(ds)
		}
	}
}

// TestDuplicateKeyManyKeys: a duplicate key is found however many keys
// the mapping has (past 16 the keys seen move to a map).
func TestDuplicateKeyManyKeys(t *testing.T) {
	for _, keys := range []int{3, 16, 17, 40} {
		var sb strings.Builder
		sb.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n- id: a\n  items:\n  - name: x\n")
		for i := 1; i < keys; i++ {
			fmt.Fprintf(&sb, "    k%d: 1\n", i)
		}
		sb.WriteString("    name: y\n")
		_, ds := Load("x.yaml", []byte(sb.String()))
		dups := 0
		for _, d := range ds {
			if d.Rule == RuleDuplicateKey {
				dups++
				if d.Line != keys+5 {
					t.Errorf("%d keys: duplicate at line %d, want %d", keys, d.Line, keys+5)
				}
			}
		}
		if dups != 1 {
			t.Errorf("%d keys: %d duplicate-key findings, want 1: %v", keys, dups, ds)
		}
	}
}

// TestAnchorsKeepNodes: a list read twice through an alias keeps its
// entries (list entries' nodes are let go once decoded only in a file
// without anchors).
func TestAnchorsKeepNodes(t *testing.T) {
	data := "plan: {id: t, title: T, year: 2024}\nappendices:\n- id: a\n  items: &i\n  - name: x\n  - name: y\n- id: b\n  items: *i\n"
	p, ds := Load("x.yaml", []byte(data))
	if p == nil || len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, a := range p.Appendices {
		if len(a.Items) != 2 || a.Items[1].Name.Value != "y" {
			t.Errorf("appendix %s: %d items", a.ID.Value, len(a.Items))
		}
	}
}
