// Package packagejson extracts what an npm project declares in its
// package.json: the project itself and the dependencies it names.
//
// It reads package.json files outside node_modules; those inside are
// installed packages, read by npm/installed. Parse, ReadSpec and the
// types here are shared with npm/installed and npm/packagelock, which
// read package.json files too.
//
// The project is the root package: name and version from the file,
// declared license from "license" (an SPDX expression, or the legacy
// {"type": ...} object) and the legacy "licenses" array, all ANDed (see
// extractor.Declared). A package.json without a name is named after its
// directory, as npm names the root of the lock file it writes for it; at
// the scan root, where the directory's name is not known, no root is
// reported, only its dependencies. A package.json with neither a name nor
// dependencies yields nothing: such files mark directories of a package
// ({"type": "module"} in an esm/ folder), they are not projects. A name
// npm could not publish (slashes outside a scope) gives no root either.
// Workspaces have package.json files of their own, each a root.
//
// The root also has the "homepage" and "repository" properties, from the
// "homepage" field and the "repository" field (a string, or the "url" of
// a {"type", "url", "directory"} object): absolute http(s) URLs, and for
// the repository also git URLs (git://, ssh://, git@host:path) with a
// leading "git+" stripped, and the shorthands "github:user/repo",
// "gitlab:user/repo", "bitbucket:user/repo" and "user/repo" expanded to
// https URLs. Other values, or values of other types, are ignored.
//
// Each dependency is a direct package. Scope: "dependencies" are
// required, "devDependencies" dev, "optionalDependencies" optional (and,
// as npm does, a name there overrides the same name in "dependencies"),
// "peerDependencies" optional with the property "peer"="true" (the host
// project provides them; npm 7 and later install them). A name in several
// lists gives one package per list, which the inventory merges under the
// widest scope. The version spec decides the rest:
//
//   - an exact version ("1.2.3", "=1.2.3", "v1.2.3") is the package's
//     Version;
//   - a range or dist-tag ("^1.2.0", "~1", "latest", "*"; empty means "*")
//     leaves Version empty and is kept as the "constraint" property: a lock
//     file says which version it chose;
//   - an alias "npm:real@spec" is the package "real", its spec read as
//     above, with the name it is installed under as the "alias" property;
//   - anything that does not name a registry version (file:, link:,
//     workspace:, portal:, git and git+ URLs, github:user/repo and the
//     user/repo shorthand, http(s) tarballs, paths) leaves Version empty
//     and is kept as the "source" property.
//
// The root's Dependencies are the purls of its direct packages (without a
// version where only a constraint is known; the inventory points them at
// the resolved ones when a lock file is scanned too). Names npm could not
// install (empty, "@scope/" without a name, slashes outside a scope) are
// skipped. package.json has no hashes and says nothing of where
// dependencies are installed, so there is no Directory.
//
// Fields of the wrong type are reported as an error with the packages
// read from the rest of the file; a dependency whose spec is not a string
// is still declared, with the constraint "*". A byte order mark before
// the JSON is ignored, as npm ignores it.
package packagejson

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/weburl"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "npm/packagejson"

// Extractor reads the package.json files of npm projects.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

// Match accepts package.json files that are not inside node_modules.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "package.json" && !InNodeModules(f.Path)
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	m, err := Parse(in.Reader)
	if m == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	pkgs := packages(m, in.Dir())
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// InNodeModules reports whether a slash path has a node_modules
// component.
func InNodeModules(p string) bool {
	return strings.HasPrefix(p, "node_modules/") || strings.Contains(p, "/node_modules/") ||
		p == "node_modules" || strings.HasSuffix(p, "/node_modules")
}

// Manifest is what heng reads of a package.json.
type Manifest struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// License is "license": an SPDX expression, or the legacy
	// {"type": ...} object (or, in a few old packages, an array).
	License Licenses `json:"license"`
	// Licenses is the legacy "licenses" array of {"type": ...} objects.
	Licenses Licenses `json:"licenses"`
	// Homepage is "homepage": the project's web page, as written (a
	// value that is not a string is left empty).
	Homepage LooseString `json:"homepage"`
	// Repository is "repository": a URL or shorthand string, or the url
	// of a {"type", "url", "directory"} object, as written.
	Repository           RepositoryField   `json:"repository"`
	Dependencies         map[string]string `json:"dependencies"`
	DevDependencies      map[string]string `json:"devDependencies"`
	OptionalDependencies map[string]string `json:"optionalDependencies"`
	PeerDependencies     map[string]string `json:"peerDependencies"`
	// Workspaces are the glob patterns of the project's workspaces, from
	// npm's array or yarn's {"packages": [...]} object.
	Workspaces Workspaces `json:"workspaces"`

	// npm 5 and 6 rewrote the package.json of each package they installed
	// with these fields; later versions leave the file as published.

	// Resolved is "_resolved": where the package was fetched from.
	Resolved string `json:"_resolved"`
	// Integrity is "_integrity": the tarball's Subresource Integrity.
	Integrity string `json:"_integrity"`
	// Shasum is "_shasum": the tarball's SHA-1 in hex.
	Shasum string `json:"_shasum"`
	// RequiredBy is "_requiredBy": the install locations of the packages
	// that need this one ("/" is the project, "#DEV:/" the project's
	// devDependencies, "#USER" a package the user installed by name).
	RequiredBy []string `json:"_requiredBy"`
}

// Parse reads a package.json. Fields of the wrong type are left empty and
// reported in the error, with the manifest read from the rest; a file
// that is not JSON gives a nil manifest. A leading byte order mark is
// ignored, as npm ignores it.
func Parse(r io.Reader) (*Manifest, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return &m, err
		}
		return nil, err
	}
	return &m, nil
}

// DeclaredLicense returns the license the manifest declares: "license"
// and "licenses" together.
func (m *Manifest) DeclaredLicense() *inventory.DeclaredLicense {
	raws := append(append([]string(nil), m.License...), m.Licenses...)
	return extractor.Declared(raws...)
}

// LinkProperties returns the "homepage" and "repository" properties of
// the manifest's "homepage" and "repository" fields: absolute http(s)
// URLs for the homepage; for the repository the same or a git URL
// (git://, ssh://, git@host:path) with a leading "git+" stripped, the
// shorthands "github:user/repo", "gitlab:user/repo",
// "bitbucket:user/repo" and "user/repo" turned into https URLs (see
// weburl). Other values are ignored.
func (m *Manifest) LinkProperties() []inventory.Property {
	return weburl.Properties(weburl.Homepage(string(m.Homepage)), weburl.NPMRepository(string(m.Repository)))
}

// LooseString is a JSON string; a value of another type reads as "",
// without an error.
type LooseString string

// UnmarshalJSON implements json.Unmarshaler.
func (s *LooseString) UnmarshalJSON(b []byte) error {
	var str string
	if json.Unmarshal(b, &str) == nil {
		*s = LooseString(str)
	}
	return nil
}

// RepositoryField is package.json's "repository": a string, or the "url"
// of an object ({"type": "git", "url": ..., "directory": ...}). Values of
// other shapes read as "", without an error.
type RepositoryField string

// UnmarshalJSON implements json.Unmarshaler.
func (r *RepositoryField) UnmarshalJSON(b []byte) error {
	var v struct {
		URL LooseString `json:"url"`
	}
	if len(b) > 0 && b[0] == '{' {
		if json.Unmarshal(b, &v) == nil {
			*r = RepositoryField(v.URL)
		}
		return nil
	}
	var str LooseString
	_ = str.UnmarshalJSON(b)
	*r = RepositoryField(str)
	return nil
}

// Licenses are license values as written, read from a string, a
// {"type": ...} object (or {"name": ...}, which a few packages use), or an
// array of either. Values of other shapes are ignored: the license field
// is free-form in old packages, and a bad one must not hide the rest of
// the file.
type Licenses []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *Licenses) UnmarshalJSON(b []byte) error {
	if len(b) >= 2 && b[0] == '"' { // the usual case, without the any
		s := b[1 : len(b)-1]
		if bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) { // nothing to unescape
			*l = appendLicenses(nil, string(s), 0)
			return nil
		}
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return nil
		}
		*l = appendLicenses(nil, str, 0)
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil // cannot happen for a value the decoder scanned
	}
	*l = appendLicenses(nil, v, 0)
	return nil
}

func appendLicenses(out []string, v any, depth int) []string {
	switch v := v.(type) {
	case string:
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	case map[string]any:
		if t, ok := v["type"].(string); ok && strings.TrimSpace(t) != "" {
			out = append(out, t)
		} else if n, ok := v["name"].(string); ok && strings.TrimSpace(n) != "" {
			out = append(out, n)
		}
	case []any:
		if depth > 0 {
			return out
		}
		for _, e := range v {
			out = appendLicenses(out, e, depth+1)
		}
	}
	return out
}

// Workspaces are workspace glob patterns, read from an array of strings
// (npm) or an object with a "packages" array (yarn). Other shapes are
// ignored.
type Workspaces []string

// UnmarshalJSON implements json.Unmarshaler.
func (w *Workspaces) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil
	}
	if o, ok := v.(map[string]any); ok {
		v = o["packages"]
	}
	*w = nil
	if a, ok := v.([]any); ok {
		for _, e := range a {
			if s, ok := e.(string); ok {
				*w = append(*w, s)
			}
		}
	}
	return nil
}

// ValidName reports whether name can be an npm package's name: not empty,
// and either without slashes or "@scope/name". It does not enforce npm's
// rules for new names (lower case, URL-safe): old packages break them.
func ValidName(name string) bool {
	if name == "" || strings.TrimSpace(name) != name {
		return false
	}
	if strings.HasPrefix(name, "@") {
		scope, rest, ok := strings.Cut(name[1:], "/")
		return ok && scope != "" && rest != "" && !strings.Contains(rest, "/")
	}
	return !strings.Contains(name, "/")
}

// exactVersion is a single semantic version, as npm accepts one in a
// dependency spec: optional "=" or "v", no range operators.
var exactVersion = regexp.MustCompile(`^=?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$`)

// sourcePrefixes start dependency specs that name no registry version.
var sourcePrefixes = []string{
	"file:", "link:", "workspace:", "portal:", "patch:", "catalog:", "exec:", "jsr:",
	"git:", "git+", "github:", "gitlab:", "bitbucket:", "gist:", "http:", "https:",
	".", "/", "~/",
}

// Dep is a dependency as a package.json names it, its spec read.
type Dep struct {
	// Name is the package's name: for an alias, the real one.
	Name string
	// Alias is the name the package is installed under when it is an
	// alias ("npm:real@spec"), else "".
	Alias string
	// Version is the exact version the spec asks for, or "".
	Version string
	// Constraint is the range or dist-tag when there is no exact version.
	Constraint string
	// Source is a spec that names no registry version: a path, git or
	// tarball URL.
	Source string
}

// ReadSpec reads the spec of dependency name.
func ReadSpec(name, spec string) Dep {
	d := Dep{Name: name}
	spec = strings.TrimSpace(spec)
	if rest, ok := strings.CutPrefix(spec, "npm:"); ok {
		real, rng := rest, ""
		if i := strings.LastIndexByte(rest, '@'); i > 0 {
			real, rng = rest[:i], rest[i+1:]
		}
		if real != name {
			d.Alias = name
		}
		d.Name = real
		spec = strings.TrimSpace(rng)
	}
	lower := strings.ToLower(spec)
	for _, p := range sourcePrefixes {
		if strings.HasPrefix(lower, p) {
			d.Source = spec
			return d
		}
	}
	if strings.Contains(spec, "/") { // github shorthand user/repo#ref
		d.Source = spec
		return d
	}
	if m := exactVersion.FindStringSubmatch(spec); m != nil {
		d.Version = m[1]
		return d
	}
	if spec == "" {
		spec = "*"
	}
	d.Constraint = spec
	return d
}

// depList is one of package.json's dependency lists and what it means.
type depList struct {
	deps  map[string]string
	scope string
	peer  bool
}

func packages(m *Manifest, dir string) []inventory.Package {
	lists := []depList{
		{m.Dependencies, inventory.ScopeRequired, false},
		{m.OptionalDependencies, inventory.ScopeOptional, false},
		{m.DevDependencies, inventory.ScopeDev, false},
		{m.PeerDependencies, inventory.ScopeOptional, true},
	}
	var out []inventory.Package
	var direct []string
	for i, l := range lists {
		for _, name := range slices.Sorted(maps.Keys(l.deps)) { // a stable order, for a stable merge
			spec := l.deps[name]
			if i == 0 {
				if _, ok := m.OptionalDependencies[name]; ok {
					continue // npm: optionalDependencies override dependencies
				}
			}
			p, ok := depPackage(ReadSpec(name, spec), l.scope, l.peer)
			if !ok {
				continue
			}
			direct = append(direct, p.PURL)
			out = append(out, p)
		}
	}
	name := m.Name
	if name == "" && len(out) > 0 && dir != "." && dir != "" {
		name = path.Base(dir)
	}
	if !ValidName(name) {
		return out
	}
	root := inventory.Package{
		Name:            name,
		Version:         m.Version,
		Ecosystem:       inventory.EcosystemNPM,
		PURL:            extractor.PURL("npm", "", name, m.Version),
		Relationship:    inventory.RelationshipRoot,
		DeclaredLicense: m.DeclaredLicense(),
		Dependencies:    direct,
		Properties:      m.LinkProperties(),
	}
	if root.PURL == "" {
		return out
	}
	return append(out, root)
}

// depPackage makes the direct package of a dependency; false when its name
// is not one npm could install.
func depPackage(d Dep, scope string, peer bool) (inventory.Package, bool) {
	if !ValidName(d.Name) {
		return inventory.Package{}, false
	}
	p := inventory.Package{
		Name:         d.Name,
		Version:      d.Version,
		Ecosystem:    inventory.EcosystemNPM,
		PURL:         extractor.PURL("npm", "", d.Name, d.Version),
		Relationship: inventory.RelationshipDirect,
		Scope:        scope,
	}
	if p.PURL == "" {
		return inventory.Package{}, false
	}
	prop := func(name, value string) {
		p.Properties = append(p.Properties, inventory.Property{Name: name, Value: value})
	}
	if d.Constraint != "" {
		prop("constraint", d.Constraint)
	}
	if d.Source != "" {
		prop("source", d.Source)
	}
	if d.Alias != "" {
		prop("alias", d.Alias)
	}
	if peer {
		prop("peer", "true")
	}
	return p, true
}
