package installed

import (
	"bytes"
	"io/fs"
	"path"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/extractor/npm/packagejson"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any input either parses or fails with an error; what parses
// gives an npm package that keeps extractortest's invariants (a name, a
// purl and dependencies that parse, a directory inside the tree when the
// path is one a scan gives) with a purl.
func FuzzParse(f *testing.F) {
	for _, name := range extractortest.FindFiles(f, "testdata", func(p string) bool { return path.Base(p) == "package.json" }) {
		f.Add(extractortest.ReadFile(f, name), name)
	}
	f.Add([]byte(`{"_requiredBy": ["#DEV:/"], "_shasum": "0000000000000000000000000000000000000000"}`), "node_modules/@s/x/package.json")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		m, _ := packagejson.Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		p, ok := toPackage(m, path)
		if !ok {
			return
		}
		// The directory is made of the path, checked when it is one a
		// scan gives.
		iv := extractortest.Invariants{Ecosystem: "npm", PURL: true, AnyDirectory: !fs.ValidPath(path)}
		iv.Check(t, []inventory.Package{p})
	})
}
