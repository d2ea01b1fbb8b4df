// Command gen rebuilds licenses/data/index.bin, the candidate index of every
// license pattern heng matches. Run it with go generate ./licenses after
// changing the patterns or their data, or upgrading licensecheck.
package main

import (
	"fmt"
	"os"

	"github.com/hengdev/heng/licenses/internal/index"
)

func main() {
	ix, err := index.BuildFrom(os.DirFS("data"))
	if err == nil {
		err = os.WriteFile("data/index.bin", ix.Encode(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
