// Package sbomtest holds what the tests of heng's output formats share: a
// sample document that exercises every field, and golden-file comparison.
package sbomtest

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Golden compares got with testdata/golden/<test name>.golden, or writes
// that file when the tests run with -update.
func Golden(t *testing.T, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", strings.ReplaceAll(t.Name(), "/", "_")+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (create it with go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s\nif intended, rerun with -update", p, diff)
	}
}

// Document returns a small document with every kind of file, finding and
// problem a scan can report.
func Document() *sbom.Document {
	return &sbom.Document{
		Tool: sbom.Tool{Name: "heng", Version: "v1.2.3"},
		Root: "project",
		Files: []inventory.File{
			{Path: "LICENSE", Language: "Text", Size: 1077, Tags: []string{"documentation", "license"}, Licenses: []inventory.License{
				{ID: "MIT", Kind: "text", MatchPercent: 98.8, StartLine: 3, EndLine: 18},
			}, Copyrights: []inventory.Copyright{
				{Statement: "Copyright (c) 2024 Example Co.", Holders: []string{"Example Co."}, Years: "2024", StartLine: 3, EndLine: 3},
			}},
			{Path: "assets/logo.png", Size: 2048, Tags: []string{"binary"}, Licenses: []inventory.License{}},
			{Path: "big.csv", Language: "CSV", Size: 40 << 20, Tags: []string{}, Licenses: []inventory.License{}, Skipped: "too-large"},
			{Path: "cmd/main.go", Language: "Go", Size: 420, Tags: []string{}, Licenses: []inventory.License{
				{Expression: "MIT OR Apache-2.0", Kind: "tag", MatchPercent: 100, StartLine: 1, EndLine: 1, Raw: "MIT OR Apache-2.0"},
			}},
			{Path: "cmd/old.go", Language: "Go", Size: 300, Tags: []string{}, Licenses: []inventory.License{
				{Kind: "tag", MatchPercent: 100, StartLine: 2, EndLine: 2, Raw: "GPL-2.0 with bananas", Error: "invalid SPDX expression: unknown license 'bananas' at offset 13"},
			}},
			{Path: "docs/usage.md", Language: "Markdown", Size: 210, Tags: []string{"documentation"}, Licenses: []inventory.License{
				{ID: "MIT", Kind: "url", MatchPercent: 100, StartLine: 7, EndLine: 7},
			}},
			{Path: "pkg/x.go", Language: "Go", Size: 900, Tags: []string{}, Licenses: []inventory.License{
				{ID: "Apache-2.0", Kind: "notice", MatchPercent: 100, StartLine: 1, EndLine: 13},
			}, Copyrights: []inventory.Copyright{
				{Statement: "Copyright 2024 Example Co.", Holders: []string{"Example Co."}, Years: "2024", StartLine: 1, EndLine: 1},
				{Statement: "Portions copyright 2019 Jane Doe <jane@example.com>", Holders: []string{"Jane Doe"}, Years: "2019", StartLine: 2, EndLine: 2},
			}},
			{Path: "secret.txt", Language: "Text", Size: 12, Tags: []string{}, Licenses: []inventory.License{}, Skipped: "error"},
			{Path: "vendor/x/LICENSE", Language: "Text", Size: 1500, Tags: []string{"documentation", "license", "vendored"}, Licenses: []inventory.License{
				{ID: "BSD-3-Clause", Kind: "text", MatchPercent: 100, StartLine: 1, EndLine: 24},
			}},
		},
		Issues: []inventory.Issue{
			{Path: "package-lock.json", Message: "unexpected end of JSON input", Extractor: "npm/packagelock"},
			{Path: "secret.txt", Message: "cannot read: permission denied"},
			{Path: "src/latin1.c", Message: "not valid UTF-8; scanned as raw bytes"},
		},
		Packages: Packages(),
	}
}

// Packages returns packages of every kind a scan can report, sorted as a
// scan sorts them.
func Packages() []inventory.Package {
	pkgs := []inventory.Package{
		{
			Name: "example.com/project", Ecosystem: "golang", PURL: "pkg:golang/example.com/project",
			Relationship: "root",
			Locations:    []inventory.Location{{Path: "go.mod", FoundBy: "golang/gomod"}},
			Dependencies: []string{"pkg:golang/github.com/spf13/cobra@v1.8.1"},
		},
		{
			Name: "github.com/spf13/cobra", Version: "v1.8.1", Ecosystem: "golang", PURL: "pkg:golang/github.com/spf13/cobra@v1.8.1",
			Relationship: "direct", Scope: "required",
			Locations:        []inventory.Location{{Path: "go.mod", FoundBy: "golang/gomod"}, {Path: "vendor/modules.txt", FoundBy: "golang/vendormodules"}},
			Directory:        "vendor/github.com/spf13/cobra",
			DeclaredLicense:  nil,
			DetectedLicenses: []inventory.DetectedLicense{{License: "Apache-2.0", Files: []string{"vendor/github.com/spf13/cobra/LICENSE.txt"}}},
			Properties:       []inventory.Property{{Name: "h1", Value: "h1:e5/vxKd/rZsfSJMUX1agtjeTDf+qv1/JdBF8gg5k9ZM="}},
		},
		{
			Name: "left-pad", Version: "1.3.0", Ecosystem: "npm", PURL: "pkg:npm/left-pad@1.3.0",
			Relationship: "transitive", Scope: "dev",
			Locations:        []inventory.Location{{Path: "web/package-lock.json", FoundBy: "npm/packagelock"}},
			Directory:        "web/node_modules/left-pad",
			DeclaredLicense:  &inventory.DeclaredLicense{Expression: "WTFPL", Raw: "WTFPL"},
			DetectedLicenses: []inventory.DetectedLicense{{License: "MIT", Files: []string{"web/node_modules/left-pad/LICENSE"}}},
			Hashes:           []inventory.Hash{{Algorithm: "SHA-512", Value: "9b3b2a5a06fd8ae64e8ecb4d0b4f8b2e9f7b0a3c3b0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c"}},
			Properties:       []inventory.Property{{Name: "resolved", Value: "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"}},
		},
		{
			Name: "@ohos/axios", Version: "2.2.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios@2.2.0",
			Relationship: "direct", Scope: "required",
			Locations:       []inventory.Location{{Path: "app/oh-package-lock.json5", FoundBy: "ohpm/lock"}},
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "Apache License 2.0"},
			Properties:      []inventory.Property{{Name: "registry_type", Value: "ohpm"}},
		},
		{
			Name: "zlib", Ecosystem: "generic",
			Locations:        []inventory.Location{{Path: "third_party/zlib/LICENSE", FoundBy: "generic/license-dir"}},
			Directory:        "third_party/zlib",
			DetectedLicenses: []inventory.DetectedLicense{{License: "Zlib", Files: []string{"third_party/zlib/LICENSE"}}},
		},
	}
	for i := range pkgs {
		pkgs[i].Normalize()
	}
	slices.SortFunc(pkgs, func(a, b inventory.Package) int { return inventory.ComparePackages(&a, &b) })
	return pkgs
}
