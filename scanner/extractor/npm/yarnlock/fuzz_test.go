package yarnlock

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
		"testdata/v1/yarn.lock",
		"testdata/v1-workspaces/yarn.lock",
		"testdata/berry/yarn.lock",
		"testdata/berry-v3/yarn.lock",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, true)
	}
	f.Add([]byte("a@^1, \"@s/b@npm:a@^1\":\n  version \"1.0.0\"\n  dependencies:\n    a \"^1\"\n"), false)
	f.Add([]byte("__metadata:\n  version: 8\n\n\"a@npm:^1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    a: \"npm:^1\"\n"), true)
	manifests := map[string]*manifest{".": {
		Dependencies:         map[string]any{"a": "^1", "@s/b": "npm:a@^1"},
		DevDependencies:      map[string]any{"debug": "^2.6.9"},
		OptionalDependencies: map[string]any{"is-odd": "^3.0.1"},
	}}
	f.Fuzz(func(t *testing.T, data []byte, withManifest bool) {
		lock, err := parse(data)
		if lock == nil {
			if err == nil {
				t.Fatal("no lock file and no error")
			}
			return
		}
		var m map[string]*manifest
		if withManifest {
			m = manifests
		}
		for _, p := range lock.packages(m) {
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
