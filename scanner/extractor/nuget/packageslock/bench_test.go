package packageslock

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticLock writes a packages.lock.json of n packages for each of two
// target frameworks, each depending on the two before it.
func syntheticLock(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n  \"version\": 1,\n  \"dependencies\": {")
	for f, fw := range []string{".NETFramework,Version=v4.8", "net8.0"} {
		if f > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    %q: {", fw)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			typ := "Transitive"
			if i < 10 {
				typ = "Direct"
			}
			fmt.Fprintf(&b, "\n      \"Vendor.Package%d\": {\n        \"type\": %q,\n        \"resolved\": \"1.%d.0\",\n        \"contentHash\": \"%s\"", i, typ, i%7, strings.Repeat("A", 86)+"==")
			if i >= 2 {
				fmt.Fprintf(&b, ",\n        \"dependencies\": {\n          \"Vendor.Package%d\": \"1.0.0\",\n          \"Vendor.Package%d\": \"1.0.0\"\n        }", i-1, i-2)
			}
			b.WriteString("\n      }")
		}
		b.WriteString("\n    }")
	}
	b.WriteString("\n  }\n}")
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	data := syntheticLock(5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		pkgs, err := parse(data)
		if err != nil || len(pkgs) != 5000 {
			b.Fatalf("parse: %d packages, %v", len(pkgs), err)
		}
	}
}
