// Package list is the registry of heng's extractors, written out by hand:
// adding an extractor means adding a line here, and nothing registers
// itself.
package list

import (
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/cargo/cargolock"
	"github.com/hengdev/heng/scanner/extractor/cargo/cargotoml"
	"github.com/hengdev/heng/scanner/extractor/composer/composerlock"
	"github.com/hengdev/heng/scanner/extractor/gem/gemfilelock"
	gobinary "github.com/hengdev/heng/scanner/extractor/golang/binary"
	"github.com/hengdev/heng/scanner/extractor/golang/gomod"
	"github.com/hengdev/heng/scanner/extractor/golang/vendormodules"
	"github.com/hengdev/heng/scanner/extractor/maven/gradlelock"
	"github.com/hengdev/heng/scanner/extractor/maven/pom"
	npminstalled "github.com/hengdev/heng/scanner/extractor/npm/installed"
	"github.com/hengdev/heng/scanner/extractor/npm/packagejson"
	"github.com/hengdev/heng/scanner/extractor/npm/packagelock"
	"github.com/hengdev/heng/scanner/extractor/npm/pnpmlock"
	"github.com/hengdev/heng/scanner/extractor/npm/yarnlock"
	"github.com/hengdev/heng/scanner/extractor/nuget/packageslock"
	ohpminstalled "github.com/hengdev/heng/scanner/extractor/ohpm/installed"
	ohpmlock "github.com/hengdev/heng/scanner/extractor/ohpm/lock"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
	"github.com/hengdev/heng/scanner/extractor/pypi/eggmetadata"
	"github.com/hengdev/heng/scanner/extractor/pypi/pipfilelock"
	"github.com/hengdev/heng/scanner/extractor/pypi/poetrylock"
	"github.com/hengdev/heng/scanner/extractor/pypi/pyproject"
	"github.com/hengdev/heng/scanner/extractor/pypi/requirements"
	"github.com/hengdev/heng/scanner/extractor/pypi/uvlock"
	"github.com/hengdev/heng/scanner/extractor/pypi/wheelmetadata"
)

// Kinds of extractors.
const (
	// Manifest extractors read what a project declares and locks:
	// package.json, lock files, go.mod, pom.xml.
	Manifest = "manifest"
	// Installed extractors read the records of packages installed in the
	// tree: node_modules/*/package.json, *.dist-info/METADATA, Go
	// binaries' build info.
	Installed = "installed"
)

// Entry is an extractor with its kind and ecosystem.
type Entry struct {
	Extractor extractor.Extractor
	Kind      string
	Ecosystem string
}

// Entries lists every extractor heng has, sorted by name.
func Entries() []Entry {
	es := []Entry{
		{cargolock.Extractor{}, Manifest, "cargo"},
		{cargotoml.Extractor{}, Manifest, "cargo"},
		{composerlock.Extractor{}, Manifest, "composer"},
		{gemfilelock.Extractor{}, Manifest, "gem"},
		{gomod.Extractor{}, Manifest, "golang"},
		{vendormodules.Extractor{}, Manifest, "golang"},
		{gobinary.Extractor{}, Installed, "golang"},
		{pom.Extractor{}, Manifest, "maven"},
		{gradlelock.Extractor{}, Manifest, "maven"},
		{packagejson.Extractor{}, Manifest, "npm"},
		{packagelock.Extractor{}, Manifest, "npm"},
		{yarnlock.Extractor{}, Manifest, "npm"},
		{pnpmlock.Extractor{}, Manifest, "npm"},
		{npminstalled.Extractor{}, Installed, "npm"},
		{packageslock.Extractor{}, Manifest, "nuget"},
		{ohpackage.Extractor{}, Manifest, "ohpm"},
		{ohpmlock.Extractor{}, Manifest, "ohpm"},
		{ohpminstalled.Extractor{}, Installed, "ohpm"},
		{pyproject.Extractor{}, Manifest, "pypi"},
		{requirements.Extractor{}, Manifest, "pypi"},
		{poetrylock.Extractor{}, Manifest, "pypi"},
		{pipfilelock.Extractor{}, Manifest, "pypi"},
		{uvlock.Extractor{}, Manifest, "pypi"},
		{wheelmetadata.Extractor{}, Installed, "pypi"},
		{eggmetadata.Extractor{}, Installed, "pypi"},
	}
	slices.SortFunc(es, func(a, b Entry) int {
		if a.Extractor.Name() < b.Extractor.Name() {
			return -1
		}
		return 1
	})
	return es
}

// All returns every extractor, sorted by name, ready for a scan: manifest
// extractors do not read the files of installed packages (see
// InsideInstalledPackage).
func All() []extractor.Extractor {
	var out []extractor.Extractor
	for _, e := range Entries() {
		ex := e.Extractor
		if e.Kind == Manifest {
			ex = notInstalled{ex}
		}
		out = append(out, ex)
	}
	return out
}

// packageDirs are the directories whose subdirectories are installed
// packages.
var packageDirs = []string{"node_modules", "oh_modules", "site-packages", "dist-packages"}

// InsideInstalledPackage reports whether a slash path is a file of an
// installed package: below node_modules/<name>/ (or a scope's
// node_modules/@scope/<name>/), oh_modules/<name>/, site-packages/<dir>/ or
// dist-packages/<dir>/. Installed packages ship manifests of their own
// (a requirements.txt in an npm package, a package.json in a test fixture,
// a Cargo.toml beside a native module's sources): what they ask for is not
// what the project asks for, and the installed-package records already say
// which packages are there. Files directly in such a directory
// (node_modules/.package-lock.json, npm's hidden lock file) are not inside
// a package.
func InsideInstalledPackage(p string) bool {
	for _, d := range packageDirs {
		i := 0
		for {
			j := strings.Index(p[i:], d+"/")
			if j < 0 {
				break
			}
			j += i
			if j == 0 || p[j-1] == '/' {
				// At least a directory and a file below it.
				if strings.Contains(p[j+len(d)+1:], "/") {
					return true
				}
			}
			i = j + len(d) + 1
		}
	}
	return false
}

// notInstalled is a manifest extractor that leaves installed packages'
// files alone.
type notInstalled struct{ extractor.Extractor }

func (n notInstalled) Match(f extractor.File) bool {
	return n.Extractor.Match(f) && !InsideInstalledPackage(f.Path)
}
