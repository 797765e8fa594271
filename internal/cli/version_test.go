package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/msg"
)

func TestBuildFrom(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	const sha = "0123456789abcdef0123456789abcdef01234567"
	tests := []struct {
		name                  string
		bi                    *debug.BuildInfo
		version, commit, date string
		want                  build
		line                  string
	}{
		{name: "no build information", want: build{Version: "(devel)"}, line: "parplan (devel) (commit unknown)"},
		{name: "go build in a checkout",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202155622-0123456789ab"}, Settings: vcs("vcs", "git", "vcs.revision", sha, "vcs.time", "2026-12-02T15:56:22Z", "vcs.modified", "false")},
			want: build{Version: "v0.0.0-20261202155622-0123456789ab", Commit: sha, Date: "2026-12-02T15:56:22Z"},
			line: "parplan v0.0.0-20261202155622-0123456789ab (commit 0123456789ab, 2026-12-02T15:56:22Z)"},
		{name: "modified checkout",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202155622-0123456789ab+dirty"}, Settings: vcs("vcs.revision", sha, "vcs.time", "2026-12-02T15:56:22Z", "vcs.modified", "true")},
			want: build{Version: "v0.0.0-20261202155622-0123456789ab+dirty", Commit: sha, Date: "2026-12-02T15:56:22Z", Modified: true},
			line: "parplan v0.0.0-20261202155622-0123456789ab+dirty (commit 0123456789ab with uncommitted changes, 2026-12-02T15:56:22Z)"},
		{name: "go install at a version", bi: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}},
			want: build{Version: "v1.2.3"}, line: "parplan v1.2.3 (commit unknown)"},
		{name: "devel without vcs", bi: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, want: build{Version: "(devel)"}},
		{name: "release stamped by ldflags", version: "v1.4.0", commit: sha, date: "2026-12-01T10:00:00Z",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "ffff", "vcs.time", "2020-01-01T00:00:00Z")},
			want: build{Version: "v1.4.0", Commit: sha, Date: "2026-12-01T10:00:00Z"},
			line: "parplan v1.4.0 (commit 0123456789ab, 2026-12-01T10:00:00Z)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildFrom(tt.bi, tt.version, tt.commit, tt.date)
			got.Go, got.Platform = "", ""
			if got != tt.want {
				t.Errorf("buildFrom = %+v, want %+v", got, tt.want)
			}
			if tt.line != "" {
				if l := got.oneLine(msg.For(msg.EN)); l != tt.line {
					t.Errorf("oneLine = %q, want %q", l, tt.line)
				}
			}
		})
	}
}

// TestVersionBuilt builds parplan both ways a person gets it — go build
// in a git checkout, and a release linked with -ldflags -X — and checks
// that parplan version says the commit. The checkout is a fresh
// repository holding the working tree, so the test sees this code, and
// the go command stamps it even where GOFLAGS says -buildvcs=false.
// -trimpath keeps the temporary directory's name out of the build, so
// the go command's cache serves the second and later runs.
func TestVersionBuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds parplan twice")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	run := func(dir string, env []string, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	// The files of the working tree: tracked and new, not ignored.
	for _, f := range strings.Split(run(root, nil, git, "ls-files", "-co", "--exclude-standard", "--", "go.mod", "go.sum", "cmd", "internal", "schema"), "\n") {
		data, err := os.ReadFile(filepath.Join(root, f))
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(src, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitEnv := []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org",
		"GIT_AUTHOR_DATE=2026-12-02T15:00:00Z", "GIT_COMMITTER_DATE=2026-12-02T15:00:00Z", "GIT_CONFIG_GLOBAL=/dev/null"}
	run(src, gitEnv, git, "init", "-q")
	run(src, gitEnv, git, "add", "-A")
	run(src, gitEnv, git, "commit", "-q", "-m", "snapshot")
	head := run(src, gitEnv, git, "rev-parse", "HEAD")

	goEnv := []string{"GOFLAGS=", "CGO_ENABLED=0"}
	version := func(bin string) build {
		var b build
		if err := json.Unmarshal([]byte(run(src, nil, bin, "version", "--format", "json")), &b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	bin := filepath.Join(t.TempDir(), "parplan")
	run(src, goEnv, "go", "build", "-trimpath", "-buildvcs=true", "-o", bin, "./cmd/parplan")
	b := version(bin)
	if b.Commit != head || b.Date != "2026-12-02T15:00:00Z" || b.Modified || !strings.Contains(b.Version, head[:12]) {
		t.Errorf("go build in a checkout: %+v, want commit %s", b, head)
	}
	if line := run(src, []string{"PARPLAN_LANG=en"}, bin, "--version"); line != "parplan "+b.Version+" (commit "+head[:12]+", 2026-12-02T15:00:00Z)" {
		t.Errorf("--version: %q", line)
	}

	pkg := "github.com/parplan/parplan/internal/cli"
	ldflags := "-X " + pkg + ".version=v1.4.0 -X " + pkg + ".commit=" + head + " -X " + pkg + ".date=2026-12-03T08:00:00Z"
	run(src, goEnv, "go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, "./cmd/parplan")
	if b := version(bin); b.Version != "v1.4.0" || b.Commit != head || b.Date != "2026-12-03T08:00:00Z" {
		t.Errorf("release build: %+v", b)
	}
}
