package installed

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor/npm/packagejson"
)

// FuzzParse: any input either parses or fails with an error; what parses
// gives an npm package with a name and a valid purl.
func FuzzParse(f *testing.F) {
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "package.json" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.Add(data, filepath.ToSlash(p))
		return nil
	})
	if err != nil {
		f.Fatal(err)
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
		if p.Name == "" || p.Ecosystem != "npm" {
			t.Fatalf("package without a name or ecosystem from %q at %q: %+v", data, path, p)
		}
		if _, err := packageurl.FromString(p.PURL); err != nil {
			t.Fatalf("bad purl %q from %q at %q: %v", p.PURL, data, path, err)
		}
	})
}
