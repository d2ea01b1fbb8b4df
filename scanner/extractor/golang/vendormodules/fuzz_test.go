package vendormodules

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input is read without a panic, and what it yields are
// named Go packages with valid purls and directories inside the vendor
// directory.
func FuzzParse(f *testing.F) {
	seeds, err := filepath.Glob("testdata/*/vendor/modules.txt")
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seeds: %v", err)
	}
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("## workspace\n# a v1.0.0 => ./b\n## explicit; go 1.21\na/c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		vf, _ := parse(bytes.NewReader(data))
		for _, reqs := range []requirements{nil, {"a": true}} {
			for _, p := range packages(vf, "x/vendor", reqs, nil) {
				if p.Name == "" || p.Ecosystem == "" {
					t.Fatalf("package without a name or ecosystem: %+v", p)
				}
				if p.PURL != "" {
					if _, err := packageurl.FromString(p.PURL); err != nil {
						t.Fatalf("bad purl %q: %v", p.PURL, err)
					}
				}
				if p.Directory != "" && (!fs.ValidPath(p.Directory) || !strings.HasPrefix(p.Directory, "x/vendor/")) {
					t.Fatalf("directory %q outside the vendor directory", p.Directory)
				}
			}
		}
	})
}
