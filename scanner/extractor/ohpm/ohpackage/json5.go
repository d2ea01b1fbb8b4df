package ohpackage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/titanous/json5"
)

// MaxDepth is how deeply arrays and objects may nest in a file Decode
// reads. The JSON5 decoder recurses once per level; real ohpm files nest
// five or six levels, so a file past this limit is not one of them and is
// refused before it can exhaust the stack.
const MaxDepth = 512

// Decode reads one JSON5 object (oh-package.json5, oh-package-lock.json5)
// of at most limit bytes into generic values: objects are
// map[string]any, arrays []any, strings string, numbers float64. Reading
// generic values, not structs, lets a caller take every field it can and
// report the others one by one: the JSON5 decoder stops at the first
// number where a struct wants a string.
func Decode(r io.Reader, limit int64) (map[string]any, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file larger than %d bytes", limit)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // editors on Windows write a BOM
	if err := checkDepth(data, MaxDepth); err != nil {
		return nil, err
	}
	v, err := unmarshal(data)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("top level is %s, not an object", TypeName(v))
	}
	return obj, nil
}

// unmarshal runs the JSON5 decoder, turning a panic of its own (it
// re-raises runtime errors) into an error: a bad file must not stop a
// scan.
func unmarshal(data []byte) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("json5: %v", r)
		}
	}()
	err = json5.Unmarshal(data, &v)
	return v, err
}

// checkDepth reports an error when objects and arrays in data nest more
// than max levels. It skips strings (both quotes, with escapes) and
// comments, so that brackets in them do not count; on malformed input it
// may count wrongly, which the decoder then rejects anyway.
func checkDepth(data []byte, max int) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '"', '\'':
			for i++; i < len(data) && data[i] != c; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 >= len(data) {
				break
			}
			switch data[i+1] {
			case '/':
				if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
					i += j
				} else {
					i = len(data)
				}
			case '*':
				if j := bytes.Index(data[i+2:], []byte("*/")); j >= 0 {
					i += j + 3
				} else {
					i = len(data)
				}
			}
		case '{', '[':
			depth++
			if depth > max {
				return fmt.Errorf("nested more than %d levels deep", max)
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// TypeName names the JSON type of a value Decode returns, for error
// messages: "a string", "an object", "null".
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// String returns obj[key] when it is a string; "" with no error when it
// is absent or null, and an error naming the key when it is another
// type.
func String(obj map[string]any, key string) (string, error) {
	switch v := obj[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	default:
		return "", fmt.Errorf("%q is %s, not a string", key, TypeName(v))
	}
}

// Dependency is one entry of a dependency object: a package name and what
// it asks for (a version range, an exact version, a tag or a local path).
type Dependency struct {
	Name string
	Spec string
}

// Dependencies returns the entries of the dependency object obj[key]
// sorted by name; entries whose value is not a string are left out and
// reported. An absent or null object is no error.
func Dependencies(obj map[string]any, key string) ([]Dependency, error) {
	var m map[string]any
	switch v := obj[key].(type) {
	case nil:
		return nil, nil
	case map[string]any:
		m = v
	default:
		return nil, fmt.Errorf("%q is %s, not an object", key, TypeName(v))
	}
	out := make([]Dependency, 0, len(m))
	var errs []error
	for name, v := range m {
		spec, ok := v.(string)
		if !ok && v != nil {
			errs = append(errs, fmt.Errorf("%q: %q is %s, not a string", key, name, TypeName(v)))
			continue
		}
		if name == "" {
			errs = append(errs, fmt.Errorf("%q: a dependency without a name", key))
			continue
		}
		out = append(out, Dependency{Name: name, Spec: spec})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return out, errors.Join(errs...)
}

// Licenses returns the license values of a "license" field: a string, as
// ohpm writes it, or the older npm forms an object with "type" and an
// array of either.
func Licenses(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case map[string]any:
		t, err := String(v, "type")
		if err != nil || t == "" {
			return nil, errors.New(`"license" is an object without a "type" string`)
		}
		return []string{t}, nil
	case []any:
		var out []string
		for _, e := range v {
			switch e.(type) {
			case string, map[string]any:
			default:
				return out, fmt.Errorf(`"license" array holds %s`, TypeName(e))
			}
			l, err := Licenses(e)
			if err != nil {
				return out, err
			}
			out = append(out, l...)
		}
		return out, nil
	default:
		return nil, fmt.Errorf(`"license" is %s`, TypeName(v))
	}
}

// LocalPath reports whether a dependency spec names a local module or
// package file rather than a registry version, and returns its path
// relative to the manifest's directory: "file:../library" and
// "./libs/inner.har" are local, "^2.2.0" and "latest" are not. ohpm's
// local specs are "file:" paths; a bare relative path or a .har/.hsp/.tgz
// file name is accepted too, as ohpm resolves those the same way.
func LocalPath(spec string) (string, bool) {
	spec = strings.TrimSpace(spec)
	if p, ok := strings.CutPrefix(spec, "file:"); ok {
		return p, true
	}
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || strings.HasPrefix(spec, "/") {
		return spec, true
	}
	for _, ext := range []string{".har", ".hsp", ".tgz"} {
		if strings.HasSuffix(spec, ext) {
			return spec, true
		}
	}
	return "", false
}

// JoinErrors joins up to max errors and says how many more there were, so
// that a file with thousands of bad entries still gives a readable
// message.
func JoinErrors(errs []error, max int) error {
	if len(errs) <= max {
		return errors.Join(errs...)
	}
	kept := append(errs[:max:max], fmt.Errorf("and %d more errors", len(errs)-max))
	return errors.Join(kept...)
}
