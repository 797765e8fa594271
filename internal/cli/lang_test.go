package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// langRuns are the command lines whose every word a person reads: help,
// findings of every test plan, summaries, tables' surroundings, errors.
func langRuns(t *testing.T) [][]string {
	t.Helper()
	dir := t.TempDir()
	runs := [][]string{
		{"--help"}, {"help"}, {"help", "gap"}, {"completion", "--help"}, {"completion", "bash", "--help"},
		{"validate", "--help"}, {"gap", "--help"}, {"criteria", "--help"}, {"init", "--help"}, {"export", "--help"},
		{"validate", "--list-rules"},
		{"validate", "../../plans"},
		{"validate", "../../testdata/valid"},
		{"validate", "--format", "github", "../../plans/hagiang-2021.yaml"},
		{"criteria"}, {"criteria", "bnv-876-2022", "--level", "field"},
		{"init", "--set", "bnv-876-2022", "--year", "2025", "-o", "-"},
		{"init", "--set", "bnv-1149-2020", "--year", "2021", "-o", filepath.Join(dir, "new.yaml")},
		{"init", "--set", "bnv-1149-2020", "--year", "2021", "-o", filepath.Join(dir, "new.yaml")},
		{"init", "--year", "2025"},
		{"export", "../../plans/tuyenquang-skh-2023.yaml", "-o", filepath.Join(dir, "tq.xlsx")},
		{"export", "../../plans/tuyenquang-skh-2023.yaml", "-o", filepath.Join(dir, "tq.xlsx")},
		{"export", "../../testdata/invalid/ranges.yaml", "-o", filepath.Join(dir, "x.xlsx")},
		{"export", "../../plans/daknong-2024.yaml", "--appendix", "nope"},
		{"export", "missing.yaml"},
		{"gap"}, {"gap", "../../plans"}, {"gap", "a.yaml", "b.yaml"}, {"gap", "../../plans/daknong-2024.yaml", "--level", "deep"},
		{"gap", "../../testdata/invalid/syntax.yaml"},
		{"diff", "--help"}, {"diff"}, {"diff", "a", "b"}, {"diff", "../../testdata/diff/v1.yaml", "missing.yaml"},
		{"diff", "../../testdata/diff/v1.yaml", "../../testdata/diff/v2.yaml"},
		{"diff", "../../testdata/diff/v1.yaml", "../../testdata/diff/v2.yaml", "-f", "markdown"},
		{"diff", "../../testdata/diff/v1.yaml", "../../testdata/diff/v2.yaml", "--appendix", "nope"},
		{"diff", "../../testdata/diff/v1.yaml", "../../testdata/diff/v1.yaml"},
		{"diff", "../../testdata/diff/v1.yaml", "../../testdata/invalid/syntax.yaml"},
		{"diff", "HEAD~999999", "../../testdata/diff/v1.yaml"},
		{"validate"}, {"validate", ""}, {"validate", "--format", "xml", "x.yaml"}, {"validate", "--nope"},
		{"frobnicate"}, {"valdate"}, {"criteria", "nope"}, {"gap", "--top"},
		{"gap", "../../plans/daknong-2024.yaml", "--recoverable", "--sort", "lost"},
		{"gap", "../../testdata/valid/scored.yaml", "--recoverable"},
		{"import", "--help"}, {"import"}, {"import", "../../testdata/import/daknong-2024.docx"},
		{"import", "../../testdata/import/hagiang-2021.xlsx", "-o", filepath.Join(dir, "hg.yaml")},
		{"import", "../../testdata/import/bad/unknown-header.docx"}, {"import", "../../testdata/import/bad/bomb.docx"},
		{"import", "../../testdata/import/bad/password.xlsx"}, {"import", "../../testdata/import/tuyenquang-skh-2023.doc"},
		{"import", "../../testdata/import/bad/no-table.docx"}, {"import", "../../testdata/import/bad/truncated.docx"},
		{"worklist", "--help"}, {"worklist"}, {"worklist", "../../plans/daknong-2024.yaml", "--agency", "nope"},
		{"worklist", "../../plans/daknong-2024.yaml", "-f", "csv", "-o", filepath.Join(dir, "wl.csv")},
		{"worklist", "../../plans/daknong-2024.yaml", "-f", "csv", "-o", filepath.Join(dir, "wl.csv")},
		{"progress", "--help"}, {"progress"}, {"progress", "../../plans/daknong-2024.yaml", "--as-of", "9/2024"},
		{"progress", "../../plans/daknong-2024.yaml", "../../testdata/progress/bad/unknown-ref.yaml", "--as-of", "2024-09-30"},
		{"progress", "../../plans/daknong-2024.yaml", "../../plans/gialai-2021.yaml"},
		{"progress", "../../plans/hagiang-2021.yaml", "--as-of", "2022-01-15", "-f", "markdown", "-o", filepath.Join(dir, "p.md")},
		{"validate", "../../testdata/progress"},
		{"init", "--progress", "../../plans/daknong-2024.yaml", "--agency", "so tu phap", "--as-of", "2024-09-30", "-o", "-"},
		{"init", "--progress", "../../plans/daknong-2024.yaml", "--agency", "so tu phap", "-o", "-"},
		{"review", "--help"}, {"help", "review"}, {"review"}, {"review", "../../plans/daknong-2024.yaml"},
		{"review", "../../plans/daknong-2024.yaml", "../../testdata/review/daknong-2025.yaml", "../../testdata/review/daknong-2026.yaml"},
		{"review", "../../plans/daknong-2024.yaml", "../../testdata/review/daknong-2025.yaml", "-f", "markdown"},
		{"review", "../../plans/hagiang-2021.yaml", "../../testdata/review/hagiang-2022.yaml"},
		{"review", "../../testdata/review/daknong-2025.yaml", "../../plans/daknong-2024.yaml"},
		{"review", "../../plans/daknong-2024.yaml", "../../testdata/review/daknong-2026.yaml", "--force-years"},
		{"review", "../../plans/daknong-2024.yaml", "../../testdata/invalid/syntax.yaml"},
		{"review", "../../plans/daknong-2024.yaml", "../../testdata/review/daknong-2025.yaml", "-f", "xml"},
	}
	plans, _ := filepath.Glob("../../plans/*.yaml")
	for _, f := range plans {
		runs = append(runs, []string{"gap", f}, []string{"gap", f, "--by", "lead"}, []string{"gap", f, "-f", "markdown"},
			[]string{"gap", f, "--recoverable"}, []string{"gap", f, "--recoverable", "-f", "markdown"})
	}
	invalid, _ := filepath.Glob("../../testdata/invalid/*.yaml")
	for _, f := range invalid {
		runs = append(runs, []string{"validate", f})
	}
	return runs
}

var (
	// englishWords are function words of English sentences that
	// Vietnamese text never uses.
	englishWords = regexp.MustCompile(`\b(the|is|are|must|not|has|have|this|that|with|for|of|and|be|from|which|should|cannot|does|found|expected|line|file|files|no|was|use|run)\b`)
	// vietnamese letters: đ and the vowels with a breve, circumflex,
	// horn or a tone mark.
	vietnamese = regexp.MustCompile(`[đĐăâêôơưĂÂÊÔƠƯ]|[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]`)
	// quotedText is what a message quotes from the plan or the command
	// line, the acknowledgement's reason, and code.
	quotedText = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|'[^']*'|\\((?:acknowledged|đã ghi nhận): .*\\)$|\\[[a-z-]+\\]$")
	// rawID is a message missing from the catalogue, as msg renders it.
	rawID = regexp.MustCompile(`\b[a-z]+\.[a-z0-9.-]+\[|<no value>`)
)

// TestLanguages: in Vietnamese no English sentence, in English no
// Vietnamese outside what is quoted from plans.
func TestLanguages(t *testing.T) {
	for _, args := range langRuns(t) {
		for _, lang := range []string{"vi", "en"} {
			var out, errOut bytes.Buffer
			ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
			run(append(append([]string{}, args...), "--lang", lang), ios)
			data := planTexts(t, args)
			inTable := ""
			outLines := strings.Split(out.String(), "\n")
			for n, line := range append(outLines, strings.Split(errOut.String(), "\n")...) {
				fromOut := n < len(outLines)
				// Inside a table only the header is the tool's: the body
				// holds the plan's names and agencies.
				switch {
				case strings.HasPrefix(line, "┌"):
					inTable = "header"
				case strings.HasPrefix(line, "├"):
					inTable = "body"
				case strings.HasPrefix(line, "└"):
					inTable = ""
				}
				if inTable == "body" || (inTable == "" && strings.HasPrefix(line, "|") && !strings.Contains(line, "---")) {
					continue
				}
				for _, d := range data {
					line = strings.ReplaceAll(line, d, " ")
				}
				if rawID.MatchString(line) {
					t.Errorf("%s %v: a message missing from the catalogue: %s", lang, args, line)
				}
				if strings.HasPrefix(line, "PK") {
					break
				}
				text := quotedText.ReplaceAllString(line, " ")
				text = pathLike.ReplaceAllString(text, " ")
				switch lang {
				case "vi":
					if w := distinct(englishWords.FindAllString(strings.ToLower(text), -1)); len(w) >= 2 {
						t.Errorf("vi %v: English in %q (%v)", args, line, w)
					}
				case "en":
					if !isPlanData(args, line, fromOut) && vietnamese.MatchString(text) {
						t.Errorf("en %v: Vietnamese in %q", args, line)
					}
				}
			}
		}
	}
}

// planTexts returns every text of the plan files among args, longest
// first: what the output quotes from the plan is data, in its language.
func planTexts(t *testing.T, args []string) []string {
	t.Helper()
	var out []string
	for _, a := range args {
		if !strings.HasSuffix(a, ".yaml") {
			continue
		}
		data, err := os.ReadFile(a)
		if err != nil {
			continue
		}
		p, _ := plan.Load(a, data)
		if p == nil {
			continue
		}
		var walk func(v reflect.Value)
		walk = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer:
				if !v.IsNil() {
					walk(v.Elem())
				}
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					walk(v.Index(i))
				}
			case reflect.Struct:
				if t, ok := v.Interface().(plan.Text); ok {
					if t.Value != "" {
						out = append(out, t.Value)
					}
					return
				}
				for i := 0; i < v.NumField(); i++ {
					if name := v.Type().Field(i).Name; name != "Parent" && name != "Sums" {
						walk(v.Field(i))
					}
				}
			}
		}
		walk(reflect.ValueOf(p))
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// pathLike matches file names and paths, which are data.
var pathLike = regexp.MustCompile(`\S*[/\\]\S*|\S+\.(yaml|yml|xlsx)\b`)

// isPlanData reports whether a line of output is the plan's or the
// criteria set's own text: table rows, the scaffold's YAML, the names of
// sheets.
func isPlanData(args []string, line string, fromOut bool) bool {
	t := strings.TrimSpace(line)
	switch {
	case t == "" || strings.ContainsAny(t[:1], "│┌├└|-"):
		return true
	case fromOut && (args[0] == "init" || args[0] == "import") && !strings.HasPrefix(t, "#"):
		return true // the plan file written to standard output
	case args[0] == "criteria":
		return true
	}
	// export names the sheets it wrote, in the documents' language.
	return args[0] == "export" && (strings.HasPrefix(t, "wrote ") || strings.HasPrefix(t, "đã ghi "))
}

func distinct(ws []string) []string {
	var out []string
	for _, w := range ws {
		dup := false
		for _, o := range out {
			dup = dup || o == w
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}

// TestDefaultLanguage: without --lang, PARPLAN_LANG or a locale parplan
// speaks Vietnamese; the locale and PARPLAN_LANG choose.
func TestDefaultLanguage(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{env: nil, want: "không phát hiện vấn đề nào"},
		{env: map[string]string{"LANG": "en_US.UTF-8"}, want: "no problems"},
		{env: map[string]string{"LANG": "en_US.UTF-8", "PARPLAN_LANG": "vi"}, want: "không phát hiện vấn đề nào"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(k string) string { return tt.env[k] }}
		run([]string{"validate", "../../testdata/valid/minimal.yaml"}, ios)
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("env %v: got %q, want %q", tt.env, out.String(), tt.want)
		}
	}
	var out, errOut bytes.Buffer
	ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: os.Getenv}
	if code := run([]string{"validate", "--lang", "fr", "x.yaml"}, ios); code != ExitUsage || !strings.Contains(errOut.String(), "fr") {
		t.Errorf("--lang fr: exit %d, %q", code, errOut.String())
	}
}
