package pkginfo

import (
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor/internal/hexdigest"
	"github.com/hengdev/heng/scanner/inventory"
)

// hashAlgorithms maps the algorithm names of Python's hashes (pip's
// --hash, lock files) to CycloneDX names.
var hashAlgorithms = map[string]string{
	"md5":    "MD5",
	"sha1":   "SHA-1",
	"sha256": "SHA-256",
	"sha384": "SHA-384",
	"sha512": "SHA-512",
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
	return hexdigest.Hash(hashAlgorithms[strings.ToLower(alg)], val)
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
