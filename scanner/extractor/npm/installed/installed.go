// Package installed extracts the npm packages installed in a tree: each
// node_modules/<name>/package.json and node_modules/@scope/<name>/package.json,
// at any depth of node_modules nesting
// (a/node_modules/b/node_modules/@s/c/package.json), including pnpm's
// node_modules/.pnpm/<id>/node_modules/<name> store. Other package.json
// files inside a package (node_modules/foo/lib/package.json, test
// fixtures) are not installed packages, nor are npm's own directories in
// node_modules (.bin, .cache, .staging: names starting with "." or "_",
// which npm package names cannot).
//
// Each file yields one package, the one installed there: its name from
// the "name" field (else from the directory), its version, Directory the
// directory of the file, and the declared license from "license" (an SPDX
// expression or the legacy {"type": ...} object) and the legacy
// "licenses" array, ANDed (see extractor.Declared). A package installed
// under another name than its own (an alias, "npm:real@version") is named
// by its own, with the directory's name as the "alias" property. Private
// packages ("private": true, workspaces linked into node_modules) are
// packages all the same. The "homepage" and "repository" fields are kept
// as the properties of those names, read as npm/packagejson reads them
// (absolute http(s) or git URLs, "git+" stripped, "user/repo" and
// "github:user/repo" shorthands expanded).
//
// An installed package.json is the package as published and says nothing
// of how the project uses it: Relationship and Scope are unknown (""), and
// a lock file or package.json beside node_modules tells them. The one
// exception is what npm 5 and 6 wrote into the files they installed:
// "_requiredBy" names the packages that need it, "/" (or "#USER", a
// package installed by name) meaning the project, so the package is
// direct when the project is among them and transitive otherwise, and dev
// when only the project's devDependencies ("#DEV:/") need it. Those
// versions also wrote "_resolved" (kept as the "resolved" property),
// "_integrity" and "_shasum" (the tarball's hashes).
//
// Dependencies are left empty: package.json gives ranges, not the
// versions installed, and finding those means reading the package.json
// of every candidate directory as Node.js would. The lock file gives the
// resolved graph (npm/packagelock, which also reads
// node_modules/.package-lock.json).
package installed

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/hexdigest"
	"github.com/hengdev/heng/scanner/extractor/npm/packagejson"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "npm/installed"

// Extractor reads the package.json of packages installed in node_modules.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

// Match accepts node_modules/<name>/package.json and
// node_modules/@scope/<name>/package.json at any depth.
func (Extractor) Match(f extractor.File) bool {
	_, ok := installedName(f.Path)
	return ok
}

// installedName returns the name a package.json's directory installs a
// package under ("ms", "@types/ms"); false when p is not the package.json
// of a package in node_modules.
func installedName(p string) (string, bool) {
	dir, ok := strings.CutSuffix(p, "/package.json")
	if !ok {
		return "", false
	}
	parent, name := splitLast(dir)
	if !validElem(name) || name[0] == '@' {
		return "", false
	}
	grand, last := splitLast(parent)
	if last == "node_modules" {
		return name, true
	}
	if len(last) > 1 && last[0] == '@' && validElem(last[1:]) {
		if _, nm := splitLast(grand); nm == "node_modules" {
			return dir[len(dir)-len(last)-1-len(name):], true // "@scope/name", without a copy
		}
	}
	return "", false
}

// splitLast splits a slash path at its last slash; the first part is ""
// when there is none.
func splitLast(p string) (string, string) {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i], p[i+1:]
	}
	return "", p
}

// validElem reports whether a directory name can hold a package: not
// empty, not node_modules, and not starting with "." or "_" (npm's own
// .bin, .cache, .staging; names npm refuses).
func validElem(e string) bool {
	return e != "" && e != "node_modules" && e[0] != '.' && e[0] != '_'
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	m, err := packagejson.Parse(in.Reader)
	if m == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	var pkgs []inventory.Package
	if p, ok := toPackage(m, in.Path); ok {
		pkgs = append(pkgs, p)
	}
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// toPackage makes the package installed at p, its package.json; false
// when it has no name npm could install.
func toPackage(m *packagejson.Manifest, p string) (inventory.Package, bool) {
	dirName, _ := installedName(p)
	name := m.Name
	if name == "" {
		name = dirName
	}
	if !packagejson.ValidName(name) {
		return inventory.Package{}, false
	}
	pkg := inventory.Package{
		Name:            name,
		Version:         m.Version,
		Ecosystem:       inventory.EcosystemNPM,
		PURL:            extractor.PURL("npm", "", name, m.Version),
		DeclaredLicense: m.DeclaredLicense(),
		Hashes:          extractor.SRIHash(m.Integrity),
	}
	if pkg.PURL == "" {
		return inventory.Package{}, false
	}
	if dir, ok := strings.CutSuffix(p, "/package.json"); ok {
		pkg.Directory = dir
	}
	pkg.Relationship, pkg.Scope = requiredBy(m.RequiredBy)
	if h, ok := hexdigest.Hash("SHA-1", m.Shasum); ok {
		pkg.Hashes = append(pkg.Hashes, h)
	}
	if m.Resolved != "" {
		pkg.Properties = append(pkg.Properties, inventory.Property{Name: "resolved", Value: m.Resolved})
	}
	pkg.Properties = append(pkg.Properties, m.LinkProperties()...)
	if dirName != "" && dirName != name {
		pkg.Properties = append(pkg.Properties, inventory.Property{Name: "alias", Value: dirName})
	}
	return pkg, true
}

// requiredBy reads npm 5 and 6's "_requiredBy": the install locations of
// the packages that need this one, "/" being the project, "#USER" a
// package the user installed by name, "#DEV:/" the project's
// devDependencies.
func requiredBy(by []string) (relationship, scope string) {
	if len(by) == 0 {
		return "", ""
	}
	relationship = inventory.RelationshipTransitive
	if slices.ContainsFunc(by, func(s string) bool { return s == "/" || s == "#USER" || s == "#DEV:/" }) {
		relationship = inventory.RelationshipDirect
	}
	if !slices.ContainsFunc(by, func(s string) bool { return !strings.HasPrefix(s, "#DEV:") }) {
		scope = inventory.ScopeDev
	}
	return relationship, scope
}
