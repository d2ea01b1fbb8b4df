// Package uvlock extracts the packages of a Python project from the
// uv.lock that uv (https://docs.astral.sh/uv/) writes beside its
// pyproject.toml.
//
// uv.lock is TOML: "version = 1", from uv 0.5 on a "revision", the
// project's requires-python and, for a workspace, "[manifest] members".
// Each [[package]] has a name (normalised by uv), a version, a source and
// its resolved dependencies: "dependencies", "[package.optional-dependencies]"
// (per extra, only the extras something asks for) and, for the projects
// of the workspace, "[package.dev-dependencies]" (per dependency group,
// PEP 735). An entry names its target, and adds the target's version and
// source when the lock holds several packages of that name (uv forks
// the resolution by environment marker: numpy 1.26.4 for Python < 3.13
// and 2.2.1 above), with the marker and the extras it asks for.
//
// Relationship. The projects of the workspace are the roots: packages
// whose source is editable or virtual and is either the lock's own
// directory or a member of [manifest]. The packages that a root's
// dependencies, extras or groups name are direct, all others are
// transitive. A lock without a root (hand-made) leaves the relationship
// unknown.
//
// Scope is found by walking the graph from the roots: what the roots'
// dependencies reach is required; what only their extras reach is
// optional; what only their dependency groups reach is dev, or test for
// groups named test, tests or testing (pkginfo.ScopeOfName decides; other
// group names are dev). A package reached several ways keeps the widest
// scope. Following an edge that asks for extras also follows the
// target's optional dependencies for those extras. Environment markers
// are not evaluated: a dependency for Windows only counts as one on every
// platform, and both packages of a fork are kept. Roots have no scope.
//
// Dependencies are the purls of a package's dependencies, of all its
// optional dependencies and, for roots, of its dependency groups,
// resolved to the exact package of the lock (an entry with version and
// source picks one of several packages of the same name; an entry that
// does not say picks them all).
//
// Hashes. A release has one sdist and any number of wheels, each with
// its hash; a CycloneDX hash is that of the component's artifact, so the
// sdist's is kept, or the wheel's when the release has only one wheel
// and no sdist; the artifact's URL is the "resolved" property. Other
// properties tell where the package comes from: "registry" (the index
// URL), "vcs" (git sources as a pip direct reference,
// "git+https://host/repo@<commit>"), "url" (a direct URL), "path" (a
// local directory or archive, relative to the lock's directory) with
// "editable" = "true" for editable ones; "extra" on the direct packages
// that a root's extra asks for and "group" on those of a root's
// dependency group. URLs lose any user name and password. Roots have no
// source properties.
//
// Directory is set for packages whose source is a local directory inside
// the scanned tree (editable, virtual and directory sources), other than
// the lock's own directory: that one is the project itself. uv.lock
// declares no licenses. Names are PEP 503 normalised, like the purls.
package uvlock

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/uvlock"

// Extractor reads uv.lock files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "uv.lock"
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	lock, err := parse(in.Reader)
	if lock == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	pkgs := packages(lock, in.Dir())
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// lockFile is what heng reads of a uv.lock.
type lockFile struct {
	Members  []string
	Packages []lockPackage
}

type lockPackage struct {
	Name                 string                  `toml:"name"`
	Version              string                  `toml:"version"`
	Source               source                  `toml:"source"`
	Dependencies         []dependency            `toml:"dependencies"`
	OptionalDependencies map[string][]dependency `toml:"optional-dependencies"`
	DevDependencies      map[string][]dependency `toml:"dev-dependencies"`
	Sdist                *artifact               `toml:"sdist"`
	Wheels               []artifact              `toml:"wheels"`
}

// source is where a package comes from: one of the fields is set.
type source struct {
	Registry     string `toml:"registry"`
	Editable     string `toml:"editable"`
	Virtual      string `toml:"virtual"`
	Git          string `toml:"git"`
	Path         string `toml:"path"`
	Directory    string `toml:"directory"`
	URL          string `toml:"url"`
	Subdirectory string `toml:"subdirectory"`
}

type dependency struct {
	Name    string   `toml:"name"`
	Version string   `toml:"version"`
	Source  *source  `toml:"source"`
	Marker  string   `toml:"marker"`
	Extra   []string `toml:"extra"`
}

type artifact struct {
	URL  string `toml:"url"`
	Path string `toml:"path"`
	Hash string `toml:"hash"`
}

// maxSize bounds what is read of a lock file: the largest real ones are
// tens of megabytes.
const maxSize = 256 << 20

// maxDepth bounds the nesting of TOML tables, arrays and dotted keys
// (see tomlsafe.CheckNesting): uv.lock nests three deep, and the TOML
// parser's time grows with the square of the depth.
const maxDepth = 32

// parse reads a uv.lock. A file that is not TOML, or whose top level is
// not shaped like a uv.lock, gives a nil lock and an error; packages that
// are not shaped right are left out, and their errors returned with the
// rest of the lock.
func parse(r io.Reader) (*lockFile, error) {
	var raw struct {
		Manifest toml.Primitive   `toml:"manifest"`
		Package  []toml.Primitive `toml:"package"`
	}
	md, err := tomlsafe.Decode(r, maxSize, maxDepth, &raw)
	if err != nil {
		return nil, err
	}
	lock := &lockFile{}
	var errs []error
	var manifest struct {
		Members []string `toml:"members"`
	}
	if err := md.PrimitiveDecode(raw.Manifest, &manifest); err != nil {
		errs = append(errs, fmt.Errorf("manifest: %w", err))
	}
	lock.Members = manifest.Members
	pkgs, perrs := pkginfo.DecodePackages(md, raw.Package, func(p *lockPackage) string { return p.Name })
	lock.Packages = pkgs
	return lock, errors.Join(append(errs, perrs...)...)
}

// graph finds the packages that dependency entries name.
type graph struct {
	pkgs   []lockPackage
	byName map[string][]int // by normalised name
}

func newGraph(pkgs []lockPackage) *graph {
	g := &graph{pkgs: pkgs, byName: make(map[string][]int, len(pkgs))}
	for i, p := range pkgs {
		n := pkginfo.NormalizeName(p.Name)
		g.byName[n] = append(g.byName[n], i)
	}
	return g
}

// resolve returns the packages a dependency entry names: the one package
// of that name, or of several those whose version and source match what
// the entry says.
func (g *graph) resolve(d dependency) []int {
	cands := g.byName[pkginfo.NormalizeName(d.Name)]
	if len(cands) <= 1 || (d.Version == "" && d.Source == nil) {
		return cands
	}
	var out []int
	for _, i := range cands {
		p := &g.pkgs[i]
		if (d.Version == "" || d.Version == p.Version) && (d.Source == nil || *d.Source == p.Source) {
			out = append(out, i)
		}
	}
	return out
}

// isRoot reports whether a package is a project of the workspace.
func isRoot(p *lockPackage, members map[string]bool) bool {
	dir := p.Source.Editable
	if dir == "" {
		dir = p.Source.Virtual
	}
	if dir == "" {
		return false
	}
	return path.Clean(dir) == "." || members[pkginfo.NormalizeName(p.Name)]
}

// packages turns a lock into packages; dir is the lock's directory.
func packages(lock *lockFile, dir string) []inventory.Package {
	g := newGraph(lock.Packages)
	members := map[string]bool{}
	for _, m := range lock.Members {
		members[pkginfo.NormalizeName(m)] = true
	}
	out := make([]inventory.Package, len(lock.Packages))
	root := make([]bool, len(lock.Packages))
	var roots []int
	for i := range lock.Packages {
		p := &lock.Packages[i]
		root[i] = isRoot(p, members)
		if root[i] {
			roots = append(roots, i)
		}
		out[i] = describe(p, root[i], dir)
	}
	for i := range lock.Packages {
		p := &lock.Packages[i]
		edges := func(deps []dependency) {
			for _, d := range deps {
				for _, t := range g.resolve(d) {
					out[i].Dependencies = append(out[i].Dependencies, out[t].PURL)
				}
			}
		}
		edges(p.Dependencies)
		for _, deps := range p.OptionalDependencies {
			edges(deps)
		}
		if root[i] {
			for _, deps := range p.DevDependencies {
				edges(deps)
			}
		}
	}
	if len(roots) > 0 {
		relate(g, roots, root, out)
	}
	return out
}

// describe makes the package of a lock entry, without its relationship,
// scope and dependencies.
func describe(p *lockPackage, root bool, dir string) inventory.Package {
	name := pkginfo.NormalizeName(p.Name)
	out := inventory.Package{
		Name:      name,
		Version:   p.Version,
		Ecosystem: inventory.EcosystemPyPI,
		PURL:      extractor.PURL("pypi", "", name, p.Version),
	}
	src := p.Source
	for _, d := range []string{src.Editable, src.Virtual, src.Directory} {
		if d != "" {
			out.Directory = pkginfo.LocalDir(dir, d)
		}
	}
	if root {
		return out
	}
	prop := func(name, value string) {
		out.Properties = append(out.Properties, inventory.Property{Name: name, Value: value})
	}
	switch {
	case src.Registry != "":
		prop("registry", pkginfo.RedactURL(src.Registry))
	case src.Git != "":
		prop("vcs", vcsURL(src.Git))
	case src.URL != "":
		u := pkginfo.RedactURL(src.URL)
		if src.Subdirectory != "" {
			u += "#subdirectory=" + src.Subdirectory
		}
		prop("url", u)
	case src.Editable != "":
		prop("path", src.Editable)
		prop("editable", "true")
	case src.Directory != "":
		prop("path", src.Directory)
	case src.Path != "":
		prop("path", src.Path)
	case src.Virtual != "":
		prop("path", src.Virtual)
	}
	// The sdist is the release's artifact; a lone wheel stands for it.
	art := p.Sdist
	if art == nil && len(p.Wheels) == 1 {
		art = &p.Wheels[0]
	}
	if art != nil {
		if h, ok := pkginfo.ParseHash(art.Hash); ok {
			out.Hashes = []inventory.Hash{h}
			if art.URL != "" {
				prop("resolved", pkginfo.RedactURL(art.URL))
			}
		}
	}
	return out
}

// scopeOrder is the order in which scopes are handed out: a package that
// one walk reaches keeps the scope of the first (widest) walk.
var scopeOrder = []string{inventory.ScopeRequired, inventory.ScopeOptional, inventory.ScopeDev, inventory.ScopeTest}

// relate sets the relationship and scope of every package from the
// roots' dependencies, extras and groups.
func relate(g *graph, roots []int, root []bool, out []inventory.Package) {
	type visit struct {
		node  int
		extra string // "" for the package's own dependencies
	}
	seeds := map[string][]visit{}
	for i := range out {
		if root[i] {
			out[i].Relationship = inventory.RelationshipRoot
		} else {
			out[i].Relationship = inventory.RelationshipTransitive
		}
	}
	seed := func(deps []dependency, scope, propName, propValue string) {
		for _, d := range deps {
			for _, t := range g.resolve(d) {
				if root[t] {
					continue
				}
				out[t].Relationship = inventory.RelationshipDirect
				if propName != "" {
					out[t].Properties = append(out[t].Properties, inventory.Property{Name: propName, Value: propValue})
				}
				seeds[scope] = append(seeds[scope], visit{t, ""})
				for _, e := range d.Extra {
					seeds[scope] = append(seeds[scope], visit{t, pkginfo.NormalizeName(e)})
				}
			}
		}
	}
	for _, r := range roots {
		p := &g.pkgs[r]
		seed(p.Dependencies, inventory.ScopeRequired, "", "")
		for extra, deps := range p.OptionalDependencies {
			seed(deps, inventory.ScopeOptional, "extra", extra)
		}
		for group, deps := range p.DevDependencies {
			seed(deps, pkginfo.DevGroupScope(group), "group", group)
		}
	}
	done := map[visit]bool{}
	for _, scope := range scopeOrder {
		queue := seeds[scope]
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			if done[v] || root[v.node] {
				continue
			}
			done[v] = true
			if out[v.node].Scope == "" {
				out[v.node].Scope = scope
			}
			p := &g.pkgs[v.node]
			deps := p.Dependencies
			if v.extra != "" {
				deps = extraDeps(p, v.extra)
			}
			for _, d := range deps {
				for _, t := range g.resolve(d) {
					queue = append(queue, visit{t, ""})
					for _, e := range d.Extra {
						queue = append(queue, visit{t, pkginfo.NormalizeName(e)})
					}
				}
			}
		}
	}
}

// extraDeps returns a package's optional dependencies for an extra, given
// normalised.
func extraDeps(p *lockPackage, extra string) []dependency {
	if deps, ok := p.OptionalDependencies[extra]; ok {
		return deps
	}
	for e, deps := range p.OptionalDependencies {
		if pkginfo.NormalizeName(e) == extra {
			return deps
		}
	}
	return nil
}

// vcsURL turns uv's git source, "https://host/repo?rev=v1#<commit>" (the
// query may also hold branch, tag and subdirectory), into a pip-style
// direct reference: "git+https://host/repo@<commit>#subdirectory=...".
func vcsURL(src string) string {
	base, commit, _ := strings.Cut(src, "#")
	base, query, _ := strings.Cut(base, "?")
	ref, sub := commit, ""
	if q, err := url.ParseQuery(query); err == nil {
		if ref == "" {
			ref = cmp.Or(q.Get("rev"), q.Get("tag"), q.Get("branch"))
		}
		sub = q.Get("subdirectory")
	}
	return pkginfo.VCSURL("git", base, ref, sub)
}
