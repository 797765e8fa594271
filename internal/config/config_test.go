package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    Config
		wantErr []string // each error line, the file name left out
	}{
		{name: "empty", data: ""},
		{name: "comments only", data: "# nothing\n"},
		{name: "everything", data: "paths: [plans, reports]\nexclude:\n  - testdata\n  - 'plans/old/**'\nlang: en\nfail-on: warning\n",
			want: Config{Paths: []string{"plans", "reports"}, Exclude: []string{"testdata", "plans/old/**"}, Lang: "en", FailOn: "warning"}},
		{name: "one path as a string", data: "paths: plans\n", want: Config{Paths: []string{"plans"}}},
		{name: "unknown key", data: "paths: [plans]\nexlude: [testdata]\n",
			wantErr: []string{`:2:1: unknown key "exlude" (known keys: paths, exclude, lang, fail-on)`}},
		{name: "all errors at once", data: "lang: fr\nfail-on: fatal\npaths: {a: b}\n",
			wantErr: []string{`:1:7: lang: "fr" is not a valid value (valid: vi, en)`,
				`:2:10: fail-on: "fatal" is not a valid value (valid: error, warning, note)`,
				`:3:8: paths must be a list of paths or patterns, such as [plans]`}},
		{name: "bad glob", data: "exclude: ['plans/[']\n", wantErr: []string{`:1:10: exclude: "plans/[" is not a valid pattern`}},
		{name: "not a mapping", data: "- plans\n", wantErr: []string{`:1:1: the configuration must be a mapping`}},
		{name: "syntax", data: "paths:\n  - plans\n\tlang: en\n", wantErr: []string{`:2: not valid YAML: found a tab character that violates indentation`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			write(t, path, tt.data)
			c, err := Load(path)
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("no error, want %q", tt.wantErr)
				}
				lines := strings.Split(err.Error(), "\n")
				if len(lines) != len(tt.wantErr) {
					t.Fatalf("errors:\n%v\nwant %d", err, len(tt.wantErr))
				}
				for i, l := range lines {
					if !strings.HasPrefix(l, path) || !strings.HasPrefix(strings.TrimPrefix(l, path), tt.wantErr[i]) {
						t.Errorf("error %q, want %s%s…", l, path, tt.wantErr[i])
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.File, tt.want.Dir = path, dir
			if c.File != tt.want.File || c.Dir != tt.want.Dir || !slices.Equal(c.Paths, tt.want.Paths) ||
				!slices.Equal(c.Exclude, tt.want.Exclude) || c.Lang != tt.want.Lang || c.FailOn != tt.want.FailOn {
				t.Errorf("got %+v, want %+v", *c, tt.want)
			}
		})
	}
}

// TestFind: the nearest configuration up to the repository's root; none
// above it, and outside a repository only the directory itself.
func TestFind(t *testing.T) {
	top := t.TempDir()
	write(t, filepath.Join(top, FileName), "") // above the repository: never applies
	write(t, filepath.Join(top, "repo", ".git", "HEAD"), "")
	write(t, filepath.Join(top, "repo", "a", "b", "x"), "")
	write(t, filepath.Join(top, "other", "c", "x"), "")
	write(t, filepath.Join(top, "worktree", ".git"), "gitdir: elsewhere\n")
	write(t, filepath.Join(top, "worktree", FileName), "")
	write(t, filepath.Join(top, "worktree", "d", "x"), "")
	tests := []struct {
		name, dir, want string
	}{
		{"repository without configuration", "repo/a/b", ""},
		{"outside a repository", "other/c", ""},
		{"outside a repository, in its directory", ".", FileName},
		{"worktree root", "worktree", "worktree/" + FileName},
		{"below the worktree root", "worktree/d", "worktree/" + FileName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Find(filepath.Join(top, tt.dir))
			if tt.want == "" {
				if ok {
					t.Errorf("found %s", got)
				}
				return
			}
			if want := filepath.Join(top, tt.want); !ok || got != want {
				t.Errorf("Find = %q, %v; want %q", got, ok, want)
			}
		})
	}
	// The nearest one wins.
	write(t, filepath.Join(top, "repo", FileName), "")
	write(t, filepath.Join(top, "repo", "a", FileName), "")
	if got, _ := Find(filepath.Join(top, "repo", "a", "b")); got != filepath.Join(top, "repo", "a", FileName) {
		t.Errorf("nearest: %s", got)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"testdata", "testdata/invalid/x.yaml", true},
		{"testdata", "internal/cli/testdata/script/a.txtar", true},
		{"testdata", "plans/testdata.yaml", false},
		{"*.bak.yaml", "plans/x.bak.yaml", true},
		{"*.bak.yaml", "plans/x.yaml", false},
		{"plans/old", "plans/old/a.yaml", true},
		{"plans/old/", "plans/old/a.yaml", true},
		{"./plans/old", "plans/old/a.yaml", true},
		{"plans/old", "x/plans/old/a.yaml", false},
		{"plans/old/**", "plans/old/a/b.yaml", true},
		{"**/drafts", "a/b/drafts/c.yaml", true},
		{"**/drafts", "drafts/c.yaml", true},
		{"plans/*-2021.yaml", "plans/hagiang-2021.yaml", true},
		{"plans/*-2021.yaml", "plans/daknong-2024.yaml", false},
		{"plans/**/*.yml", "plans/a/b/c.yml", true},
		{"plans/**/*.yml", "plans/c.yml", true},
		{"plans/**/*.yml", "plans/c.yaml", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.name); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
	for _, p := range []string{"", " ", "[", "a/[b"} {
		if ValidPattern(p) {
			t.Errorf("ValidPattern(%q)", p)
		}
	}
}
