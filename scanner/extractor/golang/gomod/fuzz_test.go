package gomod

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error; what parses
// gives packages that keep extractortest's invariants (a name, an
// ecosystem, a purl that parses, dependencies that are purls: a module
// path no purl can hold, "require / v0", is not pointed at).
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/go.mod")
	f.Add([]byte("module x\nrequire a v1.0.0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		mf, err := parse("go.mod", data)
		if err != nil {
			return
		}
		extractortest.Invariants{}.Check(t, packages(mf, nil))
	})
}
