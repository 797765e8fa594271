package report

import (
	"fmt"
	"io"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
)

// textPrinter writes one line per finding,
// file:line:col: severity: message [rule], then the summary.
type textPrinter struct {
	color bool
	quiet bool
	p     *msg.Printer
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGray   = "\x1b[90m"
)

func (p textPrinter) Print(w io.Writer, r Result) error {
	for _, f := range r.Failures {
		if _, err := fmt.Fprintf(w, "%s: %s\n", f.File, p.p.Err(f.Err)); err != nil {
			return err
		}
	}
	for _, d := range r.Diagnostics {
		line := d.Format(p.p)
		if p.color {
			line = p.colorize(d)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	if p.quiet {
		return nil
	}
	_, err := fmt.Fprintln(w, Summary(p.p, r))
	return err
}

func (p textPrinter) colorize(d diag.Diagnostic) string {
	sev := map[diag.Severity]string{diag.Error: ansiRed, diag.Warning: ansiYellow, diag.Note: ansiCyan}[d.Severity]
	if d.Acknowledged {
		sev = ansiGray
	}
	s := fmt.Sprintf("%s%s:%d:%d:%s %s%s:%s %s %s[%s]%s", ansiBold, d.File, d.Line, d.Col, ansiReset,
		sev, d.Severity.Text(p.p), ansiReset, p.p.S(d.Msg), ansiGray, d.Rule, ansiReset)
	if d.Acknowledged {
		s += fmt.Sprintf(" %s%s%s", ansiGray, p.p.T("diag.acknowledged", "Reason", d.Reason), ansiReset)
	}
	return s
}
