package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/deadline"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/progress"
	"github.com/parplan/parplan/internal/render"
	"github.com/parplan/parplan/internal/xlsx"
)

type progressOptions struct {
	IO      *IO
	File    string
	Reports []string
	AsOf    string
	Format  string
	Output  string
	Force   bool
	FailOn  string
	// now is the day without --as-of; tests set it.
	now func() time.Time
}

func newProgressCmd(ios *IO) *cobra.Command {
	opts := &progressOptions{IO: ios, now: time.Now}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "progress " + p.T("help.progress.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("cli.progress-needs-plan")
			}
			opts.File, opts.Reports = args[0], args[1:]
			return runProgress(opts)
		},
	}, "progress")
	f := cmd.Flags()
	f.StringVar(&opts.AsOf, "as-of", "", flagUsage(p, "progress", "as-of"))
	f.StringVarP(&opts.Format, "format", "f", "table", flagUsage(p, "progress", "format", "Formats", render.ProgressFormats))
	f.StringVarP(&opts.Output, "output", "o", "", flagUsage(p, "progress", "output"))
	f.BoolVar(&opts.Force, "force", false, flagUsage(p, "progress", "force"))
	f.StringVar(&opts.FailOn, "fail-on", "", flagUsage(p, "progress", "fail-on"))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.ProgressFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"overdue"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runProgress(opts *progressOptions) error {
	ios := opts.IO
	asOf := deadline.FromTime(opts.now())
	if opts.AsOf != "" {
		d, err := deadline.ParseDate(opts.AsOf)
		if err != nil {
			return usageError("cli.bad-as-of", "Value", opts.AsOf)
		}
		asOf = d
	}
	if opts.FailOn != "" && opts.FailOn != "overdue" {
		return usageError("cli.unknown-fail-on", "Value", opts.FailOn)
	}
	if err := checkExtension(opts.Output, opts.Format, false); err != nil {
		return err
	}
	var printer render.ProgressPrinter
	if opts.Format != "xlsx" {
		var err error
		printer, err = render.NewProgress(opts.Format, render.GapOptions{Color: ios.color(), Width: ios.width(), File: opts.File, P: ios.P})
		if err != nil {
			return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", render.ProgressFormats)
		}
	}
	p, pds, err := readPlan(ios, opts.File)
	if err != nil {
		return err
	}
	if n := diag.Count(pds).Errors; n > 0 {
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.T("cli.gap-has-errors", "File", displayName(opts.File), "Count", n, "Arg", opts.File))
	}
	reports, ds, err := readReports(ios, opts.Reports, p.Meta.ID.Value)
	if err != nil {
		return err
	}
	ds = append(ds, progress.Check(p, reports)...)
	diag.Sort(ds)
	for _, d := range ds {
		fmt.Fprintln(ios.ErrOut, d.Format(ios.P))
	}
	if n := diag.Count(ds).Errors; n > 0 {
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.T("cli.progress-report-errors", "Count", n))
		return reported(ExitProblems)
	}
	st := progress.Compute(p, reports, progress.Options{AsOf: asOf})
	if opts.Format == "xlsx" {
		err = writeProgressBook(opts, st, xlsx.AppendixLabels(p))
	} else {
		err = writeStream(ios, opts.Output, opts.File, opts.Force, p.Meta.ID.Value+"-progress-"+asOf.String()+"."+extension(opts.Format),
			func(w io.Writer) error { return printer.Print(w, st) })
	}
	if err != nil {
		return err
	}
	if opts.FailOn == "overdue" && len(st.Overdue()) > 0 {
		return reported(ExitProblems)
	}
	return nil
}

func writeProgressBook(opts *progressOptions, st *progress.Status, labels map[string]string) error {
	ios := opts.IO
	name := st.PlanID + "-progress-" + st.AsOf.String() + ".xlsx"
	if opts.Output == "-" && ios.IsTerminal {
		return usageError("cli.stdout-terminal")
	}
	out, err := checkOutput(opts.Output, name, opts.File, opts.Force, "cli.output-is-plan")
	if err != nil {
		return err
	}
	wb, err := xlsx.BuildProgress(st, xlsx.ProgressOptions{P: ios.P, Appendices: labels})
	if err != nil {
		return failure("cli.internal-error", "Err", err.Error())
	}
	defer wb.Close()
	if out == "-" {
		if _, err := wb.WriteTo(ios.Out); err != nil {
			return failure("cli.write-stdout", "Err", err.Error())
		}
		return nil
	}
	if err := writeFile(out, wb, ios, nil); err != nil {
		return failure("cli.file-error", "File", out, "Err", describeOSError(err))
	}
	fmt.Fprintln(ios.ErrOut, ios.P.T("cli.wrote", "File", out))
	return nil
}

// readReports reads the progress reports the arguments name: files as
// given, and every report of the plan planID in the directories given
// (plans and reports of other plans there are left alone). A file that
// cannot be read is a failure; a file named on the command line that is
// not a report of that plan is reported.
func readReports(ios *IO, args []string, planID string) ([]*plan.Report, []diag.Diagnostic, error) {
	var reports []*plan.Report
	var ds []diag.Diagnostic
	for _, arg := range args {
		st, err := os.Stat(arg)
		dir := err == nil && st.IsDir()
		files := []string{arg}
		if dir {
			var skipped []string
			files, _, skipped, err = expandPaths([]string{arg})
			if err != nil {
				return nil, nil, err
			}
			noteSkipped(ios, skipped)
		}
		for _, file := range files {
			data, err := readLimited(file, ios.In)
			if d, ok := sizeFinding(file, err); ok {
				ds = append(ds, d)
				continue
			}
			if err != nil {
				return nil, nil, failure("cli.file-error", "File", file, "Err", err)
			}
			if !plan.IsReport(data) {
				if !dir {
					return nil, nil, usageError("cli.not-a-report", "File", file)
				}
				continue
			}
			r, lds := plan.LoadReport(displayName(file), data)
			ds = append(ds, lds...)
			if r == nil || len(lds) > 0 {
				continue
			}
			if dir && r.Plan.Value != planID {
				continue
			}
			reports = append(reports, r)
		}
	}
	return reports, ds, nil
}

// findPlan looks for the plan a report names where a repository keeps
// it: plans/ID.yaml (or .yml) in the report's directory or one above it.
func findPlan(report, id string) (string, bool) {
	dir, err := filepath.Abs(filepath.Dir(report))
	if err != nil {
		return "", false
	}
	for d := dir; ; d = filepath.Dir(d) {
		for _, ext := range []string{".yaml", ".yml"} {
			candidate := filepath.Join(d, "plans", id+ext)
			if st, err := os.Stat(candidate); err == nil && st.Mode().IsRegular() {
				if rel, err := filepath.Rel(mustGetwd(), candidate); err == nil {
					return rel, true
				}
				return candidate, true
			}
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

func mustGetwd() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}
