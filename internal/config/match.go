package config

import (
	"path"
	"strings"
)

// Match reports whether the slash-separated relative path name is
// excluded by the glob pattern. Patterns use path.Match's syntax (*, ?,
// [ranges]) in each segment, plus ** for any number of segments:
//
//   - a pattern without a slash matches any one segment of the path, so
//     "testdata" leaves out every directory named testdata and "*.bak.yaml"
//     every such file;
//   - a pattern with a slash matches from the start of the path, and a
//     pattern that matches a directory leaves out everything under it:
//     "plans/old" and "plans/old/**" are the same;
//   - a leading "./" and a trailing "/" are ignored.
func Match(pattern, name string) bool {
	pattern = strings.TrimSuffix(strings.TrimPrefix(pattern, "./"), "/")
	name = strings.TrimPrefix(name, "./")
	segs := strings.Split(name, "/")
	if !strings.Contains(pattern, "/") {
		for _, s := range segs {
			if ok, _ := path.Match(pattern, s); ok {
				return true
			}
		}
		return false
	}
	return matchPrefix(strings.Split(pattern, "/"), segs)
}

// matchPrefix reports whether pat matches segs or a leading part of
// them (a directory holding the rest).
func matchPrefix(pat, segs []string) bool {
	if len(pat) == 0 {
		return true
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchPrefix(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], segs[0]); !ok {
		return false
	}
	return matchPrefix(pat[1:], segs[1:])
}

// ValidPattern reports whether every segment of pattern is a valid
// path.Match pattern.
func ValidPattern(pattern string) bool {
	if strings.TrimSpace(pattern) == "" {
		return false
	}
	for _, s := range strings.Split(pattern, "/") {
		if _, err := path.Match(s, ""); err != nil {
			return false
		}
	}
	return true
}
