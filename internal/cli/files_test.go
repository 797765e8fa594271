package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodPlan = "plan: {id: g, title: T, year: 2024}\nappendices:\n  - id: a\n    items: [{name: x}]\n"

// countingReader counts how often its reader is read to the end.
type countingReader struct {
	r    io.Reader
	eofs int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err == io.EOF {
		c.eofs++
	}
	return n, err
}

// TestValidateStdinTwice: "validate - -" reads standard input once and
// checks it once, as a file named twice is checked once.
func TestValidateStdinTwice(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte(goodPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "stdin twice", args: []string{"-", "-"}, want: "checked 1 file: no problems\n"},
		{name: "a file twice", args: []string{good, good}, want: "checked 1 file: no problems\n"},
		{name: "a file and its directory", args: []string{good, dir, "-"}, want: "checked 2 files: no problems\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &countingReader{r: strings.NewReader(goodPlan)}
			var out, errOut bytes.Buffer
			code := Main(append([]string{"validate", "--lang", "en"}, tt.args...), in, &out, &errOut)
			if code != ExitOK || out.String() != tt.want {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 0 and %q", code, out.String(), errOut.String(), tt.want)
			}
			if in.eofs > 1 {
				t.Errorf("standard input read to its end %d times", in.eofs)
			}
		})
	}
}
