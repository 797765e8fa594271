package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parplan/parplan/internal/atomicfile"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/render"
)

// outputExtensions are the file extensions whose format parplan knows,
// and the format each one says.
var outputExtensions = map[string]string{
	"xlsx": "xlsx", "csv": "csv", "json": "json", "md": "md", "markdown": "md", "txt": "txt",
}

// checkExtension refuses an -o file whose extension names another format
// than the output's (a workbook in report.csv, CSV in report.xlsx): the
// file would open wrong, or not at all. Extensions parplan does not know,
// none, standard output and directories pass.
// fixed says the command writes only that format (export).
func checkExtension(output, format string, fixed bool) error {
	if output == "" || output == "-" {
		return nil
	}
	if st, err := os.Stat(output); err == nil && st.IsDir() {
		return nil
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(output), "."))
	got, known := outputExtensions[ext]
	want := extension(format)
	if !known || got == want {
		return nil
	}
	suggest := strings.TrimSuffix(output, filepath.Ext(output)) + "." + want
	if fixed {
		return usageError("cli.output-extension-xlsx", "File", output, "Got", ext, "Suggest", suggest)
	}
	return usageError("cli.output-extension", "File", output, "Format", format, "Want", want, "Got", ext, "Suggest", suggest)
}

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
