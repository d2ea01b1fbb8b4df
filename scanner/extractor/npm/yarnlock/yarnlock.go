// Package yarnlock extracts the packages a yarn.lock file pins, in both of
// the formats yarn writes under that name.
//
// Classic yarn (v1) writes a format of its own, neither YAML nor JSON,
// announced by a "# yarn lockfile v1" comment: each entry starts on an
// unindented line with the descriptors ("name@range", quoted when they need
// it, several separated by commas) that resolved to it and a colon, followed
// by indented "version", "resolved", "integrity" fields and indented
// "dependencies:" and "optionalDependencies:" blocks of "name range" lines.
// Yarn 2 and later ("berry") write YAML whose first key is "__metadata:";
// each entry's key is again a comma-separated list of descriptors
// ("name@npm:^1.0.0"), with "version", "resolution" ("name@npm:1.2.3"),
// "dependencies" (name: range), "dependenciesMeta" (which dependencies are
// optional), "checksum", "languageName" and "linkType" fields.
//
// Every entry is a package named and versioned as the registry knows it: an
// alias ("left@npm:left-pad@^1.3.0") is the package it stands for
// (left-pad), and a berry entry's name is the one its resolution gives.
// Berry's workspace entries (resolutions with the "workspace:" protocol) are
// the project's own packages, described by their package.json files, and
// "link:" entries are plain directories: neither is a package here. A patched
// package ("patch:" protocol) is the package it patches, with the same purl.
//
// Dependencies are resolved as yarn resolves them: a dependency "name range"
// of an entry is the entry one of whose descriptors is exactly "name@range"
// (berry 2 and 3 write ranges without the "npm:" prefix of the keys, which
// is tried as well; a "file:" descriptor bound to its parent with
// "::locator=" matches without the binding). What resolves nowhere (a lock
// edited by hand or trimmed) is left out of Dependencies, and so are peer
// dependencies, which berry records only as ranges.
//
// A lock file does not say which packages the project names itself nor
// which it needs only for development, so the extractor reads the
// package.json beside it, when there is one, and the package.json files of
// the workspaces: for classic yarn those that the root package.json's
// "workspaces" patterns find, for berry those of the workspace entries in
// the lock. A package a workspace's dependencies, devDependencies or
// optionalDependencies name (resolved through the lock as above) is direct;
// any other package they reach is transitive; a package nothing reaches (a
// stale entry) is left with neither relationship nor scope. The scope of a package is
// required when a required dependency of a workspace reaches it through
// required dependencies only; otherwise optional when any runtime or
// optional dependency reaches it (an optionalDependencies entry or a berry
// dependency whose dependenciesMeta says optional on the way); otherwise dev
// when a devDependency reaches it. Without package.json, classic yarn
// packages have neither relationship nor scope, and berry's workspace
// entries still tell direct from transitive but not dev from runtime (only
// "optional" from dependenciesMeta).
//
// Hashes: classic yarn's "integrity" (Subresource Integrity) gives SHA-512
// or SHA-1 hashes, and the "#<40 hex>" fragment it appends to a non-git
// "resolved" URL is the tarball's SHA-1. Berry's "checksum" is a hash of
// yarn's own zip archive of the package, not of the published tarball, so
// it is kept as the "checksum" property and not as a hash. Properties:
// "resolved" (classic: where yarn fetched the package, as written),
// "checksum" (berry), "resolution" (berry, for packages not fetched with the
// "npm:" protocol: tarball URLs, git, file:, patch:, portal:). A lock file
// says nothing of licenses or of where packages are installed: no declared
// license, no directory.
package yarnlock

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/depgraph"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "npm/yarnlock"

// Extractor reads yarn.lock files, classic (v1) and berry (v2 and later).
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// maxWorkspaces bounds the package.json files read beside one lock file:
// workspace patterns such as "*" must not make one lock read a whole tree.
const maxWorkspaces = 1000

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "yarn.lock"
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	data, err := io.ReadAll(in.Reader)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", in.Path, err)
	}
	lock, perr := parse(data)
	if lock == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, perr)
	}
	manifests := readManifests(in.FS, in.Dir(), lock)
	pkgs := lock.packages(manifests)
	if perr != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, perr)
	}
	return pkgs, nil
}

// lockfile is what either format says, read into one shape.
type lockfile struct {
	berry   bool
	entries []entry
	// byDescriptor finds the entry a "name@range" descriptor resolved to.
	byDescriptor map[string]int
	// unbound finds entries by descriptors without berry's
	// "::locator=..." binding, for dependencies that omit it.
	unbound map[string]int
}

// entry is one entry of a lock file.
type entry struct {
	descriptors []string
	name        string
	version     string
	deps        []edge
	integrity   string // classic
	resolved    string // classic
	checksum    string // berry
	resolution  string // berry
	// workspace is the directory of a berry workspace entry, relative to
	// the lock file's; such entries are not packages.
	workspace   string
	isWorkspace bool
	// skip marks entries that are not packages (berry "link:").
	skip bool
}

// edge is a dependency as an entry declares it.
type edge struct {
	name, rng string
	optional  bool
}

// parse reads either format. It returns what it read together with an
// error when only part of the file is bad, and a nil lockfile when it
// could read nothing.
func parse(data []byte) (*lockfile, error) {
	if isBerry(data) {
		return parseBerry(data)
	}
	return parseClassic(data)
}

// isBerry reports whether data is berry's YAML: it has an unindented
// "__metadata:" line, which classic lock files never have.
func isBerry(data []byte) bool {
	return bytes.HasPrefix(data, []byte("__metadata:")) || bytes.Contains(data, []byte("\n__metadata:"))
}

func newLockfile(berry bool, entries []entry) *lockfile {
	l := &lockfile{berry: berry, entries: entries, byDescriptor: map[string]int{}, unbound: map[string]int{}}
	for i, e := range entries {
		for _, d := range e.descriptors {
			if _, ok := l.byDescriptor[d]; !ok {
				l.byDescriptor[d] = i
			}
			if j := strings.Index(d, "::"); j >= 0 {
				if _, ok := l.unbound[d[:j]]; !ok {
					l.unbound[d[:j]] = i
				}
			}
		}
	}
	return l
}

// resolve returns the entry a dependency resolved to, or -1.
func (l *lockfile) resolve(name, rng string) int {
	d := name + "@" + rng
	if i, ok := l.byDescriptor[d]; ok {
		return i
	}
	if i, ok := l.byDescriptor[name+"@npm:"+rng]; ok {
		return i
	}
	if i, ok := l.unbound[d]; ok {
		return i
	}
	return -1
}

// splitDescriptor splits "name@range" (the name may be scoped, "@s/n@1")
// into name and range; the range is "" when there is none.
func splitDescriptor(d string) (name, rng string) {
	if len(d) > 1 {
		if i := strings.IndexByte(d[1:], '@'); i >= 0 {
			return d[:i+1], d[i+2:]
		}
	}
	return d, ""
}

// realName is the name of the package a descriptor stands for: the target
// of an alias ("left@npm:left-pad@^1" is left-pad), else its own name.
func realName(d string) string {
	name, rng := splitDescriptor(d)
	if target, ok := strings.CutPrefix(rng, "npm:"); ok && target != "" {
		// "npm:^1.0.0" is a range, "npm:left-pad@^1" an alias.
		if t, _ := splitDescriptor(target); t != "" && !startsLikeRange(t) {
			return t
		}
	}
	return name
}

// startsLikeRange reports whether s begins as a semver range does rather
// than as a package name.
func startsLikeRange(s string) bool {
	switch s[0] {
	case '^', '~', '>', '<', '=', '*':
		return true
	}
	return s[0] >= '0' && s[0] <= '9'
}

// manifest is what heng reads of a workspace's package.json.
type manifest struct {
	Dependencies         map[string]any  `json:"dependencies"`
	DevDependencies      map[string]any  `json:"devDependencies"`
	OptionalDependencies map[string]any  `json:"optionalDependencies"`
	Workspaces           json.RawMessage `json:"workspaces"`
}

// scopeOf is the scope of a dependency the manifest names, "" when it
// does not name it. A name in optionalDependencies is optional even when
// dependencies repeats it, as npm and yarn treat it.
func (m *manifest) scopeOf(name string) string {
	switch {
	case hasString(m.OptionalDependencies, name):
		return inventory.ScopeOptional
	case hasString(m.Dependencies, name):
		return inventory.ScopeRequired
	case hasString(m.DevDependencies, name):
		return inventory.ScopeDev
	}
	return ""
}

func hasString(m map[string]any, k string) bool {
	_, ok := m[k].(string)
	return ok
}

// workspacePatterns returns the "workspaces" globs, as an array or as
// {"packages": [...]}.
func (m *manifest) workspacePatterns() []string {
	if len(m.Workspaces) == 0 {
		return nil
	}
	var list []string
	if json.Unmarshal(m.Workspaces, &list) == nil {
		return list
	}
	var obj struct {
		Packages []string `json:"packages"`
	}
	if json.Unmarshal(m.Workspaces, &obj) == nil {
		return obj.Packages
	}
	return nil
}

// parseManifest reads a package.json; nil when it is not a JSON object.
func parseManifest(data []byte) *manifest {
	var m manifest
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return &m
}

// readManifests reads the package.json files that say what the project's
// workspaces depend on, by directory relative to the lock file's ("." for
// the lock file's own). Missing or unreadable files are skipped: they are
// not this extractor's to report.
func readManifests(fsys fs.FS, dir string, lock *lockfile) map[string]*manifest {
	out := map[string]*manifest{}
	if fsys == nil {
		return out
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return out
	}
	read := func(rel string) {
		if _, ok := out[rel]; ok || len(out) >= maxWorkspaces {
			return
		}
		data, err := fs.ReadFile(sub, path.Join(rel, "package.json"))
		if err != nil {
			return
		}
		if m := parseManifest(data); m != nil {
			out[rel] = m
		}
	}
	read(".")
	if lock.berry {
		for _, e := range lock.entries {
			if e.isWorkspace {
				read(path.Clean(e.workspace))
			}
		}
		return out
	}
	root := out["."]
	if root == nil {
		return out
	}
	for _, pat := range root.workspacePatterns() {
		if pat == "" || strings.HasPrefix(pat, "!") {
			continue
		}
		matches, err := fs.Glob(sub, path.Clean(pat))
		if err != nil {
			continue
		}
		for _, m := range matches {
			read(m)
		}
	}
	return out
}

// packages turns the entries into packages, with relationships and scopes
// from the manifests (by workspace directory; nil when there are none).
func (l *lockfile) packages(manifests map[string]*manifest) []inventory.Package {
	n := len(l.entries)
	// Resolve every edge once.
	edges := make([][]depgraph.Edge, n)
	for i, e := range l.entries {
		for _, d := range e.deps {
			if j := l.resolve(d.name, d.rng); j >= 0 && j != i && l.isPackage(j) {
				edges[i] = append(edges[i], depgraph.Edge{To: j, Optional: d.optional})
			}
		}
	}
	rel := depgraph.Walk(edges, l.seeds(manifests))

	purls := make([]string, n)
	for i, e := range l.entries {
		if l.isPackage(i) {
			purls[i] = extractor.PURL("npm", "", e.name, e.version)
		}
	}
	out := make([]inventory.Package, 0, n)
	for i, e := range l.entries {
		if !l.isPackage(i) {
			continue
		}
		p := inventory.Package{
			Name:         e.name,
			Version:      e.version,
			Ecosystem:    inventory.EcosystemNPM,
			PURL:         purls[i],
			Scope:        rel.Scope[i],
			Relationship: rel.Relationship(i),
		}
		for _, t := range edges[i] {
			if purls[t.To] != "" {
				p.Dependencies = append(p.Dependencies, purls[t.To])
			}
		}
		p.Hashes = extractor.SRIHash(e.integrity)
		if e.resolved != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: "resolved", Value: e.resolved})
			if h := fragmentSHA1(e.resolved); h != "" && !slices.ContainsFunc(p.Hashes, func(x inventory.Hash) bool { return x.Algorithm == "SHA-1" }) {
				p.Hashes = append(p.Hashes, inventory.Hash{Algorithm: "SHA-1", Value: h})
			}
		}
		if e.checksum != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: "checksum", Value: e.checksum})
		}
		if e.resolution != "" {
			if _, rng := splitDescriptor(e.resolution); !strings.HasPrefix(rng, "npm:") {
				p.Properties = append(p.Properties, inventory.Property{Name: "resolution", Value: e.resolution})
			}
		}
		out = append(out, p)
	}
	return out
}

// isPackage reports whether entry i is a package rather than a workspace
// or a linked directory.
func (l *lockfile) isPackage(i int) bool {
	e := &l.entries[i]
	return !e.isWorkspace && !e.skip && e.name != ""
}

// seeds lists the dependencies the workspaces name, resolved to entries,
// with the scopes their manifests give them ("" when unknown).
func (l *lockfile) seeds(manifests map[string]*manifest) []depgraph.Seed {
	var out []depgraph.Seed
	add := func(name, rng, scope string) {
		if i := l.resolve(name, rng); i >= 0 && l.isPackage(i) {
			out = append(out, depgraph.Seed{To: i, Scope: scope})
		}
	}
	if l.berry {
		// The workspace entries list every dependency of each
		// workspace (devDependencies too); their manifests tell the
		// scope.
		for _, e := range l.entries {
			if !e.isWorkspace {
				continue
			}
			m := manifests[e.workspace]
			for _, d := range e.deps {
				s := ""
				if m != nil {
					s = m.scopeOf(d.name)
				}
				if s == "" && d.optional {
					s = inventory.ScopeOptional
				}
				add(d.name, d.rng, s)
			}
		}
		return out
	}
	dirs := make([]string, 0, len(manifests))
	for d := range manifests {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	for _, d := range dirs {
		m := manifests[d]
		for _, sec := range []struct {
			deps  map[string]any
			scope string
		}{
			{m.Dependencies, inventory.ScopeRequired},
			{m.OptionalDependencies, inventory.ScopeOptional},
			{m.DevDependencies, inventory.ScopeDev},
		} {
			names := make([]string, 0, len(sec.deps))
			for name := range sec.deps {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				rng, ok := sec.deps[name].(string)
				if !ok {
					continue
				}
				s := sec.scope
				if s == inventory.ScopeRequired && hasString(m.OptionalDependencies, name) {
					s = inventory.ScopeOptional
				}
				add(name, rng, s)
			}
		}
	}
	return out
}

// fragmentSHA1 returns the SHA-1 that classic yarn appends to a tarball's
// URL ("...tgz#<sha1>"), or "" when the URL has none or is a git URL,
// whose fragment is a commit.
func fragmentSHA1(resolved string) string {
	i := strings.LastIndexByte(resolved, '#')
	if i < 0 {
		return ""
	}
	u, h := resolved[:i], resolved[i+1:]
	if len(h) != 40 || strings.Trim(h, "0123456789abcdef") != "" {
		return ""
	}
	for _, p := range []string{"git+", "git:", "git@", "ssh:", "github:", "gitlab:", "bitbucket:"} {
		if strings.HasPrefix(u, p) {
			return ""
		}
	}
	if strings.HasSuffix(u, ".git") {
		return ""
	}
	return h
}
