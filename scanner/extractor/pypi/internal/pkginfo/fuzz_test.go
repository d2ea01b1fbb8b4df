package pkginfo

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: Parse never panics, and what it accepts makes a package with
// a valid name that keeps extractortest's invariants (a purl and
// dependencies that parse), or an error.
func FuzzParse(f *testing.F) {
	f.Add("Metadata-Version: 2.1\nName: x\nVersion: 1\nLicense: MIT\n  more\nClassifier: License :: OSI Approved :: MIT License\n\nbody")
	f.Add("Name: x\r\nRequires-Dist: a (>=1) ; extra == 'b'\r\nLicense-File: LICENSE\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, _ := Parse(strings.NewReader(s))
		if m == nil {
			t.Fatal("nil metadata")
		}
		p, err := m.Package()
		if err != nil && p.Name == "" {
			return
		}
		if !ValidName(p.Name) {
			t.Fatalf("bad package %+v from %q", p, s)
		}
		extractortest.Invariants{Ecosystem: inventory.EcosystemPyPI}.Check(t, []inventory.Package{p})
	})
}

// FuzzParseRequirement: ParseRequirement never panics, and a requirement
// it accepts makes a package with a valid name that keeps
// extractortest's invariants, with a purl.
func FuzzParseRequirement(f *testing.F) {
	for _, s := range []string{
		"requests[socks]>=2.31,<3 ; python_version < '3.9'",
		"typing-extensions (>=3.7.4.2)",
		"pip @ https://u:p@github.com/pypa/pip/archive/22.0.2.zip ; os_name == 'a'",
		"torch @ https://x/torch-2.1.0%2Bcpu-cp311-cp311-linux_x86_64.whl",
		"x===1.0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRequirement(s)
		if err != nil {
			return
		}
		if !ValidName(r.Name) {
			t.Fatalf("invalid name %q from %q", r.Name, s)
		}
		if v, ok := r.Pinned(); ok && v == "" {
			t.Fatalf("empty pin from %q", s)
		}
		p := r.Package(inventory.ScopeRequired)
		extractortest.Invariants{Ecosystem: inventory.EcosystemPyPI, PURL: true}.Check(t, []inventory.Package{p})
	})
}
