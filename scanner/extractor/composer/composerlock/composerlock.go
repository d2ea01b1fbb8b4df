// Package composerlock extracts the PHP packages a project locks from its
// composer.lock, with the help of the composer.json beside it.
//
// composer.lock is JSON written by Composer (1.x and 2.x write the same
// shape): "packages" holds the packages installed for production and
// "packages-dev" those installed only for development, each with its
// name ("vendor/package"), version, "source" (a VCS checkout), "dist" (an
// archive, or a local path for path repositories), "require",
// "provide", "replace", "type" and "license".
//
// What the extractor reports, for each locked package:
//
//   - Scope: required for "packages", dev for "packages-dev".
//   - Relationship: when composer.json sits beside the lock, direct for
//     the packages its "require" or "require-dev" names and transitive
//     for the others; without composer.json, unknown ("").
//   - Version: as locked. Composer locks tag names, "v1.2.3" as often as
//     "1.2.3", and branches as "dev-main"; the purl keeps the version as
//     written (pkg:composer/vendor/name@v1.2.3), as the purl
//     specification's composer type and Packagist do.
//   - Declared license: the "license" array. Composer documents several
//     entries as a choice the user makes ("dual licensed"), so they are
//     joined with OR: ["BSD-3-Clause", "GPL-2.0-only"] is
//     "BSD-3-Clause OR GPL-2.0-only".
//   - Hashes: dist.shasum, the SHA-1 of the archive, when the repository
//     gives one (Packagist leaves it empty; private repositories and
//     artifacts often fill it).
//   - Properties: "resolved" (the dist URL), "source_url" and
//     "source_reference" (the VCS URL and commit), "path" (the local
//     directory of a path repository) and "type" (the Composer package
//     type, when not "library"), "homepage" (the "homepage" field, when
//     an absolute http(s) URL) and "repository" (source.url again, when
//     source.type is git and the URL is an http(s) or git URL; kept
//     beside source_url so that every ecosystem names the repository
//     alike).
//   - Dependencies: the "require" entries, resolved by name to the locked
//     packages, or to the packages that "provide" or "replace" the name
//     (psr/log-implementation is provided by monolog/monolog). Platform
//     requirements (php, ext-*, lib-*, composer-plugin-api...) are not
//     packages: they are the names without a vendor prefix.
//   - Directory: where Composer installs the package, the vendor
//     directory (composer.json's config.vendor-dir, "vendor" by default)
//     joined with the name, below the lock's directory; for a path
//     repository, the path itself (Composer symlinks it into vendor/).
//     Metapackages have no files and no directory. Installer plugins
//     (composer/installers) move some package types elsewhere; heng finds
//     no license files in the vendor directory of those.
//
// A composer.lock inside an installed package (vendor/<vendor>/<name>/)
// is not read: it is what that package's developers locked, not what the
// project installs.
//
// When composer.json names the project, the project is the root package
// too: its name, version (when given) and license, depending on the
// packages it requires. A composer.json that does not parse is ignored.
// "aliases" (branch aliases) change no package and are not read.
package composerlock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/hexdigest"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/internal/treepath"
	"github.com/hengdev/heng/scanner/extractor/internal/weburl"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "composer/composerlock"

// Extractor reads composer.lock files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name, composer/composerlock.
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts files named composer.lock, except inside an installed
// package (vendor/<vendor>/<name>/...): what an installed package locks
// is not what the project installs.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "composer.lock" && !inInstalledPackage(f.Path)
}

// inInstalledPackage reports whether a slash path is inside the directory
// of a package Composer installed: two levels or more below a "vendor"
// directory, the default vendor-dir.
func inInstalledPackage(p string) bool {
	parts := strings.Split(p, "/")
	for i, part := range parts[:len(parts)-1] {
		if part == "vendor" && len(parts)-1-i > 2 {
			return true
		}
	}
	return false
}

// maxManifestSize bounds how much of composer.json is read.
const maxManifestSize = 4 << 20

// Extract reads one composer.lock and the composer.json beside it. It
// returns the packages it could read together with an error when part of
// the file is bad.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	l, err := parse(in.Reader)
	var pkgs []inventory.Package
	if l != nil {
		pkgs = l.packages(readManifest(in.FS, path.Join(in.Dir(), "composer.json")), in.Dir())
	}
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// lockPackage is one entry of "packages" or "packages-dev".
type lockPackage struct {
	Name    string      `json:"name"`
	Version string      `json:"version"`
	Source  location    `json:"source"`
	Dist    location    `json:"dist"`
	Require links       `json:"require"`
	Provide links       `json:"provide"`
	Replace links       `json:"replace"`
	Type    string      `json:"type"`
	License licenseList `json:"license"`
	// Homepage is "homepage"; a value that is not a string reads as "".
	Homepage looseString `json:"homepage"`

	dev  bool
	purl string
}

// location is a package's "source" or "dist".
type location struct {
	Type      string `json:"type"`
	URL       string `json:"url"`
	Reference string `json:"reference"`
	Shasum    string `json:"shasum"`
}

// looseString is a JSON string; a value of another type reads as "",
// without an error: a bad homepage must not hide the package.
type looseString string

// UnmarshalJSON implements json.Unmarshaler.
func (s *looseString) UnmarshalJSON(b []byte) error {
	var str string
	if json.Unmarshal(b, &str) == nil {
		*s = looseString(str)
	}
	return nil
}

// links is a "require", "provide" or "replace" field: package names and
// constraints. Composer is PHP, whose empty arrays encode as [] as often
// as {}.
type links map[string]string

func (l *links) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '[' {
		var empty []struct{}
		return json.Unmarshal(data, &empty)
	}
	return json.Unmarshal(data, (*map[string]string)(l))
}

// licenseList is a "license" field: an array in lock files, a string or
// an array in composer.json.
type licenseList []string

func (l *licenseList) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*l = licenseList{s}
		return nil
	}
	var ss []string
	err := json.Unmarshal(data, &ss)
	*l = ss
	return err
}

// declared returns the declared license of a license list: its entries
// are alternatives.
func (l licenseList) declared() *inventory.DeclaredLicense {
	var parts []string
	for _, s := range l {
		s = strings.TrimSpace(s)
		if s == "" || slices.Contains(parts, s) {
			continue
		}
		parts = append(parts, s)
	}
	if len(parts) < 2 {
		return extractor.Declared(parts...)
	}
	for i, s := range parts {
		if strings.ContainsAny(s, " \t") {
			parts[i] = "(" + s + ")"
		}
	}
	return extractor.Declared(strings.Join(parts, " OR "))
}

// lock is what the extractor reads of a composer.lock.
type lock struct {
	entries []lockPackage
}

// parse reads a composer.lock as a stream: the packages one by one,
// skipping the rest. It returns the packages read so far together with
// an error when the file is cut short or not JSON, and every good package
// with an error naming the first bad one when some have fields of the
// wrong type.
func parse(r io.Reader) (*lock, error) {
	dec := json.NewDecoder(r)
	l := &lock{}
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var errs []error
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return l, err
		}
		key, _ := tok.(string)
		if key != "packages" && key != "packages-dev" {
			if err := skipValue(dec); err != nil {
				return l, err
			}
			continue
		}
		tok, err = dec.Token()
		if err != nil {
			return l, err
		}
		if tok == nil { // null
			continue
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			errs = append(errs, fmt.Errorf("%s is not an array", key))
			if err := skipRest(dec, tok); err != nil {
				return l, err
			}
			continue
		}
		for i := 0; dec.More(); i++ {
			var p lockPackage
			if err := dec.Decode(&p); err != nil {
				var typeErr *json.UnmarshalTypeError
				if !errors.As(err, &typeErr) {
					return l, err
				}
				errs = append(errs, fmt.Errorf("%s[%d]: %w", key, i, err))
			}
			if p.Name == "" || p.Version == "" {
				errs = append(errs, fmt.Errorf("%s[%d]: no name or version", key, i))
				continue
			}
			p.dev = key == "packages-dev"
			l.entries = append(l.entries, p)
		}
		if _, err := dec.Token(); err != nil { // ']'
			return l, err
		}
	}
	return l, errors.Join(errs...)
}

// expectDelim reads the next token, which must be delimiter d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return fmt.Errorf("not a JSON object")
	}
	return nil
}

// skipValue skips the next value.
func skipValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	return skipRest(dec, tok)
}

// skipRest skips the rest of the value whose first token was tok.
func skipRest(dec *json.Decoder, tok json.Token) error {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// manifest is what the extractor reads of composer.json.
type manifest struct {
	Name       string      `json:"name"`
	Version    string      `json:"version"`
	License    licenseList `json:"license"`
	Require    links       `json:"require"`
	RequireDev links       `json:"require-dev"`
	Config     struct {
		VendorDir any `json:"vendor-dir"`
	} `json:"config"`
}

// readManifest reads composer.json; nil when it is absent or not JSON.
// Fields of the wrong type are left empty.
func readManifest(fsys fs.FS, name string) *manifest {
	m, _ := sidefile.Parse(fsys, name, func(r io.Reader) (*manifest, error) {
		data, err := io.ReadAll(io.LimitReader(r, maxManifestSize))
		if err != nil {
			return nil, err
		}
		return parseManifest(data), nil
	})
	return m
}

// parseManifest decodes composer.json; nil when it is not JSON.
func parseManifest(data []byte) *manifest {
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return nil
		}
	}
	return &m
}

// vendorDir returns the vendor directory composer.json configures,
// "vendor" by default, or "" when it is not a relative path in the
// tree ("{$HOME}/vendor", "/opt/vendor").
func (m *manifest) vendorDir() string {
	if m == nil || m.Config.VendorDir == nil {
		return "vendor"
	}
	s, _ := m.Config.VendorDir.(string)
	s = strings.TrimSuffix(s, "/")
	if s == "" || path.IsAbs(s) || strings.ContainsAny(s, "\\${}~") {
		return ""
	}
	return s
}

// isPlatform reports whether a requirement names the platform (php,
// ext-json, lib-pcre, composer-plugin-api) rather than a package: every
// package has a vendor prefix.
func isPlatform(name string) bool {
	return !strings.Contains(name, "/")
}

// packages returns the locked packages, and the project as root when
// composer.json (m, nil when absent) names it. dir is the lock's
// directory.
func (l *lock) packages(m *manifest, dir string) []inventory.Package {
	byName := make(map[string]int, len(l.entries))
	providers := map[string][]int{}
	for i := range l.entries {
		p := &l.entries[i]
		p.purl = extractor.PURL("composer", "", p.Name, p.Version)
		name := strings.ToLower(p.Name)
		if _, dup := byName[name]; !dup {
			byName[name] = i
		}
		for _, set := range []links{p.Provide, p.Replace} {
			for prov := range set {
				prov = strings.ToLower(prov)
				providers[prov] = append(providers[prov], i)
			}
		}
	}
	// resolve returns the purls of the locked packages that satisfy a
	// requirement of name.
	resolve := func(name string) []string {
		name = strings.ToLower(name)
		if isPlatform(name) {
			return nil
		}
		if i, ok := byName[name]; ok {
			return []string{l.entries[i].purl}
		}
		var out []string
		for _, i := range providers[name] {
			out = append(out, l.entries[i].purl)
		}
		return out
	}

	direct := map[string]bool{}
	var rootDeps []string
	if m != nil {
		for _, req := range []links{m.Require, m.RequireDev} {
			for name := range req {
				direct[strings.ToLower(name)] = true
				rootDeps = append(rootDeps, resolve(name)...)
			}
		}
	}
	vendor := m.vendorDir()
	// Most packages of a lock share a handful of licenses: normalise
	// each list once.
	declared := map[string]inventory.DeclaredLicense{}
	declare := func(l licenseList) *inventory.DeclaredLicense {
		key := strings.Join(l, "\x00")
		d, ok := declared[key]
		if !ok {
			dp := l.declared()
			if dp == nil {
				declared[key] = inventory.DeclaredLicense{}
				return nil
			}
			d = *dp
			declared[key] = d
		}
		if d.Raw == "" && d.Expression == "" {
			return nil
		}
		return &d
	}

	out := make([]inventory.Package, 0, len(l.entries)+1)
	for _, lp := range l.entries {
		p := inventory.Package{
			Name:            lp.Name,
			Version:         lp.Version,
			Ecosystem:       inventory.EcosystemComposer,
			PURL:            lp.purl,
			Scope:           inventory.ScopeRequired,
			DeclaredLicense: declare(lp.License),
		}
		if lp.dev {
			p.Scope = inventory.ScopeDev
		}
		if m != nil {
			p.Relationship = inventory.RelationshipTransitive
			if direct[strings.ToLower(lp.Name)] {
				p.Relationship = inventory.RelationshipDirect
			}
		}
		names := make([]string, 0, len(lp.Require))
		for name := range lp.Require {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			p.Dependencies = append(p.Dependencies, resolve(name)...)
		}
		prop := func(name, value string) {
			if value != "" {
				p.Properties = append(p.Properties, inventory.Property{Name: name, Value: value})
			}
		}
		switch {
		case lp.Dist.Type == "path":
			prop("path", lp.Dist.URL)
			p.Directory = treepath.PackageDir(dir, lp.Dist.URL)
		case lp.Type == "metapackage":
		case vendor != "":
			p.Directory = treepath.PackageDir(dir, path.Join(vendor, lp.Name))
		}
		if lp.Dist.Type != "path" {
			prop("resolved", lp.Dist.URL)
		}
		prop("source_url", lp.Source.URL)
		prop("source_reference", lp.Source.Reference)
		prop(weburl.HomepageProperty, weburl.Homepage(string(lp.Homepage)))
		if lp.Source.Type == "git" {
			prop(weburl.RepositoryProperty, weburl.Repository(lp.Source.URL))
		}
		if lp.Type != "library" {
			prop("type", lp.Type)
		}
		if h, ok := hexdigest.Hash("SHA-1", lp.Dist.Shasum); ok {
			p.Hashes = []inventory.Hash{h}
		}
		out = append(out, p)
	}
	if m != nil && m.Name != "" {
		out = append(out, inventory.Package{
			Name:            m.Name,
			Version:         m.Version,
			Ecosystem:       inventory.EcosystemComposer,
			PURL:            extractor.PURL("composer", "", m.Name, m.Version),
			Relationship:    inventory.RelationshipRoot,
			DeclaredLicense: m.License.declared(),
			Dependencies:    rootDeps,
		})
	}
	return out
}
