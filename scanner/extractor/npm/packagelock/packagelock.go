// Package packagelock extracts the packages an npm lock file pins:
// package-lock.json, npm-shrinkwrap.json (the same format, which a
// published package may carry) and node_modules/.package-lock.json, the
// "hidden" lock file npm 7 and later keep of what they installed.
//
// # Formats
//
// lockfileVersion 1 (npm 5 and 6) nests packages as node_modules nests
// them: "dependencies" maps a name to {version, resolved, integrity,
// requires, dev, optional, bundled, dependencies}, "requires" naming the
// packages it needs. lockfileVersion 2 (npm 7 to 8) writes that tree for
// old npm versions and, first, "packages": a flat map from each package's
// install path ("node_modules/a/node_modules/b") to {name, version,
// resolved, integrity, license, dev, optional, devOptional, peer, link,
// inBundle, extraneous, dependencies, optionalDependencies,
// peerDependencies}, with the project itself at the key "". Version 3
// (npm 9 and later) has "packages" only. Whenever "packages" is present it
// is read and the rest of the file is not: the "dependencies" tree of a
// version 2 file says less and would be read for nothing. A version 1
// tree is turned into the same install paths, so both are read alike. The
// file is decoded as a stream, entry by entry: a truncated file gives the
// entries before the cut, with an error.
//
// # Packages
//
// The project (key "") is the root package: its name ("name" in the
// entry, else at the top of the file, where npm writes the directory's
// name), version and license. Version 1 files and the hidden lock file
// carry no such entry: the package.json beside the lock file (in the
// project directory) stands for it, with its name, version, license,
// dependencies and workspaces, when it can be read.
//
// Every other entry is a package: its name from its "name" field (which
// npm writes for aliases, "npm:real@version": the name the package is
// installed under is then kept as the "alias" property), else the part of
// the key after the last "node_modules/", else (a local package outside
// node_modules) the key's last element. Entries with "link": true are
// symbolic links npm made to a local package (a workspace, a "file:"
// directory); they are no packages of their own: their target, the entry
// at the path their "resolved" gives, is the package, and a dependency on
// the link is a dependency on it. Local packages whose path matches one of
// the root's "workspaces" patterns are part of the project: roots, like
// the project, without a scope or directory (their own package.json says
// the same, read by npm/packagejson). Other local packages ("file:"
// dependencies) are packages like those from the registry.
//
// Relationship: a package is direct when the root or a workspace declares
// it (the package their dependency on it resolves to, as below), else
// transitive; unknown ("") when the file has no root entry and no
// package.json is beside it. Scope: "dev": true is dev, "optional": true
// optional, "devOptional": true (needed only by dev dependencies and by
// optional ones: "npm install --omit=dev" keeps it only as optional) dev,
// anything else required. npm 7 and later install peer dependencies like
// the others: "peer": true is kept as the "peer" property, the scope still
// from the flags above.
//
// Each package has: Directory, the key joined to the lock file's project
// directory, when it is inside the scanned tree (npm's paths are where the
// package is or would be installed; the scanner uses the directory only
// when it is there); the declared license from the entry's "license"
// (version 2 and 3 only, and absent when the package.json only has the
// legacy "licenses" array); hashes from "integrity" (one or more
// Subresource Integrity values); the "resolved" property (the tarball URL,
// git URL or local path it was installed from; for version 1 entries whose
// "version" is not a version but a source, such as "file:packages/util" or
// a git URL, that source, the package's Version then being empty); the
// "bundled" property for packages shipped inside their parent's tarball
// ("inBundle", "bundled") and "extraneous" for installed packages nothing
// needs.
//
// Dependencies are resolved as Node.js resolves require(): from the
// package's own node_modules, then those of the directories above it, up
// to the project's; a dependency the lock file does not hold (a skipped
// optional or peer dependency, the dependencies of a local package outside
// the project) is left out. The root and workspaces depend on their
// dependencies, devDependencies, optionalDependencies and
// peerDependencies; other packages on all but devDependencies (npm never
// installs those).
//
// # Bad input
//
// Values of the wrong type are left out and reported in the error, with
// the packages read from the rest of the file; a repeated key counts
// once, its last value, as in JavaScript. Real trees nest a few levels
// deep; absurd ones must not cost quadratic time or memory: a version 1
// tree is read down to 128 levels, with an error if it goes deeper, and
// resolution looks in at most 128 directories before the project's own
// node_modules.
//
// # Hidden lock file
//
// node_modules/.package-lock.json lists what is installed, in the version
// 3 format, its keys relative to the project directory above
// node_modules. It is read only when the project has no package-lock.json
// or npm-shrinkwrap.json, which say the same and more.
package packagelock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/npm/packagejson"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "npm/packagelock"

// Extractor reads npm lock files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

// Match accepts package-lock.json and npm-shrinkwrap.json outside
// node_modules, and the hidden lock file of a project's node_modules.
func (Extractor) Match(f extractor.File) bool {
	switch extractor.Base(f.Path) {
	case "package-lock.json", "npm-shrinkwrap.json":
		return !packagejson.InNodeModules(f.Path)
	case ".package-lock.json":
		return isHidden(f.Path)
	}
	return false
}

// isHidden reports whether p is node_modules/.package-lock.json of a
// project: in a node_modules directory that is not inside another.
func isHidden(p string) bool {
	dir := path.Dir(p)
	return path.Base(dir) == "node_modules" && !packagejson.InNodeModules(path.Dir(dir))
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	project := in.Dir()
	if isHidden(in.Path) {
		project = path.Dir(project)
		if exists(in.FS, path.Join(project, "package-lock.json")) || exists(in.FS, path.Join(project, "npm-shrinkwrap.json")) {
			return nil, nil
		}
	}
	lock, err := parse(in.Reader)
	if lock == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	if _, ok := lock.byKey[""]; !ok {
		if m := readManifest(in.FS, path.Join(project, "package.json")); m != nil {
			lock.setRoot(m)
		}
	}
	pkgs := lock.packages(project)
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

func exists(fsys fs.FS, name string) bool {
	if fsys == nil {
		return false
	}
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// maxManifestSize bounds the package.json read beside a lock file.
const maxManifestSize = 16 << 20

// readManifest reads the project's package.json; nil when there is none
// or it is not JSON.
func readManifest(fsys fs.FS, name string) *packagejson.Manifest {
	m, _ := sidefile.Parse(fsys, name, func(r io.Reader) (*packagejson.Manifest, error) {
		return packagejson.Parse(io.LimitReader(r, maxManifestSize))
	})
	return m
}

// entry is a package in a lock file, as "packages" gives it.
type entry struct {
	Name                 string                 `json:"name"`
	Version              string                 `json:"version"`
	Resolved             string                 `json:"resolved"`
	Integrity            string                 `json:"integrity"`
	License              packagejson.Licenses   `json:"license"`
	Link                 bool                   `json:"link"`
	Dev                  bool                   `json:"dev"`
	Optional             bool                   `json:"optional"`
	DevOptional          bool                   `json:"devOptional"`
	Peer                 bool                   `json:"peer"`
	InBundle             bool                   `json:"inBundle"`
	Extraneous           bool                   `json:"extraneous"`
	Dependencies         map[string]string      `json:"dependencies"`
	OptionalDependencies map[string]string      `json:"optionalDependencies"`
	PeerDependencies     map[string]string      `json:"peerDependencies"`
	DevDependencies      map[string]string      `json:"devDependencies"`
	Workspaces           packagejson.Workspaces `json:"workspaces"`
}

// v1Entry is a package in a lockfileVersion 1 "dependencies" tree.
type v1Entry struct {
	Version      string              `json:"version"`
	Resolved     string              `json:"resolved"`
	Integrity    string              `json:"integrity"`
	Dev          bool                `json:"dev"`
	Optional     bool                `json:"optional"`
	DevOptional  bool                `json:"devOptional"`
	Peer         bool                `json:"peer"`
	Bundled      bool                `json:"bundled"`
	Extraneous   bool                `json:"extraneous"`
	Requires     map[string]string   `json:"requires"`
	Dependencies map[string]*v1Entry `json:"dependencies"`
}

// lockFile is a lock file's packages by install path ("" is the project).
type lockFile struct {
	name, version string
	keys          []string
	entries       []entry
	byKey         map[string]int
	// bareRoot is set when the entry "" was added for want of one, to
	// give the root package a place: it says nothing of dependencies.
	bareRoot bool
}

func (l *lockFile) add(key string, e entry) {
	if i, ok := l.byKey[key]; ok { // a repeated key: the last one counts, as in JSON.parse
		l.entries[i] = e
		return
	}
	l.byKey[key] = len(l.entries)
	l.keys = append(l.keys, key)
	l.entries = append(l.entries, e)
}

func (l *lockFile) reset() {
	l.keys, l.entries = nil, nil
	l.byKey = map[string]int{}
}

// setRoot makes the project's package.json the root entry.
func (l *lockFile) setRoot(m *packagejson.Manifest) {
	l.add("", entry{
		Name:                 m.Name,
		Version:              m.Version,
		License:              append(append(packagejson.Licenses(nil), m.License...), m.Licenses...),
		Dependencies:         m.Dependencies,
		DevDependencies:      m.DevDependencies,
		OptionalDependencies: m.OptionalDependencies,
		PeerDependencies:     m.PeerDependencies,
		Workspaces:           m.Workspaces,
	})
}

// skip decodes any JSON value into nothing, without copying it.
type skip struct{}

func (*skip) UnmarshalJSON([]byte) error { return nil }

// isTypeError reports whether err is a value of the wrong type, after
// which decoding goes on.
func isTypeError(err error) bool {
	var te *json.UnmarshalTypeError
	return errors.As(err, &te)
}

// parse reads a lock file. It returns what it read with the first error:
// values of the wrong type are skipped and reading goes on; at a syntax
// error or the end of a truncated file it stops. A nil lockFile means the
// input is not a JSON object.
func parse(r io.Reader) (*lockFile, error) {
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	l := &lockFile{byKey: map[string]int{}}
	var firstErr error
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return l, err
		}
		key, _ := tok.(string)
		switch key {
		case "name":
			err = dec.Decode(&l.name)
		case "version":
			err = dec.Decode(&l.version)
		case "packages":
			l.reset() // a "dependencies" tree read before it
			if err := l.decodePackages(dec); err != nil && !isTypeError(err) {
				return l, err
			} else if err != nil && firstErr == nil {
				firstErr = err
			}
			return l, firstErr // the rest is the version 1 tree
		case "dependencies":
			err = l.decodeV1(dec)
		default:
			err = dec.Decode(&skip{})
		}
		if err != nil {
			if !isTypeError(err) {
				return l, err
			}
			if firstErr == nil {
				firstErr = err
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return l, err
	}
	return l, firstErr
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return fmt.Errorf("want %v, found %v", d, tok)
	}
	return nil
}

// decodePackages reads "packages", entry by entry.
func (l *lockFile) decodePackages(dec *json.Decoder) error {
	if err := expectDelim(dec, '{'); err != nil {
		return fmt.Errorf("packages: %w", err)
	}
	var firstErr error
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var e entry
		if err := dec.Decode(&e); err != nil {
			if !isTypeError(err) {
				return err
			}
			if firstErr == nil {
				firstErr = fmt.Errorf("packages[%q]: %w", key, err)
			}
		}
		l.add(key, e)
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	return firstErr
}

// maxV1Depth bounds the nesting of a version 1 tree: real ones are a few
// levels deep, and each level repeats the path of the one above.
const maxV1Depth = 128

// decodeV1 reads a version 1 "dependencies" tree, a top-level package at
// a time, into entries keyed by install path.
func (l *lockFile) decodeV1(dec *json.Decoder) error {
	if err := expectDelim(dec, '{'); err != nil {
		return fmt.Errorf("dependencies: %w", err)
	}
	var firstErr error
	note := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		var e v1Entry
		if err := dec.Decode(&e); err != nil {
			if !isTypeError(err) {
				return err
			}
			note(fmt.Errorf("dependencies[%q]: %w", name, err))
		}
		if err := l.addV1("", name, &e, 1); err != nil {
			note(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	return firstErr
}

// addV1 adds a version 1 package and those nested below it.
func (l *lockFile) addV1(parent, name string, e *v1Entry, depth int) error {
	if e == nil {
		return nil
	}
	key := "node_modules/" + name
	if parent != "" {
		key = parent + "/" + key
	}
	n := entry{
		Version:      e.Version,
		Resolved:     e.Resolved,
		Integrity:    e.Integrity,
		Dev:          e.Dev,
		Optional:     e.Optional,
		DevOptional:  e.DevOptional,
		Peer:         e.Peer,
		InBundle:     e.Bundled,
		Extraneous:   e.Extraneous,
		Dependencies: e.Requires,
	}
	// "version" is the installed version, or for aliases, local and git
	// packages the spec it came from.
	if d := packagejson.ReadSpec(name, e.Version); d.Version != "" || d.Source != "" || d.Alias != "" {
		n.Version = d.Version
		if d.Alias != "" {
			n.Name = d.Name
		}
		if d.Source != "" && n.Resolved == "" {
			n.Resolved = d.Source
		}
	}
	l.add(key, n)
	if len(e.Dependencies) == 0 {
		return nil
	}
	if depth >= maxV1Depth {
		return fmt.Errorf("dependencies of %q: nested deeper than %d levels", key, maxV1Depth)
	}
	var firstErr error
	for _, child := range slices.Sorted(maps.Keys(e.Dependencies)) {
		if err := l.addV1(key, child, e.Dependencies[child], depth+1); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// underNodeModules reports whether an install path is inside node_modules.
func underNodeModules(key string) bool {
	return strings.HasPrefix(key, "node_modules/") || strings.Contains(key, "/node_modules/")
}

// keyName returns the name a package is installed under: what follows the
// last "node_modules/" of its path, or the path's last element.
func keyName(key string) string {
	if i := strings.LastIndex(key, "node_modules/"); i >= 0 && (i == 0 || key[i-1] == '/') {
		return key[i+len("node_modules/"):]
	}
	return path.Base(key)
}

// packages turns the lock file into packages; project is the directory
// its install paths are relative to.
func (l *lockFile) packages(project string) []inventory.Package {
	rootIdx, hasRoot := l.byKey[""]
	hasRoot = hasRoot && !l.bareRoot
	if _, ok := l.byKey[""]; !ok { // a root known only by the name at the top of the file
		rootIdx = len(l.entries)
		l.add("", entry{})
		l.bareRoot = true
	}
	t := newTree(l)
	var patterns []string
	if hasRoot {
		patterns = l.entries[rootIdx].Workspaces
	}
	workspace := make([]bool, len(l.entries))
	for i, k := range l.keys {
		workspace[i] = k != "" && !underNodeModules(k) && !l.entries[i].Link && matchWorkspace(patterns, k)
	}
	names := make([]string, len(l.entries))
	purls := make([]string, len(l.entries))
	for i, k := range l.keys {
		e := &l.entries[i]
		name := e.Name
		if name == "" && k != "" {
			name = keyName(k)
		}
		if k == "" && name == "" {
			if name = l.name; name == "" && project != "." && project != "" {
				name = path.Base(project)
			}
		}
		if !packagejson.ValidName(name) || e.Link {
			continue
		}
		version := e.Version
		if k == "" && version == "" {
			version = l.version
		}
		names[i], purls[i] = name, extractor.PURL("npm", "", name, version)
	}
	// The packages the root and workspaces declare are direct.
	direct := make([]bool, len(l.entries))
	for i := range l.entries {
		if l.keys[i] != "" && !workspace[i] {
			continue
		}
		t.eachDep(i, true, func(j int) { direct[j] = true })
	}
	// Most packages of a lock file have one of a few licenses: normalise
	// each once.
	declared := map[string]*inventory.DeclaredLicense{}
	license := func(raws []string) *inventory.DeclaredLicense {
		if len(raws) != 1 {
			return extractor.Declared(raws...)
		}
		d, ok := declared[raws[0]]
		if !ok {
			d = extractor.Declared(raws[0])
			declared[raws[0]] = d
		}
		if d == nil {
			return nil
		}
		c := *d // each package its own, as if normalised for it
		return &c
	}
	out := make([]inventory.Package, 0, len(l.entries))
	for i, k := range l.keys {
		e := &l.entries[i]
		if purls[i] == "" {
			continue
		}
		p := inventory.Package{
			Name:            names[i],
			Version:         e.Version,
			Ecosystem:       inventory.EcosystemNPM,
			PURL:            purls[i],
			DeclaredLicense: license(e.License),
		}
		isRoot := k == "" || workspace[i]
		t.eachDep(i, isRoot, func(j int) {
			if purls[j] != "" {
				p.Dependencies = append(p.Dependencies, purls[j])
			}
		})
		if k == "" && p.Version == "" {
			p.Version = l.version
		}
		if isRoot {
			p.Relationship = inventory.RelationshipRoot
			out = append(out, p)
			continue
		}
		switch {
		case direct[i]:
			p.Relationship = inventory.RelationshipDirect
		case hasRoot:
			p.Relationship = inventory.RelationshipTransitive
		}
		switch {
		case e.Dev || e.DevOptional:
			p.Scope = inventory.ScopeDev
		case e.Optional:
			p.Scope = inventory.ScopeOptional
		default:
			p.Scope = inventory.ScopeRequired
		}
		if d := joinDir(project, k); d != ".." && !strings.HasPrefix(d, "../") && d != "." {
			p.Directory = d
		}
		p.Hashes = extractor.SRIHash(e.Integrity)
		prop := func(name, value string) {
			p.Properties = append(p.Properties, inventory.Property{Name: name, Value: value})
		}
		if e.Resolved != "" {
			prop("resolved", e.Resolved)
		}
		if kn := keyName(k); underNodeModules(k) && kn != names[i] {
			prop("alias", kn)
		}
		if e.Peer {
			prop("peer", "true")
		}
		if e.InBundle {
			prop("bundled", "true")
		}
		if e.Extraneous {
			prop("extraneous", "true")
		}
		out = append(out, p)
	}
	return out
}

// joinDir joins an install path to the project directory; at the scan
// root, without copying it.
func joinDir(project, key string) string {
	if project == "." || project == "" {
		return path.Clean(key)
	}
	return path.Join(project, key)
}

// maxWorkspacePatterns bounds the patterns tried on each local package.
const maxWorkspacePatterns = 256

// matchWorkspace reports whether a local package's path matches the
// root's workspace patterns: globs as npm writes them ("packages/*",
// "apps/**", "./tools/cli"), "**" standing for any number of directories,
// "!" excluding.
func matchWorkspace(patterns []string, key string) bool {
	if len(patterns) > maxWorkspacePatterns {
		patterns = patterns[:maxWorkspacePatterns]
	}
	key = path.Clean(key)
	matched := false
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = path.Clean(strings.TrimPrefix(p, "!"))
		if matchSegments(strings.Split(p, "/"), strings.Split(key, "/")) {
			if neg {
				return false
			}
			matched = true
		}
	}
	return matched
}

// matchSegments matches path elements against glob elements, "**"
// matching any number of elements (the usual backtracking wildcard match,
// linear but for the backtracking to the last "**").
func matchSegments(ps, ns []string) bool {
	pi, ni := 0, 0
	star, starN := -1, 0
	for ni < len(ns) {
		switch {
		case pi < len(ps) && ps[pi] == "**":
			star, starN = pi, ni
			pi++
		case pi < len(ps) && matchElem(ps[pi], ns[ni]):
			pi++
			ni++
		case star >= 0:
			starN++
			pi, ni = star+1, starN
		default:
			return false
		}
	}
	for pi < len(ps) && ps[pi] == "**" {
		pi++
	}
	return pi == len(ps)
}

func matchElem(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return ok && err == nil
}
