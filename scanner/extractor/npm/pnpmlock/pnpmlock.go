// Package pnpmlock extracts the packages a pnpm-lock.yaml file pins.
//
// pnpm's lock file is YAML. Its "importers" map each project of the
// workspace, by directory ("." for the root), to its dependencies,
// devDependencies and optionalDependencies: each a name with the
// resolved version ("1.2.3", "18.3.1(react@18.3.1)" with the peer
// dependencies the instance was resolved with, "debug@4.4.3" or
// "/debug@4.4.3" for an alias, "link:packages/lib" for a workspace
// project, "file:vendor/x.tgz" for a local tarball). Single-project lock
// files of versions 5 and 6 put those sections at the top level instead of
// under importers. The "packages" map gives each package's "resolution"
// (integrity, tarball, git repo and commit, or directory) and, before
// version 9, its dependencies and "dev"/"optional" flags; version 9 moved
// dependencies to "snapshots", one per instance.
//
// Three layouts of package keys are read: version 5 ("/name/1.2.3",
// "/@scope/name/1.2.3_peer@1.0.0"; versions 3 and 4 wrote the same), version
// 6 ("/name@1.2.3", "/@scope/name@1.2.3(peer@1.0.0)") and version 9
// ("name@1.2.3", snapshots "name@1.2.3(peer@1.0.0)"); older lock files
// ("shrinkwrapVersion") are refused with an error. Keys of packages not
// from the registry ("file:...", "github.com/...") come with "name" and
// "version" fields, which win over the key. The peer suffix of an
// instance is not part of the version: the instances of one package
// resolved with different peers share one purl, and are merged.
//
// Each importer's dependencies are direct, whichever workspace project
// names them (a workspace's dependencies are the project's); dependencies
// on workspace projects ("link:") are the project's own code and not
// packages, and the importers themselves are left to their package.json.
// What the direct dependencies reach through the packages' dependencies and
// optionalDependencies is transitive. The scope of a package is required
// when an importer's dependencies reach it through required dependencies
// only; otherwise optional when an importer's dependencies or
// optionalDependencies reach it at all; otherwise dev when its
// devDependencies do. A package no importer reaches has no relationship and
// keeps the scope versions 5 and 6 record in "dev" and "optional" (version
// 9 records only "optional").
//
// Dependencies are the purls of the instances a package's dependencies
// and optionalDependencies resolve to; references to keys missing from the
// file are left out. Hashes come from the resolution's integrity
// (Subresource Integrity). The "resolved" property is the tarball URL, the
// git repository and commit ("<repo>#<commit>"), or "file:<directory>" for
// a local directory, whose path inside the scanned tree becomes the
// package's Directory. A lock file carries no licenses.
package pnpmlock

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/depgraph"
	"github.com/hengdev/heng/scanner/extractor/internal/yamlsafe"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "npm/pnpmlock"

// maxErrors bounds the errors kept for one file: a file that is not a
// lock file at all should not make an error per entry.
const maxErrors = 10

// Extractor reads pnpm-lock.yaml files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "pnpm-lock.yaml"
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	data, err := io.ReadAll(in.Reader)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", in.Path, err)
	}
	lock, err := parse(data)
	if lock == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	pkgs := lock.packages(in.Dir())
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// document is what heng reads of a pnpm-lock.yaml document.
type document struct {
	lockfileVersion string
	importers       map[string]importer
	// Versions 5 and 6 of a single project have the root importer's
	// sections at the top level.
	root      importer
	packages  map[string]packageEntry
	snapshots map[string]snapshot
}

// importer is one project of the workspace: its dependencies by name.
type importer struct {
	dependencies, devDependencies, optionalDependencies map[string]string
}

type packageEntry struct {
	Resolution           resolution        `yaml:"resolution"`
	Name                 string            `yaml:"name"`
	Version              string            `yaml:"version"`
	Dev                  *bool             `yaml:"dev"`
	Optional             bool              `yaml:"optional"`
	Dependencies         map[string]string `yaml:"dependencies"`
	OptionalDependencies map[string]string `yaml:"optionalDependencies"`
}

type resolution struct {
	Integrity string `yaml:"integrity"`
	Tarball   string `yaml:"tarball"`
	Repo      string `yaml:"repo"`
	Commit    string `yaml:"commit"`
	Directory string `yaml:"directory"`
}

type snapshot struct {
	Dependencies         map[string]string `yaml:"dependencies"`
	OptionalDependencies map[string]string `yaml:"optionalDependencies"`
	Optional             bool              `yaml:"optional"`
}

// keyStyle is how a lock file version writes package keys.
type keyStyle int

const (
	keysV5 keyStyle = iota // /name/1.2.3_peer@1.0.0
	keysV6                 // /name@1.2.3(peer@1.0.0)
	keysV9                 // name@1.2.3(peer@1.0.0)
)

// lockfile is a parsed lock file: the instances of packages, by key.
type lockfile struct {
	style     keyStyle
	importers map[string]importer
	nodes     []node
	byKey     map[string]int
}

// node is one instance of a package.
type node struct {
	name, version string
	res           resolution
	deps          []ref
	dev           *bool // versions 5 and 6
	optional      bool
}

// ref is a dependency on a package: its name and the version reference
// that, with the name, gives the key of the instance.
type ref struct {
	name, version string
	optional      bool
}

// parse reads a pnpm-lock.yaml. It returns what it read together with an
// error when part of the file is bad, and a nil lockfile when it could read
// nothing. Of several YAML documents (pnpm 10 puts the lock file of its own
// configuration dependencies first), the last is the project's. After a
// syntax error (a truncated file, a merge conflict), what comes before the
// blank line above it is read again on its own.
func parse(data []byte) (*lockfile, error) {
	last, err := lastDocument(data)
	if err != nil {
		if cut := cutBefore(data, err); cut != nil {
			last, _ = lastDocument(cut)
		}
	}
	if last == nil {
		if err != nil {
			return nil, err
		}
		return nil, errors.New("empty file")
	}
	doc, errs := readDocument(last)
	errs = append(errs, err)
	if doc == nil {
		return nil, errors.Join(errs...)
	}
	return build(doc, errors.Join(errs...))
}

// lastDocument decodes the YAML documents of data and returns the last,
// or nil, with the syntax error that stopped it.
func lastDocument(data []byte) (*yaml.Node, error) {
	var last *yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := yamlsafe.Decode(dec, &n)
		if err == io.EOF {
			return last, nil
		}
		if err != nil {
			return last, err
		}
		last = &n
	}
}

var errorLine = regexp.MustCompile(`^yaml: line (\d+):`)

// cutBefore returns data up to the last blank line before the line a
// syntax error names, or nil.
func cutBefore(data []byte, err error) []byte {
	m := errorLine.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	n, _ := strconv.Atoi(m[1])
	blank, line := -1, 1
	for off := 0; off < len(data) && line < n; line++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		if len(bytes.TrimSpace(data[off:off+i])) == 0 {
			blank = off
		}
		off += i + 1
	}
	if blank < 0 {
		return nil
	}
	return data[:blank]
}

// readDocument reads a document's tree. The big maps (packages,
// snapshots, an importer's dependencies) are walked here rather than
// decoded whole: yaml.v3 checks a mapping's keys for duplicates in
// quadratic time, too slow for the thousands of keys of a large lock
// file, and an entry of the wrong shape is then one error among entries
// that decode.
func readDocument(n *yaml.Node) (*document, []error) {
	n, err := yamlsafe.Mapping(n)
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	fail := func(err error) {
		if len(errs) < maxErrors {
			errs = append(errs, err)
		}
	}
	doc := &document{importers: map[string]importer{}, packages: map[string]packageEntry{}, snapshots: map[string]snapshot{}}
	pairs(n, fail, func(key string, v *yaml.Node) {
		switch key {
		case "lockfileVersion":
			if v.Kind == yaml.ScalarNode {
				doc.lockfileVersion = v.Value
			}
		case "importers":
			pairs(v, fail, func(dir string, v *yaml.Node) {
				doc.importers[dir] = readImporter(v, fail)
			})
		case "dependencies", "devDependencies", "optionalDependencies":
			readSection(&doc.root, key, v, fail)
		case "packages":
			pairs(v, fail, func(k string, v *yaml.Node) {
				var p packageEntry
				if err := v.Decode(&p); err != nil {
					fail(fmt.Errorf("package %q: %w", k, err))
				}
				doc.packages[k] = p
			})
		case "snapshots":
			pairs(v, fail, func(k string, v *yaml.Node) {
				var s snapshot
				if err := v.Decode(&s); err != nil {
					fail(fmt.Errorf("snapshot %q: %w", k, err))
				}
				doc.snapshots[k] = s
			})
		}
	})
	return doc, errs
}

// pairs calls f with each key and value of a mapping; fail hears of
// anything else.
func pairs(n *yaml.Node, fail func(error), f func(key string, v *yaml.Node)) {
	switch n.Kind {
	case yaml.MappingNode:
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return // "packages:" with nothing under it
		}
		fallthrough
	default:
		fail(fmt.Errorf("line %d: not a mapping", n.Line))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			fail(fmt.Errorf("line %d: key is not a string", k.Line))
			continue
		}
		f(k.Value, n.Content[i+1])
	}
}

func readImporter(n *yaml.Node, fail func(error)) importer {
	var imp importer
	pairs(n, fail, func(key string, v *yaml.Node) {
		readSection(&imp, key, v, fail)
	})
	return imp
}

// readSection reads an importer's dependencies, devDependencies or
// optionalDependencies: name to version (version 5) or name to specifier
// and version (later versions).
func readSection(imp *importer, key string, n *yaml.Node, fail func(error)) {
	var m *map[string]string
	switch key {
	case "dependencies":
		m = &imp.dependencies
	case "devDependencies":
		m = &imp.devDependencies
	case "optionalDependencies":
		m = &imp.optionalDependencies
	default:
		return
	}
	if *m == nil {
		*m = map[string]string{}
	}
	pairs(n, fail, func(name string, v *yaml.Node) {
		switch v.Kind {
		case yaml.ScalarNode:
			(*m)[name] = v.Value
		case yaml.MappingNode:
			for i := 0; i+1 < len(v.Content); i += 2 {
				if v.Content[i].Value == "version" && v.Content[i+1].Kind == yaml.ScalarNode {
					(*m)[name] = v.Content[i+1].Value
				}
			}
		default:
			fail(fmt.Errorf("line %d: dependency %q is neither a version nor a mapping", v.Line, name))
		}
	})
}

// build turns a document into a lockfile; derr is what reading it said.
func build(doc *document, derr error) (*lockfile, error) {
	errs := []error{derr}
	style, err := styleOf(doc.lockfileVersion)
	if err != nil {
		return nil, errors.Join(append(errs, err)...)
	}
	l := &lockfile{style: style, importers: doc.importers, byKey: map[string]int{}}
	if len(l.importers) == 0 {
		l.importers = map[string]importer{".": doc.root}
	}
	keys := make([]string, 0, len(doc.packages)+len(doc.snapshots))
	covered := map[string]bool{}
	if style == keysV9 {
		for k := range doc.snapshots {
			keys = append(keys, k)
			covered[baseKey(doc.packages, k)] = true
		}
	}
	for k := range doc.packages {
		if !covered[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		var n node
		var deps, opt map[string]string
		if s, ok := doc.snapshots[k]; ok && style == keysV9 {
			p := doc.packages[baseKey(doc.packages, k)]
			n.res, n.name, n.version = p.Resolution, p.Name, p.Version
			n.optional = s.Optional
			deps, opt = s.Dependencies, s.OptionalDependencies
		} else {
			p := doc.packages[k]
			n.res, n.name, n.version = p.Resolution, p.Name, p.Version
			n.dev, n.optional = p.Dev, p.Optional
			deps, opt = p.Dependencies, p.OptionalDependencies
		}
		kn, kv := l.splitKey(k)
		if n.name == "" {
			n.name = kn
		}
		if n.version == "" {
			n.version = kv
		}
		if n.name == "" || n.version == "" {
			if len(errs) <= maxErrors {
				errs = append(errs, fmt.Errorf("package %q: no name and version", k))
			}
			continue
		}
		n.deps = appendRefs(n.deps, deps, false)
		n.deps = appendRefs(n.deps, opt, true)
		l.byKey[k] = len(l.nodes)
		l.nodes = append(l.nodes, n)
	}
	return l, errors.Join(errs...)
}

// styleOf tells the key layout from lockfileVersion (5.4, '6.0', '9.0').
func styleOf(v string) (keyStyle, error) {
	if v == "" {
		return 0, errors.New("no lockfileVersion")
	}
	majorText, _, _ := strings.Cut(v, ".")
	major, err := strconv.Atoi(majorText)
	switch {
	case err != nil:
		return 0, fmt.Errorf("unknown lockfileVersion %q", v)
	case major < 3:
		return 0, fmt.Errorf("unsupported lockfileVersion %q", v)
	case major <= 5:
		return keysV5, nil
	case major == 6:
		return keysV6, nil
	}
	return keysV9, nil
}

// baseKey is the packages key of a version 9 snapshot: the snapshot's key
// without its peer suffix.
func baseKey(pkgs map[string]packageEntry, k string) string {
	if _, ok := pkgs[k]; ok {
		return k
	}
	if i := strings.IndexByte(k, '('); i > 0 {
		return k[:i]
	}
	return k
}

func appendRefs(out []ref, m map[string]string, optional bool) []ref {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		out = append(out, ref{name: name, version: m[name], optional: optional})
	}
	return out
}

// splitKey returns the name and version (without peer suffix) a package
// key gives, or "" for keys that do not give them ("file:...").
func (l *lockfile) splitKey(k string) (name, version string) {
	if l.style != keysV9 {
		var ok bool
		if k, ok = strings.CutPrefix(k, "/"); !ok {
			return "", ""
		}
	}
	if l.style == keysV5 {
		parts := strings.SplitN(k, "/", 3)
		switch {
		case len(parts) == 3 && strings.HasPrefix(parts[0], "@"):
			name, version = parts[0]+"/"+parts[1], parts[2]
		case len(parts) >= 2 && !strings.HasPrefix(parts[0], "@"):
			name, version = parts[0], strings.Join(parts[1:], "/")
		default:
			return "", ""
		}
		if i := strings.IndexByte(version, '_'); i >= 0 {
			version = version[:i]
		}
		return name, version
	}
	if i := strings.IndexByte(k, '('); i > 0 {
		k = k[:i]
	}
	if len(k) < 2 {
		return "", ""
	}
	i := strings.IndexByte(k[1:], '@')
	if i < 0 {
		return "", ""
	}
	return k[:i+1], k[i+2:]
}

// resolve returns the instance a dependency refers to, or -1 (a workspace
// link, or a key missing from the file).
func (l *lockfile) resolve(name, version string) int {
	if version == "" || strings.HasPrefix(version, "link:") {
		return -1
	}
	var own string
	switch l.style {
	case keysV5:
		own = "/" + name + "/" + version
	case keysV6:
		own = "/" + name + "@" + version
	default:
		own = name + "@" + version
	}
	if i, ok := l.byKey[own]; ok {
		return i
	}
	// An alias ("debug@4.4.3", "/debug/4.4.3") or a package from
	// elsewhere ("file:vendor/x.tgz") names its key itself.
	if i, ok := l.byKey[version]; ok {
		return i
	}
	return -1
}

// seeds lists the dependencies the importers name, resolved to
// instances, with their sections' scopes.
func (l *lockfile) seeds() []depgraph.Seed {
	var out []depgraph.Seed
	dirs := make([]string, 0, len(l.importers))
	for d := range l.importers {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	for _, d := range dirs {
		imp := l.importers[d]
		for _, sec := range []struct {
			deps  map[string]string
			scope string
		}{
			{imp.dependencies, inventory.ScopeRequired},
			{imp.optionalDependencies, inventory.ScopeOptional},
			{imp.devDependencies, inventory.ScopeDev},
		} {
			names := make([]string, 0, len(sec.deps))
			for name := range sec.deps {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				if i := l.resolve(name, sec.deps[name]); i >= 0 {
					out = append(out, depgraph.Seed{To: i, Scope: sec.scope})
				}
			}
		}
	}
	return out
}

// packages turns the instances into packages; dir is the lock file's
// directory in the scanned tree.
func (l *lockfile) packages(dir string) []inventory.Package {
	n := len(l.nodes)
	edges := make([][]depgraph.Edge, n)
	for i, nd := range l.nodes {
		for _, r := range nd.deps {
			if j := l.resolve(r.name, r.version); j >= 0 && j != i {
				edges[i] = append(edges[i], depgraph.Edge{To: j, Optional: r.optional})
			}
		}
	}
	rel := depgraph.Walk(edges, l.seeds())

	purls := make([]string, n)
	for i, nd := range l.nodes {
		purls[i] = extractor.PURL("npm", "", nd.name, nd.version)
	}
	out := make([]inventory.Package, 0, n)
	for i, nd := range l.nodes {
		p := inventory.Package{
			Name:      nd.name,
			Version:   nd.version,
			Ecosystem: inventory.EcosystemNPM,
			PURL:      purls[i],
			Scope:     rel.Scope[i],
			Hashes:    extractor.SRIHash(nd.res.Integrity),
		}
		if p.Relationship = rel.Relationship(i); p.Relationship == "" {
			p.Scope = l.recordedScope(nd)
		}
		for _, t := range edges[i] {
			if purls[t.To] != "" {
				p.Dependencies = append(p.Dependencies, purls[t.To])
			}
		}
		switch r := nd.res; {
		case r.Tarball != "":
			p.Properties = append(p.Properties, inventory.Property{Name: "resolved", Value: r.Tarball})
		case r.Repo != "":
			v := r.Repo
			if r.Commit != "" {
				v += "#" + r.Commit
			}
			p.Properties = append(p.Properties, inventory.Property{Name: "resolved", Value: v})
		case r.Directory != "":
			p.Properties = append(p.Properties, inventory.Property{Name: "resolved", Value: "file:" + r.Directory})
			if d := path.Join(dir, r.Directory); !path.IsAbs(r.Directory) && fs.ValidPath(d) && d != "." {
				p.Directory = d
			}
		}
		out = append(out, p)
	}
	return out
}

// recordedScope is the scope the flags of the lock file give a package no
// importer reaches: "dev" and "optional" in versions 5 and 6 (no "dev"
// there means both dev and runtime use it), "optional" in version 9.
func (l *lockfile) recordedScope(nd node) string {
	switch {
	case l.style == keysV9:
		if nd.optional {
			return inventory.ScopeOptional
		}
		return ""
	case nd.dev != nil && *nd.dev:
		return inventory.ScopeDev
	case nd.optional:
		return inventory.ScopeOptional
	}
	return inventory.ScopeRequired
}
