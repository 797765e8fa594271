package plan

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestEncodeRoundTrip: every bundled and valid test plan, encoded and
// read back, is the same plan (positions and comments aside).
func TestEncodeRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../plans/*.yaml")
	more, _ := filepath.Glob("../../testdata/valid/*.yaml")
	files = append(files, more...)
	if len(files) < 5 {
		t.Fatalf("found %d plans", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, ds := Load(f, data)
			if len(ds) > 0 {
				t.Fatalf("loading: %v", ds)
			}
			out := Encode(p, "../schema/plan.schema.json", Comments{Top: []string{"a comment", "two\nlines"}})
			q, ds := Load(f, out)
			if len(ds) > 0 {
				t.Fatalf("reading back: %v\n%s", ds, out)
			}
			if a, b := strip(p), strip(q); !reflect.DeepEqual(a, b) {
				t.Errorf("the plan changed in the round trip:\n%s", out)
			}
			if again := Encode(q, "../schema/plan.schema.json", Comments{Top: []string{"a comment", "two\nlines"}}); string(again) != string(out) {
				t.Errorf("encoding is not stable")
			}
		})
	}
}

// strip clears what a round trip does not keep: positions, computed sums
// and the parent links (which DeepEqual would follow in circles).
func strip(p *Plan) *Plan {
	var clear func(v reflect.Value)
	clear = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				clear(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				clear(v.Index(i))
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(Pos{}) {
				v.Set(reflect.Zero(v.Type()))
				return
			}
			for i := 0; i < v.NumField(); i++ {
				f := v.Field(i)
				switch v.Type().Field(i).Name {
				case "Parent", "Sums":
					f.Set(reflect.Zero(f.Type()))
				default:
					clear(f)
				}
			}
		}
	}
	clear(reflect.ValueOf(p))
	p.File = ""
	return p
}

// TestScalarUnusualBreaks: a text holding NEL or a Unicode separator, as
// a Word document may, is written escaped, since the loader refuses
// them raw; it reads back as the same text. In a plan, the separators
// round-trip alone, in a list and inside a multi-line text (a C1
// control such as NEL is refused in a plan's text, escaped or not).
func TestScalarUnusualBreaks(t *testing.T) {
	for _, s := range []string{"a\u2028b", "Sở\u2029Nội vụ", "x\u0085y", "dòng 1\ndòng\u2028 2"} {
		out := "k: " + Scalar(s) + "\n"
		if strings.ContainsFunc(out, unusualBreak) {
			t.Errorf("Scalar(%q) = %q: raw", s, out)
		}
		var v map[string]string
		if err := yaml.Unmarshal([]byte(out), &v); err != nil || v["k"] != s {
			t.Errorf("Scalar(%q) = %q reads back as %q, %v", s, out, v["k"], err)
		}
	}
	p, ds := Load("x.yaml", []byte("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n      - name: \"a\\u2028b\"\n        tasks: [\"c\\Pd\", \"e\\u2028f\"]\n        note: \"g\\nh\\Li\"\n"))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	out := Encode(p, "", Comments{})
	q, ds := Load("x.yaml", out)
	if len(ds) > 0 {
		t.Fatalf("reading back: %v\n%s", ds, out)
	}
	if a, b := strip(p), strip(q); !reflect.DeepEqual(a, b) {
		t.Errorf("the plan changed in the round trip:\n%s", out)
	}
}

// FuzzNumberLed: numberLed writes what yaml.Marshal writes, wherever it
// answers at all, and so does plainSafe.
func FuzzNumberLed(f *testing.F) {
	for _, s := range []string{"1", "1.1", "2.1.1", "01", "08", "1.", ".5", "1..2", "12.9045", "1 Nội dung",
		"1.2 Tên", "1 x ", "1 #a", "1 a:", "1 a: b", "1 [a]", "9999999999999999999999", "1 \u2028", "1\tx", "Sở Nội vụ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := yaml.Marshal(s)
		if err != nil {
			return
		}
		want := strings.TrimSuffix(string(out), "\n")
		if q, ok := numberLed(s); ok && q != want {
			t.Errorf("numberLed(%q) = %q, yaml.Marshal writes %q", s, q, want)
		}
		if plainSafe(s) && s != want {
			t.Errorf("plainSafe(%q), yaml.Marshal writes %q", s, want)
		}
	})
}
