package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/config"
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
	// Quiet prints only the findings that fail the run, and no summary.
	Quiet bool
	// FailOn is the least severity that fails the run: error, warning
	// or note.
	FailOn string
	// NoAcknowledged leaves acknowledged findings out of the output.
	NoAcknowledged bool
	// Exclude are --exclude patterns, relative to the working directory.
	Exclude []string
	// Verbose names the files skipped as not plans, on stderr.
	Verbose bool
	// failOnSet is set when --fail-on was given (else the configuration
	// file's fail-on applies).
	failOnSet bool
}

// failOnLevels are the values of validate --fail-on, most serious first
// (the order of diag.Severity).
var failOnLevels = []string{"error", "warning", "note"}

func newValidateCmd(ios *IO) *cobra.Command {
	opts := &validateOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "validate " + p.T("help.validate.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.failOnSet = cmd.Flags().Changed("fail-on")
			if !opts.ListRules && len(args) == 0 {
				if cfg := ios.Config; cfg != nil && len(cfg.Paths) > 0 {
					opts.Paths = configPaths(cfg)
				} else {
					return usageError("cli.validate-needs-path")
				}
			}
			return runValidate(opts)
		},
	}, "validate")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", flagUsage(p, "validate", "format", "Formats", report.Formats))
	cmd.Flags().BoolVar(&opts.ListRules, "list-rules", false, flagUsage(p, "validate", "list-rules"))
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, flagUsage(p, "validate", "quiet"))
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "error", flagUsage(p, "validate", "fail-on", "Values", failOnLevels))
	cmd.Flags().BoolVar(&opts.NoAcknowledged, "no-acknowledged", false, flagUsage(p, "validate", "no-acknowledged"))
	cmd.Flags().StringArrayVar(&opts.Exclude, "exclude", nil, flagUsage(p, "validate", "exclude"))
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, flagUsage(p, "validate", "verbose"))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions(failOnLevels, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// configPaths are the configuration's paths, relative to the working
// directory when they lie under it.
func configPaths(cfg *config.Config) []string {
	wd, _ := os.Getwd()
	var out []string
	for _, p := range cfg.Paths {
		p = filepath.FromSlash(p)
		if !filepath.IsAbs(p) {
			p = filepath.Join(cfg.Dir, p)
		}
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		out = append(out, p)
	}
	return out
}

// exclusions are the configuration's exclude patterns and --exclude's.
func (opts *validateOptions) exclusions() ([]exclusion, error) {
	var out []exclusion
	if cfg := opts.IO.Config; cfg != nil {
		for _, g := range cfg.Exclude {
			out = append(out, exclusion{pattern: g, base: cfg.Dir})
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, failure("cli.write-output", "Err", err.Error())
	}
	for _, g := range opts.Exclude {
		if !config.ValidPattern(filepath.ToSlash(g)) {
			return nil, usageError("cli.bad-pattern", "Pattern", g)
		}
		out = append(out, exclusion{pattern: g, base: wd})
	}
	return out, nil
}

func runValidate(opts *validateOptions) error {
	if cfg := opts.IO.Config; cfg != nil && cfg.FailOn != "" && !opts.failOnSet {
		opts.FailOn = cfg.FailOn
	}
	failOn := slices.Index(failOnLevels, opts.FailOn)
	if failOn < 0 {
		return usageError("cli.validate-unknown-fail-on", "Value", opts.FailOn, "Values", failOnLevels)
	}
	wd, _ := os.Getwd()
	ropts := report.Options{Color: opts.IO.color(), P: opts.IO.P, Rules: allRules(), ToolVersion: currentBuild().Version, BaseDir: wd,
		FailOn: diag.Severity(failOn), Quiet: opts.Quiet}
	printer, err := report.New(opts.Format, ropts)
	if err != nil {
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", report.Formats)
	}
	if opts.ListRules {
		return listRules(opts)
	}
	exclusions, err := opts.exclusions()
	if err != nil {
		return err
	}
	ins, skipped, err := collectInputs(opts.Paths, exclusions)
	if err != nil {
		return err
	}
	noteSkipped(opts.IO, skipped)
	results := make([]fileResult, len(ins))
	forEach(len(ins), func(i int) {
		if e := ins[i].err; e != nil {
			results[i].failure = e
			return
		}
		results[i] = checkFile(ins[i], opts.IO.In)
	})
	var r report.Result
	plans := map[string]*plan.Plan{}
	var reports []pendingReport
	for i, in := range ins {
		file, res := in.path, &results[i]
		if res.notPlan {
			r.Skipped = append(r.Skipped, file)
			if opts.Verbose {
				fmt.Fprintln(opts.IO.ErrOut, opts.IO.P.T("cli.skipped", "File", file))
			}
			continue
		}
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
	ok := ropts.OK(r)
	var unlisted []diag.Diagnostic
	r.Diagnostics = slices.DeleteFunc(r.Diagnostics, func(d diag.Diagnostic) bool {
		drop := opts.NoAcknowledged && d.Acknowledged || opts.Quiet && !ropts.Fails(d)
		if drop {
			unlisted = append(unlisted, d)
		}
		return drop
	})
	r.Unlisted = diag.Count(unlisted)
	if err := printer.Print(opts.IO.Out, r); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	switch {
	case len(r.Failures) > 0:
		return reported(ExitFailure)
	case !ok:
		return reported(ExitProblems)
	}
	return nil
}

// fileResult is what checking one file gave.
type fileResult struct {
	diags   []diag.Diagnostic
	failure error        // the file could not be read
	notPlan bool         // a file of a directory that is not a plan: skipped
	report  *plan.Report // a progress report that loaded clean
	plan    *plan.Plan   // a plan that loaded, for the reports
}

// checkFile reads and checks one plan or progress report. It is called
// for several files at once: it shares nothing but stdin, which only the
// one "-" of a run reads.
func checkFile(in input, stdin io.Reader) fileResult {
	file := in.path
	data, err := readLimited(file, stdin)
	if err == nil && in.walked && plan.Sniff(data) == plan.KindOther {
		return fileResult{notPlan: true}
	}
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
