// Package wheelmetadata extracts the Python packages installed in a tree
// from the METADATA files of their .dist-info directories: what pip, uv
// and every installer since wheels (PEP 376, PEP 427) write into
// site-packages (or dist-packages, or a vendored directory) for each
// installed distribution.
//
// METADATA is in the core metadata format: e-mail style header fields
// (see scanner/extractor/pypi/internal/pkginfo), then, after an empty
// line, the long description, which is not read. Each file is one
// package:
//
//   - Name is the Name field, PEP 503 normalised ("PyYAML" is "pyyaml"),
//     and the purl is made from it; Version is the Version field.
//   - Relationship and scope are unknown (""): an installed package does
//     not say whether the project asked for it or what for.
//   - Directory is the .dist-info directory. PEP 639 puts license files
//     in its licenses/ subdirectory (older wheels put them beside
//     METADATA), where the scanner finds them for the package.
//   - The declared license is License-Expression (PEP 639, metadata 2.4)
//     when present. Otherwise it comes from the License field and the
//     "License ::" classifiers: the License field when it all maps to
//     known licenses, else the classifiers when they all do, else the
//     License field, else the classifiers (several classifiers are
//     ANDed). Only the first non-blank line of the License field is read,
//     since some projects put their whole license text there; "UNKNOWN"
//     counts as nothing. See pkginfo.DeclaredLicense.
//   - License-File fields (the license files' paths, relative to the
//     licenses/ directory or the project) are "license_file" properties.
//   - Requires-Dist fields that apply without extras (whose marker does
//     not test "extra") are kept as written, as "requires_dist"
//     properties, not as dependencies: they are constraints with
//     markers, and which installed version satisfies them is for the
//     resolver that installed them to say. Those of extras are left out:
//     nothing says the extras were asked for.
//   - "homepage" and "repository" properties come from Project-URL
//     fields labelled Homepage or Home, and Repository, Source, Source
//     Code or GitHub (case, spaces, "-", "_" and "." ignored), the first
//     of each that is a URL winning; Home-page gives the homepage when no
//     Project-URL does. Only absolute http(s) URLs are kept (for the
//     repository also git://, ssh:// and git@host:path). See
//     pkginfo.Links.
//
// A line that is not a header field ends the headers, as it does for
// Python's own parser (some tools wrote the description without the
// empty line before it). A METADATA without a valid Name is an error; one
// without a Version gives the package without it, and an error.
package wheelmetadata

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/wheelmetadata"

// Extractor reads the METADATA files of installed Python distributions.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name.
func (Extractor) Name() string { return Name }

// Version returns the extractor's version.
func (Extractor) Version() int { return 1 }

// Match accepts <name>.dist-info/METADATA files.
func (Extractor) Match(f extractor.File) bool {
	dir, ok := strings.CutSuffix(f.Path, "/METADATA")
	if !ok {
		return false
	}
	b := extractor.Base(dir)
	return len(b) > len(".dist-info") && strings.HasSuffix(b, ".dist-info")
}

// Extract reads one METADATA file.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	p, err := parse(in.Reader)
	if p == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	p.Directory = in.Dir()
	if err != nil {
		return []inventory.Package{*p}, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return []inventory.Package{*p}, nil
}

// parse reads a METADATA file: the package it describes, or nil when it
// names none, and what went wrong.
func parse(r io.Reader) (*inventory.Package, error) {
	m, perr := pkginfo.Parse(r)
	p, err := m.Package()
	if p.Name == "" {
		if perr != nil {
			return nil, perr
		}
		return nil, err
	}
	if perr != nil {
		return &p, perr
	}
	return &p, err
}
