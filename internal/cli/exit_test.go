package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes pins the documented exit status of each kind of outcome.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.yaml", "plan: {id: g, title: T, year: 2024}\nappendices:\n  - id: a\n    items: [{name: x}]\n")
	bad := write("bad.yaml", "plan: {id: b, title: T, year: 2024}\nappendices:\n  - id: a\n    items: [{name: x, max: 1, achieved: 2}]\n")
	warn := write("warn.yaml", "plan: {id: w, title: T, year: 2024}\nappendices:\n  - id: a\n    items: []\n")
	huge := write("huge.yaml", strings.Repeat("# padding\n", 1_100_000))
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want int
		// dir is the working directory, if not the package's (which is
		// in the repository, whose .parplan.yaml applies).
		dir string
	}{
		{name: "clean", args: []string{"validate", good}, want: ExitOK},
		{name: "warnings only", args: []string{"validate", warn}, want: ExitOK},
		{name: "errors", args: []string{"validate", bad}, want: ExitProblems},
		{name: "errors in one of two", args: []string{"validate", good, bad}, want: ExitProblems},
		{name: "bundled plans", args: []string{"validate", "../../plans"}, want: ExitOK},
		{name: "no arguments", args: []string{"validate"}, want: ExitUsage, dir: dir},
		{name: "no arguments in the repository", args: []string{"validate"}, want: ExitOK},
		{name: "unknown flag", args: []string{"validate", "--nope", good}, want: ExitUsage},
		{name: "unknown format", args: []string{"validate", "-f", "xml", good}, want: ExitUsage},
		{name: "unknown command", args: []string{"nope"}, want: ExitUsage},
		{name: "directory without plans", args: []string{"validate", empty}, want: ExitUsage},
		{name: "file over the size limit", args: []string{"validate", huge}, want: ExitProblems},
		{name: "missing file", args: []string{"validate", filepath.Join(dir, "missing.yaml")}, want: ExitFailure},
		{name: "missing beats errors", args: []string{"validate", bad, filepath.Join(dir, "missing.yaml")}, want: ExitFailure},
		{name: "gap", args: []string{"gap", "../../plans/daknong-2024.yaml"}, want: ExitOK},
		{name: "gap on a plan with errors", args: []string{"gap", bad}, want: ExitOK},
		{name: "gap on a broken file", args: []string{"gap", write("broken.yaml", "plan: [")}, want: ExitProblems},
		{name: "gap on a missing file", args: []string{"gap", filepath.Join(dir, "missing.yaml")}, want: ExitFailure},
		{name: "gap with a bad level", args: []string{"gap", good, "--level", "x"}, want: ExitUsage},
		{name: "gap without a file", args: []string{"gap"}, want: ExitUsage},
		{name: "criteria", args: []string{"criteria", "bnv-876-2022"}, want: ExitOK},
		{name: "criteria unknown", args: []string{"criteria", "nope"}, want: ExitUsage},
		{name: "init", args: []string{"init", "--set", "bnv-876-2022", "--year", "2025", "-o", filepath.Join(dir, "new.yaml")}, want: ExitOK},
		{name: "init over a file", args: []string{"init", "--set", "bnv-876-2022", "--year", "2025", "-o", good}, want: ExitUsage},
		{name: "init into a missing directory", args: []string{"init", "--set", "bnv-876-2022", "--year", "2025", "-o", filepath.Join(dir, "no", "x.yaml")}, want: ExitFailure},
		{name: "help", args: []string{"--help"}, want: ExitOK},
		{name: "version", args: []string{"--version"}, want: ExitOK},
		{name: "list rules", args: []string{"validate", "--list-rules"}, want: ExitOK},
		{name: "diff of equal plans", args: []string{"diff", good, good}, want: ExitOK},
		{name: "diff of plans that differ", args: []string{"diff", good, bad}, want: ExitProblems},
		{name: "diff with a broken file", args: []string{"diff", good, write("broken2.yaml", "plan: [")}, want: ExitProblems},
		{name: "diff with a missing file", args: []string{"diff", good, filepath.Join(dir, "missing.yaml")}, want: ExitFailure},
		{name: "diff with one argument", args: []string{"diff", good}, want: ExitUsage},
		{name: "diff with a bad format", args: []string{"diff", good, bad, "-f", "xml"}, want: ExitUsage},
		{name: "diff with an unknown appendix", args: []string{"diff", good, bad, "--appendix", "nope"}, want: ExitUsage},
		{name: "diff of two non-files", args: []string{"diff", "nope", "nada"}, want: ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dir != "" {
				t.Chdir(tt.dir)
			}
			var out, errOut bytes.Buffer
			got := Main(tt.args, strings.NewReader(""), &out, &errOut)
			if got != tt.want {
				t.Errorf("parplan %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), got, tt.want, out.String(), errOut.String())
			}
			if strings.Contains(errOut.String(), "goroutine ") {
				t.Errorf("stack trace on stderr:\n%s", errOut.String())
			}
		})
	}
}
