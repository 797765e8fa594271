package msg

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// readCatalogue reads a catalogue file written in the form the files of
// catalog/ use, without yaml.v3: top-level "id: text" entries, the text
// plain, single-quoted, double-quoted with few escapes, or a literal
// block (| or |-), and plural entries whose forms ("one:", "other:"…)
// are indented under the id. Parsing the catalogue through yaml.v3 was
// most of the start-up of every command (8 ms of --help's CPU).
//
// ok is false on anything outside that form: load then reads the file
// through go-i18n and yaml.v3, so a catalogue that uses more of YAML is
// still read right. The catalogues are embedded, so a test compares the
// two readers on every one of them (TestReadCatalogue) and checks that
// none falls back.
func readCatalogue(data []byte) (msgs []*i18n.Message, ok bool) {
	if !plainText(data) {
		return nil, false
	}
	r := catReader{rest: string(data)}
	seen := map[string]bool{}
	for {
		line, ok := r.next()
		if !ok {
			// go-i18n refuses a file of comments only
			return msgs, len(msgs) > 0 || len(data) == 0
		}
		if blankOrComment(line) {
			continue
		}
		if line[0] == ' ' {
			return nil, false // an indented line where an entry belongs
		}
		id, value, ok := cutKey(line)
		if !ok || seen[id] || reserved(id) {
			return nil, false // a duplicate is yaml.v3's to report
		}
		seen[id] = true
		m := &i18n.Message{ID: id}
		switch {
		case value == "":
			forms, ok := r.forms()
			if !ok {
				return nil, false
			}
			if m, ok = pluralMessage(id, forms); !ok {
				return nil, false
			}
		case value[0] == '|':
			text, ok := r.literal(0, value)
			if !ok {
				return nil, false
			}
			m.Other = text
		default:
			text, ok := scalar(value)
			if !ok || r.continues(0) {
				return nil, false
			}
			m.Other = text
		}
		msgs = append(msgs, m)
	}
}

// catReader hands out a file's lines.
type catReader struct {
	rest string
	nl   bool // the line next returned last ended with "\n"
}

// next returns the next line, without its "\n".
func (r *catReader) next() (string, bool) {
	if len(r.rest) == 0 {
		return "", false
	}
	line := r.rest
	if i := strings.IndexByte(r.rest, '\n'); i >= 0 {
		line, r.rest, r.nl = r.rest[:i], r.rest[i+1:], true
	} else {
		r.rest, r.nl = "", false
	}
	return line, true
}

// peek returns the next line without taking it.
func (r *catReader) peek() (string, bool) {
	saved, nl := r.rest, r.nl
	line, ok := r.next()
	r.rest, r.nl = saved, nl
	return line, ok
}

// continues reports whether the next line that is not blank or a
// comment is indented deeper than indent: a continued plain text, or
// anything else this reader leaves to yaml.v3.
func (r *catReader) continues(indent int) bool {
	saved, nl := r.rest, r.nl
	defer func() { r.rest, r.nl = saved, nl }()
	for {
		line, ok := r.next()
		if !ok {
			return false
		}
		if !blankOrComment(line) {
			return indentOf(line) > indent
		}
	}
}

// forms reads the indented "form: text" lines of a plural entry.
func (r *catReader) forms() (map[string]string, bool) {
	forms := map[string]string{}
	indent := -1
	for {
		line, ok := r.peek()
		if !ok {
			break
		}
		if blankOrComment(line) {
			if strings.TrimSpace(line) != "" && indentOf(line) == 0 {
				break // a comment before the next entry
			}
			r.next()
			continue
		}
		n := indentOf(line)
		if n == 0 {
			break
		}
		if indent < 0 {
			indent = n
		}
		if n != indent {
			return nil, false
		}
		r.next()
		form, value, ok := cutKey(line[n:])
		if _, dup := forms[form]; !ok || dup || value == "" {
			return nil, false
		}
		var text string
		if value[0] == '|' {
			text, ok = r.literal(n, value)
		} else {
			text, ok = scalar(value)
			ok = ok && !r.continues(n)
		}
		if !ok {
			return nil, false
		}
		forms[form] = text
	}
	return forms, len(forms) > 0
}

// pluralMessage is the message of a plural entry, made as go-i18n makes
// it; only the plural forms are taken.
func pluralMessage(id string, forms map[string]string) (*i18n.Message, bool) {
	data := make(map[string]any, len(forms))
	for k, v := range forms {
		switch k {
		case "zero", "one", "two", "few", "many", "other":
			data[k] = v
		default:
			return nil, false
		}
	}
	m, err := i18n.NewMessage(data)
	if err != nil {
		return nil, false
	}
	m.ID = id
	return m, true
}

// literal reads the lines of a literal block scalar under a key at
// indent, as YAML does for "|" (clip: one final line break) and "|-"
// (strip), and for "|2" and "|2-", whose text is indented 2 (1 to 9)
// more than the key, what is deeper being part of the text.
func (r *catReader) literal(indent int, header string) (string, bool) {
	var lines []string
	n := -1 // the block's indentation, set by its first non-empty line
	h := header[1:]
	if len(h) > 0 && h[0] >= '1' && h[0] <= '9' {
		n, h = indent+int(h[0]-'0'), h[1:]
	}
	if h != "" && h != "-" {
		return "", false
	}
	strip := h == "-"
	nl := false // the last non-empty line ended with "\n"
	for {
		line, ok := r.peek()
		if !ok {
			break
		}
		if strings.TrimLeft(line, " ") == "" {
			if line != "" && (n < 0 || len(line) > n) {
				return "", false // spaces YAML may keep or refuse: left to yaml.v3
			}
			r.next()
			lines = append(lines, "")
			continue
		}
		k := indentOf(line)
		if k <= indent || (n >= 0 && k < n) {
			break
		}
		if n < 0 {
			n = k
		}
		r.next()
		lines = append(lines, line[n:])
		nl = r.nl
	}
	if n < 0 {
		return "", false
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	text := strings.Join(lines, "\n")
	if !strip && nl {
		text += "\n"
	}
	return text, true
}

// cutKey splits "key: value" (value may be empty) at its first ": ",
// the key a plain name of letters, digits, ".", "-" and "_" that starts
// with a letter, and not longer than yaml.v3 takes (1024 characters).
func cutKey(line string) (key, value string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	key = line[:i]
	if len(key) > 1000 || !(key[0] >= 'a' && key[0] <= 'z' || key[0] >= 'A' && key[0] <= 'Z') || yamlWord(key) {
		return "", "", false // a key YAML might read as a number or a boolean
	}
	for _, c := range []byte(key) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return "", "", false
		}
	}
	rest := line[i+1:]
	if rest != "" && rest[0] != ' ' {
		return "", "", false
	}
	value = strings.TrimSpace(rest)
	if strings.HasPrefix(value, "#") {
		value = ""
	}
	return key, value, true
}

// scalar reads a one-line text: single-quoted, double-quoted (with the
// escapes \n, \t, \" and \\ only), or plain, with an optional comment
// after it.
func scalar(v string) (string, bool) {
	switch v[0] {
	case '\'':
		if end := strings.IndexByte(v[1:], '\''); end >= 0 && !strings.HasPrefix(v[end+2:], "'") {
			return v[1 : end+1], afterScalar(v[end+2:]) // no '' in it
		}
		var b strings.Builder
		for i := 1; i < len(v); i++ {
			if v[i] != '\'' {
				b.WriteByte(v[i])
				continue
			}
			if i+1 < len(v) && v[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), afterScalar(v[i+1:])
		}
		return "", false
	case '"':
		if end := strings.IndexAny(v[1:], "\"\\"); end >= 0 && v[end+1] == '"' {
			return v[1 : end+1], afterScalar(v[end+2:]) // no escape in it
		}
		var b strings.Builder
		for i := 1; i < len(v); i++ {
			switch v[i] {
			case '"':
				return b.String(), afterScalar(v[i+1:])
			case '\\':
				if i+1 == len(v) {
					return "", false
				}
				i++
				switch v[i] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				case '"', '\\':
					b.WriteByte(v[i])
				default:
					return "", false // other escapes are yaml.v3's
				}
			default:
				b.WriteByte(v[i])
			}
		}
		return "", false
	}
	return plain(v)
}

// afterScalar reports whether what follows a quoted text is nothing or
// a comment.
func afterScalar(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || (t[0] == '#' && len(t) < len(s))
}

// plain reads a plain text, taking only one that YAML reads as a string
// with no doubt: it starts with a letter or "(", is no boolean or null
// word, and holds no ": " or " #" (a comment is left to yaml.v3).
func plain(v string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(v)
	if !(unicode.IsLetter(r) || r == '(') || strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return "", false
	}
	if yamlWord(v) {
		return "", false
	}
	return v, true
}

// yamlWord reports whether YAML (1.1 or 1.2) may read s as a boolean or
// null.
func yamlWord(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

func blankOrComment(line string) bool {
	t := strings.TrimLeft(line, " ")
	return t == "" || t[0] == '#'
}

func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}

// plainText reports whether data is UTF-8 with no byte order mark, tab,
// CR or other character YAML refuses or reads specially (controls, NEL,
// the Unicode separators, U+FFFE and U+FFFF).
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1, r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

// reserved reports whether go-i18n reads key as a field of a message
// ("other", "description"…) rather than as a message's id: a file with
// such a key at its top level is one message.
func reserved(key string) bool {
	switch strings.ToLower(key) {
	case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other":
		return true
	}
	return false
}
