package extractortest

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/inventory"
)

// Invariants are properties of the packages an extractor returns that
// hold whatever its input, as fuzz tests check them. The zero value
// checks what every extractor promises (see Check); the fields add what
// one extractor promises besides.
type Invariants struct {
	// Ecosystem, when set, is the ecosystem of every package.
	Ecosystem string
	// PURL requires a purl of every package (by default a package may
	// have none: a name no purl can hold).
	PURL bool
	// Version requires a version of every package.
	Version bool
	// Directory requires a directory of every package.
	Directory bool
	// Below, when set, is a directory (a slash path relative to the scan
	// root) that every package's directory is below.
	Below string
	// NotAbove, when set, is a directory (a slash path relative to the
	// scan root, such as the lock file's) that no package's directory is,
	// nor one above it: not the project itself.
	NotAbove string

	// AnyDependencies leaves dependencies unchecked, for an extractor
	// known to list some that are not purls. The test says why.
	AnyDependencies bool
	// AnyDirectory leaves directories unchecked, for input no scan gives
	// (a path that is not a valid slash path relative to the scan root,
	// which an installed package's directory is made from).
	AnyDirectory bool
}

// CheckInvariants fails t unless every package keeps the promises every
// extractor makes: Invariants{}.Check.
func CheckInvariants(t testing.TB, pkgs []inventory.Package) {
	t.Helper()
	Invariants{}.Check(t, pkgs)
}

// Check fails t, naming the packages at fault, unless every package has
//
//   - a Name and an Ecosystem;
//   - a PURL that packageurl-go parses, when it has one;
//   - Dependencies that are all purls packageurl-go parses (unless
//     iv.AnyDependencies);
//   - a Directory that is a relative slash path inside the scanned tree
//     (fs.ValidPath: clean, no ".." element), when it has one (unless
//     iv.AnyDirectory);
//
// and what the other fields of iv add.
func (iv Invariants) Check(t testing.TB, pkgs []inventory.Package) {
	t.Helper()
	if problems := iv.problems(pkgs); len(problems) > 0 {
		t.Fatalf("%d of %d packages break invariants:\n%s", len(problems), len(pkgs), strings.Join(problems[:min(len(problems), 10)], "\n"))
	}
}

// problems lists the packages that break the invariants, with what they
// break.
func (iv Invariants) problems(pkgs []inventory.Package) []string {
	var out []string
	for i, p := range pkgs {
		if err := iv.check(p); err != nil {
			out = append(out, fmt.Sprintf("package %d: %v: %+v", i, err, p))
		}
	}
	return out
}

func (iv Invariants) check(p inventory.Package) error {
	switch {
	case p.Name == "":
		return fmt.Errorf("no name")
	case p.Ecosystem == "":
		return fmt.Errorf("no ecosystem")
	case iv.Ecosystem != "" && p.Ecosystem != iv.Ecosystem:
		return fmt.Errorf("ecosystem %q, not %q", p.Ecosystem, iv.Ecosystem)
	case iv.PURL && p.PURL == "":
		return fmt.Errorf("no purl")
	case iv.Version && p.Version == "":
		return fmt.Errorf("no version")
	case iv.Directory && p.Directory == "":
		return fmt.Errorf("no directory")
	}
	if p.PURL != "" {
		if _, err := packageurl.FromString(p.PURL); err != nil {
			return fmt.Errorf("bad purl %q: %v", p.PURL, err)
		}
	}
	for _, d := range p.Dependencies {
		if _, err := packageurl.FromString(d); err != nil && !iv.AnyDependencies {
			return fmt.Errorf("bad dependency purl %q: %v", d, err)
		}
	}
	if d := p.Directory; d != "" && !iv.AnyDirectory {
		switch {
		case !fs.ValidPath(d):
			return fmt.Errorf("directory %q outside the tree", d)
		case iv.Below != "" && !strings.HasPrefix(d, iv.Below+"/"):
			return fmt.Errorf("directory %q not below %q", d, iv.Below)
		case iv.NotAbove != "" && (d == "." || strings.HasPrefix(iv.NotAbove+"/", d+"/")):
			return fmt.Errorf("directory %q is %q or above it", d, iv.NotAbove)
		}
	}
	return nil
}
