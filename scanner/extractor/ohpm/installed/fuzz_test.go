package installed

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
)

// FuzzParse: any manifest at any matched path either parses or fails
// with an error, without panicking; what parses gives one ohpm package
// that keeps extractortest's invariants (a name, a purl and dependencies
// that parse) with its directory, inside the tree when the path is one a
// scan gives.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/oh-package.json5",
		"oh_modules/.ohpm/@ohos+polka@1.0.3/oh_modules/@ohos/polka/oh-package.json5",
		"entry/oh_modules/.ohpm/@hmos+dateutil@1.2.0/oh_modules/@hmos/dateutil/oh-package.json5",
		"oh_modules/@ohos/hypium/oh-package.json5",
	} {
		f.Add(name, extractortest.ReadFile(f, "testdata/"+name))
	}
	f.Add("oh_modules/.ohpm/@a+b@1.0.0/oh_modules/@a/b/oh-package.json5", []byte(`{dependencies: {x: "1.0.0", y: 2}}`))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		if !(Extractor{}).Match(extractor.File{Path: path}) {
			return
		}
		m, _ := ohpackage.Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		pkgs := packages(path, m)
		if len(pkgs) != 1 {
			t.Fatalf("%d packages from %q", len(pkgs), path)
		}
		// The directory is made of the path, checked when it is one a
		// scan gives.
		iv := extractortest.Invariants{Ecosystem: "ohpm", Directory: true, AnyDirectory: !fs.ValidPath(path)}
		iv.Check(t, pkgs)
	})
}
