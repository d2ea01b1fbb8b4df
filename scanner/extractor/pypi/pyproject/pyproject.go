// Package pyproject extracts a Python project and the packages it
// declares from its pyproject.toml: the standard [project] table (PEP
// 621), dependency groups (PEP 735), the build system's requirements (PEP
// 518), and the tables of Poetry, uv and PDM that predate or extend them.
//
// # The project
//
// The project is the root package (relationship root): its name and
// version come from [project], or from [tool.poetry] when [project] does
// not give them (Poetry before 2.0 only has [tool.poetry]; a version that
// [project] lists as dynamic comes from Poetry too, as Poetry 2 reads it).
// A pyproject.toml that names no project (a file of tool settings, a
// workspace root) has no root package. The root depends on every package
// the file declares: its Dependencies are their purls, without a version
// unless one is pinned (heng's merge points them at the versions a lock
// file or an installation resolves).
//
// Its declared license is, in this order: [project] license as a string
// (an SPDX expression, PEP 639); [project] license.text, weighed against
// the "License ::" classifiers as a METADATA's License field is (see
// scanner/extractor/pypi/wheelmetadata); Poetry's license; the
// classifiers alone. [project] license.file and each PEP 639
// license-files glob are "license_file" properties: the scanner finds
// license files on its own.
//
// The root's "homepage" and "repository" properties come from
// [project.urls]: a label Homepage or Home (case, spaces, "-", "_" and
// "." ignored) is the homepage, Repository, Source, Source Code or
// GitHub the repository, the first in label order that is an absolute
// http(s) URL (for the repository also git://, ssh:// or git@host:path)
// winning; else from Poetry's homepage and repository. Other values are
// ignored.
//
// # Dependencies
//
// Every dependency is a direct dependency. Names are PEP 503 normalised;
// a version pinned with "==" or "===" (or, in Poetry, a bare version
// "1.2.3" or "==1.2.3") is the Version, and any other specifier is the
// "constraint" property, as written ("^1.2" for Poetry). Extras asked for
// are the "extras" property, markers the "marker" property, direct
// references the "url" (Poetry's git, with "@ref", and url) or "path"
// property; editable ("develop") path dependencies get "editable".
//
//   - [project] dependencies are required; [project]
//     optional-dependencies are optional, with the extra's name as the
//     "extra" property. Dependencies declared dynamic are not known.
//   - [dependency-groups] (PEP 735) have the group's name as the "group"
//     property. A group whose name says dev or test (by the words of
//     pkginfo.ScopeOfName: "dev", "docs", "lint", "typing", "test",
//     "tests", ...) has that scope; any other group is optional, a set
//     of packages one chooses to install. {include-group = "..."} entries
//     bring in the packages of another group, under the including group.
//   - [build-system] requires are dev, with group "build-system": they
//     build the project and are not installed with it.
//   - Poetry: [tool.poetry.dependencies] (read only when [project] has no
//     dependencies key, as Poetry 2 does) are required, or optional when
//     marked optional = true, with their extras from [tool.poetry.extras]
//     as "extra" properties; "python" is the interpreter, not a package.
//     [tool.poetry.dev-dependencies] and [tool.poetry.group.<name>]
//     dependencies have the group as "group"; Poetry's groups other than
//     main are for development only, so they are dev, or test when the
//     name says test.
//   - uv's [tool.uv] dev-dependencies are dev (group "dev"); PDM's
//     [tool.pdm.dev-dependencies] groups are dev, or test by name.
//
// # Errors
//
// A file that is not TOML is an error, and so is one larger than 16 MiB
// or nesting tables, arrays and dotted keys more than 32 deep (real files
// nest a few levels; the TOML parser's time grows with the square of the
// depth, see scanner/extractor/internal/tomlsafe). Parts of the wrong
// type (a string where a list of requirements belongs) and requirements
// that do not parse are errors reported with the packages of the rest.
package pyproject

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
	"github.com/hengdev/heng/scanner/extractor/internal/weburl"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/pyproject"

// maxIncludeDepth bounds the nesting of PEP 735 include-group entries.
const maxIncludeDepth = 16

// Extractor reads pyproject.toml files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name.
func (Extractor) Name() string { return Name }

// Version returns the extractor's version.
func (Extractor) Version() int { return 1 }

// Match accepts files named pyproject.toml.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "pyproject.toml"
}

// Extract reads one pyproject.toml.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	doc, err := parse(in.Reader)
	if err != nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	pkgs, errs := packages(doc)
	if len(errs) > 0 {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, errors.Join(errs...))
	}
	return pkgs, nil
}

// maxSize bounds what is read of a pyproject.toml: real ones are a few
// kilobytes.
const maxSize = 16 << 20

// maxDepth bounds the nesting of TOML tables, arrays and dotted keys
// (see tomlsafe.CheckNesting): "[tool.poetry.group.dev.dependencies]" is
// five deep, and the TOML parser's time grows with the square of the
// depth.
const maxDepth = 32

// parse decodes a TOML document, refusing one too large or too deeply
// nested.
func parse(r io.Reader) (map[string]any, error) {
	doc := map[string]any{}
	if _, err := tomlsafe.Decode(r, maxSize, maxDepth, &doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// reader walks a decoded document, collecting type errors.
type reader struct {
	errs []error
}

func (r *reader) errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Errorf(format, args...))
}

// table returns the table at key of t, or nil; a value of another type
// is an error.
func (r *reader) table(t map[string]any, key, where string) map[string]any {
	v, ok := t[key]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.errorf("%s: not a table", join(where, key))
	}
	return m
}

// str returns the string at key of t, or ""; a value of another type is
// an error.
func (r *reader) str(t map[string]any, key, where string) string {
	v, ok := t[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.errorf("%s: not a string", join(where, key))
	}
	return s
}

// strs returns the strings of the array at key of t; a value of
// another type is an error, and so is an element that is not a string.
func (r *reader) strs(t map[string]any, key, where string) []string {
	v, ok := t[key]
	if !ok {
		return nil
	}
	return r.stringList(v, join(where, key))
}

func (r *reader) stringList(v any, where string) []string {
	list, ok := asList(v)
	if !ok {
		r.errorf("%s: not an array", where)
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			r.errorf("%s[%d]: not a string", where, i)
			continue
		}
		out = append(out, s)
	}
	return out
}

// asList returns the elements of a TOML array, which decodes to []any,
// or to []map[string]any for an array of tables.
func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []map[string]any:
		out := make([]any, len(l))
		for i, m := range l {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

// sortedKeys returns the keys of a table in order, for output that does
// not depend on map iteration.
func sortedKeys(t map[string]any) []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// packages returns the root package and the dependencies a document
// declares.
func packages(doc map[string]any) ([]inventory.Package, []error) {
	r := &reader{}
	project := r.table(doc, "project", "")
	tool := r.table(doc, "tool", "")
	poetry := r.table(tool, "poetry", "tool")

	var deps []inventory.Package
	add := func(ps ...inventory.Package) { deps = append(deps, ps...) }

	for _, s := range r.strs(project, "dependencies", "project") {
		add(r.requirement(s, inventory.ScopeRequired, "project.dependencies")...)
	}
	optional := r.table(project, "optional-dependencies", "project")
	for _, extra := range sortedKeys(optional) {
		for _, s := range r.stringList(optional[extra], "project.optional-dependencies."+extra) {
			for _, p := range r.requirement(s, inventory.ScopeOptional, "project.optional-dependencies."+extra) {
				add(withProp(p, "extra", pkginfo.NormalizeName(extra)))
			}
		}
	}
	add(r.dependencyGroups(r.table(doc, "dependency-groups", ""))...)
	build := r.table(doc, "build-system", "")
	for _, s := range r.strs(build, "requires", "build-system") {
		for _, p := range r.requirement(s, inventory.ScopeDev, "build-system.requires") {
			add(withProp(p, "group", "build-system"))
		}
	}
	if poetry != nil {
		_, hasDeps := project["dependencies"]
		add(r.poetry(poetry, !hasDeps)...)
	}
	uv := r.table(tool, "uv", "tool")
	for _, s := range r.strs(uv, "dev-dependencies", "tool.uv") {
		for _, p := range r.requirement(s, inventory.ScopeDev, "tool.uv.dev-dependencies") {
			add(withProp(p, "group", "dev"))
		}
	}
	pdmDev := r.table(r.table(tool, "pdm", "tool"), "dev-dependencies", "tool.pdm")
	for _, g := range sortedKeys(pdmDev) {
		where := "tool.pdm.dev-dependencies." + g
		for _, s := range r.stringList(pdmDev[g], where) {
			for _, p := range r.requirement(s, pkginfo.DevGroupScope(g), where) {
				add(withProp(p, "group", g))
			}
		}
	}

	root, ok := r.root(project, poetry)
	if !ok {
		return deps, r.errs
	}
	for _, d := range deps {
		root.Dependencies = append(root.Dependencies, d.PURL)
	}
	return append(deps, root), r.errs
}

// root returns the project's own package, if the document names it.
func (r *reader) root(project, poetry map[string]any) (inventory.Package, bool) {
	name := r.str(project, "name", "project")
	if name == "" {
		name = r.str(poetry, "name", "tool.poetry")
	}
	if name == "" {
		return inventory.Package{}, false
	}
	if !pkginfo.ValidName(name) {
		r.errorf("project name %q: not a valid name", truncate(name, 60))
		return inventory.Package{}, false
	}
	p := inventory.Package{
		Name:         pkginfo.NormalizeName(name),
		Ecosystem:    inventory.EcosystemPyPI,
		Relationship: inventory.RelationshipRoot,
	}
	_, hasVersion := project["version"]
	switch {
	case hasVersion:
		p.Version = r.str(project, "version", "project")
	case project == nil || slices.Contains(r.strs(project, "dynamic", "project"), "version"):
		p.Version = r.str(poetry, "version", "tool.poetry")
	}
	p.PURL = extractor.PURL("pypi", "", p.Name, p.Version)

	classifiers := append(r.strs(project, "classifiers", "project"), r.strs(poetry, "classifiers", "tool.poetry")...)
	switch lic := project["license"].(type) {
	case string:
		p.DeclaredLicense = extractor.Declared(lic)
	case map[string]any:
		text := r.str(lic, "text", "project.license")
		if file := r.str(lic, "file", "project.license"); file != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: "license_file", Value: file})
		}
		p.DeclaredLicense = pkginfo.DeclaredLicense(text, classifiers)
	case nil:
		if l := r.str(poetry, "license", "tool.poetry"); l != "" {
			p.DeclaredLicense = extractor.Declared(l)
		} else {
			p.DeclaredLicense = pkginfo.DeclaredLicense("", classifiers)
		}
	default:
		r.errorf("project.license: neither a string nor a table")
	}
	for _, f := range r.licenseFiles(project["license-files"]) {
		p.Properties = append(p.Properties, inventory.Property{Name: "license_file", Value: f})
	}
	p.Properties = append(p.Properties, links(project, poetry)...)
	return p, true
}

// links returns the "homepage" and "repository" properties: from
// [project.urls] (labels read by pkginfo.LinkKind, the first of each kind
// in label order that is a URL), else from [tool.poetry] homepage and
// repository. Values that are not strings or not URLs are ignored.
func links(project, poetry map[string]any) []inventory.Property {
	var home, repo string
	urls, _ := project["urls"].(map[string]any)
	for _, label := range sortedKeys(urls) {
		u, _ := urls[label].(string)
		switch pkginfo.LinkKind(label) {
		case weburl.HomepageProperty:
			if home == "" {
				home = weburl.Homepage(u)
			}
		case weburl.RepositoryProperty:
			if repo == "" {
				repo = weburl.Repository(u)
			}
		}
	}
	if s, ok := poetry["homepage"].(string); ok && home == "" {
		home = weburl.Homepage(s)
	}
	if s, ok := poetry["repository"].(string); ok && repo == "" {
		repo = weburl.Repository(s)
	}
	return weburl.Properties(home, repo)
}

// licenseFiles reads PEP 639 license-files: an array of globs, or, in
// the draft setuptools followed, a table of "paths" or "globs".
func (r *reader) licenseFiles(v any) []string {
	switch lf := v.(type) {
	case nil:
		return nil
	case map[string]any:
		return append(r.strs(lf, "paths", "project.license-files"), r.strs(lf, "globs", "project.license-files")...)
	}
	return r.stringList(v, "project.license-files")
}

// requirement returns the package of a PEP 508 requirement; a bad one is
// an error and no package.
func (r *reader) requirement(s, scope, where string) []inventory.Package {
	req, err := pkginfo.ParseRequirement(s)
	if err != nil {
		r.errorf("%s: %w", where, err)
		return nil
	}
	return []inventory.Package{req.Package(scope)}
}

// dependencyGroups reads PEP 735 [dependency-groups].
func (r *reader) dependencyGroups(groups map[string]any) []inventory.Package {
	var out []inventory.Package
	for _, g := range sortedKeys(groups) {
		scope := pkginfo.ScopeOfName(g)
		if scope == "" {
			scope = inventory.ScopeOptional
		}
		for _, p := range r.group(groups, g, scope, map[string]bool{}, 0) {
			out = append(out, withProp(p, "group", g))
		}
	}
	return out
}

// group returns the packages of one dependency group, following its
// include-group entries; seen holds the groups on the way here.
func (r *reader) group(groups map[string]any, name, scope string, seen map[string]bool, depth int) []inventory.Package {
	where := "dependency-groups." + name
	if seen[name] || depth > maxIncludeDepth {
		r.errorf("%s: include-group cycle", where)
		return nil
	}
	seen[name] = true
	defer delete(seen, name)
	list, ok := asList(groups[name])
	if !ok {
		r.errorf("%s: not an array", where)
		return nil
	}
	var out []inventory.Package
	for i, e := range list {
		switch e := e.(type) {
		case string:
			out = append(out, r.requirement(e, scope, where)...)
		case map[string]any:
			inc, ok := e["include-group"].(string)
			if !ok {
				r.errorf("%s[%d]: a table without include-group", where, i)
				continue
			}
			target := findGroup(groups, inc)
			if target == "" {
				r.errorf("%s[%d]: no group %q to include", where, i, truncate(inc, 60))
				continue
			}
			out = append(out, r.group(groups, target, scope, seen, depth+1)...)
		default:
			r.errorf("%s[%d]: neither a requirement nor an include-group", where, i)
		}
	}
	return out
}

// findGroup returns the key of the group called name, compared as PEP
// 735 says: by normalised name.
func findGroup(groups map[string]any, name string) string {
	n := pkginfo.NormalizeName(name)
	for _, k := range sortedKeys(groups) {
		if pkginfo.NormalizeName(k) == n {
			return k
		}
	}
	return ""
}

func withProp(p inventory.Package, name, value string) inventory.Package {
	p.Properties = append(p.Properties, inventory.Property{Name: name, Value: value})
	return p
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
