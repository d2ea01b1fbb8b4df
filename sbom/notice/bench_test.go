package notice

import (
	"fmt"
	"io"
	"testing"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/attribution"
	"github.com/hengdev/heng/scanner/inventory"
)

// BenchmarkWrite writes the notice of 10,000 packages (five licenses, no
// files read: canonical texts) in each format.
func BenchmarkWrite(b *testing.B) {
	ids := []string{"MIT", "Apache-2.0", "ISC", "BSD-3-Clause", "MulanPSL-2.0"}
	doc := &sbom.Document{Root: "big"}
	for i := range 10000 {
		id := ids[i%len(ids)]
		doc.Packages = append(doc.Packages, inventory.Package{
			Name: fmt.Sprintf("p%05d", i), Version: "1.0.0", Ecosystem: "npm", PURL: fmt.Sprintf("pkg:npm/p%05d@1.0.0", i),
			DeclaredLicense: &inventory.DeclaredLicense{Expression: id, Raw: id},
		})
	}
	p := attribution.FromDocument(doc, attribution.Options{})
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			var n int64
			for b.Loop() {
				c := &counter{}
				if err := Write(c, p, format); err != nil {
					b.Fatal(err)
				}
				n = c.n
			}
			b.ReportMetric(float64(n), "bytes/notice")
		})
	}
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*counter)(nil)
