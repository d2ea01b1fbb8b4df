// Package tomlvalue reads TOML documents decoded into untyped values
// (map[string]any), as the Cargo extractors read Cargo.lock and
// Cargo.toml: their tables hold keys of several shapes (a dependency is a
// version string or a table, a field may be inherited from the
// workspace), and a value of the wrong type must spoil only its entry, so
// they decode untyped and check each value as they read it. The errors
// name TOML's types ("name is a table, not a string").
package tomlvalue

import (
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
)

// Decode decodes a TOML document into a table. Text nesting deeper than
// maxNesting is refused before the parser sees it (see
// tomlsafe.CheckNesting).
func Decode(data []byte, maxNesting int) (map[string]any, error) {
	if err := tomlsafe.CheckNesting(data, maxNesting); err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// String returns v when it is a string, "" when it is absent (nil), and
// an error naming the value what and its type otherwise.
func String(v any, what string) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	default:
		return "", fmt.Errorf("%s is a %s, not a string", what, TypeName(v))
	}
}

// TypeName names the TOML type of a decoded value, for errors: string,
// integer, float, boolean, array, table or date.
func TypeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case []any, []map[string]any:
		return "array"
	case map[string]any:
		return "table"
	default:
		return "date"
	}
}
