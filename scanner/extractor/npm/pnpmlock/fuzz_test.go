package pnpmlock

import (
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error, never a
// panic; the packages it gives have a name, the npm ecosystem and a purl
// that parses.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"testdata/v5/pnpm-lock.yaml",
		"testdata/v6/pnpm-lock.yaml",
		"testdata/v9/pnpm-lock.yaml",
		"testdata/v5-single/pnpm-lock.yaml",
		"testdata/v6-single/pnpm-lock.yaml",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: 1.0.0(b@1.0.0)\npackages:\n  a@1.0.0:\n    resolution: {directory: ../a, type: directory}\nsnapshots:\n  a@1.0.0(b@1.0.0):\n    dependencies:\n      a: 1.0.0(b@1.0.0)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, err := parse(data)
		if lock == nil {
			if err == nil {
				t.Fatal("no lock file and no error")
			}
			return
		}
		for _, p := range lock.packages("sub/dir") {
			if p.Name == "" || p.Ecosystem != "npm" {
				t.Fatalf("package %+v without a name or ecosystem from %q", p, data)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q: %v", p.PURL, err)
				}
			}
		}
	})
}
