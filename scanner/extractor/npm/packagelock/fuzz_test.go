package packagelock

import (
	"bytes"
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error; what parses,
// even partly, gives npm packages with names and valid purls.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"testdata/v1-npm6/package-lock.json",
		"testdata/v1-npm11/package-lock.json",
		"testdata/v2/package-lock.json",
		"testdata/v3/package-lock.json",
		"testdata/links/package-lock.json",
		"testdata/sources/package-lock.json",
		"testdata/hidden/node_modules/.package-lock.json",
		"testdata/eslint/package-lock.json",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"packages": {"": {"workspaces": ["a/**"]}, "a/b": {"name": "b"}, "node_modules/b": {"link": true, "resolved": "a/b"}, "../x/node_modules/@s/c": {}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		for _, p := range lock.packages("some/dir") {
			if p.Name == "" || p.Ecosystem != "npm" {
				t.Fatalf("package without a name or ecosystem from %q: %+v", data, p)
			}
			if p.PURL == "" {
				t.Fatalf("package without a purl from %q: %+v", data, p)
			}
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
			}
			for _, d := range p.Dependencies {
				if _, err := packageurl.FromString(d); err != nil {
					t.Fatalf("bad dependency purl %q from %q: %v", d, data, err)
				}
			}
		}
	})
}
