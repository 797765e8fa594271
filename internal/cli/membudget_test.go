package cli

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		bytes int64
		want  int64
	}{
		{0, 64 << 20},
		{150 << 10, 64 << 20}, // a real plan: the floor
		{4 << 20, 120 << 20},
		{10 << 20, 270 << 20}, // the largest plan file: 270 MiB, within 30× + 30 MB
	} {
		if got := memoryLimit(tt.bytes); got != tt.want {
			t.Errorf("memoryLimit(%d) = %d MiB, want %d MiB", tt.bytes, got>>20, tt.want>>20)
		}
	}
}

// TestBudgetMemory: each plan read adds to the budget, and a GOMEMLIMIT
// the user set is left alone.
func TestBudgetMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	env, had := os.LookupEnv("GOMEMLIMIT")
	defer func() {
		if had {
			os.Setenv("GOMEMLIMIT", env)
		}
	}()
	os.Unsetenv("GOMEMLIMIT")
	memBudget.bytes = 0
	defer func() { memBudget.bytes = 0 }()

	budgetMemory(4 << 20)
	budgetMemory(6 << 20)
	if got := debug.SetMemoryLimit(-1); got != 270<<20 {
		t.Errorf("after 4 and 6 MiB of plans the limit is %d MiB, want 270", got>>20)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(1 << 30)
	budgetMemory(1 << 20)
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("with GOMEMLIMIT set the limit became %d MiB", got>>20)
	}
}
