package composerlock

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned has a name, an ecosystem and a purl
// that parses, and a directory inside the tree, not above the lock.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/shop/composer.lock", "testdata/legacy/composer.lock"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, []byte(`{"require": {"a/b": "^1"}, "config": {"vendor-dir": "v"}}`))
	}
	f.Add([]byte(`{"packages": [{"name": "a/b", "version": "1", "dist": {"type": "path", "url": "x"}, "provide": {"c/d": "1"}}], "packages-dev": [{"name": "e/f", "version": "2", "require": {"c/d": "*"}}]}`),
		[]byte(`{"name": "r/r", "license": ["MIT", "GPL-2.0-only"]}`))
	f.Fuzz(func(t *testing.T, lockData, manifestData []byte) {
		l, _ := parse(bytes.NewReader(lockData))
		if l == nil {
			return
		}
		for _, p := range l.packages(parseManifest(manifestData), "app") {
			if p.Name == "" || p.Ecosystem == "" {
				t.Fatalf("package without a name or ecosystem %+v", p)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q: %v", p.PURL, err)
				}
			}
			if d := p.Directory; d != "" && (!fs.ValidPath(d) || d == "." || strings.HasPrefix("app/", d+"/")) {
				t.Fatalf("directory %q outside the tree or above the lock", d)
			}
		}
	})
}
