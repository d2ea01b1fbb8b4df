package wheelmetadata

import (
	"bytes"
	"path"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any input either gives a package or an error, never a
// panic; a package keeps extractortest's invariants (a name, an
// ecosystem, a purl and dependencies that parse, a directory inside the
// tree).
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, extractortest.FindFiles(f, "testdata", func(p string) bool { return path.Base(p) == "METADATA" })...)
	f.Add([]byte("Name: x\nVersion: 1\nLicense: a\n  b\n\nbody"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(bytes.NewReader(data))
		if p == nil {
			if err == nil {
				t.Fatalf("no package and no error from %q", data)
			}
			return
		}
		extractortest.CheckInvariants(t, []inventory.Package{*p})
	})
}
