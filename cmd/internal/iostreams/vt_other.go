//go:build !windows

package iostreams

import "os"

// enableVirtualTerminal reports whether f can show escape codes; terminals
// outside Windows always can.
func enableVirtualTerminal(*os.File) bool { return true }
