package scanner

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/classify"
	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
	"github.com/hengdev/heng/scanner/walk"
)

// MaxManifestSize is the largest manifest or lock file an extractor is
// given. Larger ones are reported, not parsed: a lock file of more than
// 256 MiB is not one.
const MaxManifestSize = 256 << 20

// matching returns the extractors that read the file at path.
func (s *scan) matching(path string, size int64) []extractor.Extractor {
	var out []extractor.Extractor
	f := extractor.File{Path: path, Size: size}
	for _, ex := range s.cfg.Extractors {
		if ex.Match(f) {
			out = append(out, ex)
		}
	}
	return out
}

// extract runs the extractors that match entry e. content is the file's
// content when it was read (nil when it was too large to read for
// licenses: then the file is opened again and streamed, up to
// MaxManifestSize).
func (s *scan) extract(e walk.Entry, exs []extractor.Extractor, content []byte) {
	for _, ex := range exs {
		in := &extractor.Input{FS: s.fsys, Path: e.Path, Size: e.Size}
		var closer io.Closer
		if content != nil {
			in.Reader, in.ReaderAt, in.Size = bytes.NewReader(content), bytes.NewReader(content), int64(len(content))
		} else {
			if e.Size > MaxManifestSize {
				s.pkgIssue(e.Path, ex.Name(), fmt.Sprintf("too large to read (%d bytes; the limit is %d)", e.Size, MaxManifestSize))
				continue
			}
			f, err := os.Open(e.OSPath)
			if err != nil {
				s.pkgIssue(e.Path, ex.Name(), readError(err))
				continue
			}
			in.Reader, in.ReaderAt, closer = io.LimitReader(f, MaxManifestSize), f, f
		}
		pkgs, err := runSafely(s.ctx, ex, in)
		if closer != nil {
			closer.Close()
		}
		for i := range pkgs {
			pkgs[i].Locations = append(pkgs[i].Locations, inventory.Location{Path: e.Path, FoundBy: ex.Name()})
		}
		s.mu.Lock()
		s.packages = append(s.packages, pkgs...)
		s.mu.Unlock()
		if err != nil {
			s.pkgIssue(e.Path, ex.Name(), err.Error())
		}
	}
}

// runSafely runs one extractor, turning a panic into an error: one bad
// lock file never stops a scan.
func runSafely(ctx context.Context, ex extractor.Extractor, in *extractor.Input) (pkgs []inventory.Package, err error) {
	defer func() {
		if r := recover(); r != nil {
			pkgs, err = nil, fmt.Errorf("internal error: %v\n%s", r, firstFrames(debug.Stack()))
		}
	}()
	return ex.Extract(ctx, in)
}

// firstFrames keeps the top of a stack trace, for a bug report.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	return strings.Join(lines[:min(len(lines), 12)], "\n")
}

func (s *scan) pkgIssue(path, ex, msg string) {
	// Extractors name the file in their errors; the report pairs the
	// path and the message already.
	msg = strings.TrimPrefix(msg, fmt.Sprintf("parse %q: ", path))
	s.mu.Lock()
	s.issues = append(s.issues, inventory.Issue{Path: path, Message: msg, Extractor: ex})
	s.mu.Unlock()
}

// finishPackages merges the packages found, gives them the licenses found
// in their own files, and makes packages of the license-bearing
// directories of third_party/, vendor/ and external/ that no manifest
// explains.
func (s *scan) finishPackages() []inventory.Package {
	// Extractors ran concurrently: put what they found in a fixed order
	// first, so that merging (which keeps the first declared license and
	// directory of a package) gives the same result on every run.
	slices.SortStableFunc(s.packages, func(a, b inventory.Package) int {
		return cmp.Or(inventory.ComparePackages(&a, &b), slices.CompareFunc(a.Locations, b.Locations, inventory.CompareLocations))
	})
	pkgs := inventory.MergePackages(s.packages)
	byDir := licenseFilesByDir(s.files)
	explained := map[string]bool{}
	for i := range pkgs {
		p := &pkgs[i]
		if p.Directory == "" {
			continue
		}
		if filepath.IsAbs(p.Directory) {
			continue // read from outside the tree (moduleCacheLicenses)
		}
		explained[p.Directory] = true
		p.DetectedLicenses = append(p.DetectedLicenses, detectedIn(byDir, p.Directory)...)
		p.Normalize()
	}
	if s.cfg.ModuleCache != "" {
		s.moduleCacheLicenses(pkgs)
	}
	pkgs = append(pkgs, unexplainedDirs(byDir, explained)...)
	slices.SortFunc(pkgs, func(a, b inventory.Package) int { return inventory.ComparePackages(&a, &b) })
	return pkgs
}

// licenseFilesByDir maps a directory to the license findings of the
// license files directly in it, and in a licenses/ or LICENSES/
// directory of it (REUSE, Python wheels).
func licenseFilesByDir(files []inventory.File) map[string][]inventory.File {
	out := map[string][]inventory.File{}
	for _, f := range files {
		if !hasTag(f.Tags, inventory.TagLicense) || len(f.Licenses) == 0 {
			continue
		}
		dir := path.Dir(f.Path)
		if b := path.Base(dir); strings.EqualFold(b, "licenses") && dir != "." {
			dir = path.Dir(dir)
		}
		out[dir] = append(out[dir], f)
	}
	return out
}

// detectedIn returns the licenses of the license files of dir.
func detectedIn(byDir map[string][]inventory.File, dir string) []inventory.DetectedLicense {
	files := map[string][]string{}
	for _, f := range byDir[dir] {
		for _, l := range f.Licenses {
			if n := l.Name(); n != "" {
				files[n] = append(files[n], f.Path)
			}
		}
	}
	var out []inventory.DetectedLicense
	for l, fs := range files {
		out = append(out, inventory.DetectedLicense{License: l, Files: fs})
	}
	return out
}

// thirdPartyRoots are the directory names under which a directory with a
// license file of its own is a bundled component.
var thirdPartyRoots = []string{"third_party", "third-party", "thirdparty", "3rdparty", "vendor", "external", "extern"}

// unexplainedDirs makes a package of every directory below a third-party
// root that has a license file of its own and is neither a package's
// directory nor inside one: vendored C code, copied libraries.
func unexplainedDirs(byDir map[string][]inventory.File, explained map[string]bool) []inventory.Package {
	var dirs []string
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	var out []inventory.Package
	for _, d := range dirs {
		name, ok := componentName(d)
		if !ok || insideExplained(d, explained) {
			continue
		}
		p := inventory.Package{
			Name:             name,
			Ecosystem:        inventory.EcosystemGeneric,
			Directory:        d,
			DetectedLicenses: detectedIn(byDir, d),
		}
		for _, f := range byDir[d] {
			p.Locations = append(p.Locations, inventory.Location{Path: f.Path, FoundBy: "generic/license-dir"})
		}
		p.Normalize()
		out = append(out, p)
	}
	return out
}

// componentName returns the name of a bundled component in directory d:
// its path below the innermost third-party root ("zlib" for
// third_party/zlib, "github.com/x/y" for vendor/github.com/x/y).
func componentName(d string) (string, bool) {
	parts := strings.Split(d, "/")
	for i := len(parts) - 2; i >= 0; i-- {
		if slices.Contains(thirdPartyRoots, strings.ToLower(parts[i])) {
			return strings.Join(parts[i+1:], "/"), true
		}
	}
	return "", false
}

func insideExplained(d string, explained map[string]bool) bool {
	for {
		if explained[d] {
			return true
		}
		if d == "." || d == "/" || d == "" {
			return false
		}
		d = path.Dir(d)
	}
}

// moduleCacheLicenses gives Go modules that are not vendored the licenses
// of their license files in the local module cache, when it holds them.
// Nothing is downloaded.
func (s *scan) moduleCacheLicenses(pkgs []inventory.Package) {
	for i := range pkgs {
		p := &pkgs[i]
		if p.Ecosystem != inventory.EcosystemGo || p.Version == "" || p.Directory != "" || p.Relationship == inventory.RelationshipRoot {
			continue
		}
		dir, ok := moduleCacheDir(s.cfg.ModuleCache, p.Name, p.Version)
		if !ok {
			continue
		}
		found := false
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if e.IsDir() || !classify.IsLicenseFile(e.Name()) {
				continue
			}
			f := filepath.Join(dir, e.Name())
			data, err := os.ReadFile(f)
			if err != nil || len(data) > int(s.cfg.MaxFileSize) {
				continue
			}
			data, _ = licenses.Decode(data)
			res, err := s.cfg.Detector.Analyze(data, licenses.ModeLicenseFile)
			if err != nil {
				continue
			}
			for _, l := range res.Findings {
				if n := cmp.Or(l.ID, l.Expression); n != "" {
					p.DetectedLicenses = append(p.DetectedLicenses, inventory.DetectedLicense{License: n, Files: []string{filepath.ToSlash(f)}})
					found = true
				}
			}
		}
		if found {
			p.Directory = filepath.ToSlash(dir)
			p.Normalize()
		}
	}
}

// moduleCacheDir returns the directory of module@version in a Go module
// cache, which spells upper-case letters as "!" and the lower-case letter
// (golang.org/x/mod/module.EscapePath).
func moduleCacheDir(cache, mod, version string) (string, bool) {
	var b strings.Builder
	for _, r := range mod + "@" + version {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('!')
			b.WriteRune(r + ('a' - 'A'))
			continue
		}
		b.WriteRune(r)
	}
	dir := filepath.Join(cache, filepath.FromSlash(b.String()))
	st, err := os.Stat(dir)
	return dir, err == nil && st.IsDir()
}
