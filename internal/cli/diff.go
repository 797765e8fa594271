package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/diff"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/render"
)

type diffOptions struct {
	IO         *IO
	Old, New   string
	Appendix   string
	ScoresOnly bool
	Format     string
}

func newDiffCmd(ios *IO) *cobra.Command {
	opts := &diffOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "diff " + p.T("help.diff.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError("cli.diff-needs-two")
			}
			opts.Old, opts.New = args[0], args[1]
			return runDiff(opts)
		},
	}, "diff")
	f := cmd.Flags()
	f.StringVar(&opts.Appendix, "appendix", "", flagUsage(p, "diff", "appendix"))
	f.BoolVar(&opts.ScoresOnly, "scores-only", false, flagUsage(p, "diff", "scores-only"))
	f.StringVarP(&opts.Format, "format", "f", "text", flagUsage(p, "diff", "format", "Formats", render.DiffFormats))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.DiffFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("appendix", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, a := range args {
			ids = append(ids, appendixIDs([]string{a})...)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func runDiff(opts *diffOptions) error {
	printer, err := render.NewDiff(opts.Format, render.DiffOptions{Color: opts.IO.color(), P: opts.IO.P})
	if err != nil {
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", render.DiffFormats)
	}
	oldSrc, newSrc, err := diffSources(opts.Old, opts.New)
	if err != nil {
		return err
	}
	var plans [2]*plan.Plan
	failed := false
	for i, src := range []planSource{oldSrc, newSrc} {
		name, data, hint, err := src.read(opts.IO)
		if err != nil {
			return err
		}
		p, ok := loadPlan(opts.IO, name, data, hint)
		failed = failed || !ok
		plans[i] = p
	}
	if failed {
		return reported(ExitProblems)
	}
	if opts.Appendix != "" && !hasAppendix(plans[0], opts.Appendix) && !hasAppendix(plans[1], opts.Appendix) {
		return usageError("cli.diff-unknown-appendix", "Value", opts.Appendix, "Old", plans[0].File, "New", plans[1].File,
			"IDs", unionIDs(plans[0], plans[1]))
	}
	r := diff.Compare(plans[0], plans[1]).Filter(diff.Options{Appendix: opts.Appendix, ScoresOnly: opts.ScoresOnly})
	if err := printer.Print(opts.IO.Out, r); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	if !r.Equal() {
		// As diff(1): 1 when the plans differ.
		return reported(ExitProblems)
	}
	return nil
}

func hasAppendix(p *plan.Plan, id string) bool {
	for _, a := range p.Appendices {
		if a.ID.Value == id {
			return true
		}
	}
	return false
}

func unionIDs(a, b *plan.Plan) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range []*plan.Plan{a, b} {
		for _, id := range appendixList(p) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// planSource is one side of a diff: a plan file, or the plan file as it
// is at a git revision.
type planSource struct {
	// File is the path on the command line ("-" is standard input).
	File string
	// Rev is the git revision to read File at; "" reads the file.
	Rev string
}

// diffSources decides what the two arguments name. An existing file is a
// file; "A..B" followed by a file compares the file at A and at B (an
// empty side is HEAD); an argument that is not a file, beside one that
// is, is a git revision of that file. A missing *.yaml or *.yml is a
// missing file, never a revision.
func diffSources(oldArg, newArg string) (planSource, planSource, error) {
	for _, a := range []string{oldArg, newArg} {
		if err := checkPlanArg(a); err != nil {
			return planSource{}, planSource{}, err
		}
	}
	oldFile, newFile := isFile(oldArg), isFile(newArg)
	if from, to, ok := strings.Cut(oldArg, ".."); ok && !oldFile && !strings.HasPrefix(to, ".") {
		if newArg == "-" || (!newFile && !isPlanFile(newArg)) {
			return planSource{}, planSource{}, usageError("cli.diff-range-needs-file", "Range", oldArg)
		}
		return planSource{File: newArg, Rev: orHEAD(from)}, planSource{File: newArg, Rev: orHEAD(to)}, nil
	}
	switch {
	case oldFile && newFile:
		return planSource{File: oldArg}, planSource{File: newArg}, nil
	case newFile && !isPlanFile(oldArg):
		return planSource{File: newArg, Rev: oldArg}, planSource{File: newArg}, nil
	case oldFile && !isPlanFile(newArg):
		return planSource{File: oldArg}, planSource{File: oldArg, Rev: newArg}, nil
	}
	for _, a := range []string{oldArg, newArg} {
		if isPlanFile(a) && !isFile(a) {
			_, err := os.Stat(a)
			return planSource{}, planSource{}, failure("cli.file-error", "File", a, "Err", describeOSError(err))
		}
	}
	return planSource{}, planSource{}, usageError("cli.diff-neither-file", "Old", oldArg, "New", newArg)
}

func orHEAD(rev string) string {
	if rev == "" {
		return "HEAD"
	}
	return rev
}

// isFile reports whether arg names a file to read: standard input, or
// something that exists.
func isFile(arg string) bool {
	if arg == "-" {
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}

// read returns the plan's name in messages, its bytes, and the hint to
// print when it does not load. A file or revision that cannot be read is
// an error: exit 2 for a revision that is not one, 3 for a failure.
func (s planSource) read(ios *IO) (name string, data []byte, hint msg.Message, err error) {
	if s.Rev == "" {
		name = displayName(s.File)
		data, err = readLimited(s.File, ios.In)
		if d, ok := sizeFinding(s.File, err); ok {
			ios.errLine(d.Format(ios.P))
			return "", nil, msg.Message{}, reported(ExitProblems)
		}
		if err != nil {
			return "", nil, msg.Message{}, failure("cli.file-error", "File", s.File, "Err", err)
		}
		return name, data, msg.New("cli.not-a-plan", "File", name, "Arg", s.File), nil
	}
	path, data, err := gitShow(s.Rev, s.File)
	if err != nil {
		return "", nil, msg.Message{}, err
	}
	name = s.Rev + ":" + path
	if int64(len(data)) > plan.DefaultLimits.MaxBytes {
		ios.errLine(plan.TooLarge(name, int64(len(data)), plan.DefaultLimits.MaxBytes).Format(ios.P))
		return "", nil, msg.Message{}, reported(ExitProblems)
	}
	return name, data, msg.New("cli.diff-not-a-plan-rev", "File", name, "Spec", name), nil
}

// errLine writes one line on stderr.
func (ios *IO) errLine(s string) { _, _ = ios.ErrOut.Write([]byte(s + "\n")) }

// gitShow returns file as it is at revision rev of its git repository,
// with its path from the repository's root. git runs in the file's
// directory, so the file's repository is the one read, wherever parplan
// runs.
func gitShow(rev, file string) (path string, data []byte, err error) {
	dir := filepath.Dir(file)
	prefix, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return "", nil, failure("cli.diff-no-git", "Rev", rev, "Err", err.Error())
		}
		return "", nil, usageError("cli.diff-not-repo", "Rev", rev, "File", file)
	}
	path = strings.TrimSpace(string(prefix)) + filepath.Base(file)
	// A revision never starts with "-": refusing it keeps it from being
	// read as an option of git.
	if strings.HasPrefix(rev, "-") {
		return "", nil, usageError("cli.diff-unknown-rev", "Rev", rev, "File", file)
	}
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return "", nil, usageError("cli.diff-unknown-rev", "Rev", rev, "File", file)
	}
	if kind, err := git(dir, "cat-file", "-t", rev+":"+path); err != nil || strings.TrimSpace(string(kind)) != "blob" {
		return "", nil, failure("cli.diff-not-at-rev", "File", file, "Rev", rev, "Path", path)
	}
	data, err = git(dir, "show", "--no-textconv", rev+":"+path)
	if err != nil {
		return "", nil, failure("cli.diff-git-failed", "Rev", rev, "Path", path, "Err", err.Error())
	}
	return path, data, nil
}

// git runs git in dir and returns its standard output; the error carries
// git's message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, &gitError{msg: msg, err: err}
		}
		return nil, err
	}
	return stdout.Bytes(), nil
}

// gitError is git's own message for a failed run.
type gitError struct {
	msg string
	err error
}

func (e *gitError) Error() string { return e.msg }
func (e *gitError) Unwrap() error { return e.err }
