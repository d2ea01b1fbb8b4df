package packagelock

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error; what parses,
// even partly, gives npm packages that keep extractortest's invariants (a
// name, a purl and dependencies that parse, a directory inside the tree)
// with purls.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f,
		"testdata/v1-npm6/package-lock.json",
		"testdata/v1-npm11/package-lock.json",
		"testdata/v2/package-lock.json",
		"testdata/v3/package-lock.json",
		"testdata/links/package-lock.json",
		"testdata/sources/package-lock.json",
		"testdata/hidden/node_modules/.package-lock.json",
		"testdata/eslint/package-lock.json",
	)
	f.Add([]byte(`{"packages": {"": {"workspaces": ["a/**"]}, "a/b": {"name": "b"}, "node_modules/b": {"link": true, "resolved": "a/b"}, "../x/node_modules/@s/c": {}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		extractortest.Invariants{Ecosystem: "npm", PURL: true}.Check(t, lock.packages("some/dir"))
	})
}
