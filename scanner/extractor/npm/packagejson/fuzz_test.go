package packagejson

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error; what parses
// gives npm packages that keep extractortest's invariants (a name, a purl
// and dependencies that parse) with purls.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f,
		"testdata/app/package.json",
		"testdata/app/packages/util/package.json",
		"testdata/legacy/package.json",
		"testdata/specs/package.json",
		"testdata/noname/package.json",
		"testdata/lib/esm/package.json",
	)
	f.Add([]byte(`{"name": 1, "license": [[{"type": "MIT"}]], "workspaces": {"packages": ["a"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _ := Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		extractortest.Invariants{Ecosystem: "npm", PURL: true}.Check(t, packages(m, "some/dir"))
	})
}
