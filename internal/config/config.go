// Package config reads .parplan.yaml, a repository's settings for
// parplan: the paths validate checks when it is given none, the files it
// leaves out, the default language and the severity that fails a run.
package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/msg"
)

var yamlLine = regexp.MustCompile(`^line (\d+): (.*)`)

// FileName is the configuration file's name.
const FileName = ".parplan.yaml"

// MaxBytes is the largest configuration file read.
const MaxBytes = 1 << 20

// Config is one configuration file.
type Config struct {
	// File is the path of the configuration file.
	File string
	// Dir is the directory it is in: Paths and Exclude are relative to
	// it.
	Dir string
	// Paths are the files and directories validate checks when the
	// command line names none, relative to Dir.
	Paths []string
	// Exclude are glob patterns (see Match) of files and directories
	// that directory walks leave out, relative to Dir.
	Exclude []string
	// Lang is the default language (vi or en), or "".
	Lang string
	// FailOn is the least severity that fails validate (error, warning,
	// note), or "".
	FailOn string
}

// Keys are the keys a configuration file may have.
var Keys = []string{"paths", "exclude", "lang", "fail-on"}

// FailOnValues are the values of fail-on.
var FailOnValues = []string{"error", "warning", "note"}

// Find returns the configuration file that applies in dir: the nearest
// .parplan.yaml in dir or a parent of it, up to the root of the git
// repository dir is in (the directory that holds .git). Outside a git
// repository only dir itself is looked at, so a file in a home directory
// never applies by accident.
func Find(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	root := gitRoot(dir)
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
		if root == "" || d == root || filepath.Dir(d) == d {
			return "", false
		}
	}
}

// gitRoot is the nearest directory at or above dir that holds .git (a
// directory, or a file in a worktree), or "".
func gitRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Load reads and checks the configuration file at path. A problem with
// its content is a *msg.Error naming file:line:col.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, msg.Errorf("config.too-large", "File", msg.Raw(path), "Limit", MaxBytes)
	}
	c := &Config{File: path, Dir: filepath.Dir(path)}
	return c, c.decode(data)
}

func (c *Config) decode(data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml.v3's syntax errors carry only a line: "yaml: line 3: …".
		line, text := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(text); m != nil {
			line, _ = strconv.Atoi(m[1])
			text = m[2]
		}
		return msg.Errorf("config.syntax", "File", msg.Raw(c.File), "Line", line, "Err", msg.Raw(text))
	}
	if len(doc.Content) == 0 {
		return nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return c.errorAt(root, "config.not-mapping")
	}
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var err error
		switch k.Value {
		case "paths":
			c.Paths, err = c.strings(k.Value, v)
		case "exclude":
			c.Exclude, err = c.strings(k.Value, v)
			for _, g := range c.Exclude {
				if err == nil && !ValidPattern(g) {
					err = c.errorAt(v, "config.bad-glob", "Pattern", msg.Raw(g))
				}
			}
		case "lang":
			c.Lang, err = c.oneOf(k.Value, v, []string{"vi", "en"})
		case "fail-on":
			c.FailOn, err = c.oneOf(k.Value, v, FailOnValues)
		default:
			err = c.errorAt(k, "config.unknown-key", "Key", msg.Raw(k.Value), "Keys", Keys)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (c *Config) errorAt(n *yaml.Node, id string, kv ...any) error {
	kv = append([]any{"File", msg.Raw(c.File), "Line", n.Line, "Col", n.Column}, kv...)
	return msg.Errorf(id, kv...)
}

// strings decodes a list of strings, or one string as a list of one.
func (c *Config) strings(key string, n *yaml.Node) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, c.errorAt(n, "config.want-list", "Key", msg.Raw(key))
	}
	var out []string
	for _, e := range n.Content {
		if e.Kind != yaml.ScalarNode || e.Tag != "!!str" && e.Tag != "!!int" && e.Tag != "!!float" || e.Value == "" {
			return nil, c.errorAt(e, "config.want-list", "Key", msg.Raw(key))
		}
		out = append(out, e.Value)
	}
	return out, nil
}

func (c *Config) oneOf(key string, n *yaml.Node, values []string) (string, error) {
	if n.Kind != yaml.ScalarNode || !slices.Contains(values, n.Value) {
		return "", c.errorAt(n, "config.bad-value", "Key", msg.Raw(key), "Value", msg.Raw(n.Value), "Values", values)
	}
	return n.Value, nil
}

// IsNotExist reports whether err says the file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
