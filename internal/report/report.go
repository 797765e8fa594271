// Package report prints the result of `parplan validate` in one of
// several formats, each in its own file behind the Printer interface.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/diag"
)

// Result is what one validate run found.
type Result struct {
	// Files are the plan files checked, in order.
	Files []string
	// Diagnostics are every finding, sorted.
	Diagnostics []diag.Diagnostic
	// Failures are files that could not be checked at all (unreadable,
	// missing): the tool failed on them, the plans did not.
	Failures []Failure
}

// Failure is a file the tool could not read.
type Failure struct {
	File    string `json:"file"`
	Message string `json:"message"`
}

// Printer writes a Result.
type Printer interface {
	Print(w io.Writer, r Result) error
}

// Options are what every printer may use.
type Options struct {
	// Color turns on terminal colors (text format only).
	Color bool
}

// Formats lists the format names, for flags, help and completion.
var Formats = []string{"text", "json", "github"}

// New returns the printer for a format name.
func New(format string, opts Options) (Printer, error) {
	switch format {
	case "text":
		return textPrinter{color: opts.Color}, nil
	case "json":
		return jsonPrinter{}, nil
	case "github":
		return githubPrinter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
}

// Summary is one line that says what a run found: "checked 5 files: no
// problems" or "checked 5 files: 2 errors, 1 note (3 acknowledged)".
func Summary(r Result) string {
	c := diag.Count(r.Diagnostics)
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(c.Errors, "error", "errors")
	add(c.Warnings, "warning", "warnings")
	add(c.Notes, "note", "notes")
	add(len(r.Failures), "file not readable", "files not readable")
	found := "no problems"
	if len(parts) > 0 {
		found = strings.Join(parts, ", ")
	}
	if c.Acknowledged > 0 {
		found += fmt.Sprintf(" (%d acknowledged)", c.Acknowledged)
	}
	files := "1 file"
	if len(r.Files) != 1 {
		files = fmt.Sprintf("%d files", len(r.Files))
	}
	return fmt.Sprintf("checked %s: %s", files, found)
}
