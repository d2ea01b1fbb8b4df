package pyproject

import (
	"bytes"
	"path"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any input either fails to decode or gives pypi packages that
// keep extractortest's invariants (a name, a purl and dependencies that
// parse, a directory inside the tree); never a panic.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, extractortest.FindFiles(f, "testdata", func(p string) bool { return path.Base(p) == "pyproject.toml" })...)
	f.Add([]byte("[dependency-groups]\na = [{include-group = \"a\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		pkgs, _ := packages(doc)
		extractortest.Invariants{Ecosystem: inventory.EcosystemPyPI}.Check(t, pkgs)
	})
}
