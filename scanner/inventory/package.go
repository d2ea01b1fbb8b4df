package inventory

import (
	"cmp"
	"slices"
	"strings"
)

// Ecosystems of packages, as reported in Package.Ecosystem.
const (
	EcosystemGo       = "golang"
	EcosystemNPM      = "npm"
	EcosystemOHPM     = "ohpm"
	EcosystemPyPI     = "pypi"
	EcosystemMaven    = "maven"
	EcosystemCargo    = "cargo"
	EcosystemComposer = "composer"
	EcosystemGem      = "gem"
	EcosystemNuGet    = "nuget"
	// EcosystemGeneric is code that no manifest explains: a directory with
	// its own license file inside third_party/, vendor/ or external/.
	EcosystemGeneric = "generic"
)

// Relationships of a package to the project that uses it.
const (
	RelationshipRoot       = "root"       // the project itself, as its own manifest describes it
	RelationshipDirect     = "direct"     // a dependency the project names
	RelationshipTransitive = "transitive" // a dependency of a dependency
)

// Scopes of a dependency: when it is needed.
const (
	ScopeRequired = "required" // at run time
	ScopeOptional = "optional" // used when present (npm optionalDependencies, extras)
	ScopeDev      = "dev"      // to build or develop only
	ScopeTest     = "test"     // to test only
)

// Package is one software package a project is or uses.
type Package struct {
	Name string `json:"name"`
	// Version is the resolved version; "" when only a constraint is known
	// (a manifest without its lock file): see the "constraint" property.
	Version   string `json:"version"`
	Ecosystem string `json:"ecosystem"`
	// PURL is the package URL in canonical form; "" for packages without
	// an identity (EcosystemGeneric).
	PURL string `json:"purl"`
	// Relationship is RelationshipRoot, RelationshipDirect,
	// RelationshipTransitive, or "" when the source does not tell.
	Relationship string `json:"relationship"`
	// Scope is one of the Scope constants, or "" when the source does not
	// tell.
	Scope string `json:"scope"`
	// Locations are the files that name the package, each with the
	// extractor that read it, sorted.
	Locations []Location `json:"locations"`
	// Directory is where the package's own files are, relative to the
	// scan root (node_modules/left-pad, vendor/github.com/x/y), or where
	// heng read them outside the tree (a Go module cache: an absolute
	// path); "" when they are not at hand.
	Directory string `json:"directory,omitempty"`
	// DeclaredLicense is what the package's metadata says, normalised;
	// nil when it says nothing.
	DeclaredLicense *DeclaredLicense `json:"declared_license"`
	// DetectedLicenses are the licenses found in the package's own
	// license files, sorted; empty when its files are not at hand or
	// carry none.
	DetectedLicenses []DetectedLicense `json:"detected_licenses"`
	// Dependencies are the purls of the packages this one depends on,
	// sorted.
	Dependencies []string `json:"dependencies"`
	// Hashes of the package's artifact, as its lock file gives them.
	Hashes []Hash `json:"hashes,omitempty"`
	// Properties hold what else the sources say, sorted by name then
	// value: "constraint", "resolved", "go.sum:h1", "registry_type", ...
	Properties []Property `json:"properties,omitempty"`
}

// Location is a file that names a package, and the extractor that read it.
type Location struct {
	Path    string `json:"path"`
	FoundBy string `json:"found_by"`
}

// CompareLocations orders locations by path, then extractor.
func CompareLocations(a, b Location) int {
	return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.FoundBy, b.FoundBy))
}

// DeclaredLicense is a license as a package's metadata declares it.
type DeclaredLicense struct {
	// Expression is the normalised SPDX expression; parts heng cannot
	// map are LicenseRef-heng-unknown-... (see licenses.Normalize).
	Expression string `json:"expression"`
	// Raw is the text as written.
	Raw string `json:"raw"`
}

// DetectedLicense is a license found in a package's files.
type DetectedLicense struct {
	// License is an SPDX id, LicenseRef- or expression.
	License string `json:"license"`
	// Files are where it was found, relative to the scan root (or
	// absolute, outside it), sorted.
	Files []string `json:"files"`
}

// Hash is a digest of a package's artifact, its value in lower-case hex.
type Hash struct {
	Algorithm string `json:"algorithm"` // as CycloneDX names them: "SHA-1", "SHA-256", "SHA-512"
	Value     string `json:"value"`
}

// Property is a name and value.
type Property struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Property returns the value of the first property called name, or "".
func (p *Package) Property(name string) string {
	for _, q := range p.Properties {
		if q.Name == name {
			return q.Value
		}
	}
	return ""
}

// Key identifies a package for de-duplication: its purl, or for packages
// without one their ecosystem, name, version and directory.
func (p *Package) Key() string {
	if p.PURL != "" {
		return p.PURL
	}
	return strings.Join([]string{p.Ecosystem, p.Name, p.Version, p.Directory}, "\x00")
}

// ComparePackages orders packages by purl, then ecosystem, name, version
// and directory.
func ComparePackages(a, b *Package) int {
	return cmp.Or(
		cmp.Compare(a.PURL, b.PURL),
		cmp.Compare(a.Ecosystem, b.Ecosystem),
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Version, b.Version),
		cmp.Compare(a.Directory, b.Directory),
	)
}

// Normalize sorts and de-duplicates the lists of a package (detected
// licenses of the same name become one, with all their files) and makes
// nil lists empty, so that the same package always encodes the same way.
func (p *Package) Normalize() {
	slices.SortFunc(p.Locations, CompareLocations)
	p.Locations = slices.Compact(p.Locations)
	slices.Sort(p.Dependencies)
	p.Dependencies = slices.Compact(p.Dependencies)
	slices.SortFunc(p.Hashes, func(a, b Hash) int {
		return cmp.Or(cmp.Compare(a.Algorithm, b.Algorithm), cmp.Compare(a.Value, b.Value))
	})
	p.Hashes = slices.Compact(p.Hashes)
	slices.SortFunc(p.Properties, func(a, b Property) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Value, b.Value))
	})
	p.Properties = slices.Compact(p.Properties)
	// One entry per license, with the files of every entry that named it.
	slices.SortStableFunc(p.DetectedLicenses, func(a, b DetectedLicense) int { return cmp.Compare(a.License, b.License) })
	var detected []DetectedLicense
	for _, d := range p.DetectedLicenses {
		if n := len(detected); n > 0 && detected[n-1].License == d.License {
			detected[n-1].Files = append(detected[n-1].Files, d.Files...)
			continue
		}
		detected = append(detected, d)
	}
	for i := range detected {
		slices.Sort(detected[i].Files)
		detected[i].Files = slices.Compact(detected[i].Files)
	}
	p.DetectedLicenses = detected
	if p.Locations == nil {
		p.Locations = []Location{}
	}
	if p.Dependencies == nil {
		p.Dependencies = []string{}
	}
	if p.DetectedLicenses == nil {
		p.DetectedLicenses = []DetectedLicense{}
	}
}

// MergePackages de-duplicates packages by Key, merging what each source
// says, and returns them sorted. Of the packages with a name but no
// version (a manifest's constraint), those whose name also has a resolved
// version in the same ecosystem are folded into the resolved ones: the
// lock file says which version the constraint chose.
func MergePackages(pkgs []Package) []Package {
	byKey := map[string]int{}
	var out []Package
	for _, p := range pkgs {
		k := p.Key()
		if i, ok := byKey[k]; ok {
			mergeInto(&out[i], p)
			continue
		}
		byKey[k] = len(out)
		out = append(out, p)
	}
	// Fold unresolved packages (a manifest's entries) into resolved ones
	// of the same name: first all the folding, then the copying, so that
	// what is folded into a package is kept whatever the order.
	resolved := map[string][]int{}
	for i, p := range out {
		if p.Version != "" {
			k := p.Ecosystem + "\x00" + p.Name
			resolved[k] = append(resolved[k], i)
		}
	}
	redirect := map[string][]string{}
	folded := make([]bool, len(out))
	for j, p := range out {
		if p.Version != "" {
			continue
		}
		is := foldTargets(out, resolved[p.Ecosystem+"\x00"+p.Name])
		if len(is) == 0 {
			continue
		}
		folded[j] = true
		for _, i := range is {
			foldConstraint(&out[i], p)
			if p.PURL != "" {
				redirect[p.PURL] = append(redirect[p.PURL], out[i].PURL)
			}
		}
	}
	kept := out[:0:0]
	for j, p := range out {
		if !folded[j] {
			kept = append(kept, p)
		}
	}
	// Dependencies on an unresolved purl point at the resolved ones.
	for i := range kept {
		var deps []string
		for _, d := range kept[i].Dependencies {
			if r, ok := redirect[d]; ok {
				deps = append(deps, r...)
			} else {
				deps = append(deps, d)
			}
		}
		kept[i].Dependencies = deps
		kept[i].Normalize()
	}
	slices.SortFunc(kept, func(a, b Package) int { return ComparePackages(&a, &b) })
	return kept
}

// foldTargets chooses, among the resolved packages of a name (indexes into
// out), those an unresolved entry of the same name stands for: the ones a
// lock file or another manifest already calls direct (or root) when there
// are any, so that a manifest's "ms": "^2.1.3" does not also claim the
// ms@2.0.0 a dependency pulls in deeper; otherwise all of them.
func foldTargets(out []Package, is []int) []int {
	var direct []int
	for _, i := range is {
		if r := out[i].Relationship; r == RelationshipDirect || r == RelationshipRoot {
			direct = append(direct, i)
		}
	}
	if len(direct) > 0 {
		return direct
	}
	return is
}

// mergeInto adds what q says of a package to p, the same package.
func mergeInto(p *Package, q Package) {
	p.Locations = append(p.Locations, q.Locations...)
	p.Dependencies = append(p.Dependencies, q.Dependencies...)
	p.Hashes = append(p.Hashes, q.Hashes...)
	p.Properties = append(p.Properties, q.Properties...)
	p.DetectedLicenses = append(p.DetectedLicenses, q.DetectedLicenses...)
	p.Relationship = strongerRelationship(p.Relationship, q.Relationship)
	p.Scope = widerScope(p.Scope, q.Scope)
	if p.Directory == "" {
		p.Directory = q.Directory
	}
	if p.DeclaredLicense == nil {
		p.DeclaredLicense = q.DeclaredLicense
	}
}

// foldConstraint adds what an unresolved package (a manifest's entry) says
// to the resolved package p of the same name.
func foldConstraint(p *Package, q Package) {
	p.Locations = append(p.Locations, q.Locations...)
	p.Properties = append(p.Properties, q.Properties...)
	p.Relationship = strongerRelationship(p.Relationship, q.Relationship)
	p.Scope = widerScope(p.Scope, q.Scope)
	if p.DeclaredLicense == nil {
		p.DeclaredLicense = q.DeclaredLicense
	}
}

// strongerRelationship: root over direct over transitive over unknown.
// A package that one manifest names and another reaches transitively is
// direct.
func strongerRelationship(a, b string) string {
	rank := map[string]int{RelationshipRoot: 3, RelationshipDirect: 2, RelationshipTransitive: 1}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// widerScope: a package needed at run time anywhere is required; one only
// some sources call dev or test keeps the scope that needs it most.
func widerScope(a, b string) string {
	rank := map[string]int{ScopeRequired: 4, ScopeOptional: 3, ScopeDev: 2, ScopeTest: 1}
	if rank[b] > rank[a] {
		return b
	}
	return a
}
