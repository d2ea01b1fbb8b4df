package inventory

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestMergePackages(t *testing.T) {
	loc := func(p, by string) []Location { return []Location{{Path: p, FoundBy: by}} }
	constraint := func(c string) []Property { return []Property{{Name: "constraint", Value: c}} }
	tests := []struct {
		name string
		in   []Package
		want []Package
	}{
		{
			name: "same purl from two sources is one package",
			in: []Package{
				{Name: "ms", Version: "2.1.3", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.1.3", Relationship: RelationshipTransitive, Scope: ScopeDev,
					Locations: loc("package-lock.json", "npm/packagelock"), Hashes: []Hash{{"SHA-512", "ab"}}},
				{Name: "ms", Version: "2.1.3", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.1.3", Scope: ScopeRequired,
					Locations: loc("node_modules/ms/package.json", "npm/installed"), Directory: "node_modules/ms",
					DeclaredLicense: &DeclaredLicense{Expression: "MIT", Raw: "MIT"}},
			},
			want: []Package{
				{Name: "ms", Version: "2.1.3", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.1.3", Relationship: RelationshipTransitive, Scope: ScopeRequired,
					Locations: []Location{{"node_modules/ms/package.json", "npm/installed"}, {"package-lock.json", "npm/packagelock"}},
					Directory: "node_modules/ms", DeclaredLicense: &DeclaredLicense{Expression: "MIT", Raw: "MIT"},
					Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Hashes: []Hash{{"SHA-512", "ab"}}, Properties: []Property{}},
			},
		},
		{
			name: "a constraint folds into the direct resolution, not a deeper one",
			in: []Package{
				{Name: "app", Version: "1.0.0", Ecosystem: EcosystemNPM, PURL: "pkg:npm/app@1.0.0", Relationship: RelationshipRoot,
					Dependencies: []string{"pkg:npm/ms"}, Locations: loc("package.json", "npm/packagejson")},
				{Name: "ms", Version: "2.1.3", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.1.3", Relationship: RelationshipDirect, Scope: ScopeRequired,
					Locations: loc("package-lock.json", "npm/packagelock")},
				{Name: "ms", Version: "2.0.0", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.0.0", Relationship: RelationshipTransitive, Scope: ScopeRequired,
					Locations: loc("package-lock.json", "npm/packagelock")},
				{Name: "ms", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms", Relationship: RelationshipDirect, Scope: ScopeRequired,
					Locations: loc("package.json", "npm/packagejson"), Properties: constraint("^2.1.3")},
			},
			want: []Package{
				{Name: "app", Version: "1.0.0", Ecosystem: EcosystemNPM, PURL: "pkg:npm/app@1.0.0", Relationship: RelationshipRoot,
					Dependencies: []string{"pkg:npm/ms@2.1.3"}, Locations: loc("package.json", "npm/packagejson"),
					DetectedLicenses: []DetectedLicense{}, Properties: []Property{}},
				{Name: "ms", Version: "2.0.0", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.0.0", Relationship: RelationshipTransitive, Scope: ScopeRequired,
					Locations: loc("package-lock.json", "npm/packagelock"), Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Properties: []Property{}},
				{Name: "ms", Version: "2.1.3", Ecosystem: EcosystemNPM, PURL: "pkg:npm/ms@2.1.3", Relationship: RelationshipDirect, Scope: ScopeRequired,
					Locations:    []Location{{"package-lock.json", "npm/packagelock"}, {"package.json", "npm/packagejson"}},
					Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Properties: constraint("^2.1.3")},
			},
		},
		{
			name: "without a direct resolution a constraint folds into every version",
			in: []Package{
				{Name: "x", Version: "1.0.0", Ecosystem: EcosystemPyPI, PURL: "pkg:pypi/x@1.0.0"},
				{Name: "x", Version: "2.0.0", Ecosystem: EcosystemPyPI, PURL: "pkg:pypi/x@2.0.0"},
				{Name: "x", Ecosystem: EcosystemPyPI, PURL: "pkg:pypi/x", Relationship: RelationshipDirect, Scope: ScopeDev, Properties: constraint(">=1")},
			},
			want: []Package{
				{Name: "x", Version: "1.0.0", Ecosystem: EcosystemPyPI, PURL: "pkg:pypi/x@1.0.0", Relationship: RelationshipDirect, Scope: ScopeDev,
					Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Properties: constraint(">=1")},
				{Name: "x", Version: "2.0.0", Ecosystem: EcosystemPyPI, PURL: "pkg:pypi/x@2.0.0", Relationship: RelationshipDirect, Scope: ScopeDev,
					Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Properties: constraint(">=1")},
			},
		},
		{
			name: "an unresolved package nothing resolves stays",
			in: []Package{
				{Name: "y", Ecosystem: EcosystemCargo, PURL: "pkg:cargo/y", Relationship: RelationshipDirect, Properties: constraint("1")},
			},
			want: []Package{
				{Name: "y", Ecosystem: EcosystemCargo, PURL: "pkg:cargo/y", Relationship: RelationshipDirect, Properties: constraint("1"),
					Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}},
			},
		},
		{
			name: "a license detected by two sources is one entry with both files",
			in: []Package{
				{Name: "x", Version: "1", Ecosystem: EcosystemNPM, PURL: "pkg:npm/x@1",
					DetectedLicenses: []DetectedLicense{{License: "MIT", Files: []string{"b/LICENSE"}}, {License: "ISC", Files: []string{"a/LICENSE"}}}},
				{Name: "x", Version: "1", Ecosystem: EcosystemNPM, PURL: "pkg:npm/x@1",
					DetectedLicenses: []DetectedLicense{{License: "MIT", Files: []string{"a/LICENSE", "b/LICENSE"}}}},
			},
			want: []Package{
				{Name: "x", Version: "1", Ecosystem: EcosystemNPM, PURL: "pkg:npm/x@1",
					DetectedLicenses: []DetectedLicense{{License: "ISC", Files: []string{"a/LICENSE"}}, {License: "MIT", Files: []string{"a/LICENSE", "b/LICENSE"}}}},
			},
		},
		{
			name: "packages without purls are kept apart by directory",
			in: []Package{
				{Name: "zlib", Ecosystem: EcosystemGeneric, Directory: "third_party/zlib"},
				{Name: "zlib", Ecosystem: EcosystemGeneric, Directory: "vendor/zlib"},
			},
			want: []Package{
				{Name: "zlib", Ecosystem: EcosystemGeneric, Directory: "third_party/zlib", Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Properties: []Property{}},
				{Name: "zlib", Ecosystem: EcosystemGeneric, Directory: "vendor/zlib", Dependencies: []string{}, DetectedLicenses: []DetectedLicense{}, Properties: []Property{}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The result does not depend on the order of the input.
			for _, in := range [][]Package{tt.in, reversed(tt.in)} {
				got := MergePackages(clonePackages(in))
				if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("MergePackages (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func reversed(ps []Package) []Package {
	out := slices.Clone(ps)
	slices.Reverse(out)
	return out
}

func clonePackages(ps []Package) []Package {
	out := make([]Package, len(ps))
	for i, p := range ps {
		p.Locations = slices.Clone(p.Locations)
		p.Dependencies = slices.Clone(p.Dependencies)
		p.Properties = slices.Clone(p.Properties)
		p.Hashes = slices.Clone(p.Hashes)
		out[i] = p
	}
	return out
}
