package classify

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// A corpus file: path relative to its root, with forward slashes.
type corpusFile struct {
	path    string
	content []byte
}

// enryDir returns go-enry's directory in the module cache, or "" when the
// go command cannot tell.
var enryDir = sync.OnceValue(func() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-enry/go-enry/v2").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})

// benchTree is the vendored Go tree used for benchmarks and corpus tests,
// when present: $HENG_BENCHTREE or /tmp/benchtree/gotree.
func benchTree() string {
	if d := os.Getenv("HENG_BENCHTREE"); d != "" {
		return d
	}
	return "/tmp/benchtree/gotree"
}

// readTree reads the regular files under root, skipping those larger than
// maxSize (0: no limit). It returns nil when root does not exist.
func readTree(tb testing.TB, root string, maxSize int64) []corpusFile {
	tb.Helper()
	if _, err := os.Stat(root); err != nil {
		return nil
	}
	var files []corpusFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable parts of a tree are not the test's business
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err != nil || maxSize > 0 && info.Size() > maxSize {
			return nil
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, corpusFile{path: filepath.ToSlash(rel), content: content})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// thorough says whether the equivalence tests run on their full corpora
// ($GOROOT/src, tens of thousands of paths), which takes about a minute.
// With -short or -race they use smaller ones: the race detector is there
// for the concurrency tests, and makes go-enry's regexps ten times slower.
func thorough() bool {
	return !testing.Short() && !raceEnabled
}

// goRootSrc is $GOROOT/src: Go, assembly, C, test data in many formats.
func goRootSrc() string {
	return filepath.Join(runtime.GOROOT(), "src")
}
