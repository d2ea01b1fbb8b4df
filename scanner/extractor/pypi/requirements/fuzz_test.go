package requirements

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any requirements file, including one another includes,
// gives packages with names, the pypi ecosystem and purls that parse, and
// never a panic.
func FuzzParse(f *testing.F) {
	err := fs.WalkDir(os.DirFS("testdata"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join("testdata", p))
		if err != nil {
			return err
		}
		f.Add(data, []byte("bar==1\n"))
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("-r inc.txt\n-c inc.txt\nfoo\n"), []byte("-r requirements.txt\nfoo==1 \\\n --hash=md5:"+strings.Repeat("0", 32)+"\n    # via bar\n"))
	f.Fuzz(func(t *testing.T, data, inc []byte) {
		fsys := fstest.MapFS{
			"requirements.txt": {Data: data},
			"inc.txt":          {Data: inc},
		}
		in := &extractor.Input{FS: fsys, Path: "requirements.txt", Reader: strings.NewReader(string(data))}
		pkgs, _ := Extractor{}.Extract(context.Background(), in)
		for _, p := range pkgs {
			if p.Name == "" || p.Ecosystem != inventory.EcosystemPyPI {
				t.Fatalf("bad package %+v from %q", p, data)
			}
			if p.PURL != "" {
				if _, err := packageurl.FromString(p.PURL); err != nil {
					t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
				}
			}
		}
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
