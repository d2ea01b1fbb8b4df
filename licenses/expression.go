package licenses

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/github/go-spdx/v2/spdxexp"
	"github.com/github/go-spdx/v2/spdxexp/spdxlicenses"
)

// spdxIDs maps lower-cased SPDX license and exception ids to their
// canonical spelling.
var spdxIDs = sync.OnceValues(func() (licenses, exceptions map[string]string) {
	licenses = map[string]string{}
	exceptions = map[string]string{}
	for _, list := range [][]string{spdxlicenses.GetLicenses(), spdxlicenses.GetDeprecated()} {
		for _, id := range list {
			licenses[strings.ToLower(id)] = id
		}
	}
	for _, id := range spdxlicenses.GetExceptions() {
		exceptions[strings.ToLower(id)] = id
	}
	return licenses, exceptions
})

// CanonicalExpression validates the SPDX license expression s and returns
// it in canonical form: ids spelled as the SPDX License List spells them,
// operators in upper case, one space between terms. Operators in lower
// case ("MIT or Apache-2.0") are accepted, as most tools do, although the
// SPDX specification asks for upper case. It reports whether the
// expression is a single license id without operators.
func CanonicalExpression(s string) (canon string, single bool, err error) {
	toks := splitExpression(s)
	if len(toks) == 0 {
		return "", false, errors.New("empty license expression")
	}
	lics, excs := spdxIDs()
	var b strings.Builder
	prev := ""
	for i, t := range toks {
		switch up := strings.ToUpper(t); {
		case up == "AND" || up == "OR" || up == "WITH":
			t = up
		case t == "(" || t == ")":
		default:
			plus := strings.HasSuffix(t, "+")
			id := strings.TrimSuffix(t, "+")
			lower := strings.ToLower(id)
			switch {
			case prev == "WITH":
				if c, ok := excs[lower]; ok {
					id = c
				}
			case hasPrefixFoldASCII(id, "licenseref-"):
				id = "LicenseRef-" + id[len("licenseref-"):]
			case hasPrefixFoldASCII(id, "documentref-"):
				id = "DocumentRef-" + id[len("documentref-"):]
				// Byte offsets in id itself: strings.ToLower may change
				// the length of a string that is not valid UTF-8.
				if j := indexFoldASCII(id, ":licenseref-"); j >= 0 {
					id = id[:j] + ":LicenseRef-" + id[j+len(":licenseref-"):]
				}
			default:
				if c, ok := lics[lower]; ok {
					id = c
				}
			}
			if plus {
				id += "+"
			}
			t = id
		}
		if i > 0 && prev != "(" && t != ")" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		prev = t
	}
	canon = b.String()
	if err := validate(canon, toks); err != nil {
		return "", false, err
	}
	single = len(toks) == 1 && !strings.HasSuffix(canon, "+")
	return canon, single, nil
}

// validate checks a canonical expression with go-spdx. Unbalanced
// parentheses are caught first, and a panic in go-spdx is turned into an
// error: go-spdx v2.3.3 dereferences nil on input such as "((", and
// expressions come from untrusted files.
func validate(canon string, toks []string) (err error) {
	depth := 0
	for _, t := range toks {
		switch t {
		case "(":
			depth++
		case ")":
			depth--
		}
		if depth < 0 {
			return errors.New("close parenthesis does not have a matching open parenthesis")
		}
	}
	if depth != 0 {
		return errors.New("open parenthesis does not have a matching close parenthesis")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed expression (%v)", r)
		}
	}()
	_, err = spdxexp.ExtractLicenses(canon)
	return err
}

// splitExpression splits s into parentheses and space-separated words.
func splitExpression(s string) []string {
	var toks []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\r', '\n':
			flush(i)
		case '(', ')':
			flush(i)
			toks = append(toks, s[i:i+1])
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
	return toks
}

// hasPrefixFoldASCII reports whether s starts with prefix (lower-case
// ASCII), ignoring ASCII case.
func hasPrefixFoldASCII(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// indexFoldASCII finds sub (lower-case ASCII) in s ignoring ASCII case,
// as a byte offset into s; -1 when absent.
func indexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// And joins licenses that all apply into one SPDX expression: each
// license once, in the order given, compound parts in parentheses ("MIT
// AND (Apache-2.0 OR BSD-3-Clause)"); "" for none, the license itself for
// one.
func And(exprs ...string) string {
	var parts []string
	for _, e := range exprs {
		if e != "" && !slices.Contains(parts, e) {
			parts = append(parts, e)
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	for i, e := range parts {
		if strings.Contains(e, " ") {
			parts[i] = "(" + e + ")"
		}
	}
	return strings.Join(parts, " AND ")
}
