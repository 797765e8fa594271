package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run parplan in-process as a command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"parplan": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: the CLI's exit codes, formats
// and messages, as a user sees them. $PLANS is the repository's plans/;
// $DOCS, $PROGRESS and $REVIEW are the test documents, progress reports
// and constructed review plans under testdata/.
func TestScripts(t *testing.T) {
	plans, err := filepath.Abs("../../plans")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("PLANS", plans)
			env.Setenv("DOCS", filepath.Join(plans, "..", "testdata", "import"))
			env.Setenv("PROGRESS", filepath.Join(plans, "..", "testdata", "progress"))
			env.Setenv("REVIEW", filepath.Join(plans, "..", "testdata", "review"))
			env.Setenv("NO_COLOR", "")
			// Scripts speak English unless they choose otherwise
			// (env PARPLAN_LANG=vi, or --lang vi).
			env.Setenv("PARPLAN_LANG", "en")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"genfile": genfile,
			"xlsx":    xlsxCmd,
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}

// genfile writes a file that a txtar archive cannot hold:
//
//	genfile large PATH MEGABYTES
//	genfile binary PATH
//	genfile utf16 PATH
//	genfile bomb PATH
//	genfile deep PATH
func genfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: genfile large|binary|utf16|bomb|deep PATH [MEGABYTES]")
	}
	var data []byte
	switch args[0] {
	case "large":
		mb, err := strconv.Atoi(args[2])
		ts.Check(err)
		data = bytes.Repeat([]byte("# padding line of a very large plan file....\n"), mb<<20/45+1)
	case "binary":
		data = []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")
	case "utf16":
		data = []byte("\xff\xfep\x00l\x00a\x00n\x00:\x00\n\x00")
	case "bomb":
		var b strings.Builder
		b.WriteString("plan: {id: t, title: T, year: 2024}\nappendices:\n  - id: a\n    items:\n")
		b.WriteString("      - &l0 {name: lol, tasks: [lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n")
		for i := 1; i <= 9; i++ {
			b.WriteString("      - &l" + strconv.Itoa(i) + " {name: lol, items: [")
			for j := 0; j < 9; j++ {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("*l" + strconv.Itoa(i-1))
			}
			b.WriteString("]}\n")
		}
		data = []byte(b.String())
	case "deep":
		data = []byte("plan: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n")
	default:
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
}
