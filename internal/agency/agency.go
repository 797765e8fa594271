// Package agency recognises one agency written in many ways: "Giám đốc Sở
// Nội vụ", "Sở Nội vụ" and "Sở Nội vụ." are all Sở Nội vụ. The catalogue
// is data (catalogue.yaml); a plan extends it with its own entries.
package agency

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

//go:embed catalogue.yaml
var catalogueYAML []byte

// Entry is one agency of the catalogue: its canonical name and the other
// ways it is written.
type Entry struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

type catalogueFile struct {
	Titles      []string `yaml:"titles"`
	Roles       []string `yaml:"roles"`
	Departments []string `yaml:"departments"`
	Agencies    []Entry  `yaml:"agencies"`
}

// Catalogue normalizes agency names. It is safe for concurrent use.
type Catalogue struct {
	titles []string          // longest first
	canon  map[string]string // key → canonical name

	// memo caches Normalize: plans repeat the same few agencies on
	// hundreds of rows.
	mu   sync.Mutex
	memo map[string][]string
}

var builtin = sync.OnceValue(func() catalogueFile { return mustParse(catalogueYAML) })

func mustParse(data []byte) catalogueFile {
	var f catalogueFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		panic(fmt.Sprintf("agency: embedded catalogue.yaml: %v", err))
	}
	return f
}

// New returns the built-in catalogue extended with extra entries (a
// plan's own agencies), which take precedence.
func New(extra ...Entry) *Catalogue {
	c := &Catalogue{canon: map[string]string{}, memo: map[string][]string{}}
	c.titles = append(c.titles, builtin().Titles...)
	sort.SliceStable(c.titles, func(i, j int) bool { return len(c.titles[i]) > len(c.titles[j]) })
	for _, d := range builtin().Departments {
		c.add(Entry{Name: "Sở " + d})
	}
	for _, e := range builtin().Agencies {
		c.add(e)
	}
	for _, e := range extra {
		c.add(e)
	}
	return c
}

func (c *Catalogue) add(e Entry) {
	name := clean(e.Name)
	c.canon[key(name)] = name
	for _, a := range e.Aliases {
		c.canon[key(a)] = name
	}
}

// key is how names compare: NFC, lower case, single spaces, without
// trailing punctuation.
func key(s string) string {
	return strings.ToLower(clean(s))
}

// clean trims a name: NFC, single spaces, no trailing ".;:," and no
// space before a comma.
func clean(s string) string {
	s = norm.NFC.String(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ".;:, ")
	s = strings.ReplaceAll(s, " ,", ",")
	return s
}

var (
	parenthetical = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
	departmentsOf = regexp.MustCompile(`(?i)^các (sở|đơn vị)\s*:\s*(.+)$`)
)

// Normalize returns the agencies one written entry names, canonical where
// the catalogue knows them: "Giám đốc các Sở: Nội vụ, Kế hoạch và Đầu tư"
// is [Sở Nội vụ, Sở Kế hoạch và Đầu tư]; "Chánh Văn phòng UBND tỉnh
// (Trung tâm …)" is [Văn phòng UBND tỉnh].
func (c *Catalogue) Normalize(entry string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if names, ok := c.memo[entry]; ok {
		return slices.Clone(names)
	}
	names := c.normalize(entry)
	c.memo[entry] = names
	return slices.Clone(names)
}

// NormalizeAll returns the agencies a list of written entries names,
// canonical and without repeats, in the order they first appear.
func (c *Catalogue) NormalizeAll(entries []string) []string {
	var out []string
	for _, e := range entries {
		for _, name := range c.Normalize(e) {
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

func (c *Catalogue) normalize(entry string) []string {
	s := clean(entry)
	if s == "" {
		return nil
	}
	s = clean(parenthetical.ReplaceAllString(s, ""))
	s = c.stripTitle(s)
	if m := departmentsOf.FindStringSubmatch(s); m != nil {
		if names := c.departments(m[2]); names != nil {
			return names
		}
	}
	return c.split(s)
}

// stripTitle removes a leadership title: "Giám đốc Sở Nội vụ" → "Sở Nội vụ".
func (c *Catalogue) stripTitle(s string) string {
	for _, t := range c.titles {
		if len(s) > len(t) && strings.EqualFold(s[:len(t)], t) && s[len(t)] == ' ' {
			return strings.TrimSpace(s[len(t)+1:])
		}
	}
	return s
}

// departments reads "Nội vụ, Kế hoạch và Đầu tư" as department names,
// longest match first (Văn hóa, Thể thao và Du lịch has a comma of its
// own); nil when a part is not a department.
func (c *Catalogue) departments(list string) []string {
	parts := strings.Split(list, ",")
	var out []string
	for i := 0; i < len(parts); {
		found := false
		for j := len(parts); j > i; j-- {
			name := "Sở " + strings.TrimSpace(strings.Join(parts[i:j], ","))
			if canon, ok := c.canon[key(name)]; ok {
				out = append(out, canon)
				i, found = j, true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return out
}

// split reads an entry that may list several agencies separated by
// commas ("Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành"),
// taking the longest known agency at each step. An entry whose parts are
// not all known stays one agency: commas inside names are common.
func (c *Catalogue) split(s string) []string {
	if canon, ok := c.lookup(s); ok {
		return []string{canon}
	}
	parts := strings.Split(s, ",")
	var out []string
	for i := 0; i < len(parts); {
		found := false
		for j := len(parts); j > i; j-- {
			if canon, ok := c.lookup(strings.TrimSpace(strings.Join(parts[i:j], ","))); ok {
				out = append(out, canon)
				i, found = j, true
				break
			}
		}
		if !found {
			return []string{capitalize(s)}
		}
	}
	return out
}

func (c *Catalogue) lookup(s string) (string, bool) {
	s = c.stripTitle(clean(s))
	if canon, ok := c.canon[key(s)]; ok {
		return canon, true
	}
	// "Văn phòng UBND tỉnh theo dõi, đôn đốc": a known agency followed by
	// a description of its role.
	lower := strings.ToLower(s)
	for _, role := range builtin().Roles {
		if i := strings.Index(lower, " "+role); i > 0 {
			if canon, ok := c.canon[key(s[:i])]; ok {
				return canon, true
			}
		}
	}
	return "", false
}

// capitalize upper-cases the first letter: "các đơn vị có liên quan" →
// "Các đơn vị có liên quan".
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
