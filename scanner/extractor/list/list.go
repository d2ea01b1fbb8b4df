// Package list is the registry of heng's extractors, written out by hand:
// adding an extractor means adding a line here, and nothing registers
// itself.
package list

import (
	"slices"

	"github.com/hengdev/heng/scanner/extractor"
	gobinary "github.com/hengdev/heng/scanner/extractor/golang/binary"
	"github.com/hengdev/heng/scanner/extractor/golang/gomod"
	"github.com/hengdev/heng/scanner/extractor/golang/vendormodules"
	"github.com/hengdev/heng/scanner/extractor/maven/gradlelock"
	"github.com/hengdev/heng/scanner/extractor/maven/pom"
	ohpminstalled "github.com/hengdev/heng/scanner/extractor/ohpm/installed"
	ohpmlock "github.com/hengdev/heng/scanner/extractor/ohpm/lock"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
	"github.com/hengdev/heng/scanner/extractor/pypi/eggmetadata"
	"github.com/hengdev/heng/scanner/extractor/pypi/pyproject"
	"github.com/hengdev/heng/scanner/extractor/pypi/requirements"
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
		{gomod.Extractor{}, Manifest, "golang"},
		{vendormodules.Extractor{}, Manifest, "golang"},
		{gobinary.Extractor{}, Installed, "golang"},
		{pom.Extractor{}, Manifest, "maven"},
		{gradlelock.Extractor{}, Manifest, "maven"},
		{ohpackage.Extractor{}, Manifest, "ohpm"},
		{ohpmlock.Extractor{}, Manifest, "ohpm"},
		{ohpminstalled.Extractor{}, Installed, "ohpm"},
		{pyproject.Extractor{}, Manifest, "pypi"},
		{requirements.Extractor{}, Manifest, "pypi"},
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

// All returns every extractor, sorted by name.
func All() []extractor.Extractor {
	var out []extractor.Extractor
	for _, e := range Entries() {
		out = append(out, e.Extractor)
	}
	return out
}
