package yarnlock

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// maxErrors bounds the line errors kept for one file: a file that is not a
// lock file at all should not make an error per line.
const maxErrors = 10

// parseClassic reads classic yarn's lock file format, line by line:
//
//	"@scope/a@^1.0.0", a@~1.0.1:
//	  version "1.0.3"
//	  resolved "https://registry.yarnpkg.com/a/-/a-1.0.3.tgz#<sha1>"
//	  integrity sha512-...
//	  dependencies:
//	    b "^2.0.0"
//
// Values are JSON strings when quoted, bare words otherwise. Fields the
// extractor does not use, and blocks other than dependencies and
// optionalDependencies, are skipped. A bad line or an entry without a
// version is an error that leaves the rest of the file readable.
func parseClassic(data []byte) (*lockfile, error) {
	var (
		entries []entry
		errs    []error
		cur     *entry // the entry being read; nil after a bad header
		block   string // the field whose indented block is being read
		line    int
		start   int // the line of cur's header
	)
	failAt := func(at int, format string, args ...any) {
		if len(errs) < maxErrors {
			errs = append(errs, fmt.Errorf("line %d: "+format, append([]any{at}, args...)...))
		}
	}
	fail := func(format string, args ...any) { failAt(line, format, args...) }
	finish := func() {
		if cur == nil {
			return
		}
		if cur.version == "" {
			failAt(start, "entry %q has no version", strings.Join(cur.descriptors, ", "))
		} else {
			entries = append(entries, *cur)
		}
		cur = nil
	}
	// One string for the file: the fields are slices of it.
	text := string(data)
	for len(text) > 0 {
		var s string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			s, text = text[:i], text[i+1:]
		} else {
			s, text = text, ""
		}
		line++
		s = strings.TrimRight(s, "\r \t")
		body := strings.TrimLeft(s, " \t")
		if body == "" || body[0] == '#' {
			continue
		}
		indent := len(s) - len(body)
		switch {
		case indent == 0:
			finish()
			block = ""
			keys, ok := headerKeys(body)
			if !ok {
				fail("bad entry header %q", clip(body))
				continue
			}
			cur, start = &entry{descriptors: keys, name: realName(keys[0])}, line
		case cur == nil:
			// Inside an entry whose header was bad: already reported.
		case indent <= 2:
			key, value, ok := keyValue(body)
			if !ok {
				fail("bad field %q", clip(body))
				continue
			}
			if value == "" && strings.HasSuffix(body, ":") {
				block = key
				continue
			}
			block = ""
			switch key {
			case "version":
				cur.version = value
			case "resolved":
				cur.resolved = value
			case "integrity":
				cur.integrity = value
			}
		default:
			if block != "dependencies" && block != "optionalDependencies" {
				continue
			}
			name, rng, ok := keyValue(body)
			if !ok || name == "" {
				fail("bad dependency %q", clip(body))
				continue
			}
			cur.deps = append(cur.deps, edge{name: name, rng: rng, optional: block == "optionalDependencies"})
		}
	}
	finish()
	var err error
	if len(errs) > 0 {
		err = errors.Join(errs...)
	}
	if len(entries) == 0 && err != nil {
		return nil, err
	}
	return newLockfile(false, entries), err
}

// headerKeys splits an entry's header, `"a@^1", a@~1.0.1:`, into its
// descriptors.
func headerKeys(s string) ([]string, bool) {
	s, ok := strings.CutSuffix(s, ":")
	if !ok {
		return nil, false
	}
	var keys []string
	for {
		s = strings.TrimLeft(s, " ")
		var k string
		if strings.HasPrefix(s, `"`) {
			k, s, ok = quoted(s)
			if !ok {
				return nil, false
			}
		} else {
			i := strings.IndexByte(s, ',')
			if i < 0 {
				i = len(s)
			}
			k, s = strings.TrimRight(s[:i], " "), s[i:]
		}
		if k == "" {
			return nil, false
		}
		keys = append(keys, k)
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return keys, true
		}
		if s[0] != ',' {
			return nil, false
		}
		s = s[1:]
	}
}

// keyValue splits `key value`, `"key" "value"` or `key:` into key and
// value (unquoted; "" for a block's header).
func keyValue(s string) (key, value string, ok bool) {
	if strings.HasPrefix(s, `"`) {
		key, s, ok = quoted(s)
		if !ok {
			return "", "", false
		}
	} else {
		i := strings.IndexAny(s, " :")
		if i < 0 {
			return "", "", false
		}
		key, s = s[:i], s[i:]
	}
	if s == ":" {
		return key, "", true
	}
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return "", "", false
	}
	if strings.HasPrefix(s, `"`) {
		var rest string
		value, rest, ok = quoted(s)
		if !ok || strings.TrimSpace(rest) != "" {
			return "", "", false
		}
		return key, value, true
	}
	return key, s, true
}

// quoted reads the JSON string at the start of s and returns it unquoted,
// with the rest of s.
func quoted(s string) (string, string, bool) {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			lit := s[:i+1]
			if u, err := strconv.Unquote(lit); err == nil {
				return u, s[i+1:], true
			}
			return lit[1 : len(lit)-1], s[i+1:], true
		}
	}
	return "", "", false
}

// clip shortens a line quoted in an error.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
