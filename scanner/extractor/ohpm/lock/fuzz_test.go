package lock

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
)

// FuzzParse: any lock file (and manifest beside it) either parses or
// fails with an error, without panicking; what parses gives ohpm packages
// with names, valid purls and directories inside the tree.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"testdata/v1", "testdata/v2/entry", "testdata/v3"} {
		lock, err := os.ReadFile(dir + "/oh-package-lock.json5")
		if err != nil {
			f.Fatal(err)
		}
		manifest, err := os.ReadFile(dir + "/oh-package.json5")
		if err != nil {
			f.Fatal(err)
		}
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
		for _, p := range lf.packages(m, "m", isDir) {
			if p.Name == "" || p.Ecosystem != "ohpm" {
				t.Fatalf("package without a name or ecosystem from %q: %+v", lock, p)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q from %q: %v", p.PURL, lock, err)
				}
			}
			if d := p.Directory; d == ".." || strings.HasPrefix(d, "../") || strings.HasPrefix(d, "/") {
				t.Fatalf("directory %q outside the tree from %q", d, lock)
			}
		}
	})
}
