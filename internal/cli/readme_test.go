package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeExample is one "$ parplan …" line of the README and the output
// shown under it. A line "…" stands for any number of lines; a line that
// ends in "…" stands for any line that starts with the rest.
type readmeExample struct {
	line int
	args []string
	want []string
}

// readmeExamples reads the examples of the README's unlabelled code blocks.
func readmeExamples(t *testing.T, readme string) []readmeExample {
	t.Helper()
	var out []readmeExample
	inBlock, inAny, cur := false, false, -1
	for i, line := range strings.Split(readme, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock = !inAny && line == "```"
			inAny = !inAny
			cur = -1
		case inBlock && strings.HasPrefix(line, "$ parplan "):
			out = append(out, readmeExample{line: i + 1, args: strings.Fields(strings.TrimPrefix(line, "$ parplan "))})
			cur = len(out) - 1
		case inBlock && cur >= 0:
			out[cur].want = append(out[cur].want, line)
		}
	}
	return out
}

// matchLines reports whether got fits the pattern lines want.
func matchLines(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	w := want[0]
	if w == "…" {
		for i := 0; i <= len(got); i++ {
			if matchLines(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	if len(got) == 0 {
		return false
	}
	ok := got[0] == w
	if prefix, cut := strings.CutSuffix(w, "…"); cut && strings.TrimSpace(prefix) != "" {
		ok = strings.HasPrefix(got[0], prefix)
	}
	return ok && matchLines(want[1:], got[1:])
}

// TestREADMEExamples: every "$ parplan …" example of the README prints
// what the README shows, run from a copy of the repository's layout.
func TestREADMEExamples(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(t, string(readme))
	if len(examples) < 4 {
		t.Fatalf("found %d examples in README.md", len(examples))
	}
	dir := t.TempDir()
	for _, d := range []string{"plans", "schema", "testdata"} {
		if err := os.Symlink(filepath.Join(repo, d), filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, ex := range examples {
		var out bytes.Buffer
		ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &out, Getenv: func(k string) string {
			if k == "COLUMNS" {
				return "120"
			}
			return ""
		}}
		run(ex.args, ios)
		got := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		if !matchLines(ex.want, got) {
			t.Errorf("README.md:%d: parplan %s prints\n%s\nbut the README shows\n%s",
				ex.line, strings.Join(ex.args, " "), out.String(), strings.Join(ex.want, "\n"))
		}
	}
}
