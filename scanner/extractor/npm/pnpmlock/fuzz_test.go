package pnpmlock

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, never a
// panic; the packages it gives keep extractortest's invariants (a name, a
// purl and dependencies that parse, a directory inside the tree) and are
// npm packages.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f,
		"testdata/v5/pnpm-lock.yaml",
		"testdata/v6/pnpm-lock.yaml",
		"testdata/v9/pnpm-lock.yaml",
		"testdata/v5-single/pnpm-lock.yaml",
		"testdata/v6-single/pnpm-lock.yaml",
	)
	f.Add([]byte("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: 1.0.0(b@1.0.0)\npackages:\n  a@1.0.0:\n    resolution: {directory: ../a, type: directory}\nsnapshots:\n  a@1.0.0(b@1.0.0):\n    dependencies:\n      a: 1.0.0(b@1.0.0)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, err := parse(data)
		if lock == nil {
			if err == nil {
				t.Fatal("no lock file and no error")
			}
			return
		}
		extractortest.Invariants{Ecosystem: "npm"}.Check(t, lock.packages("sub/dir"))
	})
}
