package pyproject

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any input either fails to decode or gives packages with
// names, the pypi ecosystem and purls that parse; never a panic.
func FuzzParse(f *testing.F) {
	err := fs.WalkDir(os.DirFS("testdata"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p) != "pyproject.toml" {
			return err
		}
		data, err := os.ReadFile(path.Join("testdata", p))
		if err != nil {
			return err
		}
		f.Add(data)
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("[dependency-groups]\na = [{include-group = \"a\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		pkgs, _ := packages(doc)
		for _, p := range pkgs {
			if p.Name == "" || p.Ecosystem != inventory.EcosystemPyPI {
				t.Fatalf("bad package %+v from %q", p, data)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
				}
			}
		}
	})
}
