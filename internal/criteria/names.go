package criteria

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/vntext"
)

//go:embed names.yaml
var namesYAML []byte

// nameRules are the rules of names.yaml.
type nameRules struct {
	Abbreviations map[string]string `yaml:"abbreviations"`
	Stopwords     []string          `yaml:"stopwords"`
	Similar       float64           `yaml:"similar"`
}

// names is read on first use, not at start-up.
var names = sync.OnceValue(func() (n nameRules) {
	if err := yaml.Unmarshal(namesYAML, &n); err != nil {
		panic(fmt.Sprintf("criteria: embedded names.yaml: %v", err))
	}
	return n
})

// NameMatch says how a plan's name for a criterion compares with the
// official one.
type NameMatch int

// Name matches, from best to worst.
const (
	// SameName: equal but for case, punctuation, spacing, and
	// abbreviations the documents use.
	SameName NameMatch = iota
	// SimilarName: different wording (a typo, a word more or less) of the
	// same criterion.
	SimilarName
	// DifferentName: a name that means something else.
	DifferentName
)

// abbrevDef matches an abbreviation defined in parentheses, "thủ tục
// hành chính (TTHC)": the parenthesis adds nothing to the name.
var abbrevDef = regexp.MustCompile(`\s*\(\s*[\p{Lu}Đ][\p{Lu}Đ\-0-9]*\s*\)`)

// words returns the name's words, lower case, abbreviations expanded.
func words(name string) []string {
	name = abbrevDef.ReplaceAllString(norm.NFC.String(name), "")
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		w = strings.Trim(w, "-")
		if w == "" {
			continue
		}
		if exp, ok := names().Abbreviations[w]; ok {
			out = append(out, words(exp)...)
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}

// CompareNames compares a plan's name for a criterion with the official
// name.
func CompareNames(plan, official string) NameMatch {
	a, b := words(plan), words(official)
	if slices.Equal(a, b) {
		return SameName
	}
	if dice(content(a), content(b)) >= names().Similar {
		return SimilarName
	}
	return DifferentName
}

// content keeps the meaningful words, without diacritics, as a set.
func content(ws []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range ws {
		if !slices.Contains(names().Stopwords, w) {
			out[vntext.Fold(w)] = true // typos in tone marks compare equal
		}
	}
	return out
}

// dice is the Dice coefficient of two word sets: 2|A∩B| / (|A|+|B|).
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
