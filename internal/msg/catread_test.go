package msg

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gopkg.in/yaml.v3"
)

// viaYAML reads a catalogue as go-i18n does, through yaml.v3.
func viaYAML(data []byte, name string) ([]*i18n.Message, error) {
	mf, err := i18n.ParseMessageFileBytes(data, name, map[string]i18n.UnmarshalFunc{"yaml": yaml.Unmarshal})
	if err != nil {
		return nil, err
	}
	return mf.Messages, nil
}

// messagesText writes messages in ID order, every field quoted.
func messagesText(ms []*i18n.Message) string {
	ms = append([]*i18n.Message(nil), ms...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].ID < ms[j].ID })
	s := ""
	for _, m := range ms {
		s += fmt.Sprintf("%q %q %q %q %q %q %q %q %q %q %q\n", m.ID, m.Description, m.Hash, m.LeftDelim, m.RightDelim,
			m.Zero, m.One, m.Two, m.Few, m.Many, m.Other)
	}
	return s
}

// TestReadCatalogue: every embedded catalogue is read by readCatalogue,
// not through yaml.v3, and to exactly what go-i18n reads.
func TestReadCatalogue(t *testing.T) {
	files, err := fs.Glob(catalogFS, "catalog/*.yaml")
	if err != nil || len(files) < 20 {
		t.Fatalf("%d catalogue files, %v", len(files), err)
	}
	for _, f := range files {
		data, err := catalogFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := readCatalogue(data)
		if !ok {
			t.Errorf("%s is read through yaml.v3: write it in the form readCatalogue reads", f)
			continue
		}
		want, err := viaYAML(data, path.Base(f))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := messagesText(got), messagesText(want); g != w {
			t.Errorf("%s: readCatalogue reads\n%s\ngo-i18n reads\n%s", f, g, w)
		}
	}
}

// catalogueCases are texts at the edges of the form readCatalogue reads:
// each is either read as go-i18n reads it, or left to yaml.v3.
var catalogueCases = []string{
	"a: text\n",
	"a: text # a comment\n",
	"a: text#no comment\n",
	"a: 'it''s'\n",
	"a: 'x' # c\n",
	"a: 'x'y\n",
	"a: \"x\"\n",
	"a: \"x\\ny\"\n",
	"a: \"x\\ty \\\"q\\\" \\\\ z\"\n",
	"a: \"x\\e\"\n",
	"a: \"x\\u00e0\"\n",
	"a: \"x\\\n",
	"a: \"x\"y\"\n",
	"a: text\n  more\n",
	"a: text\n# c\n  more\n",
	"a: |\n  one\n  two\n\nb: x\n",
	"a: |-\n  one\n\n  two\n\n\n",
	"a: |\n  one\n    two\n  three",
	"a: |\n    one\n  two\n",
	"a: |\n  one\n   \n  two\n",
	"a: |\n\n  one\n",
	"a: |\n   \n  one\n",
	"a: |\n  # not a comment\n# a comment\nb: y\n",
	"a:\n  one: 'x'\n  other: y\n",
	"a:\n  one: x\n  other: |-\n    y\n    z\nb: w\n",
	"a:\n  one: x\n   other: y\n",
	"a:\n  one: x\n  one: y\n",
	"a:\n  description: d\n  other: y\n",
	"a:\n  foo: x\n",
	"a:\n",
	"a: # c\n  other: x\n",
	"a: x\na: y\n",
	"a: true\n",
	"a: 12\n",
	"a: Null\n",
	"a: x: y\n",
	"a: {{.X}}\n",
	"a:x\n",
	" a: x\n",
	"a b: x\n",
	"a: x\n---\nb: y\n",
	"a: 'x\n  y'\n",
	"a: Việt Nam\n",
	"a: |+\n  x\n",
	"a: >\n  x\n",
	"a: |2\n  x\n",
	"a: |2-\n    # x\n\n    y\nb: z\n",
	"a: |1\n  x\n",
	"a: |2\n x\n",
	"a: |2\n  x\n   \n",
	"a:\n  other: |2-\n      x\n",
	"a: (none)\n",
	"a: (x: y)\n",
	"",
	"# only a comment\n",
}

func TestReadCatalogueEdges(t *testing.T) {
	for _, c := range catalogueCases {
		checkAgainstYAML(t, []byte(c))
	}
}

func FuzzReadCatalogue(f *testing.F) {
	for _, c := range catalogueCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstYAML(t, data)
	})
}

// checkAgainstYAML fails when readCatalogue reads data, but not as
// go-i18n does.
func checkAgainstYAML(t *testing.T, data []byte) {
	t.Helper()
	got, ok := readCatalogue(data)
	if !ok {
		return
	}
	want, err := viaYAML(data, "x.vi.yaml")
	if err != nil {
		t.Errorf("readCatalogue reads %q, go-i18n refuses it: %v", data, err)
		return
	}
	if g, w := messagesText(got), messagesText(want); g != w {
		t.Errorf("%q: readCatalogue reads\n%s\ngo-i18n reads\n%s", data, g, w)
	}
}
