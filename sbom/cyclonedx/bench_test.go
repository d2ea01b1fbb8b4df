package cyclonedx

import (
	"fmt"
	"io"
	"testing"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

// BenchmarkEncode writes the SBOM of a large npm project: 2,000 installed
// packages of 20 files each, every package with a license file and a
// copyright statement. Building the evidence must stay linear in files
// plus packages (it once scanned every file for every package).
func BenchmarkEncode(b *testing.B) {
	doc := &sbom.Document{Tool: sbom.Tool{Name: "heng", Version: "bench"}, Root: "app"}
	for i := range 2000 {
		dir := fmt.Sprintf("node_modules/pkg%04d", i)
		purl := fmt.Sprintf("pkg:npm/pkg%04d@1.0.%d", i, i)
		doc.Packages = append(doc.Packages, inventory.Package{
			Name: fmt.Sprintf("pkg%04d", i), Version: fmt.Sprintf("1.0.%d", i), Ecosystem: "npm", PURL: purl,
			Relationship: "transitive", Scope: "required", Directory: dir,
			DeclaredLicense:  &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"},
			DetectedLicenses: []inventory.DetectedLicense{{License: "MIT", Files: []string{dir + "/LICENSE"}}},
			Hashes:           []inventory.Hash{{Algorithm: "SHA-512", Value: fmt.Sprintf("%0128x", i)}},
		})
		doc.Files = append(doc.Files, inventory.File{Path: dir + "/LICENSE", Licenses: []inventory.License{{ID: "MIT", Kind: "text", StartLine: 1}},
			Copyrights: []inventory.Copyright{{Statement: fmt.Sprintf("Copyright (c) %d Author %d", 2000+i%25, i)}}})
		for j := range 19 {
			doc.Files = append(doc.Files, inventory.File{Path: fmt.Sprintf("%s/lib/f%02d.js", dir, j)})
		}
	}
	inventory.SortFiles(doc.Files)
	b.ReportAllocs()
	for b.Loop() {
		if err := (Format{}).Encode(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
