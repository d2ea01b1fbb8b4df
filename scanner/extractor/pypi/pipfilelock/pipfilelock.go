// Package pipfilelock extracts the packages of a Python project from the
// Pipfile.lock that Pipenv (https://pipenv.pypa.io) writes beside its
// Pipfile.
//
// Pipfile.lock is JSON: "_meta" (the Pipfile's hash, pipfile-spec, the
// required Python and the package indexes, "sources", by name and URL),
// then one object per package category: "default" for the Pipfile's
// [packages], "develop" for its [dev-packages] and, from Pipenv 2023,
// one per other category the Pipfile defines ("docs" for [docs]). Each
// maps a package name to what was locked: "version" ("==1.2.3"),
// "hashes" (sha256 of every wheel and sdist of the release), "markers",
// "index" (the name of a source), "extras", or for packages from
// elsewhere "git" (or hg, svn, bzr) with "ref" (the commit), "path" or
// "file", and "editable".
//
// Relationship. The lock lists every package, transitive ones too, and
// no edges between them: packages that the sibling Pipfile names (in any
// category) are direct and the others transitive; without a Pipfile (or
// when it cannot be read) the relationship is unknown. A package locked
// from the path "." is the project itself: the root. Dependencies are
// unknown: the lock does not record them.
//
// Scope: "default" is required, "develop" dev, another category test
// when named test, tests or testing (pkginfo.ScopeOfName decides), dev
// otherwise, with the category as the "group" property. A package in
// several categories gets one package per category, which merging joins
// with the widest scope.
//
// Version is the pinned version; a package locked without "==" (a git or
// path source) has none, and a "constraint" property when the lock gives
// some other specifier. Hashes: the lock gives the hashes of all the
// release's files without saying which is which, so a hash is kept only
// when there is one. Properties: "registry" (the URL of the package's
// index), "marker", "extras" (the extras asked for, normalised and
// joined by ","), "vcs" (as a pip direct reference,
// "git+https://host/repo@<ref>"), "url" or "path" (file and path sources,
// paths relative to the lock's directory) and "editable" = "true". URLs
// lose any user name and password. Directory is set for local
// directories inside the scanned tree other than the lock's own.
// Pipfile.lock declares no licenses. Names are PEP 503 normalised, like
// the purls.
package pipfilelock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/pipfilelock"

// Extractor reads Pipfile.lock files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "Pipfile.lock"
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	lock, err := parse(in.Reader)
	if lock == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	direct := readPipfile(in.FS, path.Join(in.Dir(), "Pipfile"))
	pkgs := packages(lock, direct, in.Dir())
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// lockFile is what heng reads of a Pipfile.lock.
type lockFile struct {
	// Sources are the URLs of the package indexes by name.
	Sources map[string]string
	// Categories in order: default, develop, then the others by name.
	Categories []category
}

type category struct {
	Name     string
	Packages []entry // by name
}

type entry struct {
	Name         string   `json:"-"`
	Version      string   `json:"version"`
	Hashes       []string `json:"hashes"`
	Markers      string   `json:"markers"`
	Index        string   `json:"index"`
	Extras       []string `json:"extras"`
	Editable     bool     `json:"editable"`
	Path         string   `json:"path"`
	File         string   `json:"file"`
	Git          string   `json:"git"`
	Hg           string   `json:"hg"`
	Svn          string   `json:"svn"`
	Bzr          string   `json:"bzr"`
	Ref          string   `json:"ref"`
	Subdirectory string   `json:"subdirectory"`
}

// maxSize bounds what is read of a lock file or Pipfile: the largest
// real lock files are a few megabytes.
const maxSize = 256 << 20

// maxDepth bounds the nesting of a Pipfile's TOML tables, arrays and
// dotted keys (see tomlsafe.CheckNesting): a Pipfile nests two deep, and
// the TOML parser's time grows with the square of the depth.
const maxDepth = 32

// parse reads a Pipfile.lock. A file that is not a JSON object gives a
// nil lock and an error; categories and packages that are not shaped
// right are left out, and their errors returned with the rest.
func parse(r io.Reader) (*lockFile, error) {
	var top map[string]json.RawMessage
	if err := json.NewDecoder(io.LimitReader(r, maxSize)).Decode(&top); err != nil {
		return nil, err
	}
	if top == nil {
		return nil, errors.New("not a JSON object")
	}
	lock := &lockFile{Sources: map[string]string{}}
	var errs []error
	if raw, ok := top["_meta"]; ok {
		var meta struct {
			Sources []struct {
				Name string `json:"name"`
				URL  string `json:"url"`
			} `json:"sources"`
		}
		if err := json.Unmarshal(raw, &meta); err != nil {
			errs = append(errs, fmt.Errorf("_meta: %w", err))
		}
		for _, s := range meta.Sources {
			lock.Sources[s.Name] = s.URL
		}
	}
	names := make([]string, 0, len(top))
	for name := range top {
		if name != "_meta" {
			names = append(names, name)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(categoryKey(a), categoryKey(b)) })
	for _, name := range names {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(top[name], &raw); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		c := category{Name: name}
		pkgs := make([]string, 0, len(raw))
		for p := range raw {
			pkgs = append(pkgs, p)
		}
		slices.Sort(pkgs)
		for _, p := range pkgs {
			var e entry
			if err := json.Unmarshal(raw[p], &e); err != nil {
				errs = append(errs, fmt.Errorf("%s: %q: %w", name, p, err))
				continue
			}
			if pkginfo.NormalizeName(p) == "" {
				errs = append(errs, fmt.Errorf("%s: package without a name", name))
				continue
			}
			e.Name = p
			c.Packages = append(c.Packages, e)
		}
		lock.Categories = append(lock.Categories, c)
	}
	return lock, errors.Join(errs...)
}

// categoryKey orders categories: default, develop, then by name.
func categoryKey(name string) string {
	switch name {
	case "default":
		return "0"
	case "develop":
		return "1"
	}
	return "2" + name
}

// packages turns a lock into packages. direct holds the normalised names
// the Pipfile names, nil when there is no Pipfile; dir is the lock's
// directory.
func packages(lock *lockFile, direct map[string]bool, dir string) []inventory.Package {
	var out []inventory.Package
	for _, c := range lock.Categories {
		scope := categoryScope(c.Name)
		for i := range c.Packages {
			p := describe(&c.Packages[i], lock.Sources, dir)
			switch {
			case p.Relationship == inventory.RelationshipRoot:
			case direct == nil:
			case direct[p.Name]:
				p.Relationship = inventory.RelationshipDirect
			default:
				p.Relationship = inventory.RelationshipTransitive
			}
			if p.Relationship != inventory.RelationshipRoot {
				p.Scope = scope
			}
			if c.Name != "default" && c.Name != "develop" {
				p.Properties = append(p.Properties, inventory.Property{Name: "group", Value: c.Name})
			}
			out = append(out, p)
		}
	}
	return out
}

// categoryScope is the scope of the packages of a category.
func categoryScope(name string) string {
	switch name {
	case "default":
		return inventory.ScopeRequired
	case "develop":
		return inventory.ScopeDev
	}
	return pkginfo.DevGroupScope(name)
}

// describe makes the package of a lock entry, with its relationship only
// when it is the root.
func describe(e *entry, sources map[string]string, dir string) inventory.Package {
	name := pkginfo.NormalizeName(e.Name)
	out := inventory.Package{Name: name, Ecosystem: inventory.EcosystemPyPI}
	prop := func(name, value string) {
		out.Properties = append(out.Properties, inventory.Property{Name: name, Value: value})
	}
	v := strings.TrimSpace(e.Version)
	switch {
	case strings.HasPrefix(v, "==="):
		out.Version = strings.TrimSpace(v[3:])
	case strings.HasPrefix(v, "==") && !strings.HasSuffix(v, "*"):
		out.Version = strings.TrimSpace(v[2:])
	case v != "" && v != "*":
		prop("constraint", v)
	}
	out.PURL = extractor.PURL("pypi", "", name, out.Version)
	if len(e.Hashes) == 1 {
		if h, ok := pkginfo.ParseHash(e.Hashes[0]); ok {
			out.Hashes = []inventory.Hash{h}
		}
	}
	if e.Index != "" {
		if u, ok := sources[e.Index]; ok && u != "" {
			prop("registry", pkginfo.RedactURL(u))
		} else {
			prop("registry", e.Index)
		}
	}
	if e.Markers != "" {
		prop("marker", e.Markers)
	}
	if len(e.Extras) > 0 {
		extras := make([]string, len(e.Extras))
		for i, x := range e.Extras {
			extras[i] = pkginfo.NormalizeName(x)
		}
		prop("extras", strings.Join(extras, ","))
	}
	for _, vcs := range []struct{ name, url string }{{"git", e.Git}, {"hg", e.Hg}, {"svn", e.Svn}, {"bzr", e.Bzr}} {
		if vcs.url != "" {
			prop("vcs", pkginfo.VCSURL(vcs.name, vcs.url, e.Ref, e.Subdirectory))
		}
	}
	if e.File != "" {
		if strings.Contains(e.File, "://") {
			prop("url", pkginfo.RedactURL(e.File))
		} else {
			prop("path", e.File)
		}
	}
	if e.Path != "" {
		if path.Clean(e.Path) == "." {
			out.Relationship = inventory.RelationshipRoot
			return out
		}
		prop("path", e.Path)
		out.Directory = pkginfo.LocalDir(dir, e.Path)
	}
	if e.Editable {
		prop("editable", "true")
	}
	return out
}

// readPipfile returns the normalised names of the packages the Pipfile at
// name asks for, or nil when there is none or it cannot be read.
func readPipfile(fsys fs.FS, name string) map[string]bool {
	direct, err := sidefile.Parse(fsys, name, parsePipfile)
	if err != nil {
		return nil
	}
	return direct
}

// parsePipfile reads the names of the packages a Pipfile asks for: those
// of [packages], [dev-packages] and every other table but [[source]],
// [requires], [scripts] and [pipenv], which are not package categories.
func parsePipfile(r io.Reader) (map[string]bool, error) {
	var doc map[string]any
	if _, err := tomlsafe.Decode(r, maxSize, maxDepth, &doc); err != nil {
		return nil, err
	}
	direct := map[string]bool{}
	for section, v := range doc {
		switch section {
		case "source", "requires", "scripts", "pipenv":
			continue
		}
		pkgs, ok := v.(map[string]any)
		if !ok {
			continue
		}
		for name := range pkgs {
			if n := pkginfo.NormalizeName(name); n != "" {
				direct[n] = true
			}
		}
	}
	return direct, nil
}
