package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/agency"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/render"
	"github.com/parplan/parplan/internal/vntext"
	"github.com/parplan/parplan/internal/worklist"
	"github.com/parplan/parplan/internal/xlsx"
)

type worklistOptions struct {
	IO     *IO
	File   string
	Agency string
	Format string
	Output string
	Force  bool
}

func newWorklistCmd(ios *IO) *cobra.Command {
	opts := &worklistOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "worklist " + p.T("help.worklist.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usageError("cli.worklist-needs-plan")
			case 1:
				opts.File = args[0]
			default:
				return usageError("cli.one-plan", "Cmd", "worklist", "Count", len(args), "Args", args)
			}
			return runWorklist(opts)
		},
	}, "worklist")
	f := cmd.Flags()
	f.StringVar(&opts.Agency, "agency", "", flagUsage(p, "worklist", "agency"))
	f.StringVarP(&opts.Format, "format", "f", "table", flagUsage(p, "worklist", "format", "Formats", render.WorklistFormats))
	f.StringVarP(&opts.Output, "output", "o", "", flagUsage(p, "worklist", "output"))
	f.BoolVar(&opts.Force, "force", false, flagUsage(p, "worklist", "force"))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.WorklistFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runWorklist(opts *worklistOptions) error {
	ios := opts.IO
	if err := checkExtension(opts.Output, opts.Format, false); err != nil {
		return err
	}
	var printer render.WorklistPrinter
	if opts.Format != "xlsx" {
		var err error
		printer, err = render.NewWorklist(opts.Format, render.GapOptions{Color: ios.color(), Width: ios.width(), File: opts.File, P: ios.P})
		if err != nil {
			return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", render.WorklistFormats)
		}
	}
	p, ds, err := readPlan(ios, opts.File)
	if err != nil {
		return err
	}
	if n := diag.Count(ds).Errors; n > 0 {
		fmt.Fprintf(ios.ErrOut, "parplan: %s\n", ios.P.T("cli.gap-has-errors", "File", displayName(opts.File), "Count", n, "Arg", opts.File))
	}
	cat := agency.New(gap.Entries(p)...)
	wl := worklist.Build(p, worklist.Options{Agencies: cat})
	if opts.Agency != "" {
		a, ok := wl.Find(opts.Agency, cat)
		if !ok {
			return usageError("cli.unknown-agency", "Value", opts.Agency, "File", displayName(opts.File), "Agencies", msg.Quoted(wl.Names()))
		}
		wl.Agencies = []*worklist.Agency{a}
	}
	if opts.Format == "xlsx" {
		return writeWorklistBooks(opts, wl, xlsx.AppendixLabels(p))
	}
	return writeStream(ios, opts.Output, opts.File, opts.Force, p.Meta.ID.Value+"-worklist."+extension(opts.Format),
		func(w io.Writer) error { return printer.Print(w, wl) })
}

// extension is the file extension of a text format.
func extension(format string) string {
	switch format {
	case "markdown", "md":
		return "md"
	case "table":
		return "txt"
	}
	return format
}

// writeWorklistBooks writes one workbook per agency: into the directory
// -o names (the current one without -o), or to the file -o names when
// there is one agency. Every output is checked before the first is
// written, so a refusal leaves nothing half done.
func writeWorklistBooks(opts *worklistOptions, wl *worklist.Worklist, labels map[string]string) error {
	ios := opts.IO
	if opts.Output == "-" {
		if len(wl.Agencies) != 1 {
			return usageError("cli.worklist-stdout-one")
		}
		if ios.IsTerminal {
			return usageError("cli.stdout-terminal")
		}
	}
	dir, single := opts.Output, ""
	if st, err := os.Stat(opts.Output); opts.Output != "" && opts.Output != "-" && (err != nil || !st.IsDir()) {
		if len(wl.Agencies) != 1 {
			return usageError("cli.worklist-needs-dir", "File", opts.Output)
		}
		dir, single = "", opts.Output
	}
	type book struct {
		agency *worklist.Agency
		path   string
	}
	var books []book
	for _, a := range wl.Agencies {
		name := wl.Plan.ID + "-" + slug(a.Name) + ".xlsx"
		out := single
		if out == "" {
			out = filepath.Join(dir, name)
			if dir == "" {
				out = name
			}
		}
		if opts.Output == "-" {
			out = "-"
		}
		path, err := checkOutput(out, name, opts.File, opts.Force, "cli.output-is-plan")
		if err != nil {
			return err
		}
		books = append(books, book{a, path})
	}
	for _, b := range books {
		wb, err := xlsx.BuildWorklist(wl, b.agency, xlsx.WorklistOptions{P: ios.P, Appendices: labels})
		if err != nil {
			return failure("cli.internal-error", "Err", err.Error())
		}
		if b.path == "-" {
			_, err = wb.WriteTo(ios.Out)
			wb.Close()
			if err != nil {
				return failure("cli.write-stdout", "Err", err.Error())
			}
			continue
		}
		err = writeFile(b.path, wb, ios, nil)
		wb.Close()
		if err != nil {
			return failure("cli.file-error", "File", b.path, "Err", describeOSError(err))
		}
		fmt.Fprintln(ios.ErrOut, ios.P.T("cli.worklist-wrote", "File", b.path, "Agency", b.agency.Name, "Count", len(b.agency.Items)))
	}
	return nil
}

// slug makes a file name part of an agency name: "Sở Tư pháp" →
// "so-tu-phap".
func slug(name string) string {
	var out []rune
	dash := false
	for _, r := range vntext.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			out = append(out, r)
			dash = false
		case r >= 'A' && r <= 'Z':
			out = append(out, r+'a'-'A')
			dash = false
		case !dash && len(out) > 0:
			out = append(out, '-')
			dash = true
		}
	}
	for len(out) > 0 && out[len(out)-1] == '-' {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return "agency"
	}
	return string(out)
}
