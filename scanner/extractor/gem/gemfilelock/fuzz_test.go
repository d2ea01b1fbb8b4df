package gemfilelock

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every gem returned has a name, an ecosystem and a purl that
// parses, and a directory inside the tree, not above the lock.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/app/Gemfile.lock", "testdata/gem/Gemfile.lock"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PATH\n  remote: ../x\n  specs:\n    a (1-b)\n      c\n\nCHECKSUMS\n  a (1-b) sha256=" + strings.Repeat("0", 64) + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, _ := parse(bytes.NewReader(data))
		for _, p := range l.packages("app") {
			if p.Name == "" || p.Ecosystem == "" || p.PURL == "" {
				t.Fatalf("gem without a name, ecosystem or purl %+v", p)
			}
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q: %v", p.PURL, err)
			}
			if d := p.Directory; d != "" && (!fs.ValidPath(d) || d == "." || strings.HasPrefix("app/", d+"/")) {
				t.Fatalf("directory %q outside the tree or above the lock", d)
			}
		}
	})
}
