package licenses

import (
	"bytes"
	"strings"
)

const tagName = "SPDX-License-Identifier"

// commentClosers end a comment on the tag's line; they are not part of the
// expression.
var commentClosers = []string{"*/", "-->", "*)", "#}", "%>", "?>", "--}}", "\"\"\"", "'''"}

// tags returns a finding for every SPDX-License-Identifier tag in text.
// Every tag contains the keyword "License", so the prefilter's hits point
// at all of them.
func tags(text []byte, hits []int) []Finding {
	var out []Finding
	const before = len("SPDX-")
	for _, h := range hits {
		start := h - before
		if start < 0 || start+len(tagName) > len(text) || !bytes.EqualFold(text[start:start+len(tagName)], []byte(tagName)) {
			continue
		}
		i := start + len(tagName)
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= len(text) || text[i] != ':' {
			continue
		}
		i++
		end := len(text)
		if j := bytes.IndexAny(text[i:], "\r\n"); j >= 0 {
			end = i + j
		}
		raw, expr := tagValue(string(text[i:end]))
		f := Finding{Kind: KindTag, Percent: 100, Start: start, End: end, Raw: raw}
		canon, single, err := CanonicalExpression(expr)
		switch {
		case err != nil:
			f.Error = "invalid SPDX expression: " + err.Error()
		case single:
			f.ID = canon
		default:
			f.Expression = canon
		}
		out = append(out, f)
	}
	return out
}

// tagValue returns the value of a tag as written (up to a comment closer
// such as "*/") and the expression in it: the value up to the first
// character no SPDX expression holds, such as the quote closing a string
// literal or a trailing comma.
func tagValue(s string) (raw, expr string) {
	for _, c := range commentClosers {
		if i := strings.Index(s, c); i >= 0 {
			s = s[:i]
		}
	}
	raw = strings.TrimSpace(s)
	// Anything outside the characters of SPDX expressions ends it: a
	// quote closing a string literal, a comma in a list, a semicolon.
	if i := strings.IndexFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
			strings.ContainsRune("-.+:() \t", r))
	}); i >= 0 {
		s = s[:i]
	}
	return raw, strings.TrimSpace(s)
}
