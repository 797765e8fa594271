package cli

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach runs fn(i) for i in [0, n) on up to GOMAXPROCS goroutines and
// returns when every call has: files are checked on all cores, and each
// call writes only its own result slot, so the caller merges them in
// order and the output is the same as one by one.
func forEach(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
