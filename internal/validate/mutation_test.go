package validate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/plan"
)

var scoreLine = regexp.MustCompile(`^(\s*)(max|achieved|target): (\S+)\s*$`)

// TestEveryScoreChangeIsCaught changes each score of the Đắk Nông plan,
// one at a time, by one unit of its last digit, and requires a failing
// finding at the line of that value or of its parent's value for the
// same score (or the appendix total). This is the promise CI makes: no
// single typo in a score slips through.
func TestEveryScoreChangeIsCaught(t *testing.T) {
	const path = "plans/daknong-2024.yaml"
	data, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	src := bytes.Split(data, []byte("\n"))
	p, ds := File(path, data, Options{})
	for _, d := range ds {
		if d.Fails() {
			t.Fatalf("the plan must validate before mutation: %s", d)
		}
	}
	// The score lines of items and totals, each with the line of its
	// parent's value for the same score, found through the loaded plan.
	parentLine := map[int]int{}
	scoreLines := map[int]bool{}
	for _, a := range p.Appendices {
		a.Walk(func(it *plan.Item) {
			for _, k := range plan.ScoreKeys {
				n := it.Scores.Get(k)
				if !n.Given {
					continue
				}
				scoreLines[n.Pos.Line] = true
				switch {
				case it.Parent != nil && it.Parent.Scores.Get(k).Given:
					parentLine[n.Pos.Line] = it.Parent.Scores.Get(k).Pos.Line
				case it.Parent == nil && a.Total != nil && a.Total.Get(k).Given:
					parentLine[n.Pos.Line] = a.Total.Get(k).Pos.Line
				}
			}
		})
		if a.Total != nil {
			for _, k := range plan.ScoreKeys {
				if n := a.Total.Get(k); n.Given {
					scoreLines[n.Pos.Line] = true
				}
			}
		}
	}
	mutated := 0
	for i, line := range src {
		m := scoreLine.FindSubmatch(line)
		if m == nil || !scoreLines[i+1] {
			continue
		}
		v, err := decimal.Parse(string(m[3]))
		if err != nil {
			continue
		}
		lineNo := i + 1
		unit := decimal.Dec{}.Add(v.HalfUnit()).Add(v.HalfUnit())
		for _, nv := range []decimal.Dec{v.Add(unit), v.Sub(unit)} {
			if nv.Sign() < 0 {
				continue
			}
			t.Run(fmt.Sprintf("line%d=%s", lineNo, nv), func(t *testing.T) {
				changed := bytes.Clone(data)
				ls := bytes.Split(changed, []byte("\n"))
				ls[i] = []byte(fmt.Sprintf("%s%s: %s", m[1], m[2], nv))
				_, ds := File(path, bytes.Join(ls, []byte("\n")), Options{})
				for _, d := range ds {
					if (d.Fails() || d.Severity == diag.Note && d.Rule == ruleSumRounding && !d.Acknowledged) &&
						(d.Line == lineNo || d.Line == parentLine[lineNo]) {
						return
					}
				}
				t.Errorf("changing line %d from %s to %s was not reported at line %d or %d:\n%s",
					lineNo, v, nv, lineNo, parentLine[lineNo], lines(ds))
			})
			mutated++
		}
	}
	if mutated < 300 {
		t.Fatalf("only %d mutations: the score pattern no longer matches the plan's layout", mutated)
	}
}
