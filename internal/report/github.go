package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
)

// githubPrinter writes GitHub Actions workflow commands, which the
// Actions runner turns into annotations on the changed lines:
//
//	::error file=plans/x.yaml,line=12,col=7,title=sum-mismatch::message
//
// Acknowledged findings become notices.
type githubPrinter struct {
	p     *msg.Printer
	quiet bool
}

func (p githubPrinter) Print(w io.Writer, r Result) error {
	for _, f := range r.Failures {
		if _, err := fmt.Fprintf(w, "::error file=%s::%s\n", escapeProperty(f.File), escapeData(p.p.Err(f.Err))); err != nil {
			return err
		}
	}
	for _, d := range r.Diagnostics {
		level := map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Note: "notice"}[d.Severity]
		text := p.p.S(d.Msg)
		if d.Acknowledged {
			level = "notice"
			text += " " + p.p.T("diag.acknowledged", "Reason", d.Reason)
		}
		if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level,
			escapeProperty(d.File), d.Line, d.Col, escapeProperty(d.Rule), escapeData(text)); err != nil {
			return err
		}
	}
	if p.quiet {
		return nil
	}
	_, err := fmt.Fprintln(w, Summary(p.p, r))
	return err
}

// escapeData and escapeProperty follow the escaping of the Actions
// toolkit (@actions/core command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
