package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/plantest"
)

// The start-up and validate benchmarks, each beside the bare yaml.v3
// decode of the same input that the issue measures against:
//
//	go test ./internal/cli -run '^$' -bench 'Help|OnePlan|Dir' -benchmem

// benchPlan is the largest bundled plan, 173 KB.
const benchPlan = "../../plans/gialai-2023.yaml"

func BenchmarkHelp(b *testing.B) {
	for b.Loop() {
		if code := Main([]string{"--help"}, strings.NewReader(""), io.Discard, io.Discard); code != ExitOK {
			b.Fatal(code)
		}
	}
}

func BenchmarkValidateOnePlan(b *testing.B) {
	for b.Loop() {
		if code := Main([]string{"validate", benchPlan}, strings.NewReader(""), io.Discard, io.Discard); code != ExitOK {
			b.Fatal(code)
		}
	}
}

func BenchmarkDecodeOnePlan(b *testing.B) {
	for b.Loop() {
		decodeFile(b, benchPlan)
	}
}

// decodeFile reads and decodes a file with yaml.v3 to nodes, as the
// loader starts by doing.
func decodeFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		b.Fatal(err)
	}
}

// dirOf200 makes a directory of 200 generated plans of about 160 KB
// each and returns it with its files.
func dirOf200(b *testing.B) (string, []string) {
	dir := b.TempDir()
	big := plantest.BigYAML(480)
	var files []string
	for i := range 200 {
		data := bytes.Replace(big, []byte("id: big"), fmt.Appendf(nil, "id: big-%d", i), 1)
		f := filepath.Join(dir, fmt.Sprintf("p%03d.yaml", i))
		if err := os.WriteFile(f, data, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, f)
	}
	b.SetBytes(int64(200 * len(big)))
	return dir, files
}

func BenchmarkValidateDir200(b *testing.B) {
	dir, _ := dirOf200(b)
	for b.Loop() {
		if code := Main([]string{"validate", dir}, strings.NewReader(""), io.Discard, io.Discard); code != ExitOK {
			b.Fatal(code)
		}
	}
}

func BenchmarkDecodeDir200(b *testing.B) {
	_, files := dirOf200(b)
	for b.Loop() {
		for _, f := range files {
			decodeFile(b, f)
		}
	}
}
