package importer

import (
	"html"
	"regexp"
	"strings"
)

var (
	// htmlBreak is a tag that ends a line where a web page or an HTML
	// paste put it: <br>, <br/>, <p>, </p>, </div>, <li>.
	htmlBreak = regexp.MustCompile(`(?i)<\s*(?:br\s*/?|/?p|/div|li)(?:\s[^<>]*)?>`)
	// htmlTag is any other tag: a letter (or /letter) right after "<",
	// so "< 5%" and "<=" are text.
	htmlTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)
)

// htmlFree removes what a copy from a web page leaves in a cell: tags
// (line-ending ones become line breaks) and character references
// (&nbsp;, &amp;, &#7889;). Text without "<" or "&" is returned as it is.
func htmlFree(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	if strings.Contains(s, "<") {
		s = htmlBreak.ReplaceAllString(s, "\n")
		s = htmlTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}
