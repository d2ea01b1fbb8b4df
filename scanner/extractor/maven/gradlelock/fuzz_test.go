package gradlelock

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input gives packages, an error or both, without a
// panic; the packages are named Maven packages with valid purls.
func FuzzParse(f *testing.F) {
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".lockfile") {
			return err
		}
		data, err := os.ReadFile(p)
		f.Add(data, false)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("a:b:1\nempty=\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, legacy bool) {
		k := kind{}
		if legacy {
			k.conf = "compileClasspath"
		}
		pkgs, _ := parse(bytes.NewReader(data), k)
		for _, p := range pkgs {
			if p.Name == "" || p.Ecosystem == "" || p.Version == "" {
				t.Fatalf("package without a name, ecosystem or version: %+v", p)
			}
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q: %v", p.PURL, err)
			}
		}
	})
}
