package plan

import "bytes"

// Line breaks. yaml.v3 starts a line at "\r\n", "\n" and a lone "\r", as
// editors do (Notepad, VS Code), but also at NEL (U+0085), LINE
// SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), which editors
// show inside the line they are in. The loader refuses those three
// (checkEncoding), so that every line number it gives, its own or
// yaml.v3's, is the one the user's editor shows; the functions here
// count lines the same way.

// unusualBreak reports whether r is a line break to YAML but not to an
// editor.
func unusualBreak(r rune) bool {
	return r == 0x85 || r == 0x2028 || r == 0x2029
}

// cutLine returns the first line of data without its line break, the
// text after that break, and whether there was one.
func cutLine(data []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		line = data
	} else {
		line, rest = data[:i], data[i+1:]
	}
	if j := bytes.IndexByte(line, '\r'); j >= 0 && j < len(line)-1 {
		return data[:j], data[j+1:], true // a lone CR
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		return line[:n-1], rest, true
	}
	return line, rest, i >= 0
}

// lineCount is the number of lines of data, not counting empty lines at
// its end: the last line a position can be on.
func lineCount(data []byte) int {
	data = bytes.TrimRight(data, "\r\n")
	n := 1
	for {
		_, rest, found := cutLine(data)
		if !found {
			return n
		}
		n, data = n+1, rest
	}
}
