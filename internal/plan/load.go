package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/layout"
)

// Limits bounds what the loader accepts, so that a hostile or broken file
// is refused with a message instead of exhausting memory or time.
type Limits struct {
	// MaxBytes is the largest file accepted.
	MaxBytes int64
	// MaxDepth is the deepest YAML nesting accepted (mappings and lists).
	MaxDepth int
	// MaxItemDepth is the deepest item nesting accepted (a field is depth 1).
	MaxItemDepth int
	// MaxNodes is the most YAML values read, counting each alias use as
	// a copy of what it names; it stops alias bombs.
	MaxNodes int
}

// DefaultLimits are generous for any real plan (the largest source plan
// is about 150 KB with 4 levels of items).
var DefaultLimits = Limits{
	MaxBytes:     10 << 20,
	MaxDepth:     64,
	MaxItemDepth: 12,
	MaxNodes:     1_000_000,
}

// Load parses a plan file. file is used in diagnostics only. It returns
// the plan (nil when the file is not usable YAML) and every problem found
// while reading it; problems with the content (sums, ranges, codes) are
// validate's business.
func Load(file string, data []byte) (*Plan, []diag.Diagnostic) {
	return LoadWithLimits(file, data, DefaultLimits)
}

// LoadWithLimits is Load with explicit limits.
func LoadWithLimits(file string, data []byte, lim Limits) (p *Plan, ds []diag.Diagnostic) {
	d := &decoder{file: file, lim: lim}
	// yaml.v3 has panicked on hostile input in the past; a panic must
	// never reach the user as a stack trace.
	defer func() {
		if r := recover(); r != nil {
			p = nil
			ds = append(d.diags, diag.Diagnostic{File: file, Line: 1, Col: 1, Severity: diag.Error,
				Rule: RuleYAMLSyntax, Message: fmt.Sprintf("the YAML parser failed on this file: %v", r)})
		}
	}()
	root := d.parse(data)
	if root == nil {
		return nil, d.diags
	}
	p = &Plan{File: file}
	d.plan(root, p)
	for _, a := range p.Appendices {
		a.Compute()
	}
	return p, d.diags
}

type decoder struct {
	file  string
	lim   Limits
	diags []diag.Diagnostic
	nodes int
	// stopped is set once a limit is hit: nothing more is read.
	stopped bool
}

func (d *decoder) report(pos Pos, rule, format string, args ...any) {
	if pos.Line == 0 {
		pos = Pos{1, 1}
	}
	d.diags = append(d.diags, diag.Diagnostic{File: d.file, Line: pos.Line, Col: pos.Col,
		Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func posOf(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

var yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse checks the encoding and limits and returns the YAML document's
// root node, or nil after reporting why there is none.
func (d *decoder) parse(data []byte) *yaml.Node {
	if int64(len(data)) > d.lim.MaxBytes {
		d.diags = append(d.diags, TooLarge(d.file, int64(len(data)), d.lim.MaxBytes))
		return nil
	}
	if !d.checkEncoding(data) {
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		d.report(Pos{1, 1}, RuleEncoding, "file is empty: a plan needs at least `plan:` and `appendices:`")
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.report(Pos{1, 1}, RuleEncoding, "file holds no YAML content: a plan needs at least `plan:` and `appendices:`")
		return nil
	} else if err != nil {
		d.yamlError(err, data)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		pos := posOf(&extra)
		if len(extra.Content) > 0 {
			pos = posOf(extra.Content[0])
		}
		d.report(pos, RuleYAMLSyntax, "a second YAML document starts here (after ---); a plan file holds one document")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err, data)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		d.report(Pos{1, 1}, RuleEncoding, "file holds no YAML content: a plan needs at least `plan:` and `appendices:`")
		return nil
	}
	if n, deep := tooDeep(doc.Content[0], d.lim.MaxDepth); deep {
		d.report(posOf(n), RuleLimit, "YAML nesting deeper than %d levels", d.lim.MaxDepth)
		return nil
	}
	return doc.Content[0]
}

func (d *decoder) yamlError(err error, data []byte) {
	msg := err.Error()
	line := 0
	if m := yamlLineErr.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	// yaml.v3 numbers the lines of parser errors from 0 and those of
	// scanner errors from 1 (decode.go, parser.fail); parser errors are
	// the ones about structure.
	if isParserError(msg) {
		line++
	}
	if last := bytes.Count(bytes.TrimRight(data, "\n"), []byte("\n")) + 1; line > last {
		line = last // errors at the end of the stream
	}
	if line > 0 {
		d.report(Pos{line, 1}, RuleYAMLSyntax, "%s", msg)
		return
	}
	if strings.Contains(msg, "max depth") {
		d.report(Pos{1, 1}, RuleLimit, "%s", msg)
		return
	}
	d.report(Pos{1, 1}, RuleYAMLSyntax, "%s", msg)
}

func isParserError(msg string) bool {
	for _, p := range []string{"did not find expected", "found duplicate", "found incompatible", "found undefined tag"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// checkEncoding refuses what is not UTF-8 text, naming the line of the
// first bad byte.
func (d *decoder) checkEncoding(data []byte) bool {
	switch {
	case len(data) == 0:
		d.report(Pos{1, 1}, RuleEncoding, "file is empty: a plan needs at least `plan:` and `appendices:`")
		return false
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		d.report(Pos{1, 1}, RuleEncoding, "file is UTF-16 encoded; save it as UTF-8")
		return false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			d.report(Pos{line, col}, RuleEncoding, "invalid UTF-8 byte 0x%02x: the file is not UTF-8 text (save it as UTF-8)", data[i])
			return false
		case r == 0:
			what := "a NUL byte: this looks like a binary file, not YAML"
			if i+1 < len(data) && (i%2 == 1 || data[i+1] != 0) {
				what = "a NUL byte: the file looks UTF-16 encoded; save it as UTF-8"
			}
			d.report(Pos{line, col}, RuleEncoding, "%s", what)
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			d.report(Pos{line, col}, RuleEncoding, "control character U+%04X: this looks like a binary file, not YAML", r)
			return false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return true
}

// TooLarge is the finding for a file of size bytes, over the limit: for
// callers that refuse a file before reading it all.
func TooLarge(file string, size, limit int64) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: 1, Col: 1, Severity: diag.Error, Rule: RuleLimit,
		Message: fmt.Sprintf("file is %s, larger than the %s limit for a plan file", sizeText(size), sizeText(limit))}
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// tooDeep reports the first node nested deeper than max, not following
// aliases (their targets are checked where they are defined).
func tooDeep(root *yaml.Node, max int) (*yaml.Node, bool) {
	type frame struct {
		n     *yaml.Node
		depth int
	}
	stack := []frame{{root, 1}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.depth > max {
			return f.n, true
		}
		for _, c := range f.n.Content {
			stack = append(stack, frame{c, f.depth + 1})
		}
	}
	return nil, false
}

// node resolves aliases and counts the values read against the limit. It
// returns nil once a limit is hit.
func (d *decoder) node(n *yaml.Node) *yaml.Node {
	if d.stopped {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		alias := n
		n = n.Alias
		d.nodes += countNodes(n, d.lim.MaxNodes-d.nodes+1)
		if d.nodes > d.lim.MaxNodes {
			d.report(posOf(alias), RuleLimit, "alias *%s expands the file past %d values (an alias bomb?)", alias.Value, d.lim.MaxNodes)
			d.stopped = true
			return nil
		}
		return n
	}
	d.nodes++
	return n
}

// countNodes counts the values under n with aliases expanded, stopping
// once it passes budget.
func countNodes(n *yaml.Node, budget int) int {
	count := 0
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if count > budget {
			return
		}
		count++
		if n.Kind == yaml.AliasNode {
			walk(n.Alias)
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return count
}

// field is one key a mapping may hold.
type field struct {
	name     string
	required bool
	decode   func(n *yaml.Node)
}

// mapping decodes n as a mapping with the given keys, reporting a wrong
// kind, duplicate, unknown and missing keys. Null values count as absent.
func (d *decoder) mapping(n *yaml.Node, what string, fields []field) bool {
	if n = d.node(n); n == nil {
		return false
	}
	return d.fields(n, what, fields)
}

// fields decodes n, whose aliases are already resolved, as a mapping.
func (d *decoder) fields(n *yaml.Node, what string, fields []field) bool {
	if n.Kind != yaml.MappingNode {
		d.report(posOf(n), RuleWrongType, "%s must be a mapping (key: value lines), not %s", what, kindText(n))
		return false
	}
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.report(posOf(k), RuleWrongType, "%s has a key that is %s; keys are plain words", what, kindText(k))
			continue
		}
		name := k.Value
		if name == "<<" {
			d.report(posOf(k), RuleUnknownKey, "merge keys (<<) are not supported in plan files; write the keys out")
			continue
		}
		if first, dup := seen[name]; dup {
			d.report(posOf(k), RuleDuplicateKey, "key %q appears twice in %s (first at line %d)", name, what, first.Line)
			continue
		}
		seen[name] = k
		f := findField(fields, name)
		if f == nil {
			d.report(posOf(k), RuleUnknownKey, "unknown key %q in %s%s", name, what, suggest(name, fields))
			continue
		}
		if isNull(v) {
			if f.required {
				d.report(posOf(k), RuleMissingKey, "%s: %q is empty", what, name)
			}
			continue
		}
		f.decode(v)
	}
	for _, f := range fields {
		if f.required && seen[f.name] == nil {
			d.report(posOf(n), RuleMissingKey, "%s has no %q", what, f.name)
		}
	}
	return true
}

func findField(fields []field, name string) *field {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	case "!!null":
		return "empty"
	}
	return fmt.Sprintf("the text %q", clip(n.Value, 40))
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// text decodes a scalar as text. Numbers and dates are taken as the
// characters written; booleans and lists are refused.
func (d *decoder) text(n *yaml.Node, what string) (Text, bool) {
	if n = d.node(n); n == nil {
		return Text{}, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!bool" || n.Tag == "!!null" || n.Tag == "!!binary" {
		d.report(posOf(n), RuleWrongType, "%s must be text, not %s", what, kindText(n))
		return Text{}, false
	}
	return Text{Value: norm.NFC.String(strings.TrimSpace(n.Value)), Pos: posOf(n)}, true
}

func (d *decoder) setText(dst *Text, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if t, ok := d.text(n, what); ok {
			*dst = t
		}
	}
}

// textList decodes a list of texts; a single text is a one-entry list.
func (d *decoder) textList(dst *[]Text, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		if n.Kind == yaml.ScalarNode {
			if t, ok := d.text(n, what); ok {
				*dst = append(*dst, t)
			}
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.report(posOf(n), RuleWrongType, "%s must be a list of texts, not %s", what, kindText(n))
			return
		}
		for _, c := range n.Content {
			t, ok := d.text(c, what+" entry")
			if !ok {
				continue
			}
			if t.Value == "" {
				d.report(t.Pos, RuleInvalidValue, "%s has an empty entry", what)
				continue
			}
			*dst = append(*dst, t)
		}
	}
}

// number decodes a scalar as an exact decimal, from the digits written.
func (d *decoder) number(dst *Number, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.report(posOf(n), RuleWrongType, "%s must be a number, not %s", what, kindText(n))
			return
		}
		v, err := decimal.Parse(strings.TrimSpace(n.Value))
		switch {
		case errors.Is(err, decimal.ErrDecimalComma):
			d.report(posOf(n), RuleDecimalComma, "%s %q uses a decimal comma; write %s", what, n.Value, strings.Replace(n.Value, ",", ".", 1))
			return
		case n.Tag != "!!int" && n.Tag != "!!float":
			if err == nil {
				d.report(posOf(n), RuleWrongType, "%s must be a number, not the quoted text %q; remove the quotes", what, n.Value)
			} else {
				d.report(posOf(n), RuleWrongType, "%s must be a number, not %s", what, kindText(n))
			}
			return
		case err != nil:
			d.report(posOf(n), RuleWrongType, "%s: %v", what, err)
			return
		}
		*dst = Number{Value: v, Pos: posOf(n), Given: true}
	}
}

// integer decodes a plain decimal integer.
func (d *decoder) integer(dst *Int, what string, min, max int) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		v, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			d.report(posOf(n), RuleWrongType, "%s must be a whole number, not %s", what, kindText(n))
			return
		}
		if v < min || v > max {
			d.report(posOf(n), RuleInvalidValue, "%s %d is out of range (%d–%d)", what, v, min, max)
			return
		}
		*dst = Int{Value: v, Pos: posOf(n), Given: true}
	}
}

func (d *decoder) boolean(dst *Bool, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.report(posOf(n), RuleWrongType, "%s must be true or false, not %s", what, kindText(n))
			return
		}
		*dst = Bool{Value: n.Value == "true", Pos: posOf(n), Given: true}
	}
}

// sequence decodes each entry of a list with fn.
func (d *decoder) sequence(n *yaml.Node, what string, fn func(i int, n *yaml.Node)) {
	if n = d.node(n); n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.report(posOf(n), RuleWrongType, "%s must be a list (lines starting with \"- \"), not %s", what, kindText(n))
		return
	}
	for i, c := range n.Content {
		if d.stopped {
			return
		}
		fn(i, c)
	}
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (d *decoder) checkID(t Text, what string) {
	if t.Set() && !idPattern.MatchString(t.Value) {
		d.report(t.Pos, RuleInvalidValue, "%s %q must be lower-case letters, digits and single hyphens (like daknong-2024)", what, t.Value)
	}
}

func (d *decoder) plan(root *yaml.Node, p *Plan) {
	d.mapping(root, "the file", []field{
		{name: "plan", required: true, decode: func(n *yaml.Node) { d.meta(n, &p.Meta) }},
		{name: "appendices", required: true, decode: func(n *yaml.Node) {
			d.sequence(n, "appendices", func(i int, n *yaml.Node) {
				a := &Appendix{Pos: posOf(n)}
				d.appendix(n, a, fmt.Sprintf("appendix %d", i+1))
				p.Appendices = append(p.Appendices, a)
			})
		}},
	})
	p.Meta.Pos = Pos{root.Line, root.Column}
	if len(root.Content) > 0 {
		p.Meta.Pos = posOf(root.Content[0])
	}
}

func (d *decoder) meta(n *yaml.Node, m *Meta) {
	what := "plan"
	d.mapping(n, what, []field{
		{name: "id", required: true, decode: d.setText(&m.ID, "plan id")},
		{name: "title", required: true, decode: d.setText(&m.Title, "plan title")},
		{name: "document", decode: d.setText(&m.Document, "plan document")},
		{name: "issuer", decode: d.setText(&m.Issuer, "plan issuer")},
		{name: "number", decode: d.setText(&m.Number, "plan number")},
		{name: "date", decode: d.setText(&m.Date, "plan date")},
		{name: "year", required: true, decode: d.integer(&m.Year, "plan year", 1990, 2200)},
		{name: "baseline_year", decode: d.integer(&m.BaselineYear, "plan baseline_year", 1990, 2200)},
		{name: "criteria_set", decode: d.setText(&m.CriteriaSet, "plan criteria_set")},
		{name: "source", decode: d.setText(&m.Source, "plan source")},
		{name: "signer", decode: d.setText(&m.Signer, "plan signer")},
		{name: "results", decode: func(n *yaml.Node) {
			d.sequence(n, "plan results", func(i int, n *yaml.Node) {
				r := &Result{Pos: posOf(n)}
				d.result(n, r, fmt.Sprintf("result %d", i+1))
				m.Results = append(m.Results, r)
			})
		}},
		{name: "agencies", decode: func(n *yaml.Node) {
			d.sequence(n, "plan agencies", func(i int, n *yaml.Node) {
				a := &Agency{Pos: posOf(n)}
				d.mapping(n, fmt.Sprintf("agency %d", i+1), []field{
					{name: "name", required: true, decode: d.setText(&a.Name, "agency name")},
					{name: "aliases", decode: d.textList(&a.Aliases, "agency aliases")},
				})
				m.Agencies = append(m.Agencies, a)
			})
		}},
		{name: "acknowledge", decode: d.acks(&m.Acks, what)},
	})
	d.checkID(m.ID, "plan id")
	if m.Date.Set() {
		if _, err := time.Parse("2006-01-02", m.Date.Value); err != nil || !datePattern.MatchString(m.Date.Value) {
			d.report(m.Date.Pos, RuleInvalidValue, "plan date %q must be a date written YYYY-MM-DD (2024-07-18)", m.Date.Value)
		}
	}
	if m.CriteriaSet.Set() && !idPattern.MatchString(m.CriteriaSet.Value) {
		d.report(m.CriteriaSet.Pos, RuleInvalidValue, "plan criteria_set %q must be a set id like bnv-876-2022", m.CriteriaSet.Value)
	}
}

func (d *decoder) result(n *yaml.Node, r *Result, what string) {
	d.mapping(n, what, []field{
		{name: "index", required: true, decode: d.setText(&r.Index, what+" index")},
		{name: "year", required: true, decode: d.integer(&r.Year, what+" year", 1990, 2200)},
		{name: "score", decode: d.number(&r.Score, what+" score")},
		{name: "max", decode: d.number(&r.Max, what+" max")},
		{name: "percent", decode: d.number(&r.Percent, what+" percent")},
		{name: "rank", decode: d.integer(&r.Rank, what+" rank", 1, 100000)},
		{name: "of", decode: d.integer(&r.Of, what+" of", 1, 100000)},
		{name: "note", decode: d.setText(&r.Note, what+" note")},
		{name: "acknowledge", decode: d.acks(&r.Acks, what)},
	})
}

func (d *decoder) appendix(n *yaml.Node, a *Appendix, what string) {
	d.mapping(n, what, []field{
		{name: "id", required: true, decode: d.setText(&a.ID, what+" id")},
		{name: "label", decode: d.setText(&a.Label, what+" label")},
		{name: "title", decode: d.setText(&a.Title, what+" title")},
		{name: "subtitle", decode: d.setText(&a.Subtitle, what+" subtitle")},
		{name: "layout", decode: d.setText(&a.Layout, what+" layout")},
		{name: "note", decode: d.setText(&a.Note, what+" note")},
		{name: "total", decode: func(n *yaml.Node) {
			a.Total = &Scores{Pos: posOf(n)}
			d.mapping(n, what+" total", []field{
				{name: "max", decode: d.number(&a.Total.Max, what+" total max")},
				{name: "achieved", decode: d.number(&a.Total.Achieved, what+" total achieved")},
				{name: "target", decode: d.number(&a.Total.Target, what+" total target")},
			})
		}},
		{name: "columns", decode: func(n *yaml.Node) {
			d.sequence(n, what+" columns", func(i int, n *yaml.Node) {
				c := &Column{Pos: posOf(n)}
				cw := fmt.Sprintf("%s column %d", what, i+1)
				d.mapping(n, cw, []field{
					{name: "key", required: true, decode: d.setText(&c.Key, cw+" key")},
					{name: "label", decode: d.setText(&c.Label, cw+" label")},
					{name: "hide", decode: d.boolean(&c.Hide, cw+" hide")},
				})
				a.Columns = append(a.Columns, c)
			})
		}},
		{name: "acknowledge", decode: d.acks(&a.Acks, what)},
		{name: "items", required: true, decode: func(n *yaml.Node) {
			a.Items = d.items(n, nil, what)
		}},
	})
	if a.ID.Set() {
		what = fmt.Sprintf("appendix %q", a.ID.Value)
	}
	d.checkID(a.ID, "appendix id")
	if a.Layout.Set() && !layout.Known(a.Layout.Value) {
		d.report(a.Layout.Pos, RuleInvalidValue, "%s layout %q is not one of %s", what, a.Layout.Value, strings.Join(layout.Names(), ", "))
	}
}

func (d *decoder) items(n *yaml.Node, parent *Item, what string) []*Item {
	var items []*Item
	depth := 0
	if parent != nil {
		depth = parent.Depth + 1
	}
	d.sequence(n, what+" items", func(i int, n *yaml.Node) {
		if depth >= d.lim.MaxItemDepth {
			d.report(posOf(n), RuleLimit, "items nested deeper than %d levels", d.lim.MaxItemDepth)
			d.stopped = true
			return
		}
		it := &Item{Pos: posOf(n), Parent: parent, Depth: depth}
		d.item(n, it, fmt.Sprintf("item %d of %s", i+1, what))
		items = append(items, it)
	})
	return items
}

func (d *decoder) item(n *yaml.Node, it *Item, what string) {
	if n = d.node(n); n == nil {
		return
	}
	// Read the code first so that every message names the item by it.
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "code" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				what = fmt.Sprintf("item %q", norm.NFC.String(strings.TrimSpace(v.Value)))
			}
		}
	}
	d.fields(n, what, []field{
		{name: "code", decode: d.setText(&it.Code, what+" code")},
		{name: "name", required: true, decode: d.setText(&it.Name, what+" name")},
		{name: "criterion", decode: d.setText(&it.Criterion, what+" criterion")},
		{name: "max", decode: d.number(&it.Scores.Max, what+" max")},
		{name: "achieved", decode: d.number(&it.Scores.Achieved, what+" achieved")},
		{name: "target", decode: d.number(&it.Scores.Target, what+" target")},
		{name: "unit", decode: d.setText(&it.Unit, what+" unit")},
		{name: "target_text", decode: d.setText(&it.TargetText, what+" target_text")},
		{name: "tasks", decode: d.textList(&it.Tasks, what+" tasks")},
		{name: "products", decode: d.textList(&it.Products, what+" products")},
		{name: "lead", decode: d.textList(&it.Lead, what+" lead")},
		{name: "support", decode: d.textList(&it.Support, what+" support")},
		{name: "deadline", decode: d.setText(&it.Deadline, what+" deadline")},
		{name: "note", decode: d.setText(&it.Note, what+" note")},
		{name: "survey", decode: d.boolean(&it.Survey, what+" survey")},
		{name: "group", decode: d.setText(&it.Group, what+" group")},
		{name: "acknowledge", decode: d.acks(&it.Acks, what)},
		{name: "items", decode: func(n *yaml.Node) { it.Items = d.items(n, it, what) }},
	})
	it.Scores.Pos = it.Pos
	if it.Unit.Set() && it.Unit.Value != UnitPercent && it.Unit.Value != "points" {
		d.report(it.Unit.Pos, RuleInvalidValue, "%s unit %q must be %q or %q", what, it.Unit.Value, UnitPercent, "points")
	}
}

func (d *decoder) acks(dst *[]*Ack, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		d.sequence(n, what+" acknowledge", func(i int, n *yaml.Node) {
			a := &Ack{Pos: posOf(n)}
			aw := fmt.Sprintf("acknowledgement %d of %s", i+1, what)
			d.mapping(n, aw, []field{
				{name: "rule", required: true, decode: d.setText(&a.Rule, aw+" rule")},
				{name: "key", decode: d.setText(&a.Key, aw+" key")},
				{name: "value", decode: d.number(&a.Value, aw+" value")},
				{name: "reason", required: true, decode: d.setText(&a.Reason, aw+" reason")},
			})
			if a.Key.Set() && a.Key.Value != "max" && a.Key.Value != "achieved" && a.Key.Value != "target" {
				d.report(a.Key.Pos, RuleInvalidValue, "%s key %q must be max, achieved or target", aw, a.Key.Value)
			}
			if a.Reason.Set() && a.Reason.Value == "" {
				d.report(a.Reason.Pos, RuleMissingKey, "%s: reason is empty", aw)
			}
			*dst = append(*dst, a)
		})
	}
}
