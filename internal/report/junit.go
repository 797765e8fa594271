package report

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/parplan/parplan/internal/msg"
)

// junitPrinter writes a JUnit XML report, which GitLab (artifacts:
// reports: junit), Jenkins and other CI servers show as test results:
// one test suite, one test case per file, one <failure> per finding that
// fails the run, an <error> for a file that could not be read. The other
// findings (warnings, notes, acknowledged ones) are the test case's
// <system-out>, one line each.
type junitPrinter struct {
	p    *msg.Printer
	opts Options
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitProblem `xml:"failure"`
	Errors    []junitProblem `xml:"error"`
	SystemOut *junitOutput   `xml:"system-out"`
}

// junitOutput is a test case's output, as CDATA so its lines read as
// they are.
type junitOutput struct {
	Text string `xml:",cdata"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func (p junitPrinter) Print(w io.Writer, r Result) error {
	cases := map[string]*junitCase{}
	var order []string
	get := func(file string) *junitCase {
		if c := cases[file]; c != nil {
			return c
		}
		cases[file] = &junitCase{Name: file, Classname: "parplan.validate"}
		order = append(order, file)
		return cases[file]
	}
	for _, f := range r.Files {
		get(displayFile(f))
	}
	for _, f := range r.Failures {
		c := get(displayFile(f.File))
		text := p.p.Err(f.Err)
		c.Errors = append(c.Errors, junitProblem{Message: text, Type: "unreadable", Text: f.File + ": " + text})
	}
	out := map[string]*strings.Builder{}
	for _, d := range r.Diagnostics {
		c := get(d.File)
		if p.opts.Fails(d) {
			c.Failures = append(c.Failures, junitProblem{Message: p.p.S(d.Msg), Type: d.Rule, Text: d.Format(p.p)})
			continue
		}
		if out[d.File] == nil {
			out[d.File] = &strings.Builder{}
		}
		out[d.File].WriteString(d.Format(p.p) + "\n")
	}
	suite := junitSuite{Name: "parplan validate"}
	for _, file := range order {
		c := cases[file]
		if b := out[file]; b != nil {
			c.SystemOut = &junitOutput{Text: b.String()}
		}
		suite.Tests++
		suite.Failures += len(c.Failures)
		suite.Errors += len(c.Errors)
		suite.Cases = append(suite.Cases, *c)
	}
	doc := junitSuites{Name: "parplan", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// displayFile is how a checked path is named in findings: "-" is
// standard input.
func displayFile(file string) string {
	if file == "-" {
		return "<stdin>"
	}
	return file
}
