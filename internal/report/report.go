// Package report prints the result of `parplan validate` in one of
// several formats, each in its own file behind the Printer interface.
package report

import (
	"io"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
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
	File string
	// Err says why; a msg.Error is rendered in the user's language.
	Err error
}

// Printer writes a Result.
type Printer interface {
	Print(w io.Writer, r Result) error
}

// Options are what every printer may use.
type Options struct {
	// Color turns on terminal colors (text format only).
	Color bool
	// P renders messages in the user's language.
	P *msg.Printer
}

// Formats lists the format names, for flags, help and completion.
var Formats = []string{"text", "json", "github"}

// New returns the printer for a format name.
func New(format string, opts Options) (Printer, error) {
	if opts.P == nil {
		opts.P = msg.For(msg.EN)
	}
	switch format {
	case "text":
		return textPrinter{color: opts.Color, p: opts.P}, nil
	case "json":
		return jsonPrinter{p: opts.P}, nil
	case "github":
		return githubPrinter{p: opts.P}, nil
	}
	return nil, msg.Errorf("cli.unknown-format", "Value", format, "Formats", Formats)
}

// Summary is one line that says what a run found: "checked 5 files: no
// problems" or "checked 5 files: 2 errors, 1 note (3 acknowledged)".
func Summary(p *msg.Printer, r Result) string {
	c := diag.Count(r.Diagnostics)
	var parts msg.List
	add := func(n int, id string) {
		if n > 0 {
			parts = append(parts, msg.New(id, "Count", n))
		}
	}
	add(c.Errors, "summary.errors")
	add(c.Warnings, "summary.warnings")
	add(c.Notes, "summary.notes")
	add(len(r.Failures), "summary.unreadable")
	found := msg.New("summary.no-problems")
	if len(parts) > 0 {
		found = msg.New("summary.list", "Parts", parts)
	}
	return p.T("summary.checked", "Files", msg.New("summary.files", "Count", len(r.Files)),
		"Found", found, "Acknowledged", c.Acknowledged)
}
