// Package formats lists the output formats heng can write, and finds one
// by name.
package formats

import (
	"fmt"
	"slices"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/cyclonedx"
	"github.com/hengdev/heng/sbom/jsonreport"
	"github.com/hengdev/heng/sbom/table"
)

// ForScan returns the formats of heng scan, the default first: heng scan
// --format cyclonedx-json writes the same SBOM as heng sbom.
func ForScan(color bool) []sbom.Format {
	return []sbom.Format{table.Format{Color: color}, jsonreport.Format{}, cyclonedx.Format{}, cyclonedx.Format{XML: true}}
}

// ForSBOM returns the formats of heng sbom, the default first, in a spec
// version (0: the default), with the project's licensed files as
// components or not.
func ForSBOM(spec cdx.SpecVersion, files bool) []sbom.Format {
	return []sbom.Format{cyclonedx.Format{Spec: spec, Files: files}, cyclonedx.Format{XML: true, Spec: spec, Files: files}}
}

// Lookup finds the format named name (its id or an alias, any case) among
// list. The error names the flag and lists the choices.
func Lookup(list []sbom.Format, name, flag string) (sbom.Format, error) {
	for _, f := range list {
		if strings.EqualFold(f.ID(), name) || slices.ContainsFunc(f.Aliases(), func(a string) bool { return strings.EqualFold(a, name) }) {
			return f, nil
		}
	}
	return nil, fmt.Errorf("unknown format %q for %s; available: %s", name, flag, strings.Join(Names(list), ", "))
}

// Names returns the ids of the formats.
func Names(list []sbom.Format) []string {
	var out []string
	for _, f := range list {
		out = append(out, f.ID())
	}
	return out
}
