package review

import (
	_ "embed"
	"fmt"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed mappings.yaml
var mappingsYAML []byte

// Mapping says which criterion of one official set is which criterion of
// another: only the pairs the sources justify (see mappings.yaml); a code
// it does not list has no counterpart that can be compared.
type Mapping struct {
	From, To string
	// Codes maps a code of From to the code of To.
	Codes map[string]string
}

var (
	mappingsOnce sync.Once
	mappings     []*Mapping
	mappingsErr  error
)

// Mappings returns the built-in mappings, or the error that made the data
// unreadable (a test guards against it).
func Mappings() ([]*Mapping, error) {
	mappingsOnce.Do(func() { mappings, mappingsErr = parseMappings(mappingsYAML) })
	return mappings, mappingsErr
}

func parseMappings(data []byte) ([]*Mapping, error) {
	var entries []struct {
		From  string            `yaml:"from"`
		To    string            `yaml:"to"`
		Codes map[string]string `yaml:"codes"`
	}
	if err := yaml.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("mappings.yaml: %v", err)
	}
	var out []*Mapping
	for _, e := range entries {
		if e.From == "" || e.To == "" || e.From == e.To {
			return nil, fmt.Errorf("mappings.yaml: a mapping needs two different sets, not %q → %q", e.From, e.To)
		}
		out = append(out, &Mapping{From: e.From, To: e.To, Codes: e.Codes})
	}
	return out, nil
}

// FindMapping returns the mapping from set from to set to, or nil when
// none is known.
func FindMapping(from, to string) *Mapping {
	all, _ := Mappings()
	for _, m := range all {
		if m.From == from && m.To == to {
			return m
		}
	}
	return nil
}
