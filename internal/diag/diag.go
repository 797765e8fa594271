// Package diag holds the one diagnostic type every parplan check reports.
package diag

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/parplan/parplan/internal/msg"
)

// Severity orders how much a diagnostic matters.
type Severity int

// Severities, most serious first.
const (
	Error Severity = iota
	Warning
	Note
)

var severityNames = [...]string{Error: "error", Warning: "warning", Note: "note"}

// String is the severity's stable English name, as JSON and the GitHub
// format write it.
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// Text is the severity's name in the printer's language, for text output.
func (s Severity) Text(p *msg.Printer) string { return p.T("severity." + s.String()) }

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding about one place in one file. Line and Col are
// 1-based; Col counts characters (runes), as editors do. A Line of 0 means
// the finding is about the file as a whole.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	// Msg says what is wrong; it is rendered in the user's language.
	Msg msg.Message `json:"-"`
	// Acknowledged is set when the plan acknowledges this finding as a
	// discrepancy of its source; Reason is the plan's stated reason.
	// An acknowledged finding is reported but never fails a run.
	Acknowledged bool   `json:"acknowledged,omitempty"`
	Reason       string `json:"reason,omitempty"`
}

// Format writes d as file:line:col: severity: message [rule], followed by
// the acknowledgement when there is one, in the printer's language.
func (d Diagnostic) Format(p *msg.Printer) string {
	s := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", d.File, d.Line, d.Col, d.Severity.Text(p), p.S(d.Msg), d.Rule)
	if d.Acknowledged {
		s += " " + p.T("diag.acknowledged", "Reason", d.Reason)
	}
	return s
}

// String is Format in English, for logs and test failures.
func (d Diagnostic) String() string { return d.Format(msg.For(msg.EN)) }

// Message is d's message in English.
func (d Diagnostic) Message() string { return d.Msg.String() }

// Fails reports whether d should fail a run: an error nobody acknowledged.
func (d Diagnostic) Fails() bool { return d.Severity == Error && !d.Acknowledged }

// Sort orders diagnostics by file, position, severity, rule and message,
// so output is the same on every run.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Msg.ID, b.Msg.ID),
			compareMessages(a.Msg, b.Msg),
		)
	})
}

// compareMessages orders two messages of the same ID by their English
// text, so the order does not depend on the user's language.
func compareMessages(a, b msg.Message) int {
	if a.ID != b.ID || len(a.Args) == 0 {
		return 0
	}
	return cmp.Compare(a.String(), b.String())
}

// Counts tallies diagnostics by severity; acknowledged findings are
// counted apart.
type Counts struct {
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
	Notes        int `json:"notes"`
	Acknowledged int `json:"acknowledged"`
}

// Count tallies ds.
func Count(ds []Diagnostic) Counts {
	var c Counts
	for _, d := range ds {
		switch {
		case d.Acknowledged:
			c.Acknowledged++
		case d.Severity == Error:
			c.Errors++
		case d.Severity == Warning:
			c.Warnings++
		default:
			c.Notes++
		}
	}
	return c
}

// Rule describes one check: a stable ID and the severity of its findings.
// Its one-line description is the catalogue message "rule.<ID>".
type Rule struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
}

// Description is the rule's one-line description.
func (r Rule) Description() msg.Message { return msg.New("rule." + r.ID) }
