// Package ohpackage extracts what an OpenHarmony project declares in its
// oh-package.json5 manifests, and holds the JSON5 reading that the ohpm
// lock file and installed-package extractors share.
//
// # The format
//
// ohpm, the package manager of OpenHarmony and HarmonyOS (DevEco Studio
// runs it), reads oh-package.json5: JSON5, so comments, trailing commas,
// single-quoted strings and unquoted keys are all allowed. A DevEco
// project has one at its root, with "modelVersion" (the hvigor model,
// e.g. "5.0.0"), usually no name, the test frameworks in
// "devDependencies" and any "overrides"; and one in each module
// (entry/oh-package.json5, library/oh-package.json5) with "name",
// "version", "description", "main", "author", "license" and the
// module's own dependencies. Packages installed in oh_modules/ carry one
// too; those are the ohpm/installed extractor's, not this one's.
//
// # What is extracted
//
//   - The module itself is the root package when the manifest names it
//     ("name"; "version" when given), with its "license" as the declared
//     license and the purls of its direct dependencies as its
//     dependencies, and the "homepage" and "repository" properties from
//     the fields of those names (read as npm/packagejson reads them:
//     absolute http(s) URLs, git URLs for the repository with "git+"
//     stripped, a {"url": ...} object's url, the "github:user/repo",
//     "gitlab:", "bitbucket:" and "user/repo" shorthands expanded to https
//     URLs; anything else ignored). A manifest without a name (the project-level one of
//     most DevEco projects) gives no root package, only dependencies.
//   - Each entry of "dependencies" (scope required), "devDependencies"
//     (dev) and "dynamicDependencies" (optional, with the property
//     "dynamic" = "true": HSP modules loaded at run time when asked for)
//     is a direct dependency, with no version and what it asks for in the
//     "constraint" property. Its purl has no version: a lock file or an
//     installed package of the same name gives the version when the
//     inventory is merged.
//   - A local dependency ("file:../library", "./libs/inner.har": a HAR or
//     HSP module of the same project, or a package file) keeps the same
//     shape, with its path as written in the "local_path" property and,
//     when the path is a directory inside the scanned tree, that directory
//     as the package's directory (where its license file is). Its purl is
//     pkg:ohpm/<name> with the dependency's key as the name; when the
//     module's own manifest or the lock file gives it a version, the
//     inventory merges the two.
//   - "overrides" force versions on transitive dependencies; they do not
//     add packages and are not read.
//
// purl type: there is no registered ohpm type yet; heng uses the proposed
// pkg:ohpm/<scope>/<name>@<version>, as in pkg:ohpm/%40ohos/axios@2.2.0.
package ohpackage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/weburl"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "ohpm/ohpackage"

// ManifestFile is the file name of an ohpm manifest.
const ManifestFile = "oh-package.json5"

// MaxManifestSize is the largest oh-package.json5 read: real ones are a
// few kilobytes.
const MaxManifestSize = 16 << 20

// Extractor reads oh-package.json5 manifests of a project's own modules.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

// Match accepts oh-package.json5 files outside oh_modules/.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == ManifestFile && !InOhModules(f.Path)
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	m, err := Parse(in.Reader)
	if m == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	pkgs := m.packages(in.Dir(), DirChecker(in.FS))
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// InOhModules reports whether a slash path lies inside an oh_modules
// directory, where ohpm installs packages.
func InOhModules(p string) bool {
	return strings.HasPrefix(p, "oh_modules/") || strings.Contains(p, "/oh_modules/")
}

// Manifest is what heng reads of an oh-package.json5.
type Manifest struct {
	Name    string
	Version string
	// Licenses are the values of "license" (one, as ohpm writes it).
	Licenses            []string
	Dependencies        []Dependency
	DevDependencies     []Dependency
	DynamicDependencies []Dependency
	// Homepage and Repository are the "homepage" and "repository" links,
	// already normalised by weburl ("" when absent or not a URL).
	Homepage   string
	Repository string
}

// LinkProperties returns the "homepage" and "repository" properties of
// the manifest.
func (m *Manifest) LinkProperties() []inventory.Property {
	return weburl.Properties(m.Homepage, m.Repository)
}

// links reads "homepage" (a string) and "repository" (a string, or the
// "url" of a {"type", "url", "directory"} object) as npm/packagejson
// does: values of other types or that are not URLs are ignored.
func links(obj map[string]any) (homepage, repository string) {
	if s, ok := obj["homepage"].(string); ok {
		homepage = weburl.Homepage(s)
	}
	switch v := obj["repository"].(type) {
	case string:
		repository = weburl.NPMRepository(v)
	case map[string]any:
		if s, ok := v["url"].(string); ok {
			repository = weburl.NPMRepository(s)
		}
	}
	return homepage, repository
}

// Parse reads an oh-package.json5. When only some fields are bad it
// returns the manifest with the others and an error; when the file is not
// JSON5 or not an object, no manifest.
func Parse(r io.Reader) (*Manifest, error) {
	obj, err := Decode(r, MaxManifestSize)
	if err != nil {
		return nil, err
	}
	var m Manifest
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	m.Name, err = String(obj, "name")
	keep(err)
	m.Version, err = String(obj, "version")
	keep(err)
	m.Licenses, err = Licenses(obj["license"])
	keep(err)
	m.Dependencies, err = Dependencies(obj, "dependencies")
	keep(err)
	m.DevDependencies, err = Dependencies(obj, "devDependencies")
	keep(err)
	m.DynamicDependencies, err = Dependencies(obj, "dynamicDependencies")
	keep(err)
	m.Homepage, m.Repository = links(obj)
	return &m, errors.Join(errs...)
}

// Groups returns the manifest's dependency groups with the scope each
// gives: dependencies, dynamicDependencies, devDependencies.
func (m *Manifest) Groups() []Group {
	return []Group{
		{m.Dependencies, inventory.ScopeRequired, false},
		{m.DynamicDependencies, inventory.ScopeOptional, true},
		{m.DevDependencies, inventory.ScopeDev, false},
	}
}

// Group is one dependency object of a manifest.
type Group struct {
	Deps  []Dependency
	Scope string
	// Dynamic is set for dynamicDependencies.
	Dynamic bool
}

func (m *Manifest) packages(dir string, isDir func(string) bool) []inventory.Package {
	var out, direct []inventory.Package
	for _, g := range m.Groups() {
		for _, d := range g.Deps {
			p := inventory.Package{
				Name:         d.Name,
				Ecosystem:    inventory.EcosystemOHPM,
				PURL:         extractor.PURL("ohpm", "", d.Name, ""),
				Relationship: inventory.RelationshipDirect,
				Scope:        g.Scope,
			}
			if d.Spec != "" {
				p.Properties = append(p.Properties, inventory.Property{Name: "constraint", Value: d.Spec})
			}
			if lp, ok := LocalPath(d.Spec); ok {
				p.Properties = append(p.Properties, inventory.Property{Name: "local_path", Value: lp})
				p.Directory = LocalDir(dir, lp, isDir)
			}
			if g.Dynamic {
				p.Properties = append(p.Properties, inventory.Property{Name: "dynamic", Value: "true"})
			}
			direct = append(direct, p)
		}
	}
	out = append(out, direct...)
	if m.Name != "" {
		root := inventory.Package{
			Name:            m.Name,
			Version:         m.Version,
			Ecosystem:       inventory.EcosystemOHPM,
			PURL:            extractor.PURL("ohpm", "", m.Name, m.Version),
			Relationship:    inventory.RelationshipRoot,
			DeclaredLicense: extractor.Declared(m.Licenses...),
			Properties:      m.LinkProperties(),
		}
		for _, p := range direct {
			if p.PURL != "" {
				root.Dependencies = append(root.Dependencies, p.PURL)
			}
		}
		out = append(out, root)
	}
	return out
}

// LocalDir returns the directory, relative to the scan root, of a local
// dependency's path p written in a file in dir: "" when it leaves the
// tree or is not a directory (a .har file) by isDir; nil isDir knows no
// directories.
func LocalDir(dir, p string, isDir func(string) bool) string {
	if isDir == nil || p == "" || path.IsAbs(p) {
		return ""
	}
	j := path.Join(dir, p)
	if j == ".." || strings.HasPrefix(j, "../") || !isDir(j) {
		return ""
	}
	return j
}

// DirChecker returns a function telling whether a path in fsys is a
// directory; nil for a nil fsys.
func DirChecker(fsys fs.FS) func(string) bool {
	if fsys == nil {
		return nil
	}
	return func(p string) bool {
		fi, err := fs.Stat(fsys, p)
		return err == nil && fi.IsDir()
	}
}
