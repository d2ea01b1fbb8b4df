// Package sidefile reads the files an extractor reads beside the one it
// extracts from: the manifest beside a lock file (composer.json,
// package.json, pyproject.toml, Pipfile, oh-package.json5), a parent
// pom.xml, an egg's requires.txt, the go.mod and go.work of a vendor
// directory. They come from the input's FS, which is nil when an
// extractor runs on a file alone: that is a missing file like any other.
package sidefile

import (
	"io"
	"io/fs"
)

// Parse opens the file name of fsys, returns what parse makes of its
// content and closes it. When fsys is nil or the file cannot be opened,
// it returns the zero T and the error (fs.ErrNotExist for a nil fsys);
// otherwise what parse returns, a partial result with an error included.
func Parse[T any](fsys fs.FS, name string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	if fsys == nil {
		return zero, fs.ErrNotExist
	}
	f, err := fsys.Open(name)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return parse(f)
}
