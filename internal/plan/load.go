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
	"github.com/parplan/parplan/internal/msg"
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
	// MaxItems is the most items a plan may hold, counted over all
	// appendices and levels; it bounds the memory and time of a flat
	// file that is within MaxBytes.
	MaxItems int
}

// DefaultLimits are generous for any real plan (the largest source plan
// is about 150 KB with 4 levels of items).
var DefaultLimits = Limits{
	MaxBytes:     10 << 20,
	MaxDepth:     64,
	MaxItemDepth: 12,
	MaxNodes:     1_000_000,
	MaxItems:     100_000,
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
				Rule: RuleYAMLSyntax, Msg: msg.New("load.parser-panic", "Err", fmt.Sprint(r))})
		}
	}()
	p = d.load(data)
	if d.redo {
		// The fast parser did not give again an entry it gave before:
		// read the file with yaml.v3, as if it had never been tried.
		d = &decoder{file: file, lim: lim, noFast: true}
		p = d.load(data)
	}
	if p == nil {
		return nil, d.diags
	}
	for _, a := range p.Appendices {
		a.Compute()
	}
	return p, d.diags
}

// load decodes data into a plan, or returns nil after reporting why
// there is none.
func (d *decoder) load(data []byte) *Plan {
	root := d.parse(data)
	if root == nil {
		return nil
	}
	p := &Plan{File: d.file}
	d.plan(root, p)
	return p
}

// deferAbove is the size of file from which the loader reads the
// entries of a list one at a time (fastParseDeferred): below it, the
// tree is small and parsing each entry twice is the larger cost.
var deferAbove = 512 << 10

type decoder struct {
	file string
	lim  Limits
	// fp is the fast parser of the file, which parses the entries it let
	// go (fastParseDeferred) as the decoder comes to them; nil when the
	// file was read by yaml.v3. redo is set if one fails to parse again,
	// and noFast on the second reading that follows.
	fp           *fastParser
	redo, noFast bool
	diags        []diag.Diagnostic
	nodes        int
	itemCount    int // items read so far, against Limits.MaxItems
	// stopped is set once a limit is hit: nothing more is read.
	stopped bool

	// curItem is the item being decoded and curWhat how messages name
	// it: the item table's decoders fill it in (see itemTable).
	// drop lets each list entry's nodes go once decoded; only in a file
	// without anchors, whose nodes are read once.
	drop bool

	curItem  *Item
	curWhat  msg.Message
	itemKeys []field
}

// itemTable returns the keys of an item, built once per file: a table of
// closures and messages for every item cost more than the item itself.
// The decoders work on d.curItem; a message's subject is made only for
// a key the item has.
func (d *decoder) itemTable() []field {
	if d.itemKeys != nil {
		return d.itemKeys
	}
	text := func(name string, dst func(*Item) *Text) field {
		return field{name: name, decode: func(n *yaml.Node) {
			if t, ok := d.text(n, key(d.curWhat, name)); ok {
				*dst(d.curItem) = t
			}
		}}
	}
	number := func(name string, dst func(*Item) *Number) field {
		return field{name: name, decode: func(n *yaml.Node) { d.number(dst(d.curItem), key(d.curWhat, name))(n) }}
	}
	list := func(name string, dst func(*Item) *[]Text) field {
		return field{name: name, decode: func(n *yaml.Node) { d.textList(dst(d.curItem), key(d.curWhat, name))(n) }}
	}
	name := text("name", func(it *Item) *Text { return &it.Name })
	name.required = true
	d.itemKeys = []field{
		text("code", func(it *Item) *Text { return &it.Code }),
		name,
		text("criterion", func(it *Item) *Text { return &it.Criterion }),
		number("max", func(it *Item) *Number { return &it.Scores.Max }),
		number("achieved", func(it *Item) *Number { return &it.Scores.Achieved }),
		number("target", func(it *Item) *Number { return &it.Scores.Target }),
		text("unit", func(it *Item) *Text { return &it.Unit }),
		text("target_text", func(it *Item) *Text { return &it.TargetText }),
		list("tasks", func(it *Item) *[]Text { return &it.Tasks }),
		list("products", func(it *Item) *[]Text { return &it.Products }),
		list("lead", func(it *Item) *[]Text { return &it.Lead }),
		list("support", func(it *Item) *[]Text { return &it.Support }),
		{name: "list_style", decode: func(n *yaml.Node) { d.listStyle(&d.curItem.ListStyle, d.curWhat)(n) }},
		text("deadline", func(it *Item) *Text { return &it.Deadline }),
		text("note", func(it *Item) *Text { return &it.Note }),
		{name: "survey", decode: func(n *yaml.Node) { d.boolean(&d.curItem.Survey, key(d.curWhat, "survey"))(n) }},
		text("group", func(it *Item) *Text { return &it.Group }),
		{name: "acknowledge", decode: func(n *yaml.Node) { d.acks(&d.curItem.Acks, d.curWhat)(n) }},
		{name: "items", decode: func(n *yaml.Node) {
			// The children's decoding moves curItem; the parent's keys
			// after "items" need it back.
			it, what := d.curItem, d.curWhat
			it.Items = d.items(n, it, what)
			d.curItem, d.curWhat = it, what
		}},
	}
	return d.itemKeys
}

func (d *decoder) report(pos Pos, rule string, m msg.Message) {
	if pos.Line == 0 {
		pos = Pos{1, 1}
	}
	d.diags = append(d.diags, diag.Diagnostic{File: d.file, Line: pos.Line, Col: pos.Col,
		Severity: diag.Error, Rule: rule, Msg: m})
}

// m is msg.New, short for the many messages of the loader.
func m(id string, kv ...any) msg.Message { return msg.New(id, kv...) }

// key names a key of what: "item "1.1" achieved".
func key(what msg.Message, name string) msg.Message {
	return msg.New("subj.key", "Of", what, "Key", name)
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
	if pos, over := precountItems(data, d.lim.MaxItems); over && usePrecount {
		d.report(pos, RuleLimit, m("load.too-many-items", "Max", d.lim.MaxItems))
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.report(Pos{1, 1}, RuleEncoding, m("load.empty"))
		return nil
	}
	var doc *yaml.Node
	ok := false
	switch {
	case !useFastYAML || d.noFast:
	case len(data) >= deferAbove:
		doc, d.fp, ok = fastParseDeferred(data, d.lim.MaxDepth)
	default:
		doc, ok = fastParse(data)
	}
	if !ok {
		if doc = d.decodeYAML(data); doc == nil {
			return nil
		}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		d.report(Pos{1, 1}, RuleEncoding, m("load.no-content"))
		return nil
	}
	n, deep, anchors := tooDeep(doc.Content[0], d.lim.MaxDepth)
	if deep {
		d.report(posOf(n), RuleLimit, m("load.nesting", "Max", d.lim.MaxDepth))
		return nil
	}
	d.drop = !anchors
	return doc.Content[0]
}

// decodeYAML reads the one document of data with yaml.v3, for what
// fastParse is not sure of, and returns its node, or nil after reporting
// why there is none.
func (d *decoder) decodeYAML(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.report(Pos{1, 1}, RuleEncoding, m("load.no-content"))
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
		d.report(pos, RuleYAMLSyntax, m("load.second-document"))
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err, data)
		return nil
	}
	return &doc
}

func (d *decoder) yamlError(err error, data []byte) {
	line, msg := yamlErrorLine(err, data)
	if strings.Contains(msg, "max depth") {
		d.report(Pos{1, 1}, RuleLimit, m("load.parser-depth"))
		return
	}
	// yaml.v3 often names the start of the block it was reading, not the
	// line the user got wrong: find that line.
	p := locateSyntax(data, line, msg)
	d.report(Pos{p.Line, p.Col}, RuleYAMLSyntax, syntaxMessage(p))
}

// yamlErrorLine splits a yaml.v3 error into its 1-based line in data (0
// when it names none) and its message without the "yaml: line N: " prefix.
func yamlErrorLine(err error, data []byte) (line int, msg string) {
	msg = err.Error()
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
	if last := lineCount(data); line > last {
		line = last // errors at the end of the stream
	}
	return line, msg
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
		d.report(Pos{1, 1}, RuleEncoding, m("load.empty"))
		return false
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		d.report(Pos{1, 1}, RuleEncoding, m("load.utf16"))
		return false
	}
	line, col := 1, 1
	var stray Pos
	var strayRune rune
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			d.report(Pos{line, col}, RuleEncoding, m("load.invalid-utf8", "Byte", fmt.Sprintf("0x%02x", data[i])))
			return false
		case r == 0:
			what := nulFinding(data)
			d.report(Pos{line, col}, RuleEncoding, what)
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			d.report(Pos{line, col}, RuleEncoding, m("load.control-binary", "Code", fmt.Sprintf("U+%04X", r)))
			return false
		case (r == 0x7f || (r >= 0x80 && r <= 0x9f && r != 0x85) || unusualBreak(r)) && stray.Line == 0:
			// YAML refuses DEL and C1 controls without saying where;
			// reported once the file is known not to be binary. It
			// reads NEL and the Unicode separators as line breaks
			// where editors see none, so every line number after one
			// would be wrong.
			stray, strayRune = Pos{line, col}, r
		}
		switch {
		case r == '\n', r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col = line+1, 1
		case r != '\r':
			col++
		}
		i += size
	}
	if stray.Line > 0 {
		id := "load.control-raw"
		if unusualBreak(strayRune) {
			id = "load.unusual-break"
		}
		d.report(stray, RuleControlCharacter, m(id, "Code", fmt.Sprintf("U+%04X", strayRune)))
		return false
	}
	return true
}

// TooLarge is the finding for a file of size bytes, over the limit: for
// callers that refuse a file before reading it all.
func TooLarge(file string, size, limit int64) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: 1, Col: 1, Severity: diag.Error, Rule: RuleLimit,
		Msg: m("load.too-large", "Size", SizeText(size), "Limit", SizeText(limit))}
}

// SizeText is a file size for a person: "10.0 MiB", "512 bytes".
func SizeText(n int64) msg.Message {
	tenths := func(unit int64) decimal.Dec {
		v, _ := decimal.Quo(decimal.FromInt(n), decimal.FromInt(unit), 1)
		return v
	}
	switch {
	case n >= 1<<20:
		return m("size.mib", "N", tenths(1<<20))
	case n >= 1<<10:
		return m("size.kib", "N", tenths(1<<10))
	}
	return m("size.bytes", "Count", int(n))
}

// tooDeep reports the first node nested deeper than max, not following
// aliases (their targets are checked where they are defined), and whether
// the tree has anchors.
func tooDeep(root *yaml.Node, max int) (deep *yaml.Node, tooDeep, anchors bool) {
	type frame struct {
		n     *yaml.Node
		depth int
	}
	stack := []frame{{root, 1}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.depth > max {
			return f.n, true, anchors
		}
		anchors = anchors || f.n.Anchor != ""
		for _, c := range f.n.Content {
			stack = append(stack, frame{c, f.depth + 1})
		}
	}
	return nil, false, anchors
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
			d.report(posOf(alias), RuleLimit, m("load.alias-bomb", "Alias", alias.Value, "Max", d.lim.MaxNodes))
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
func (d *decoder) mapping(n *yaml.Node, what msg.Message, fields []field) bool {
	if n = d.node(n); n == nil {
		return false
	}
	return d.fields(n, what, fields)
}

// fields decodes n, whose aliases are already resolved, as a mapping.
func (d *decoder) fields(n *yaml.Node, what msg.Message, fields []field) bool {
	if n.Kind != yaml.MappingNode {
		d.report(posOf(n), RuleWrongType, m("load.not-mapping", "What", what, "Kind", kindText(n)))
		return false
	}
	// The keys seen so far: a short list, searched in order (a mapping
	// of a plan has a few keys; a map for each item cost more than the
	// item), and a map only for a mapping with many keys.
	var seenList [16]*yaml.Node
	seen := seenKeys{list: seenList[:0]}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.report(posOf(k), RuleWrongType, m("load.key-not-text", "What", what, "Kind", kindText(k)))
			continue
		}
		name := k.Value
		if name == "<<" {
			d.report(posOf(k), RuleUnknownKey, m("load.merge-key"))
			continue
		}
		if first := seen.get(name); first != nil {
			d.report(posOf(k), RuleDuplicateKey, m("load.duplicate-key", "Key", name, "What", what, "Line", first.Line))
			continue
		}
		seen.add(k)
		f := findField(fields, name)
		if f == nil {
			d.report(posOf(k), RuleUnknownKey, m("load.unknown-key", "Key", name, "What", what, "Hint", suggest(name, fields)))
			continue
		}
		if isNull(v) {
			if f.required {
				d.report(posOf(k), RuleMissingKey, m("load.key-empty", "What", what, "Key", name))
			}
			continue
		}
		f.decode(v)
	}
	for _, f := range fields {
		if f.required && seen.get(f.name) == nil {
			d.report(posOf(n), RuleMissingKey, m("load.key-missing", "What", what, "Key", f.name))
		}
	}
	return true
}

// seenKeys is the set of keys a mapping has shown, by name.
type seenKeys struct {
	list []*yaml.Node
	many map[string]*yaml.Node
}

func (s *seenKeys) get(name string) *yaml.Node {
	if s.many != nil {
		return s.many[name]
	}
	for _, k := range s.list {
		if k.Value == name {
			return k
		}
	}
	return nil
}

func (s *seenKeys) add(k *yaml.Node) {
	if s.many == nil && len(s.list) < cap(s.list) {
		s.list = append(s.list, k)
		return
	}
	if s.many == nil {
		s.many = make(map[string]*yaml.Node, 2*len(s.list))
		for _, k := range s.list {
			s.many[k.Value] = k
		}
	}
	s.many[k.Value] = k
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

func kindText(n *yaml.Node) msg.Message {
	switch n.Kind {
	case yaml.MappingNode:
		return m("kind.mapping")
	case yaml.SequenceNode:
		return m("kind.list")
	case yaml.AliasNode:
		return m("kind.alias")
	}
	switch n.Tag {
	case "!!int", "!!float":
		return m("kind.number", "Value", clip(n.Value, 40))
	case "!!bool":
		return m("kind.bool", "Value", n.Value)
	case "!!null":
		return m("kind.empty")
	}
	return m("kind.text", "Value", clip(n.Value, 40))
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
func (d *decoder) text(n *yaml.Node, what msg.Message) (Text, bool) {
	if n = d.node(n); n == nil {
		return Text{}, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!bool" || n.Tag == "!!null" || n.Tag == "!!binary" {
		d.report(posOf(n), RuleWrongType, m("load.not-text", "What", what, "Kind", kindText(n)))
		return Text{}, false
	}
	if r, ok := controlChar(n.Value); ok {
		d.report(posOf(n), RuleControlCharacter, m("load.control-escape", "What", what, "Code", fmt.Sprintf("U+%04X", r)))
		return Text{}, false
	}
	return Text{Value: norm.NFC.String(strings.TrimSpace(n.Value)), Pos: posOf(n)}, true
}

// controlChar finds a control character in a text: one that a terminal
// or a spreadsheet would act on (ESC, BEL, NUL, DEL, C1). Line breaks and
// tabs are text.
func controlChar(s string) (rune, bool) {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return r, true
		}
	}
	return 0, false
}

func (d *decoder) setText(dst *Text, what msg.Message) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if t, ok := d.text(n, what); ok {
			*dst = t
		}
	}
}

// textList decodes a list of texts; a single text is a one-entry list.
func (d *decoder) textList(dst *[]Text, what msg.Message) func(*yaml.Node) {
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
			d.report(posOf(n), RuleWrongType, m("load.not-text-list", "What", what, "Kind", kindText(n)))
			return
		}
		for _, c := range n.Content {
			t, ok := d.text(c, m("subj.entry", "Of", what))
			if !ok {
				continue
			}
			if t.Value == "" {
				d.report(t.Pos, RuleInvalidValue, m("load.empty-entry", "What", what))
				continue
			}
			*dst = append(*dst, t)
		}
	}
}

// number decodes a scalar as an exact decimal, from the digits written.
func (d *decoder) number(dst *Number, what msg.Message) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.report(posOf(n), RuleWrongType, m("load.not-number", "What", what, "Kind", kindText(n)))
			return
		}
		text := strings.TrimSpace(n.Value)
		v, err := decimal.Parse(text)
		switch {
		case errors.Is(err, decimal.ErrDecimalComma) && isLong(text):
			d.report(posOf(n), RuleWrongType, m("load.too-many-digits", "What", what, "Value", clip(text, maxEcho), "Len", utf8.RuneCountInString(text), "Max", decimal.MaxDigits))
			return
		case errors.Is(err, decimal.ErrDecimalComma):
			d.report(posOf(n), RuleDecimalComma, m("load.decimal-comma", "What", what, "Value", n.Value, "Fix", strings.Replace(n.Value, ",", ".", 1)))
			return
		case errors.Is(err, decimal.ErrTooLong) && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) == 0:
			// Digits too many for yaml.v3's integers and floats are text
			// to it, though written as a number.
			d.report(posOf(n), RuleWrongType, m("load.too-many-digits", "What", what, "Value", clip(text, maxEcho), "Len", utf8.RuneCountInString(text), "Max", decimal.MaxDigits))
			return
		case n.Tag != "!!int" && n.Tag != "!!float":
			if err == nil {
				d.report(posOf(n), RuleWrongType, m("load.quoted-number", "What", what, "Value", n.Value))
			} else {
				d.report(posOf(n), RuleWrongType, m("load.not-number", "What", what, "Kind", kindText(n)))
			}
			return
		case err != nil:
			if fix, ok := numberFix(text); ok && isLong(text) {
				d.report(posOf(n), RuleWrongType, m("load.too-many-digits", "What", what, "Value", clip(text, maxEcho), "Len", utf8.RuneCountInString(text), "Max", decimal.MaxDigits))
			} else if ok {
				d.report(posOf(n), RuleWrongType, m("load.number-fix", "What", what, "Value", text, "Fix", fix))
			} else {
				d.report(posOf(n), RuleWrongType, m("load.not-plain-number", "What", what, "Value", clip(text, 40)))
			}
			return
		}
		if fix, ok := leadingZeroFix(text); ok {
			d.report(posOf(n), RuleWrongType, m("load.leading-zero", "What", what, "Value", text, "Fix", fix))
			return
		}
		*dst = Number{Value: v, Pos: posOf(n), Given: true}
	}
}

// integer decodes a plain decimal integer.
func (d *decoder) integer(dst *Int, what msg.Message, min, max int) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		if fix, ok := leadingZeroFix(n.Value); ok && n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
			d.report(posOf(n), RuleWrongType, m("load.leading-zero", "What", what, "Value", n.Value, "Fix", fix))
			return
		}
		v, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			d.report(posOf(n), RuleWrongType, m("load.not-integer", "What", what, "Kind", kindText(n)))
			return
		}
		if v < min || v > max {
			d.report(posOf(n), RuleInvalidValue, m("load.out-of-range", "What", what, "Value", v, "Min", min, "Max", max))
			return
		}
		*dst = Int{Value: v, Pos: posOf(n), Given: true}
	}
}

func (d *decoder) boolean(dst *Bool, what msg.Message) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = d.node(n); n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.report(posOf(n), RuleWrongType, m("load.not-bool", "What", what, "Kind", kindText(n)))
			return
		}
		*dst = Bool{Value: n.Value == "true", Pos: posOf(n), Given: true}
	}
}

// sequence decodes each entry of a list with fn.
func (d *decoder) sequence(n *yaml.Node, what msg.Message, fn func(i int, n *yaml.Node)) {
	if n = d.node(n); n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.report(posOf(n), RuleWrongType, m("load.not-list", "What", what, "Kind", kindText(n)))
		return
	}
	deferred := d.fp.deferredEntries(n)
	for i, c := range n.Content {
		if d.stopped {
			return
		}
		if deferred != nil {
			var ok bool
			if c, ok = d.fp.reparse(deferred, i, c); !ok {
				d.redo, d.stopped = true, true
				return
			}
		}
		fn(i, c)
		if d.drop {
			// The entry is in the model now: let its nodes go, so that
			// the tree and the model are not both whole at once.
			n.Content[i] = nil
		}
	}
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (d *decoder) checkID(t Text, what msg.Message) {
	if t.Set() && !idPattern.MatchString(t.Value) {
		d.report(t.Pos, RuleInvalidValue, m("load.bad-id", "What", what, "Value", t.Value))
	}
}

func (d *decoder) plan(root *yaml.Node, p *Plan) {
	d.mapping(root, m("subj.file"), []field{
		{name: "plan", required: true, decode: func(n *yaml.Node) { d.meta(n, &p.Meta) }},
		{name: "appendices", required: true, decode: func(n *yaml.Node) {
			d.sequence(n, m("subj.bare", "Key", "appendices"), func(i int, n *yaml.Node) {
				a := &Appendix{Pos: posOf(n)}
				d.appendix(n, a, m("subj.appendix-n", "N", i+1))
				p.Appendices = append(p.Appendices, a)
			})
		}},
	})
	p.Meta.Pos = Pos{root.Line, root.Column}
	if len(root.Content) > 0 {
		p.Meta.Pos = posOf(root.Content[0])
	}
}

func (d *decoder) meta(n *yaml.Node, md *Meta) {
	what := m("subj.bare", "Key", "plan")
	d.mapping(n, what, []field{
		{name: "id", required: true, decode: d.setText(&md.ID, key(what, "id"))},
		{name: "title", required: true, decode: d.setText(&md.Title, key(what, "title"))},
		{name: "document", decode: d.setText(&md.Document, key(what, "document"))},
		{name: "issuer", decode: d.setText(&md.Issuer, key(what, "issuer"))},
		{name: "number", decode: d.setText(&md.Number, key(what, "number"))},
		{name: "date", decode: d.setText(&md.Date, key(what, "date"))},
		{name: "year", required: true, decode: d.integer(&md.Year, key(what, "year"), 1990, 2200)},
		{name: "baseline_year", decode: d.integer(&md.BaselineYear, key(what, "baseline_year"), 1990, 2200)},
		{name: "criteria_set", decode: d.setText(&md.CriteriaSet, key(what, "criteria_set"))},
		{name: "source", decode: d.setText(&md.Source, key(what, "source"))},
		{name: "signer", decode: d.setText(&md.Signer, key(what, "signer"))},
		{name: "results", decode: func(n *yaml.Node) {
			d.sequence(n, key(what, "results"), func(i int, n *yaml.Node) {
				r := &Result{Pos: posOf(n)}
				d.result(n, r, m("subj.result-n", "N", i+1))
				md.Results = append(md.Results, r)
			})
		}},
		{name: "agencies", decode: func(n *yaml.Node) {
			d.sequence(n, key(what, "agencies"), func(i int, n *yaml.Node) {
				a := &Agency{Pos: posOf(n)}
				aw := m("subj.agency-n", "N", i+1)
				d.mapping(n, aw, []field{
					{name: "name", required: true, decode: d.setText(&a.Name, key(aw, "name"))},
					{name: "aliases", decode: d.textList(&a.Aliases, key(aw, "aliases"))},
				})
				md.Agencies = append(md.Agencies, a)
			})
		}},
		{name: "acknowledge", decode: d.acks(&md.Acks, what)},
	})
	d.checkID(md.ID, key(what, "id"))
	if md.Date.Set() {
		if _, err := time.Parse("2006-01-02", md.Date.Value); err != nil || !datePattern.MatchString(md.Date.Value) {
			d.report(md.Date.Pos, RuleInvalidValue, msg.New("load.bad-date", "Value", md.Date.Value))
		}
	}
	if md.CriteriaSet.Set() && !idPattern.MatchString(md.CriteriaSet.Value) {
		d.report(md.CriteriaSet.Pos, RuleInvalidValue, msg.New("load.bad-set-id", "Value", md.CriteriaSet.Value))
	}
}

func (d *decoder) result(n *yaml.Node, r *Result, what msg.Message) {
	d.mapping(n, what, []field{
		{name: "index", required: true, decode: d.setText(&r.Index, key(what, "index"))},
		{name: "year", required: true, decode: d.integer(&r.Year, key(what, "year"), 1990, 2200)},
		{name: "score", decode: d.number(&r.Score, key(what, "score"))},
		{name: "max", decode: d.number(&r.Max, key(what, "max"))},
		{name: "percent", decode: d.number(&r.Percent, key(what, "percent"))},
		{name: "rank", decode: d.integer(&r.Rank, key(what, "rank"), 1, 100000)},
		{name: "of", decode: d.integer(&r.Of, key(what, "of"), 1, 100000)},
		{name: "note", decode: d.setText(&r.Note, key(what, "note"))},
		{name: "acknowledge", decode: d.acks(&r.Acks, what)},
	})
}

func (d *decoder) appendix(n *yaml.Node, a *Appendix, what msg.Message) {
	idWhat := key(what, "id")
	// Name the appendix by its id in every message about what it holds.
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				what = m("subj.appendix", "ID", norm.NFC.String(strings.TrimSpace(v.Value)))
			}
		}
	}
	d.mapping(n, what, []field{
		{name: "id", required: true, decode: d.setText(&a.ID, idWhat)},
		{name: "label", decode: d.setText(&a.Label, key(what, "label"))},
		{name: "title", decode: d.setText(&a.Title, key(what, "title"))},
		{name: "subtitle", decode: d.setText(&a.Subtitle, key(what, "subtitle"))},
		{name: "layout", decode: d.setText(&a.Layout, key(what, "layout"))},
		{name: "note", decode: d.setText(&a.Note, key(what, "note"))},
		{name: "total", decode: func(n *yaml.Node) {
			a.Total = &Scores{Pos: posOf(n)}
			d.mapping(n, key(what, "total"), []field{
				{name: "max", decode: d.number(&a.Total.Max, key(key(what, "total"), "max"))},
				{name: "achieved", decode: d.number(&a.Total.Achieved, key(key(what, "total"), "achieved"))},
				{name: "target", decode: d.number(&a.Total.Target, key(key(what, "total"), "target"))},
			})
		}},
		{name: "columns", decode: func(n *yaml.Node) {
			d.sequence(n, key(what, "columns"), func(i int, n *yaml.Node) {
				c := &Column{Pos: posOf(n)}
				cw := m("subj.column-n", "N", i+1, "Of", what)
				d.mapping(n, cw, []field{
					{name: "key", required: true, decode: d.setText(&c.Key, key(cw, "key"))},
					{name: "label", decode: d.setText(&c.Label, key(cw, "label"))},
					{name: "hide", decode: d.boolean(&c.Hide, key(cw, "hide"))},
				})
				a.Columns = append(a.Columns, c)
			})
		}},
		{name: "list_style", decode: d.listStyle(&a.ListStyle, what)},
		{name: "acknowledge", decode: d.acks(&a.Acks, what)},
		{name: "items", required: true, decode: func(n *yaml.Node) {
			a.Items = d.items(n, nil, what)
		}},
	})
	d.checkID(a.ID, key(what, "id"))
	if a.ID.Set() {
		what = m("subj.appendix", "ID", a.ID.Value)
	}
	if a.Layout.Set() && !layout.Known(a.Layout.Value) {
		d.report(a.Layout.Pos, RuleInvalidValue, m("load.bad-layout", "What", what, "Value", a.Layout.Value, "Layouts", layout.Names()))
	}
}

func (d *decoder) items(n *yaml.Node, parent *Item, what msg.Message) []*Item {
	var items []*Item
	depth := 0
	if parent != nil {
		depth = parent.Depth + 1
	}
	d.sequence(n, key(what, "items"), func(i int, n *yaml.Node) {
		if depth >= d.lim.MaxItemDepth {
			d.report(posOf(n), RuleLimit, m("load.item-depth", "Max", d.lim.MaxItemDepth))
			d.stopped = true
			return
		}
		if d.itemCount++; d.lim.MaxItems > 0 && d.itemCount > d.lim.MaxItems {
			d.report(posOf(n), RuleLimit, m("load.too-many-items", "Max", d.lim.MaxItems))
			d.stopped = true
			return
		}
		it := &Item{Pos: posOf(n), Parent: parent, Depth: depth}
		d.item(n, it, m("subj.item-n", "N", i+1, "Of", what))
		items = append(items, it)
	})
	return items
}

func (d *decoder) item(n *yaml.Node, it *Item, what msg.Message) {
	if n = d.node(n); n == nil {
		return
	}
	// Read the code first so that every message names the item by it.
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "code" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				what = m("subj.item", "Code", norm.NFC.String(strings.TrimSpace(v.Value)))
			}
		}
	}
	d.curItem, d.curWhat = it, what
	d.fields(n, what, d.itemTable())
	d.curItem, d.curWhat = it, what
	it.Scores.Pos = it.Pos
	if it.Unit.Set() && it.Unit.Value != UnitPercent && it.Unit.Value != "points" {
		d.report(it.Unit.Pos, RuleInvalidValue, m("load.bad-unit", "What", what, "Value", it.Unit.Value))
	}
}

func (d *decoder) acks(dst *[]*Ack, what msg.Message) func(*yaml.Node) {
	return func(n *yaml.Node) {
		d.sequence(n, key(what, "acknowledge"), func(i int, n *yaml.Node) {
			a := &Ack{Pos: posOf(n)}
			aw := m("subj.ack-n", "N", i+1, "Of", what)
			d.mapping(n, aw, []field{
				{name: "rule", required: true, decode: d.setText(&a.Rule, key(aw, "rule"))},
				{name: "key", decode: d.setText(&a.Key, key(aw, "key"))},
				{name: "value", decode: d.number(&a.Value, key(aw, "value"))},
				{name: "reason", required: true, decode: d.setText(&a.Reason, key(aw, "reason"))},
			})
			if a.Key.Set() && a.Key.Value != "max" && a.Key.Value != "achieved" && a.Key.Value != "target" {
				d.report(a.Key.Pos, RuleInvalidValue, m("load.bad-ack-key", "What", aw, "Value", a.Key.Value))
			}
			if a.Reason.Set() && a.Reason.Value == "" {
				d.report(a.Reason.Pos, RuleMissingKey, m("load.ack-no-reason", "What", aw))
			}
			*dst = append(*dst, a)
		})
	}
}

// numberFix is the plain decimal a person meant by a number YAML reads but
// a plan refuses: ".5" is 0.5, "5." is 5.
func numberFix(s string) (string, bool) {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
		if sign == "+" {
			sign = ""
		}
	}
	switch {
	case len(s) > 1 && s[0] == '.' && allDigits(s[1:]):
		return sign + "0" + s, true
	case len(s) > 1 && s[len(s)-1] == '.' && allDigits(s[:len(s)-1]):
		return sign + s[:len(s)-1], true
	}
	return "", false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
