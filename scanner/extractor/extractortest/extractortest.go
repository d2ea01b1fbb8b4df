// Package extractortest runs extractors on fixtures for tests (Extract,
// ExtractBytes) and checks what they return: the packages against the
// expected ones (Diff, CheckExtract, CheckExtractBytes), the errors of
// bad input (WantParseError), what Match accepts (CheckMatch), and, for
// fuzz tests, the invariants every extractor keeps whatever its input
// (Invariants, CheckInvariants). It also reads fixtures and fuzz seeds
// (ReadFile, FindFiles, AddFiles) and builds expected values (Props,
// Names).
package extractortest

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"strings"
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

// CheckExtract runs ex on the file at rel below dir, as Extract does, and
// fails t unless it returns want (as Diff compares) and no error.
func CheckExtract(t testing.TB, ex extractor.Extractor, dir, rel string, want []inventory.Package) {
	t.Helper()
	got, err := Extract(t, ex, dir, rel)
	check(t, rel, want, got, err)
}

// CheckExtractBytes runs ex on content as the file at rel, with files
// beside it, as ExtractBytes does, and fails t unless it returns want (as
// Diff compares) and no error.
func CheckExtractBytes(t testing.TB, ex extractor.Extractor, rel string, content []byte, files map[string]string, want []inventory.Package) {
	t.Helper()
	got, err := ExtractBytes(ex, rel, content, files)
	check(t, rel, want, got, err)
}

func check(t testing.TB, rel string, want, got []inventory.Package, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(want, got); d != "" {
		t.Errorf("Extract(%s) diff (-want +got):\n%s", rel, d)
	}
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

// CheckMatch fails t for each path whose value is not what ex.Match
// says of a file at that path.
func CheckMatch(t testing.TB, ex extractor.Extractor, paths map[string]bool) {
	t.Helper()
	for p, want := range paths {
		if got := ex.Match(extractor.File{Path: p}); got != want {
			t.Errorf("Match(%q) = %v, want %v", p, got, want)
		}
	}
}

// WantParseError fails t unless err is an error an extractor returns for
// the file at rel (its path as given to Extract): one that names the file
// as the house style words it, `parse "<rel>": ...`. A nil err stops the
// test.
func WantParseError(t testing.TB, err error, rel string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if !strings.HasPrefix(err.Error(), `parse "`+rel+`": `) {
		t.Errorf("error %q does not name the file", err)
	}
}

// CheckPartial runs ex on malformed content as the file at rel, and fails
// t unless the error names the file (WantParseError) and the packages
// still returned are named want, in order.
func CheckPartial(t testing.TB, ex extractor.Extractor, rel string, content []byte, want []string) {
	t.Helper()
	got, err := ExtractBytes(ex, rel, content, nil)
	WantParseError(t, err, rel)
	if names := Names(got); strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("packages %q, want %q (err %v)", names, want, err)
	}
}

// Names returns the names of the packages, in order: what tests of
// partial results compare.
func Names(pkgs []inventory.Package) []string {
	var out []string
	for _, p := range pkgs {
		out = append(out, p.Name)
	}
	return out
}

// Props returns properties from names and values, in turn: Props("a",
// "1", "b", "2") is a=1, b=2. A last name without a value is left out.
func Props(kv ...string) []inventory.Property {
	var out []inventory.Property
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, inventory.Property{Name: kv[i], Value: kv[i+1]})
	}
	return out
}
