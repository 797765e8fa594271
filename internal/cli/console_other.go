//go:build !windows

package cli

// prepareConsole has nothing to do outside Windows: terminals take UTF-8
// and escape codes as they are.
func prepareConsole() (restore func()) { return func() {} }
