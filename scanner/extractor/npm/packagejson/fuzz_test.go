package packagejson

import (
	"bytes"
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error; what parses
// gives npm packages with names and valid purls.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"testdata/app/package.json",
		"testdata/app/packages/util/package.json",
		"testdata/legacy/package.json",
		"testdata/specs/package.json",
		"testdata/noname/package.json",
		"testdata/lib/esm/package.json",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"name": 1, "license": [[{"type": "MIT"}]], "workspaces": {"packages": ["a"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _ := Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		for _, p := range packages(m, "some/dir") {
			if p.Name == "" || p.Ecosystem != "npm" {
				t.Fatalf("package without a name or ecosystem from %q: %+v", data, p)
			}
			if p.PURL == "" {
				t.Fatalf("package without a purl from %q: %+v", data, p)
			}
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
			}
		}
	})
}
