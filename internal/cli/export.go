package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/atomicfile"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/xlsx"
)

type exportOptions struct {
	IO       *IO
	Plan     string
	Output   string
	Appendix string
	Force    bool
	// NoFormulas writes values only (xlsx.Options.NoFormulas).
	NoFormulas bool

	// wrapFile, set by tests, wraps the output file's writer, to make
	// the write fail part-way.
	wrapFile func(io.Writer) io.Writer
}

func newExportCmd(ios *IO) *cobra.Command {
	opts := &exportOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "export " + p.T("help.export.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usageError("cli.export-needs-plan")
			case 1:
				opts.Plan = args[0]
			default:
				return usageError("cli.one-plan", "Cmd", "export", "Count", len(args), "Args", args)
			}
			return runExport(opts)
		},
	}, "export")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", flagUsage(p, "export", "output"))
	cmd.Flags().StringVarP(&opts.Appendix, "appendix", "a", "", flagUsage(p, "export", "appendix"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, flagUsage(p, "export", "force"))
	cmd.Flags().BoolVar(&opts.NoFormulas, "no-formulas", false, flagUsage(p, "export", "no-formulas"))
	_ = cmd.MarkFlagFilename("output", "xlsx")
	_ = cmd.RegisterFlagCompletionFunc("appendix", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		return appendixIDs(args), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// appendixList is the plan's appendix ids for a message.
func appendixList(p *plan.Plan) []string { return xlsx.AppendixIDs(p) }

// appendixIDs completes --appendix from the plan named on the command
// line, if it loads.
func appendixIDs(args []string) []string {
	if len(args) != 1 || args[0] == "-" {
		return nil
	}
	data, err := readLimited(args[0], nil)
	if err != nil {
		return nil
	}
	p, _ := plan.Load(args[0], data)
	if p == nil {
		return nil
	}
	return xlsx.AppendixIDs(p)
}

func runExport(opts *exportOptions) error {
	ios := opts.IO
	if err := checkExtension(opts.Output, "xlsx", true); err != nil {
		return err
	}
	p, ds, err := readPlan(ios, opts.Plan)
	if err != nil {
		return err
	}
	if failing := failures(ds); len(failing) > 0 {
		for _, d := range failing {
			fmt.Fprintln(ios.ErrOut, d.Format(ios.P))
		}
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.T("cli.export-has-errors", "File", displayName(opts.Plan), "Count", len(failing)))
		return reported(ExitProblems)
	}
	if opts.Appendix != "" && !slices.Contains(xlsx.AppendixIDs(p), opts.Appendix) {
		return usageError("cli.unknown-appendix", "Value", opts.Appendix, "File", displayName(opts.Plan), "IDs", appendixList(p))
	}

	name := p.Meta.ID.Value + "-phu-luc.xlsx"
	if opts.Appendix != "" {
		name = p.Meta.ID.Value + "-" + opts.Appendix + ".xlsx"
	}
	out, err := outputPath(opts, name)
	if err != nil {
		return err
	}

	wb, ds, err := xlsx.Build(p, xlsx.Options{Appendix: opts.Appendix, NoFormulas: opts.NoFormulas, P: ios.P})
	if len(ds) > 0 {
		for _, d := range ds {
			fmt.Fprintln(ios.ErrOut, d.Format(ios.P))
		}
		return reported(ExitProblems)
	}
	if err != nil {
		return failure("cli.file-error", "File", displayName(opts.Plan), "Err", err)
	}
	defer wb.Close()
	for _, w := range wb.Warnings {
		fmt.Fprintf(ios.ErrOut, "%s:%d:%d: %s: %s\n", displayName(opts.Plan), w.Pos.Line, w.Pos.Col, diag.Warning.Text(ios.P), ios.P.S(w.Msg))
	}

	if out == "-" {
		// excelize assembles the whole workbook before the first byte
		// goes out, so a failure never leaves half a workbook on stdout.
		if _, err := wb.WriteTo(ios.Out); err != nil {
			return failure("cli.write-stdout", "Err", err.Error())
		}
		return nil
	}
	if err := writeFile(out, wb, ios, opts.wrapFile); err != nil {
		return failure("cli.file-error", "File", out, "Err", describeOSError(err))
	}
	fmt.Fprintln(ios.ErrOut, ios.P.T("cli.export-wrote", "File", out, "Sheets", wb.Sheets))
	return nil
}

// failures returns the diagnostics that stop an export: errors nobody
// acknowledged.
func failures(ds []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Fails() {
			out = append(out, d)
		}
	}
	return out
}

// outputPath decides where the workbook goes: "-" for standard output,
// else a file path, refusing what must not be overwritten.
func outputPath(opts *exportOptions, defaultName string) (string, error) {
	if opts.Output == "-" && opts.IO.IsTerminal {
		return "", usageError("cli.stdout-terminal")
	}
	return checkOutput(opts.Output, defaultName, opts.Plan, opts.Force, "cli.output-is-plan")
}

// checkOutput decides where a command writes its file: "-" is standard
// output; "" is defaultName here; a directory gets defaultName inside it.
// An existing file is refused unless force, the input never (even
// through a link; sameID is the message that says so), and so is
// anything that is not a regular file.
func checkOutput(out, defaultName, input string, force bool, sameID string) (string, error) {
	switch out {
	case "-":
		return out, nil
	case "":
		out = defaultName
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		out = filepath.Join(out, defaultName)
	}
	// Write through a symbolic link to the file it names, as editors do.
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	} else if li, lerr := os.Lstat(out); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
		// A dangling link is a name that exists: replacing it (with
		// the rename) takes --force, like replacing a file.
		if !force {
			return "", usageError("cli.output-exists", "File", out)
		}
		return out, nil
	}
	st, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if dir, derr := os.Stat(filepath.Dir(out)); derr != nil || !dir.IsDir() {
			return "", failure("cli.no-such-dir", "File", out, "Dir", filepath.Dir(out))
		}
		return out, nil
	case err != nil:
		return "", failure("cli.file-error", "File", out, "Err", describeOSError(err))
	case st.IsDir():
		return "", usageError("cli.output-is-dir", "File", out)
	}
	// The output exists. Never the input itself, whatever the flags: a
	// hard link or a symbolic link to it is the same file.
	if input != "-" {
		if in, err := os.Stat(input); err == nil && os.SameFile(in, st) {
			return "", usageError(sameID, "File", out, "Plan", input)
		}
	}
	if !st.Mode().IsRegular() {
		return "", usageError("cli.output-not-regular", "File", out)
	}
	if !force {
		return "", usageError("cli.output-exists", "File", out)
	}
	return out, nil
}

// writeFile writes the workbook to path through a temporary file that is
// renamed into place when complete. An interrupt (Ctrl-C) while writing
// removes the temporary file before the process ends.
func writeFile(path string, wb *xlsx.Workbook, ios *IO, wrap func(io.Writer) io.Writer) error {
	f, err := atomicfile.Create(path, 0o666)
	if err != nil {
		return err
	}
	defer f.Abort()
	stop := onInterrupt(func(sig os.Signal) {
		f.Abort()
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.T("cli.export-interrupted", "Signal", sig.String(), "File", path))
	})
	defer stop()
	var w io.Writer = f
	if wrap != nil {
		w = wrap(w)
	}
	if _, err := wb.WriteTo(w); err != nil {
		return err
	}
	return f.Commit()
}

// onInterrupt runs cleanup and ends the process with the conventional
// status (128 + signal number) if SIGINT or SIGTERM arrives before stop.
func onInterrupt(cleanup func(os.Signal)) (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			cleanup(sig)
			code := 130
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
	}
}
