package scanner

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/jsonreport"
	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/list"
)

// BenchmarkScan scans a whole tree and encodes the JSON report, as `heng
// scan -f json` does: testdata/example by default, or the tree named by
// HENG_BENCH_TREE (scripts/bench.sh builds large ones under .bench/). The
// detector is shared between iterations, as its compiled scanners would be
// warm after the first files of a real scan; BenchmarkScanCold pays the
// start-up too.
//
// Its two sub-benchmarks tell what package extraction costs: "packages"
// runs every extractor (as heng scan does by default), "no-packages" none
// (--no-packages).
func BenchmarkScan(b *testing.B) {
	root := benchTree(b)
	d := licenses.NewDetector()
	warm := func() *licenses.Detector { return d }
	b.Run("packages", func(b *testing.B) { benchScan(b, root, warm, list.All()) })
	b.Run("no-packages", func(b *testing.B) { benchScan(b, root, warm, nil) })
}

// BenchmarkScanCold includes the detector's start-up in every iteration.
func BenchmarkScanCold(b *testing.B) {
	benchScan(b, benchTree(b), licenses.NewDetector, list.All())
}

func benchTree(b *testing.B) string {
	if root := os.Getenv("HENG_BENCH_TREE"); root != "" {
		return root
	}
	return filepath.Join("..", "testdata", "example")
}

func benchScan(b *testing.B, root string, detector func() *licenses.Detector, exs []extractor.Extractor) {
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		r, err := Run(context.Background(), Config{Root: root, NoIgnore: true, Detector: detector(), Extractors: exs})
		if err != nil {
			b.Fatal(err)
		}
		doc := &sbom.Document{Root: root, Files: r.Files, Issues: r.Issues, Packages: r.Packages}
		if err := (jsonreport.Format{}).Encode(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range r.Files {
			size += f.Size
		}
		b.ReportMetric(float64(len(r.Files)), "files/op")
		b.ReportMetric(float64(len(r.Packages)), "packages/op")
	}
	b.SetBytes(size)
}
