package cargolock

import (
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned has a name, an ecosystem and a purl
// that parses.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/v1/Cargo.lock", "testdata/v2/Cargo.lock", "testdata/v3/Cargo.lock", "testdata/v4/Cargo.lock"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[root]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"b 1 (x)\"]\n[[package]]\nname = \"b\"\nversion = \"1\"\nsource = \"x\"\n[metadata]\n\"checksum b 1 (x)\" = \"00\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _ := parse(data)
		for _, p := range pkgs {
			if p.Name == "" || p.Ecosystem == "" {
				t.Fatalf("package without a name or ecosystem %+v from %q", p, data)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q: %v", p.PURL, err)
				}
			}
		}
	})
}
