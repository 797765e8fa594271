package cli

import (
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Windows shells (cmd, PowerShell) hand parplan "plans\*.yaml" as it is
// typed, where a Unix shell expands it. So parplan expands an argument
// itself when it holds a glob metacharacter (*, ? or [) and names no
// existing file — on every system, so a quoted pattern in a Makefile or a
// CI step works the same everywhere, and a file whose name really holds
// a "*" is still read as itself. On Windows a backslash separates
// directories, as a forward slash does; elsewhere it escapes the next
// character, as in the shell.
var windowsPaths = runtime.GOOS == "windows"

// hasGlobMeta reports whether s holds a glob metacharacter.
func hasGlobMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// expandGlob returns the paths that match pattern, sorted, in the
// system's separators: path.Match syntax in each segment, and ** for any
// number of directories. Names that start with a dot match only a
// pattern segment that starts with one, as in the shell. backslash says
// that \ separates directories (Windows). A malformed pattern is an
// error; no match is no paths.
func expandGlob(pattern string, backslash bool) ([]string, error) {
	if backslash {
		pattern = strings.ReplaceAll(pattern, `\`, "/")
	}
	segs := strings.Split(pattern, "/")
	for _, s := range segs {
		if _, err := path.Match(s, ""); err != nil {
			return nil, err
		}
	}
	// Each candidate is a slash-separated path; "" is the working
	// directory. A leading empty segment is the root.
	cands := []string{""}
	if segs[0] == "" {
		cands, segs = []string{"/"}, segs[1:]
	}
	for i, seg := range segs {
		last := i == len(segs)-1
		var next []string
		for _, c := range cands {
			switch {
			case seg == "" || seg == ".":
				next = append(next, c) // "a//b", "./a"
			case seg == "**":
				next = append(next, c)
				next = append(next, subdirs(c)...)
			case !hasGlobMeta(seg):
				next = append(next, joinSlash(c, seg))
			default:
				entries, err := os.ReadDir(dirOf(c))
				if err != nil {
					continue
				}
				for _, e := range entries {
					name := e.Name()
					if strings.HasPrefix(name, ".") && !strings.HasPrefix(seg, ".") {
						continue
					}
					if ok, _ := path.Match(seg, name); ok && (last || e.IsDir() || isDirLink(c, name)) {
						next = append(next, joinSlash(c, name))
					}
				}
			}
		}
		cands = next
	}
	var out []string
	for _, c := range cands {
		if c == "" {
			continue
		}
		if _, err := os.Lstat(filepath.FromSlash(c)); err == nil {
			out = append(out, filepath.FromSlash(c))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func dirOf(c string) string {
	if c == "" {
		return "."
	}
	return filepath.FromSlash(c)
}

func joinSlash(dir, name string) string {
	switch dir {
	case "":
		return name
	case "/":
		return "/" + name
	}
	return dir + "/" + name
}

func isDirLink(dir, name string) bool {
	st, err := os.Stat(filepath.Join(dirOf(dir), name))
	return err == nil && st.IsDir()
}

// subdirs lists every directory below dir, hidden ones left out.
func subdirs(dir string) []string {
	var out []string
	entries, err := os.ReadDir(dirOf(dir))
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			sub := joinSlash(dir, e.Name())
			out = append(out, sub)
			out = append(out, subdirs(sub)...)
		}
	}
	return out
}
