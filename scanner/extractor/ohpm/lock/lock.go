// Package lock extracts the packages an OpenHarmony project has locked in
// its oh-package-lock.json5, the lock file ohpm writes beside an
// oh-package.json5 (at the project root, and in each module whose
// dependencies it installs).
//
// # The format
//
// The lock file is JSON5 (ohpm writes plain JSON; comments and trailing
// commas a hand edit leaves are accepted). It has:
//
//   - "lockfileVersion": 1 in the first ohpm releases, 2, then 3 (with a
//     "meta" object: "stableOrder", "enableUnifiedLockfile").
//   - "specifiers": each "name@what-was-asked" (a range such as
//     "@ohos/axios@^2.2.0", an exact version, or a local path with its
//     "file:" prefix dropped, "library@../library") mapped to the key of
//     the package that satisfies it in "packages".
//   - "packages": keyed "name@version" for registry packages and
//     "name@path" for local ones. In version 3 each has "name",
//     "version", "integrity" (Subresource Integrity, "sha512-..."),
//     "resolved" (the .har or .tgz URL, or the local path),
//     "registryType" ("ohpm" or "local"), sometimes "shasum" (SHA-1 in
//     hex, for packages first published to npm), "packageType"
//     ("InterfaceHar" for an HSP module) and "dependencies" (name to what
//     is asked, resolved again through "specifiers"). Version 1 entries
//     have only "resolved", "integrity" and "dependencies": the name and
//     version come from the key. Version 2 files are read the same way:
//     every field present is used, and a missing name or version is taken
//     from the key. The key of a local package may use the name its
//     dependant knows it by ("routerapi@../RouterApi") while "name" holds
//     the module's own ("@hzw/zrouter"): the package is named by "name".
//
// # What is extracted
//
//   - Every entry of "packages" is a package with its name, version and
//     purl, pkg:ohpm/<scope>/<name>@<version> (the proposed ohpm purl
//     type). "integrity" and "shasum" become hashes; "registryType",
//     "resolved" and "packageType" are kept as properties of those names.
//   - Dependencies are resolved to the exact packages of the lock file:
//     through "specifiers", then by key, then, when the lock file holds
//     only one package of that name (an "overrides" entry may have
//     replaced the range), to that one. What cannot be resolved (the
//     inner HAR of a local package, which ohpm does not lock by default)
//     is left out.
//   - Local packages ("registryType": "local": HAR and HSP modules of the
//     same project, or .har files) are kept, with no hashes. Their purl is
//     pkg:ohpm/<name>@<version> from the entry's own name and version, the
//     purl the ohpm/ohpackage extractor gives the module from its own
//     oh-package.json5, so that the inventory holds the module once.
//   - Relationship and scope come from the oh-package.json5 beside the
//     lock file, when it is there and readable. What it declares is
//     direct; what those packages depend on, directly or not, is
//     transitive. A package reached from "dependencies" is required, else
//     one reached from "dynamicDependencies" is optional (a direct dynamic
//     dependency has the property "dynamic" = "true"), else one reached
//     only from "devDependencies" is dev. Packages the manifest does not
//     reach (a unified lock file records every module's dependencies), and
//     every package when there is no manifest, are direct when no other
//     package of the lock file depends on them and transitive otherwise,
//     with no scope.
//   - Directory: where ohpm puts the package's files, relative to the scan
//     root, when that directory exists in the scanned tree: the store
//     directory oh_modules/.ohpm/<scope>+<name>@<version>/oh_modules/<name>
//     (ohpm's layout: the top-level oh_modules/<name> is a link to it, and
//     links are not followed), else a real oh_modules/<name> directory;
//     for a local package, the directory its path names.
package lock

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/depgraph"
	"github.com/hengdev/heng/scanner/extractor/internal/hexdigest"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "ohpm/lock"

// LockFile is the file name of an ohpm lock file.
const LockFile = "oh-package-lock.json5"

// MaxLockSize is the largest lock file read. A lock file with thousands
// of packages is a few megabytes.
const MaxLockSize = 256 << 20

// maxErrors is how many bad entries an error lists.
const maxErrors = 10

// Extractor reads oh-package-lock.json5 files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

// Match accepts oh-package-lock.json5 files outside oh_modules/.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == LockFile && !ohpackage.InOhModules(f.Path)
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	lf, err := parse(in.Reader)
	if lf == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	m := readManifest(in.FS, path.Join(in.Dir(), ohpackage.ManifestFile))
	pkgs := lf.packages(m, in.Dir(), ohpackage.DirChecker(in.FS))
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// readManifest reads the oh-package.json5 beside the lock file; nil when
// it is missing or not JSON5 (the ohpm/ohpackage extractor reports that).
// Fields it cannot read are left empty.
func readManifest(fsys fs.FS, name string) *ohpackage.Manifest {
	m, _ := sidefile.Parse(fsys, name, ohpackage.Parse)
	return m
}

// lockFile is what heng reads of a lock file.
type lockFile struct {
	specifiers map[string]string
	entries    []*entry          // sorted by key
	byKey      map[string]*entry // by key in "packages"
	byKeyName  map[string][]*entry
}

// entry is one package of "packages".
type entry struct {
	key          string
	keyName      string // the name part of the key: what dependants call it
	name         string
	version      string
	purl         string
	integrity    string
	shasum       string
	resolved     string
	registryType string
	packageType  string
	localPath    string // for a local package: its path, relative to the lock file
	deps         []ohpackage.Dependency
}

// splitKey splits a "packages" or "specifiers" key at the "@" that ends
// the name: "@ohos/axios@2.2.0" is "@ohos/axios" and "2.2.0". A local
// path after it may hold more "@"s (oh_modules/.ohpm/lib@hash/...).
func splitKey(key string) (name, spec string) {
	if len(key) < 2 {
		return key, ""
	}
	i := strings.IndexByte(key[1:], '@')
	if i < 0 {
		return key, ""
	}
	return key[:i+1], key[i+2:]
}

// isLocal reports whether the spec part of a key is a path: versions
// never hold a slash and local package files end in .har, .hsp or .tgz.
func isLocal(spec string) bool {
	if _, ok := ohpackage.LocalPath(spec); ok {
		return true
	}
	return strings.Contains(spec, "/")
}

// parse reads a lock file. It returns what it could read of a file with
// bad entries together with an error; no lockFile when the file is not
// JSON5 or not an object.
func parse(r io.Reader) (*lockFile, error) {
	obj, err := ohpackage.Decode(r, MaxLockSize)
	if err != nil {
		return nil, err
	}
	lf := &lockFile{
		specifiers: map[string]string{},
		byKey:      map[string]*entry{},
		byKeyName:  map[string][]*entry{},
	}
	var errs []error
	switch specs := obj["specifiers"].(type) {
	case nil:
	case map[string]any:
		for k, v := range specs {
			s, ok := v.(string)
			if !ok {
				errs = append(errs, fmt.Errorf("specifier %q is %s, not a string", k, ohpackage.TypeName(v)))
				continue
			}
			lf.specifiers[k] = s
		}
	default:
		errs = append(errs, fmt.Errorf(`"specifiers" is %s, not an object`, ohpackage.TypeName(specs)))
	}
	var pkgs map[string]any
	switch v := obj["packages"].(type) {
	case nil:
	case map[string]any:
		pkgs = v
	default:
		errs = append(errs, fmt.Errorf(`"packages" is %s, not an object`, ohpackage.TypeName(v)))
	}
	keys := make([]string, 0, len(pkgs))
	for k := range pkgs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		e, err := readEntry(k, pkgs[k])
		if err != nil {
			errs = append(errs, fmt.Errorf("package %q: %w", k, err))
		}
		if e == nil {
			continue
		}
		lf.entries = append(lf.entries, e)
		lf.byKey[k] = e
		lf.byKeyName[e.keyName] = append(lf.byKeyName[e.keyName], e)
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return lf, ohpackage.JoinErrors(errs, maxErrors)
}

// readEntry reads one entry of "packages"; nil when it has no name.
func readEntry(key string, v any) (*entry, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("is %s, not an object", ohpackage.TypeName(v))
	}
	e := &entry{key: key}
	var keySpec string
	e.keyName, keySpec = splitKey(key)
	var errs []error
	str := func(field string) string {
		s, err := ohpackage.String(obj, field)
		if err != nil {
			errs = append(errs, err)
		}
		return s
	}
	e.name = str("name")
	e.version = str("version")
	e.integrity = str("integrity")
	e.shasum = str("shasum")
	e.resolved = str("resolved")
	e.registryType = str("registryType")
	e.packageType = str("packageType")
	deps, err := ohpackage.Dependencies(obj, "dependencies")
	if err != nil {
		errs = append(errs, err)
	}
	e.deps = deps
	local := e.registryType == "local" || (e.registryType == "" && isLocal(keySpec))
	if e.name == "" {
		e.name = e.keyName
	}
	if e.version == "" && !local {
		e.version = keySpec
	}
	if local {
		e.localPath = e.resolved
		if e.localPath == "" {
			e.localPath = keySpec
		}
	}
	if e.name == "" {
		errs = append(errs, errors.New("no name"))
		return nil, joinEntryErrors(errs)
	}
	e.purl = extractor.PURL("ohpm", "", e.name, e.version)
	return e, joinEntryErrors(errs)
}

func joinEntryErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	msgs := make([]string, len(errs))
	for i, err := range errs {
		msgs[i] = err.Error()
	}
	return fmt.Errorf("%s", strings.Join(msgs, "; "))
}

// resolve finds the entry a dependency stands for, or nil.
func (lf *lockFile) resolve(d ohpackage.Dependency) *entry {
	specs := []string{d.Spec}
	if p, ok := ohpackage.LocalPath(d.Spec); ok {
		specs = []string{p, path.Clean(p)}
	}
	for _, s := range specs {
		k := d.Name + "@" + s
		if t, ok := lf.specifiers[k]; ok {
			if e := lf.byKey[t]; e != nil {
				return e
			}
		}
		if e := lf.byKey[k]; e != nil {
			return e
		}
	}
	if es := lf.byKeyName[d.Name]; len(es) == 1 {
		return es[0]
	}
	return nil
}

// packages turns the lock file into packages. m is the manifest beside
// it (nil when there is none), dir the lock file's directory and isDir
// tells which directories exist (nil: none known).
func (lf *lockFile) packages(m *ohpackage.Manifest, dir string, isDir func(string) bool) []inventory.Package {
	index := make(map[*entry]int, len(lf.entries))
	for i, e := range lf.entries {
		index[e] = i
	}
	edges := make([][]depgraph.Edge, len(lf.entries))
	dependedOn := make([]bool, len(lf.entries))
	for i, e := range lf.entries {
		for _, d := range e.deps {
			if t := lf.resolve(d); t != nil {
				edges[i] = append(edges[i], depgraph.Edge{To: index[t]})
				if t != e {
					dependedOn[index[t]] = true
				}
			}
		}
	}
	var seeds []depgraph.Seed
	dynamic := make([]bool, len(lf.entries))
	if m != nil {
		for _, g := range m.Groups() {
			for _, d := range g.Deps {
				if t := lf.resolve(d); t != nil {
					seeds = append(seeds, depgraph.Seed{To: index[t], Scope: g.Scope})
					if g.Dynamic {
						dynamic[index[t]] = true
					}
				}
			}
		}
	}
	// The groups' scopes are required, optional and dev: what a wider
	// scope reaches keeps it.
	rel := depgraph.Walk(edges, seeds)
	out := make([]inventory.Package, 0, len(lf.entries))
	for i, e := range lf.entries {
		p := inventory.Package{
			Name:         e.name,
			Version:      e.version,
			Ecosystem:    inventory.EcosystemOHPM,
			PURL:         e.purl,
			Scope:        rel.Scope[i],
			Directory:    e.directory(dir, isDir),
			Relationship: rel.Relationship(i),
		}
		if p.Relationship == "" {
			p.Relationship = inventory.RelationshipDirect
			if dependedOn[i] {
				p.Relationship = inventory.RelationshipTransitive
			}
		}
		for _, t := range edges[i] {
			if c := lf.entries[t.To]; c.purl != "" && c.purl != e.purl {
				p.Dependencies = append(p.Dependencies, c.purl)
			}
		}
		if e.localPath == "" {
			p.Hashes = extractor.SRIHash(e.integrity)
			if h, ok := hexdigest.Hash("SHA-1", e.shasum); ok {
				p.Hashes = append(p.Hashes, h)
			}
		}
		for _, kv := range [][2]string{
			{"registryType", e.registryType},
			{"resolved", e.resolved},
			{"packageType", e.packageType},
		} {
			if kv[1] != "" {
				p.Properties = append(p.Properties, inventory.Property{Name: kv[0], Value: kv[1]})
			}
		}
		if dynamic[i] {
			p.Properties = append(p.Properties, inventory.Property{Name: "dynamic", Value: "true"})
		}
		out = append(out, p)
	}
	return out
}

// directory returns where the entry's files are in the scanned tree, ""
// when they are not there.
func (e *entry) directory(dir string, isDir func(string) bool) string {
	if isDir == nil {
		return ""
	}
	if e.localPath != "" {
		return ohpackage.LocalDir(dir, e.localPath, isDir)
	}
	if e.version == "" || !validName(e.name) || strings.ContainsAny(e.version, `/\`) || e.version == ".." {
		return ""
	}
	store := path.Join("oh_modules/.ohpm", strings.ReplaceAll(e.name, "/", "+")+"@"+e.version, "oh_modules", e.name)
	if d := ohpackage.LocalDir(dir, store, isDir); d != "" {
		return d
	}
	return ohpackage.LocalDir(dir, path.Join("oh_modules", e.name), isDir)
}

// validName reports whether a package name is "name" or "@scope/name"
// with no path tricks, so that it can be joined to a directory.
func validName(name string) bool {
	parts := strings.Split(name, "/")
	switch {
	case len(parts) == 2 && strings.HasPrefix(parts[0], "@") && len(parts[0]) > 1:
		parts = parts[1:]
	case len(parts) != 1:
		return false
	}
	n := parts[0]
	return n != "" && n[0] != '.' && !strings.ContainsAny(n, `\@`)
}
