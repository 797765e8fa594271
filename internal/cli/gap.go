package cli

import (
	"fmt"
	"io"

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
	// Recoverable ranks the lost points by who can win them back; it
	// orders the rows its own way, so --sort, --level and --by are
	// refused with it (Conflict names the first given).
	Recoverable bool
	Conflict    string
	// BOM starts CSV output with the UTF-8 byte-order mark.
	BOM bool
}

func newGapCmd(ios *IO) *cobra.Command {
	opts := &gapOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "gap " + p.T("help.gap.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usageError("cli.gap-needs-plan")
			case 1:
				opts.File = args[0]
				opts.SortSet = cmd.Flags().Changed("sort")
				for _, name := range []string{"sort", "level", "by"} {
					if opts.Conflict == "" && cmd.Flags().Changed(name) {
						opts.Conflict = "--" + name
					}
				}
			default:
				return usageError("cli.one-plan", "Cmd", "gap", "Count", len(args), "Args", args)
			}
			return runGap(opts)
		},
	}, "gap")
	f := cmd.Flags()
	f.StringVar(&opts.Appendix, "appendix", "", flagUsage(p, "gap", "appendix"))
	f.StringVar(&opts.Level, "level", "all", flagUsage(p, "gap", "level", "Levels", gap.Levels))
	f.StringVar(&opts.Sort, "sort", "code", flagUsage(p, "gap", "sort", "Keys", gap.SortKeys))
	f.IntVar(&opts.Top, "top", 0, flagUsage(p, "gap", "top"))
	f.StringVar(&opts.By, "by", "", flagUsage(p, "gap", "by"))
	f.BoolVar(&opts.Recoverable, "recoverable", false, flagUsage(p, "gap", "recoverable"))
	f.BoolVar(&opts.BOM, "bom", false, flagUsage(p, "gap", "bom"))
	f.StringVarP(&opts.Format, "format", "f", "table", flagUsage(p, "gap", "format", "Formats", render.GapFormats))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.GapFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("level", cobra.FixedCompletions(gap.Levels, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions(gap.SortKeys, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"lead"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("appendix", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		return appendixIDs(args), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func runGap(opts *gapOptions) error {
	level, err := gap.ParseLevel(opts.Level)
	if err != nil {
		return usageError("cli.unknown-level", "Value", opts.Level, "Levels", gap.Levels)
	}
	sortKey, err := gap.ParseSort(opts.Sort)
	if err != nil {
		return usageError("cli.unknown-sort", "Value", opts.Sort, "Keys", gap.SortKeys)
	}
	if opts.Top < 0 {
		return usageError("cli.top-negative", "Value", opts.Top)
	}
	if opts.By != "" && opts.By != "lead" {
		return usageError("cli.unknown-by", "Value", opts.By)
	}
	if opts.BOM && opts.Format != "csv" {
		return usageError("cli.bom-not-csv", "Format", opts.Format)
	}
	if opts.Recoverable && opts.Conflict != "" {
		return usageError("cli.recoverable-conflict", "Flag", opts.Conflict)
	}
	printer, err := render.NewGap(opts.Format, render.GapOptions{ByLead: opts.By == "lead", Recoverable: opts.Recoverable, Color: opts.IO.color(), Width: opts.IO.width(), File: opts.File, P: opts.IO.P})
	if err != nil {
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", render.GapFormats)
	}
	p, ds, err := readPlan(opts.IO, opts.File)
	if err != nil {
		return err
	}
	if n := diag.Count(ds).Errors; n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "parplan: %s\n", opts.IO.P.T("cli.gap-has-errors", "File", displayName(opts.File), "Count", n, "Arg", opts.File))
	}
	byLead := opts.By == "lead"
	if byLead && !opts.SortSet {
		sortKey = gap.SortLost
	}
	report, err := gap.Analyze(p, gap.Options{Appendix: opts.Appendix, Level: level, Sort: sortKey, Top: opts.Top, ByLead: byLead, Recoverable: opts.Recoverable})
	if err != nil {
		return usageError("cli.unknown-appendix", "Value", opts.Appendix, "File", displayName(opts.File), "IDs", appendixList(p))
	}
	if opts.BOM {
		// The UTF-8 byte-order mark tells Excel on Windows that the
		// file is UTF-8, so Vietnamese opens readable.
		if _, err := io.WriteString(opts.IO.Out, "\ufeff"); err != nil {
			return failure("cli.write-output", "Err", err.Error())
		}
	}
	if err := printer.Print(opts.IO.Out, report); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}
