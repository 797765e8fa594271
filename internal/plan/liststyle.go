package plan

import (
	"slices"

	"github.com/parplan/parplan/internal/msg"
	"gopkg.in/yaml.v3"
)

// ListStyle is how an appendix's or an item's lists print in the
// Phụ lục: a style per list field, or none (the field's style comes
// from the appendix, else it is StyleBullets).
type ListStyle struct {
	Pos      Pos
	Tasks    Text
	Products Text
	Lead     Text
	Support  Text
}

// The list styles.
const (
	// StyleBullets prints each entry on its line after "- ".
	StyleBullets = "bullets"
	// StylePlus prints each entry on its line after "+ ", except an
	// entry that ends with ":", which leads in to the points below it.
	StylePlus = "plus"
	// StyleLines prints each entry on its line, without a mark.
	StyleLines = "lines"
	// StyleSemicolons prints the entries on one line, "; " between
	// them; only for agencies (lead and support), which the importer
	// splits at ";".
	StyleSemicolons = "semicolons"
)

// ListStyles are the styles, in the order messages list them.
var ListStyles = []string{StyleBullets, StylePlus, StyleLines, StyleSemicolons}

// ListFields are the fields a list style applies to.
var ListFields = []string{"tasks", "products", "lead", "support"}

// Field returns the style set for a list field ("tasks", "lead", …).
func (s *ListStyle) Field(field string) Text {
	if s == nil {
		return Text{}
	}
	switch field {
	case "tasks":
		return s.Tasks
	case "products":
		return s.Products
	case "lead":
		return s.Lead
	case "support":
		return s.Support
	}
	return Text{}
}

// SetField sets the style of a list field.
func (s *ListStyle) SetField(field, style string) {
	t := Text{Value: style}
	switch field {
	case "tasks":
		s.Tasks = t
	case "products":
		s.Products = t
	case "lead":
		s.Lead = t
	case "support":
		s.Support = t
	}
}

// Empty reports whether no field has a style.
func (s *ListStyle) Empty() bool {
	return s == nil || s.Tasks.Value == "" && s.Products.Value == "" && s.Lead.Value == "" && s.Support.Value == ""
}

// ListStyleOf is the style an item's list field prints in: the item's,
// else the appendix's, else StyleBullets.
func ListStyleOf(a *Appendix, it *Item, field string) string {
	if it != nil {
		if v := it.ListStyle.Field(field).Value; v != "" {
			return v
		}
	}
	if a != nil {
		if v := a.ListStyle.Field(field).Value; v != "" {
			return v
		}
	}
	return StyleBullets
}

// listStyle decodes a list_style mapping into *dst.
func (d *decoder) listStyle(dst **ListStyle, what msg.Message) func(*yaml.Node) {
	return func(n *yaml.Node) {
		s := &ListStyle{Pos: posOf(n)}
		lw := key(what, "list_style")
		fields := make([]field, 0, len(ListFields))
		for _, f := range ListFields {
			t := map[string]*Text{"tasks": &s.Tasks, "products": &s.Products, "lead": &s.Lead, "support": &s.Support}[f]
			fields = append(fields, field{name: f, decode: d.setText(t, key(lw, f))})
		}
		d.mapping(n, lw, fields)
		for _, f := range ListFields {
			t := s.Field(f)
			switch {
			case !t.Set():
			case !slices.Contains(ListStyles, t.Value):
				d.report(t.Pos, RuleInvalidValue, m("load.bad-list-style", "What", key(lw, f), "Value", t.Value, "Styles", ListStyles))
			case t.Value == StyleSemicolons && f != "lead" && f != "support":
				d.report(t.Pos, RuleInvalidValue, m("load.semicolons-not-agencies", "What", key(lw, f)))
			}
		}
		*dst = s
	}
}

// listStyle writes a list_style mapping.
func (e *encoder) listStyle(in int, s *ListStyle) {
	if s.Empty() {
		return
	}
	e.line(in, "list_style:")
	for _, f := range ListFields {
		e.text(in+2, f, s.Field(f))
	}
}
