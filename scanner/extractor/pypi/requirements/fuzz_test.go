package requirements

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any requirements file, including one another includes,
// gives pypi packages that keep extractortest's invariants (a name, a
// purl and dependencies that parse, a directory inside the tree), and
// never a panic.
func FuzzParse(f *testing.F) {
	for _, name := range extractortest.FindFiles(f, "testdata", func(string) bool { return true }) {
		f.Add(extractortest.ReadFile(f, name), []byte("bar==1\n"))
	}
	f.Add([]byte("-r inc.txt\n-c inc.txt\nfoo\n"), []byte("-r requirements.txt\nfoo==1 \\\n --hash=md5:"+strings.Repeat("0", 32)+"\n    # via bar\n"))
	f.Fuzz(func(t *testing.T, data, inc []byte) {
		fsys := fstest.MapFS{
			"requirements.txt": {Data: data},
			"inc.txt":          {Data: inc},
		}
		in := &extractor.Input{FS: fsys, Path: "requirements.txt", Reader: strings.NewReader(string(data))}
		pkgs, _ := Extractor{}.Extract(context.Background(), in)
		extractortest.Invariants{Ecosystem: inventory.EcosystemPyPI}.Check(t, pkgs)
	})
}

// BenchmarkExtract reads a pip-compile output of 5000 packages with
// hashes and "# via" blocks.
func BenchmarkExtract(b *testing.B) {
	var sb strings.Builder
	const n = 5000
	for i := range n {
		fmt.Fprintf(&sb, "package-%d==1.%d.0 \\\n", i, i)
		fmt.Fprintf(&sb, "    --hash=sha256:%064x \\\n", i)
		fmt.Fprintf(&sb, "    --hash=sha256:%064x\n", i+n)
		if i%10 == 0 {
			sb.WriteString("    # via -r requirements.in\n")
		} else {
			fmt.Fprintf(&sb, "    # via\n    #   package-%d\n    #   package-%d\n", i-i%10, i-1)
		}
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		in := &extractor.Input{Path: "requirements.txt", Reader: strings.NewReader(sb.String())}
		pkgs, err := Extractor{}.Extract(context.Background(), in)
		if err != nil || len(pkgs) != n {
			b.Fatalf("%d packages, %v", len(pkgs), err)
		}
	}
}
