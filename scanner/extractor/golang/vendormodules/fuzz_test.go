package vendormodules

import (
	"bytes"
	"path"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input is read without a panic, and what it yields are
// packages that keep extractortest's invariants (a name, an ecosystem, a
// purl and dependencies that parse) with directories inside the vendor
// directory.
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, extractortest.FindFiles(f, "testdata", func(p string) bool {
		ok, _ := path.Match("*/vendor/modules.txt", p)
		return ok
	})...)
	f.Add([]byte("## workspace\n# a v1.0.0 => ./b\n## explicit; go 1.21\na/c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		vf, _ := parse(bytes.NewReader(data))
		for _, reqs := range []requirements{nil, {"a": true}} {
			extractortest.Invariants{Below: "x/vendor"}.Check(t, packages(vf, "x/vendor", reqs, nil))
		}
	})
}
