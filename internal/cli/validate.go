package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/progress"
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
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "validate " + p.T("help.validate.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if !opts.ListRules && len(args) == 0 {
				return usageError("cli.validate-needs-path")
			}
			return runValidate(opts)
		},
	}, "validate")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", flagUsage(p, "validate", "format", "Formats", report.Formats))
	cmd.Flags().BoolVar(&opts.ListRules, "list-rules", false, flagUsage(p, "validate", "list-rules"))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runValidate(opts *validateOptions) error {
	printer, err := report.New(opts.Format, report.Options{Color: opts.IO.color(), P: opts.IO.P})
	if err != nil {
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", report.Formats)
	}
	if opts.ListRules {
		return listRules(opts)
	}
	files, bad, skipped, err := expandPaths(opts.Paths)
	if err != nil {
		return err
	}
	noteSkipped(opts.IO, skipped)
	results := make([]fileResult, len(files))
	forEach(len(files), func(i int) {
		if e := bad[files[i]]; e != nil {
			results[i].failure = e
			return
		}
		results[i] = checkFile(files[i], opts.IO.In)
	})
	var r report.Result
	plans := map[string]*plan.Plan{}
	var reports []pendingReport
	for i, file := range files {
		res := &results[i]
		r.Files = append(r.Files, file)
		if res.failure != nil {
			r.Failures = append(r.Failures, report.Failure{File: file, Err: res.failure})
			continue
		}
		r.Diagnostics = append(r.Diagnostics, res.diags...)
		if res.report != nil {
			reports = append(reports, pendingReport{res.report, file})
		}
		if p := res.plan; p != nil && p.Meta.ID.Value != "" && plans[p.Meta.ID.Value] == nil {
			plans[p.Meta.ID.Value] = p
		}
	}
	r.Diagnostics = append(r.Diagnostics, checkReports(reports, plans)...)
	diag.Sort(r.Diagnostics)
	if err := printer.Print(opts.IO.Out, r); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	switch {
	case len(r.Failures) > 0:
		return reported(ExitFailure)
	case diag.Count(r.Diagnostics).Errors > 0:
		return reported(ExitProblems)
	}
	return nil
}

// fileResult is what checking one file gave.
type fileResult struct {
	diags   []diag.Diagnostic
	failure error        // the file could not be read
	report  *plan.Report // a progress report that loaded clean
	plan    *plan.Plan   // a plan that loaded, for the reports
}

// checkFile reads and checks one plan or progress report. It is called
// for several files at once: it shares nothing but stdin, which only the
// one "-" of a run reads.
func checkFile(file string, stdin io.Reader) fileResult {
	data, err := readLimited(file, stdin)
	if d, ok := sizeFinding(file, err); ok {
		return fileResult{diags: []diag.Diagnostic{d}}
	}
	if err != nil {
		return fileResult{failure: err}
	}
	if plan.IsReport(data) {
		rep, ds := plan.LoadReport(displayName(file), data)
		res := fileResult{diags: ds}
		if rep != nil && len(ds) == 0 {
			res.report = rep
		}
		return res
	}
	p, ds := validate.File(displayName(file), data, validate.Options{})
	return fileResult{diags: ds, plan: p}
}

// pendingReport is a progress report that loaded, waiting for its plan.
type pendingReport struct {
	report *plan.Report
	path   string
}

// checkReports checks each report against the plan it names: one of the
// plans checked in this run, or else plans/ID.yaml in or above the
// report's directory.
func checkReports(reports []pendingReport, plans map[string]*plan.Plan) []diag.Diagnostic {
	var ds []diag.Diagnostic
	byPlan := map[string][]*plan.Report{}
	var ids []string
	for _, pr := range reports {
		id := pr.report.Plan.Value
		if byPlan[id] == nil {
			ids = append(ids, id)
		}
		if plans[id] == nil {
			if path, ok := findPlan(pr.path, id); ok {
				if data, err := readLimited(path, nil); err == nil {
					if p, _ := plan.Load(path, data); p != nil && p.Meta.ID.Value == id {
						plans[id] = p
					}
				}
			}
		}
		if plans[id] == nil {
			ds = append(ds, progress.NoPlan(pr.report))
			continue
		}
		byPlan[id] = append(byPlan[id], pr.report)
	}
	for _, id := range ids {
		if len(byPlan[id]) > 0 {
			ds = append(ds, progress.Check(plans[id], byPlan[id])...)
		}
	}
	return ds
}

// allRules lists every rule validate reports: the plans' and the
// progress reports'.
func allRules() []diag.Rule { return append(validate.Rules(), progress.Rules()...) }

// displayName is how a file is named in diagnostics.
func displayName(file string) string {
	if file == "-" {
		return "<stdin>"
	}
	return file
}

// jsonRule is a rule in --list-rules --format json.
type jsonRule struct {
	diag.Rule
	Description string `json:"description"`
}

func listRules(opts *validateOptions) error {
	rules := allRules()
	if opts.Format == "json" {
		out := make([]jsonRule, len(rules))
		for i, r := range rules {
			out[i] = jsonRule{Rule: r, Description: opts.IO.P.S(r.Description())}
		}
		return writeJSON(opts.IO.Out, out)
	}
	return writeRuleTable(opts.IO, rules)
}
