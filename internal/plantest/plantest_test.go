package plantest

import (
	"os"
	"strconv"
	"testing"

	"github.com/parplan/parplan/internal/plan"
)

// TestWriteBig writes Big's plan file where PARPLAN_BIG_PLAN says, with
// PARPLAN_BIG_ROWS rows (default 10,000), to measure the CLI on it:
//
//	PARPLAN_BIG_PLAN=/tmp/big.yaml go test ./internal/plantest -run TestWriteBig
//	/usr/bin/time -v parplan export /tmp/big.yaml -o /tmp/big.xlsx
func TestWriteBig(t *testing.T) {
	out := os.Getenv("PARPLAN_BIG_PLAN")
	if out == "" {
		t.Skip("PARPLAN_BIG_PLAN not set")
	}
	rows := 10000
	if s := os.Getenv("PARPLAN_BIG_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("PARPLAN_BIG_ROWS=%q", s)
		}
		rows = n
	}
	if err := os.WriteFile(out, BigYAML(rows), 0o666); err != nil {
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
