// Package gemfilelock extracts the Ruby gems a project locks from its
// Gemfile.lock (or gems.locked, its name beside a gems.rb).
//
// Bundler writes the lock file in sections, each a header line followed
// by lines indented two spaces:
//
//   - Source sections, one per source: GEM (a gem server, "remote:"),
//     GIT ("remote:", "revision:" and "branch:", "tag:" or "ref:"), PATH
//     (a directory, "remote:") and PLUGIN SOURCE. Each lists under
//     "specs:" the gems it provides, four spaces in, as "name (version)"
//     or "name (version-platform)" for gems built for one platform
//     ("nokogiri (1.16.0-x86_64-linux)"), and below each gem, six spaces
//     in, the names (and requirements) of the gems it depends on.
//   - PLATFORMS: the platforms the lock resolves for.
//   - DEPENDENCIES: the gems the Gemfile names, with their requirements;
//     "!" marks those taken from a source other than the default one.
//   - CHECKSUMS (Bundler 2.5 and later): "name (version[-platform])
//     sha256=<hex>" per gem, bare "name (version)" when there is none.
//   - RUBY VERSION and BUNDLED WITH: the Ruby and Bundler versions.
//
// What the extractor reports, for each locked gem:
//
//   - Version and platform: the version is what precedes the first "-"
//     in parentheses, as Bundler reads it; a platform that follows is
//     the purl's "platform" qualifier, as the purl specification defines
//     it for gems (pkg:gem/nokogiri@1.16.0?platform=x86_64-linux), and the
//     "platform" property. Each platform build of a gem is a package of
//     its own: they are different files, with different checksums.
//   - Relationship: the gems of a PATH source at "." (a Gemfile that says
//     "gemspec": the gem the project itself is) are roots; the gems that
//     DEPENDENCIES names, and the gems roots depend on (their gemspec's
//     runtime dependencies, which DEPENDENCIES leaves out), are direct;
//     the others are transitive.
//   - Scope: unknown (""). The Gemfile's groups (:development, :test) are
//     not recorded in the lock file.
//   - Properties: "source_type" (gem, git, path or plugin), "remote" (the
//     gem server, repository or directory), and for git sources
//     "revision" and the "branch", "tag" or "ref" asked for.
//   - Hashes: CHECKSUMS' sha256 (the SHA-256 of the .gem file) as
//     SHA-256.
//   - Dependencies: resolved by name to the locked gems, every platform
//     build of them. Gems that are not locked (bundler itself) are left
//     out.
//   - Directory: for PATH sources other than the project itself, the
//     directory, when it is inside the tree.
//
// A lock file inside an installed gem (vendor/bundle/ruby/3.3.0/gems/x/)
// is not read. Gemfile.lock records no licenses. PLATFORMS, RUBY VERSION and BUNDLED
// WITH describe the project, not a gem, and are not reported.
package gemfilelock

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/hexdigest"
	"github.com/hengdev/heng/scanner/extractor/internal/treepath"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "gem/gemfilelock"

// Extractor reads Gemfile.lock and gems.locked files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns the extractor's name, gem/gemfilelock.
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts files named Gemfile.lock or gems.locked, except inside
// installed gems (see inInstalledGem).
func (Extractor) Match(f extractor.File) bool {
	b := extractor.Base(f.Path)
	return (b == "Gemfile.lock" || b == "gems.locked") && !inInstalledGem(f.Path)
}

// inInstalledGem reports whether a slash path is inside a gem Bundler or
// RubyGems installed: <path>/ruby/<ruby version>/gems/<gem>/... or
// .../bundler/gems/<gem>/... (git gems), as `bundle install --path
// vendor/bundle` lays them out. A gem may ship its Gemfile.lock; it is
// what its developers locked, not what the project installs.
func inInstalledGem(p string) bool {
	parts := strings.Split(p, "/")
	parts = parts[:len(parts)-1]
	for i := 0; i+3 < len(parts); i++ {
		if parts[i] != "ruby" || parts[i+1] == "" || parts[i+1][0] < '0' || parts[i+1][0] > '9' {
			continue
		}
		rest := parts[i+2:]
		if rest[0] == "bundler" {
			rest = rest[1:]
		}
		if len(rest) >= 2 && rest[0] == "gems" {
			return true
		}
	}
	return false
}

// Extract reads one lock file. It returns the gems it could read together
// with an error when some lines are bad.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	l, err := parse(in.Reader)
	pkgs := l.packages(in.Dir())
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// maxLine bounds the length of a line; Bundler writes short ones.
const maxLine = 1 << 20

// maxErrors bounds how many bad lines are reported.
const maxErrors = 10

// source is one source section.
type source struct {
	kind    string // gem, git, path or plugin
	remotes []string
	options []inventory.Property // revision, branch, tag, ref
}

// spec is one gem of a source.
type spec struct {
	name, version, platform string
	deps                    []string // names
	src                     *source
}

// lockfile is what the extractor reads of a Gemfile.lock.
type lockfile struct {
	specs     []spec
	direct    map[string]bool   // DEPENDENCIES
	checksums map[string]string // "name (version[-platform])" -> sha256 hex
}

// sourceKinds maps the headers of source sections to the kind of
// source.
var sourceKinds = map[string]string{
	"GEM":           "gem",
	"GIT":           "git",
	"PATH":          "path",
	"PLUGIN SOURCE": "plugin",
}

// parse reads a lock file. It returns what it read together with an error
// naming the first bad lines.
func parse(r io.Reader) (*lockfile, error) {
	l := &lockfile{direct: map[string]bool{}, checksums: map[string]string{}}
	var errs []error
	bad := func(n int, line, why string) {
		if len(errs) < maxErrors {
			errs = append(errs, fmt.Errorf("line %d: %s: %q", n, why, truncate(line)))
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var (
		section string
		src     *source
		inSpecs bool
		last    = -1 // index of the last spec of the current source
	)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		text := line[indent:]
		if isConflictMarker(line) {
			bad(n, line, "merge conflict marker")
			continue
		}
		if indent == 0 {
			section, src, inSpecs, last = text, nil, false, -1
			if kind, ok := sourceKinds[text]; ok {
				src = &source{kind: kind}
			}
			continue
		}
		switch {
		case src != nil:
			switch {
			case indent == 2:
				key, value, _ := strings.Cut(text, ":")
				value = strings.TrimSpace(value)
				switch key {
				case "specs":
					inSpecs = true
				case "remote":
					src.remotes = append(src.remotes, value)
				case "revision", "branch", "tag", "ref":
					src.options = append(src.options, inventory.Property{Name: key, Value: value})
				}
			case indent == 4 && inSpecs:
				name, inParens, ok := nameAndParens(text)
				if !ok || inParens == "" {
					bad(n, line, "not a gem and version")
					last = -1
					continue
				}
				version, platform, _ := strings.Cut(inParens, "-")
				if version == "" {
					bad(n, line, "no version")
					last = -1
					continue
				}
				l.specs = append(l.specs, spec{name: name, version: version, platform: platform, src: src})
				last = len(l.specs) - 1
			case indent == 6 && inSpecs:
				name, _, ok := nameAndParens(text)
				if !ok {
					bad(n, line, "not a dependency")
					continue
				}
				if last >= 0 {
					l.specs[last].deps = append(l.specs[last].deps, name)
				}
			default:
				bad(n, line, "unexpected indentation")
			}
		case section == "DEPENDENCIES":
			if indent != 2 {
				continue
			}
			name, _, ok := nameAndParens(text)
			if !ok {
				bad(n, line, "not a dependency")
				continue
			}
			l.direct[name] = true
		case section == "CHECKSUMS":
			if indent != 2 {
				continue
			}
			id, sums, _ := strings.Cut(text, ") ")
			for _, s := range strings.Split(sums, ",") {
				alg, hex, ok := strings.Cut(strings.TrimSpace(s), "=")
				if ok && alg == "sha256" && hexdigest.IsHex(hex, 64) {
					l.checksums[id+")"] = strings.ToLower(hex)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return l, errors.Join(errs...)
}

// nameAndParens splits "name", "name (x)", "name!" or "name (x)!" into
// the name and what is between the parentheses.
func nameAndParens(text string) (name, inParens string, ok bool) {
	text = strings.TrimSuffix(text, "!")
	name, rest, hasParens := strings.Cut(text, " (")
	if hasParens {
		var closed bool
		inParens, closed = strings.CutSuffix(rest, ")")
		if !closed {
			return "", "", false
		}
	}
	if name == "" || strings.ContainsAny(name, " ()") {
		return "", "", false
	}
	return name, inParens, true
}

func isConflictMarker(line string) bool {
	for _, m := range []string{"<<<<<<<", "=======", ">>>>>>>", "|||||||"} {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	return false
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// purl returns the purl of a gem, with the platform as qualifier.
func purl(name, version, platform string) string {
	if platform == "" {
		return extractor.PURL("gem", "", name, version)
	}
	p := packageurl.NewPackageURL("gem", "", name, version,
		packageurl.Qualifiers{{Key: "platform", Value: platform}}, "")
	if err := p.Normalize(); err != nil {
		return ""
	}
	return p.ToString()
}

// isRoot reports whether a gem is the project's own: from a PATH source
// at the lock's directory.
func (s *spec) isRoot() bool {
	return s.src.kind == "path" && slices.ContainsFunc(s.src.remotes, func(r string) bool {
		return r == "." || r == "./"
	})
}

// packages returns the gems of the lock file in directory dir.
func (l *lockfile) packages(dir string) []inventory.Package {
	if l == nil {
		return nil
	}
	purls := make([]string, len(l.specs))
	byName := make(map[string][]int, len(l.specs))
	for i, s := range l.specs {
		purls[i] = purl(s.name, s.version, s.platform)
		byName[s.name] = append(byName[s.name], i)
	}
	direct := maps.Clone(l.direct)
	for _, s := range l.specs {
		if s.isRoot() {
			for _, d := range s.deps {
				direct[d] = true
			}
		}
	}
	out := make([]inventory.Package, 0, len(l.specs))
	for i, s := range l.specs {
		if purls[i] == "" {
			continue
		}
		p := inventory.Package{
			Name:         s.name,
			Version:      s.version,
			Ecosystem:    inventory.EcosystemGem,
			PURL:         purls[i],
			Relationship: inventory.RelationshipTransitive,
		}
		switch {
		case s.isRoot():
			p.Relationship = inventory.RelationshipRoot
		case direct[s.name]:
			p.Relationship = inventory.RelationshipDirect
		}
		for _, d := range s.deps {
			for _, j := range byName[d] {
				if purls[j] != "" && j != i {
					p.Dependencies = append(p.Dependencies, purls[j])
				}
			}
		}
		p.Properties = append(p.Properties, inventory.Property{Name: "source_type", Value: s.src.kind})
		for _, r := range s.src.remotes {
			p.Properties = append(p.Properties, inventory.Property{Name: "remote", Value: r})
		}
		p.Properties = append(p.Properties, s.src.options...)
		id := s.name + " (" + s.version + ")"
		if s.platform != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: "platform", Value: s.platform})
			id = s.name + " (" + s.version + "-" + s.platform + ")"
		}
		if sum, ok := l.checksums[id]; ok {
			p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: sum}}
		}
		if s.src.kind == "path" && !s.isRoot() && len(s.src.remotes) == 1 {
			p.Directory = treepath.PackageDir(dir, s.src.remotes[0])
		}
		out = append(out, p)
	}
	return out
}
