package uvlock

import (
	"bytes"
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either fails with an error or gives a lock, and
// the packages made of a lock have names, an ecosystem and purls that
// parse.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/project/uv.lock", "testdata/legacy/uv.lock"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("version = 1\n[manifest]\nmembers = [\"a\"]\n[[package]]\nname = \"a\"\nsource = { editable = \"a\" }\ndependencies = [{ name = \"b\", extra = [\"x\"] }]\n[[package]]\nname = \"b\"\nversion = \"1\"\n[package.optional-dependencies]\nx = [{ name = \"a\" }]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		for _, p := range packages(lock, "dir") {
			if p.Name == "" || p.Ecosystem == "" {
				t.Fatalf("package without a name or ecosystem: %+v", p)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q: %v", p.PURL, err)
				}
			}
		}
	})
}
