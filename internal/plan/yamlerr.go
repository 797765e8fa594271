package plan

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/parplan/parplan/internal/msg"
)

// yamlProblems maps the problems gopkg.in/yaml.v3 reports (the start of
// its message) to messages that say in plain words what is wrong and what
// to write.
var yamlProblems = []struct {
	prefix string
	id     string
}{
	{"did not find expected key", "yaml.expected-key"},
	{"mapping values are not allowed in this context", "yaml.mapping-value"},
	{"did not find expected '-' indicator", "yaml.expected-dash"},
	{"block sequence entries are not allowed in this context", "yaml.dash-here"},
	{"could not find expected ':'", "yaml.expected-colon"},
	{"did not find expected node content", "yaml.expected-value"},
	{"found unexpected end of stream", "yaml.eof"},
	{"did not find expected ',' or ']'", "yaml.unclosed-bracket"},
	{"did not find expected ',' or '}'", "yaml.unclosed-brace"},
	{"found a tab character", "yaml.tab"},
	{"found character that cannot start any token", "yaml.bad-start"},
	{"found unknown escape character", "yaml.bad-escape"},
	{"found invalid Unicode character escape code", "yaml.bad-escape"},
	{"control characters are not allowed", "yaml.control"},
	{"found undefined tag handle", "yaml.tag"},
	{"found unexpected document indicator", "yaml.document-marker"},
	{"did not find expected comment or line break", "yaml.trailing"},
	{"did not find expected whitespace or line break", "yaml.trailing"},
}

var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced`)

// yamlMessage turns a yaml.v3 problem into a message; one it does not
// know is quoted as the parser wrote it.
func yamlMessage(problem string) msg.Message {
	if m := unknownAnchor.FindStringSubmatch(problem); m != nil {
		return msg.New("yaml.unknown-alias", "Name", m[1])
	}
	for _, p := range yamlProblems {
		if strings.HasPrefix(problem, p.prefix) {
			return msg.New(p.id)
		}
	}
	return msg.New("yaml.other", "Text", problem)
}

// syntaxMessage says what a located syntax slip is and what to write
// instead; a slip the locator does not know keeps yaml.v3's words.
func syntaxMessage(p SyntaxProblem) msg.Message {
	cols := func() msg.List {
		var l msg.List
		for _, c := range p.Valid {
			l = append(l, c)
		}
		return l
	}
	switch p.Kind {
	case SyntaxTab:
		return msg.New("yaml.tab")
	case SyntaxTooDeep:
		return msg.New("syntax.too-deep", "Got", p.Got, "Want", p.Want)
	case SyntaxOutdented:
		return msg.New("syntax.outdented", "Got", p.Got, "Want", p.Want, "Valid", cols())
	case SyntaxListItem:
		return msg.New("syntax.list-item", "Got", p.Got, "Want", p.Want, "Valid", cols())
	case SyntaxMissingDash:
		return msg.New("syntax.missing-dash", "Col", p.Col)
	case SyntaxMissingColon:
		return msg.New("syntax.missing-colon", "Key", p.Key)
	case SyntaxUnclosedQuote:
		return msg.New("syntax.unclosed-quote", "Char", string(p.Char))
	case SyntaxUnclosedFlow:
		return msg.New("syntax.unclosed-flow", "Char", string(p.Char))
	case SyntaxUndefinedAlias:
		return msg.New("yaml.unknown-alias", "Name", p.Name)
	case SyntaxControlChar:
		return msg.New("load.control-raw", "Code", fmt.Sprintf("U+%04X", p.Char))
	case SyntaxInvalidUTF8:
		return msg.New("load.invalid-utf8", "Byte", fmt.Sprintf("0x%02x", p.Byte))
	case SyntaxColonInValue:
		return msg.New("syntax.colon-in-value")
	case SyntaxTextAfterValue:
		return msg.New("syntax.text-after-value", "Char", string(p.Char))
	case SyntaxReservedChar:
		return msg.New("syntax.reserved-char", "Char", string(p.Char))
	}
	return yamlMessage(p.Message)
}
