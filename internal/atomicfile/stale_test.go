package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestRemovesStaleTemps: a write removes the temporary files that killed
// writes of the same target left, once they are older than StaleAge, and
// nothing else.
func TestRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	files := map[string]bool{ // name → removed
		".out.xlsx.0123456789ab.tmp":     true,
		".out.xlsx.ffffffffffff.tmp":     true,
		".out.xlsx.fresh0000000.tmp":     false, // not hex
		".out.xlsx.0123456789a.tmp":      false, // too short
		".out.xlsx.0123456789ABC.tmp":    false, // upper case, too long
		".out.xlsx.0123456789ab.tmp.bak": false,
		".other.xlsx.0123456789ab.tmp":   false, // another target's
		".out.xlsx.x.0123456789ab.tmp":   false, // the target out.xlsx.x's
		"out.xlsx.0123456789ab.tmp":      false, // not hidden
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	// A recent temporary file may be a write in progress.
	recent := ".out.xlsx.aaaaaaaaaaaa.tmp"
	files[recent] = false
	if err := os.WriteFile(filepath.Join(dir, recent), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory with a temporary file's name is not ours to remove.
	dirName := ".out.xlsx.bbbbbbbbbbbb.tmp"
	files[dirName] = false
	if err := os.Mkdir(filepath.Join(dir, dirName), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.Chtimes(filepath.Join(dir, dirName), old, old)

	if err := WriteFile(filepath.Join(dir, "out.xlsx"), 0o666, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Lstat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "out.xlsx")); string(got) != "new" {
		t.Errorf("content %q", got)
	}
}

// TestCommitOrder: the content is synced before the rename and the
// directory after it.
func TestCommitOrder(t *testing.T) {
	saved := steps
	defer func() { steps = saved }()
	var calls []string
	steps.syncFile = func(f *os.File) error {
		calls = append(calls, "sync file")
		return saved.syncFile(f)
	}
	steps.rename = func(oldpath, newpath string) error {
		calls = append(calls, "rename")
		return saved.rename(oldpath, newpath)
	}
	steps.syncDir = func(dir string) {
		calls = append(calls, "sync dir")
		saved.syncDir(dir)
	}
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "out.xlsx"), 0o666, func(w io.Writer) error {
		calls = append(calls, "write")
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"write", "sync file", "rename", "sync dir"}; !slices.Equal(calls, want) {
		t.Errorf("calls %v, want %v", calls, want)
	}
	// A failed sync leaves the target untouched: no rename.
	calls = nil
	steps.syncFile = func(*os.File) error {
		calls = append(calls, "sync file")
		return os.ErrClosed
	}
	path := filepath.Join(dir, "out.xlsx")
	if err := WriteFile(path, 0o666, func(w io.Writer) error {
		_, err := io.WriteString(w, "newer")
		return err
	}); err == nil {
		t.Fatal("want the sync's error")
	}
	if want := []string{"sync file"}; !slices.Equal(calls, want) {
		t.Errorf("calls %v, want %v", calls, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("content %q after a failed sync, want the old one", got)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left %v", l)
	}
}
