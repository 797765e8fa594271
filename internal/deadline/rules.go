package deadline

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed rules.yaml
var rulesYAML []byte

// rulesFile is rules.yaml; its header comment documents the fields.
type rulesFile struct {
	Spellings map[string]string `yaml:"spellings"`
	Values    struct {
		Quarter map[string]int    `yaml:"quarter"`
		Half    map[string]int    `yaml:"half"`
		Rel     map[string]int    `yaml:"rel"`
		Every   map[string]string `yaml:"every"`
	} `yaml:"values"`
	Fragments   map[string]string `yaml:"fragments"`
	TimeInLabel string            `yaml:"timeinlabel"`
	Rules       []ruleSpec        `yaml:"rules"`
}

type ruleSpec struct {
	Name     string   `yaml:"name"`
	Pattern  string   `yaml:"pattern"`
	Kind     Kind     `yaml:"kind"`
	Before   bool     `yaml:"before"`
	Span     string   `yaml:"span"`
	Every    Every    `yaml:"every"`
	Day      int      `yaml:"day"`
	Examples []string `yaml:"examples"`
}

// rule is a compiled ruleSpec.
type rule struct {
	ruleSpec
	re *regexp.Regexp
}

// ruleSet is the compiled rules.yaml.
type ruleSet struct {
	spellings map[string]string
	quarter   map[string]int
	half      map[string]int
	rel       map[string]int
	every     map[string]Every
	// timeInLabel finds a time expression in a label, which refuses the
	// match.
	timeInLabel *regexp.Regexp
	rules       []*rule
}

// groups are the named groups a pattern may use.
var groups = []string{"day", "month", "year", "quarters", "half", "rel", "every"}

var kinds = []Kind{KindDate, KindPeriod, KindRecurring, KindOngoing, KindEvent, KindUnspecified}

var everys = []Every{Monthly, Quarterly, HalfYear, Yearly}

// fragmentRef is a {{name}} in a pattern.
var fragmentRef = regexp.MustCompile(`\{\{([a-z]+)\}\}`)

// builtin is the embedded rule set; a broken rules.yaml panics at start,
// and TestRules says why first.
var builtin = sync.OnceValue(func() *ruleSet { return mustCompile(rulesYAML) })

func mustCompile(data []byte) *ruleSet {
	rs, err := compile(data)
	if err != nil {
		panic("deadline: embedded rules.yaml: " + err.Error())
	}
	return rs
}

// compile reads and checks a rules file.
func compile(data []byte) (*ruleSet, error) {
	var f rulesFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	rs := &ruleSet{spellings: f.Spellings, quarter: f.Values.Quarter, half: f.Values.Half,
		rel: f.Values.Rel, every: map[string]Every{}}
	for k, v := range f.Values.Every {
		if !slices.Contains(everys, Every(v)) {
			return nil, fmt.Errorf("values.every: %q: %q is not one of %v", k, v, everys)
		}
		rs.every[k] = Every(v)
	}
	if f.TimeInLabel != "" {
		pat, err := expand(f.TimeInLabel, f.Fragments, 0)
		if err != nil {
			return nil, fmt.Errorf("timeinlabel: %v", err)
		}
		if rs.timeInLabel, err = regexp.Compile(pat); err != nil {
			return nil, fmt.Errorf("timeinlabel: %v", err)
		}
	}
	seen := map[string]bool{}
	for i, s := range f.Rules {
		if s.Name == "" || seen[s.Name] {
			return nil, fmt.Errorf("rule %d: missing or repeated name %q", i+1, s.Name)
		}
		seen[s.Name] = true
		if !slices.Contains(kinds, s.Kind) {
			return nil, fmt.Errorf("rule %s: kind %q is not one of %v", s.Name, s.Kind, kinds)
		}
		if s.Every != "" && !slices.Contains(everys, s.Every) {
			return nil, fmt.Errorf("rule %s: every %q is not one of %v", s.Name, s.Every, everys)
		}
		if s.Span != "" && s.Span != "year" {
			return nil, fmt.Errorf("rule %s: span %q: the only span is year", s.Name, s.Span)
		}
		pat, err := expand(s.Pattern, f.Fragments, 0)
		if err != nil {
			return nil, fmt.Errorf("rule %s: %v", s.Name, err)
		}
		// The match runs from the start of a word to the end of the part.
		re, err := regexp.Compile(`(?:^|\s)(?:` + pat + `)$`)
		if err != nil {
			return nil, fmt.Errorf("rule %s: %v", s.Name, err)
		}
		for _, g := range re.SubexpNames()[1:] {
			if g != "" && !slices.Contains(groups, g) {
				return nil, fmt.Errorf("rule %s: group %q is not one of %v", s.Name, g, groups)
			}
		}
		rs.rules = append(rs.rules, &rule{ruleSpec: s, re: re})
	}
	return rs, nil
}

// expand replaces the {{name}} fragments of a pattern, which may nest.
func expand(pat string, fragments map[string]string, depth int) (string, error) {
	if depth > 5 {
		return "", fmt.Errorf("fragments nest too deep in %q", pat)
	}
	var err error
	out := fragmentRef.ReplaceAllStringFunc(pat, func(ref string) string {
		name := ref[2 : len(ref)-2]
		f, ok := fragments[name]
		if !ok {
			err = fmt.Errorf("no fragment %q", name)
			return ""
		}
		s, e := expand(f, fragments, depth+1)
		if e != nil {
			err = e
		}
		return s
	})
	return out, err
}
