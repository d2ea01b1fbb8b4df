// Package installed extracts the ohpm packages installed in an
// OpenHarmony project's oh_modules/ directories, from the oh-package.json5
// each carries.
//
// # The layouts
//
// ohpm installs a package's files in a store inside oh_modules/ and links
// the project's direct dependencies to it:
//
//	oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/oh-package.json5
//	oh_modules/@ohos/axios -> .ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios
//
// The store directory is named for the package, its "/" written "+",
// and its version (a hash for a local .har installed from a path). The
// scan does not follow links, so the store is where packages are found;
// an oh_modules/<name> that is a real directory (a copy, or an older
// flat install) is read the same way. Only the oh-package.json5 at a
// package's top level is read: oh_modules/<name>/oh-package.json5 or
// oh_modules/@scope/name/oh-package.json5, at any depth of oh_modules/;
// not the manifests of the package's own sources further down.
//
// # What is extracted
//
// One package per file: its "name" and "version" (taken from the
// directory names when the manifest lacks them, the version only from a
// store directory that names one), pkg:ohpm/<scope>/<name>@<version> as
// purl, "license" as the declared license, the package's directory as
// its directory, and "homepage" and "repository" as the properties of
// those names (read as ohpm/ohpackage reads them: absolute http(s) URLs,
// git URLs for the repository, shorthands expanded). Its "dependencies" are its dependencies: with the
// version when one is asked for exactly ("1.0.3"), else without a version
// (a range; the lock file or the installed packages of that name give
// it when the inventory is merged). The record says nothing of how the
// project uses the package, so relationship and scope are left unknown;
// the lock file and manifest give them.
package installed

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "ohpm/installed"

// Extractor reads the oh-package.json5 of packages installed in
// oh_modules/.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

// Match accepts oh_modules/<name>/oh-package.json5 and
// oh_modules/@scope/<name>/oh-package.json5 below any directory.
func (Extractor) Match(f extractor.File) bool {
	_, ok := packageDir(f.Path)
	return ok
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	m, err := ohpackage.Parse(in.Reader)
	if m == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	pkgs := packages(in.Path, m)
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// location is what a manifest's path says of the package.
type location struct {
	dir   string // the package's directory
	name  string // its name, from the directories
	store string // the version part of the store directory, "" outside the store
}

// packageDir reads the path of an installed package's manifest.
func packageDir(p string) (location, bool) {
	if extractor.Base(p) != ohpackage.ManifestFile {
		return location{}, false
	}
	dir := path.Dir(p)
	slashed := "/" + dir
	i := strings.LastIndex(slashed, "/oh_modules/")
	if i < 0 {
		return location{}, false
	}
	name := slashed[i+len("/oh_modules/"):]
	parts := strings.Split(name, "/")
	switch {
	case len(parts) == 1:
	case len(parts) == 2 && len(parts[0]) > 1 && parts[0][0] == '@':
	default:
		return location{}, false
	}
	last := parts[len(parts)-1]
	if last == "" || last[0] == '.' || last[0] == '@' {
		return location{}, false
	}
	loc := location{dir: dir, name: name}
	// In the store, the directory holding oh_modules/<name> is
	// .ohpm/<name with "+">@<version>.
	if parent := slashed[:i]; path.Base(path.Dir(parent)) == ".ohpm" {
		if v, ok := strings.CutPrefix(path.Base(parent), strings.ReplaceAll(name, "/", "+")+"@"); ok {
			loc.store = v
		}
	}
	return loc, true
}

// packages returns the package the manifest at p describes.
func packages(p string, m *ohpackage.Manifest) []inventory.Package {
	loc, ok := packageDir(p)
	if !ok {
		loc = location{dir: path.Dir(p), name: path.Base(path.Dir(p))}
	}
	name, version := m.Name, m.Version
	if name == "" {
		name = loc.name
	}
	if version == "" && isVersion(loc.store) {
		version = loc.store
	}
	pkg := inventory.Package{
		Name:            name,
		Version:         version,
		Ecosystem:       inventory.EcosystemOHPM,
		PURL:            extractor.PURL("ohpm", "", name, version),
		Directory:       loc.dir,
		DeclaredLicense: extractor.Declared(m.Licenses...),
		Properties:      m.LinkProperties(),
	}
	for _, d := range m.Dependencies {
		v := ""
		if isVersion(d.Spec) {
			v = d.Spec
		}
		if purl := extractor.PURL("ohpm", "", d.Name, v); purl != "" && purl != pkg.PURL {
			pkg.Dependencies = append(pkg.Dependencies, purl)
		}
	}
	return []inventory.Package{pkg}
}

// isVersion reports whether s is an exact version ("1.0.3",
// "1.0.0-rc.11", "2.0.3+build"), not a range, tag, path or store hash.
func isVersion(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	core, _, _ := strings.Cut(s, "+")
	core, _, _ = strings.Cut(core, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, part := range parts {
		if part == "" || strings.Trim(part, "0123456789") != "" {
			return false
		}
	}
	return !strings.ContainsAny(s, " /\\=<>^~*|")
}
