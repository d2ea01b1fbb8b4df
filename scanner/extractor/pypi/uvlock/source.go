package uvlock

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// maxSize bounds what is read of a lock file: the largest real ones are
// tens of megabytes.
const maxSize = 256 << 20

// maxDepth bounds the nesting of TOML arrays and inline tables. uv.lock
// nests three deep; the TOML parser takes time that grows much faster
// than linearly with the depth of nested inline tables, so a small file
// of a few thousand "{a=" would stall it.
const maxDepth = 32

// readTOML reads a whole TOML file and checks that it does not nest
// deeper than maxDepth.
func readTOML(r io.Reader) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return "", err
	}
	if len(data) > maxSize {
		return "", fmt.Errorf("larger than %d MiB", maxSize>>20)
	}
	if err := checkNesting(data); err != nil {
		return "", err
	}
	return string(data), nil
}

// checkNesting scans TOML text for brackets and braces outside strings
// and comments, and fails when they nest deeper than maxDepth. It is
// linear and does not validate: the parser does that.
func checkNesting(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipString(data, i)
		case '[', '{':
			depth++
			if depth > maxDepth {
				return errors.New("arrays or tables nested too deep")
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// skipString returns the index of the last byte of the string that
// starts at data[i] (a quote), or of the end of the data.
func skipString(data []byte, i int) int {
	q := data[i]
	if bytes.HasPrefix(data[i:], []byte{q, q, q}) { // multi-line
		for j := i + 3; j < len(data); j++ {
			if q == '"' && data[j] == '\\' {
				j++
				continue
			}
			if bytes.HasPrefix(data[j:], []byte{q, q, q}) {
				j += 2
				for j+1 < len(data) && data[j+1] == q { // up to two quotes may end the content
					j++
				}
				return j
			}
		}
		return len(data)
	}
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q, '\n':
			return j
		}
	}
	return len(data)
}

// hashAlgorithms maps the algorithm prefixes of Python lock files'
// hashes to CycloneDX names, with the length of their hex digests.
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

// parseHash reads "sha256:<hex>". Unknown algorithms and values that are
// not hex digests of the algorithm's size are not hashes.
func parseHash(s string) (inventory.Hash, bool) {
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

// vcsURL turns uv's git source, "https://host/repo?rev=v1#<commit>" (the
// query may also hold branch, tag and subdirectory), into a pip-style
// direct reference: "git+https://host/repo@<commit>#subdirectory=...".
func vcsURL(src string) string {
	base, commit, _ := strings.Cut(src, "#")
	base, query, _ := strings.Cut(base, "?")
	ref, sub := commit, ""
	if q, err := url.ParseQuery(query); err == nil {
		if ref == "" {
			ref = firstNonEmpty(q.Get("rev"), q.Get("tag"), q.Get("branch"))
		}
		sub = q.Get("subdirectory")
	}
	s := "git+" + pkginfo.RedactURL(strings.TrimPrefix(base, "git+"))
	if ref != "" {
		s += "@" + ref
	}
	if sub != "" {
		s += "#subdirectory=" + sub
	}
	return s
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// localDir returns where a local source directory is relative to the
// scan root: rel is relative to dir, the lock file's directory. It is ""
// for the lock's own directory (the project itself, whose files are the
// whole tree), for directories outside the tree and for archives.
func localDir(dir, rel string) string {
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

func isArchive(p string) bool {
	for _, ext := range []string{".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".egg"} {
		if strings.HasSuffix(strings.ToLower(p), ext) {
			return true
		}
	}
	return false
}
