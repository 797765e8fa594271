// Package layout declares the Phụ lục table layouts as data: which
// columns a table has, how they are labelled and how rows are numbered.
// Adding a layout is a change to layouts.yaml plus a test.
package layout

import (
	_ "embed"
	"fmt"
	"sort"

	"gopkg.in/yaml.v3"
)

//go:embed layouts.yaml
var layoutsYAML []byte

// Layout is one table layout.
type Layout struct {
	ID          string `yaml:"id"`
	Description string `yaml:"description"`
}

var all = mustLoad(layoutsYAML)

func mustLoad(data []byte) map[string]*Layout {
	var list []*Layout
	if err := yaml.Unmarshal(data, &list); err != nil {
		panic(fmt.Sprintf("layout: embedded layouts.yaml: %v", err))
	}
	m := make(map[string]*Layout, len(list))
	for _, l := range list {
		m[l.ID] = l
	}
	return m
}

// Known reports whether id names a layout.
func Known(id string) bool { return all[id] != nil }

// Get returns the layout with the given id, or nil.
func Get(id string) *Layout { return all[id] }

// Names returns the layout ids, sorted.
func Names() []string {
	names := make([]string, 0, len(all))
	for id := range all {
		names = append(names, id)
	}
	sort.Strings(names)
	return names
}
