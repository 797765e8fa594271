package plantest

import (
	"os"
	"strconv"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// TestWriteBig writes a generated plan file where PARPLAN_BIG_PLAN says,
// to measure the CLI on it: Big's with PARPLAN_BIG_ROWS rows (default
// 10,000); with PARPLAN_BIG_KIND=flat, FlatYAML's of that many items and
// PARPLAN_BIG_SIZE bytes (default 10,000,000); with nested, NestedYAML's
// of about that many items (fields of 20 criteria of 50 sub-criteria):
//
//	PARPLAN_BIG_PLAN=/tmp/big.yaml go test ./internal/plantest -run TestWriteBig
//	/usr/bin/time -v parplan export /tmp/big.yaml -o /tmp/big.xlsx
func TestWriteBig(t *testing.T) {
	out := os.Getenv("PARPLAN_BIG_PLAN")
	if out == "" {
		t.Skip("PARPLAN_BIG_PLAN not set")
	}
	number := func(name string, def int) int {
		s := os.Getenv(name)
		if s == "" {
			return def
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q", name, s)
		}
		return n
	}
	rows := number("PARPLAN_BIG_ROWS", 10000)
	var data []byte
	switch kind := os.Getenv("PARPLAN_BIG_KIND"); kind {
	case "", "big":
		data = BigYAML(rows)
	case "flat":
		data = FlatYAML(rows, number("PARPLAN_BIG_SIZE", 10_000_000))
	case "nested":
		data = NestedYAML(max(1, rows/1021), 20, 50)
	default:
		t.Fatalf("PARPLAN_BIG_KIND=%q: want big, flat or nested", kind)
	}
	if err := os.WriteFile(out, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

// TestBig: the generated plan loads, with the rows asked for.
func TestBig(t *testing.T) {
	p := Big(t, 250)
	n := 0
	p.Appendices[0].Walk(func(*plan.Item) { n++ })
	if n != 250 {
		t.Errorf("%d items, want 250", n)
	}
}

// TestFlatAndNested: the generated plans load clean, with the items and
// about the size asked for.
func TestFlatAndNested(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		items int
		size  int
	}{
		{name: "flat short", data: FlatYAML(1000, 100), items: 1000},
		{name: "flat padded", data: FlatYAML(1000, 200_000), items: 1000, size: 200_000},
		{name: "nested", data: NestedYAML(3, 4, 5), items: 3 * (1 + 4*(1+5))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ds := plan.Load("gen.yaml", tt.data)
			if p == nil || len(ds) > 0 {
				t.Fatalf("generated plan: %v", ds)
			}
			n := 0
			p.Appendices[0].Walk(func(*plan.Item) { n++ })
			if n != tt.items {
				t.Errorf("%d items, want %d", n, tt.items)
			}
			if tt.size > 0 && (len(tt.data) < tt.size*99/100 || len(tt.data) > tt.size) {
				t.Errorf("%d bytes, want about %d", len(tt.data), tt.size)
			}
		})
	}
}

// TestYAMLLines: every line break YAML knows ends a line; "\r\n" is one.
func TestYAMLLines(t *testing.T) {
	for in, want := range map[string]int{"": 1, "a": 1, "a\n": 2, "a\r\nb": 2, "\r\r0": 3, "a\u0085b\u2028c\u2029": 4} {
		if got := YAMLLines([]byte(in)); got != want {
			t.Errorf("YAMLLines(%q) = %d, want %d", in, got, want)
		}
	}
}
