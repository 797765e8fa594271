package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/internal/render"
	"github.com/parplan/parplan/internal/review"
)

type reviewOptions struct {
	IO     *IO
	Files  []string
	Format string
	// ForceYears compares plans that are not one year apart in order,
	// with a warning instead of a usage error.
	ForceYears bool
}

func newReviewCmd(ios *IO) *cobra.Command {
	opts := &reviewOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "review " + p.T("help.review.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError("review.needs-plans")
			}
			opts.Files = args
			return runReview(opts)
		},
	}, "review")
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", flagUsage(p, "review", "format", "Formats", render.ReviewFormats))
	f.BoolVar(&opts.ForceYears, "force-years", false, flagUsage(p, "review", "force-years"))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.ReviewFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runReview(opts *reviewOptions) error {
	printer, err := render.NewReview(opts.Format, render.ReviewOptions{Color: opts.IO.color(), Width: opts.IO.width(), P: opts.IO.P})
	if err != nil {
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", render.ReviewFormats)
	}
	for _, f := range opts.Files {
		if err := checkPlanArg(f); err != nil {
			return err
		}
	}
	// Every plan is read before any is judged, so that all the files
	// that do not load are reported in one run.
	var plans []*plan.Plan
	var failed error
	for _, f := range opts.Files {
		p, ds, err := readPlan(opts.IO, f)
		if err != nil {
			var ee *exitError
			if failed == nil || (errors.As(err, &ee) && ee.code == ExitFailure) {
				failed = err
			}
			continue
		}
		if n := diag.Count(ds).Errors; n > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "parplan: %s\n", opts.IO.P.T("cli.gap-has-errors", "File", displayName(f), "Count", n, "Arg", f))
		}
		p.File = displayName(f)
		plans = append(plans, p)
	}
	if failed != nil {
		return failed
	}
	for i := 0; i+1 < len(plans); i++ {
		err := review.CheckYears(plans[i], plans[i+1])
		var ye *review.YearError
		if !errors.As(err, &ye) {
			continue
		}
		reason := yearReason(ye)
		if !opts.ForceYears {
			return usageError("review.years-error", "Reason", reason)
		}
		fmt.Fprintf(opts.IO.ErrOut, "parplan: %s\n", opts.IO.P.T("review.years-forced", "Reason", reason))
	}
	if err := printer.Print(opts.IO.Out, review.Review(plans)); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}

// yearReason says why two plans are not one year apart.
func yearReason(e *review.YearError) msg.Message {
	prev, cur := msg.Raw(e.Previous.File), msg.Raw(e.Current.File)
	if e.Current.BaselineYear != 0 {
		return msg.New("review.years-baseline", "Current", cur, "Baseline", e.Current.BaselineYear, "Year", e.Previous.Year, "Previous", prev)
	}
	return msg.New("review.years-next", "Current", cur, "CurrentYear", e.Current.Year, "Next", e.Previous.Year+1,
		"Year", e.Previous.Year, "Previous", prev)
}
