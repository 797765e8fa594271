package plan

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Kind
	}{
		{"plan", "plan:\n  id: x\nappendices: []\n", KindPlan},
		{"appendices only", "# a plan whose plan key is misspelled\nplna: {}\nappendices:\n  - id: a\n", KindPlan},
		{"quoted key", "\"plan\": {id: x}\n", KindPlan},
		{"report", "progress:\n  plan: x\n", KindReport},
		{"plan modeline", "# yaml-language-server: $schema=../schema/plan.schema.json\nfoo: 1\n", KindPlan},
		{"report modeline", "# yaml-language-server: $schema=https://example.org/schema/progress.schema.json\n", KindReport},
		{"other modeline", "# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json\non: push\njobs: {}\n", KindOther},
		{"workflow", "name: CI\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n", KindOther},
		{"catalogue", "titles:\n  - Giám đốc\ndepartments:\n  - name: Sở Nội vụ\n", KindOther},
		{"message file", "cli.see-help: 'Run ''{{.Cmd}} --help'' for usage.'\n", KindOther},
		{"top-level list", "# layouts\n- id: scored\n  font_size: 12\n", KindOther},
		{"nested plan key", "data:\n  plan: x\n", KindOther},
		{"plan key in a block scalar", "text: |\n  plan: x\n", KindOther},
		// What cannot be told apart is checked, so its problems show.
		{"empty", "", KindPlan},
		{"comments only", "# nothing yet\n", KindPlan},
		{"flow mapping", "{plan: {id: x}, appendices: []}\n", KindPlan},
		{"broken YAML", "plan: [\n", KindPlan},
		{"not YAML", "\x7fELF\x02\x01", KindPlan},
		{"BOM", "\xef\xbb\xbfplan:\n  id: x\n", KindPlan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.data)); got != tt.want {
				t.Errorf("Sniff(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

// TestSniffRepository: every plan and report of the repository is one;
// the data files beside the code are not.
func TestSniffRepository(t *testing.T) {
	check := func(pattern string, want Kind) {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v %d files", pattern, err, len(files))
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if got := Sniff(data); got != want {
				t.Errorf("%s: Sniff = %v, want %v", f, got, want)
			}
		}
	}
	check("../../plans/*.yaml", KindPlan)
	check("../../testdata/valid/*.yaml", KindPlan)
	check("../../testdata/progress/daknong-2024/*.yaml", KindReport)
	check("../../internal/*/*.yaml", KindOther)
	check("../../internal/msg/catalog/*.yaml", KindOther)
	check("../../schema/criteria/*.yaml", KindOther)
}
