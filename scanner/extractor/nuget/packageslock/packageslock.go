// Package packageslock extracts the NuGet packages a .NET project locks
// from its packages.lock.json.
//
// NuGet writes packages.lock.json beside a project when the project sets
// RestorePackagesWithLockFile. It is JSON: "version" (1, or 2 with
// Central Package Management's transitive pinning) and "dependencies",
// which maps each target framework ("net8.0",
// ".NETFramework,Version=v4.8", and "net8.0/linux-x64" for a runtime
// identifier) to the packages restored for it, by package id:
//
//	"Newtonsoft.Json": {
//	  "type": "Direct",
//	  "requested": "[13.0.3, )",
//	  "resolved": "13.0.3",
//	  "contentHash": "<base64 SHA-512>",
//	  "dependencies": { "Some.Package": "4.3.0" }
//	}
//
// What the extractor reports:
//
//   - "type" Direct: a direct dependency (a PackageReference of the
//     project). Transitive: a transitive one. CentralTransitive (version
//     2): a transitive dependency whose version Directory.Packages.props
//     pins; transitive, with the property "type" = "CentralTransitive".
//   - "type" Project: another project of the solution that this one
//     references (directly or through other projects). It is first-party
//     code built from the tree, not a package from a feed, so it is a
//     root (Relationship root), like the members of a Cargo workspace,
//     with no version (the lock does not give one; its own project file
//     does), the property "type" = "Project", and its dependencies.
//   - "requested", the version range the project or the central package
//     versions ask for, is the "constraint" property; "resolved" is the
//     version.
//   - "contentHash", the SHA-512 of the .nupkg, is a SHA-512 hash.
//   - Dependencies: the entry's "dependencies", resolved by id (NuGet ids
//     are case-insensitive) to the packages locked for the same target
//     framework. Ids locked for none (packages the framework itself
//     provides) are left out.
//   - A package locked for several target frameworks is one package
//     (per resolved version), with one "target_framework" property per
//     framework, the dependencies of all of them, and the strongest
//     relationship (direct for one framework and transitive for another
//     is direct).
//   - Scope: unknown (""). The lock file does not tell packages used only
//     to build (PrivateAssets="all": analyzers, SourceLink) from the
//     others.
//   - The purl is pkg:nuget/Id@version. The lock names no directory (the
//     packages are in the global packages folder, outside the tree) and
//     no license.
package packageslock

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "nuget/packageslock"

// Extractor reads packages.lock.json files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name, nuget/packageslock.
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts files named packages.lock.json.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "packages.lock.json"
}

// Extract reads one packages.lock.json. It returns the packages it could
// read together with an error when some entries are bad.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	data, err := io.ReadAll(in.Reader)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", in.Path, err)
	}
	pkgs, err := parse(data)
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// lockFile is a packages.lock.json.
type lockFile struct {
	Version      int                             `json:"version"`
	Dependencies map[string]map[string]lockEntry `json:"dependencies"`
}

// lockEntry is one package (or project) of a target framework.
type lockEntry struct {
	Type         string            `json:"type"`
	Requested    string            `json:"requested"`
	Resolved     string            `json:"resolved"`
	ContentHash  string            `json:"contentHash"`
	Dependencies map[string]string `json:"dependencies"`
}

// Types of lock entries.
const (
	typeDirect            = "Direct"
	typeTransitive        = "Transitive"
	typeProject           = "Project"
	typeCentralTransitive = "CentralTransitive"
)

// parse reads a packages.lock.json. Entries with fields of the wrong type
// are read as far as they go (encoding/json's rule) and the error names
// the first; entries without a resolved version are left out, with an
// error, unless they are projects.
func parse(data []byte) ([]inventory.Package, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte order mark
	var lf lockFile
	var errs []error
	if err := json.Unmarshal(data, &lf); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return nil, err
		}
		errs = append(errs, err)
	}

	frameworks := make([]string, 0, len(lf.Dependencies))
	for fw := range lf.Dependencies {
		frameworks = append(frameworks, fw)
	}
	slices.Sort(frameworks)

	var out []inventory.Package
	byPURL := map[string]int{}
	for _, fw := range frameworks {
		entries := lf.Dependencies[fw]
		ids := make([]string, 0, len(entries))
		purls := make(map[string]string, len(entries)) // lower-case id -> purl
		for id, e := range entries {
			ids = append(ids, id)
			if e.Type == typeProject {
				purls[strings.ToLower(id)] = extractor.PURL("nuget", "", id, "")
			} else if e.Resolved != "" {
				purls[strings.ToLower(id)] = extractor.PURL("nuget", "", id, e.Resolved)
			}
		}
		slices.Sort(ids)
		for _, id := range ids {
			e := entries[id]
			purl := purls[strings.ToLower(id)]
			if purl == "" {
				errs = append(errs, fmt.Errorf("%s: %s: no resolved version", fw, id))
				continue
			}
			p := entryPackage(id, e, purl)
			p.Properties = append(p.Properties, inventory.Property{Name: "target_framework", Value: fw})
			for dep := range e.Dependencies {
				if d := purls[strings.ToLower(dep)]; d != "" && d != purl {
					p.Dependencies = append(p.Dependencies, d)
				}
			}
			if i, ok := byPURL[purl]; ok {
				merge(&out[i], p)
				continue
			}
			byPURL[purl] = len(out)
			out = append(out, p)
		}
	}
	return out, errors.Join(errs...)
}

// entryPackage returns the package of one lock entry, without its
// dependencies.
func entryPackage(id string, e lockEntry, purl string) inventory.Package {
	p := inventory.Package{
		Name:      id,
		Ecosystem: inventory.EcosystemNuGet,
		PURL:      purl,
	}
	switch e.Type {
	case typeProject:
		p.Relationship = inventory.RelationshipRoot
		p.Properties = append(p.Properties, inventory.Property{Name: "type", Value: e.Type})
		return p
	case typeDirect:
		p.Relationship = inventory.RelationshipDirect
	case typeTransitive:
		p.Relationship = inventory.RelationshipTransitive
	case typeCentralTransitive:
		p.Relationship = inventory.RelationshipTransitive
		p.Properties = append(p.Properties, inventory.Property{Name: "type", Value: e.Type})
	}
	p.Version = e.Resolved
	if e.Requested != "" {
		p.Properties = append(p.Properties, inventory.Property{Name: "constraint", Value: e.Requested})
	}
	if raw, err := base64.StdEncoding.DecodeString(e.ContentHash); err == nil && len(raw) == 64 {
		p.Hashes = []inventory.Hash{{Algorithm: "SHA-512", Value: hex.EncodeToString(raw)}}
	}
	return p
}

// merge adds what another target framework says of a package to p.
func merge(p *inventory.Package, q inventory.Package) {
	p.Dependencies = append(p.Dependencies, q.Dependencies...)
	for _, prop := range q.Properties {
		if !slices.Contains(p.Properties, prop) {
			p.Properties = append(p.Properties, prop)
		}
	}
	for _, h := range q.Hashes {
		if !slices.Contains(p.Hashes, h) {
			p.Hashes = append(p.Hashes, h)
		}
	}
	if rank[q.Relationship] > rank[p.Relationship] {
		p.Relationship = q.Relationship
	}
}

var rank = map[string]int{
	inventory.RelationshipRoot:       3,
	inventory.RelationshipDirect:     2,
	inventory.RelationshipTransitive: 1,
}
