//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// prepareConsole makes a Windows console show parplan's output as
// written: the UTF-8 code page (65001), so Vietnamese prints correctly in
// cmd and PowerShell instead of as the OEM code page's mojibake, and
// virtual terminal processing, so colors are colors and not escape codes.
// It returns the function that puts the console back as it was, since a
// console's code page outlives the program.
func prepareConsole() (restore func()) {
	var undo []func()
	if cp, err := windows.GetConsoleOutputCP(); err == nil && cp != 65001 {
		if windows.SetConsoleOutputCP(65001) == nil {
			undo = append(undo, func() { _ = windows.SetConsoleOutputCP(cp) })
		}
	}
	for _, f := range []*os.File{os.Stdout, os.Stderr} {
		h := windows.Handle(f.Fd())
		var mode uint32
		if windows.GetConsoleMode(h, &mode) != nil {
			continue // not a console: a pipe or a file
		}
		if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING == 0 &&
			windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil {
			undo = append(undo, func() { _ = windows.SetConsoleMode(h, mode) })
		}
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}
