package pipfilelock

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either fails with an error or gives a lock, and
// the packages made of a lock keep extractortest's invariants (a name,
// an ecosystem, a purl and dependencies that parse, a directory inside
// the tree).
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/project/Pipfile.lock")
	f.Add([]byte(`{"default": {"x": {"path": ".", "editable": true}, "y": {"git": "g", "ref": "r", "version": "===1"}}, "t": {"z": {"file": "a://b", "hashes": ["sha1:00"]}}}`))
	direct := map[string]bool{"x": true, "z": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		for _, d := range []map[string]bool{nil, direct} {
			extractortest.CheckInvariants(t, packages(lock, d, "dir"))
		}
	})
}

// FuzzParsePipfile: any Pipfile either fails or gives names.
func FuzzParsePipfile(f *testing.F) {
	extractortest.AddFiles(f, "testdata/project/Pipfile")
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
