package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/msg"
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
			out = append(out, readmeExample{line: i + 1, args: shellFields(strings.TrimPrefix(line, "$ parplan "))})
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

// shellFields splits a command line as a shell does for the README's
// examples: at spaces, except inside double quotes.
func shellFields(s string) []string {
	var out []string
	var cur strings.Builder
	quoted, any := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, any = !quoted, true
		case r == ' ' && !quoted:
			if any {
				out = append(out, cur.String())
			}
			cur.Reset()
			any = false
		default:
			cur.WriteRune(r)
			any = true
		}
	}
	if any {
		out = append(out, cur.String())
	}
	return out
}

// TestREADMERules: the README's table of rules is what
// validate --list-rules says, in English.
func TestREADMERules(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "<!-- rules:start")
	end := strings.Index(readme, "<!-- rules:end -->")
	if start < 0 || end < start {
		t.Fatal("README has no rules:start … rules:end block")
	}
	block := readme[strings.Index(readme[start:], "\n")+start+1 : end]
	p := msg.For(msg.EN)
	var b strings.Builder
	b.WriteString("| Rule | Severity | What it reports |\n|---|---|---|\n")
	for _, r := range allRules() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.Severity.Text(p), p.S(r.Description()))
	}
	if block != b.String() {
		t.Errorf("README rules table differs from the rules; replace it with:\n%s", b.String())
	}
}
