package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The files that plug parplan into other tools, at the repository root:
// the pre-commit hook (.pre-commit-hooks.yaml) and the GitHub Action
// (action.yml). Neither tool runs here, so these tests hold the files to
// what pre-commit and the Actions runner require, and run what they run.

// preCommitHook is one entry of .pre-commit-hooks.yaml; known lists the
// keys pre-commit documents for a hook.
type preCommitHook struct {
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames *bool  `yaml:"pass_filenames"`
}

var preCommitKeys = []string{
	"id", "name", "entry", "language", "files", "exclude", "types", "types_or", "exclude_types",
	"always_run", "fail_fast", "verbose", "pass_filenames", "require_serial", "description",
	"language_version", "minimum_pre_commit_version", "args", "stages", "additional_dependencies",
}

// decodeStrict decodes a YAML file of the repository root into v, and
// returns its node for the checks the type cannot make.
func decodeStrict(t *testing.T, name string, v any) *yaml.Node {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := doc.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc.Content[0]
}

// mapKeys returns the keys of a mapping node.
func mapKeys(n *yaml.Node) []string {
	var out []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, n.Content[i].Value)
	}
	return out
}

func TestPreCommitHooks(t *testing.T) {
	var hooks []preCommitHook
	root := decodeStrict(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 {
		t.Fatalf(".pre-commit-hooks.yaml has %d hooks, want 1", len(hooks))
	}
	for _, k := range mapKeys(root.Content[0]) {
		if !slices.Contains(preCommitKeys, k) {
			t.Errorf("hook key %q is not one pre-commit knows", k)
		}
	}
	h := hooks[0]
	switch {
	case h.ID != "parplan-validate":
		t.Errorf("id = %q, want parplan-validate", h.ID)
	case h.Name == "":
		t.Error("the hook has no name (pre-commit requires one)")
	case h.Language != "golang":
		t.Errorf("language = %q, want golang", h.Language)
	case h.Entry != "parplan validate" && !strings.HasPrefix(h.Entry, "parplan validate "):
		t.Errorf("entry = %q, want parplan validate …", h.Entry)
	case h.PassFilenames == nil || !*h.PassFilenames:
		t.Error("pass_filenames is not true")
	}
	files, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	for name, want := range map[string]bool{
		"plans/daknong-2024.yaml": true, "plans/x.yml": true, "plans/sub/x.yaml": true,
		"testdata/valid/minimal.yaml": false, "plans/README.md": false, "internal/plans/x.yaml": false,
	} {
		if got := files.MatchString(name); got != want {
			t.Errorf("files %q matches %s: %v, want %v", h.Files, name, got, want)
		}
	}

	// What pre-commit runs on the bundled plans: the entry, then the
	// staged files that match, from the repository root. It passes.
	t.Chdir(filepath.Join("..", ".."))
	plans, err := filepath.Glob("plans/*")
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Fields(h.Entry)[1:]
	for _, p := range plans {
		if files.MatchString(filepath.ToSlash(p)) {
			args = append(args, p)
		}
	}
	if len(args) < 3 {
		t.Fatalf("files matches %d of plans/*", len(args)-1)
	}
	var out bytes.Buffer
	ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &out, Getenv: func(string) string { return "" }}
	if code := run(args, ios); code != 0 {
		t.Errorf("parplan %s exits %d:\n%s", strings.Join(args, " "), code, out.String())
	}
}

// action is the part of action.yml the runner reads.
type action struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Inputs      map[string]struct {
		Description string  `yaml:"description"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID    string            `yaml:"id"`
	Name  string            `yaml:"name"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	With  map[string]string `yaml:"with"`
	Env   map[string]string `yaml:"env"`
}

// actionExpr finds the ${{ … }} expressions of action.yml, and the inputs
// and steps they name.
var (
	actionExpr   = regexp.MustCompile(`\$\{\{(.*?)\}\}`)
	actionInput  = regexp.MustCompile(`\binputs\.([A-Za-z_][A-Za-z0-9_-]*)`)
	actionStepID = regexp.MustCompile(`\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)\.`)
)

func TestAction(t *testing.T) {
	var a action
	decodeStrict(t, "action.yml", &a)
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	if len(a.Runs.Steps) == 0 {
		t.Fatal("runs.steps is empty")
	}
	for name, want := range map[string]string{"paths": "plans/", "version": "", "sarif": "true"} {
		in, ok := a.Inputs[name]
		switch {
		case !ok:
			t.Errorf("no input %q", name)
		case in.Description == "":
			t.Errorf("input %q has no description", name)
		case in.Default == nil || *in.Default != want:
			t.Errorf("input %q: default is not %q", name, want)
		}
	}

	ids := map[string]bool{}
	var installs, validates, uploads int
	for i, s := range a.Runs.Steps {
		where := s.Name
		if where == "" {
			where = fmt.Sprintf("step %d", i+1)
		}
		if (s.Uses == "") == (s.Run == "") {
			t.Errorf("%s: a step has either uses or run", where)
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("%s: a run step of a composite action needs shell", where)
		}
		if s.Uses != "" && !regexp.MustCompile(`^[\w.-]+/[\w./-]+@\S+$`).MatchString(s.Uses) {
			t.Errorf("%s: uses %q is not owner/repo@ref", where, s.Uses)
		}
		// Every expression names inputs the action has and steps before it;
		// run scripts take inputs through env, never ${{ }} (injection).
		texts := []string{s.If, s.Uses}
		for _, v := range s.With {
			texts = append(texts, v)
		}
		for _, v := range s.Env {
			texts = append(texts, v)
		}
		if actionExpr.MatchString(s.Run) {
			t.Errorf("%s: run has a ${{ }} expression; pass it through env", where)
		}
		for _, text := range texts {
			for _, m := range actionInput.FindAllStringSubmatch(text, -1) {
				if _, ok := a.Inputs[m[1]]; !ok {
					t.Errorf("%s: inputs.%s is not an input", where, m[1])
				}
			}
			for _, m := range actionStepID.FindAllStringSubmatch(text, -1) {
				if !ids[m[1]] {
					t.Errorf("%s: steps.%s is no step before it", where, m[1])
				}
			}
		}
		if s.ID != "" {
			ids[s.ID] = true
		}
		switch {
		case strings.Contains(s.Run, "go install github.com/parplan/parplan/cmd/parplan@") ||
			strings.Contains(s.Run, `go install "github.com/parplan/parplan/cmd/parplan@`):
			installs++
		case strings.Contains(s.Run, "parplan validate --format sarif") && strings.Contains(s.Run, "> parplan.sarif"):
			validates++
			if !strings.Contains(s.Run, "set +e") || !strings.Contains(s.Run, "$GITHUB_OUTPUT") {
				t.Errorf("%s: validate's exit status is not kept for after the upload", where)
			}
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			uploads++
			if !strings.HasPrefix(s.If, "always()") {
				t.Errorf("%s: the upload runs only if: always()…, so findings reach code scanning when validate fails", where)
			}
			if s.With["sarif_file"] != "parplan.sarif" {
				t.Errorf("%s: sarif_file = %q", where, s.With["sarif_file"])
			}
		}
	}
	if installs != 1 || validates != 1 || uploads != 1 {
		t.Errorf("steps: %d go install, %d validate to parplan.sarif, %d upload-sarif; want one each", installs, validates, uploads)
	}
	last := a.Runs.Steps[len(a.Runs.Steps)-1]
	if !strings.Contains(last.If, "steps.validate.outputs.status") || !strings.Contains(last.Run, "exit") {
		t.Error("the last step does not fail the job with validate's exit status")
	}

	// The module path go install names is this module's, with its command.
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(mod, []byte("module github.com/parplan/parplan\n")) {
		t.Error("go.mod's module is not github.com/parplan/parplan, which action.yml installs")
	}
	if _, err := os.Stat("../../cmd/parplan/main.go"); err != nil {
		t.Error(err)
	}
	var names []string
	for n := range a.Inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	if !slices.Equal(names, []string{"paths", "sarif", "version"}) {
		t.Errorf("inputs = %v", names)
	}
}
