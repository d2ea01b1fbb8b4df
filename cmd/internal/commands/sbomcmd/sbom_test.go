package sbomcmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/sbom/cyclonedx"
)

// TestHugeDocuments: a 500 MB file (sparse: no disk used) is refused with
// a clear error, not read into memory, by validate and by merge.
func TestHugeDocuments(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(500 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ios, _, _, _ := iostreams.Test()
	err = runValidate(&validateOptions{IO: ios, File: p})
	if err == nil || !strings.Contains(err.Error(), "too large to check") || errors.Is(err, cmdutil.ErrInvalid) {
		t.Errorf("validate: %v", err)
	}
	_, err = ReadBOM(p)
	if err == nil || !strings.Contains(err.Error(), "larger than 256 MiB") {
		t.Errorf("merge: %v", err)
	}
	if cyclonedx.MaxDocumentSize != 256<<20 {
		t.Errorf("limit changed: update this test and docs/sbom.md")
	}
}
