// Package msg owns parplan's message catalogues: every text a person
// reads, in Vietnamese and English. Domain packages return Message values
// (a catalogue ID and its arguments); the command line renders them with a
// Printer in the language the user chose.
//
// The catalogues are data, one file per area and language in catalog/
// (plan.vi.yaml, plan.en.yaml, …), read with go-i18n: templates name
// their arguments ({{.Code}}), so a translation may order them as its
// language needs, and plural forms follow the CLDR rules of each language.
package msg

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/parplan/parplan/internal/decimal"
)

// Lang is a language parplan speaks.
type Lang string

// The languages, Vietnamese first: it is the users' language and the
// default.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Langs lists the languages, for flags and tests.
var Langs = []Lang{VI, EN}

// ParseLang reads a language name: vi or en, or a locale such as
// vi_VN.UTF-8 or en-US. ok is false for anything else.
func ParseLang(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "vi" || strings.HasPrefix(s, "vi_") || strings.HasPrefix(s, "vi-") || strings.HasPrefix(s, "vi."):
		return VI, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en."):
		return EN, true
	}
	return "", false
}

// Choose picks the language: the --lang flag when given, else
// PARPLAN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: the first one
// set decides, as POSIX orders them), else Vietnamese. An unknown flag or
// PARPLAN_LANG value is an error; an unknown locale (C, POSIX, fr_FR)
// falls through to Vietnamese.
func Choose(flag string, getenv func(string) string) (Lang, error) {
	if flag != "" {
		l, ok := ParseLang(flag)
		if !ok {
			return fallback(getenv), &Error{Msg: New("lang.unknown", "Value", flag)}
		}
		return l, nil
	}
	if v := getenv("PARPLAN_LANG"); v != "" {
		l, ok := ParseLang(v)
		if !ok {
			return fallback(getenv), &Error{Msg: New("lang.unknown-env", "Value", v)}
		}
		return l, nil
	}
	return fallback(getenv), nil
}

func fallback(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l, ok := ParseLang(v); ok {
				return l
			}
			return VI
		}
	}
	return VI
}

// Message is a text for a person, not yet in a language: a catalogue ID
// and its arguments as name–value pairs. Argument values may be strings,
// integers, decimals (printed with the language's decimal mark), other
// Messages (rendered in the same language) and lists of those (joined
// with ", "). An argument named Count selects the plural form.
type Message struct {
	ID   string
	Args []any
}

// New returns the message id with the arguments kv: name, value, name,
// value, ….
func New(id string, kv ...any) Message {
	if len(kv)%2 != 0 {
		panic("msg.New: odd number of arguments for " + id)
	}
	return Message{ID: id, Args: kv}
}

// IsZero reports whether m is no message at all.
func (m Message) IsZero() bool { return m.ID == "" }

// String renders m in English, for logs and test failures.
func (m Message) String() string { return For(EN).S(m) }

// Raw is an argument printed as it is, never localized: a value quoted
// from the plan file (which keeps its own number rule), a path.
type Raw string

// List is an argument printed as its entries joined by ", ".
type List []any

// Error is an error whose text is a Message.
type Error struct {
	Msg Message
	// Err is the underlying error, if any, for errors.Is and errors.As.
	Err error
}

// Quoted is a list of values from the plan, each quoted in the message:
// "Sở Tư pháp", "Sở Nội vụ".
type Quoted []string

// Errorf returns an error carrying the message id with arguments kv.
func Errorf(id string, kv ...any) error { return &Error{Msg: New(id, kv...)} }

func (e *Error) Error() string { return e.Msg.String() }
func (e *Error) Unwrap() error { return e.Err }

//go:generate go test -run ^TestCatalogueGenerated$ -update .

// catalogue is one language's messages: a bundle of its own, so that a
// run builds only the catalogue of the language it speaks.
type catalogue struct {
	bundle *i18n.Bundle
	ids    map[string]bool
}

var (
	catalogues = map[Lang]func() *catalogue{
		VI: sync.OnceValue(func() *catalogue { return load(VI) }),
		EN: sync.OnceValue(func() *catalogue { return load(EN) }),
	}
	printers sync.Map // Lang → *Printer
)

// cat returns the catalogue of l, read on first use.
func cat(l Lang) *catalogue {
	if c, ok := catalogues[l]; ok {
		return c()
	}
	return &catalogue{bundle: i18n.NewBundle(language.Vietnamese), ids: map[string]bool{}}
}

// load builds the catalogue of l from the messages go generate compiled
// out of catalog/*.yaml (catalog_gen.go): reading the YAML at run time
// was most of the time --help spent in main.
func load(l Lang) *catalogue {
	tag, msgs := language.Vietnamese, messagesVI[:]
	if l == EN {
		tag, msgs = language.English, messagesEN[:]
	}
	c := &catalogue{bundle: i18n.NewBundle(tag), ids: make(map[string]bool, len(msgs))}
	ptrs := make([]*i18n.Message, len(msgs))
	for i := range msgs {
		ptrs[i] = &msgs[i]
		c.ids[msgs[i].ID] = true
	}
	if err := c.bundle.AddMessages(tag, ptrs...); err != nil {
		panic(err) // only a language without plural rules fails
	}
	return c
}

// IDs lists the message IDs of a language's catalogue, sorted.
func IDs(l Lang) []string {
	c := cat(l)
	out := make([]string, 0, len(c.ids))
	for id := range c.ids {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Has reports whether the catalogue of l defines id.
func Has(l Lang, id string) bool {
	return cat(l).ids[id]
}

// Printer renders messages in one language.
type Printer struct {
	lang  Lang
	loc   *i18n.Localizer
	ids   map[string]bool // the catalogue's message IDs
	funcs template.FuncMap
}

// For returns the printer of language l.
func For(l Lang) *Printer {
	if p, ok := printers.Load(l); ok {
		return p.(*Printer)
	}
	c := cat(l)
	p := &Printer{lang: l, loc: i18n.NewLocalizer(c.bundle, string(l)), ids: c.ids}
	p.funcs = template.FuncMap{
		// q quotes a value from the plan, escaping what a terminal
		// would interpret.
		"q": func(v any) string { return strconv.Quote(fmt.Sprint(v)) },
	}
	actual, _ := printers.LoadOrStore(l, p)
	return actual.(*Printer)
}

// Lang is the printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// S renders m. A message missing from the catalogue renders as its ID and
// arguments, so nothing is ever lost (a test keeps the catalogues complete).
func (p *Printer) S(m Message) string {
	if m.ID == "" {
		return ""
	}
	data := make(map[string]any, len(m.Args)/2)
	var count any
	for i := 0; i+1 < len(m.Args); i += 2 {
		name, _ := m.Args[i].(string)
		v := p.arg(m.Args[i+1])
		data[name] = v
		if name == "Count" {
			count = m.Args[i+1]
		}
	}
	// go-i18n returns the text with an error when a language writes one
	// form for several plural categories (Vietnamese has only "other").
	s, _ := p.loc.Localize(&i18n.LocalizeConfig{MessageID: m.ID, TemplateData: data, PluralCount: count, Funcs: p.funcs})
	if s == "" || !p.ids[m.ID] {
		return fmt.Sprintf("%s%v", m.ID, m.Args)
	}
	return s
}

// T renders the message id with arguments kv.
func (p *Printer) T(id string, kv ...any) string { return p.S(New(id, kv...)) }

// Err renders an error: a message error in the printer's language, any
// other error as its text.
func (p *Printer) Err(err error) string {
	var me *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &me):
		return p.S(me.Msg)
	}
	return err.Error()
}

// Num writes an exact decimal with the language's decimal mark: 85,415 in
// Vietnamese, 85.415 in English.
func (p *Printer) Num(d decimal.Dec) string {
	if p.lang == VI {
		return d.Comma()
	}
	return d.String()
}

// Signed is Num with an explicit sign: +0,5, −… (a plain minus).
func (p *Printer) Signed(d decimal.Dec) string {
	s := d.Signed()
	if p.lang == VI {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (p *Printer) arg(v any) any {
	switch v := v.(type) {
	case Message:
		return p.S(v)
	case decimal.Dec:
		return p.Num(v)
	case *decimal.Dec:
		if v == nil {
			return ""
		}
		return p.Num(*v)
	case Raw:
		return string(v)
	case List:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = fmt.Sprint(p.arg(e))
		}
		return strings.Join(parts, ", ")
	case []string:
		return strings.Join(v, ", ")
	case Quoted:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = strconv.Quote(e)
		}
		return strings.Join(parts, ", ")
	case error:
		return p.Err(v)
	}
	return v
}
