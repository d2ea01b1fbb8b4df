package eggmetadata

import (
	"context"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any PKG-INFO and requires.txt either give a package or an
// error, never a panic; a package keeps extractortest's invariants (a
// name, an ecosystem, a purl and dependencies that parse, a directory
// inside the tree).
func FuzzParse(f *testing.F) {
	for _, name := range extractortest.FindFiles(f, "testdata", func(p string) bool { return (Extractor{}).Match(extractor.File{Path: p}) }) {
		req, _ := os.ReadFile(path.Join(path.Dir(name), "requires.txt"))
		f.Add(extractortest.ReadFile(f, name), req)
	}
	f.Fuzz(func(t *testing.T, data, requires []byte) {
		fsys := fstest.MapFS{
			"x.egg-info/PKG-INFO":     {Data: data},
			"x.egg-info/requires.txt": {Data: requires},
		}
		in := &extractor.Input{FS: fsys, Path: "x.egg-info/PKG-INFO", Reader: strings.NewReader(string(data))}
		pkgs, err := Extractor{}.Extract(context.Background(), in)
		if len(pkgs) == 0 && err == nil {
			t.Fatalf("no package and no error from %q", data)
		}
		extractortest.CheckInvariants(t, pkgs)
	})
}
