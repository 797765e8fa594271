package cli

import (
	"os"
	"runtime/debug"
	"sync"
)

// The memory a command that works on plans may use follows the plans'
// size (README, Limits): the Go runtime is asked to keep its heap within
// 25 times the bytes read plus 20 MiB, and never under 64 MiB. Left to
// itself the collector lets the heap grow to twice what is live, which
// for the export of a 10 MiB plan of 100,000 items was 364 MB; within
// the budget it is 279 MB, in the same time. A GOMEMLIMIT the user set
// wins.
const (
	budgetPerByte = 25
	budgetBase    = 20 << 20
	budgetFloor   = 64 << 20
)

var memBudget struct {
	sync.Mutex
	bytes int64
}

// budgetMemory adds a plan of size bytes to what the process works on,
// and sets the runtime's memory limit from the total.
func budgetMemory(size int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	memBudget.Lock()
	defer memBudget.Unlock()
	memBudget.bytes += int64(size)
	debug.SetMemoryLimit(memoryLimit(memBudget.bytes))
}

// memoryLimit is the budget for plans of n bytes in all.
func memoryLimit(n int64) int64 {
	return max(budgetFloor, budgetPerByte*n+budgetBase)
}
