package gemfilelock

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// syntheticLock writes a Gemfile.lock of n gems from rubygems.org, each
// depending on the two before it, the first ten named in DEPENDENCIES,
// with checksums.
func syntheticLock(n int) []byte {
	var b strings.Builder
	b.WriteString("GEM\n  remote: https://rubygems.org/\n  specs:\n")
	for i := range n {
		fmt.Fprintf(&b, "    gem%d (1.%d.0)\n", i, i%7)
		for _, d := range []int{i - 1, i - 2} {
			if d >= 0 {
				fmt.Fprintf(&b, "      gem%d (~> 1.0)\n", d)
			}
		}
	}
	b.WriteString("\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n")
	for i := range min(n, 10) {
		fmt.Fprintf(&b, "  gem%d\n", i)
	}
	b.WriteString("\nCHECKSUMS\n")
	for i := range n {
		fmt.Fprintf(&b, "  gem%d (1.%d.0) sha256=%064x\n", i, i%7, i)
	}
	b.WriteString("\nBUNDLED WITH\n   2.6.2\n")
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	data := syntheticLock(5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if pkgs := l.packages("."); len(pkgs) != 5000 {
			b.Fatalf("%d gems", len(pkgs))
		}
	}
}
