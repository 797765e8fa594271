package plan

import "github.com/parplan/parplan/internal/decimal"

// Opt is a decimal that may be absent.
type Opt struct {
	V  decimal.Dec
	OK bool
}

// Sums holds, for one item, the sum of its children's scores and the
// item's effective scores: what it states, or else that sum. Percent items
// never take part in sums of points.
type Sums struct {
	// Children is the sum of the effective scores of the children that
	// have the score; absent when none has it.
	Children [3]Opt
	// Effective is the stated score, or Children when none is stated.
	Effective [3]Opt
}

// Compute fills in every item's Sums, children before parents, in one
// pass over the appendix.
func (a *Appendix) Compute() {
	var walk func(items []*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			walk(it.Items)
			for _, k := range ScoreKeys {
				var sum Opt
				if !it.Percent() {
					for _, c := range it.Items {
						if e := c.Sums.Effective[k]; e.OK && !c.Percent() {
							sum = Opt{sum.V.Add(e.V), true}
						}
					}
				}
				it.Sums.Children[k] = sum
				if n := it.Scores.Get(k); n.Given {
					it.Sums.Effective[k] = Opt{n.Value, true}
				} else {
					it.Sums.Effective[k] = sum
				}
			}
		}
	}
	walk(a.Items)
}

// TopSum returns the sum of the effective scores of the appendix's
// top-level point items for key k; absent when none has it.
func (a *Appendix) TopSum(k ScoreKey) Opt {
	var sum Opt
	for _, it := range a.Items {
		if e := it.Sums.Effective[k]; e.OK && !it.Percent() {
			sum = Opt{sum.V.Add(e.V), true}
		}
	}
	return sum
}
