// Package cli implements parplan's commands. Main runs one command line
// and returns its exit status, so tests can run the CLI in-process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/parplan/parplan/internal/config"
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

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Getenv reads the environment (NO_COLOR, TERM, PARPLAN_LANG); tests
	// replace it.
	Getenv func(string) string
	// IsTerminal reports whether Out is a terminal.
	IsTerminal bool
	// P renders messages in the user's language.
	P *msg.Printer
	// Config is the repository's .parplan.yaml, or nil.
	Config *config.Config
	// ColorMode is the value of --color: auto (or empty), always or
	// never.
	ColorMode string
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

// usageError is a mistake on the command line (exit 2): the message id
// of the catalogue and its arguments.
func usageError(id string, kv ...any) error {
	return &exitError{code: ExitUsage, err: msg.Errorf(id, kv...)}
}

// failure is an I/O or internal failure (exit 3).
func failure(id string, kv ...any) error {
	return &exitError{code: ExitFailure, err: msg.Errorf(id, kv...)}
}

// reported ends a run, with the given status, whose output already said
// what is wrong.
func reported(code int) error {
	return &exitError{code: code, err: errors.New("problems reported"), silent: true}
}

// Main runs parplan with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	restore := prepareConsole()
	defer restore()
	ios := &IO{In: stdin, Out: stdout, ErrOut: stderr, Getenv: os.Getenv, IsTerminal: isTerminal(stdout)}
	return run(args, ios)
}

func run(args []string, ios *IO) (code int) {
	cfgErr := ios.loadConfig()
	if ios.P == nil {
		flag := langFlag(args)
		if flag == "" && ios.Getenv("PARPLAN_LANG") == "" && ios.Config != nil {
			flag = ios.Config.Lang
		}
		lang, err := msg.Choose(flag, ios.Getenv)
		ios.P = msg.For(lang)
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.Err(err))
			return ExitUsage
		}
	}
	if cfgErr != nil {
		errs := []error{cfgErr}
		if j, ok := cfgErr.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.Err(e))
		}
		return ExitUsage
	}
	p := ios.P
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "parplan: %s\n", p.T("cli.internal-error", "Err", fmt.Sprint(r)))
			code = ExitFailure
		}
	}()
	root := newRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// Anything else from cobra is a command-line mistake: an
		// unknown command.
		ee = &exitError{code: ExitUsage, err: cobraError(root, err)}
	}
	if !ee.silent {
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", p.Err(ee.err))
	}
	if ee.code == ExitUsage {
		fmt.Fprintln(ios.ErrOut, p.T("cli.see-help", "Cmd", helpPath(root, args)))
	}
	return ee.code
}

// loadConfig finds and reads the repository's .parplan.yaml (see
// config.Find) unless the IO already has one.
func (ios *IO) loadConfig() error {
	if ios.Config != nil {
		return nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	path, ok := config.Find(wd)
	if !ok {
		return nil
	}
	cfg, err := config.Load(path)
	if err != nil {
		var me *msg.Error
		if _, joined := err.(interface{ Unwrap() []error }); !joined && !errors.As(err, &me) {
			return msg.Errorf("config.read", "File", msg.Raw(path), "Err", describeOSError(err))
		}
		return err
	}
	ios.Config = cfg
	return nil
}

// helpPath is the command whose --help a usage error points to:
// "parplan gap".
func helpPath(root *cobra.Command, args []string) string {
	if c, _, err := root.Find(args); err == nil && c != nil {
		return c.CommandPath()
	}
	return root.Name()
}

var (
	unknownCommand = regexp.MustCompile(`^unknown command "(.*)" for "(.*?)"`)
	requiredFlags  = regexp.MustCompile(`^required flag\(s\) (.*) not set`)
	quoted         = regexp.MustCompile(`"([^"]*)"`)
)

// cobraError says in the user's language what cobra found wrong.
func cobraError(root *cobra.Command, err error) error {
	if m := unknownCommand.FindStringSubmatch(err.Error()); m != nil {
		if s := root.SuggestionsFor(m[1]); len(s) > 0 {
			return msg.Errorf("cli.unknown-command-suggest", "Cmd", m[1], "Suggest", s[0])
		}
		return msg.Errorf("cli.unknown-command", "Cmd", m[1], "Commands", commandNames(root))
	}
	if m := requiredFlags.FindStringSubmatch(err.Error()); m != nil {
		var flags []string
		for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
			flags = append(flags, "--"+q[1])
		}
		return msg.Errorf("cli.flags-required", "Flags", flags, "Count", len(flags))
	}
	return msg.Errorf("cli.usage-other", "Text", err.Error())
}

func commandNames(root *cobra.Command) []string {
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return names
}

// flagErrors maps pflag's errors to messages; the submatches fill the
// message's arguments, in order.
var flagErrors = []struct {
	re   *regexp.Regexp
	id   string
	args []string
}{
	{regexp.MustCompile(`^unknown flag: (--\S+)`), "cli.flag-unknown", []string{"Flag"}},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)'`), "cli.flag-unknown-short", []string{"Flag"}},
	{regexp.MustCompile(`^flag needs an argument: '(.)' in -`), "cli.flag-needs-value-short", []string{"Flag"}},
	{regexp.MustCompile(`^flag needs an argument: (-\S+)`), "cli.flag-needs-value", []string{"Flag"}},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(?:-., )?(.*?)" flag`), "cli.flag-invalid", []string{"Value", "Flag"}},
	{regexp.MustCompile(`^bad flag syntax: (.*)`), "cli.flag-syntax", []string{"Flag"}},
}

// flagError says in the user's language what pflag found wrong with a
// flag.
func flagError(cmd *cobra.Command, err error) error {
	m := msg.New("cli.usage-other", "Text", err.Error())
	for _, fe := range flagErrors {
		if s := fe.re.FindStringSubmatch(err.Error()); s != nil {
			kv := []any{"Cmd", cmd.CommandPath()}
			for i, name := range fe.args {
				kv = append(kv, name, s[i+1])
			}
			m = msg.New(fe.id, kv...)
			break
		}
	}
	return &exitError{code: ExitUsage, err: &msg.Error{Msg: m, Err: err}}
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

// help fills in a command's help texts from the catalogue: help.<name>.short,
// .long and .example.
func help(p *msg.Printer, cmd *cobra.Command, name string) *cobra.Command {
	cmd.Short = p.T("help." + name + ".short")
	cmd.Long = p.T("help." + name + ".long")
	if id := "help." + name + ".example"; msg.Has(p.Lang(), id) {
		cmd.Example = strings.TrimRight(p.T(id), "\n")
	}
	return cmd
}

// flagUsage is the catalogue text of a flag: flag.<cmd>.<flag>.
func flagUsage(p *msg.Printer, cmd, flag string, kv ...any) string {
	return p.T("flag."+cmd+"."+flag, kv...)
}

func newRootCmd(ios *IO) *cobra.Command {
	p := ios.P
	root := help(p, &cobra.Command{
		Use:           "parplan",
		Version:       currentBuild().oneLine(p),
		SilenceUsage:  true,
		SilenceErrors: true,
	}, "root")
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(flagError)
	var lang string
	root.PersistentFlags().StringVar(&lang, "lang", "", flagUsage(p, "root", "lang"))
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"vi", "en"}, cobra.ShellCompDirectiveNoFileComp))
	root.PersistentFlags().StringVar(&ios.ColorMode, "color", "auto", flagUsage(p, "root", "color", "Modes", colorModes))
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes, cobra.ShellCompDirectiveNoFileComp))
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if !slices.Contains(colorModes, ios.ColorMode) {
			return usageError("cli.unknown-color", "Value", ios.ColorMode, "Modes", colorModes)
		}
		return nil
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(
		newValidateCmd(ios),
		newGapCmd(ios),
		newDiffCmd(ios),
		newCriteriaCmd(ios),
		newInitCmd(ios),
		newExportCmd(ios),
		newImportCmd(ios),
		newWorklistCmd(ios),
		newProgressCmd(ios),
		newReviewCmd(ios),
		newVersionCmd(ios),
	)
	localizeCobra(p, root)
	return root
}

// localizeCobra puts cobra's own texts — the usage template, the help
// and completion commands, the --help and --version flags — into the
// user's language.
func localizeCobra(p *msg.Printer, root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	cobra.AddTemplateFunc("flagUsages", func(fs *pflag.FlagSet) string { return flagUsages(p, fs) })
	root.SetUsageTemplate(usageTemplate(p))
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = p.T("help.help.short")
			c.Long = p.T("help.help.long")
		case "completion":
			c.Short = p.T("help.completion.short")
			c.Long = p.T("help.completion.long")
			for _, sh := range c.Commands() {
				sh.Short = p.T("help.completion.shell.short", "Shell", sh.Name())
				sh.Long = p.T("help.completion.shell.long", "Shell", sh.Name())
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = p.T("flag.completion.no-descriptions")
				}
			}
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = p.T("flag.help", "Cmd", c.Name())
		}
		if c == root {
			c.InitDefaultVersionFlag()
			if f := c.Flags().Lookup("version"); f != nil {
				f.Usage = p.T("flag.version")
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// flagUsages lists flags as pflag does, aligned by display width (so
// Vietnamese value names line up) and with "(default …)" in the user's
// language.
func flagUsages(p *msg.Printer, fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" && f.Value.Type() != "bool" {
			left += " " + name
		}
		switch f.DefValue {
		case "", "false", "0", "[]":
		default:
			usage += " " + p.T("help.default", "Value", f.DefValue)
		}
		lines = append(lines, line{left, usage})
		width = max(width, runewidth.StringWidth(left))
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.left + strings.Repeat(" ", width-runewidth.StringWidth(l.left)+3) + l.usage)
	}
	return b.String()
}

// usageTemplate is cobra's usage template with its headings in the
// user's language.
func usageTemplate(p *msg.Printer) string {
	h := func(id string) string { return p.T(id) }
	return h("help.heading.usage") + `{{if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} ` + p.T("help.placeholder.flags") + `{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} ` + p.T("help.placeholder.command") + `{{end}}{{if gt (len .Aliases) 0}}

` + h("help.heading.aliases") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + h("help.heading.examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + h("help.heading.commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + h("help.heading.flags") + `
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

` + h("help.heading.global-flags") + `
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

` + p.T("help.more", "Cmd", "{{.CommandPath}}") + `{{end}}
`
}
