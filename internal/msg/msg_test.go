package msg

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parplan/parplan/internal/decimal"
)

// TestCataloguesAgree: every message exists in both languages, with the
// same arguments, and renders.
func TestCataloguesAgree(t *testing.T) {
	vi, en := IDs(VI), IDs(EN)
	for _, id := range vi {
		if !Has(EN, id) {
			t.Errorf("%s is in the Vietnamese catalogue only", id)
		}
	}
	for _, id := range en {
		if !Has(VI, id) {
			t.Errorf("%s is in the English catalogue only", id)
		}
	}
	if len(en) < 200 {
		t.Errorf("only %d messages: the catalogues did not load", len(en))
	}
	for _, id := range en {
		if a, b := argNames(t, EN, id), argNames(t, VI, id); !slices.Equal(a, b) {
			t.Errorf("%s: English uses %v, Vietnamese %v", id, a, b)
		}
	}
}

var argRef = regexp.MustCompile(`\.([A-Z]\w*)`)

// argNames lists the arguments a message's template refers to, from its
// raw text in the catalogue file.
func argNames(t *testing.T, l Lang, id string) []string {
	t.Helper()
	text := rawTemplate(t, l, id)
	var names []string
	for _, m := range argRef.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	slices.Sort(names)
	return names
}

var rawCache = map[Lang]map[string]string{}

// rawTemplate returns every form of a message's template, joined.
func rawTemplate(t *testing.T, l Lang, id string) string {
	t.Helper()
	if rawCache[l] == nil {
		rawCache[l] = map[string]string{}
		files, _ := filepath.Glob("catalog/*." + string(l) + ".yaml")
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Flat keys at column 0; plural forms and block scalars
			// indented under them.
			key := ""
			for _, line := range strings.Split(string(data), "\n") {
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if line[0] != ' ' {
					k, v, _ := strings.Cut(line, ":")
					key = k
					rawCache[l][key] += v
					continue
				}
				rawCache[l][key] += line
			}
		}
	}
	return rawCache[l][id]
}

// TestPlural: English has a singular, Vietnamese one form.
func TestPlural(t *testing.T) {
	tests := []struct {
		lang  Lang
		count int
		want  string
	}{
		{EN, 1, "1 error"},
		{EN, 2, "2 errors"},
		{EN, 0, "0 errors"},
		{VI, 1, "1 lỗi"},
		{VI, 5, "5 lỗi"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).T("summary.errors", "Count", tt.count); got != tt.want {
			t.Errorf("%s %d: got %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

// TestArguments: decimals take the language's decimal mark, nested
// messages render in the same language, lists join, values quote.
func TestArguments(t *testing.T) {
	d := decimal.MustParse("85.415")
	if got := For(VI).Num(d); got != "85,415" {
		t.Errorf("vi: %s", got)
	}
	if got := For(EN).Num(d); got != "85.415" {
		t.Errorf("en: %s", got)
	}
	item := New("subj.item", "Code", "1.1")
	tests := []struct {
		lang Lang
		m    Message
		want string
	}{
		{EN, New("load.not-number", "What", New("subj.key", "Of", item, "Key", "achieved"), "Kind", New("kind.text", "Value", "abc")),
			`item "1.1" achieved must be a number, not the text "abc"`},
		{VI, New("load.not-number", "What", New("subj.key", "Of", item, "Key", "achieved"), "Kind", New("kind.text", "Value", "abc")),
			`achieved của mục "1.1" phải là một số, không phải chuỗi ký tự "abc"`},
		{VI, New("check.negative", "Key", New("score.max"), "What", item, "Value", decimal.MustParse("-1.5")),
			`điểm tối đa của mục "1.1" là số âm (-1,5)`},
		{EN, New("load.known-keys", "Keys", []string{"a", "b"}), ` (known keys: a, b)`},
		{EN, New("subj.item", "Code", "\x1b[31m"), `item "\x1b[31m"`},
		{EN, New("no.such.message", "X", 1), `no.such.message[X 1]`},
	}
	for _, tt := range tests {
		if got := For(tt.lang).S(tt.m); got != tt.want {
			t.Errorf("%s %s:\ngot  %q\nwant %q", tt.lang, tt.m.ID, got, tt.want)
		}
	}
}

// TestChoose: --lang, then PARPLAN_LANG, then the locale, then Vietnamese.
func TestChoose(t *testing.T) {
	tests := []struct {
		name    string
		flag    string
		env     map[string]string
		want    Lang
		wantErr bool
	}{
		{name: "nothing set", want: VI},
		{name: "flag en", flag: "en", env: map[string]string{"PARPLAN_LANG": "vi"}, want: EN},
		{name: "flag vi over English locale", flag: "vi", env: map[string]string{"LANG": "en_US.UTF-8"}, want: VI},
		{name: "PARPLAN_LANG over locale", env: map[string]string{"PARPLAN_LANG": "en", "LC_ALL": "vi_VN.UTF-8"}, want: EN},
		{name: "LC_ALL over LANG", env: map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, want: EN},
		{name: "LC_MESSAGES over LANG", env: map[string]string{"LC_MESSAGES": "vi_VN", "LANG": "en_US"}, want: VI},
		{name: "LANG en", env: map[string]string{"LANG": "en_US.UTF-8"}, want: EN},
		{name: "C locale", env: map[string]string{"LANG": "C.UTF-8"}, want: VI},
		{name: "French locale", env: map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US"}, want: VI},
		{name: "unknown flag", flag: "fr", want: VI, wantErr: true},
		{name: "unknown PARPLAN_LANG", env: map[string]string{"PARPLAN_LANG": "de", "LANG": "en_US"}, want: EN, wantErr: true},
		{name: "flag with region", flag: "en-GB", want: EN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Choose(tt.flag, func(k string) string { return tt.env[k] })
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("got %s, %v; want %s, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// idCall finds message IDs written literally in the source: msg.New("…"),
// msg.Errorf("…"), p.T("…"), and the packages' short forms.
var idCall = regexp.MustCompile(`(?:msg\.New|msg\.Errorf|\bm|\.T|usageError|failure|osError|comment|yamlProblems\b.*)\(\s*"([a-z][a-z0-9-]*\.[a-z0-9.-]*[a-z0-9])"|\{"[^"]+", "([a-z]+\.[a-z0-9-]+)"\}|id\s*:?=\s*"([a-z]+\.[a-z0-9-]+)"`)

// TestSourceIDsExist: every message ID the code names literally is in
// both catalogues, so no user ever sees a raw ID.
func TestSourceIDsExist(t *testing.T) {
	root := filepath.Join("..", "..")
	n := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range idCall.FindAllStringSubmatch(string(data), -1) {
			id := m[1] + m[2] + m[3]
			n++
			for _, l := range Langs {
				if !Has(l, id) {
					t.Errorf("%s: message %s is not in the %s catalogue", path, id, l)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 150 {
		t.Errorf("found only %d message IDs in the source: the pattern is out of date", n)
	}
}
