package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/report"
	"github.com/parplan/parplan/internal/validate"
)

type validateOptions struct {
	IO        *IO
	Paths     []string
	Format    string
	ListRules bool
}

func newValidateCmd(ios *IO) *cobra.Command {
	opts := &validateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "validate [FILE|DIR]...",
		Short: "Check plan files: structure, exact sums, completeness",
		Long: `Check plan files and report every problem as file:line:col with a rule ID.

Directories are searched recursively for *.yaml and *.yml files; "-" reads
a plan from standard input. Findings the plan acknowledges as discrepancies
of its source document are listed but do not fail the run.

Exit status: 0 no errors, 1 errors found, 2 usage error (bad flag, nothing
to check), 3 a file could not be read.`,
		Example: `  # Check every plan in the repository, as CI does
  parplan validate plans/

  # One plan, as GitHub Actions annotations
  parplan validate --format github plans/daknong-2024.yaml

  # What each rule checks
  parplan validate --list-rules`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if !opts.ListRules && len(args) == 0 {
				return usageErrorf("validate needs a plan file or directory (for example: parplan validate plans/)")
			}
			return runValidate(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	cmd.Flags().BoolVar(&opts.ListRules, "list-rules", false, "list every rule ID with its severity and description, then exit")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runValidate(opts *validateOptions) error {
	printer, err := report.New(opts.Format, report.Options{Color: opts.IO.color()})
	if err != nil {
		return usageErrorf("--format: %v", err)
	}
	if opts.ListRules {
		return listRules(opts)
	}
	files, bad, err := expandPaths(opts.Paths)
	if err != nil {
		return err
	}
	var r report.Result
	for _, file := range files {
		r.Files = append(r.Files, file)
		if e := bad[file]; e != nil {
			r.Failures = append(r.Failures, report.Failure{File: file, Message: e.Error()})
			continue
		}
		data, err := readLimited(file, opts.IO.In)
		if d, ok := sizeFinding(file, err); ok {
			r.Diagnostics = append(r.Diagnostics, d)
			continue
		}
		if err != nil {
			r.Failures = append(r.Failures, report.Failure{File: file, Message: err.Error()})
			continue
		}
		_, ds := validate.File(displayName(file), data, validate.Options{})
		r.Diagnostics = append(r.Diagnostics, ds...)
	}
	diag.Sort(r.Diagnostics)
	if err := printer.Print(opts.IO.Out, r); err != nil {
		return failuref("writing output: %v", err)
	}
	switch {
	case len(r.Failures) > 0:
		return reported(ExitFailure)
	case diag.Count(r.Diagnostics).Errors > 0:
		return reported(ExitProblems)
	}
	return nil
}

// displayName is how a file is named in diagnostics.
func displayName(file string) string {
	if file == "-" {
		return "<stdin>"
	}
	return file
}

func listRules(opts *validateOptions) error {
	rules := validate.Rules()
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, rules)
	}
	return writeRuleTable(opts.IO, rules)
}
