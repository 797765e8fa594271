package plan

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// SyntaxKind says what kind of YAML syntax slip a SyntaxProblem is.
type SyntaxKind int

const (
	// SyntaxUnknown is a slip the locator does not recognise: the
	// problem keeps yaml.v3's line (1 when it gave none), column 1 and
	// its message.
	SyntaxUnknown SyntaxKind = iota
	// SyntaxTab is a tab character in a line's indentation (or right
	// after a "- "); YAML indents with spaces only. Col is the tab's.
	SyntaxTab
	// SyntaxTooDeep is a line indented deeper than its block allows,
	// such as a key under a key that already has a value on its line.
	// Col and Got are where its text starts; Want is its siblings'.
	SyntaxTooDeep
	// SyntaxOutdented is a line indented less than its siblings: at a
	// column that matches no open block, or at an outer block's column,
	// stranding the lines after it. Col and Got are where its text
	// starts; Want is its siblings'.
	SyntaxOutdented
	// SyntaxMissingColon is a line inside a mapping whose key has no
	// colon after it ("max 0.5"). Key is the word the colon should
	// follow; Col is where that word starts.
	SyntaxMissingColon
	// SyntaxUnclosedQuote is a quoted text with no closing quote. Line
	// and Col are the opening quote's; Char is the quote (" or ').
	SyntaxUnclosedQuote
	// SyntaxUnclosedFlow is a [ or { with no closing bracket. Line and
	// Col are the opening bracket's; Char is the bracket.
	SyntaxUnclosedFlow
	// SyntaxListItem is a list item ("- ") at the wrong level: deeper
	// or shallower than its sibling items (Want is their column), or
	// where a mapping key is expected or on the same line as a key
	// (Want is 0: the "- " should go). Col and Got are the "-"'s.
	SyntaxListItem
	// SyntaxMissingDash is a list item without its "- ": a line among
	// a list's items, or where a list's first item belongs, that does
	// not start with "- ". Col is where the "- " belongs.
	SyntaxMissingDash
	// SyntaxUndefinedAlias is an alias (*name) to an anchor (&name)
	// not defined before it. Col is the '*'; Name the anchor's name.
	SyntaxUndefinedAlias
	// SyntaxControlChar is a character YAML does not allow in a file,
	// such as DEL (U+007F) or ESC (U+001B). Col is its; Char is it.
	SyntaxControlChar
	// SyntaxInvalidUTF8 is a byte that is not UTF-8. Col is its
	// position; Byte is its value.
	SyntaxInvalidUTF8
	// SyntaxColonInValue is a ": " inside a plain (unquoted) value, as
	// in "name: Sở: Nội vụ": the value needs quotes. Col is the colon's.
	SyntaxColonInValue
	// SyntaxTextAfterValue is text after the closing quote or bracket
	// of a value, as in `name: "Sở "Nội vụ""`. Col is where the text
	// starts; Char is the quote or bracket that closed the value.
	SyntaxTextAfterValue
	// SyntaxReservedChar is a value starting with @, ` or %, which
	// YAML reserves: the value needs quotes. Col is the character's;
	// Char is it.
	SyntaxReservedChar
)

var syntaxKindNames = [...]string{
	SyntaxUnknown:        "unknown",
	SyntaxTab:            "tab",
	SyntaxTooDeep:        "too-deep",
	SyntaxOutdented:      "outdented",
	SyntaxMissingColon:   "missing-colon",
	SyntaxUnclosedQuote:  "unclosed-quote",
	SyntaxUnclosedFlow:   "unclosed-flow",
	SyntaxListItem:       "list-item",
	SyntaxMissingDash:    "missing-dash",
	SyntaxUndefinedAlias: "undefined-alias",
	SyntaxControlChar:    "control-char",
	SyntaxInvalidUTF8:    "invalid-utf8",
	SyntaxColonInValue:   "colon-in-value",
	SyntaxTextAfterValue: "text-after-value",
	SyntaxReservedChar:   "reserved-char",
}

func (k SyntaxKind) String() string {
	if k >= 0 && int(k) < len(syntaxKindNames) {
		return syntaxKindNames[k]
	}
	return "SyntaxKind(?)"
}

// SyntaxProblem is where a YAML syntax error really is and what kind it
// is. Positions are 1-based; columns count characters (runes). It holds
// no message text: the caller words it in the user's language.
type SyntaxProblem struct {
	Line, Col int
	Kind      SyntaxKind
	// Got is the column the line's text starts at, for the indentation
	// kinds (SyntaxTooDeep, SyntaxOutdented, SyntaxListItem); Want is
	// the column the line belongs at (its siblings'), 0 when none. A
	// line indented n spaces starts at column n+1.
	Got, Want int
	// Valid lists, for the indentation kinds, the columns at which the
	// line would continue a block open above it (of keys for a key line,
	// of items for a "- " line), innermost first. Want may not be one of
	// them: a list's first item opens its list.
	Valid []int
	// Key is the word missing its colon (SyntaxMissingColon).
	Key string
	// Name is the alias's anchor name (SyntaxUndefinedAlias).
	Name string
	// Char is the quote, bracket or character concerned
	// (SyntaxUnclosedQuote, SyntaxUnclosedFlow, SyntaxControlChar,
	// SyntaxTextAfterValue, SyntaxReservedChar).
	Char rune
	// Byte is the byte that is not UTF-8 (SyntaxInvalidUTF8).
	Byte byte
	// Message is yaml.v3's message, without its "yaml: line N: "
	// prefix, whatever the kind.
	Message string
}

// locateSyntax finds where the YAML syntax error yaml.v3 reported for
// data really is. line is yaml.v3's line as yamlErrorLine corrects it (0
// when it gave none) and msg its message. yaml.v3 often names the start
// of the enclosing block, or the place where a runaway quote finally
// closes, rather than the line the user got wrong; so this re-reads the
// text, tracking the indentation of the open blocks line by line, and
// returns the first line that breaks them (or the tab, the unclosed
// quote...). It never panics and runs in time about linear in data.
func locateSyntax(data []byte, line int, msg string) SyntaxProblem {
	sl := splitLines(data)
	p := SyntaxProblem{Line: line, Col: 1, Kind: SyntaxUnknown, Message: msg}
	if last := lineCount(data); p.Line > last {
		p.Line = last
	}
	if p.Line < 1 {
		p.Line = 1
	}
	switch {
	case strings.Contains(msg, "control characters are not allowed"):
		if l, off, r, ok := findControlChar(sl); ok {
			p.Line, p.Col, p.Kind, p.Char = l+1, runeCol(sl[l], off), SyntaxControlChar, r
		}
		return p
	case strings.Contains(msg, "UTF-8") || strings.Contains(msg, "UTF-16") || strings.Contains(msg, "octet"):
		if l, off, ok := findInvalidUTF8(sl); ok {
			p.Line, p.Col, p.Kind, p.Byte = l+1, runeCol(sl[l], off), SyntaxInvalidUTF8, sl[l][off]
		}
		return p
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if l, off, ok := findAlias(sl, name); ok {
			p.Line, p.Col, p.Kind, p.Name = l+1, runeCol(sl[l], off), SyntaxUndefinedAlias, name
		}
		return p
	}
	a := scanIndentation(sl)
	if a == nil || a.kind == SyntaxUnknown || !plausible(a, line, msg) {
		return p
	}
	p.Line, p.Col, p.Kind = a.line+1, runeCol(sl[a.line], a.off), a.kind
	p.Key, p.Char = a.key, a.ch
	switch a.kind {
	case SyntaxTooDeep, SyntaxOutdented, SyntaxListItem:
		p.Got = a.got + 1
		if a.want >= 0 {
			p.Want = a.want + 1
		}
		for _, c := range a.valid {
			p.Valid = append(p.Valid, c+1)
		}
	}
	return p
}

// plausible reports whether yaml.v3 can have failed where the scanner
// finds the text broken (line a.broke), given the line it reported (0
// for none) and its message; when not, the scanner misread the text.
// yaml.v3 reports the start of the block or key it was reading when it
// failed, or the place itself: never a line well past the first broken
// one, and, for the messages below, not one well before it either. Text
// that runs on from an unclosed quote or bracket breaks nothing until it
// ends, wherever yaml.v3 then fails.
func plausible(a *anomaly, line int, msg string) bool {
	if line == 0 || a.kind == SyntaxUnclosedQuote || a.kind == SyntaxUnclosedFlow {
		return true
	}
	broke := a.broke + 1
	if broke < line-2 {
		return false
	}
	for _, m := range exactMessages {
		if strings.HasPrefix(msg, m) {
			return broke <= line+2
		}
	}
	return true
}

// exactMessages are the yaml.v3 messages whose line is where it failed.
var exactMessages = []string{
	"mapping values are not allowed in this context",
	"block sequence entries are not allowed in this context",
	"could not find expected ':'",
	"found character that cannot start any token",
	"found a tab character",
}

// splitLines splits data into its lines (cutLine), dropping a leading
// byte order mark (yaml.v3 skips it too).
func splitLines(data []byte) [][]byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var sl [][]byte
	for {
		l, rest, found := cutLine(data)
		sl = append(sl, l)
		if !found {
			return sl
		}
		data = rest
	}
}

// runeCol is the 1-based character column of byte offset off in l.
func runeCol(l []byte, off int) int {
	if off > len(l) {
		off = len(l)
	}
	if off < 0 {
		off = 0
	}
	return utf8.RuneCount(l[:off]) + 1
}

// findControlChar finds the first character yaml.v3's reader refuses
// (readerc.go): C0 controls other than tab, LF and CR, DEL, C1 controls
// other than NEL, and U+FFFE/U+FFFF.
func findControlChar(sl [][]byte) (line, off int, r rune, ok bool) {
	for i, l := range sl {
		for j := 0; j < len(l); {
			r, size := utf8.DecodeRune(l[j:])
			if r == utf8.RuneError && size <= 1 {
				j++
				continue
			}
			if !(r == '\t' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
				r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff) {
				return i, j, r, true
			}
			j += size
		}
	}
	return 0, 0, 0, false
}

func findInvalidUTF8(sl [][]byte) (line, off int, ok bool) {
	for i, l := range sl {
		for j := 0; j < len(l); {
			r, size := utf8.DecodeRune(l[j:])
			if r == utf8.RuneError && size <= 1 {
				return i, j, true
			}
			j += size
		}
	}
	return 0, 0, false
}

// findAlias finds the first use of alias *name: a '*' that starts a
// token (outside comments and quoted text) followed by exactly name.
// yaml.v3 reports an alias whose anchor is not defined before it, and
// every use before the anchor is such a one, so the first use is it.
func findAlias(sl [][]byte, name string) (line, off int, ok bool) {
	if name == "" {
		return 0, 0, false
	}
	var quote byte // the quote of a quoted text spanning lines
	for i, l := range sl {
		for j := 0; j < len(l); j++ {
			c := l[j]
			if quote != 0 {
				if end, closed := scanQuoted(l, j, quote); closed {
					j, quote = end-1, 0
					continue
				}
				break
			}
			tokenStart := j == 0 || strings.IndexByte(" \t[{,", l[j-1]) >= 0
			switch {
			case c == '#' && (j == 0 || l[j-1] == ' ' || l[j-1] == '\t'):
				j = len(l)
			case (c == '"' || c == '\'') && tokenStart:
				if end, closed := scanQuoted(l, j+1, c); closed {
					j = end - 1
				} else {
					quote, j = c, len(l)
				}
			case c == '*' && tokenStart && bytes.HasPrefix(l[j+1:], []byte(name)):
				if k := j + 1 + len(name); k == len(l) || !isAnchorChar(l[k]) {
					return i, j, true
				}
			}
		}
	}
	return 0, 0, false
}
