package composerlock

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned keeps extractortest's invariants (a
// name, an ecosystem, a purl and dependencies that parse), and its
// directory is inside the tree, neither the lock's nor above it.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/shop/composer.lock", "testdata/legacy/composer.lock"} {
		f.Add(extractortest.ReadFile(f, name), []byte(`{"require": {"a/b": "^1"}, "config": {"vendor-dir": "v"}}`))
	}
	f.Add([]byte(`{"packages": [{"name": "a/b", "version": "1", "dist": {"type": "path", "url": "x"}, "provide": {"c/d": "1"}}], "packages-dev": [{"name": "e/f", "version": "2", "require": {"c/d": "*"}}]}`),
		[]byte(`{"name": "r/r", "license": ["MIT", "GPL-2.0-only"]}`))
	f.Fuzz(func(t *testing.T, lockData, manifestData []byte) {
		l, _ := parse(bytes.NewReader(lockData))
		if l == nil {
			return
		}
		extractortest.Invariants{NotAbove: "app"}.Check(t, l.packages(parseManifest(manifestData), "app"))
	})
}
