package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
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

// The whole-file patterns Sniff and IsReport used to run: the line scan
// must agree with them on every input.
var (
	oldModeline  = regexp.MustCompile(`(?m)^#\s*yaml-language-server:\s*\$schema=\S*?(plan|progress)\.schema\.json\b`)
	oldPlanKeys  = regexp.MustCompile(`(?m)^["']?(plan|appendices)["']?[ \t]*:`)
	oldAnyKey    = regexp.MustCompile(`(?m)^(?:"[^"\n]*"|'[^'\n]*'|[^\s#\-\[\]{}&*!|>'"%@` + "`" + `,?:][^:\n]*?)[ \t]*:(?:[ \t]|$)`)
	oldTopItem   = regexp.MustCompile(`(?m)^-(?:[ \t]|$)`)
	oldReportKey = regexp.MustCompile(`(?m)^["']?progress["']?[ \t]*:`)
	oldPlanKey   = regexp.MustCompile(`(?m)^["']?plan["']?[ \t]*:`)
)

func oldIsReport(data []byte) bool {
	return oldReportKey.Match(data) && !oldPlanKey.Match(data)
}

func oldSniff(data []byte) Kind {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if m := oldModeline.FindSubmatch(data); m != nil {
		if string(m[1]) == "progress" {
			return KindReport
		}
		return KindPlan
	}
	switch {
	case oldPlanKeys.Match(data):
		return KindPlan
	case oldIsReport(data):
		return KindReport
	case oldAnyKey.Match(data) || oldTopItem.Match(data):
		return KindOther
	}
	return KindPlan
}

// sniffSeeds are inputs at the edges of the line scan.
var sniffSeeds = []string{
	"#\n\nyaml-language-server: $schema=plan.schema.json\n",
	"#\n yaml-language-server: $schema=x/progress.schema.json\nplan: 1\n",
	"# yaml-language-server: $schema=plan.schema.jsonx progress.schema.json\n",
	"# yaml-language-server: $schema=aplan.schema.json_\n# yaml-language-server: $schema=progress.schema.json\n",
	"progress:\r\nplan:\n",
	"\xef\xbb\xbfprogress:\n",
	" progress:\n",
	"\tplan:\n",
	"- \n",
	"-x: 1\n",
	"'a:b': 1\n",
	"\"plan\"\t:\n",
	"\vkey: 1\n",
	"key:",
	"plan",
}

func TestSniffAsBefore(t *testing.T) {
	var inputs []string
	inputs = append(inputs, sniffSeeds...)
	for _, f := range append(globAll(t, "../../plans/*.yaml"), globAll(t, "../../testdata/*/*.yaml")...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(data))
	}
	for _, in := range inputs {
		if got, want := Sniff([]byte(in)), oldSniff([]byte(in)); got != want {
			t.Errorf("Sniff(%.80q) = %v, the whole-file patterns say %v", in, got, want)
		}
		if got, want := IsReport([]byte(in)), oldIsReport([]byte(in)); got != want {
			t.Errorf("IsReport(%.80q) = %v, the whole-file patterns say %v", in, got, want)
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range sniffSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := Sniff(data), oldSniff(data); got != want {
			t.Errorf("Sniff(%q) = %v, the whole-file patterns say %v", data, got, want)
		}
		if got, want := IsReport(data), oldIsReport(data); got != want {
			t.Errorf("IsReport(%q) = %v, the whole-file patterns say %v", data, got, want)
		}
	})
}

func globAll(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: %v, %d files", pattern, err, len(files))
	}
	return files
}
