// Package eggmetadata extracts the Python packages installed in a tree
// from the PKG-INFO files of their egg metadata: what setuptools writes
// for a package installed by "setup.py install" or "develop", by Debian's
// python3-* packages (dist-packages/*.egg-info), into a built source tree
// (src/<name>.egg-info), and into eggs (<name>.egg/EGG-INFO). distutils,
// and so the Python 2 standard library, wrote the same metadata as a
// single file named <name>-<version>.egg-info.
//
// PKG-INFO has the format of a wheel's METADATA (see
// scanner/extractor/pypi/wheelmetadata, whose rules for the name, version
// and declared license apply here too), usually in an older metadata
// version (1.0 to 2.1). Each file is one package:
//
//   - Relationship and scope are unknown ("").
//   - Directory is the .egg-info directory; for an egg, the .egg
//     directory that holds EGG-INFO and the package's code; none for the
//     single-file form, whose package files are not known.
//   - "license_file" properties come from License-File fields, which
//     setuptools writes since version 56.
//   - "requires_dist" properties come from Requires-Dist fields, or when
//     PKG-INFO has none, as setuptools's egg-info does not, from the
//     requires.txt beside it: its lines before any section, and those of
//     "[:marker]" sections with the marker appended. As for wheels, only
//     the requirements that apply without extras are kept ("[extra]"
//     sections are not).
//   - "homepage" and "repository" properties come from Project-URL
//     fields labelled Homepage or Home, and Repository, Source, Source
//     Code or GitHub (case, spaces, "-", "_" and "." ignored), the first
//     of each that is a URL winning; Home-page gives the homepage when no
//     Project-URL does. Only absolute http(s) URLs are kept (for the
//     repository also git://, ssh:// and git@host:path). See
//     pkginfo.Links.
//
// A PKG-INFO without a valid Name is an error; one without a Version
// gives the package without it, and an error.
package eggmetadata

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/eggmetadata"

// maxRequires bounds the requires.txt read beside a PKG-INFO.
const maxRequires = 1 << 20

// Extractor reads egg metadata.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name.
func (Extractor) Name() string { return Name }

// Version returns the extractor's version.
func (Extractor) Version() int { return 1 }

// Match accepts <name>.egg-info/PKG-INFO, EGG-INFO/PKG-INFO and the
// single-file <name>.egg-info.
func (Extractor) Match(f extractor.File) bool {
	if dir, ok := strings.CutSuffix(f.Path, "/PKG-INFO"); ok {
		b := extractor.Base(dir)
		return b == "EGG-INFO" || isEggInfo(b)
	}
	return isEggInfo(extractor.Base(f.Path))
}

func isEggInfo(b string) bool {
	return len(b) > len(".egg-info") && strings.HasSuffix(b, ".egg-info")
}

// Extract reads one PKG-INFO file.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	m, perr := pkginfo.Parse(in.Reader)
	p, err := m.Package()
	if p.Name == "" {
		if perr != nil {
			err = perr
		}
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	if extractor.Base(in.Path) == "PKG-INFO" {
		p.Directory = directory(in.Dir())
		if len(m.All("Requires-Dist")) == 0 {
			for _, r := range readRequires(in.FS, path.Join(in.Dir(), "requires.txt")) {
				p.Properties = append(p.Properties, inventory.Property{Name: "requires_dist", Value: r})
			}
		}
	}
	if perr != nil {
		err = perr
	}
	if err != nil {
		return []inventory.Package{p}, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return []inventory.Package{p}, nil
}

// directory returns the package directory for the metadata directory
// dir: the .egg holding an EGG-INFO, else dir itself. The scan root
// itself is never one: it would claim every license file of the tree.
func directory(dir string) string {
	if extractor.Base(dir) == "EGG-INFO" {
		if egg := path.Dir(dir); strings.HasSuffix(egg, ".egg") {
			return egg
		}
	}
	return dir
}

// readRequires reads the requires.txt at name, if any; see parseRequires.
func readRequires(fsys fs.FS, name string) []string {
	reqs, _ := sidefile.Parse(fsys, name, func(r io.Reader) ([]string, error) {
		return parseRequires(io.LimitReader(r, maxRequires)), nil
	})
	return reqs
}

// parseRequires returns the requirements of a requires.txt that apply
// without extras, as Requires-Dist values: the lines before any section
// header, and those of "[:marker]" sections with "; marker" appended.
func parseRequires(r io.Reader) []string {
	var out []string
	marker, skip := "", false
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			extra, m, _ := strings.Cut(line[1:len(line)-1], ":")
			marker, skip = strings.TrimSpace(m), strings.TrimSpace(extra) != ""
			continue
		}
		if skip {
			continue
		}
		line = strings.Join(strings.Fields(line), " ")
		if marker != "" {
			line += " ; " + marker
		}
		out = append(out, line)
	}
	return out
}
