package gradlelock

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input gives packages, an error or both, without a
// panic; the packages keep extractortest's invariants (a name, an
// ecosystem, dependencies that parse) with a version and a purl that
// parses.
func FuzzParse(f *testing.F) {
	for _, name := range extractortest.FindFiles(f, "testdata", func(p string) bool { return strings.HasSuffix(p, ".lockfile") }) {
		f.Add(extractortest.ReadFile(f, name), false)
	}
	f.Add([]byte("a:b:1\nempty=\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, legacy bool) {
		k := kind{}
		if legacy {
			k.conf = "compileClasspath"
		}
		pkgs, _ := parse(bytes.NewReader(data), k)
		extractortest.Invariants{PURL: true, Version: true}.Check(t, pkgs)
	})
}
