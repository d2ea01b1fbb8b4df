package ohpackage

import (
	"bytes"
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; what parses gives ohpm packages with names and valid purls.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"testdata/oh-package.json5",
		"testdata/entry/oh-package.json5",
		"testdata/library/oh-package.json5",
		"testdata/feature/oh-package.json5",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{name: 1, license: [{type: 'MIT'}, [2]], dependencies: {a: 'file:./a', b: 2}, dynamicDependencies: []}`))
	f.Add([]byte("\ufeff/* c */{'a': \"\\u0041\", b: 0x1F, c: +Infinity, d: NaN, e: .5,} // x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _ := Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		isDir := func(string) bool { return true }
		for _, p := range m.packages("some/dir", isDir) {
			if p.Name == "" || p.Ecosystem != "ohpm" {
				t.Fatalf("package without a name or ecosystem from %q: %+v", data, p)
			}
			if p.PURL == "" {
				continue // a name no purl can hold ("@x/")
			}
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
			}
		}
	})
}
