package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// catalogBase is where catalog.json's URLs point: this repository's
// schema/ directory on the default branch.
const catalogBase = "https://raw.githubusercontent.com/parplan/parplan/main/"

// catalog is schema/catalog.json, a SchemaStore-style catalog.
type catalog struct {
	Schema  string `json:"$schema"`
	Version int    `json:"version"`
	Schemas []struct {
		Name        string   `json:"name"`
		Description string   `json:"description"`
		FileMatch   []string `json:"fileMatch"`
		URL         string   `json:"url"`
	} `json:"schemas"`
}

// globRegexp turns a catalog fileMatch glob (minimatch: ** crosses
// directories, * does not) into a regular expression.
func globRegexp(glob string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(.*/)?")
			i += 2
		case glob[i] == '*':
			b.WriteString("[^/]*")
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// TestCatalog: catalog.json parses (unknown keys refused), names every
// schema file of this directory by its raw URL, and its fileMatch globs
// send plans and progress reports to their schemas.
func TestCatalog(t *testing.T) {
	data, err := os.ReadFile("catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c catalog
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("catalog.json: %v", err)
	}
	if c.Schema != "https://json.schemastore.org/schema-catalog.json" || c.Version != 1 {
		t.Errorf("catalog.json: $schema %q, version %d", c.Schema, c.Version)
	}
	var listed []string
	schemaOf := map[string]string{}
	for _, s := range c.Schemas {
		if s.Name == "" || s.Description == "" || len(s.FileMatch) == 0 {
			t.Errorf("%s: needs name, description and fileMatch", s.URL)
		}
		local, ok := strings.CutPrefix(s.URL, catalogBase+"schema/")
		if !ok {
			t.Errorf("%s: not under %sschema/", s.URL, catalogBase)
			continue
		}
		if _, err := os.Stat(filepath.FromSlash(local)); err != nil {
			t.Errorf("%s: %v", s.URL, err)
		}
		listed = append(listed, local)
		for _, g := range s.FileMatch {
			schemaOf[g] = local
		}
	}
	files, err := filepath.Glob("*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(listed)
	if !slices.Equal(listed, files) {
		t.Errorf("catalog.json lists %v, the directory holds %v", listed, files)
	}
	for _, tt := range []struct{ path, want string }{
		{"plans/daknong-2024.yaml", "plan.schema.json"},
		{"plans/daknong-2025.yml", "plan.schema.json"},
		{"reports/daknong-2024/2024-q3-so-tu-phap.yaml", "progress.schema.json"},
		{"reports/2024-q3.yaml", "progress.schema.json"},
		{"testdata/valid/minimal.yaml", ""},
		{"plans/old/x.yaml", ""},
	} {
		var got []string
		for g, s := range schemaOf {
			if globRegexp(g).MatchString(tt.path) {
				got = append(got, s)
			}
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s matches %v, want no schema", tt.path, got)
		case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
			t.Errorf("%s matches %v, want %s", tt.path, got, tt.want)
		}
	}
}
