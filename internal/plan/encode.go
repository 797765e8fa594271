package plan

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Comments are the comments Encode writes: above the file, and above an
// appendix or an item.
type Comments struct {
	Top        []string
	Appendices map[*Appendix][]string
	Items      map[*Item][]string
}

// Encode writes a plan in the canonical style of the bundled plans: the
// editor's $schema line, keys in the order the format documents them,
// codes quoted, one list entry per line, numbers with the digits they
// were written with. What is not given is left out. schemaPath is the
// path from the plan file to schema/plan.schema.json ("" leaves the line
// out).
func Encode(p *Plan, schemaPath string, c Comments) []byte {
	e := &encoder{c: c}
	if schemaPath != "" {
		e.line(0, "# yaml-language-server: $schema="+schemaPath)
	}
	for _, s := range c.Top {
		e.comment(0, s)
	}
	m := &p.Meta
	e.line(0, "plan:")
	e.text(2, "id", m.ID)
	e.text(2, "title", m.Title)
	e.text(2, "document", m.Document)
	e.text(2, "issuer", m.Issuer)
	e.text(2, "number", m.Number)
	if datePattern.MatchString(m.Date.Value) {
		e.line(2, "date: "+m.Date.Value) // a date, as YAML writes one
	} else {
		e.text(2, "date", m.Date)
	}
	e.int(2, "year", m.Year)
	e.int(2, "baseline_year", m.BaselineYear)
	e.text(2, "criteria_set", m.CriteriaSet)
	e.text(2, "source", m.Source)
	e.text(2, "signer", m.Signer)
	if len(m.Results) > 0 {
		e.line(2, "results:")
		for _, r := range m.Results {
			e.entry(6, func(in int) {
				e.text(in, "index", r.Index)
				e.int(in, "year", r.Year)
				e.num(in, "score", r.Score)
				e.num(in, "max", r.Max)
				e.num(in, "percent", r.Percent)
				e.int(in, "rank", r.Rank)
				e.int(in, "of", r.Of)
				e.text(in, "note", r.Note)
				e.acks(in, r.Acks)
			})
		}
	}
	if len(m.Agencies) > 0 {
		e.line(2, "agencies:")
		for _, a := range m.Agencies {
			e.entry(6, func(in int) {
				e.text(in, "name", a.Name)
				e.list(in, "aliases", a.Aliases)
			})
		}
	}
	e.acks(2, m.Acks)
	e.line(0, "appendices:")
	if len(p.Appendices) == 0 {
		e.b.Truncate(e.b.Len() - 1)
		e.b.WriteString(" []\n")
	}
	for _, a := range p.Appendices {
		for _, s := range c.Appendices[a] {
			e.comment(2, s)
		}
		e.entry(4, func(in int) { e.appendix(in, a) })
	}
	return e.b.Bytes()
}

type encoder struct {
	b bytes.Buffer
	c Comments
	// dash is set when the next key starts a list entry: it is written
	// after "- " instead of on a line of its own.
	dash bool
}

func (e *encoder) line(indent int, s string) {
	if e.dash {
		e.b.WriteString(strings.Repeat(" ", indent-2) + "- " + s + "\n")
		e.dash = false
		return
	}
	e.b.WriteString(strings.Repeat(" ", indent) + s + "\n")
}

func (e *encoder) comment(indent int, s string) {
	for _, l := range strings.Split(s, "\n") {
		e.b.WriteString(strings.TrimRight(strings.Repeat(" ", indent)+"# "+l, " ") + "\n")
	}
}

// entry writes one list entry whose keys are indented by indent.
func (e *encoder) entry(indent int, body func(indent int)) {
	e.dash = true
	body(indent)
	if e.dash { // an entry with no keys at all
		e.dash = false
		e.b.WriteString(strings.Repeat(" ", indent-2) + "- {}\n")
	}
}

func (e *encoder) text(indent int, key string, t Text) {
	if t.Value == "" {
		return
	}
	e.scalar(indent, key, t.Value)
}

func (e *encoder) scalar(indent int, key, v string) {
	s := Scalar(v)
	if strings.HasPrefix(s, "|") {
		lines := strings.Split(v, "\n")
		e.line(indent, key+": "+strings.SplitN(s, "\n", 2)[0])
		for _, l := range lines {
			e.b.WriteString(strings.TrimRight(strings.Repeat(" ", indent+2)+l, " ") + "\n")
		}
		return
	}
	e.line(indent, key+": "+s)
}

func (e *encoder) quoted(indent int, key string, t Text) {
	if t.Value != "" {
		e.line(indent, key+": "+strconv.Quote(t.Value))
	}
}

func (e *encoder) int(indent int, key string, n Int) {
	if n.Given {
		e.line(indent, fmt.Sprintf("%s: %d", key, n.Value))
	}
}

func (e *encoder) num(indent int, key string, n Number) {
	if n.Given {
		e.line(indent, key+": "+n.Value.String())
	}
}

func (e *encoder) list(indent int, key string, ts []Text) {
	if len(ts) == 0 {
		return
	}
	e.line(indent, key+":")
	for _, t := range ts {
		s := Scalar(t.Value)
		if strings.HasPrefix(s, "|") {
			s = strconv.Quote(t.Value)
		}
		e.b.WriteString(strings.Repeat(" ", indent+2) + "- " + s + "\n")
	}
}

func (e *encoder) acks(indent int, acks []*Ack) {
	if len(acks) == 0 {
		return
	}
	e.line(indent, "acknowledge:")
	for _, a := range acks {
		e.entry(indent+4, func(in int) {
			e.text(in, "rule", a.Rule)
			e.text(in, "key", a.Key)
			e.num(in, "value", a.Value)
			e.text(in, "reason", a.Reason)
		})
	}
}

func (e *encoder) appendix(in int, a *Appendix) {
	e.text(in, "id", a.ID)
	e.text(in, "label", a.Label)
	e.text(in, "title", a.Title)
	e.text(in, "subtitle", a.Subtitle)
	e.text(in, "layout", a.Layout)
	if len(a.Columns) > 0 {
		e.line(in, "columns:")
		for _, c := range a.Columns {
			e.entry(in+4, func(cin int) {
				e.text(cin, "key", c.Key)
				e.text(cin, "label", c.Label)
				if c.Hide.Given {
					e.line(cin, fmt.Sprintf("hide: %t", c.Hide.Value))
				}
			})
		}
	}
	if a.Total != nil && (a.Total.Max.Given || a.Total.Achieved.Given || a.Total.Target.Given) {
		e.line(in, "total:")
		e.num(in+2, "max", a.Total.Max)
		e.num(in+2, "achieved", a.Total.Achieved)
		e.num(in+2, "target", a.Total.Target)
	}
	e.listStyle(in, a.ListStyle)
	e.text(in, "note", a.Note)
	e.acks(in, a.Acks)
	if len(a.Items) == 0 {
		e.line(in, "items: []")
		return
	}
	e.line(in, "items:")
	e.items(in+4, a.Items)
}

func (e *encoder) items(in int, items []*Item) {
	for _, it := range items {
		for _, s := range e.c.Items[it] {
			e.comment(in-2, s)
		}
		e.entry(in, func(in int) {
			e.quoted(in, "code", it.Code)
			e.scalar(in, "name", it.Name.Value)
			e.quoted(in, "criterion", it.Criterion)
			e.num(in, "max", it.Scores.Max)
			e.num(in, "achieved", it.Scores.Achieved)
			e.num(in, "target", it.Scores.Target)
			e.text(in, "unit", it.Unit)
			e.text(in, "target_text", it.TargetText)
			e.list(in, "tasks", it.Tasks)
			e.list(in, "products", it.Products)
			e.list(in, "lead", it.Lead)
			e.list(in, "support", it.Support)
			e.listStyle(in, it.ListStyle)
			e.text(in, "deadline", it.Deadline)
			e.text(in, "note", it.Note)
			if it.Survey.Given {
				e.line(in, fmt.Sprintf("survey: %t", it.Survey.Value))
			}
			e.text(in, "group", it.Group)
			e.acks(in, it.Acks)
			if len(it.Items) > 0 {
				e.line(in, "items:")
				e.items(in+4, it.Items)
			}
		})
	}
}

// Scalar writes s as a YAML scalar, quoted only where YAML needs it: text
// that YAML would read as a number, a date, a boolean or null is quoted.
func Scalar(s string) string {
	if plainSafe(s) {
		return s
	}
	if q, ok := numberLed(s); ok {
		return q
	}
	if strings.ContainsFunc(s, unusualBreak) {
		// yaml.Marshal writes them raw, and the loader refuses them
		// raw: they are escaped in double quotes.
		return strconv.Quote(s)
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// plainSafe reports, cheaply and conservatively, whether s can be written
// as a plain YAML scalar that reads back as the same text: it starts with
// a letter, holds no line break, tab or control character, nothing
// yaml.v3 escapes (U+FEFF, U+FFFE, U+FFFF, anything past U+FFFF), no ": ", " #"
// or trailing ":", no leading or trailing space, and is no word YAML
// reads as a boolean or null. Anything else goes through yaml.Marshal.
func plainSafe(s string) bool {
	if s == "" || !unicode.IsLetter(firstRune(s)) {
		return false
	}
	return plainRest(s)
}

// plainRest is plainSafe's check of s past its first character.
func plainRest(s string) bool {
	if s != strings.TrimSpace(s) || strings.HasSuffix(s, ":") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0xfeff || r == 0xfffe || r == 0xffff || r > 0xffff || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf":
		return false
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// numberLed writes, as yaml.Marshal would, the texts that start with a
// number: a code ("1.2" quoted, since YAML reads it as a number; "2.1.1"
// plain) and a name led by its number ("1 Nội dung…", plain). yaml.Marshal
// costs a new emitter for each scalar, and a plan of 100,000 such names
// spent most of its export there. ok is false for anything else;
// FuzzNumberLed checks each answer against yaml.Marshal.
func numberLed(s string) (q string, ok bool) {
	lead, rest, spaced := strings.Cut(s, " ")
	if lead == "" || lead[0] < '0' || lead[0] > '9' {
		return "", false
	}
	dots := 0
	for i := 0; i < len(lead); i++ {
		switch c := lead[i]; {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return "", false
		}
	}
	switch {
	case !spaced && len(s) > 30:
		// A number past float64's range is text to yaml.v3: leave it to
		// yaml.Marshal.
		return "", false
	case !spaced && dots <= 1:
		// An integer or a decimal to YAML.
		return `"` + s + `"`, true
	case !spaced:
		return s, true
	case rest != "" && plainRest(s):
		return s, true
	}
	return "", false
}
