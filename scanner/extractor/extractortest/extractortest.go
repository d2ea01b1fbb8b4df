// Package extractortest runs extractors on fixtures for tests.
package extractortest

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Extract runs ex on the file at rel (slash path) below dir, with the
// directory as the input's FS, as the scanner would if dir were the scan
// root. Packages come back normalised (sorted lists, no nil lists) and
// sorted, with no Locations: the scanner adds those.
func Extract(t testing.TB, ex extractor.Extractor, dir, rel string) ([]inventory.Package, error) {
	t.Helper()
	fsys := os.DirFS(dir)
	data, err := fs.ReadFile(fsys, rel)
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return run(ex, fsys, rel, data)
}

// ExtractBytes runs ex on content as the file at rel, with files (path ->
// content) beside it in the input's FS.
func ExtractBytes(ex extractor.Extractor, rel string, content []byte, files map[string]string) ([]inventory.Package, error) {
	m := fstest.MapFS{rel: {Data: content}}
	for p, c := range files {
		m[p] = &fstest.MapFile{Data: []byte(c)}
	}
	return run(ex, m, rel, content)
}

func run(ex extractor.Extractor, fsys fs.FS, rel string, data []byte) ([]inventory.Package, error) {
	r := bytes.NewReader(data)
	in := &extractor.Input{FS: fsys, Path: path.Clean(rel), Reader: r, ReaderAt: bytes.NewReader(data), Size: int64(len(data))}
	pkgs, err := ex.Extract(context.Background(), in)
	for i := range pkgs {
		pkgs[i].Locations = nil
	}
	out := inventory.MergePackages(pkgs)
	for i := range out {
		out[i].Locations = nil
	}
	return out, err
}

// Diff compares packages as tests want them: empty and nil lists alike.
func Diff(want, got []inventory.Package) string {
	return cmp.Diff(want, got, cmpopts.EquateEmpty())
}
