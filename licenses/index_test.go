package licenses

import (
	"bytes"
	"os"
	"testing"

	"github.com/hengdev/heng/licenses/internal/index"
)

// TestIndexUpToDate rebuilds the candidate index from its sources and
// compares it with the one embedded in the binary.
func TestIndexUpToDate(t *testing.T) {
	ix, err := index.BuildFrom(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ix.Encode(), indexData) {
		t.Fatal("data/index.bin is out of date: run go generate ./licenses")
	}
}
