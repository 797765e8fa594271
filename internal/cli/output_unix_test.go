//go:build unix

package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputDanglingLink: -o through a symbolic link to a file that does
// not exist is an existing name: refused without --force by every command
// that writes with -o, and the link is left alone.
func TestOutputDanglingLink(t *testing.T) {
	const plan = "../../plans/daknong-2024.yaml"
	tests := []struct {
		name  string
		args  []string
		force bool // the command has --force
	}{
		{name: "export", args: []string{"export", plan}, force: true},
		{name: "import", args: []string{"import", "../../testdata/import/daknong-2024.docx"}, force: true},
		{name: "worklist", args: []string{"worklist", plan}, force: true},
		{name: "worklist xlsx", args: []string{"worklist", plan, "-f", "xlsx", "--agency", "so noi vu"}, force: true},
		{name: "progress", args: []string{"progress", plan}, force: true},
		{name: "init", args: []string{"init", "--set", "bnv-876-2022", "--year", "2025"}},
		{name: "init progress", args: []string{"init", "--progress", plan, "--agency", "so tu phap", "--as-of", "2024-09-30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			link := filepath.Join(dir, "out")
			if err := os.Symlink(filepath.Join(dir, "missing", "target"), link); err != nil {
				t.Skip(err)
			}
			var out, errOut bytes.Buffer
			code := Main(append(tt.args, "--lang", "en", "-o", link), strings.NewReader(""), &out, &errOut)
			if code != ExitUsage || !strings.Contains(errOut.String(), link+" already exists") {
				t.Errorf("exit %d, stderr %q; want exit %d, %q already exists", code, errOut.String(), ExitUsage, link)
			}
			if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v %v", st, err)
			}
			if !tt.force {
				return
			}
			target := filepath.Join(dir, "target")
			if err := os.Remove(link); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			out.Reset()
			errOut.Reset()
			if code := Main(append(tt.args, "--lang", "en", "-o", link, "--force"), strings.NewReader(""), &out, &errOut); code != ExitOK {
				t.Errorf("with --force: exit %d, stderr %q", code, errOut.String())
			}
		})
	}
}
