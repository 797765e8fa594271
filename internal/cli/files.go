package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/parplan/parplan/internal/config"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/validate"
)

// tooLargeError is a plan file over the size limit, refused before it is
// read: a problem of the input, reported like the loader's findings.
type tooLargeError struct {
	size int64 // -1 when unknown (standard input)
}

func (e *tooLargeError) Error() string { return "larger than the limit for a plan file" }

// osError is a file-system error in words, without the path (which the
// caller prints in front).
func osError(id string) error { return msg.Errorf(id) }

// sizeFinding returns the finding for err when it is a file over the size
// limit.
func sizeFinding(file string, err error) (diag.Diagnostic, bool) {
	var tl *tooLargeError
	if !errors.As(err, &tl) {
		return diag.Diagnostic{}, false
	}
	limit := plan.DefaultLimits.MaxBytes
	size := tl.size
	if size < 0 {
		size = limit + 1
	}
	return plan.TooLarge(displayName(file), size, limit), true
}

// readLimited reads a plan file, refusing one larger than the loader's
// limit before reading it all. "-" reads standard input.
func readLimited(path string, stdin io.Reader) ([]byte, error) {
	limit := plan.DefaultLimits.MaxBytes
	var r io.Reader
	if path == "-" {
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, describeOSError(err)
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, describeOSError(err)
		}
		if st.IsDir() {
			return nil, osError("os.is-directory")
		}
		if st.Size() > limit {
			return nil, &tooLargeError{size: st.Size()}
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, describeOSError(err)
	}
	if int64(len(data)) > limit {
		return nil, &tooLargeError{size: -1}
	}
	return data, nil
}

// describeOSError turns an os error into a short sentence without the
// path, which the caller prints in front.
func describeOSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return osError("os.not-exist")
	case errors.Is(err, fs.ErrPermission):
		return osError("os.permission")
	case errors.Is(err, syscall.EISDIR):
		return osError("os.is-directory")
	case errors.Is(err, syscall.ENOSPC):
		return osError("os.no-space")
	case errors.Is(err, syscall.EROFS):
		return osError("os.read-only")
	case errors.Is(err, syscall.ENOTDIR):
		return osError("os.not-directory")
	}
	return msg.Errorf("os.other", "Err", err.Error())
}

// readPlan reads, loads and checks one plan for a command that works on
// its content (gap, export). A file that cannot be read is a failure
// (exit 3); one over the size limit or that does not load as a plan has
// its findings printed on stderr and ends the run (exit 1). Otherwise it
// returns the plan with the content checks' findings, for the command to
// judge.
func readPlan(ios *IO, file string) (*plan.Plan, []diag.Diagnostic, error) {
	if err := checkPlanArg(file); err != nil {
		return nil, nil, err
	}
	data, err := readLimited(file, ios.In)
	if d, ok := sizeFinding(file, err); ok {
		fmt.Fprintln(ios.ErrOut, d.Format(ios.P))
		return nil, nil, reported(ExitProblems)
	}
	if err != nil {
		return nil, nil, failure("cli.file-error", "File", file, "Err", err)
	}
	budgetMemory(len(data))
	p, ok := loadPlan(ios, displayName(file), data, msg.New("cli.not-a-plan", "File", displayName(file), "Arg", file))
	if !ok {
		return nil, nil, reported(ExitProblems)
	}
	return p, validate.Plan(p, validate.Options{}), nil
}

// loadPlan loads a plan read from a file or from git, named name in its
// findings. A plan that does not load has its findings printed on stderr,
// then the hint (how to check it), and ok is false.
func loadPlan(ios *IO, name string, data []byte, hint msg.Message) (p *plan.Plan, ok bool) {
	p, ds := plan.Load(name, data)
	if p == nil || len(ds) > 0 {
		diag.Sort(ds)
		for _, d := range ds {
			fmt.Fprintln(ios.ErrOut, d.Format(ios.P))
		}
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.S(hint))
		return nil, false
	}
	return p, true
}

// checkPlanArg refuses, as a usage error, an argument that cannot name
// one plan file: an empty one, or a directory.
func checkPlanArg(file string) error {
	if file == "" {
		return usageError("cli.empty-path")
	}
	if file != "-" {
		if st, err := os.Stat(file); err == nil && st.IsDir() {
			return usageError("cli.plan-is-dir", "File", file)
		}
	}
	return nil
}

// isPlanFile reports whether a file found in a directory is a plan file.
func isPlanFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// expandPaths turns the command-line paths into plan files, as
// collectInputs does without exclusions. Paths that cannot be read are
// returned apart; skipped are the files of directories that are not
// regular files, to be named to the user.
func expandPaths(args []string) (files []string, bad map[string]error, skipped []string, err error) {
	ins, skipped, err := collectInputs(args, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	bad = map[string]error{}
	for _, in := range ins {
		files = append(files, in.path)
		if in.err != nil {
			bad[in.path] = in.err
		}
	}
	return files, bad, skipped, nil
}

// input is one file to read, from the command line.
type input struct {
	path string
	// walked is set for a file found in a directory, which is skipped
	// when it is not a plan; a file named on the command line (or by a
	// pattern parplan expanded, as a shell would) is always checked.
	walked bool
	// err says why the path cannot be read.
	err error
}

// exclusion leaves out of directory walks the paths a glob pattern
// matches (config.Match), relative to a base directory: the
// configuration file's, or the working directory for --exclude.
type exclusion struct {
	pattern string
	base    string
}

// excluded reports whether the file or directory p is left out.
func excluded(p string, exclusions []exclusion) bool {
	if len(exclusions) == 0 {
		return false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	for _, e := range exclusions {
		rel, err := filepath.Rel(e.base, abs)
		if err != nil || rel == "." {
			continue
		}
		if config.Match(filepath.ToSlash(e.pattern), filepath.ToSlash(rel)) {
			return true
		}
	}
	return false
}

// collectInputs turns the command-line paths into the files to read:
// files as given; a pattern that names no file expanded (see
// expandGlob); directories searched recursively for *.yaml and *.yml,
// hidden directories and the exclusions left out. A path given twice
// ("-" among them: standard input is read once) is read once. Only
// regular files are taken from a directory (a named pipe there would
// block the run); the others are returned in skipped. A file named on
// the command line is read whatever it is: that is the user's choice. A
// directory with no plan files, or a malformed pattern, is a usage
// error.
func collectInputs(args []string, exclusions []exclusion) (ins []input, skipped []string, err error) {
	seen := map[string]bool{}
	add := func(in input) {
		key := in.path
		if key != "-" {
			key = filepath.Clean(key)
		}
		if !seen[key] {
			seen[key] = true
			ins = append(ins, in)
		}
	}
	var collect func(args []string) error
	collect = func(args []string) error {
		for _, arg := range args {
			if arg == "" {
				return usageError("cli.empty-path")
			}
			if arg == "-" {
				add(input{path: arg})
				continue
			}
			st, statErr := os.Stat(arg)
			if statErr != nil && hasGlobMeta(arg) {
				matches, err := expandGlob(arg, windowsPaths)
				if err != nil {
					return usageError("cli.bad-pattern", "Pattern", arg)
				}
				if len(matches) == 0 {
					add(input{path: arg, err: osError("os.no-match")})
					continue
				}
				if err := collect(matches); err != nil {
					return err
				}
				continue
			}
			if statErr != nil {
				add(input{path: arg, err: describeOSError(statErr)})
				continue
			}
			if !st.IsDir() {
				add(input{path: arg})
				continue
			}
			var found []string
			nbad := 0
			// A directory named inside an excluded one is the user's
			// choice: the exclusions do not reach into it.
			named := excluded(arg, exclusions)
			walkErr := filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					add(input{path: path, err: describeOSError(err)})
					nbad++
					return nil
				}
				if path != arg && (strings.HasPrefix(d.Name(), ".") || !named && excluded(path, exclusions)) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() || !isPlanFile(d.Name()) {
					return nil
				}
				mode := d.Type()
				if mode&fs.ModeSymlink != 0 {
					// A link is followed to what it names; a dangling one
					// is reported when it is read.
					if st, err := os.Stat(path); err == nil {
						mode = st.Mode().Type()
					} else {
						mode = 0
					}
				}
				if !mode.IsRegular() {
					skipped = append(skipped, path)
					return nil
				}
				found = append(found, path)
				return nil
			})
			if walkErr != nil {
				return failure("cli.file-error", "File", arg, "Err", describeOSError(walkErr))
			}
			if len(found) == 0 && nbad == 0 {
				return usageError("cli.no-plan-files", "Dir", arg)
			}
			sort.Strings(found)
			for _, f := range found {
				add(input{path: f, walked: true})
			}
		}
		return nil
	}
	if err := collect(args); err != nil {
		return nil, nil, err
	}
	sort.Strings(skipped)
	return ins, skipped, nil
}

// noteSkipped tells the user, on stderr, which files of a directory were
// not read because they are not regular files.
func noteSkipped(ios *IO, skipped []string) {
	for _, path := range skipped {
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.T("cli.skipped-not-regular", "File", path))
	}
}
