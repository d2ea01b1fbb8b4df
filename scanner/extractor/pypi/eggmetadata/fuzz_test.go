package eggmetadata

import (
	"context"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor"
)

// FuzzParse: any PKG-INFO and requires.txt either give a package or an
// error, never a panic; a package has a name, an ecosystem and a purl
// that parses.
func FuzzParse(f *testing.F) {
	err := fs.WalkDir(os.DirFS("testdata"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(Extractor{}).Match(extractor.File{Path: p}) {
			return err
		}
		data, err := os.ReadFile(path.Join("testdata", p))
		if err != nil {
			return err
		}
		req, _ := os.ReadFile(path.Join("testdata", path.Dir(p), "requires.txt"))
		f.Add(data, req)
		return nil
	})
	if err != nil {
		f.Fatal(err)
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
		for _, p := range pkgs {
			if p.Name == "" || p.Ecosystem == "" {
				t.Fatalf("package without name or ecosystem from %q: %+v", data, p)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
				}
			}
		}
	})
}
