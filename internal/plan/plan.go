// Package plan defines parplan's plan file model and loads it from YAML,
// keeping the position of every value and every number's exact decimal
// text.
//
// Loading reports "the file has problems" as diagnostics (syntax, unknown
// keys, wrong types, limits) and keeps them apart from the checks on
// content, which live in package validate.
package plan

import (
	"github.com/parplan/parplan/internal/decimal"
)

// Pos is a 1-based line and column in a plan file.
type Pos struct {
	Line int
	Col  int
}

// Text is a string value with its position. Values are NFC-normalized.
type Text struct {
	Value string
	Pos   Pos
}

// Set reports whether the value was given.
func (t Text) Set() bool { return t.Pos.Line > 0 }

// Number is an exact decimal value with its position. The zero Number is
// "not given", which is different from 0.
type Number struct {
	Value decimal.Dec
	Pos   Pos
	Given bool
}

// Int is an integer value with its position.
type Int struct {
	Value int
	Pos   Pos
	Given bool
}

// Bool is a boolean value with its position.
type Bool struct {
	Value bool
	Pos   Pos
	Given bool
}

// Plan is one plan file.
type Plan struct {
	// File is the path the plan was loaded from, as given by the caller.
	File       string
	Meta       Meta
	Appendices []*Appendix
}

// Meta is the plan's `plan:` mapping: what the document is.
type Meta struct {
	Pos          Pos
	ID           Text
	Title        Text
	Document     Text
	Issuer       Text
	Number       Text
	Date         Text
	Year         Int
	BaselineYear Int
	CriteriaSet  Text
	Source       Text
	Signer       Text
	Results      []*Result
	// Agencies extends the built-in agency catalogue for this plan.
	Agencies []*Agency
	Acks     []*Ack
}

// Result is a headline figure the document states, such as
// "PAR INDEX 2023: 85.42/100, rank 51/63".
type Result struct {
	Pos     Pos
	Index   Text
	Year    Int
	Score   Number
	Max     Number
	Percent Number
	Rank    Int
	Of      Int
	Note    Text
	Acks    []*Ack
}

// Agency is a plan-local entry of the agency catalogue: the canonical
// name and the other ways the plan writes it.
type Agency struct {
	Pos     Pos
	Name    Text
	Aliases []Text
}

// Appendix is one table (Phụ lục) of the plan.
type Appendix struct {
	Pos      Pos
	ID       Text
	Label    Text
	Title    Text
	Subtitle Text
	Layout   Text
	Note     Text
	Total    *Scores
	Columns  []*Column
	// ListStyle is how the appendix's lists print, per field.
	ListStyle *ListStyle
	Items     []*Item
	Acks      []*Ack
}

// Column overrides one column of the appendix's layout: its label, or
// whether it is shown.
type Column struct {
	Pos   Pos
	Key   Text
	Label Text
	Hide  Bool
}

// Scores is a row of points: the table's grand total.
type Scores struct {
	Pos      Pos
	Max      Number
	Achieved Number
	Target   Number
}

// Get returns the number stored under a score key.
func (s *Scores) Get(k ScoreKey) Number {
	switch k {
	case Max:
		return s.Max
	case Achieved:
		return s.Achieved
	default:
		return s.Target
	}
}

// ScoreKey names one of the three score columns.
type ScoreKey int

// The score keys, in table order.
const (
	Max ScoreKey = iota
	Achieved
	Target
)

// ScoreKeys lists the score keys in table order.
var ScoreKeys = []ScoreKey{Max, Achieved, Target}

func (k ScoreKey) String() string { return [...]string{"max", "achieved", "target"}[k] }

// Item is one row of an appendix: a field, criterion, sub-criterion,
// section or task. Items nest to any depth.
type Item struct {
	Pos        Pos
	Code       Text
	Name       Text
	Criterion  Text
	Scores     Scores
	Unit       Text
	TargetText Text
	Tasks      []Text
	Products   []Text
	Lead       []Text
	Support    []Text
	// ListStyle is how the item's lists print, where it differs from
	// the appendix's.
	ListStyle *ListStyle
	Deadline  Text
	Note      Text
	Survey    Bool
	Group     Text
	Items     []*Item
	Acks      []*Ack

	// Sums is filled in by Appendix.Compute.
	Sums Sums
	// Parent is nil for a top-level item.
	Parent *Item
	// Depth is 0 for a top-level item.
	Depth int
}

// Percent reports whether the item's scores are percentages.
func (it *Item) Percent() bool { return it.Unit.Value == UnitPercent }

// UnitPercent is the only unit besides the default (points).
const UnitPercent = "percent"

// Ack acknowledges a finding that is a discrepancy of the source
// document, with the reason. An acknowledged finding is still reported
// but does not fail validation.
type Ack struct {
	Pos    Pos
	Rule   Text
	Key    Text
	Value  Number
	Reason Text
}

// Walk calls fn for every item of the appendix, parents before children,
// in file order.
func (a *Appendix) Walk(fn func(*Item)) {
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			fn(it)
			walk(it.Items)
		}
	}
	walk(a.Items)
}

// Values returns the values of a list of texts.
func Values(ts []Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Value
	}
	return out
}
