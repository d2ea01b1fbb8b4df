package hexdigest

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/inventory"
)

func TestHash(t *testing.T) {
	sha1 := "0123456789abcdefABCDEF0123456789abcdef01"
	for _, tc := range []struct {
		alg, s string
		want   inventory.Hash
		ok     bool
	}{
		{"SHA-1", sha1, inventory.Hash{Algorithm: "SHA-1", Value: strings.ToLower(sha1)}, true},
		{"MD5", strings.Repeat("a", 32), inventory.Hash{Algorithm: "MD5", Value: strings.Repeat("a", 32)}, true},
		{"SHA-256", strings.Repeat("F", 64), inventory.Hash{Algorithm: "SHA-256", Value: strings.Repeat("f", 64)}, true},
		{"SHA-384", strings.Repeat("0", 96), inventory.Hash{Algorithm: "SHA-384", Value: strings.Repeat("0", 96)}, true},
		{"SHA-512", strings.Repeat("9", 128), inventory.Hash{Algorithm: "SHA-512", Value: strings.Repeat("9", 128)}, true},
		{"SHA-256", sha1, inventory.Hash{}, false},                     // the wrong size
		{"SHA-1", sha1[:39] + "g", inventory.Hash{}, false},            // not hex
		{"SHA-1", sha1[:39] + "é", inventory.Hash{}, false},            // not hex, and not ASCII
		{"SHA-1", "", inventory.Hash{}, false},                         // empty
		{"sha1", sha1, inventory.Hash{}, false},                        // not a CycloneDX name
		{"SHA3-256", strings.Repeat("0", 64), inventory.Hash{}, false}, // unknown
	} {
		got, ok := Hash(tc.alg, tc.s)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Hash(%q, %q) = %v, %v; want %v, %v", tc.alg, tc.s, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIsHex(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want bool
	}{
		{"", 0, true},
		{"09afAF", 6, true},
		{"09afAF", 5, false},
		{"09afAF", 7, false},
		{"09agAF", 6, false},
		{"0x12", 4, false},
		{" 123", 4, false},
	} {
		if got := IsHex(tc.s, tc.n); got != tc.want {
			t.Errorf("IsHex(%q, %d) = %v, want %v", tc.s, tc.n, got, tc.want)
		}
	}
}
