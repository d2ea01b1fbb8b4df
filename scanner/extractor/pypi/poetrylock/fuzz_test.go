package poetrylock

import (
	"bytes"
	"os"
	"testing"

	"github.com/package-url/packageurl-go"
)

// FuzzParse: any input either fails with an error or gives a lock, and
// the packages made of a lock (with and without a manifest) have names,
// an ecosystem and purls that parse.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/v1.1/poetry.lock", "testdata/v2.0/poetry.lock", "testdata/v2.1/poetry.lock"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
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
			for _, p := range packages(lock, man, "dir") {
				if p.Name == "" || p.Ecosystem == "" {
					t.Fatalf("package without a name or ecosystem: %+v", p)
				}
				if p.PURL != "" {
					if _, err := packageurl.FromString(p.PURL); err != nil {
						t.Fatalf("bad purl %q: %v", p.PURL, err)
					}
				}
			}
		}
	})
}

// FuzzParseManifest: any pyproject.toml either fails or gives a manifest.
func FuzzParseManifest(f *testing.F) {
	for _, name := range []string{"testdata/v1.1/pyproject.toml", "testdata/v2.0/pyproject.toml", "testdata/v2.1/pyproject.toml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
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
