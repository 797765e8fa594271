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

// color reports whether output may use terminal colors: on a terminal,
// unless NO_COLOR is set (https://no-color.org) or TERM is dumb.
func (ios *IO) color() bool {
	if !ios.IsTerminal {
		return false
	}
	return ios.Getenv("NO_COLOR") == "" && ios.Getenv("TERM") != "dumb"
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
