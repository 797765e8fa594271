// Package atomicfile writes a file so that readers see either the old
// content or the complete new one, never a part: the content goes to a
// temporary file in the same directory, which is renamed over the target
// once it is complete and synced.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// TempPrefix starts the name of every temporary file, which is hidden
// (a dot file) and names the target, so that one left behind by a killed
// process is recognisable.
const TempPrefix = "."

// TempSuffix ends the name of every temporary file.
const TempSuffix = ".tmp"

// File is a pending write to Path. Write to it, then Commit to replace
// Path, or Abort to leave Path as it was. Abort after Commit does nothing,
// so `defer f.Abort()` is always safe.
type File struct {
	// Path is the file being replaced.
	Path string
	tmp  *os.File
	// keep is the mode of the file being replaced; a new file gets its
	// mode (less the umask) when it is created.
	keep    fs.FileMode
	replace bool

	mu   sync.Mutex
	done bool
}

// Create starts a write to path. The file gets perm (less the umask) when
// it is new, and keeps its permissions when it is replaced.
func Create(path string, perm fs.FileMode) (*File, error) {
	var keep fs.FileMode
	replace := false
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "write", Path: path, Err: errors.New("not a regular file")}
		}
		keep, replace = st.Mode().Perm(), true
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// Open with O_EXCL, like os.CreateTemp, but with perm so that the
	// umask applies as it does to any new file.
	for range 100 {
		name := filepath.Join(dir, TempPrefix+base+"."+random()+TempSuffix)
		tmp, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		removeStale(dir, base, filepath.Base(name))
		return &File{Path: path, tmp: tmp, keep: keep, replace: replace}, nil
	}
	return nil, &fs.PathError{Op: "create", Path: path, Err: errors.New("cannot find an unused temporary name")}
}

// randomLen is the length of the random part of a temporary file's name.
const randomLen = 12

func random() string {
	b := make([]byte, randomLen/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Name returns the temporary file's name.
func (f *File) Name() string { return f.tmp.Name() }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.tmp.Write(p) }

// Commit makes the written content the file at Path: it syncs the
// temporary file to disk, gives it its permissions and renames it over
// Path. On failure the temporary file is removed and Path is untouched.
func (f *File) Commit() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return errors.New("atomicfile: already committed or aborted")
	}
	f.done = true
	err := steps.syncFile(f.tmp)
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && f.replace {
		// A replaced file keeps its mode, which the umask may have
		// narrowed when the temporary file was created.
		err = os.Chmod(f.tmp.Name(), f.keep)
	}
	if err == nil {
		err = steps.rename(f.tmp.Name(), f.Path)
	}
	if err != nil {
		_ = os.Remove(f.tmp.Name())
		return err
	}
	steps.syncDir(filepath.Dir(f.Path))
	return nil
}

// steps are the calls that make a Commit durable, in the order Commit
// makes them: the content reaches the disk before the rename makes it
// the file, and the directory after it, so that a crash leaves the old
// file or the complete new one. Tests replace them to check that order.
var steps = struct {
	syncFile func(*os.File) error
	rename   func(oldpath, newpath string) error
	syncDir  func(dir string)
}{
	syncFile: (*os.File).Sync,
	rename:   os.Rename,
	syncDir:  syncDir,
}

// syncDir makes the rename durable where the system allows it; where it
// does not (Windows), the rename is still atomic.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// StaleAge is how old a temporary file must be before a later write to
// the same target removes it as left behind by a killed process: older
// than any write in progress.
const StaleAge = time.Minute

// removeStale removes the temporary files of target base in dir that a
// killed process left behind: named exactly as Create names them, regular
// files, and not modified for StaleAge. Other files, and temporary files
// of other targets, are left alone. Errors are ignored: the write does
// not depend on it.
func removeStale(dir, base, own string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cutoff := time.Now().Add(-StaleAge)
	for _, e := range entries {
		name := e.Name()
		if name == own || !isTempOf(name, base) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// isTempOf reports whether name is a temporary file Create made for the
// target base: TempPrefix, base, a dot, randomLen lower-case hex digits,
// TempSuffix.
func isTempOf(name, base string) bool {
	rest, ok := strings.CutPrefix(name, TempPrefix+base+".")
	if !ok {
		return false
	}
	hexPart, ok := strings.CutSuffix(rest, TempSuffix)
	if !ok || len(hexPart) != randomLen {
		return false
	}
	for i := 0; i < len(hexPart); i++ {
		if c := hexPart[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Abort removes the temporary file and leaves Path as it was. It is safe
// to call from another goroutine (a signal handler), and after Commit,
// when it does nothing.
func (f *File) Abort() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return
	}
	f.done = true
	_ = f.tmp.Close()
	_ = os.Remove(f.tmp.Name())
}

// WriteFile writes what write produces to path atomically. If write
// fails, path is left as it was and no temporary file remains.
func WriteFile(path string, perm fs.FileMode, write func(io.Writer) error) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}

// IsTemp reports whether name (a base name) is one of this package's
// temporary files.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, TempPrefix) && strings.HasSuffix(name, TempSuffix)
}
