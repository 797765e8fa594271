package validate

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/invalid")

// root is the repository root, where testdata/ and plans/ live.
const root = "../.."

func checkFile(t *testing.T, path string) []diag.Diagnostic {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	_, ds := File(path, data, Options{})
	return ds
}

func lines(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestValid: every file in testdata/valid validates with no findings.
func TestValid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "testdata/valid/*.yaml"))
	if len(files) == 0 {
		t.Fatal("no files in testdata/valid")
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			if ds := checkFile(t, rel); len(ds) > 0 && !allAcknowledged(ds) {
				t.Errorf("want no findings, got:\n%s", lines(ds))
			}
		})
	}
}

func allAcknowledged(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if !d.Acknowledged {
			return false
		}
	}
	return true
}

// TestInvalid compares the findings on each testdata/invalid/<case>.yaml
// with <case>.golden. Run `go test ./internal/validate -update` to
// rewrite the goldens after a deliberate change, and review the diff.
func TestInvalid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "testdata/invalid/*.yaml"))
	if len(files) == 0 {
		t.Fatal("no files in testdata/invalid")
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			got := lines(checkFile(t, rel))
			if got == "" {
				t.Fatal("an invalid case produced no findings")
			}
			golden := strings.TrimSuffix(f, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("findings differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestPlans: every bundled plan validates: no error that the plan does
// not acknowledge.
func TestPlans(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "plans/*.yaml"))
	if len(files) < 5 {
		t.Fatalf("want the five source plans in plans/, found %d", len(files))
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			for _, d := range checkFile(t, rel) {
				if d.Fails() || d.Severity == diag.Warning && !d.Acknowledged {
					t.Errorf("%s", d)
				}
			}
		})
	}
}

// TestREADMEListsEveryRule keeps the README's rule table in step with the
// rules parplan reports.
func TestREADMEListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		row := "| `" + r.ID + "` | " + r.Severity.String() + " | " + strings.ReplaceAll(r.Description().String(), "|", `\|`) + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md has no row %s", row)
		}
	}
}

// TestCriteriaSetCatchesChanges: in the Đắk Nông plan, a changed max
// point and an unknown code are caught at their lines.
func TestCriteriaSetCatchesChanges(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "plans/daknong-2024.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, rule string
	}{
		{name: "max", old: "            name: Thực hiện kế hoạch CCHC\n            max: 1.5\n", new: "            name: Thực hiện kế hoạch CCHC\n            max: 1.75\n", rule: ruleCriterionMax},
		{name: "code", old: `          - code: "1.7"`, new: `          - code: "1.9"`, rule: ruleUnknownCriterion},
		{name: "name", old: "name: Công tác tuyên truyền CCHC\n", new: "name: Công tác thi đua khen thưởng\n", rule: ruleCriterionMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(data), tt.old) {
				t.Fatalf("plan has no %q", tt.old)
			}
			changed := strings.Replace(string(data), tt.old, tt.new, 1)
			line := strings.Count(changed[:strings.Index(changed, tt.new)+len(tt.new)-1], "\n") + 1
			_, ds := File("daknong.yaml", []byte(changed), Options{})
			for _, d := range ds {
				if d.Rule == tt.rule && d.Fails() && d.Line >= line-2 && d.Line <= line {
					return
				}
			}
			t.Errorf("no %s error near line %d:\n%s", tt.rule, line, lines(ds))
		})
	}
}
