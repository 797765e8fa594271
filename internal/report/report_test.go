package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/msg"
)

// sample is a run with one of everything: a failing error, an
// acknowledged one, a warning, a note about a whole file, an unreadable
// file and a finding on standard input.
func sample(base string) Result {
	return Result{
		Files: []string{"plans/a.yaml", filepath.Join(base, "plans", "b.yaml"), "missing.yaml", "-"},
		Diagnostics: []diag.Diagnostic{
			{File: "plans/a.yaml", Line: 13, Col: 19, Severity: diag.Error, Rule: "sum-mismatch", Msg: msg.New("rule.sum-mismatch")},
			{File: "plans/a.yaml", Line: 20, Col: 7, Severity: diag.Error, Rule: "lost-no-task", Msg: msg.New("rule.lost-no-task"),
				Acknowledged: true, Reason: "Phụ lục không có cột nhiệm vụ"},
			{File: filepath.Join(base, "plans", "b.yaml"), Line: 3, Col: 5, Severity: diag.Warning, Rule: "target-below-achieved", Msg: msg.New("rule.target-below-achieved")},
			{File: filepath.Join(base, "plans", "b.yaml"), Severity: diag.Note, Rule: "sum-rounding", Msg: msg.New("rule.sum-rounding")},
			{File: "<stdin>", Line: 1, Col: 1, Severity: diag.Error, Rule: "yaml-syntax", Msg: msg.New("rule.yaml-syntax")},
		},
		Failures: []Failure{{File: "missing.yaml", Err: errors.New("no such file")}},
	}
}

var sampleRules = []diag.Rule{
	{ID: "yaml-syntax", Severity: diag.Error},
	{ID: "sum-mismatch", Severity: diag.Error},
	{ID: "sum-rounding", Severity: diag.Note},
	{ID: "lost-no-task", Severity: diag.Error},
	{ID: "target-below-achieved", Severity: diag.Warning},
}

func print(t *testing.T, format string, opts Options, r Result) []byte {
	t.Helper()
	pr, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pr.Print(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSARIFSchema: the SARIF output validates against the official
// SARIF 2.1.0 JSON Schema (testdata/sarif), and says what code scanning
// reads: the rules, levels, relative URIs, regions and suppressions.
func TestSARIFSchema(t *testing.T) {
	schemaPath := "../../testdata/sarif/sarif-schema-2.1.0.json"
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	base := t.TempDir()
	for _, lang := range []msg.Lang{msg.VI, msg.EN} {
		out := print(t, "sarif", Options{P: msg.For(lang), Rules: sampleRules, ToolVersion: "v1.2.3", BaseDir: base}, sample(base))
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Fatalf("%s: the SARIF output does not validate: %v\n%s", lang, err, out)
		}
		var log struct {
			Version string
			Runs    []struct {
				Tool struct {
					Driver struct {
						Name, Version, InformationURI string
						Rules                         []struct {
							ID                   string
							ShortDescription     struct{ Text string }
							DefaultConfiguration struct{ Level string }
						}
					}
				}
				Invocations []struct {
					ExecutionSuccessful        bool
					ToolExecutionNotifications []struct{ Level string }
				}
				ColumnKind string
				Results    []struct {
					RuleID    string
					RuleIndex int
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           *struct{ StartLine, StartColumn int }
						}
					}
					Suppressions []struct{ Kind, Justification string }
				}
			}
		}
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		d := run.Tool.Driver
		if log.Version != "2.1.0" || d.Name != "parplan" || d.Version != "v1.2.3" || d.InformationURI == "" {
			t.Errorf("%s: log %q, driver %q %q %q", lang, log.Version, d.Name, d.Version, d.InformationURI)
		}
		if len(d.Rules) != len(sampleRules) || d.Rules[2].ID != "sum-rounding" || d.Rules[2].DefaultConfiguration.Level != "note" ||
			d.Rules[2].ShortDescription.Text != msg.For(lang).T("rule.sum-rounding") {
			t.Errorf("%s: rules %+v", lang, d.Rules)
		}
		if run.ColumnKind != "unicodeCodePoints" {
			t.Errorf("columnKind %q", run.ColumnKind)
		}
		if inv := run.Invocations[0]; inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
			t.Errorf("invocation %+v: the unreadable file is missing", inv)
		}
		if len(run.Results) != 5 {
			t.Fatalf("%d results", len(run.Results))
		}
		r0 := run.Results[0]
		loc := r0.Locations[0].PhysicalLocation
		if r0.RuleID != "sum-mismatch" || r0.RuleIndex != 1 || r0.Level != "error" || loc.ArtifactLocation.URI != "plans/a.yaml" ||
			loc.Region == nil || loc.Region.StartLine != 13 || loc.Region.StartColumn != 19 || len(r0.Suppressions) != 0 {
			t.Errorf("result 0: %+v", r0)
		}
		if s := run.Results[1].Suppressions; len(s) != 1 || s[0].Kind != "inSource" || s[0].Justification != "Phụ lục không có cột nhiệm vụ" {
			t.Errorf("acknowledged finding's suppressions: %+v", s)
		}
		// An absolute path under the working directory is relative.
		if u := run.Results[2].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "plans/b.yaml" {
			t.Errorf("absolute path under the working directory: uri %q", u)
		}
		// A finding about the whole file has no region.
		if reg := run.Results[3].Locations[0].PhysicalLocation.Region; reg != nil || run.Results[3].Level != "note" {
			t.Errorf("whole-file note: region %+v", reg)
		}
		if locs := run.Results[4].Locations; len(locs) != 0 {
			t.Errorf("standard input has a location: %+v", locs)
		}
	}
}

func TestFileURI(t *testing.T) {
	tests := []struct {
		name, base, file, want string
	}{
		{"relative", "/repo", "plans/a.yaml", "plans/a.yaml"},
		{"absolute under base", "/repo", "/repo/plans/a.yaml", "plans/a.yaml"},
		{"outside base", "/repo", "/tmp/a.yaml", "file:///tmp/a.yaml"},
		{"parent", "/repo/plans", "../x.yaml", "file:///repo/x.yaml"},
		{"spaces and accents", "/repo", "kế hoạch/a b.yaml", "k%E1%BA%BF%20ho%E1%BA%A1ch/a%20b.yaml"},
		{"colon in first segment", "/repo", "a:b.yaml", "./a:b.yaml"},
		{"no base", "", "plans/a.yaml", "plans/a.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileURI(filepath.FromSlash(tt.base), filepath.FromSlash(tt.file)); got != tt.want {
				t.Errorf("fileURI(%q, %q) = %q, want %q", tt.base, tt.file, got, tt.want)
			}
		})
	}
}

// TestJUnit: one test suite, one test case per file, one failure per
// finding that fails the run, an error per unreadable file.
func TestJUnit(t *testing.T) {
	tests := []struct {
		name   string
		failOn diag.Severity
		// failures per test case, in the order of the files
		failures []int
	}{
		{"errors fail", diag.Error, []int{1, 0, 0, 1}},
		{"warnings fail", diag.Warning, []int{1, 1, 0, 1}},
		{"notes fail", diag.Note, []int{1, 2, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := print(t, "junit", Options{P: msg.For(msg.EN), FailOn: tt.failOn}, sample("/repo"))
			if !bytes.HasPrefix(out, []byte(xml.Header)) {
				t.Errorf("no XML header:\n%s", out)
			}
			var doc struct {
				XMLName xml.Name `xml:"testsuites"`
				Suites  []struct {
					Tests    int `xml:"tests,attr"`
					Failures int `xml:"failures,attr"`
					Errors   int `xml:"errors,attr"`
					Cases    []struct {
						Name     string `xml:"name,attr"`
						Failures []struct {
							Type string `xml:"type,attr"`
							Text string `xml:",chardata"`
						} `xml:"failure"`
						Errors    []struct{} `xml:"error"`
						SystemOut string     `xml:"system-out"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(out, &doc); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if len(doc.Suites) != 1 {
				t.Fatalf("%d test suites", len(doc.Suites))
			}
			s := doc.Suites[0]
			wantNames := []string{"plans/a.yaml", "/repo/plans/b.yaml", "missing.yaml", "<stdin>"}
			if s.Tests != len(wantNames) || len(s.Cases) != len(wantNames) || s.Errors != 1 {
				t.Fatalf("suite: %d tests, %d cases, %d errors", s.Tests, len(s.Cases), s.Errors)
			}
			total := 0
			for i, c := range s.Cases {
				if c.Name != filepath.FromSlash(wantNames[i]) && c.Name != wantNames[i] {
					t.Errorf("case %d is %q, want %q", i, c.Name, wantNames[i])
				}
				if len(c.Failures) != tt.failures[i] {
					t.Errorf("%s: %d failures, want %d", c.Name, len(c.Failures), tt.failures[i])
				}
				total += len(c.Failures)
			}
			if s.Failures != total {
				t.Errorf("suite counts %d failures, its cases %d", s.Failures, total)
			}
			a := s.Cases[0]
			if a.Failures[0].Type != "sum-mismatch" || !strings.HasPrefix(a.Failures[0].Text, "plans/a.yaml:13:19: error: ") {
				t.Errorf("failure %+v", a.Failures[0])
			}
			if !strings.Contains(a.SystemOut, "[lost-no-task] (acknowledged: Phụ lục không có cột nhiệm vụ)") {
				t.Errorf("the acknowledged finding is not in system-out: %q", a.SystemOut)
			}
			if len(s.Cases[2].Errors) != 1 {
				t.Errorf("the unreadable file has no <error>")
			}
		})
	}
}

// TestJSONVersion: validate's JSON carries its shape's version, as gap's
// does, and "ok" follows --fail-on.
func TestJSONVersion(t *testing.T) {
	r := sample("/repo")
	r.Failures = nil
	r.Diagnostics = r.Diagnostics[1:4] // acknowledged error, warning, note
	for _, tt := range []struct {
		failOn diag.Severity
		ok     bool
	}{{diag.Error, true}, {diag.Warning, false}} {
		var doc struct {
			Version *int
			Summary struct{ OK bool }
		}
		if err := json.Unmarshal(print(t, "json", Options{FailOn: tt.failOn}, r), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Version == nil || *doc.Version != JSONVersion || JSONVersion != 1 {
			t.Errorf("version %v", doc.Version)
		}
		if doc.Summary.OK != tt.ok {
			t.Errorf("fail-on %v: ok %v, want %v", tt.failOn, doc.Summary.OK, tt.ok)
		}
	}
}
