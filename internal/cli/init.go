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
	"github.com/parplan/parplan/internal/render"
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
	// Progress, Agency and AsOf scaffold a progress report instead.
	Progress string
	Agency   string
	AsOf     string
	Force    bool
}

func newInitCmd(ios *IO) *cobra.Command {
	opts := &initOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "init " + p.T("help.init.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("cli.init-no-args", "Args", args)
			}
			return runInit(opts)
		},
	}, "init")
	f := cmd.Flags()
	f.StringVar(&opts.Set, "set", "", flagUsage(p, "init", "set"))
	f.StringVar(&opts.Issuer, "issuer", "", flagUsage(p, "init", "issuer"))
	f.IntVar(&opts.Year, "year", 0, flagUsage(p, "init", "year"))
	f.StringVarP(&opts.Output, "output", "o", "", flagUsage(p, "init", "output"))
	f.StringVar(&opts.ID, "id", "", flagUsage(p, "init", "id"))
	f.StringVar(&opts.Title, "title", "", flagUsage(p, "init", "title"))
	f.StringVar(&opts.Progress, "progress", "", flagUsage(p, "init", "progress"))
	f.StringVar(&opts.Agency, "agency", "", flagUsage(p, "init", "agency"))
	f.StringVar(&opts.AsOf, "as-of", "", flagUsage(p, "init", "as-of"))
	_ = cmd.MarkFlagRequired("output")
	_ = cmd.RegisterFlagCompletionFunc("set", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return criteria.IDs(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagFilename("output", "yaml", "yml")
	return cmd
}

func runInit(opts *initOptions) error {
	if opts.Progress != "" {
		return runInitProgress(opts)
	}
	if missing := missingFlags(map[string]bool{"--set": opts.Set == "", "--year": opts.Year == 0}); len(missing) > 0 {
		return usageError("cli.flags-required", "Flags", missing, "Count", len(missing))
	}
	set, ok := criteria.Get(opts.Set)
	if !ok {
		return usageError("cli.unknown-set", "Set", opts.Set, "Sets", criteria.IDs())
	}
	if opts.Year < 1990 || opts.Year > 2200 {
		return usageError("cli.bad-year", "Value", opts.Year)
	}
	id, schemaPath := newPlanFile(opts.Output, opts.ID)
	if id != "" && !validID(id) {
		return usageError("cli.bad-id", "Value", id)
	}
	data, err := scaffold.Plan(scaffold.Options{Set: set, Issuer: opts.Issuer, Year: opts.Year, ID: id, Title: opts.Title, SchemaPath: schemaPath, P: opts.IO.P})
	if err != nil {
		return failure("cli.internal-error", "Err", err.Error())
	}
	// The scaffold must validate as written: anything else is a bug here.
	if _, ds := validate.File(opts.Output, data, validate.Options{}); diag.Count(ds).Errors > 0 {
		return failure("cli.internal-error", "Err", ds[0].String())
	}
	if opts.Output == "-" {
		if _, err := opts.IO.Out.Write(data); err != nil {
			return failure("cli.write-output", "Err", err.Error())
		}
		initPartial(opts.IO, set)
		return nil
	}
	if _, err := os.Lstat(opts.Output); err == nil {
		return usageError("cli.init-exists", "File", opts.Output)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return failure("cli.file-error", "File", opts.Output, "Err", describeOSError(err))
	}
	if err := atomicfile.WriteFile(opts.Output, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return failure("cli.file-error", "File", opts.Output, "Err", describeOSError(err))
	}
	n := 0
	set.Walk(func(*criteria.Criterion) { n++ })
	fmt.Fprintln(opts.IO.ErrOut, opts.IO.P.T("cli.init-wrote", "File", opts.Output, "Count", n, "Set", set.ID, "Max", set.Max))
	initPartial(opts.IO, set)
	return nil
}

// initPartial says on standard error what the set's data lacks, as the
// new file's comment does: the plan can list only the criteria the data
// knows.
func initPartial(ios *IO, set *criteria.Set) {
	if c := set.Coverage(); len(c) > 0 {
		fmt.Fprintln(ios.ErrOut, ios.P.T("cli.init-partial", "Text", render.CoverageText(ios.P, c)))
	}
}

// newPlanFile returns the id and the editor's schema path of a plan file
// a command creates at output ("-" for standard output): the id given, or
// the file's name when it is a valid id; the path from the file to the
// checkout's schema/plan.schema.json, or the usual ../schema/….
func newPlanFile(output, id string) (string, string) {
	schemaPath := "../schema/plan.schema.json"
	if output == "-" {
		return id, schemaPath
	}
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(output), ".yaml"), ".yml")
	if id == "" && validID(base) {
		id = base
	}
	if rel, err := relSchema(output, "plan.schema.json"); err == nil {
		schemaPath = rel
	}
	return id, schemaPath
}

// idPattern is the form of a plan id (the loader enforces the same).
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validID(s string) bool { return idPattern.MatchString(s) }

// relSchema returns the path, with forward slashes as the YAML language
// server reads it, from the output file's directory to the repository's
// schema/NAME, when the output is inside a checkout that has one.
func relSchema(out, name string) (string, error) {
	dir, err := filepath.Abs(filepath.Dir(out))
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "schema", name)
		if _, err := os.Stat(candidate); err == nil {
			rel, err := filepath.Rel(dir, candidate)
			return filepath.ToSlash(rel), err
		}
		if filepath.Dir(d) == d {
			return "", fs.ErrNotExist
		}
	}
}

// missingFlags lists, in order, the flags whose value is missing.
func missingFlags(missing map[string]bool) []string {
	var out []string
	for _, name := range []string{"--set", "--year", "--agency", "--as-of"} {
		if missing[name] {
			out = append(out, name)
		}
	}
	return out
}
