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
	"strings"
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

	// wrapFile, set by tests, wraps the output file's writer, to make
	// the write fail part-way.
	wrapFile func(io.Writer) io.Writer
}

func newExportCmd(ios *IO) *cobra.Command {
	opts := &exportOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "export PLAN [-o FILE|-]",
		Short: "Write the plan's appendices (Phụ lục) as an Excel workbook ready to print",
		Long: `Write the plan's appendices as an .xlsx workbook laid out like the signed
original: one sheet per appendix in the layout of its source document (header
rows, merged header cells, column numbers, numbering, totals and notes), set
up to print on A4 with the header repeated on every page, plus a summary
sheet with the points lost and won back per field and a chart.

The plan must validate (acknowledged findings are fine): a plan with errors
is not exported. Without -o the workbook is PLAN-ID-phu-luc.xlsx in the
current directory (PLAN-ID-APPENDIX-ID.xlsx with --appendix); -o DIR writes
that name into DIR; -o - writes the workbook to standard output.

The output is written to a temporary file beside it and renamed into place,
so an interrupted or failed export leaves any existing file as it was. An
existing file is replaced only with --force, and never the plan itself.
The same plan always gives a byte-identical workbook.

Exit status: 0 written, 1 the plan has errors, 2 usage error (bad flag,
unknown appendix, output exists without --force, output is the plan),
3 a file could not be read or written.`,
		Example: `  # Every appendix of the plan, and the summary
  parplan export plans/daknong-2024.yaml -o daknong-2024-phu-luc.xlsx

  # One appendix, replacing an earlier export
  parplan export plans/daknong-2024.yaml --appendix phu-luc-02 -o pl02.xlsx --force

  # To standard output
  parplan export plans/hagiang-2021.yaml -o - > hagiang.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usageErrorf("export needs a plan file (for example: parplan export plans/daknong-2024.yaml)")
			case 1:
				opts.Plan = args[0]
			default:
				return usageErrorf("export takes one plan file, got %d: %s", len(args), strings.Join(args, " "))
			}
			return runExport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", `the workbook to write, a directory to write it into, or "-" for standard output`)
	cmd.Flags().StringVarP(&opts.Appendix, "appendix", "a", "", "export only the appendix with this id")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace an existing output file")
	_ = cmd.MarkFlagFilename("output", "xlsx")
	_ = cmd.RegisterFlagCompletionFunc("appendix", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		return appendixIDs(args), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

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
	p, ds, err := readPlan(ios, opts.Plan)
	if err != nil {
		return err
	}
	if failing := failures(ds); len(failing) > 0 {
		for _, d := range failing {
			fmt.Fprintln(ios.ErrOut, d)
		}
		fmt.Fprintf(ios.ErrOut, "parplan: %s has %s; fix the plan (see parplan validate) before exporting it\n", displayName(opts.Plan), plural(len(failing), "error"))
		return reported(ExitProblems)
	}
	ids := xlsx.AppendixIDs(p)
	if opts.Appendix != "" && !slices.Contains(ids, opts.Appendix) {
		return usageErrorf("--appendix %q: no such appendix in %s (appendices: %s)", opts.Appendix, displayName(opts.Plan), strings.Join(ids, ", "))
	}

	name := p.Meta.ID.Value + "-phu-luc.xlsx"
	if opts.Appendix != "" {
		name = p.Meta.ID.Value + "-" + opts.Appendix + ".xlsx"
	}
	out, err := outputPath(opts, name)
	if err != nil {
		return err
	}

	wb, ds, err := xlsx.Build(p, xlsx.Options{Appendix: opts.Appendix})
	if len(ds) > 0 {
		for _, d := range ds {
			fmt.Fprintln(ios.ErrOut, d)
		}
		return reported(ExitProblems)
	}
	if err != nil {
		return failuref("%s: %v", displayName(opts.Plan), err)
	}
	defer wb.Close()
	for _, w := range wb.Warnings {
		fmt.Fprintln(ios.ErrOut, w)
	}

	if out == "-" {
		// excelize assembles the whole workbook before the first byte
		// goes out, so a failure never leaves half a workbook on stdout.
		if _, err := wb.WriteTo(ios.Out); err != nil {
			return failuref("writing the workbook to standard output: %v", err)
		}
		return nil
	}
	if err := writeFile(out, wb, ios.ErrOut, opts.wrapFile); err != nil {
		return failuref("%s: %v", out, describeOSError(err))
	}
	fmt.Fprintf(ios.Out, "wrote %s: %s\n", out, strings.Join(wb.Sheets, ", "))
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

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// outputPath decides where the workbook goes: "-" for standard output,
// else a file path, refusing what must not be overwritten.
func outputPath(opts *exportOptions, defaultName string) (string, error) {
	out := opts.Output
	switch {
	case out == "-":
		if opts.IO.IsTerminal {
			return "", usageErrorf("-o -: standard output is a terminal; redirect it to a file or give -o FILE")
		}
		return out, nil
	case out == "":
		out = defaultName
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		out = filepath.Join(out, defaultName)
	}
	// Write through a symbolic link to the file it names, as editors do.
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	}
	st, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if dir, derr := os.Stat(filepath.Dir(out)); derr != nil || !dir.IsDir() {
			return "", failuref("%s: the directory %s does not exist", out, filepath.Dir(out))
		}
		return out, nil
	case err != nil:
		return "", failuref("%s: %v", out, describeOSError(err))
	case st.IsDir():
		return "", usageErrorf("%s is a directory", out)
	}
	// The output exists. Never the plan itself, whatever the flags: a
	// hard link or a symbolic link to it is the same file.
	if opts.Plan != "-" {
		if in, err := os.Stat(opts.Plan); err == nil && os.SameFile(in, st) {
			return "", usageErrorf("%s is the plan file %s; choose another output", out, opts.Plan)
		}
	}
	if !st.Mode().IsRegular() {
		return "", usageErrorf("%s is not a regular file", out)
	}
	if !opts.Force {
		return "", usageErrorf("%s already exists; use --force to replace it", out)
	}
	return out, nil
}

// writeFile writes the workbook to path through a temporary file that is
// renamed into place when complete. An interrupt (Ctrl-C) while writing
// removes the temporary file before the process ends.
func writeFile(path string, wb *xlsx.Workbook, errOut io.Writer, wrap func(io.Writer) io.Writer) error {
	f, err := atomicfile.Create(path, 0o666)
	if err != nil {
		return err
	}
	defer f.Abort()
	stop := onInterrupt(func(sig os.Signal) {
		f.Abort()
		fmt.Fprintf(errOut, "parplan: %v: export interrupted; %s left as it was\n", sig, path)
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
