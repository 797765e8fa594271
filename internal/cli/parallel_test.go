package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/plantest"
)

// manyPlans fills a directory with n plan files of every kind: the
// bundled plans, the invalid test plans, broken YAML, generated plans with
// and without errors, and progress reports with their plans.
func manyPlans(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	var sources []string
	for _, glob := range []string{"../../plans/*.yaml", "../../testdata/invalid/*.yaml"} {
		m, _ := filepath.Glob(glob)
		sources = append(sources, m...)
	}
	big := plantest.BigYAML(300)
	for i := 0; i < n; i++ {
		var data []byte
		switch i % 4 {
		case 0, 1:
			var err error
			if data, err = os.ReadFile(sources[i%len(sources)]); err != nil {
				tb.Fatal(err)
			}
		case 2:
			data = bytes.Replace(big, []byte("id: big"), []byte(fmt.Sprintf("id: big-%d", i)), 1)
			// Some with a sum error, at a different row each time.
			if i%8 == 2 {
				data = bytes.Replace(data, []byte("achieved: 1.25"), []byte("achieved: 9.25"), i%50+1)
			}
		case 3:
			data = []byte(fmt.Sprintf("plan:\n  id: broken-%d\n  title: [\n", i))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%03d.yaml", i)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// TestValidateParallelSameOutput: checking files on all cores gives the
// output of checking them one by one, byte for byte, in every format.
func TestValidateParallelSameOutput(t *testing.T) {
	dir := manyPlans(t, 64)
	run := func(procs int, args ...string) (string, int) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out, errOut bytes.Buffer
		code := Main(append([]string{"validate", "--lang", "en"}, args...), strings.NewReader(""), &out, &errOut)
		return out.String() + errOut.String(), code
	}
	for _, format := range []string{"text", "json", "github"} {
		t.Run(format, func(t *testing.T) {
			want, wantCode := run(1, "-f", format, dir, "../../testdata/progress/daknong-2024")
			if !strings.Contains(want, "p003.yaml") || wantCode != ExitProblems {
				t.Fatalf("exit %d, output without the broken files:\n%.2000s", wantCode, want)
			}
			for _, procs := range []int{2, 8} {
				got, code := run(procs, "-f", format, dir, "../../testdata/progress/daknong-2024")
				if got != want || code != wantCode {
					t.Errorf("GOMAXPROCS=%d: exit %d (want %d), output differs from one by one", procs, code, wantCode)
				}
			}
		})
	}
}
