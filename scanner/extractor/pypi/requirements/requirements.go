// Package requirements extracts the Python packages a pip requirements
// file asks for: requirements.txt and its variants, hand-written or
// compiled by pip-compile (pip-tools), "uv pip compile" or Rye.
//
// # Files
//
// Match accepts files named requirements*.txt or *requirements.txt
// (requirements-dev.txt, dev-requirements.txt, requirements_test.txt),
// the same names ending in .in (pip-compile's inputs, which are
// requirements files too) or .lock (Rye's lock files, requirements files
// with "# via" annotations), and any .txt or .in file directly inside a
// directory named requirements (requirements/base.txt), except README,
// LICENSE and similar files there. Names are compared without regard to
// case. Files are matched wherever they are, as go.mod files are; the
// scanner tags those in vendored trees.
//
// # Lines
//
// The file is read as pip reads it: a line ending in a backslash
// continues on the next, comments run from a "#" at the start of a line
// or after white space to the end of the line, and a line is a
// requirement followed by its options, or options alone. Each
// requirement is a package:
//
//   - Name is the PEP 503 normalised project name; the purl is made
//     from it (see scanner/extractor/pypi/internal/pkginfo).
//   - A requirement pinned to one version ("name==1.2.3", or "===") has
//     that Version. Any other specifier (">=1.2", "~=1.2", "==1.*",
//     ranges) leaves the Version empty and is kept as the "constraint"
//     property, without white space.
//   - Extras asked for (name[socks,security]) are the "extras" property;
//     an environment marker (after ";") is the "marker" property. Markers
//     are not evaluated: the package is listed whatever the platform.
//   - --hash=<algorithm>:<hex> options (one per artifact of the release:
//     each wheel and the sdist) are the package's hashes (MD5, SHA-1,
//     SHA-256, SHA-384, SHA-512).
//   - A direct reference ("name @ https://...") keeps its URL as the
//     "url" property, without any user name or password (often tokens).
//     A bare URL or path names its project by a "#egg=name" fragment, or
//     by a wheel's file name, which gives the Version too; the URL is the
//     "url" property, a path the "path" property. A URL or path that
//     names no project (a source tree, "-e .") gives no package: heng
//     would have to build it to know. -e/--editable requirements are read
//     the same way, with the "editable" property.
//   - Options that apply to the whole install (--index-url,
//     --extra-index-url, --find-links, --trusted-host, --no-binary,
//     --only-binary, --pre, --require-hashes, ...) are ignored; so are
//     per-requirement build options (--config-settings, --global-option).
//
// # Relationship and scope
//
// Packages are direct dependencies: a requirements file lists what the
// project wants. A fully pinned file from "pip freeze" also lists their
// dependencies, and nothing tells them apart. Files compiled by
// pip-compile, "uv pip compile" or Rye do: their "# via" annotations
// (in a block under the package, one per line, or at the end of its
// line) say what needs each package. A package needed only by other
// packages of the file is transitive, and those packages depend on it
// (its purl is in their Dependencies); one "via" an input file ("-r
// requirements.in", "pyproject.toml", "myproject (pyproject.toml)") or
// via a project that is not in the file (Rye names the project itself)
// is direct. "via -c constraints.txt" says nothing either way.
//
// The scope comes from the file's name, by pkginfo.ScopeOfName: "dev",
// "devel", "develop", "development", "doc", "docs", "lint", "linting"
// or "typing" among the words of the file name (requirements-dev.txt,
// requirements/docs.txt) make it dev, "test", "tests" or "testing" make
// it test. When the name says nothing, the name of the directory holding
// it is asked in the same way (docs/requirements.txt, tests/requirements.txt),
// unless that directory is "requirements". Anything else is required.
//
// # Includes and constraints
//
// -r/--requirement <file> includes another requirements file, relative to
// the including file's directory: its packages are read as if they were
// in this file (with this file's scope), recursively, up to 10 levels,
// each file once; a file that includes itself is an error. The scanner
// also reads an included file on its own when its name matches, and
// merging keeps the widest scope. -c/--constraint <file> names a
// constraints file: it adds no packages, but a requirement without a
// pinned version that the constraints pin ("name==1.2.3") gets that
// Version, since that is the one pip installs, and the "pinned_by"
// property names the constraints file. Files given by URL are not
// fetched. An included file that is missing, outside the scanned tree
// or unreadable is an error, reported with the packages found.
//
// Lines that cannot be read as requirements are errors too, reported
// together with the packages of the lines that can.
package requirements

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "pypi/requirements"

const (
	// maxDepth bounds the nesting of -r and -c includes.
	maxDepth = 10
	// maxInclude bounds the size of an included file.
	maxInclude = 16 << 20
	// maxErrors bounds the errors reported for one file.
	maxErrors = 10
)

// Extractor reads pip requirements files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name.
func (Extractor) Name() string { return Name }

// Version returns the extractor's version.
func (Extractor) Version() int { return 1 }

// notRequirements are the names of files in a requirements/ directory
// that are not requirements files.
var notRequirements = []string{"readme", "license", "licence", "copying", "notice", "changelog", "changes", "authors"}

// Match accepts requirements*.txt, *requirements.txt, the same in .in
// and .lock, and .txt and .in files in a requirements/ directory.
func (Extractor) Match(f extractor.File) bool {
	b := strings.ToLower(extractor.Base(f.Path))
	stem, ext := b, ""
	for _, e := range []string{".txt", ".in", ".lock"} {
		if s, ok := strings.CutSuffix(b, e); ok {
			stem, ext = s, e
			break
		}
	}
	if ext == "" || strings.HasSuffix(stem, ".txt") { // requirements.txt.in: a template
		return false
	}
	if strings.HasPrefix(stem, "requirements") || strings.HasSuffix(stem, "requirements") {
		return true
	}
	if ext == ".lock" {
		return false
	}
	dir := strings.TrimSuffix(f.Path, extractor.Base(f.Path))
	dir = strings.TrimSuffix(dir, "/")
	if !strings.EqualFold(extractor.Base(dir), "requirements") || stem == "" {
		return false
	}
	for _, n := range notRequirements {
		if strings.HasPrefix(stem, n) {
			return false
		}
	}
	return true
}

// Extract reads one requirements file and the files it includes.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	x := &extraction{
		fsys:    in.FS,
		scope:   scopeOf(in.Path),
		pins:    map[string]pin{},
		done:    map[string]bool{in.Path: true},
		reading: map[string]bool{in.Path: true},
	}
	x.read(ctx, in.Path, in.Reader, false, 0)
	x.applyPins()
	if len(x.errs) == 0 {
		return x.pkgs, nil
	}
	errs := x.errs
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors:maxErrors], fmt.Errorf("and %d more errors", len(x.errs)-maxErrors))
	}
	return x.pkgs, fmt.Errorf("parse %q: %w", in.Path, errors.Join(errs...))
}

// scopeOf returns the scope of the packages of the requirements file at
// p, from its name or else its directory's name.
func scopeOf(p string) string {
	b := extractor.Base(p)
	stem := b[:len(b)-len(path.Ext(b))]
	if s := pkginfo.ScopeOfName(stem); s != "" {
		return s
	}
	if dir := extractor.Base(path.Dir(p)); !strings.EqualFold(dir, "requirements") {
		if s := pkginfo.ScopeOfName(dir); s != "" {
			return s
		}
	}
	return inventory.ScopeRequired
}

// pin is a version a constraints file pins a project to.
type pin struct {
	version, file string
}

// extraction is the reading of one requirements file and its includes.
type extraction struct {
	fsys    fs.FS
	scope   string
	pkgs    []inventory.Package
	pins    map[string]pin  // by normalised name
	done    map[string]bool // files read or being read
	reading map[string]bool // files being read: the include chain
	errs    []error
}

// read reads the requirements file name from r: as constraints when
// constraint is set, at include depth depth.
func (x *extraction) read(ctx context.Context, name string, r io.Reader, constraint bool, depth int) {
	f, errs := parse(r)
	for _, err := range errs {
		x.errorf(name, depth, "%w", err)
	}
	if constraint {
		for _, e := range f.entries {
			p, ok, err := e.pkg(inventory.ScopeRequired)
			if err != nil || !ok || p.Version == "" {
				continue
			}
			if _, seen := x.pins[p.Name]; !seen {
				x.pins[p.Name] = pin{version: p.Version, file: name}
			}
		}
	} else {
		pkgs, errs := f.packages(x.scope)
		for _, err := range errs {
			x.errorf(name, depth, "%w", err)
		}
		x.pkgs = append(x.pkgs, pkgs...)
	}
	for _, inc := range f.includes {
		if ctx.Err() != nil {
			return
		}
		x.include(ctx, name, inc, constraint || inc.constraint, depth)
	}
}

// include reads a file that the file name includes.
func (x *extraction) include(ctx context.Context, name string, inc include, constraint bool, depth int) {
	if isURL(inc.path) {
		return // never fetched
	}
	p := path.Join(path.Dir(name), inc.path)
	if path.IsAbs(inc.path) || !fs.ValidPath(p) {
		x.errorf(name, depth, "line %d: include %q: outside the scanned tree", inc.line, inc.path)
		return
	}
	switch {
	case x.reading[p]:
		x.errorf(name, depth, "line %d: include %q: includes itself", inc.line, inc.path)
		return
	case x.done[p]:
		return
	case depth+1 > maxDepth:
		x.errorf(name, depth, "line %d: include %q: more than %d levels of includes", inc.line, inc.path, maxDepth)
		return
	case x.fsys == nil:
		x.errorf(name, depth, "line %d: include %q: no file system to read it from", inc.line, inc.path)
		return
	}
	f, err := x.fsys.Open(p)
	if err != nil {
		x.errorf(name, depth, "line %d: include %q: %w", inc.line, inc.path, err)
		return
	}
	defer f.Close()
	x.done[p], x.reading[p] = true, true
	x.read(ctx, p, io.LimitReader(f, maxInclude), constraint, depth+1)
	delete(x.reading, p)
}

// errorf records an error in file name; errors in included files name
// the file.
func (x *extraction) errorf(name string, depth int, format string, args ...any) {
	err := fmt.Errorf(format, args...)
	if depth > 0 {
		err = fmt.Errorf("%s: %w", name, err)
	}
	x.errs = append(x.errs, err)
}

// applyPins gives unpinned packages the versions constraints files pin,
// and dependencies on them the new purls.
func (x *extraction) applyPins() {
	moved := map[string]string{}
	for i := range x.pkgs {
		p := &x.pkgs[i]
		pn, ok := x.pins[p.Name]
		if !ok || p.Version != "" || p.Property("url") != "" || p.Property("path") != "" {
			continue
		}
		old := p.PURL
		p.Version = pn.version
		p.PURL = extractor.PURL("pypi", "", p.Name, p.Version)
		p.Properties = append(p.Properties, inventory.Property{Name: "pinned_by", Value: pn.file})
		moved[old] = p.PURL
	}
	if len(moved) == 0 {
		return
	}
	for i := range x.pkgs {
		for j, d := range x.pkgs[i].Dependencies {
			if to, ok := moved[d]; ok {
				x.pkgs[i].Dependencies[j] = to
			}
		}
	}
}
