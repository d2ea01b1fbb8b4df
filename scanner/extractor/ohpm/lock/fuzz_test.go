package lock

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
)

// FuzzParse: any lock file (and manifest beside it) either parses or
// fails with an error, without panicking; what parses gives ohpm packages
// that keep extractortest's invariants (a name, a purl and dependencies
// that parse, a directory inside the tree).
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"testdata/v1", "testdata/v2/entry", "testdata/v3"} {
		lock := extractortest.ReadFile(f, dir+"/oh-package-lock.json5")
		manifest := extractortest.ReadFile(f, dir+"/oh-package.json5")
		f.Add(lock, manifest)
		f.Add(lock, []byte(nil))
	}
	f.Add([]byte(`{specifiers: {"a@^1": "a@1.0.0", "b@x": 1}, packages: {"a@1.0.0": {dependencies: {a: "^1", b: "x", c: "file:./c"}}, "c@./c": {registryType: "local"}, "@": 1}}`),
		[]byte(`{dependencies: {a: "^1"}, devDependencies: {c: "file:c"}}`))
	f.Fuzz(func(t *testing.T, lock, manifest []byte) {
		lf, _ := parse(bytes.NewReader(lock))
		if lf == nil {
			return
		}
		m, _ := ohpackage.Parse(bytes.NewReader(manifest))
		isDir := func(string) bool { return true }
		extractortest.Invariants{Ecosystem: "ohpm"}.Check(t, lf.packages(m, "m", isDir))
	})
}
