package gemfilelock

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every gem returned keeps extractortest's invariants (a name,
// an ecosystem, dependencies that parse) with a purl that parses, and
// its directory is inside the tree, neither the lock's nor above it.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/app/Gemfile.lock", "testdata/gem/Gemfile.lock")
	f.Add([]byte("PATH\n  remote: ../x\n  specs:\n    a (1-b)\n      c\n\nCHECKSUMS\n  a (1-b) sha256=" + strings.Repeat("0", 64) + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, _ := parse(bytes.NewReader(data))
		extractortest.Invariants{PURL: true, NotAbove: "app"}.Check(t, l.packages("app"))
	})
}
