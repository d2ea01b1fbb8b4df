// Package vendormodules extracts the modules of a Go vendor directory from
// its vendor/modules.txt, the list that "go mod vendor" (and "go work
// vendor") writes beside the copied packages.
//
// The format is line based. "# path version" starts a module, "# path
// version => new version" one replaced by another module version and
// "# path version => ../dir" one replaced by a local directory. The lines
// after it that start with "## " annotate it ("explicit", "go 1.21",
// separated by ";"); the other lines are the import paths of the packages
// vendored from it. A file written in workspace mode starts with
// "## workspace". Go 1.14 and later end the file with the go.mod
// replacements not written above: those of every version of a module
// ("# path => new version") and those of modules that provide no package.
// They are not modules of the build and are skipped, as the go command
// skips them. Before Go 1.14 the file had no "##" lines at all.
//
// Each module that has packages is a package, with Directory
// <vendor directory>/<module path>, relative to the scan root: its files
// and, since "go mod vendor" copies them, its license files are there (a
// replaced module is vendored under the path it is imported by; a module
// whose path is inside another's, such as example.com/a/b in
// example.com/a, has its directory inside the other's). A module marked
// "## explicit" but with no packages (required in go.mod, yet nothing of
// it is built) is a package too, without a directory. The "packages"
// property counts the packages vendored from a module ("0" for those).
// Scope is "required": the vendor directory holds what the main module's
// packages and their tests need, and modules.txt does not say which is
// which.
//
// "## explicit" means that the main module's go.mod requires the module,
// which includes its "// indirect" requirements (and since Go 1.17,
// go.mod requires every module that provides a package), so telling
// direct from transitive needs go.mod. The extractor reads the go.mod in
// the vendor directory's parent (for a workspace's vendor directory, the
// go.mod of every module that go.work uses): a module that go.mod
// requires without "// indirect" is direct, any other one is transitive.
// Without that go.mod (a copied vendor directory), an explicit module's
// relationship is unknown (""), a module not marked explicit is
// transitive, and in a file written before Go 1.14, which marks nothing,
// every relationship is unknown.
//
// A replace with a module version stands for the module it replaces (the
// build uses the replacement), with the replaced "path@version" as the
// "replaces" property; a replace by a local directory keeps the required
// module, with the directory as the "replace_dir" property: as
// golang/gomod does, so that both name a module alike. The "h1"
// checksums of the go.sum beside each go.mod read (and of go.work.sum),
// hashes of a module's file tree and not of an artifact, are kept as the
// "h1" property. modules.txt does not tell which module imports which, so
// packages have no dependencies and there is no root package:
// golang/gomod reads the main module from go.mod.
//
// A line the go command would not understand (a module line without a
// valid version, a replacement without a valid version, a package line
// before any module line, text that is no import path, a line over 1 MiB)
// is an error, returned with the modules read from the rest of the file.
package vendormodules

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "golang/vendormodules"

// maxLine is the longest line read: module paths and versions are short,
// so a longer line is no modules.txt.
const maxLine = 1 << 20

// maxSideFile is the largest go.mod, go.work or go.sum read beside
// modules.txt.
const maxSideFile = 64 << 20

// maxUses is the most go.work "use" directories whose go.mod is read.
const maxUses = 1000

// Extractor reads vendor/modules.txt files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns Name.
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts modules.txt in a directory named vendor.
func (Extractor) Match(f extractor.File) bool {
	return f.Path == "vendor/modules.txt" || strings.HasSuffix(f.Path, "/vendor/modules.txt")
}

// Extract reads one vendor/modules.txt and the go.mod (or go.work) and
// go.sum files beside its vendor directory.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	vf, err := parse(in.Reader)
	root := path.Dir(in.Dir())
	var reqs requirements
	sums := map[string]string{}
	if vf.Workspace {
		reqs = readWorkspace(in.FS, root, sums)
	} else {
		reqs = readGoMod(in.FS, path.Join(root, "go.mod"), sums)
	}
	pkgs := packages(vf, in.Dir(), reqs, sums)
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// vendorFile is what a modules.txt says.
type vendorFile struct {
	// Workspace is set when the file was written by "go work vendor".
	Workspace bool
	// Annotated is set when the file has "##" lines, which Go writes
	// since 1.14: then a module without "## explicit" is one the main
	// module does not require.
	Annotated bool
	// Modules in the order of the file.
	Modules []vendorModule
}

// vendorModule is one "# path version" line and what follows it.
type vendorModule struct {
	Path, Version string
	// ReplacePath and ReplaceVersion are the replacement: a module
	// version, or a local directory (ReplaceVersion ""). Both are "" when
	// the module is not replaced.
	ReplacePath, ReplaceVersion string
	// Explicit is set by "## explicit": the main module requires it.
	Explicit bool
	// Packages is the number of packages vendored from the module.
	Packages int
}

// parse reads a modules.txt. A line it does not understand is an error,
// returned with the file as read without it.
func parse(r io.Reader) (*vendorFile, error) {
	vf := &vendorFile{}
	var errs lineErrors
	var cur *vendorModule // nil before the first module line or after a bad one
	seenModule := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	n := 0
	for sc.Scan() {
		n++
		b := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		switch {
		case bytes.HasPrefix(b, []byte("## ")):
			line := string(b[3:])
			if n == 1 && strings.TrimSpace(line) == "workspace" {
				vf.Workspace = true
				continue
			}
			vf.Annotated = true
			if cur == nil {
				continue // annotations of a module line that was skipped
			}
			for a := range strings.SplitSeq(line, ";") {
				if strings.TrimSpace(a) == "explicit" {
					cur.Explicit = true
				}
				// "go 1.21" and future annotations say nothing heng keeps.
			}
		case bytes.HasPrefix(b, []byte("# ")):
			seenModule = true
			m, err := parseModuleLine(string(b))
			if err != nil {
				errs.add(n, err)
				cur = nil
				continue
			}
			vf.Modules = append(vf.Modules, m)
			cur = &vf.Modules[len(vf.Modules)-1]
		case len(bytes.TrimSpace(b)) == 0:
		case cur != nil && plainPath(b):
			// The common case, without allocating.
			cur.Packages++
		default:
			line := string(b)
			f := strings.Fields(line)
			switch {
			case len(f) != 1 || module.CheckImportPath(f[0]) != nil:
				errs.add(n, fmt.Errorf("not an import path: %q", clip(line)))
			case cur != nil:
				cur.Packages++
			case !seenModule:
				errs.add(n, fmt.Errorf("package %q before any module line", clip(f[0])))
			}
			// After a bad module line, its packages were reported with it.
		}
	}
	if err := sc.Err(); err != nil {
		errs.add(n+1, err)
	}
	return vf, errs.err()
}

// plainPath reports whether b is an import path of the plainest kind:
// ASCII letters, digits and "-._~+", elements separated by single slashes,
// none starting or ending with a dot. Other lines are checked by
// module.CheckImportPath, at about ten times the cost.
func plainPath(b []byte) bool {
	if len(b) == 0 || b[0] == '/' || b[0] == '.' || b[len(b)-1] == '/' || b[len(b)-1] == '.' {
		return false
	}
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '~', c == '+':
		case c == '.':
			if b[i-1] == '/' || b[i+1] == '/' {
				return false
			}
		case c == '/':
			if b[i-1] == '/' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// parseModuleLine reads "# path version", "# path version => new
// version", "# path version => dir" or "# path => ...". A module without
// a version (a replacement that vendored nothing) comes back with
// Version "".
func parseModuleLine(line string) (vendorModule, error) {
	f := strings.Fields(line[2:])
	var m vendorModule
	switch {
	case len(f) >= 2 && semver.IsValid(f[1]):
		m.Path, m.Version = f[0], f[1]
		f = f[2:]
	case len(f) >= 2 && f[1] == "=>":
		m.Path = f[0]
		f = f[1:]
	case len(f) >= 2:
		return m, fmt.Errorf("module %q has an invalid version %q", clip(f[0]), clip(f[1]))
	default:
		return m, fmt.Errorf("module line without a version: %q", clip(line))
	}
	switch {
	case len(f) == 0:
	case f[0] != "=>":
		return m, fmt.Errorf("module %q: unexpected %q", clip(m.Path), clip(f[0]))
	case len(f) == 2:
		m.ReplacePath = f[1]
	case len(f) == 3 && semver.IsValid(f[2]):
		m.ReplacePath, m.ReplaceVersion = f[1], f[2]
	default:
		return m, fmt.Errorf("module %q: bad replacement %q", clip(m.Path), clip(strings.Join(f[1:], " ")))
	}
	return m, nil
}

// requirements are the main module's go.mod requires: by module path,
// whether the requirement is "// indirect". nil when go.mod was not read.
type requirements map[string]bool

// packages turns what modules.txt says into packages. vendorDir is the
// directory of modules.txt in the scanned tree.
func packages(vf *vendorFile, vendorDir string, reqs requirements, sums map[string]string) []inventory.Package {
	var out []inventory.Package
	for _, m := range vf.Modules {
		if m.Version == "" || (m.Packages == 0 && !m.Explicit) {
			continue // a replacement, not a module of the build
		}
		p := inventory.Package{
			Ecosystem:    inventory.EcosystemGo,
			Relationship: relationship(m, vf, reqs),
			Scope:        inventory.ScopeRequired,
			Properties:   []inventory.Property{{Name: "packages", Value: strconv.Itoa(m.Packages)}},
		}
		switch {
		case m.ReplacePath != "" && m.ReplaceVersion == "":
			p.Name, p.Version = m.Path, m.Version
			p.Properties = append(p.Properties, inventory.Property{Name: "replace_dir", Value: m.ReplacePath})
		case m.ReplacePath != "":
			p.Name, p.Version = m.ReplacePath, m.ReplaceVersion
			p.Properties = append(p.Properties, inventory.Property{Name: "replaces", Value: m.Path + "@" + m.Version})
		default:
			p.Name, p.Version = m.Path, m.Version
		}
		p.PURL = extractor.PURL("golang", "", p.Name, p.Version)
		if h, ok := sums[p.Name+"@"+p.Version]; ok {
			p.Properties = append(p.Properties, inventory.Property{Name: "h1", Value: h})
		}
		if m.Packages > 0 && module.CheckImportPath(m.Path) == nil {
			// Packages are vendored under their import path, which for a
			// replaced module is still the path it replaces. A valid
			// import path has no ".." and no leading "/": the directory
			// is inside the vendor directory.
			p.Directory = path.Join(vendorDir, m.Path)
		}
		out = append(out, p)
	}
	return out
}

// relationship says whether the main module imports a module itself.
func relationship(m vendorModule, vf *vendorFile, reqs requirements) string {
	if reqs != nil {
		if indirect, ok := reqs[m.Path]; ok && !indirect {
			return inventory.RelationshipDirect
		}
		return inventory.RelationshipTransitive
	}
	if vf.Annotated && !m.Explicit {
		return inventory.RelationshipTransitive
	}
	return "" // explicit (maybe "// indirect"), or a file that marks nothing
}

// readGoMod reads the requires of the go.mod at name, and the checksums of
// the go.sum beside it into sums; nil when there is no go.mod to read.
func readGoMod(fsys fs.FS, name string, sums map[string]string) requirements {
	data, err := readSmall(fsys, name)
	if err != nil {
		return nil
	}
	mf, err := modfile.ParseLax(name, data, nil)
	if err != nil {
		return nil
	}
	reqs := requirements{}
	for _, r := range mf.Require {
		// Of two requires of one path (a hand-edited file), a direct
		// one wins.
		if indirect, ok := reqs[r.Mod.Path]; !ok || indirect {
			reqs[r.Mod.Path] = r.Indirect
		}
	}
	readSums(fsys, path.Join(path.Dir(name), "go.sum"), sums)
	return reqs
}

// readWorkspace reads the go.work beside the vendor directory of a
// workspace and the go.mod of each module it uses: a module is direct when
// one of them requires it without "// indirect". nil when there is no
// go.work.
func readWorkspace(fsys fs.FS, root string, sums map[string]string) requirements {
	name := path.Join(root, "go.work")
	data, err := readSmall(fsys, name)
	if err != nil {
		return nil
	}
	wf, err := modfile.ParseWork(name, data, nil)
	if err != nil {
		return nil
	}
	reqs := requirements{}
	for i, u := range wf.Use {
		if i == maxUses {
			break
		}
		dir := filepath.ToSlash(u.Path)
		if path.IsAbs(dir) || filepath.IsAbs(u.Path) {
			continue // outside the scanned tree
		}
		mod := path.Join(root, dir, "go.mod")
		if !fs.ValidPath(mod) {
			continue
		}
		for p, indirect := range readGoMod(fsys, mod, sums) {
			if old, ok := reqs[p]; !ok || old {
				reqs[p] = indirect
			}
		}
	}
	readSums(fsys, path.Join(root, "go.work.sum"), sums)
	return reqs
}

// readSums reads the h1 checksums of module trees in a go.sum file ("path
// version h1:..."; lines whose version ends in "/go.mod" sum only a
// go.mod file) into sums, by "path@version". A missing file is no error.
func readSums(fsys fs.FS, name string, sums map[string]string) {
	data, err := readSmall(fsys, name)
	if err != nil {
		return
	}
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(line)
		if len(f) != 3 || strings.HasSuffix(f[1], "/go.mod") || !strings.HasPrefix(f[2], "h1:") {
			continue
		}
		if _, ok := sums[f[0]+"@"+f[1]]; !ok {
			sums[f[0]+"@"+f[1]] = f[2]
		}
	}
}

// readSmall reads a file of the scanned tree, up to maxSideFile bytes.
func readSmall(fsys fs.FS, name string) ([]byte, error) {
	return sidefile.Parse(fsys, name, func(r io.Reader) ([]byte, error) {
		data, err := io.ReadAll(io.LimitReader(r, maxSideFile+1))
		if err != nil {
			return nil, err
		}
		if len(data) > maxSideFile {
			return nil, fmt.Errorf("%s: larger than %d bytes", name, maxSideFile)
		}
		return data, nil
	})
}

// lineErrors keeps the first error of a file and counts the others.
type lineErrors struct {
	first error
	more  int
}

func (e *lineErrors) add(line int, err error) {
	if e.first != nil {
		e.more++
		return
	}
	e.first = fmt.Errorf("line %d: %w", line, err)
}

func (e *lineErrors) err() error {
	switch {
	case e.first == nil:
		return nil
	case e.more > 0:
		return fmt.Errorf("%w (and %d more bad lines)", e.first, e.more)
	}
	return e.first
}

// clip shortens user text quoted in an error.
func clip(s string) string {
	const limit = 80
	if len(s) <= limit {
		return s
	}
	return s[:limit] + "..."
}
