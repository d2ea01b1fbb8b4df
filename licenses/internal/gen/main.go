// Command gen rebuilds licenses/data/index.bin, the candidate index of every
// license pattern heng matches. Run it with go generate ./licenses after
// changing the patterns or upgrading licensecheck.
package main

import (
	"fmt"
	"os"

	"github.com/hengdev/heng/licenses/internal/index"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	data, err := os.ReadFile("data/spdx-full.json")
	if err != nil {
		return err
	}
	spdx, err := index.ParseSPDX(data)
	if err != nil {
		return err
	}
	ix, err := index.Build(index.Sources(spdx))
	if err != nil {
		return err
	}
	return os.WriteFile("data/index.bin", ix.Encode(), 0o644)
}
