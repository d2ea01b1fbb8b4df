package pipfilelock

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
	data, err := os.ReadFile("testdata/project/Pipfile.lock")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"default": {"x": {"path": ".", "editable": true}, "y": {"git": "g", "ref": "r", "version": "===1"}}, "t": {"z": {"file": "a://b", "hashes": ["sha1:00"]}}}`))
	direct := map[string]bool{"x": true, "z": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		for _, d := range []map[string]bool{nil, direct} {
			for _, p := range packages(lock, d, "dir") {
				if p.Name == "" || p.Ecosystem == "" {
					t.Fatalf("package without a name or ecosystem: %+v", p)
				}
				if p.PURL != "" {
					if _, err := packageurl.FromString(p.PURL); err != nil {
						t.Fatalf("bad purl %q: %v", p.PURL, err)
					}
				}
			}
		}
	})
}

// FuzzParsePipfile: any Pipfile either fails or gives names.
func FuzzParsePipfile(f *testing.F) {
	data, err := os.ReadFile("testdata/project/Pipfile")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		direct, err := parsePipfile(bytes.NewReader(data))
		if err != nil {
			return
		}
		if direct[""] {
			t.Fatal("a package without a name")
		}
	})
}
