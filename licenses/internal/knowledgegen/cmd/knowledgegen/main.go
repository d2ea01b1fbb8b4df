// Command knowledgegen rebuilds licenses/data/meta/licenses.tsv and
// licenses/data/meta/texts.gz. It runs from go generate in package
// licenses, whose directory is the working directory.
package main

import (
	"fmt"
	"os"

	"github.com/hengdev/heng/licenses/internal/knowledgegen"
)

func main() {
	if err := knowledgegen.Write("."); err != nil {
		fmt.Fprintln(os.Stderr, "knowledgegen:", err)
		os.Exit(1)
	}
}
