package pkginfo

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// DecodePackages decodes the [[package]] tables of a TOML lock file
// (uv.lock, poetry.lock), read as primitives with md, each into a T. A
// table that does not decode, or whose name (as name reads it from the T)
// is empty once normalised, is left out, with an error that gives its
// place ("package 3: ..."); the others are returned in order.
func DecodePackages[T any](md toml.MetaData, tables []toml.Primitive, name func(*T) string) ([]T, []error) {
	out := make([]T, 0, len(tables))
	var errs []error
	for i, prim := range tables {
		var p T
		if err := md.PrimitiveDecode(prim, &p); err != nil {
			errs = append(errs, fmt.Errorf("package %d: %w", i+1, err))
			continue
		}
		if NormalizeName(name(&p)) == "" {
			errs = append(errs, fmt.Errorf("package %d: no name", i+1))
			continue
		}
		out = append(out, p)
	}
	return out, errs
}
