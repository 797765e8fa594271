//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestValidateSkipsFIFOInDirectory: a named pipe in a directory would
// block the walk forever; it is skipped, and the user is told, in both
// languages.
func TestValidateSkipsFIFOInDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "x.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	for _, tt := range []struct{ lang, note string }{
		{"en", "parplan: skipped " + fifo + ": not a regular file (a named pipe, device or socket); name it on the command line to read it\n"},
		{"vi", "parplan: đã bỏ qua " + fifo + ": không phải tệp thông thường"},
	} {
		var out, errOut bytes.Buffer
		code := Main([]string{"validate", "--lang", tt.lang, dir}, strings.NewReader(""), &out, &errOut)
		if code != ExitOK {
			t.Errorf("exit %d, want %d\n%s%s", code, ExitOK, out.String(), errOut.String())
		}
		if !strings.HasPrefix(errOut.String(), tt.note) {
			t.Errorf("stderr = %q, want it to start %q", errOut.String(), tt.note)
		}
		if !strings.Contains(out.String(), " 1 ") {
			t.Errorf("want one file checked, got %q", out.String())
		}
	}
}

// TestValidateFIFOByName: a FIFO named on the command line is read: the
// user chose it.
func TestValidateFIFOByName(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		_, _ = f.WriteString(goodPlan)
	}()
	var out, errOut bytes.Buffer
	if code := Main([]string{"validate", "--lang", "en", fifo}, strings.NewReader(""), &out, &errOut); code != ExitOK {
		t.Errorf("exit %d, want %d\n%s%s", code, ExitOK, out.String(), errOut.String())
	}
}

// TestValidateDevZero: an endless file is read up to the size limit and
// refused with its size, never read on forever.
func TestValidateDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	var out, errOut bytes.Buffer
	code := Main([]string{"validate", "--lang", "en", "/dev/zero"}, strings.NewReader(""), &out, &errOut)
	want := "/dev/zero:1:1: error: file is 10.0 MiB, larger than the 10.0 MiB limit for a plan file [limit]\n"
	if code != ExitProblems || !strings.HasPrefix(out.String(), want) {
		t.Errorf("exit %d, stdout %q; want exit %d and %q", code, out.String(), ExitProblems, want)
	}
}
