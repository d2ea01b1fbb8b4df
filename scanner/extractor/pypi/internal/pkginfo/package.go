package pkginfo

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Package returns the package a metadata file describes: its Name and
// Version, purl, declared license (see DeclaredLicense), a "license_file"
// property per License-File field and a "requires_dist" property per
// Requires-Dist field that applies without extras (its marker does not
// test "extra"), as written with its white space tidied, and the
// "homepage" and "repository" properties (see Links). Relationship,
// scope and directory are the caller's to set.
//
// Metadata without a valid Name is an error. Metadata without a Version
// gives a package without one, and an error.
func (m *Metadata) Package() (inventory.Package, error) {
	name := m.Get("Name")
	if name == "" {
		return inventory.Package{}, errors.New("no Name field")
	}
	if !ValidName(name) {
		return inventory.Package{}, fmt.Errorf("invalid Name %q", truncate(name, 60))
	}
	p := inventory.Package{
		Name:      NormalizeName(name),
		Version:   m.Get("Version"),
		Ecosystem: inventory.EcosystemPyPI,
	}
	p.PURL = extractor.PURL("pypi", "", p.Name, p.Version)
	if e := m.Get("License-Expression"); e != "" {
		p.DeclaredLicense = extractor.Declared(e)
	} else {
		p.DeclaredLicense = DeclaredLicense(m.Get("License"), m.All("Classifier"))
	}
	for _, f := range m.All("License-File") {
		p.Properties = append(p.Properties, inventory.Property{Name: "license_file", Value: f})
	}
	for _, r := range m.All("Requires-Dist") {
		if _, marker, _ := strings.Cut(r, ";"); extraMarker.MatchString(marker) {
			continue
		}
		p.Properties = append(p.Properties, inventory.Property{Name: "requires_dist", Value: strings.Join(strings.Fields(r), " ")})
	}
	p.Properties = append(p.Properties, m.Links()...)
	if p.Version == "" {
		return p, errors.New("no Version field")
	}
	return p, nil
}

// extraMarker matches a marker that tests the "extra" variable: the
// requirement applies only when an extra is asked for.
var extraMarker = regexp.MustCompile(`\bextra\s*[=!]=|[=!]=\s*extra\b`)

// DeclaredLicense returns a project's declared license from its free-text
// license (the License field, pyproject's license.text) and its trove
// classifiers, when it has no SPDX License-Expression (which, when
// present, is the declared license alone).
//
// Only the first non-blank line of the text is read: some projects put
// their whole license text in the field, and its first line ("MIT
// License", "BSD 3-Clause License") is what names it. "UNKNOWN" and
// "None", which old setuptools wrote for a missing license, count as no
// text. Of the classifiers, those starting "License ::" count, less
// those a more specific one refines ("License :: OSI Approved" beside
// "License :: OSI Approved :: MIT License").
//
// The text wins when heng maps all of it to known licenses: it is what
// the author wrote, and classifiers are coarser ("BSD License" names no
// BSD license in particular). Otherwise the classifiers win when they all
// map to known licenses ("All contributions are MIT licensed." beside the
// MIT classifier). Otherwise the text, and failing that the classifiers,
// are kept as they normalise. Several classifiers are ANDed
// (extractor.Declared).
func DeclaredLicense(text string, classifiers []string) *inventory.DeclaredLicense {
	text = firstLine(text)
	if strings.EqualFold(text, "unknown") || strings.EqualFold(text, "none") {
		text = ""
	}
	lc := licenseClassifiers(classifiers)
	switch {
	case text != "" && licenses.Normalize(text).Known:
		return extractor.Declared(text)
	case len(lc) > 0 && allKnown(lc):
		return extractor.Declared(lc...)
	case text != "":
		return extractor.Declared(text)
	}
	return extractor.Declared(lc...)
}

// firstLine returns the first line of s that is not blank, trimmed.
func firstLine(s string) string {
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// licenseClassifiers returns the "License ::" classifiers of cs that no
// other one refines, with their white space tidied.
func licenseClassifiers(cs []string) []string {
	var lc []string
	for _, c := range cs {
		c = strings.Join(strings.Fields(c), " ")
		if strings.HasPrefix(c, "License ::") {
			lc = append(lc, c)
		}
	}
	var out []string
	for _, c := range lc {
		refined := false
		for _, d := range lc {
			if strings.HasPrefix(d, c+" ::") {
				refined = true
				break
			}
		}
		if !refined {
			out = append(out, c)
		}
	}
	return out
}

func allKnown(ls []string) bool {
	for _, l := range ls {
		if !licenses.Normalize(l).Known {
			return false
		}
	}
	return true
}
