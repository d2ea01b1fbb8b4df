// Package pkginfo holds what heng's Python extractors share: a reader of
// the core metadata header format (the METADATA of a wheel's .dist-info,
// the PKG-INFO of an .egg-info or of an sdist), PEP 508 requirement
// strings (Requires-Dist, requirements files, pyproject.toml), PEP 503
// project names, the declared license of a project, the scope of a group
// of development dependencies (DevGroupScope), and what the lock files
// say of a package: its [[package]] table (DecodePackages), hashes
// ("sha256:<hex>"), version control references and local directories
// (ParseHash, VCSURL, LocalDir).
//
// # Names
//
// A package's Name is its PEP 503 normalised name: lower case, with every
// run of "-", "_" and "." turned into one "-" ("PyYAML" is "pyyaml",
// "zope.interface" is "zope-interface"). pip, PyPI's simple index and lock
// files such as uv.lock and poetry.lock identify projects this way, and
// heng merges packages by name and purl: the same project spelled PyYAML
// in its METADATA and pyyaml in a requirements file must be one package.
// The purl is made from the normalised name, so it is canonical too.
//
// # Metadata files
//
// The format is that of e-mail headers (RFC 822): "Name: value" lines, a
// line starting with a space or a tab continues the value above, and an
// empty line (or any line that is not a field) ends the headers; what
// follows is the long description, which is not read. Field names are
// compared without regard to case.
package pkginfo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on what a metadata file may hold: a header line longer than
// maxLine, or header sections larger than maxHeaders, are not metadata.
const (
	maxLine    = 1 << 20
	maxHeaders = 16 << 20
)

// Field is one header field of a metadata file.
type Field struct {
	// Key is the field name as written ("Requires-Dist").
	Key string
	// Value is the value, without the surrounding white space. The lines
	// of a value continued on more lines are joined with "\n", each
	// trimmed of its white space.
	Value string
}

// Metadata is the header section of a metadata file.
type Metadata struct {
	Fields []Field
}

// Parse reads the header fields of a core metadata file (METADATA,
// PKG-INFO) from r, stopping at the empty line that ends them. A line
// that is neither a field nor a continuation of one ends the headers
// too, without error: Python's e-mail parser, and so pip and
// importlib.metadata, take it as the start of the description, which
// some tools wrote without the empty line before it. Errors are for
// lines and header sections too long to be metadata, and for reading.
func Parse(r io.Reader) (*Metadata, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	m := &Metadata{}
	total := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		total += len(line) + 1
		if total > maxHeaders {
			return m, fmt.Errorf("header section larger than %d bytes", maxHeaders)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			return m, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(m.Fields) == 0 {
				return m, nil
			}
			f := &m.Fields[len(m.Fields)-1]
			f.Value += "\n" + string(bytes.TrimSpace(line))
			continue
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !validKey(key) {
			return m, nil
		}
		m.Fields = append(m.Fields, Field{Key: string(key), Value: string(bytes.TrimSpace(value))})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return m, fmt.Errorf("header line longer than %d bytes", maxLine)
		}
		return m, err
	}
	return m, nil
}

// validKey reports whether k is a header field name: printable ASCII
// without spaces or colons (RFC 5322).
func validKey(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	for _, c := range k {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// Get returns the value of the first field called key (compared without
// regard to case), or "".
func (m *Metadata) Get(key string) string {
	for _, f := range m.Fields {
		if strings.EqualFold(f.Key, key) {
			return f.Value
		}
	}
	return ""
}

// All returns the values of every field called key, in order.
func (m *Metadata) All(key string) []string {
	var out []string
	for _, f := range m.Fields {
		if strings.EqualFold(f.Key, key) {
			out = append(out, f.Value)
		}
	}
	return out
}
