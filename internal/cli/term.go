package cli

import (
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"

	"github.com/parplan/parplan/internal/render"
)

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// color reports whether output may use terminal colors. --color always
// and never decide; otherwise (auto) NO_COLOR turns colors off
// (https://no-color.org), CLICOLOR_FORCE (not 0) or FORCE_COLOR (not 0
// or false) turn them on even when output is not a terminal (a CI log
// that shows colors), and else colors are on for a terminal whose TERM
// is not dumb.
func (ios *IO) color() bool {
	switch ios.ColorMode {
	case "always":
		return true
	case "never":
		return false
	}
	if ios.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := ios.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	if v := ios.Getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true
	}
	return ios.IsTerminal && ios.Getenv("TERM") != "dumb"
}

// width is the terminal width output must fit, or 0 when output is not a
// terminal. $COLUMNS overrides it.
func (ios *IO) width() int {
	if c, err := strconv.Atoi(ios.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	if !ios.IsTerminal {
		return 0
	}
	if f, ok := ios.Out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// tableOptions are the width, color and language of a table on Out.
func (ios *IO) tableOptions() render.TableOptions {
	return render.TableOptions{Width: ios.width(), Color: ios.color(), P: ios.P}
}
