//go:build windows

package iostreams

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableVirtualTerminal asks the Windows console behind f to interpret
// escape codes, and reports whether it does. Windows 10 and later can;
// older consoles refuse and would print the codes as text.
func enableVirtualTerminal(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
