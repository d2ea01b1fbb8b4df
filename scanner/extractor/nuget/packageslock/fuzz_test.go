package packageslock

import (
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned has a name, an ecosystem and a purl
// that parses.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/multi/packages.lock.json", "testdata/cpm/packages.lock.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"version": 2, "dependencies": {"net8.0": {"p": {"type": "Project", "dependencies": {"A": "[1, )"}}, "A": {"type": "CentralTransitive", "resolved": "1.0.0"}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _ := parse(data)
		for _, p := range pkgs {
			if p.Name == "" || p.Ecosystem == "" || p.PURL == "" {
				t.Fatalf("package without a name, ecosystem or purl %+v from %q", p, data)
			}
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q: %v", p.PURL, err)
			}
		}
	})
}
