package packageslock

import (
	"crypto/sha512"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"packages.lock.json":         true,
		"src/Api/packages.lock.json": true,
		"packages.lock.json.bak":     false,
		"mypackages.lock.json":       false,
		"packages.config":            false,
		"package-lock.json":          false,
		"Packages.lock.json":         false,
		"packages.lock.json/x":       false,
	})
}

const (
	netfx = ".NETFramework,Version=v4.8"
	net8  = "net8.0"
)

// pkg is a locked package; the fixtures' content hashes are the SHA-512
// of "id/version". props are name, value pairs.
func pkg(id, version, rel string, deps []string, props ...string) inventory.Package {
	sum := sha512.Sum512([]byte(id + "/" + version))
	p := inventory.Package{
		Name: id, Version: version, Ecosystem: "nuget",
		PURL:         "pkg:nuget/" + id + "@" + version,
		Relationship: rel,
		Dependencies: deps,
		Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: hex.EncodeToString(sum[:])}},
	}
	for i := 0; i+1 < len(props); i += 2 {
		p.Properties = append(p.Properties, inventory.Property{Name: props[i], Value: props[i+1]})
	}
	return p
}

func TestExtract(t *testing.T) {
	const direct, trans = inventory.RelationshipDirect, inventory.RelationshipTransitive
	deps := func(purls ...string) []string { return purls }
	for _, tc := range []struct {
		file string
		want []inventory.Package
	}{
		{
			// Version 1, two target frameworks: packages locked for both
			// are merged, with both frameworks and the dependencies of
			// both.
			file: "multi/packages.lock.json",
			want: []inventory.Package{
				pkg("Microsoft.Bcl.AsyncInterfaces", "8.0.0", trans, deps("pkg:nuget/System.Threading.Tasks.Extensions@4.5.4"), "target_framework", netfx),
				pkg("Newtonsoft.Json", "13.0.3", direct, nil, "constraint", "[13.0.3, )", "target_framework", netfx, "target_framework", net8),
				pkg("Polly.Core", "8.2.0", trans, deps(
					"pkg:nuget/Microsoft.Bcl.AsyncInterfaces@8.0.0", "pkg:nuget/System.ComponentModel.Annotations@4.5.0",
					"pkg:nuget/System.Threading.Tasks.Extensions@4.5.4", "pkg:nuget/System.ValueTuple@4.5.0",
				), "target_framework", netfx, "target_framework", net8),
				pkg("Polly", "8.2.0", direct, deps("pkg:nuget/Polly.Core@8.2.0"), "constraint", "[8.2.0, )", "target_framework", netfx, "target_framework", net8),
				pkg("Serilog.Sinks.Console", "5.0.1", direct, deps("pkg:nuget/Serilog@3.1.1"), "constraint", "[5.0.1, )", "target_framework", netfx, "target_framework", net8),
				pkg("Serilog", "3.1.1", direct, deps("pkg:nuget/System.Diagnostics.DiagnosticSource@7.0.2", "pkg:nuget/System.Threading.Channels@7.0.0"),
					"constraint", "[3.1.1, )", "target_framework", netfx, "target_framework", net8),
				pkg("System.Buffers", "4.5.1", trans, nil, "target_framework", netfx),
				pkg("System.ComponentModel.Annotations", "4.5.0", trans, nil, "target_framework", netfx),
				pkg("System.Diagnostics.DiagnosticSource", "7.0.2", trans, deps("pkg:nuget/System.Memory@4.5.5", "pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0"),
					"target_framework", netfx),
				pkg("System.Memory", "4.5.5", trans, deps(
					"pkg:nuget/System.Buffers@4.5.1", "pkg:nuget/System.Numerics.Vectors@4.5.0", "pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0",
				), "target_framework", netfx),
				pkg("System.Numerics.Vectors", "4.5.0", trans, nil, "target_framework", netfx),
				pkg("System.Runtime.CompilerServices.Unsafe", "6.0.0", trans, nil, "target_framework", netfx),
				pkg("System.Text.Encodings.Web", "8.0.0", trans, deps(
					"pkg:nuget/System.Buffers@4.5.1", "pkg:nuget/System.Memory@4.5.5", "pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0",
				), "target_framework", netfx, "target_framework", net8),
				pkg("System.Text.Json", "8.0.0", direct, deps(
					"pkg:nuget/Microsoft.Bcl.AsyncInterfaces@8.0.0", "pkg:nuget/System.Buffers@4.5.1", "pkg:nuget/System.Memory@4.5.5",
					"pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0", "pkg:nuget/System.Text.Encodings.Web@8.0.0",
					"pkg:nuget/System.Threading.Tasks.Extensions@4.5.4", "pkg:nuget/System.ValueTuple@4.5.0",
				), "constraint", "[8.0.0, )", "target_framework", netfx, "target_framework", net8),
				pkg("System.Threading.Channels", "7.0.0", trans, deps("pkg:nuget/System.Threading.Tasks.Extensions@4.5.4"), "target_framework", netfx),
				pkg("System.Threading.Tasks.Extensions", "4.5.4", trans, deps("pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0"), "target_framework", netfx),
				pkg("System.ValueTuple", "4.5.0", trans, nil, "target_framework", netfx),
			},
		},
		{
			// Version 2 with Central Package Management: a pinned
			// transitive package and a project reference.
			file: "cpm/packages.lock.json",
			want: []inventory.Package{
				pkg("Microsoft.Extensions.DependencyInjection.Abstractions", "8.0.0", trans, nil, "target_framework", net8),
				pkg("Microsoft.Extensions.DependencyInjection", "8.0.0", trans, deps("pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0"), "target_framework", net8),
				pkg("Microsoft.Extensions.Logging.Abstractions", "8.0.0", trans, deps("pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0"), "target_framework", net8),
				pkg("Microsoft.Extensions.Logging", "8.0.0", direct, deps(
					"pkg:nuget/Microsoft.Extensions.DependencyInjection@8.0.0", "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0",
					"pkg:nuget/Microsoft.Extensions.Options@8.0.0",
				), "constraint", "[8.0.0, )", "target_framework", net8),
				pkg("Microsoft.Extensions.Options", "8.0.0", trans, deps(
					"pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0", "pkg:nuget/Microsoft.Extensions.Primitives@8.0.0",
				), "target_framework", net8),
				pkg("Microsoft.Extensions.Primitives", "8.0.0", trans, nil, "target_framework", net8),
				pkg("System.Text.Json", "8.0.4", trans, nil, "constraint", "[8.0.4, )", "target_framework", net8, "type", "CentralTransitive"),
				{Name: "contoso.domain", Ecosystem: "nuget", PURL: "pkg:nuget/contoso.domain", Relationship: inventory.RelationshipRoot,
					Dependencies: deps("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0", "pkg:nuget/System.Text.Json@8.0.4"),
					Properties:   []inventory.Property{{Name: "target_framework", Value: net8}, {Name: "type", Value: "Project"}}},
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package
	}{
		{name: "no_dependencies", content: `{"version": 1, "dependencies": {}}`},
		{
			// A byte order mark; ids in dependencies cased unlike the
			// entries; a runtime-specific target with a different
			// version of a package; a content hash that is not SHA-512;
			// a type NuGet may add later.
			name: "bom_case_runtime",
			content: "\ufeff" + `{
  "version": 1,
  "dependencies": {
    "net8.0": {
      "A": {"type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0", "contentHash": "AAAA", "dependencies": {"b": "2.0.0"}},
      "B": {"type": "Transitive", "resolved": "2.0.0"}
    },
    "net8.0/linux-x64": {
      "A": {"type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0", "dependencies": {"B": "2.0.0"}},
      "B": {"type": "Transitive", "resolved": "2.1.0"},
      "C": {"type": "Future", "resolved": "3.0.0"}
    }
  }
}`,
			want: []inventory.Package{
				{Name: "A", Version: "1.0.0", Ecosystem: "nuget", PURL: "pkg:nuget/A@1.0.0", Relationship: inventory.RelationshipDirect,
					Dependencies: []string{"pkg:nuget/B@2.0.0", "pkg:nuget/B@2.1.0"},
					Properties: []inventory.Property{
						{Name: "constraint", Value: "[1.0.0, )"},
						{Name: "target_framework", Value: "net8.0"},
						{Name: "target_framework", Value: "net8.0/linux-x64"},
					}},
				{Name: "B", Version: "2.0.0", Ecosystem: "nuget", PURL: "pkg:nuget/B@2.0.0", Relationship: inventory.RelationshipTransitive,
					Properties: []inventory.Property{{Name: "target_framework", Value: "net8.0"}}},
				{Name: "B", Version: "2.1.0", Ecosystem: "nuget", PURL: "pkg:nuget/B@2.1.0", Relationship: inventory.RelationshipTransitive,
					Properties: []inventory.Property{{Name: "target_framework", Value: "net8.0/linux-x64"}}},
				{Name: "C", Version: "3.0.0", Ecosystem: "nuget", PURL: "pkg:nuget/C@3.0.0",
					Properties: []inventory.Property{{Name: "target_framework", Value: "net8.0/linux-x64"}}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "packages.lock.json", []byte(tc.content), nil, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	good := inventory.Package{Name: "Good", Version: "1.0.0", Ecosystem: "nuget", PURL: "pkg:nuget/Good@1.0.0", Relationship: inventory.RelationshipTransitive,
		Properties: []inventory.Property{{Name: "target_framework", Value: "net8.0"}}}
	const goodJSON = `"Good": {"type": "Transitive", "resolved": "1.0.0"}`
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package // partial results
	}{
		{name: "empty", content: ""},
		{name: "truncated", content: `{"version": 1, "dependencies": {"net8.0": {` + goodJSON + `, "Cut": {"type": "Dir`},
		{name: "not_object", content: `[1, 2]`},
		{name: "deep", content: strings.Repeat("[", 100000) + strings.Repeat("]", 100000)},
		{name: "wrong_types", content: `{"version": "1", "dependencies": {"net8.0": {` + goodJSON + `,
			"NoVersion": {"type": "Transitive"},
			"BadVersion": {"type": "Transitive", "resolved": 1},
			"BadDeps": {"type": "Transitive", "resolved": "1.0.0", "dependencies": ["Good"]}
		}, "net9.0": []}}`,
			want: []inventory.Package{
				{Name: "BadDeps", Version: "1.0.0", Ecosystem: "nuget", PURL: "pkg:nuget/BadDeps@1.0.0", Relationship: inventory.RelationshipTransitive,
					Properties: []inventory.Property{{Name: "target_framework", Value: "net8.0"}}},
				good,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "packages.lock.json", []byte(tc.content), nil)
			extractortest.WantParseError(t, err, "packages.lock.json")
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%s) partial results diff (-want +got):\n%s", tc.name, d)
			}
		})
	}
}
