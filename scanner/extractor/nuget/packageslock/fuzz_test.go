package packageslock

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned keeps extractortest's invariants (a
// name, an ecosystem, dependencies that parse) with a purl that parses.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/multi/packages.lock.json", "testdata/cpm/packages.lock.json")
	f.Add([]byte(`{"version": 2, "dependencies": {"net8.0": {"p": {"type": "Project", "dependencies": {"A": "[1, )"}}, "A": {"type": "CentralTransitive", "resolved": "1.0.0"}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _ := parse(data)
		extractortest.Invariants{PURL: true}.Check(t, pkgs)
	})
}
