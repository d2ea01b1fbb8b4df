// Command heng scans source trees for licenses and dependencies.
//
// Everything lives in cmd/internal/cli; main only turns its result into the
// process exit code, so the same entry point can run in-process in tests.
package main

import (
	"os"

	"github.com/hengdev/heng/cmd/internal/cli"
)

func main() { os.Exit(cli.Main()) }
