// Package formats lists the output formats heng can write, and finds one
// by name.
package formats

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/jsonreport"
	"github.com/hengdev/heng/sbom/table"
)

// ForScan returns the formats of heng scan, the default first.
func ForScan(color bool) []sbom.Format {
	return []sbom.Format{table.Format{Color: color}, jsonreport.Format{}}
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
