package cli

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExpandGlob: the patterns a Windows shell hands parplan unexpanded,
// with forward or back slashes, and ** for any depth.
func TestExpandGlob(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"plans/a.yaml", "plans/b.yml", "plans/c.txt", "plans/.hidden.yaml",
		"plans/sub/d.yaml", "plans/sub/deep/e.yaml", "other/f.yaml", "kế hoạch/g.yaml"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	tests := []struct {
		name      string
		pattern   string
		backslash bool
		want      []string
		wantErr   bool
	}{
		{name: "slashes", pattern: "plans/*.yaml", want: []string{"plans/a.yaml"}},
		{name: "backslashes on Windows", pattern: `plans\*.yaml`, backslash: true, want: []string{"plans/a.yaml"}},
		{name: "mixed on Windows", pattern: `plans\sub/*.yaml`, backslash: true, want: []string{"plans/sub/d.yaml"}},
		{name: "both extensions", pattern: "plans/*.y*ml", want: []string{"plans/a.yaml", "plans/b.yml"}},
		{name: "question mark and class", pattern: "plans/[ab].y?ml", want: []string{"plans/a.yaml"}},
		{name: "hidden needs a dot", pattern: "plans/.*.yaml", want: []string{"plans/.hidden.yaml"}},
		{name: "directory wildcard", pattern: "*/*.yaml", want: []string{"kế hoạch/g.yaml", "other/f.yaml", "plans/a.yaml"}},
		{name: "any depth", pattern: "plans/**/*.yaml", want: []string{"plans/a.yaml", "plans/sub/d.yaml", "plans/sub/deep/e.yaml"}},
		{name: "any depth on Windows", pattern: `plans\**\*.yaml`, backslash: true, want: []string{"plans/a.yaml", "plans/sub/d.yaml", "plans/sub/deep/e.yaml"}},
		{name: "leading ./", pattern: "./plans/*.yml", want: []string{"plans/b.yml"}},
		{name: "accented directory", pattern: "kế hoạch/*", want: []string{"kế hoạch/g.yaml"}},
		{name: "directories match", pattern: "plan?", want: []string{"plans"}},
		{name: "absolute", pattern: filepath.ToSlash(dir) + "/other/*.yaml", want: []string{filepath.ToSlash(dir) + "/other/f.yaml"}},
		{name: "no match", pattern: "plans/*.json", want: nil},
		{name: "missing directory", pattern: "nowhere/*.yaml", want: nil},
		{name: "malformed", pattern: "plans/[.yaml", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expandGlob(tt.pattern, tt.backslash)
			if tt.wantErr {
				if err == nil {
					t.Errorf("no error, got %q", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.FromSlash(w))
			}
			if !slices.Equal(got, want) {
				t.Errorf("expandGlob(%q) = %q, want %q", tt.pattern, got, want)
			}
		})
	}
}

// TestCollectInputs: a pattern is expanded only when no file has its
// name; a file whose name holds a "*" is read as itself; a backslash path
// that exists is a path.
func TestCollectInputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"plans/a.yaml", "plans/b.yaml", "odd/*.yaml"} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		want []string // paths; a trailing "!" marks one that cannot be read
	}{
		{"pattern", []string{"plans/*.yaml"}, []string{"plans/a.yaml", "plans/b.yaml"}},
		{"literal star file", []string{"odd/*.yaml"}, []string{"odd/*.yaml"}},
		{"no match", []string{"plans/*.json"}, []string{"plans/*.json!"}},
		{"missing file", []string{"plans/c.yaml"}, []string{"plans/c.yaml!"}},
		{"pattern of directories", []string{"pla*"}, []string{"plans/a.yaml", "plans/b.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, _, err := collectInputs(tt.args, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, in := range ins {
				s := filepath.ToSlash(in.path)
				if in.err != nil {
					s += "!"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("collectInputs(%q) = %q, want %q", tt.args, got, tt.want)
			}
		})
	}
	if _, _, err := collectInputs([]string{"plans/[x"}, nil); err == nil {
		t.Error("a malformed pattern is no error")
	}
	// An exclusion leaves a directory out of a walk from above, but not
	// a directory the user names inside it; a path named twice is read
	// once.
	ex := []exclusion{{pattern: "plans", base: dir}}
	for _, tt := range []struct {
		args []string
		want int
	}{{[]string{"."}, 1}, {[]string{"plans"}, 2}, {[]string{"plans", "plans/a.yaml", "./plans/a.yaml"}, 2}} {
		ins, _, err := collectInputs(tt.args, ex)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("%q with plans excluded: %d files, want the no-plan-files error", tt.args, len(ins))
			}
			continue
		}
		if err != nil || len(ins) != tt.want {
			t.Errorf("%q with plans excluded: %d files (%v), want %d", tt.args, len(ins), err, tt.want)
		}
	}
}
