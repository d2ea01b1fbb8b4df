package sidefile

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParse(t *testing.T) {
	fsys := fstest.MapFS{"a/composer.json": {Data: []byte("hello")}}
	upper := func(r io.Reader) (string, error) {
		data, err := io.ReadAll(r)
		return strings.ToUpper(string(data)), err
	}
	if got, err := Parse(fsys, "a/composer.json", upper); got != "HELLO" || err != nil {
		t.Errorf("Parse() = %q, %v", got, err)
	}
	called := false
	never := func(io.Reader) (string, error) { called = true; return "x", nil }
	if got, err := Parse(fsys, "b/composer.json", never); got != "" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Parse(missing) = %q, %v", got, err)
	}
	if got, err := Parse(nil, "a/composer.json", never); got != "" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Parse(nil FS) = %q, %v", got, err)
	}
	if called {
		t.Error("parse called without a file")
	}
	// A partial result comes back with its error.
	bad := errors.New("bad")
	partial := func(io.Reader) ([]int, error) { return []int{1}, bad }
	if got, err := Parse(fsys, "a/composer.json", partial); len(got) != 1 || err != bad {
		t.Errorf("Parse(partial) = %v, %v", got, err)
	}
}

// TestParseCloses: the file is closed once parsed.
func TestParseCloses(t *testing.T) {
	c := &closeFS{}
	if _, err := Parse(c, "x", func(r io.Reader) (int, error) { return 0, nil }); err != nil {
		t.Fatal(err)
	}
	if c.open != 0 {
		t.Errorf("%d files left open", c.open)
	}
}

type closeFS struct{ open int }

func (c *closeFS) Open(name string) (fs.File, error) {
	f, err := fstest.MapFS{"x": {}}.Open(name)
	if err != nil {
		return nil, err
	}
	c.open++
	return closeFile{f, c}, nil
}

type closeFile struct {
	fs.File
	c *closeFS
}

func (f closeFile) Close() error {
	f.c.open--
	return f.File.Close()
}
