package wheelmetadata

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either gives a package or an error, never a
// panic; a package has a name, an ecosystem and a purl that parses.
func FuzzParse(f *testing.F) {
	err := fs.WalkDir(os.DirFS("testdata"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p) != "METADATA" {
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
	f.Add([]byte("Name: x\nVersion: 1\nLicense: a\n  b\n\nbody"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(bytes.NewReader(data))
		if p == nil {
			if err == nil {
				t.Fatalf("no package and no error from %q", data)
			}
			return
		}
		if p.Name == "" || p.Ecosystem == "" {
			t.Fatalf("package without name or ecosystem from %q: %+v", data, p)
		}
		if p.PURL != "" {
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
			}
		}
	})
}
