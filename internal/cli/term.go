package cli

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// color reports whether output may use terminal colors: on a terminal,
// unless NO_COLOR is set (https://no-color.org) or TERM is dumb.
func (ios *IO) color() bool {
	if !ios.IsTerminal {
		return false
	}
	return ios.Getenv("NO_COLOR") == "" && ios.Getenv("TERM") != "dumb"
}
