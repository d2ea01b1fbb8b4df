// Package cargolock extracts the crates a Rust workspace locks from its
// Cargo.lock.
//
// Cargo.lock is TOML written by Cargo: an array of [[package]] tables,
// each with name, version, an optional source ("registry+<index url>",
// "sparse+<index url>", "git+<url>?branch=x#<commit>") and a list of
// dependencies. Four versions of the format are read:
//
//   - v1 (Cargo before 1.41): no "version" key; dependencies are written
//     in full as "name version (source)" ("name version" for local
//     crates) and the checksums sit apart, in a [metadata] table, as
//     "checksum name version (source)" = "hex". The [root] table of the
//     oldest lock files is read as one more package.
//   - v2 (Cargo 1.41 to 1.52): no "version" key; a "checksum" per package;
//     a dependency is written "name", or "name version" when several
//     versions of the crate are locked, or "name version (source)" when
//     even that is ambiguous.
//   - v3 and v4 (version = 3 or 4): as v2; v4 only spells git sources
//     differently. A later version is read the same way.
//
// What the extractor reports:
//
//   - A package without a source is local code, built from the tree: a
//     member of the workspace or a path dependency. Cargo.lock cannot tell
//     the two apart, and both are the project's own code, so both are
//     roots (Relationship root).
//   - A package with a source that a local package depends on is direct;
//     every other package with a source is transitive.
//   - Cargo.lock locks dev-dependencies and build-dependencies together
//     with the others and does not say which is which, so Scope is left
//     unknown (""). The Cargo.toml extractor tells the scope of the direct
//     dependencies, and the inventory merges the two.
//   - The source is kept as the "source" property. The checksum, the
//     SHA-256 of the .crate file Cargo downloaded, is a SHA-256 hash.
//     Local and git crates have none.
//   - Dependencies are resolved to the purls of the locked packages the
//     entries name, the way Cargo reads them: by name alone when the name
//     is unique, else by name and version, else by name, version and
//     source. An entry that names no locked package is left out.
//   - The purl is pkg:cargo/name@version, whatever the registry; no
//     directory is reported (Cargo keeps crates outside the tree) and a
//     lock file says nothing of licenses.
//
// [patch.unused] entries (patches that matched nothing) are not packages
// of the build and are ignored. A Cargo.lock inside a crate Cargo copied
// into the tree (vendor/<crate>/, .cargo/registry/...) is not read.
package cargolock

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/cargo/internal/tomlvalue"
	"github.com/hengdev/heng/scanner/extractor/internal/hexdigest"
	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "cargo/cargolock"

// Extractor reads Cargo.lock files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name, cargo/cargolock.
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts files named Cargo.lock, except inside crates Cargo
// copied into the tree (see inCrateCopy).
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "Cargo.lock" && !inCrateCopy(f.Path)
}

// inCrateCopy reports whether a slash path is inside a crate that Cargo
// copied into the tree rather than in the project: below vendor/<crate>/
// (cargo vendor) or in a Cargo home's registry/ or git/ checkouts
// (.cargo/registry/src/..., .cargo/git/checkouts/..., when CARGO_HOME is
// inside the tree, as CI caches put it). A published crate may ship its
// Cargo.lock; it is what its developers locked, not what the project
// builds.
func inCrateCopy(p string) bool {
	parts := strings.Split(p, "/")
	for i, part := range parts[:len(parts)-1] {
		switch {
		case part == "vendor" && len(parts)-1-i > 1:
			return true
		case part == ".cargo" && i+1 < len(parts)-1 && (parts[i+1] == "registry" || parts[i+1] == "git"):
			return true
		}
	}
	return false
}

// Extract reads one Cargo.lock. It returns the packages it could read
// together with an error when some entries are bad.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	data, err := tomlsafe.Read(in.Reader, maxSize)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", in.Path, err)
	}
	pkgs, err := parse(data)
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// maxNesting bounds the nesting of tables, arrays and dotted keys (see
// tomlsafe.CheckNesting): Cargo writes two levels, and the TOML decoder's
// time grows with the square of the depth (5,000 nested inline tables,
// 15 KB, take it half a minute), so deeper input is refused before
// decoding.
const maxNesting = 32

// maxSize bounds what is read of a Cargo.lock: the largest workspaces
// lock a few megabytes.
const maxSize = 64 << 20

// lockPackage is one [[package]] entry, as read.
type lockPackage struct {
	name, version, source, checksum string
	deps                            []string
	purl                            string
}

// parse reads a Cargo.lock. It returns the packages of the good entries
// and an error naming the first bad one, or only an error when the file
// is not TOML.
func parse(data []byte) ([]inventory.Package, error) {
	doc, err := tomlvalue.Decode(data, maxNesting)
	if err != nil {
		return nil, err
	}
	var errs []error
	var tables []map[string]any
	switch v := doc["package"].(type) {
	case nil:
	case []map[string]any:
		tables = v
	default:
		errs = append(errs, fmt.Errorf("package is a %s, not an array of tables", tomlvalue.TypeName(v)))
	}
	if root, ok := doc["root"].(map[string]any); ok {
		tables = append(tables, root)
	}
	sums := metadataChecksums(doc["metadata"])

	lock := make([]lockPackage, 0, len(tables))
	for i, t := range tables {
		p, err := readPackage(t)
		if err != nil {
			errs = append(errs, fmt.Errorf("package %d: %w", i+1, err))
			continue
		}
		if p.checksum == "" {
			p.checksum = sums[p.name+" "+p.version+" ("+p.source+")"]
		}
		p.purl = extractor.PURL("cargo", "", p.name, p.version)
		lock = append(lock, p)
	}

	byName := make(map[string][]int, len(lock))
	for i, p := range lock {
		byName[p.name] = append(byName[p.name], i)
	}
	resolved := make([][]string, len(lock))
	direct := map[int]bool{}
	for i, p := range lock {
		for _, d := range p.deps {
			j, ok := resolve(lock, byName, d)
			if !ok {
				continue
			}
			resolved[i] = append(resolved[i], lock[j].purl)
			if p.source == "" && lock[j].source != "" {
				direct[j] = true
			}
		}
	}

	out := make([]inventory.Package, 0, len(lock))
	for i, p := range lock {
		pkg := inventory.Package{
			Name:         p.name,
			Version:      p.version,
			Ecosystem:    inventory.EcosystemCargo,
			PURL:         p.purl,
			Dependencies: resolved[i],
		}
		switch {
		case p.source == "":
			pkg.Relationship = inventory.RelationshipRoot
		case direct[i]:
			pkg.Relationship = inventory.RelationshipDirect
		default:
			pkg.Relationship = inventory.RelationshipTransitive
		}
		if p.source != "" {
			pkg.Properties = []inventory.Property{{Name: "source", Value: p.source}}
		}
		if h, ok := hexdigest.Hash("SHA-256", p.checksum); ok {
			pkg.Hashes = []inventory.Hash{h}
		}
		out = append(out, pkg)
	}
	return out, errors.Join(errs...)
}

// readPackage reads one [[package]] table.
func readPackage(t map[string]any) (lockPackage, error) {
	var p lockPackage
	var err error
	if p.name, err = tomlvalue.String(t["name"], "name"); err != nil {
		return p, err
	}
	if p.version, err = tomlvalue.String(t["version"], "version"); err != nil {
		return p, err
	}
	if p.name == "" || p.version == "" {
		return p, errors.New("no name or version")
	}
	if p.source, err = tomlvalue.String(t["source"], "source"); err != nil {
		return p, err
	}
	if p.checksum, err = tomlvalue.String(t["checksum"], "checksum"); err != nil {
		return p, err
	}
	switch ds := t["dependencies"].(type) {
	case nil:
	case []any:
		p.deps = make([]string, 0, len(ds))
		for _, d := range ds {
			s, ok := d.(string)
			if !ok {
				return p, fmt.Errorf("%s %s: dependency is a %s, not a string", p.name, p.version, tomlvalue.TypeName(d))
			}
			p.deps = append(p.deps, s)
		}
	default:
		return p, fmt.Errorf("%s %s: dependencies is a %s, not an array", p.name, p.version, tomlvalue.TypeName(ds))
	}
	return p, nil
}

// metadataChecksums reads the v1 [metadata] table: "checksum name version
// (source)" keys with hex values, by "name version (source)". Other keys
// and values that are not strings are ignored.
func metadataChecksums(v any) map[string]string {
	meta, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	sums := make(map[string]string, len(meta))
	for k, v := range meta {
		id, ok := strings.CutPrefix(k, "checksum ")
		s, isString := v.(string)
		if ok && isString {
			sums[id] = s
		}
	}
	return sums
}

// resolve finds the locked package a dependency entry names: "name",
// "name version" or "name version (source)".
func resolve(lock []lockPackage, byName map[string][]int, entry string) (int, bool) {
	name, rest, _ := strings.Cut(entry, " ")
	version, source, hasSource := strings.Cut(rest, " ")
	if hasSource {
		source = strings.TrimSuffix(strings.TrimPrefix(source, "("), ")")
	}
	cands := byName[name]
	if rest == "" {
		// Cargo writes the bare name only when it is unique; take the
		// first all the same.
		if len(cands) > 0 {
			return cands[0], true
		}
		return 0, false
	}
	found, ok := 0, false
	for _, i := range cands {
		if lock[i].version != version {
			continue
		}
		if hasSource && lock[i].source != source {
			continue
		}
		if !ok {
			found, ok = i, true
		}
	}
	return found, ok
}
