// Package hexdigest reads the hex digests that lock files and package
// records give as hashes (Cargo.lock's "checksum", npm's "_shasum",
// composer.lock's "shasum", Gemfile.lock's CHECKSUMS, Python's
// "sha256:<hex>"), as inventory's hashes: the algorithm by its CycloneDX
// name, the value in lower case.
package hexdigest

import (
	"strings"

	"github.com/hengdev/heng/scanner/inventory"
)

// sizes are the lengths of the hex digests of the algorithms, by their
// CycloneDX names.
var sizes = map[string]int{
	"MD5":     32,
	"SHA-1":   40,
	"SHA-256": 64,
	"SHA-384": 96,
	"SHA-512": 128,
}

// Hash returns the hash of algorithm alg ("MD5", "SHA-1", "SHA-256",
// "SHA-384" or "SHA-512") whose digest is s, in hex of either case. ok is
// false for another algorithm, and when s is not a digest of the
// algorithm's size.
func Hash(alg, s string) (h inventory.Hash, ok bool) {
	n, known := sizes[alg]
	if !known || !IsHex(s, n) {
		return inventory.Hash{}, false
	}
	return inventory.Hash{Algorithm: alg, Value: strings.ToLower(s)}, true
}

// IsHex reports whether s is n hex digits, in either case.
func IsHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
