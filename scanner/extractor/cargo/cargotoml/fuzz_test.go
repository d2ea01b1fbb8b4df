package cargotoml

import (
	"os"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any input either parses or fails with an error, without
// panicking; every package returned has a name, an ecosystem and a purl
// that parses.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"testdata/Cargo.toml", "testdata/app/Cargo.toml", "testdata/util/Cargo.toml",
		"testdata/standalone/Cargo.toml", "testdata/vendor/itoa/Cargo.toml",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[package]\nname = \"a\"\nversion.workspace = true\n[workspace.package]\nversion = \"1\"\n[workspace.dependencies]\nb = { path = \"b\" }\n[dependencies]\nb.workspace = true\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parse(data)
		if err != nil {
			return
		}
		pkgs, _ := m.packages(m.workspace)
		check(t, data, pkgs)
		check(t, data, m.vendored("vendor/x"))
	})
}

func check(t *testing.T, data []byte, pkgs []inventory.Package) {
	t.Helper()
	for _, p := range pkgs {
		if p.Name == "" || p.Ecosystem == "" {
			t.Fatalf("package without a name or ecosystem %+v from %q", p, data)
		}
		if p.PURL != "" {
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q: %v", p.PURL, err)
			}
		}
	}
}
