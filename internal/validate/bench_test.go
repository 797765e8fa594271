package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generatedPlan is a scored plan of fields × criteria × sub-criteria
// whose sums hold, checked against no criteria set.
func generatedPlan(fields, criteria, subs int) []byte {
	var b strings.Builder
	b.WriteString("plan: {id: gen, title: Generated, year: 2024, baseline_year: 2023}\nappendices:\n  - id: a\n    layout: scored\n    items:\n")
	for f := 1; f <= fields; f++ {
		fmt.Fprintf(&b, "      - code: \"%d\"\n        name: Field %d\n        max: %d\n        items:\n", f, f, criteria*subs)
		for c := 1; c <= criteria; c++ {
			fmt.Fprintf(&b, "          - code: \"%d.%d\"\n            name: Criterion\n            max: %d\n            items:\n", f, c, subs)
			for s := 1; s <= subs; s++ {
				fmt.Fprintf(&b, "              - {code: \"%d.%d.%d\", name: Sub, max: 1, achieved: 0.75, target: 1, tasks: [x], lead: [Sở Nội vụ]}\n", f, c, s)
			}
		}
	}
	return []byte(b.String())
}

// BenchmarkValidate measures loading and checking a plan: the real plans,
// and a generated one of 5,000 items.
func BenchmarkValidate(b *testing.B) {
	cases := map[string][]byte{"generated-5000": generatedPlan(10, 20, 24)}
	for _, name := range []string{"daknong-2024", "gialai-2023"} {
		data, err := os.ReadFile(filepath.Join(root, "plans", name+".yaml"))
		if err != nil {
			b.Fatal(err)
		}
		cases[name] = data
	}
	for _, name := range []string{"daknong-2024", "gialai-2023", "generated-5000"} {
		data := cases[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, ds := File(name+".yaml", data, Options{})
				for _, d := range ds {
					if d.Fails() {
						b.Fatal(d)
					}
				}
			}
		})
	}
}
