package cargotoml

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned, as a crate or as a vendored copy,
// keeps extractortest's invariants (a name, an ecosystem, a purl that
// parses, a directory inside the tree). Dependencies are not checked: a
// dependency no purl can hold leaves "" among the root crate's.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f,
		"testdata/Cargo.toml", "testdata/app/Cargo.toml", "testdata/util/Cargo.toml",
		"testdata/standalone/Cargo.toml", "testdata/vendor/itoa/Cargo.toml",
	)
	f.Add([]byte("[package]\nname = \"a\"\nversion.workspace = true\n[workspace.package]\nversion = \"1\"\n[workspace.dependencies]\nb = { path = \"b\" }\n[dependencies]\nb.workspace = true\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parse(data)
		if err != nil {
			return
		}
		pkgs, _ := m.packages(m.workspace)
		extractortest.Invariants{}.Check(t, pkgs)
		extractortest.Invariants{}.Check(t, m.vendored("vendor/x"))
	})
}
