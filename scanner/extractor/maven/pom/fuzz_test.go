package pom

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without a
// panic; what it yields (as a module of the fixtures' parent POM) are
// packages that keep extractortest's invariants (a name, an ecosystem, a
// purl and dependencies that parse).
func FuzzParse(f *testing.F) {
	parent := extractortest.ReadFile(f, "testdata/multimodule/pom.xml")
	files, _ := filepath.Glob("testdata/*/pom.xml")
	more, _ := filepath.Glob("testdata/*/*/pom.xml")
	extractortest.AddFiles(f, append(files, more...)...)
	f.Add([]byte(`<project><properties><a>${b}</a><b>${a}</b></properties><artifactId>${a}</artifactId></project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &extractor.Input{
			FS:     fstest.MapFS{"pom.xml": {Data: parent}, "m/pom.xml": {Data: data}},
			Path:   "m/pom.xml",
			Reader: bytes.NewReader(data),
		}
		pkgs, _ := Extractor{}.Extract(context.Background(), in)
		extractortest.CheckInvariants(t, pkgs)
	})
}
