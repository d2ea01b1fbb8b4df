package uvlock

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either fails with an error or gives a lock, and
// the packages made of a lock keep extractortest's invariants (a name,
// an ecosystem, a purl and dependencies that parse, a directory inside
// the tree).
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/project/uv.lock", "testdata/legacy/uv.lock")
	f.Add([]byte("version = 1\n[manifest]\nmembers = [\"a\"]\n[[package]]\nname = \"a\"\nsource = { editable = \"a\" }\ndependencies = [{ name = \"b\", extra = [\"x\"] }]\n[[package]]\nname = \"b\"\nversion = \"1\"\n[package.optional-dependencies]\nx = [{ name = \"a\" }]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		extractortest.CheckInvariants(t, packages(lock, "dir"))
	})
}
