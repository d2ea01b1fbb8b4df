// Package extractor defines how heng finds the packages a project uses:
// an Extractor reads one kind of manifest, lock file or installed-package
// record. The scanner walks the tree, opens the files and runs the
// extractors whose Match accepts a path; an extractor never walks.
//
// Each file format has a package of its own below this one
// (scanner/extractor/npm/packagelock, ...), with its parsing in a pure
// function of an io.Reader so that tests and fuzzing need no files, and
// the list of all of them is written out by hand in
// scanner/extractor/list.
package extractor

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/inventory"
)

// Extractor finds packages in one kind of manifest or installed-package
// record.
type Extractor interface {
	// Name is "ecosystem/kind", such as "npm/packagelock": stable and
	// shown to users (in locations and issues).
	Name() string
	// Version is bumped when the same input yields different output.
	Version() int
	// Match reports whether the extractor reads the file. It runs on
	// every file of a tree: string comparisons on the path only.
	Match(f File) bool
	// Extract reads one file. It returns what it could read even when it
	// also returns an error (a lock file with one bad entry).
	Extract(ctx context.Context, in *Input) ([]inventory.Package, error)
}

// File is what Match sees of a file.
type File struct {
	// Path is relative to the scan root, with forward slashes.
	Path string
	// Size in bytes.
	Size int64
}

// Input is one file to extract from.
type Input struct {
	// FS is the scanned tree, rooted at the scan root, for the files an
	// extractor reads beside its own: go.sum beside go.mod, a parent
	// pom.xml. Paths in it are slash-separated and relative (fs.FS).
	FS fs.FS
	// Path is the file's path in FS.
	Path string
	// Reader reads the file's content. ReaderAt and Size give random
	// access to the same bytes, for binary formats.
	Reader   io.Reader
	ReaderAt io.ReaderAt
	Size     int64
}

// Dir returns the directory of the input file in FS ("." at the root).
func (in *Input) Dir() string {
	return path.Dir(in.Path)
}

// PURL returns the canonical package URL of a package, or "" when the
// parts do not make a valid one. namespace may be "" and version may be
// "" (a package known only by a constraint). A name with slashes and no
// namespace is split at its last slash: "github.com/x/y" is namespace
// "github.com/x" and name "y", "@types/node" is "@types" and "node".
func PURL(typ, namespace, name, version string) string {
	if i := strings.LastIndexByte(name, '/'); namespace == "" && i >= 0 {
		namespace, name = name[:i], name[i+1:]
	}
	p := packageurl.NewPackageURL(typ, namespace, name, version, nil, "")
	if err := p.Normalize(); err != nil {
		return ""
	}
	return p.ToString()
}

// Base returns the last element of a slash path, as Match functions use.
func Base(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Declared returns the declared license of a package from what its
// metadata says, normalised by licenses.Normalize; nil when it says
// nothing. Several values (npm's "licenses" array, Maven's <licenses>,
// PyPI classifiers) all apply: they are joined with AND, the reading that
// never asks less of the user than the author meant.
func Declared(raws ...string) *inventory.DeclaredLicense {
	var kept, exprs []string
	for _, r := range raws {
		r = strings.TrimSpace(r)
		if r == "" || slices.Contains(kept, r) {
			continue
		}
		kept = append(kept, r)
		exprs = append(exprs, licenses.Normalize(r).Expression)
	}
	if len(kept) == 0 {
		return nil
	}
	return &inventory.DeclaredLicense{Expression: licenses.And(exprs...), Raw: strings.Join(kept, "; ")}
}

// SRIHash turns a Subresource Integrity value ("sha512-<base64>", as npm,
// yarn and pnpm lock files give them; several separated by spaces) into
// hashes in hex. Unknown algorithms and bad values are left out.
func SRIHash(sri string) []inventory.Hash {
	var out []inventory.Hash
	for _, f := range strings.Fields(sri) {
		alg, b64, ok := strings.Cut(f, "-")
		if !ok {
			continue
		}
		name, ok := sriAlgorithms[strings.ToLower(alg)]
		if !ok {
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			continue
		}
		out = append(out, inventory.Hash{Algorithm: name, Value: hex.EncodeToString(raw)})
	}
	return out
}

var sriAlgorithms = map[string]string{"sha1": "SHA-1", "sha256": "SHA-256", "sha384": "SHA-384", "sha512": "SHA-512"}
