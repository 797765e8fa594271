package plan

import (
	"bytes"
	"regexp"
)

// Kind is what a YAML file found in a directory holds, as far as its
// text shows without parsing it.
type Kind int

// Kinds of file.
const (
	// KindPlan is a plan, or a file that may be one: validate checks it
	// (a file whose YAML is broken is checked, so its problems show).
	KindPlan Kind = iota
	// KindReport is a progress report.
	KindReport
	// KindOther is YAML that is not a plan: its top level is a list, or
	// a mapping with none of the keys of a plan or a report (a workflow,
	// a catalogue, a message file).
	KindOther
)

// The patterns are matched against the lines that start at column 1,
// the only ones that can hold a top-level key, a top-level list item,
// a comment or a document marker (the content of block scalars and
// nested collections is indented). None of them matches a line that
// starts with white space.
var (
	// modeline is the yaml-language-server comment that names the
	// file's JSON Schema. It is matched against the text from the
	// line's start, as its \s may cross a line end.
	modeline = regexp.MustCompile(`^#\s*yaml-language-server:\s*\$schema=\S*?(plan|progress)\.schema\.json\b`)
	// planKeys finds a top-level key of a plan, planKey the plan key,
	// reportKey a report's; anyKey any top-level key; topItem a
	// top-level list item. They are matched against one line.
	planKeys  = regexp.MustCompile(`^["']?(plan|appendices)["']?[ \t]*:`)
	planKey   = regexp.MustCompile(`^["']?plan["']?[ \t]*:`)
	reportKey = regexp.MustCompile(`^["']?progress["']?[ \t]*:`)
	anyKey    = regexp.MustCompile(`^(?:"[^"\n]*"|'[^'\n]*'|[^\s#\-\[\]{}&*!|>'"%@` + "`" + `,?:][^:\n]*?)[ \t]*:(?:[ \t]|$)`)
	topItem   = regexp.MustCompile(`^-(?:[ \t]|$)`)
)

// topLevel is what the lines at column 1 of a file show.
type topLevel struct {
	schema    string // "plan" or "progress": the first modeline's schema
	planKeys  bool   // a plan or appendices key
	plan      bool   // a plan key
	report    bool   // a progress key
	otherKeys bool   // any key, or a list item
}

// scanTop reads the lines of data that start at column 1.
func scanTop(data []byte) topLevel {
	var t topLevel
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line := data[start:end]
		if len(line) > 0 && !isSpaceStart(line[0]) {
			switch line[0] {
			case '#':
				if t.schema == "" {
					if m := modeline.FindSubmatch(data[start:]); m != nil {
						t.schema = string(m[1])
					}
				}
			case '-':
				t.otherKeys = t.otherKeys || topItem.Match(line)
			default:
				if planKeys.Match(line) {
					t.planKeys = true
					t.plan = t.plan || planKey.Match(line)
				}
				t.report = t.report || reportKey.Match(line)
				t.otherKeys = t.otherKeys || anyKey.Match(line)
			}
		}
		start = end + 1
	}
	return t
}

// isSpaceStart reports whether a line starting with b starts with what
// the patterns' \s matches ([\t\n\f\r ], not \v).
func isSpaceStart(b byte) bool {
	switch b {
	case ' ', '\t', '\r', '\f':
		return true
	}
	return false
}

// Sniff says whether data is a plan, a progress report or other YAML,
// from its text alone: the $schema modeline when it has one, else its
// top-level keys. It is cheap enough to sort every file of a directory.
func Sniff(data []byte) Kind {
	t := scanTop(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	switch {
	case t.schema == "progress":
		return KindReport
	case t.schema == "plan", t.planKeys:
		return KindPlan
	case t.report && !t.plan:
		return KindReport
	case t.otherKeys:
		return KindOther
	}
	return KindPlan
}

// IsReport reports whether data looks like a progress report rather than
// a plan: it has a top-level "progress:" key and no "plan:" key. It reads
// no YAML, so it is cheap enough to sort every file of a directory.
func IsReport(data []byte) bool {
	t := scanTop(data)
	return t.report && !t.plan
}
