package report

import (
	"encoding/json"
	"io"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
)

// jsonPrinter writes one JSON document:
//
//	{"version": 1, "files": [...], "diagnostics": [...], "failures": [...],
//	 "summary": {"errors": 0, "warnings": 0, "notes": 1, "acknowledged": 1,
//	             "failures": 0, "ok": true}}
//
// The shape is stable: fields are only ever added.
type jsonPrinter struct {
	p    *msg.Printer
	opts Options
}

// JSONVersion is the version of validate's JSON shape, as gap's JSON
// carries its own.
const JSONVersion = 1

// jsonDiagnostic is a diagnostic with its message rendered.
type jsonDiagnostic struct {
	diag.Diagnostic
	Message string `json:"message"`
}

// jsonFailure is a file that could not be read.
type jsonFailure struct {
	File    string `json:"file"`
	Message string `json:"message"`
}

type jsonSummary struct {
	diag.Counts
	Failures int  `json:"failures"`
	Skipped  int  `json:"skipped"`
	OK       bool `json:"ok"`
}

type jsonResult struct {
	Version     int              `json:"version"`
	Files       []string         `json:"files"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Failures    []jsonFailure    `json:"failures"`
	// Skipped are the YAML files found in directories that are not plans.
	Skipped []string    `json:"skipped"`
	Summary jsonSummary `json:"summary"`
}

func (p jsonPrinter) Print(w io.Writer, r Result) error {
	out := jsonResult{Version: JSONVersion, Files: r.Files, Diagnostics: []jsonDiagnostic{}, Failures: []jsonFailure{}, Skipped: r.Skipped}
	if out.Skipped == nil {
		out.Skipped = []string{}
	}
	if out.Files == nil {
		out.Files = []string{}
	}
	for _, d := range r.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, jsonDiagnostic{Diagnostic: d, Message: p.p.S(d.Msg)})
	}
	for _, f := range r.Failures {
		out.Failures = append(out.Failures, jsonFailure{File: f.File, Message: p.p.Err(f.Err)})
	}
	out.Summary.Counts = r.Counts()
	out.Summary.Failures = len(r.Failures)
	out.Summary.Skipped = len(r.Skipped)
	out.Summary.OK = p.opts.OK(r)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
