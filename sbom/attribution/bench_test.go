package attribution

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

// largeDocument is a scan of n installed npm packages as a scan reports
// them: each with a package.json, an index.js with a copyright line and,
// for nine in ten, a LICENSE file (MIT with its own holder; every
// fifteenth Apache-2.0), which is written under dir when dir is not "".
func largeDocument(tb testing.TB, n int, dir string) *sbom.Document {
	tb.Helper()
	mit := mitText("HOLDER")
	doc := &sbom.Document{Root: "big", Name: "big"}
	for i := range n {
		name := fmt.Sprintf("p%05d", i)
		d := "node_modules/" + name
		holder := "Author " + name
		license := "MIT"
		if i%15 == 0 {
			license = "Apache-2.0"
		}
		p := inventory.Package{
			Name: name, Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/" + name + "@1.0.0",
			Relationship: "transitive", Directory: d,
			DeclaredLicense: &inventory.DeclaredLicense{Expression: license, Raw: license},
		}
		doc.Files = append(doc.Files,
			inventory.File{Path: d + "/index.js", Copyrights: []inventory.Copyright{{Statement: "Copyright 2020 " + holder, StartLine: 1, EndLine: 1}}},
			inventory.File{Path: d + "/package.json"},
		)
		if i%10 != 0 {
			lf := d + "/LICENSE"
			doc.Files = append(doc.Files, inventory.File{Path: lf, Tags: []string{"license"},
				Licenses:   []inventory.License{{ID: license, Kind: "text", StartLine: 1, EndLine: 20}},
				Copyrights: []inventory.Copyright{{Statement: "Copyright (c) 2020 " + holder, StartLine: 3, EndLine: 3}}})
			p.DetectedLicenses = []inventory.DetectedLicense{{License: license, Files: []string{lf}}}
			if dir != "" {
				text := strings.Replace(mit, "HOLDER", holder, 1)
				if license == "Apache-2.0" {
					text = "Copyright (c) 2020 " + holder + "\n\n" + apacheText
				}
				full := filepath.Join(dir, filepath.FromSlash(lf))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					tb.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
					tb.Fatal(err)
				}
			}
		}
		doc.Packages = append(doc.Packages, p)
	}
	inventory.SortFiles(doc.Files)
	slices.SortFunc(doc.Packages, func(a, b inventory.Package) int { return inventory.ComparePackages(&a, &b) })
	return doc
}

const apacheText = "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n\nTERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n"

// BenchmarkFromDocument builds the Project of 10,000 packages: without
// reading files (canonical texts only), and reading 9,000 license files.
func BenchmarkFromDocument(b *testing.B) {
	const n = 10000
	b.Run("canonical", func(b *testing.B) {
		doc := largeDocument(b, n, "")
		b.ReportAllocs()
		for b.Loop() {
			FromDocument(doc, Options{})
		}
	})
	b.Run("files", func(b *testing.B) {
		dir := b.TempDir()
		doc := largeDocument(b, n, dir)
		b.ReportAllocs()
		for b.Loop() {
			p := FromDocument(doc, Options{Root: dir})
			if len(p.Texts) != 4 {
				b.Fatalf("%d texts, want 4 (own and canonical MIT and Apache-2.0)", len(p.Texts))
			}
		}
	})
}
