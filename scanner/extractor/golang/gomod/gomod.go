// Package gomod extracts the modules a Go module requires from its go.mod,
// with the checksums its go.sum records.
//
// The module itself is the root package. Each require is a package: direct,
// or transitive when go.mod marks it "// indirect". A replace with a
// version stands for the module it replaces (the build uses the
// replacement); a replace by a local directory keeps the required module,
// with the directory as the "replace_dir" property. Excluded versions are
// not required. go.sum's "h1:" checksums are hashes of a module's file
// tree, not of an artifact, so they are kept as the "h1" property rather
// than as hashes.
package gomod

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "golang/gomod"

// Extractor reads go.mod files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

func (Extractor) Name() string { return Name }
func (Extractor) Version() int { return 1 }

func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "go.mod"
}

func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	data, err := io.ReadAll(in.Reader)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", in.Path, err)
	}
	mf, err := parse(in.Path, data)
	if err != nil {
		return nil, err
	}
	sums := readSums(in.FS, path.Join(in.Dir(), "go.sum"))
	return packages(mf, sums), nil
}

// parse reads a go.mod file. A file with directives newer than heng
// knows is read as the go command reads dependencies' go.mod files
// (modfile.ParseLax): its requires, without its replace and exclude.
func parse(name string, data []byte) (*modfile.File, error) {
	mf, err := modfile.Parse(name, data, nil)
	if err == nil {
		return mf, nil
	}
	if lax, laxErr := modfile.ParseLax(name, data, nil); laxErr == nil {
		return lax, nil
	}
	return nil, fmt.Errorf("parse %q: %w", name, err)
}

// readSums reads go.sum's h1 checksums of module trees (not of their
// go.mod files), by "module@version". A missing go.sum is no error.
func readSums(fsys fs.FS, name string) map[string]string {
	sums := map[string]string{}
	if fsys == nil {
		return sums
	}
	f, err := fsys.Open(name)
	if err != nil {
		return sums
	}
	defer f.Close()
	parseSums(f, sums)
	return sums
}

// parseSums reads go.sum lines: "module version h1:hash", where a version
// ending in "/go.mod" sums only the module's go.mod file.
func parseSums(r io.Reader, sums map[string]string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 || strings.HasSuffix(f[1], "/go.mod") || !strings.HasPrefix(f[2], "h1:") {
			continue
		}
		sums[f[0]+"@"+f[1]] = f[2]
	}
}

func packages(mf *modfile.File, sums map[string]string) []inventory.Package {
	excluded := map[string]bool{}
	for _, x := range mf.Exclude {
		excluded[x.Mod.Path+"@"+x.Mod.Version] = true
	}
	type repl struct{ path, version, dir string }
	replaces := map[string]repl{}    // by path@version
	replacesAll := map[string]repl{} // by path, for replaces of every version
	for _, r := range mf.Replace {
		to := repl{path: r.New.Path, version: r.New.Version}
		if r.New.Version == "" { // a local directory
			to = repl{dir: r.New.Path}
		}
		if r.Old.Version == "" {
			replacesAll[r.Old.Path] = to
		} else {
			replaces[r.Old.Path+"@"+r.Old.Version] = to
		}
	}
	var out []inventory.Package
	var direct []string
	for _, r := range mf.Require {
		mod, ver := r.Mod.Path, r.Mod.Version
		if excluded[mod+"@"+ver] {
			continue
		}
		p := inventory.Package{
			Ecosystem:    inventory.EcosystemGo,
			Relationship: inventory.RelationshipDirect,
			Scope:        inventory.ScopeRequired,
		}
		if r.Indirect {
			p.Relationship = inventory.RelationshipTransitive
		}
		to, ok := replaces[mod+"@"+ver]
		if !ok {
			to, ok = replacesAll[mod]
		}
		switch {
		case ok && to.dir != "":
			p.Name, p.Version = mod, ver
			p.Properties = append(p.Properties, inventory.Property{Name: "replace_dir", Value: to.dir})
		case ok:
			p.Name, p.Version = to.path, to.version
			p.Properties = append(p.Properties, inventory.Property{Name: "replaces", Value: mod + "@" + ver})
		default:
			p.Name, p.Version = mod, ver
		}
		p.PURL = extractor.PURL("golang", "", p.Name, p.Version)
		if h, ok := sums[p.Name+"@"+p.Version]; ok {
			p.Properties = append(p.Properties, inventory.Property{Name: "h1", Value: h})
		}
		if !r.Indirect && p.PURL != "" {
			// A path that makes no purl (only in a broken go.mod) is
			// still listed, but cannot be pointed at.
			direct = append(direct, p.PURL)
		}
		out = append(out, p)
	}
	if mf.Module != nil && mf.Module.Mod.Path != "" {
		root := inventory.Package{
			Name:         mf.Module.Mod.Path,
			Ecosystem:    inventory.EcosystemGo,
			PURL:         extractor.PURL("golang", "", mf.Module.Mod.Path, ""),
			Relationship: inventory.RelationshipRoot,
			Dependencies: direct,
		}
		out = append(out, root)
	}
	return out
}
