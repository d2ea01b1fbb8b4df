package extractortest

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"
)

// ReadFile returns the content of the file name (a path relative to the
// test's directory, such as "testdata/v1/yarn.lock"), failing t when it
// cannot be read.
func ReadFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// AddFiles adds the content of each named file to f's seed corpus, as
// the only argument of its fuzz function.
func AddFiles(f *testing.F, names ...string) {
	f.Helper()
	for _, name := range names {
		f.Add(ReadFile(f, name))
	}
}

// FindFiles returns the files below dir whose slash path relative to dir
// match accepts, as slash paths that start with dir, in lexical order. It
// fails t when dir cannot be walked or when no file matches.
func FindFiles(t testing.TB, dir string, match func(rel string) bool) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !match(p) {
			return err
		}
		out = append(out, path.Join(filepath.ToSlash(dir), p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no file below %s matches", dir)
	}
	return out
}
