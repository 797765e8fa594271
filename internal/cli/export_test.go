package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/parplan/parplan/internal/atomicfile"
	"github.com/parplan/parplan/internal/msg"
)

// xlsxCmd checks a workbook in a testscript:
//
//	xlsx sheets FILE NAME...         the workbook's sheets, in order
//	xlsx cell FILE SHEET REF WANT    the text a cell shows
func xlsxCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: xlsx sheets FILE NAME... | xlsx cell FILE SHEET REF WANT")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[1]))
	ts.Check(err)
	defer f.Close()
	switch args[0] {
	case "sheets":
		got := visibleSheets(f)
		if slices.Equal(got, args[2:]) == neg {
			ts.Fatalf("sheets %q, want %q", got, args[2:])
		}
	case "cell":
		if len(args) != 5 {
			ts.Fatalf("usage: xlsx cell FILE SHEET REF WANT")
		}
		got, err := f.GetCellValue(args[2], args[3])
		ts.Check(err)
		if (got == args[4]) == neg {
			ts.Fatalf("%s!%s = %q, want %q", args[2], args[3], got, args[4])
		}
	default:
		ts.Fatalf("xlsx: unknown check %q", args[0])
	}
}

// exportFixture is a directory with a plan, a plan with errors and an
// older workbook.
type exportFixture struct {
	dir, plan, bad, old string
}

func newExportFixture(t *testing.T) exportFixture {
	t.Helper()
	dir := t.TempDir()
	fx := exportFixture{dir: dir, plan: filepath.Join(dir, "plan.yaml"), bad: filepath.Join(dir, "bad.yaml"), old: filepath.Join(dir, "old.xlsx")}
	src, err := os.ReadFile("../../plans/hagiang-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for path, data := range map[string][]byte{
		fx.plan: src,
		fx.bad:  []byte("plan: {id: b, title: T, year: 2024}\nappendices:\n  - id: a\n    items: [{name: x, max: 1, achieved: 2}]\n"),
		fx.old:  []byte("an older workbook"),
	} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fx
}

// TestExportExitCodes pins the exit status of each outcome, and that a
// refused or failed export leaves the files as they were.
func TestExportExitCodes(t *testing.T) {
	fx := newExportFixture(t)
	if err := os.Symlink(fx.plan, filepath.Join(fx.dir, "symlink.xlsx")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := os.Link(fx.plan, filepath.Join(fx.dir, "hardlink.xlsx")); err != nil {
		t.Skipf("no hard links: %v", err)
	}
	in := func(name string) string { return filepath.Join(fx.dir, name) }
	tests := []struct {
		name   string
		args   []string
		want   int
		stderr string
	}{
		{name: "written", args: []string{"export", fx.plan, "-o", in("new.xlsx")}, want: ExitOK},
		{name: "replaced with --force", args: []string{"export", fx.plan, "-o", in("forced.xlsx"), "--force"}, want: ExitOK},
		{name: "one appendix", args: []string{"export", fx.plan, "--appendix", "phan-cong", "-o", in("one.xlsx")}, want: ExitOK},
		{name: "plan with errors", args: []string{"export", fx.bad, "-o", in("bad.xlsx")}, want: ExitProblems, stderr: "achieved-over-max"},
		{name: "exists", args: []string{"export", fx.plan, "-o", fx.old}, want: ExitUsage, stderr: "already exists; use --force"},
		{name: "the plan itself", args: []string{"export", fx.plan, "-o", fx.plan, "--force"}, want: ExitUsage, stderr: "is the plan file"},
		{name: "a symbolic link to the plan", args: []string{"export", fx.plan, "-o", in("symlink.xlsx"), "--force"}, want: ExitUsage, stderr: "is the plan file"},
		{name: "a hard link to the plan", args: []string{"export", fx.plan, "-o", in("hardlink.xlsx"), "--force"}, want: ExitUsage, stderr: "is the plan file"},
		{name: "unknown appendix", args: []string{"export", fx.plan, "--appendix", "nope", "-o", in("x.xlsx")}, want: ExitUsage, stderr: "appendices: phan-cong"},
		{name: "no plan", args: []string{"export"}, want: ExitUsage, stderr: "export needs one plan file"},
		{name: "two plans", args: []string{"export", fx.plan, fx.bad}, want: ExitUsage, stderr: "one plan file"},
		{name: "unknown flag", args: []string{"export", "--nope", fx.plan}, want: ExitUsage},
		{name: "missing plan", args: []string{"export", in("missing.yaml"), "-o", in("m.xlsx")}, want: ExitFailure, stderr: "no such file"},
		{name: "missing directory", args: []string{"export", fx.plan, "-o", in("no/such/dir.xlsx")}, want: ExitFailure, stderr: "does not exist"},
	}
	if err := os.WriteFile(in("forced.xlsx"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			got := Main(append(tt.args, "--lang", "en"), strings.NewReader(""), &out, &errOut)
			if got != tt.want {
				t.Errorf("parplan %s: exit %d, want %d\nstderr:\n%s", strings.Join(tt.args, " "), got, tt.want, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr %q does not say %q", errOut.String(), tt.stderr)
			}
			if strings.Contains(errOut.String(), "goroutine ") {
				t.Errorf("stack trace on stderr:\n%s", errOut.String())
			}
		})
	}
	// The refusals left every file as it was.
	if data, _ := os.ReadFile(fx.old); string(data) != "an older workbook" {
		t.Errorf("the existing workbook changed: %q", data)
	}
	src, _ := os.ReadFile("../../plans/hagiang-2021.yaml")
	for _, p := range []string{fx.plan, in("symlink.xlsx"), in("hardlink.xlsx")} {
		if data, _ := os.ReadFile(p); !bytes.Equal(data, src) {
			t.Errorf("%s changed", p)
		}
	}
	for _, p := range []string{in("bad.xlsx"), in("x.xlsx"), in("m.xlsx")} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failed export created %s", p)
		}
	}
	for _, p := range []string{in("new.xlsx"), in("forced.xlsx"), in("one.xlsx")} {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Errorf("%s is not a workbook: %v", p, err)
			continue
		}
		_ = f.Close()
	}
	if l := tempFiles(t, fx.dir); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if atomicfile.IsTemp(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// failingWriter fails after n bytes, like a full disk.
type failingWriter struct {
	w io.Writer
	n int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n, _ := f.w.Write(p[:f.n])
		f.n = 0
		return n, errors.New("no space left on device")
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// TestExportInterrupted: a write that fails part-way leaves the old
// workbook as it was and no temporary file, and exits 3.
func TestExportInterrupted(t *testing.T) {
	fx := newExportFixture(t)
	var out, errOut bytes.Buffer
	ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }, P: msg.For(msg.EN)}
	opts := &exportOptions{
		IO: ios, Plan: fx.plan, Output: fx.old, Force: true,
		wrapFile: func(w io.Writer) io.Writer { return &failingWriter{w: w, n: 4096} },
	}
	err := runExport(opts)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitFailure || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("err = %v, want exit %d with the write error", err, ExitFailure)
	}
	if data, _ := os.ReadFile(fx.old); string(data) != "an older workbook" {
		t.Errorf("the old workbook changed: %q", data)
	}
	if l := tempFiles(t, fx.dir); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
	if out.Len() > 0 {
		t.Errorf("stdout says %q after a failure", out.String())
	}
}

// TestExportStdout: -o - writes the workbook, and only it, to stdout; not
// to a terminal.
func TestExportStdout(t *testing.T) {
	fx := newExportFixture(t)
	var out, errOut bytes.Buffer
	if code := Main([]string{"export", fx.plan, "-o", "-"}, strings.NewReader(""), &out, &errOut); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("stdout is not a workbook: %v", err)
	}
	defer f.Close()
	if got := visibleSheets(f); !slices.Equal(got, []string{"Phụ lục", "Tổng hợp"}) {
		t.Errorf("sheets %q", got)
	}
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}

	// Standard input works as the plan, too.
	src, _ := os.ReadFile(fx.plan)
	var again bytes.Buffer
	if code := Main([]string{"export", "-", "-o", "-"}, bytes.NewReader(src), &again, &errOut); code != ExitOK || !bytes.Equal(again.Bytes(), out.Bytes()) {
		t.Errorf("export from stdin: exit %d, same bytes %v", code, bytes.Equal(again.Bytes(), out.Bytes()))
	}

	ios := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }, IsTerminal: true, P: msg.For(msg.EN)}
	err = runExport(&exportOptions{IO: ios, Plan: fx.plan, Output: "-"})
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitUsage {
		t.Errorf("a workbook to a terminal: %v, want a usage error", err)
	}
}

// visibleSheets lists the sheets a person sees: not the stored plan.
func visibleSheets(f *excelize.File) []string {
	var out []string
	for _, s := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(s); err == nil && v {
			out = append(out, s)
		}
	}
	return out
}
