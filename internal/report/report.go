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
	// Skipped are the YAML files found in directories that are not
	// plans, left unchecked.
	Skipped []string
	// Unlisted counts the findings left out of Diagnostics (validate
	// --quiet, --no-acknowledged), which summaries still count.
	Unlisted diag.Counts
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
	// FailOn is the least severity that fails a run: Error (the zero
	// value), Warning or Note. Acknowledged findings never fail one.
	FailOn diag.Severity
	// Rules are every rule a run may report, for the formats that list
	// them (SARIF).
	Rules []diag.Rule
	// ToolVersion is parplan's version, for the formats that name it.
	ToolVersion string
	// Quiet leaves out the summary line (text and github): the output is
	// the findings that fail the run, and nothing when there are none.
	Quiet bool
	// BaseDir is the directory file URIs are relative to (SARIF): the
	// working directory.
	BaseDir string
}

// Fails reports whether d fails a run under these options: a finding
// nobody acknowledged of severity FailOn or worse.
func (o Options) Fails(d diag.Diagnostic) bool {
	return !d.Acknowledged && d.Severity <= o.FailOn
}

// OK reports whether r passes under these options: every file read and
// no finding that fails it.
func (o Options) OK(r Result) bool {
	if len(r.Failures) > 0 {
		return false
	}
	for _, d := range r.Diagnostics {
		if o.Fails(d) {
			return false
		}
	}
	return true
}

// Formats lists the format names, for flags, help and completion.
var Formats = []string{"text", "json", "github", "sarif", "junit"}

// New returns the printer for a format name.
func New(format string, opts Options) (Printer, error) {
	if opts.P == nil {
		opts.P = msg.For(msg.EN)
	}
	switch format {
	case "text":
		return textPrinter{color: opts.Color, p: opts.P, quiet: opts.Quiet}, nil
	case "json":
		return jsonPrinter{p: opts.P, opts: opts}, nil
	case "github":
		return githubPrinter{p: opts.P, quiet: opts.Quiet}, nil
	case "sarif":
		return sarifPrinter{p: opts.P, opts: opts}, nil
	case "junit":
		return junitPrinter{p: opts.P, opts: opts}, nil
	}
	return nil, msg.Errorf("cli.unknown-format", "Value", format, "Formats", Formats)
}

// Counts tallies r's findings, the unlisted acknowledged ones included.
func (r Result) Counts() diag.Counts {
	c, u := diag.Count(r.Diagnostics), r.Unlisted
	return diag.Counts{Errors: c.Errors + u.Errors, Warnings: c.Warnings + u.Warnings, Notes: c.Notes + u.Notes,
		Acknowledged: c.Acknowledged + u.Acknowledged}
}

// Summary is one line that says what a run found: "checked 5 files: no
// problems" or "checked 5 files: 2 errors, 1 note (3 acknowledged)".
func Summary(p *msg.Printer, r Result) string {
	c := r.Counts()
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
	s := p.T("summary.checked", "Files", msg.New("summary.files", "Count", len(r.Files)),
		"Found", found, "Acknowledged", c.Acknowledged)
	if len(r.Skipped) > 0 {
		s += p.T("summary.skipped", "Count", len(r.Skipped))
	}
	return s
}
