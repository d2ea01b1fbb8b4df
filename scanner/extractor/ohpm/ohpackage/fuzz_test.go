package ohpackage

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; what parses gives ohpm packages that keep extractortest's
// invariants (a name, a purl and dependencies that parse, a directory
// inside the tree). A package may have no purl: a name no purl can hold
// ("@x/").
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f,
		"testdata/oh-package.json5",
		"testdata/entry/oh-package.json5",
		"testdata/library/oh-package.json5",
		"testdata/feature/oh-package.json5",
	)
	f.Add([]byte(`{name: 1, license: [{type: 'MIT'}, [2]], dependencies: {a: 'file:./a', b: 2}, dynamicDependencies: []}`))
	f.Add([]byte("\ufeff/* c */{'a': \"\\u0041\", b: 0x1F, c: +Infinity, d: NaN, e: .5,} // x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _ := Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		isDir := func(string) bool { return true }
		extractortest.Invariants{Ecosystem: "ohpm"}.Check(t, m.packages("some/dir", isDir))
	})
}
