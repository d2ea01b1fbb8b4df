package pom

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor"
)

// FuzzParse: any input either parses or fails with an error, without a
// panic; what it yields (as a module of the fixtures' parent POM) are
// named Maven packages with valid purls.
func FuzzParse(f *testing.F) {
	parent, err := os.ReadFile("testdata/multimodule/pom.xml")
	if err != nil {
		f.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*/pom.xml")
	more, _ := filepath.Glob("testdata/*/*/pom.xml")
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<project><properties><a>${b}</a><b>${a}</b></properties><artifactId>${a}</artifactId></project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &extractor.Input{
			FS:     fstest.MapFS{"pom.xml": {Data: parent}, "m/pom.xml": {Data: data}},
			Path:   "m/pom.xml",
			Reader: bytes.NewReader(data),
		}
		pkgs, _ := Extractor{}.Extract(context.Background(), in)
		for _, p := range pkgs {
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
