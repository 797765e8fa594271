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

var (
	// modeline is the yaml-language-server comment that names the
	// file's JSON Schema.
	modeline = regexp.MustCompile(`(?m)^#\s*yaml-language-server:\s*\$schema=\S*?(plan|progress)\.schema\.json\b`)
	// planKeys finds a top-level key of a plan; anyKey any top-level
	// key; topItem a top-level list item. At column 1 a line is always
	// a top-level key, a list item, a comment or a document marker (the
	// content of block scalars and nested collections is indented).
	planKeys = regexp.MustCompile(`(?m)^["']?(plan|appendices)["']?[ \t]*:`)
	anyKey   = regexp.MustCompile(`(?m)^(?:"[^"\n]*"|'[^'\n]*'|[^\s#\-\[\]{}&*!|>'"%@` + "`" + `,?:][^:\n]*?)[ \t]*:(?:[ \t]|$)`)
	topItem  = regexp.MustCompile(`(?m)^-(?:[ \t]|$)`)
)

// Sniff says whether data is a plan, a progress report or other YAML,
// from its text alone: the $schema modeline when it has one, else its
// top-level keys. It is cheap enough to sort every file of a directory.
func Sniff(data []byte) Kind {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if m := modeline.FindSubmatch(data); m != nil {
		if string(m[1]) == "progress" {
			return KindReport
		}
		return KindPlan
	}
	switch {
	case planKeys.Match(data):
		return KindPlan
	case IsReport(data):
		return KindReport
	case anyKey.Match(data) || topItem.Match(data):
		return KindOther
	}
	return KindPlan
}
