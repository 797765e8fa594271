package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/parplan/parplan/internal/atomicfile"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/render"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}

// writeRuleTable writes the rules as a table in the user's language: a
// rule's description comes from the catalogue (rule.<id>) when it has
// one, else from the rule itself.
func writeRuleTable(ios *IO, rules []diag.Rule) error {
	describe := func(r diag.Rule) string { return ios.P.S(r.Description()) }
	if err := render.Rules(ios.Out, rules, describe, ios.tableOptions()); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}

// writeStream writes a text report: to standard output without -o (or
// with -o -), else atomically to the file -o names (defaultName inside a
// directory), never over the input and over another file only with
// force.
func writeStream(ios *IO, output, input string, force bool, defaultName string, print func(io.Writer) error) error {
	if output == "" || output == "-" {
		if err := print(ios.Out); err != nil {
			return failure("cli.write-output", "Err", err.Error())
		}
		return nil
	}
	path, err := checkOutput(output, defaultName, input, force, "cli.output-is-plan")
	if err != nil {
		return err
	}
	f, err := atomicfile.Create(path, 0o666)
	if err != nil {
		return failure("cli.file-error", "File", path, "Err", describeOSError(err))
	}
	defer f.Abort()
	if err := print(f); err != nil {
		return failure("cli.file-error", "File", path, "Err", describeOSError(err))
	}
	if err := f.Commit(); err != nil {
		return failure("cli.file-error", "File", path, "Err", describeOSError(err))
	}
	fmt.Fprintln(ios.ErrOut, ios.P.T("cli.wrote", "File", path))
	return nil
}
