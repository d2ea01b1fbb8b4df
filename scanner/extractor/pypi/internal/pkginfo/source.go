package pkginfo

import (
	"encoding/hex"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/inventory"
)

// hashAlgorithms maps the algorithm names of Python's hashes (pip's
// --hash, lock files) to CycloneDX names, with the length of their hex
// digests.
var hashAlgorithms = map[string]struct {
	name string
	size int
}{
	"md5":    {"MD5", 32},
	"sha1":   {"SHA-1", 40},
	"sha256": {"SHA-256", 64},
	"sha384": {"SHA-384", 96},
	"sha512": {"SHA-512", 128},
}

// ParseHash reads a hash as pip's --hash option, uv.lock, poetry.lock and
// Pipfile.lock write it: "sha256:<hex>", the algorithm in any case. The
// value is lower-cased. Unknown algorithms and values that are not hex
// digests of the algorithm's size are not hashes.
func ParseHash(s string) (inventory.Hash, bool) {
	alg, val, ok := strings.Cut(s, ":")
	if !ok {
		return inventory.Hash{}, false
	}
	a, ok := hashAlgorithms[strings.ToLower(alg)]
	if !ok || len(val) != a.size {
		return inventory.Hash{}, false
	}
	if _, err := hex.DecodeString(val); err != nil {
		return inventory.Hash{}, false
	}
	return inventory.Hash{Algorithm: a.name, Value: strings.ToLower(val)}, true
}

// VCSURL makes a pip-style direct reference of a version control source:
// "<vcs>+<repo>@<ref>#subdirectory=<subdirectory>", without the "@" part
// when ref is empty and the "#" part when subdirectory is. repo may
// already start with "<vcs>+"; its user name and password are left out
// (see RedactURL).
func VCSURL(vcs, repo, ref, subdirectory string) string {
	s := vcs + "+" + RedactURL(strings.TrimPrefix(repo, vcs+"+"))
	if ref != "" {
		s += "@" + ref
	}
	if subdirectory != "" {
		s += "#subdirectory=" + subdirectory
	}
	return s
}

// LocalDir returns where a local source directory that a lock file names
// is, relative to the scan root: rel is relative to dir, the lock file's
// directory. It is "" for the lock's own directory (the project itself,
// whose files are the whole tree), for directories outside the tree, for
// absolute and Windows paths, and for archives (.whl, .tar.gz, .zip, ...),
// which are files, not directories.
func LocalDir(dir, rel string) string {
	if rel == "" || path.IsAbs(rel) || strings.Contains(rel, "\\") || isArchive(rel) {
		return ""
	}
	clean := path.Clean(rel)
	if clean == "." {
		return ""
	}
	p := path.Join(dir, clean)
	if p == ".." || strings.HasPrefix(p, "../") || p == "." {
		return ""
	}
	return p
}

// isArchive reports whether p names a Python distribution archive.
func isArchive(p string) bool {
	p = strings.ToLower(p)
	for _, ext := range []string{".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".egg"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}
