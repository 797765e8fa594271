package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/parplan/parplan/internal/msg"
)

// sarifPrinter writes a SARIF 2.1.0 log (OASIS Static Analysis Results
// Interchange Format), which GitHub code scanning and other code-review
// tools read: one run, whose driver lists every rule, and one result per
// finding. An acknowledged finding carries an "inSource" suppression
// whose justification is the plan's reason, so code scanning shows it as
// dismissed. Files that could not be read are tool execution
// notifications of the run's invocation.
type sarifPrinter struct {
	p    *msg.Printer
	opts Options
}

// Where the SARIF log says what it is and what parplan is.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is parplan's home page, named in SARIF output.
	InformationURI = "https://github.com/parplan/parplan"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	// ColumnKind says columns count Unicode code points (runes), as
	// parplan's diagnostics do, not UTF-16 code units (the default).
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    *int               `json:"ruleIndex,omitempty"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations,omitempty"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

func (p sarifPrinter) Print(w io.Writer, r Result) error {
	driver := sarifDriver{Name: "parplan", Version: p.opts.ToolVersion, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, rule := range p.opts.Rules {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   rule.ID,
			ShortDescription:     sarifMessage{Text: p.p.S(rule.Description())},
			HelpURI:              InformationURI + "#rules",
			DefaultConfiguration: sarifConfig{Level: rule.Severity.String()},
		})
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.Failures) == 0}},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
	}
	for _, f := range r.Failures {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: p.p.Err(f.Err)},
			Locations: p.locations(f.File, 0, 0),
		})
	}
	for _, d := range r.Diagnostics {
		res := sarifResult{
			RuleID:    d.Rule,
			Level:     d.Severity.String(),
			Message:   sarifMessage{Text: p.p.S(d.Msg)},
			Locations: p.locations(d.File, d.Line, d.Col),
		}
		if i, ok := index[d.Rule]; ok {
			res.RuleIndex = &i
		}
		if d.Acknowledged {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: d.Reason}}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// locations is where a finding is: the file, as a URI relative to the
// working directory, and the line and column when known. Standard input
// has no location.
func (p sarifPrinter) locations(file string, line, col int) []sarifLocation {
	if file == "<stdin>" || file == "-" {
		return nil
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(p.opts.BaseDir, file)}}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line}
		if col > 0 {
			loc.PhysicalLocation.Region.StartColumn = col
		}
	}
	return []sarifLocation{loc}
}

// fileURI names file as a URI reference: relative to base, with forward
// slashes, when file lies under base (code scanning resolves such URIs
// against the repository's root); an absolute file:// URI otherwise.
func fileURI(base, file string) string {
	path := file
	if base != "" {
		abs := file
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(base, abs)
		}
		if rel, err := filepath.Rel(base, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			path = rel
		} else {
			path = abs
		}
	}
	path = filepath.ToSlash(path)
	if filepath.IsAbs(filepath.FromSlash(path)) || strings.HasPrefix(path, "/") {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path // C:/x → /C:/x
		}
		return (&url.URL{Scheme: "file", Path: path}).String()
	}
	return (&url.URL{Path: path}).String()
}
