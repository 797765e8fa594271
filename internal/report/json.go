package report

import (
	"encoding/json"
	"io"

	"github.com/parplan/parplan/internal/diag"
)

// jsonPrinter writes one JSON document:
//
//	{"files": [...], "diagnostics": [...], "failures": [...],
//	 "summary": {"errors": 0, "warnings": 0, "notes": 1, "acknowledged": 1,
//	             "failures": 0, "ok": true}}
//
// The shape is stable: fields are only ever added.
type jsonPrinter struct{}

type jsonSummary struct {
	diag.Counts
	Failures int  `json:"failures"`
	OK       bool `json:"ok"`
}

type jsonResult struct {
	Files       []string          `json:"files"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
	Failures    []Failure         `json:"failures"`
	Summary     jsonSummary       `json:"summary"`
}

func (jsonPrinter) Print(w io.Writer, r Result) error {
	out := jsonResult{Files: r.Files, Diagnostics: r.Diagnostics, Failures: r.Failures}
	if out.Files == nil {
		out.Files = []string{}
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []diag.Diagnostic{}
	}
	if out.Failures == nil {
		out.Failures = []Failure{}
	}
	out.Summary.Counts = diag.Count(r.Diagnostics)
	out.Summary.Failures = len(r.Failures)
	out.Summary.OK = out.Summary.Errors == 0 && len(r.Failures) == 0
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
