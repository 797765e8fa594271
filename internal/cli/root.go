// Package cli implements parplan's commands. Main runs one command line
// and returns its exit status, so tests can run the CLI in-process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/msg"
)

// Exit statuses, the same for every command.
const (
	// ExitOK: the command did its job and found no errors.
	ExitOK = 0
	// ExitProblems: the plans have errors (validate), or the command's
	// input has problems that stop it.
	ExitProblems = 1
	// ExitUsage: the command line is wrong (unknown flag, bad value,
	// nothing to check).
	ExitUsage = 2
	// ExitFailure: an I/O or internal failure (unreadable file, disk full).
	ExitFailure = 3
)

// version is set at build time with -ldflags "-X …/internal/cli.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Getenv reads the environment (NO_COLOR, TERM); tests replace it.
	Getenv func(string) string
	// IsTerminal reports whether Out is a terminal.
	IsTerminal bool
	// P renders messages in the user's language.
	P *msg.Printer
}

// exitError carries an exit status and a message for stderr. A silent
// one ends a run whose output already said what went wrong.
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

func failuref(format string, args ...any) error {
	return &exitError{code: ExitFailure, err: fmt.Errorf(format, args...)}
}

// reported ends a run, with the given status, whose output already said
// what is wrong.
func reported(code int) error {
	return &exitError{code: code, err: errors.New("problems reported"), silent: true}
}

// Main runs parplan with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ios := &IO{In: stdin, Out: stdout, ErrOut: stderr, Getenv: os.Getenv, IsTerminal: isTerminal(stdout)}
	return run(args, ios)
}

func run(args []string, ios *IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "parplan: internal error: %v\nPlease report this with the command line and the file.\n", r)
			code = ExitFailure
		}
	}()
	if ios.P == nil {
		lang, err := msg.Choose(langFlag(args), ios.Getenv)
		ios.P = msg.For(lang)
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.Err(err))
			return ExitUsage
		}
	}
	root := newRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if !ee.silent {
			fmt.Fprintf(ios.ErrOut, "parplan: %v\n", ee.err)
		}
		if ee.code == ExitUsage {
			fmt.Fprintln(ios.ErrOut, "Run 'parplan --help' for usage.")
		}
		return ee.code
	}
	// Anything else from cobra is a command-line mistake: unknown
	// command, wrong number of arguments.
	fmt.Fprintf(ios.ErrOut, "parplan: %v\nRun 'parplan --help' for usage.\n", err)
	return ExitUsage
}

// langFlag finds the value of --lang in args before cobra parses them:
// the help texts are written in the chosen language as the commands are
// built.
func langFlag(args []string) string {
	for i, a := range args {
		switch {
		case a == "--":
			return ""
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang=")
		}
	}
	return ""
}

func newRootCmd(ios *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "parplan",
		Short: "Plans to raise PAR INDEX and SIPAS scores, kept as YAML",
		Long: `parplan keeps a province's plan to raise its administrative reform scores
(PAR INDEX, SIPAS) as a YAML file in git, checks it, shows where points
were lost and what the plan wins back, and exports the Phụ lục as an
Excel workbook ready to print and sign.`,
		Example: `  parplan validate plans/
  parplan gap plans/daknong-2024.yaml
  parplan export plans/daknong-2024.yaml -o daknong-2024-phu-luc.xlsx`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: ExitUsage, err: err}
	})
	var lang string
	root.PersistentFlags().StringVar(&lang, "lang", "", "language of messages and help: vi or en (default: $PARPLAN_LANG, the locale, else vi)")
	root.SetVersionTemplate("parplan {{.Version}}\n")
	root.AddCommand(
		newValidateCmd(ios),
		newGapCmd(ios),
		newCriteriaCmd(ios),
		newInitCmd(ios),
		newExportCmd(ios),
	)
	return root
}
