package packagelock

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// syntheticLock writes a lockfileVersion 3 file of n packages: four in
// five at the top of node_modules, the others nested below one of those,
// each needing three others, as npm writes them.
func syntheticLock(n int) []byte {
	var b bytes.Buffer
	top := n * 4 / 5
	b.WriteString("{\n  \"name\": \"big\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n")
	b.WriteString("    \"\": {\n      \"name\": \"big\",\n      \"version\": \"1.0.0\",\n      \"dependencies\": {\n")
	for i := range 50 {
		sep := ","
		if i == 49 {
			sep = ""
		}
		fmt.Fprintf(&b, "        \"pkg-%d\": \"^1.0.0\"%s\n", i*7, sep)
	}
	b.WriteString("      }\n    }")
	integrity := "sha512-" + strings.Repeat("AbCd", 21) + "Aw=="
	entry := func(key, name, version string, deps []int) {
		fmt.Fprintf(&b, ",\n    %q: {\n      \"version\": %q,\n      \"resolved\": \"https://registry.npmjs.org/%s/-/%s-%s.tgz\",\n      \"integrity\": %q,\n      \"license\": \"MIT\"", key, version, name, name, version, integrity)
		if len(deps) > 0 {
			b.WriteString(",\n      \"dependencies\": {\n")
			for i, d := range deps {
				sep := ","
				if i == len(deps)-1 {
					sep = ""
				}
				fmt.Fprintf(&b, "        \"pkg-%d\": \"^1.0.0\"%s\n", d, sep)
			}
			b.WriteString("      }")
		}
		b.WriteString("\n    }")
	}
	for i := range top {
		entry(fmt.Sprintf("node_modules/pkg-%d", i), fmt.Sprintf("pkg-%d", i), "1.0.0", []int{(i*31 + 1) % top, (i*17 + 2) % top, (i*13 + 3) % top})
	}
	for i := top; i < n; i++ {
		parent := (i * 7) % top
		name := fmt.Sprintf("pkg-%d", (i*11)%top)
		entry(fmt.Sprintf("node_modules/pkg-%d/node_modules/%s", parent, name), name, "2.0.0", []int{(i * 3) % top})
	}
	b.WriteString("\n  }\n}\n")
	return b.Bytes()
}

func BenchmarkExtract(b *testing.B) {
	data := syntheticLock(5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		lock, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if pkgs := lock.packages("."); len(pkgs) < 4000 {
			b.Fatalf("%d packages", len(pkgs))
		}
	}
}
