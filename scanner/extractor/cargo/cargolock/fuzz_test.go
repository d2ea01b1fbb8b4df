package cargolock

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned keeps extractortest's invariants (a
// name, an ecosystem, a purl and dependencies that parse).
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/v1/Cargo.lock", "testdata/v2/Cargo.lock", "testdata/v3/Cargo.lock", "testdata/v4/Cargo.lock")
	f.Add([]byte("[root]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"b 1 (x)\"]\n[[package]]\nname = \"b\"\nversion = \"1\"\nsource = \"x\"\n[metadata]\n\"checksum b 1 (x)\" = \"00\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _ := parse(data)
		extractortest.CheckInvariants(t, pkgs)
	})
}
