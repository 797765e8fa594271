package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/atomicfile"
	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/scaffold"
	"github.com/parplan/parplan/internal/validate"
)

type initOptions struct {
	IO     *IO
	Set    string
	Issuer string
	Year   int
	Output string
	ID     string
	Title  string
}

func newInitCmd(ios *IO) *cobra.Command {
	opts := &initOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "init --set SET --year YEAR -o FILE",
		Short: "Start a new plan from an official criteria set",
		Long: `Write a new scored plan with every field, criterion and sub-criterion of a
criteria set, each with its official name and maximum points; the achieved
scores, targets, tasks and agencies are left to fill in. The file validates
as written. An existing file is never overwritten.`,
		Example: `  parplan init --set bnv-876-2022 --issuer "UBND tỉnh Đắk Nông" --year 2025 -o plans/daknong-2025.yaml
  parplan init --set bnv-876-2022 --year 2025 -o - | less`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Set, "set", "", "criteria set id (see parplan criteria)")
	f.StringVar(&opts.Issuer, "issuer", "", `the issuing authority, e.g. "UBND tỉnh Đắk Nông"`)
	f.IntVar(&opts.Year, "year", 0, "the plan's target year (the baseline is the year before)")
	f.StringVarP(&opts.Output, "output", "o", "", `the file to create ("-" for standard output)`)
	f.StringVar(&opts.ID, "id", "", "plan id (default: from the output file name, or the issuer and year)")
	f.StringVar(&opts.Title, "title", "", "plan title (default: the usual title of an improvement plan)")
	_ = cmd.MarkFlagRequired("set")
	_ = cmd.MarkFlagRequired("year")
	_ = cmd.MarkFlagRequired("output")
	_ = cmd.RegisterFlagCompletionFunc("set", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return criteria.IDs(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagFilename("output", "yaml", "yml")
	return cmd
}

func runInit(opts *initOptions) error {
	set, ok := criteria.Get(opts.Set)
	if !ok {
		return usageErrorf("--set: no criteria set %q (built-in sets: %s)", opts.Set, strings.Join(criteria.IDs(), ", "))
	}
	if opts.Year < 1990 || opts.Year > 2200 {
		return usageErrorf("--year %d is not a plan year", opts.Year)
	}
	id := opts.ID
	schemaPath := "../schema/plan.schema.json"
	if opts.Output != "-" {
		base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(opts.Output), ".yaml"), ".yml")
		if id == "" && validID(base) {
			id = base
		}
		if rel, err := relSchema(opts.Output); err == nil {
			schemaPath = rel
		}
	}
	if id != "" && !validID(id) {
		return usageErrorf("--id %q must be lower-case letters, digits and single hyphens (like daknong-2025)", id)
	}
	data, err := scaffold.Plan(scaffold.Options{Set: set, Issuer: opts.Issuer, Year: opts.Year, ID: id, Title: opts.Title, SchemaPath: schemaPath})
	if err != nil {
		return failuref("%v", err)
	}
	// The scaffold must validate as written: anything else is a bug here.
	if _, ds := validate.File(opts.Output, data, validate.Options{}); diag.Count(ds).Errors > 0 {
		return failuref("internal error: the new plan does not validate: %v", ds[0])
	}
	if opts.Output == "-" {
		if _, err := opts.IO.Out.Write(data); err != nil {
			return failuref("writing output: %v", err)
		}
		return nil
	}
	if _, err := os.Lstat(opts.Output); err == nil {
		return usageErrorf("%s already exists; parplan init never overwrites a file (choose another -o)", opts.Output)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return failuref("%s: %v", opts.Output, describeOSError(err))
	}
	if err := atomicfile.WriteFile(opts.Output, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return failuref("%s: %v", opts.Output, describeOSError(err))
	}
	n := 0
	set.Walk(func(*criteria.Criterion) { n++ })
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s: the %d criteria of %s (%s points); fill in achieved, target, tasks and lead, then run: parplan validate %s\n",
		opts.Output, n, set.ID, set.Max, opts.Output)
	return nil
}

// idPattern is the form of a plan id (the loader enforces the same).
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validID(s string) bool { return idPattern.MatchString(s) }

// relSchema returns the path from the output file's directory to the
// repository's schema, when the output is inside a checkout that has one.
func relSchema(out string) (string, error) {
	dir, err := filepath.Abs(filepath.Dir(out))
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "schema", "plan.schema.json")
		if _, err := os.Stat(candidate); err == nil {
			return filepath.Rel(dir, candidate)
		}
		if filepath.Dir(d) == d {
			return "", fs.ErrNotExist
		}
	}
}
