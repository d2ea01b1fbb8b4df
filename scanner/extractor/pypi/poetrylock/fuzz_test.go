package poetrylock

import (
	"bytes"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either fails with an error or gives a lock, and
// the packages made of a lock (with and without a manifest) keep
// extractortest's invariants (a name, an ecosystem, a purl and
// dependencies that parse, a directory inside the tree).
func FuzzParse(f *testing.F) {
	extractortest.AddFiles(f, "testdata/v1.1/poetry.lock", "testdata/v2.0/poetry.lock", "testdata/v2.1/poetry.lock")
	f.Add([]byte("[[package]]\nname = \"a\"\nversion = \"1\"\n[package.dependencies]\nb = [{version = \"1\", optional = true, markers = \"extra == 'x'\"}, \"2\"]\n[package.extras]\nx = [\"b (>=1)\"]\n[[package]]\nname = \"b\"\nversion = \"1\"\n[metadata.files]\nb = [{file = \"b-1.tar.gz\", hash = \"sha256:00\"}]\n"))
	m, err := parseManifest(bytes.NewReader([]byte("[project]\ndependencies = [\"a[x]\"]\n[tool.poetry.group.test.dependencies]\nb = \"*\"\n")))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, _ := parse(bytes.NewReader(data))
		if lock == nil {
			return
		}
		for _, man := range []*manifest{nil, m} {
			extractortest.CheckInvariants(t, packages(lock, man, "dir"))
		}
	})
}

// FuzzParseManifest: any pyproject.toml either fails or gives a manifest.
func FuzzParseManifest(f *testing.F) {
	extractortest.AddFiles(f, "testdata/v1.1/pyproject.toml", "testdata/v2.0/pyproject.toml", "testdata/v2.1/pyproject.toml")
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseManifest(bytes.NewReader(data))
		if err != nil {
			return
		}
		for name := range m.groups {
			if name == "" {
				t.Fatal("a dependency without a name")
			}
		}
	})
}
