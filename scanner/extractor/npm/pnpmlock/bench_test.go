package pnpmlock

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticV9 is a version 9 lock file of n packages, each depending on
// the next two, the first two named by the root importer.
func syntheticV9(n int) []byte {
	var b strings.Builder
	b.WriteString("lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    dependencies:\n")
	b.WriteString("      '@scope/pkg-0':\n        specifier: ^1.0.0\n        version: 1.2.0(react@18.3.1)\n")
	b.WriteString("    devDependencies:\n      '@scope/pkg-1':\n        specifier: ^1.0.0\n        version: 1.2.1(react@18.3.1)\n\npackages:\n")
	for i := range n {
		fmt.Fprintf(&b, "\n  '@scope/pkg-%d@1.2.%d':\n    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}\n    engines: {node: '>=10'}\n    peerDependencies:\n      react: ^18.0.0\n", i, i)
	}
	b.WriteString("\nsnapshots:\n")
	for i := range n {
		fmt.Fprintf(&b, "\n  '@scope/pkg-%d@1.2.%d(react@18.3.1)':\n", i, i)
		if i+2 < n {
			fmt.Fprintf(&b, "    dependencies:\n      '@scope/pkg-%d': 1.2.%d(react@18.3.1)\n      '@scope/pkg-%d': 1.2.%d(react@18.3.1)\n", i+1, i+1, i+2, i+2)
		} else {
			b.WriteString("    optional: true\n")
		}
	}
	return []byte(b.String())
}

// syntheticV6 is the same as a version 6 lock file.
func syntheticV6(n int) []byte {
	var b strings.Builder
	b.WriteString("lockfileVersion: '6.0'\n\ndependencies:\n  '@scope/pkg-0':\n    specifier: ^1.0.0\n    version: 1.2.0(react@18.3.1)\n\npackages:\n")
	for i := range n {
		fmt.Fprintf(&b, "\n  /@scope/pkg-%d@1.2.%d(react@18.3.1):\n    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}\n", i, i)
		if i+2 < n {
			fmt.Fprintf(&b, "    dependencies:\n      '@scope/pkg-%d': 1.2.%d(react@18.3.1)\n      '@scope/pkg-%d': 1.2.%d(react@18.3.1)\n", i+1, i+1, i+2, i+2)
		}
		b.WriteString("    dev: false\n")
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"v9", syntheticV9(5000)},
		{"v6", syntheticV6(5000)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.data)))
			b.ReportAllocs()
			for b.Loop() {
				lock, err := parse(tc.data)
				if err != nil {
					b.Fatal(err)
				}
				if got := len(lock.packages(".")); got != 5000 {
					b.Fatalf("%d packages", got)
				}
			}
		})
	}
}
