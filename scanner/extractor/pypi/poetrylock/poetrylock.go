// Package poetrylock extracts the packages of a Python project from the
// poetry.lock that Poetry (https://python-poetry.org) writes beside its
// pyproject.toml.
//
// poetry.lock is TOML: one [[package]] per locked release, with its
// name, version, "optional" (needed only for an extra of the project),
// python-versions, its [package.dependencies] (name = constraint, or a
// table with version, markers, extras and optional = true for a
// dependency only an extra of the package needs, or an array of such
// tables), [package.extras] and, for releases from elsewhere than PyPI,
// [package.source] (type git, directory, file, url or legacy for another
// index). A top-level [extras] table lists the packages of each of the
// project's extras, and [metadata] the lock-version. The format changed
// over the years, and heng reads every version:
//
//   - lock-version 1.0 and 1.1 (Poetry up to 1.2): "category" = "main" or
//     "dev" on each package; the artifacts' hashes in a [metadata.files]
//     table by package name ([metadata.hashes], without file names, in
//     1.0); names as their authors spell them ("Flask").
//   - 2.0 (Poetry 1.3 to 1.8): "files" in each package; "category" until
//     Poetry 1.5, then nothing that tells dev from main.
//   - 2.1 (Poetry 2): "groups" = ["main", "dev"] and "markers" (one, or
//     one per group) on each package.
//
// Relationship. The lock does not say which packages the project names:
// the sibling pyproject.toml does ([project] dependencies and
// optional-dependencies, [tool.poetry] dependencies, dev-dependencies and
// group.<name>.dependencies, PEP 735 [dependency-groups]). With it,
// packages it names are direct and the others transitive; without it (or
// when it cannot be read) the relationship is unknown. The project itself
// is not in the lock: the pyproject extractor reports it.
//
// Scope comes from the lock when it says: a package of the "main" group
// (or category) is required, one only of other groups is dev, or test
// when all its groups are named test, tests or testing
// (pkginfo.ScopeOfName decides). A lock that does not say (Poetry 1.5 to
// 1.8) gets scopes by walking the dependency graph from the packages the
// pyproject names: what the main dependencies reach is required, what
// only the groups reach is dev or test; without a pyproject the scope is
// unknown. A required package marked optional is optional.
//
// Dependencies are the purls of the locked packages a package depends
// on. An optional dependency counts only when some package of the lock,
// or the pyproject, asks for one of the package's extras that needs it
// (read from its markers, "extra == ...", or from [package.extras]), or
// when nothing tells which extra needs it. A name locked at several
// versions (one per Python version) gives an edge to each, unless the
// constraint is the exact version of one. Markers are not evaluated.
//
// Hashes. Poetry records the hash of every file of a release, the sdist
// and each wheel; a CycloneDX hash is that of the component's artifact, so
// the sdist's is kept (the file that is not a wheel), or the only file's,
// with its name as the "artifact" property; hashes without file names
// (lock-version 1.0) are kept only when there is one.
//
// Properties: "group" for each of the package's groups (2.1); "marker"
// (2.1; "group: marker" when they differ by group); "extra" for each
// project extra that lists the package; "vcs" for git sources, as a pip
// direct reference ("git+https://host/repo@<commit>"); "registry" for
// packages from another index; "url" for direct URLs; "path" for local
// directories and files (relative to the lock's directory) with
// "editable" = "true" for those installed in develop mode. URLs lose any
// user name and password. Directory is set for directory sources inside
// the scanned tree. poetry.lock declares no licenses. Names are PEP 503
// normalised, like the purls.
package poetrylock

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/depgraph"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/poetrylock"

// Extractor reads poetry.lock files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "poetry.lock"
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	lock, err := parse(in.Reader)
	if lock == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	m := readManifest(in.FS, path.Join(in.Dir(), "pyproject.toml"))
	pkgs := packages(lock, m, in.Dir())
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// lockFile is what heng reads of a poetry.lock.
type lockFile struct {
	Packages []lockPackage
	// Extras are the project's extras: the names of their packages.
	Extras map[string][]string
	// Files are [metadata.files] and Hashes [metadata.hashes], by
	// normalised package name (lock-version 1.x).
	Files  map[string][]fileEntry
	Hashes map[string][]string
}

type lockPackage struct {
	Name         string              `toml:"name"`
	Version      string              `toml:"version"`
	Category     string              `toml:"category"`
	Optional     bool                `toml:"optional"`
	Groups       []string            `toml:"groups"`
	Markers      any                 `toml:"markers"`
	Files        []fileEntry         `toml:"files"`
	Dependencies map[string]any      `toml:"dependencies"`
	Extras       map[string][]string `toml:"extras"`
	Source       lockSource          `toml:"source"`
	Develop      bool                `toml:"develop"`
}

type lockSource struct {
	Type              string `toml:"type"`
	URL               string `toml:"url"`
	Reference         string `toml:"reference"`
	ResolvedReference string `toml:"resolved_reference"`
	Subdirectory      string `toml:"subdirectory"`
}

type fileEntry struct {
	File string `toml:"file"`
	Hash string `toml:"hash"`
}

// maxSize bounds what is read of a lock file: the largest real ones are
// tens of megabytes.
const maxSize = 256 << 20

// maxDepth bounds the nesting of TOML tables, arrays and dotted keys
// (see tomlsafe.CheckNesting): poetry.lock nests three deep, and the
// TOML parser's time grows with the square of the depth.
const maxDepth = 32

// parse reads a poetry.lock. A file that is not TOML, or whose top level
// is not shaped like a poetry.lock, gives a nil lock and an error;
// packages that are not shaped right are left out, and their errors
// returned with the rest of the lock.
func parse(r io.Reader) (*lockFile, error) {
	var raw struct {
		Package  []toml.Primitive `toml:"package"`
		Extras   toml.Primitive   `toml:"extras"`
		Metadata toml.Primitive   `toml:"metadata"`
	}
	md, err := tomlsafe.Decode(r, maxSize, maxDepth, &raw)
	if err != nil {
		return nil, err
	}
	lock := &lockFile{Files: map[string][]fileEntry{}, Hashes: map[string][]string{}}
	var errs []error
	if err := md.PrimitiveDecode(raw.Extras, &lock.Extras); err != nil {
		errs = append(errs, fmt.Errorf("extras: %w", err))
	}
	var meta struct {
		Files  map[string][]fileEntry `toml:"files"`
		Hashes map[string][]string    `toml:"hashes"`
	}
	if err := md.PrimitiveDecode(raw.Metadata, &meta); err != nil {
		errs = append(errs, fmt.Errorf("metadata: %w", err))
	}
	for name, files := range meta.Files {
		n := pkginfo.NormalizeName(name)
		lock.Files[n] = append(lock.Files[n], files...)
	}
	for name, hashes := range meta.Hashes {
		n := pkginfo.NormalizeName(name)
		lock.Hashes[n] = append(lock.Hashes[n], hashes...)
	}
	pkgs, perrs := pkginfo.DecodePackages(md, raw.Package, func(p *lockPackage) string { return p.Name })
	lock.Packages = pkgs
	return lock, errors.Join(append(errs, perrs...)...)
}

// depSpec is one constraint of [package.dependencies].
type depSpec struct {
	version  string
	markers  string
	optional bool
	extras   []string
}

// depSpecs reads a value of [package.dependencies]: a constraint, a
// table, or an array of those. Values of other shapes give nothing.
func depSpecs(v any) []depSpec {
	switch v := v.(type) {
	case string:
		return []depSpec{{version: v}}
	case map[string]any:
		return []depSpec{tableSpec(v)}
	case []map[string]any:
		out := make([]depSpec, 0, len(v))
		for _, t := range v {
			out = append(out, tableSpec(t))
		}
		return out
	case []any:
		var out []depSpec
		for _, e := range v {
			out = append(out, depSpecs(e)...)
		}
		return out
	}
	return nil
}

func tableSpec(t map[string]any) depSpec {
	var s depSpec
	s.version, _ = t["version"].(string)
	s.markers, _ = t["markers"].(string)
	s.optional, _ = t["optional"].(bool)
	s.extras = stringList(t["extras"])
	return s
}

func stringList(v any) []string {
	var out []string
	switch v := v.(type) {
	case []string:
		out = v
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// extraMarker finds the extras a marker tests: extra == "socks".
var extraMarker = regexp.MustCompile(`\bextra\s*==\s*["']([^"']+)["']`)

// packages turns a lock into packages. m is the project's pyproject.toml
// (nil when there is none); dir is the lock's directory.
func packages(lock *lockFile, m *manifest, dir string) []inventory.Package {
	pkgs := lock.Packages
	byName := make(map[string][]int, len(pkgs))
	names := make([]string, len(pkgs))
	for i := range pkgs {
		names[i] = pkginfo.NormalizeName(pkgs[i].Name)
		byName[names[i]] = append(byName[names[i]], i)
	}
	specs := make([]map[string][]depSpec, len(pkgs)) // by normalised dependency name
	requested := map[string]map[string]bool{}        // extras asked of a package, by its name
	ask := func(name string, extras []string) {
		for _, e := range extras {
			if requested[name] == nil {
				requested[name] = map[string]bool{}
			}
			requested[name][pkginfo.NormalizeName(e)] = true
		}
	}
	for i := range pkgs {
		specs[i] = make(map[string][]depSpec, len(pkgs[i].Dependencies))
		for dep, v := range pkgs[i].Dependencies {
			n := pkginfo.NormalizeName(dep)
			for _, s := range depSpecs(v) {
				specs[i][n] = append(specs[i][n], s)
				ask(n, s.extras)
			}
		}
	}
	if m != nil {
		for name, extras := range m.extras {
			ask(name, extras)
		}
	}
	// The dependency graph. An optional dependency that is wanted is an
	// edge like any other: the lock's "optional" flag, not the graph,
	// makes packages optional.
	edges := make([][]depgraph.Edge, len(pkgs))
	for i := range pkgs {
		for dep, ss := range specs[i] {
			targets := byName[dep]
			if len(targets) == 0 {
				continue
			}
			for _, s := range ss {
				if s.optional && !wanted(&pkgs[i], requested[names[i]], dep, s) {
					continue
				}
				for _, t := range pick(pkgs, targets, s.version) {
					edges[i] = append(edges[i], depgraph.Edge{To: t})
				}
			}
		}
	}
	extras := map[string][]string{} // project extras by package name
	for extra, members := range lock.Extras {
		for _, n := range members {
			extras[pkginfo.NormalizeName(n)] = append(extras[pkginfo.NormalizeName(n)], extra)
		}
	}
	out := make([]inventory.Package, len(pkgs))
	for i := range pkgs {
		out[i] = describe(&pkgs[i], names[i], lock, byName, dir)
		for _, e := range extras[names[i]] {
			out[i].Properties = append(out[i].Properties, inventory.Property{Name: "extra", Value: e})
		}
	}
	for i := range pkgs {
		for _, t := range edges[i] {
			out[i].Dependencies = append(out[i].Dependencies, out[t.To].PURL)
		}
	}
	if m != nil {
		for i := range out {
			out[i].Relationship = inventory.RelationshipTransitive
			if len(m.groups[names[i]]) > 0 {
				out[i].Relationship = inventory.RelationshipDirect
			}
		}
	}
	walked := walkScopes(m, byName, edges)
	for i := range pkgs {
		p := &pkgs[i]
		switch {
		case len(p.Groups) > 0:
			out[i].Scope = groupsScope(p.Groups)
		case p.Category != "":
			out[i].Scope = groupsScope([]string{p.Category})
		default:
			out[i].Scope = walked[i]
		}
		if out[i].Scope == inventory.ScopeRequired && p.Optional {
			out[i].Scope = inventory.ScopeOptional
		}
	}
	return out
}

// wanted reports whether an optional dependency of p is needed: whether
// one of the extras that need it is asked for, or none is known to.
func wanted(p *lockPackage, asked map[string]bool, dep string, s depSpec) bool {
	var needing []string
	for _, m := range extraMarker.FindAllStringSubmatch(s.markers, -1) {
		needing = append(needing, m[1])
	}
	for extra, reqs := range p.Extras {
		for _, r := range reqs {
			if req, err := pkginfo.ParseRequirement(r); err == nil && pkginfo.NormalizeName(req.Name) == dep {
				needing = append(needing, extra)
			}
		}
	}
	if len(needing) == 0 {
		return true
	}
	for _, e := range needing {
		if asked[pkginfo.NormalizeName(e)] {
			return true
		}
	}
	return false
}

// pick returns the packages a constraint chooses among those of one
// name: the one whose version it pins, or all.
func pick(pkgs []lockPackage, targets []int, constraint string) []int {
	if len(targets) > 1 {
		v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(constraint), "=="))
		for _, t := range targets {
			if pkgs[t].Version == v {
				return []int{t}
			}
		}
	}
	return targets
}

// groupsScope is the scope of a package of the given groups (or
// category).
func groupsScope(groups []string) string {
	if slices.Contains(groups, "main") {
		return inventory.ScopeRequired
	}
	for _, g := range groups {
		if pkginfo.ScopeOfName(g) != inventory.ScopeTest {
			return inventory.ScopeDev
		}
	}
	return inventory.ScopeTest
}

// walkScopes finds scopes from the graph when the lock does not give
// them: what the project's main dependencies reach is required, what
// only its groups reach is dev or test (depgraph.Walk: the widest scope
// wins). Without a manifest it finds none.
func walkScopes(m *manifest, byName map[string][]int, edges [][]depgraph.Edge) []string {
	if m == nil {
		return make([]string, len(edges))
	}
	var seeds []depgraph.Seed
	for name, groups := range m.groups {
		for _, g := range groups {
			for _, i := range byName[name] {
				seeds = append(seeds, depgraph.Seed{To: i, Scope: groupsScope([]string{g})})
			}
		}
	}
	return depgraph.Walk(edges, seeds).Scope
}

// describe makes the package of a lock entry, without its relationship,
// scope and dependencies.
func describe(p *lockPackage, name string, lock *lockFile, byName map[string][]int, dir string) inventory.Package {
	out := inventory.Package{
		Name:      name,
		Version:   p.Version,
		Ecosystem: inventory.EcosystemPyPI,
		PURL:      extractor.PURL("pypi", "", name, p.Version),
	}
	prop := func(name, value string) {
		out.Properties = append(out.Properties, inventory.Property{Name: name, Value: value})
	}
	for _, g := range p.Groups {
		prop("group", g)
	}
	switch m := p.Markers.(type) {
	case string:
		prop("marker", m)
	case map[string]any:
		groups := make([]string, 0, len(m))
		for g := range m {
			groups = append(groups, g)
		}
		sort.Strings(groups)
		for _, g := range groups {
			if s, ok := m[g].(string); ok {
				prop("marker", g+": "+s)
			}
		}
	}
	src := p.Source
	switch src.Type {
	case "git":
		prop("vcs", pkginfo.VCSURL("git", src.URL, cmp.Or(src.ResolvedReference, src.Reference), src.Subdirectory))
	case "legacy":
		prop("registry", pkginfo.RedactURL(src.URL))
	case "url":
		u := pkginfo.RedactURL(src.URL)
		if src.Subdirectory != "" {
			u += "#subdirectory=" + src.Subdirectory
		}
		prop("url", u)
	case "directory":
		prop("path", src.URL)
		if p.Develop {
			prop("editable", "true")
		}
		out.Directory = pkginfo.LocalDir(dir, src.URL)
	case "file":
		prop("path", src.URL)
	}
	files := p.Files
	if files == nil {
		files = lock.Files[name]
		if len(byName[name]) > 1 { // the files of all the versions
			files = ofVersion(files, p.Version)
		}
	}
	if f, ok := artifact(files); ok {
		if h, ok := pkginfo.ParseHash(f.Hash); ok {
			out.Hashes = []inventory.Hash{h}
			prop("artifact", f.File)
		}
	} else if hs := lock.Hashes[name]; len(hs) == 1 && len(byName[name]) == 1 {
		h, ok := pkginfo.ParseHash(hs[0])
		if !ok { // lock-version 1.0 gave bare SHA-256 digests
			h, ok = pkginfo.ParseHash("sha256:" + hs[0])
		}
		if ok {
			out.Hashes = []inventory.Hash{h}
		}
	}
	return out
}

// artifact returns the file that stands for a release: its sdist (the
// file that is not a wheel), or its only file.
func artifact(files []fileEntry) (fileEntry, bool) {
	for _, f := range files {
		if !strings.HasSuffix(f.File, ".whl") {
			return f, true
		}
	}
	if len(files) == 1 {
		return files[0], true
	}
	return fileEntry{}, false
}

// ofVersion keeps the files whose names carry a version: "name-1.0.tar.gz",
// "name-1.0-py3-none-any.whl".
func ofVersion(files []fileEntry, version string) []fileEntry {
	var out []fileEntry
	for _, f := range files {
		if i := strings.Index(f.File, "-"+version); i >= 0 {
			if rest := f.File[i+1+len(version):]; strings.HasPrefix(rest, "-") || slices.Contains(sdistExts, strings.ToLower(rest)) {
				out = append(out, f)
			}
		}
	}
	return out
}

// sdistExts are the extensions of source distributions.
var sdistExts = []string{".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip"}

// manifest is what heng reads of the project's pyproject.toml: the
// packages it names.
type manifest struct {
	// groups are the groups that name a package, by normalised name:
	// "main" for the project's own dependencies and extras.
	groups map[string][]string
	// extras are the extras the project asks of a package.
	extras map[string][]string
}

// readManifest reads the pyproject.toml at name, or returns nil when
// there is none or it cannot be read: the lock is still read without it.
func readManifest(fsys fs.FS, name string) *manifest {
	m, err := sidefile.Parse(fsys, name, parseManifest)
	if err != nil {
		return nil
	}
	return m
}

// parseManifest reads the dependencies a pyproject.toml names: PEP 621
// [project] dependencies and optional-dependencies, Poetry's
// [tool.poetry] dependencies, dev-dependencies and groups, PEP 735
// [dependency-groups].
func parseManifest(r io.Reader) (*manifest, error) {
	var doc struct {
		Project struct {
			Dependencies         []string            `toml:"dependencies"`
			OptionalDependencies map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		DependencyGroups map[string][]any `toml:"dependency-groups"`
		Tool             struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
				Group           map[string]struct {
					Dependencies map[string]any `toml:"dependencies"`
				} `toml:"group"`
			} `toml:"poetry"`
		} `toml:"tool"`
	}
	if _, err := tomlsafe.Decode(r, maxSize, maxDepth, &doc); err != nil {
		return nil, err
	}
	m := &manifest{groups: map[string][]string{}, extras: map[string][]string{}}
	add := func(name, group string, extras []string) {
		n := pkginfo.NormalizeName(name)
		if n == "" {
			return
		}
		if !slices.Contains(m.groups[n], group) {
			m.groups[n] = append(m.groups[n], group)
		}
		m.extras[n] = append(m.extras[n], extras...)
	}
	pep508 := func(s, group string) {
		if req, err := pkginfo.ParseRequirement(s); err == nil {
			add(req.Name, group, req.Extras)
		}
	}
	poetry := func(deps map[string]any, group string) {
		for name, v := range deps {
			if name == "python" {
				continue
			}
			var extras []string
			for _, s := range depSpecs(v) {
				extras = append(extras, s.extras...)
			}
			add(name, group, extras)
		}
	}
	for _, s := range doc.Project.Dependencies {
		pep508(s, "main")
	}
	for _, deps := range doc.Project.OptionalDependencies {
		for _, s := range deps {
			pep508(s, "main")
		}
	}
	for group, deps := range doc.DependencyGroups {
		for _, d := range deps {
			if s, ok := d.(string); ok { // not {include-group = "..."}
				pep508(s, group)
			}
		}
	}
	poetry(doc.Tool.Poetry.Dependencies, "main")
	poetry(doc.Tool.Poetry.DevDependencies, "dev")
	for group, g := range doc.Tool.Poetry.Group {
		poetry(g.Dependencies, group)
	}
	return m, nil
}
