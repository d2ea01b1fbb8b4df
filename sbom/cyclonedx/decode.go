package cyclonedx

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/inventory"
)

// MaxDocumentSize bounds the SBOMs heng reads (256 MiB): a document larger
// than that is refused rather than read into memory.
const MaxDocumentSize = 256 << 20

// Read decodes a CycloneDX document, JSON or XML (told apart by its first
// character), of any spec version cyclonedx-go reads (1.0 to 1.7).
func Read(r io.Reader) (*cdx.BOM, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxDocumentSize {
		return nil, fmt.Errorf("larger than %d MiB", MaxDocumentSize>>20)
	}
	trimmed, isXML := body(data)
	format := cdx.BOMFileFormatJSON
	if isXML {
		format = cdx.BOMFileFormatXML
	}
	var bom cdx.BOM
	if err := cdx.NewBOMDecoder(bytes.NewReader(trimmed), format).Decode(&bom); err != nil {
		return nil, fmt.Errorf("not a CycloneDX document: %w", err)
	}
	if format == cdx.BOMFileFormatJSON && bom.BOMFormat != "CycloneDX" {
		return nil, fmt.Errorf("not a CycloneDX document: bomFormat is %q, want \"CycloneDX\"", bom.BOMFormat)
	}
	return &bom, nil
}

// IsXML reports whether a document is XML rather than JSON: its first
// character, after a byte-order mark and white space, is "<".
func IsXML(data []byte) bool {
	_, xml := body(data)
	return xml
}

// body strips a document's byte-order mark and leading white space, and
// tells XML from JSON by the first character left.
func body(data []byte) (trimmed []byte, xml bool) {
	trimmed = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return trimmed, len(trimmed) > 0 && trimmed[0] == '<'
}

// Packages turns a CycloneDX document made by any tool (Syft, Trivy,
// cdxgen, heng) into heng's packages, so that other tools' SBOMs can be
// checked like heng's own scans:
//
//   - metadata.component is the project (relationship root); nested
//     components are flattened.
//   - Licenses with acknowledgement "concluded" become detected licenses;
//     all others (declared, or no acknowledgement, as before 1.6) the
//     declared license, several joined with AND. Ids, names in English or
//     Chinese and expressions all go through licenses.Normalize, so
//     "Apache License, Version 2.0" and "木兰宽松许可证，第2版" are read as
//     Apache-2.0 and MulanPSL-2.0. evidence.licenses count as detected,
//     with the evidence's occurrences as their files.
//   - scope excluded reads as dev (heng's own heng:scope property, when
//     present, says dev or test); heng:relationship and the other heng:
//     properties are read back.
//   - The dependency graph becomes each package's dependencies, by purl
//     (by bom-ref for components without one).
func Packages(bom *cdx.BOM) []inventory.Package {
	var pkgs []inventory.Package
	refKey := map[string]string{} // bom-ref -> purl or bom-ref
	var add func(c *cdx.Component, root bool)
	add = func(c *cdx.Component, root bool) {
		p := packageOf(c)
		if root {
			p.Relationship = inventory.RelationshipRoot
		}
		if c.BOMRef != "" {
			refKey[c.BOMRef] = cmp.Or(p.PURL, c.BOMRef)
		}
		pkgs = append(pkgs, p)
		if c.Components != nil {
			for i := range *c.Components {
				add(&(*c.Components)[i], false)
			}
		}
	}
	if bom.Metadata != nil && bom.Metadata.Component != nil {
		add(bom.Metadata.Component, true)
	}
	if bom.Components != nil {
		for i := range *bom.Components {
			add(&(*bom.Components)[i], false)
		}
	}
	deps := map[string][]string{}
	if bom.Dependencies != nil {
		for _, d := range *bom.Dependencies {
			from := cmp.Or(refKey[d.Ref], d.Ref)
			if d.Dependencies == nil {
				continue
			}
			for _, to := range *d.Dependencies {
				deps[from] = append(deps[from], cmp.Or(refKey[to], to))
			}
		}
	}
	for i := range pkgs {
		p := &pkgs[i]
		key := p.PURL
		if key == "" {
			key = p.Property("bom_ref")
		}
		p.Dependencies = append(p.Dependencies, deps[key]...)
		p.Normalize()
	}
	return inventory.MergePackages(pkgs)
}

// ecosystems maps purl types to heng's ecosystems.
var ecosystems = map[string]string{
	"golang": inventory.EcosystemGo, "npm": inventory.EcosystemNPM, "ohpm": inventory.EcosystemOHPM,
	"pypi": inventory.EcosystemPyPI, "maven": inventory.EcosystemMaven, "cargo": inventory.EcosystemCargo,
	"composer": inventory.EcosystemComposer, "gem": inventory.EcosystemGem, "nuget": inventory.EcosystemNuGet,
}

func packageOf(c *cdx.Component) inventory.Package {
	p := inventory.Package{Name: c.Name, Version: c.Version, Ecosystem: inventory.EcosystemGeneric}
	if c.PackageURL != "" {
		if u, err := packageurl.FromString(c.PackageURL); err == nil {
			p.PURL = u.ToString()
			p.Ecosystem = cmp.Or(ecosystems[u.Type], u.Type)
			p.Name = purlName(u, c)
			if p.Version == "" {
				p.Version = u.Version
			}
		} else {
			p.Properties = append(p.Properties, inventory.Property{Name: "invalid_purl", Value: c.PackageURL})
		}
	} else if c.Group != "" {
		p.Name = c.Group + "/" + c.Name
	}
	if c.BOMRef != "" {
		p.Properties = append(p.Properties, inventory.Property{Name: "bom_ref", Value: c.BOMRef})
	}
	switch c.Scope {
	case cdx.ScopeRequired:
		p.Scope = inventory.ScopeRequired
	case cdx.ScopeOptional:
		p.Scope = inventory.ScopeOptional
	case cdx.ScopeExcluded:
		p.Scope = inventory.ScopeDev
	}
	if c.Hashes != nil {
		for _, h := range *c.Hashes {
			p.Hashes = append(p.Hashes, inventory.Hash{Algorithm: string(h.Algorithm), Value: strings.ToLower(h.Value)})
		}
	}
	if c.Properties != nil {
		for _, q := range *c.Properties {
			name, ok := strings.CutPrefix(q.Name, "heng:")
			switch {
			case !ok:
				continue
			case name == "relationship":
				p.Relationship = q.Value
			case name == "scope":
				p.Scope = q.Value
			case name == "directory":
				p.Directory = q.Value
			case name == "ecosystem":
				p.Ecosystem = q.Value
			case name == "found_by":
				if by, path, ok := strings.Cut(q.Value, ":"); ok {
					p.Locations = append(p.Locations, inventory.Location{Path: path, FoundBy: by})
				}
			case strings.HasPrefix(name, "license:"):
				// read with the licenses below
			default:
				p.Properties = append(p.Properties, inventory.Property{Name: name, Value: q.Value})
			}
		}
	}
	var declared []string
	// Entries of one license are joined by Normalize.
	addDetected := func(expr string, files []string) {
		p.DetectedLicenses = append(p.DetectedLicenses, inventory.DetectedLicense{License: expr, Files: files})
	}
	concludedProp := ""
	if c.Properties != nil {
		for _, q := range *c.Properties {
			if q.Name == "heng:license:concluded" {
				concludedProp = q.Value
			}
		}
	}
	if c.Licenses != nil {
		for _, l := range *c.Licenses {
			expr, ack := choiceLicense(l)
			if expr == "" {
				continue
			}
			if ack == cdx.LicenseAcknowledgementConcluded || ack == "" && expr == concludedProp {
				addDetected(expr, nil)
			} else {
				declared = append(declared, expr)
			}
		}
	}
	if c.Properties != nil {
		// heng's own SBOMs on old spec versions keep the declared
		// license here when the concluded one took its place.
		for _, q := range *c.Properties {
			if q.Name == "heng:license:declared" {
				declared = append(declared, q.Value)
			}
		}
	}
	if c.Evidence != nil && c.Evidence.Licenses != nil {
		var files []string
		if c.Evidence.Occurrences != nil {
			for _, o := range *c.Evidence.Occurrences {
				if o.Location != "" {
					files = append(files, o.Location)
				}
			}
		}
		for _, l := range *c.Evidence.Licenses {
			if expr, _ := choiceLicense(l); expr != "" {
				addDetected(expr, files)
			}
		}
	}
	if len(declared) > 0 {
		slices.Sort(declared)
		declared = slices.Compact(declared)
		raw := strings.Join(declared, " AND ")
		expr := licenses.And(declared...)
		p.DeclaredLicense = &inventory.DeclaredLicense{Expression: expr, Raw: raw}
	}
	return p
}

// purlName is the package name as heng writes it for an ecosystem:
// "@scope/name" for npm and ohpm, "group:artifact" for Maven,
// "vendor/name" for Composer, the module path for Go.
func purlName(u packageurl.PackageURL, c *cdx.Component) string {
	if u.Namespace == "" {
		return u.Name
	}
	switch u.Type {
	case "maven":
		return u.Namespace + ":" + u.Name
	case "golang", "npm", "ohpm", "composer":
		return u.Namespace + "/" + u.Name
	}
	return cmp.Or(c.Name, u.Name)
}

// choiceLicense reads one license entry: its SPDX expression (normalised
// from an id, a name in any language or an expression) and its
// acknowledgement.
func choiceLicense(l cdx.LicenseChoice) (string, cdx.LicenseAcknowledgement) {
	if l.Expression != "" {
		ack := cdx.LicenseAcknowledgement("")
		if l.Acknowledgement != nil {
			ack = *l.Acknowledgement
		}
		return licenses.Normalize(l.Expression).Expression, ack
	}
	if l.License == nil {
		return "", ""
	}
	if l.License.Properties != nil {
		for _, q := range *l.License.Properties {
			if q.Name == "heng:license:id" {
				return q.Value, l.License.Acknowledgement
			}
		}
	}
	text := cmp.Or(l.License.ID, l.License.Name)
	if text == "" && l.License.URL != "" {
		text = l.License.URL
	}
	if text == "" {
		return "", ""
	}
	return licenses.Normalize(text).Expression, l.License.Acknowledgement
}
