package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/render"
)

type gapOptions struct {
	IO       *IO
	File     string
	Appendix string
	Level    string
	Sort     string
	Top      int
	By       string
	Format   string
	// SortSet is set when --sort was given: by lead, the default order
	// is the points lost, not the file's.
	SortSet bool
}

func newGapCmd(ios *IO) *cobra.Command {
	opts := &gapOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "gap FILE",
		Short: "Where points were lost, what the plan wins back, and who owns each gap",
		Long: `For every scored item: lost = max − achieved (điểm bị mất), gain = target −
achieved (phấn đấu tăng), left = max − target (còn thiếu sau mục tiêu), and the
share of the lost points the plan wins back; totals per field and for each
appendix, and the projected index. All figures are exact.

Stated parent scores are used as stated; where they differ from the sum of
their children the report says so. Percent items (SIPAS components) are
reported on their own, never added to points; items without scores are
counted and listed, never taken as zero.

With --by lead, one row per lead agency (chủ trì): the points lost on the
items it leads and the points it is to win back. Agencies written in
different ways ("Giám đốc Sở Nội vụ", "Sở Nội vụ.") are one agency.`,
		Example: `  # The whole plan, as a table
  parplan gap plans/daknong-2024.yaml

  # The ten criteria that lost the most points
  parplan gap plans/daknong-2024.yaml --level criterion --sort lost --top 10

  # Who owns the lost points
  parplan gap plans/daknong-2024.yaml --by lead

  # For a spreadsheet or a script
  parplan gap plans/hagiang-2021.yaml --format csv > hagiang-gap.csv
  parplan gap plans/hagiang-2021.yaml --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			opts.SortSet = cmd.Flags().Changed("sort")
			return runGap(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Appendix, "appendix", "", "report only the appendix with this id")
	f.StringVar(&opts.Level, "level", "all", "rows to show: "+strings.Join(gap.Levels, ", "))
	f.StringVar(&opts.Sort, "sort", "code", "order: "+strings.Join(gap.SortKeys, ", ")+" (by a figure: largest first, items of one level)")
	f.IntVar(&opts.Top, "top", 0, "show only the first N rows")
	f.StringVar(&opts.By, "by", "", `group by: "lead" (lead agency)`)
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(render.GapFormats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.GapFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("level", cobra.FixedCompletions(gap.Levels, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions(gap.SortKeys, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"lead"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("appendix", "yaml", "yml")
	return cmd
}

func runGap(opts *gapOptions) error {
	level, err := gap.ParseLevel(opts.Level)
	if err != nil {
		return usageErrorf("--level: %v", err)
	}
	sortKey, err := gap.ParseSort(opts.Sort)
	if err != nil {
		return usageErrorf("--sort: %v", err)
	}
	if opts.Top < 0 {
		return usageErrorf("--top must be a positive number, not %d", opts.Top)
	}
	if opts.By != "" && opts.By != "lead" {
		return usageErrorf(`--by: unknown grouping %q (valid: lead)`, opts.By)
	}
	printer, err := render.NewGap(opts.Format, render.GapOptions{ByLead: opts.By == "lead", Color: opts.IO.color(), Width: opts.IO.width(), File: opts.File, P: opts.IO.P})
	if err != nil {
		return usageErrorf("--format: %v", err)
	}
	p, ds, err := readPlan(opts.IO, opts.File)
	if err != nil {
		return err
	}
	if n := diag.Count(ds).Errors; n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "parplan: warning: %s has %d validation error(s); run 'parplan validate %s'\n", displayName(opts.File), n, opts.File)
	}
	byLead := opts.By == "lead"
	if byLead && !opts.SortSet {
		sortKey = gap.SortLost
	}
	report, err := gap.Analyze(p, gap.Options{Appendix: opts.Appendix, Level: level, Sort: sortKey, Top: opts.Top, ByLead: byLead})
	if err != nil {
		return usageErrorf("--appendix: %v", err)
	}
	if err := printer.Print(opts.IO.Out, report); err != nil {
		return failuref("writing output: %v", err)
	}
	return nil
}
