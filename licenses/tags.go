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
		// A tag's value ends with its line, and is never long.
		end := min(len(text), i+maxTagValue)
		if j := bytes.IndexAny(text[i:end], "\r\n"); j >= 0 {
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

// declarations returns a finding for every line that declares a license:
// "License: MIT" or "@license MIT" (JSDoc, PHPDoc, Closure), at the start
// of a line after comment markers. The value is read by Normalize and
// reported only when every part of it is a known license: "License: see
// below" declares nothing. Unlike a pattern, this reads punctuation, which
// tells "License: MIT" from "the license: MIT, GPL or BSD are fine".
func declarations(text []byte, hits []int) []Finding {
	var out []Finding
	for _, h := range hits {
		// Only comment markers may come before the keyword on its line:
		// a line start further back than maxMarkers rules it out, and
		// keeps this linear on a minified file of one long line.
		lo := max(0, h-maxMarkers)
		start := bytes.LastIndexByte(text[lo:h], '\n') + 1 + lo
		if start == lo && lo > 0 {
			continue
		}
		prefix := text[start:h]
		word := h + len("licen")
		if word+2 > len(text) {
			continue
		}
		// "license" or "licence", in any case, maybe plural.
		switch strings.ToLower(string(text[word : word+2])) {
		case "se", "ce":
			word += 2
		default:
			continue
		}
		if word < len(text) && text[word]|0x20 == 's' {
			word++
		}
		var value int
		switch {
		case bytes.HasSuffix(prefix, []byte("@")) && onlyCommentMarkers(prefix[:len(prefix)-1]):
			value = word
		case onlyCommentMarkers(prefix):
			i := word
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			if i >= len(text) || text[i] != ':' {
				continue
			}
			value = i + 1
		default:
			continue
		}
		end := min(len(text), value+2*maxDeclaration)
		if j := bytes.IndexAny(text[value:end], "\r\n"); j >= 0 {
			end = value + j
		}
		raw, expr := tagValue(string(text[value:end]))
		if expr == "" || len(raw) > maxDeclaration {
			continue
		}
		n := Normalize(raw)
		if !n.Known {
			continue
		}
		f := Finding{Kind: KindNotice, Percent: 100, Start: start + len(prefix), End: end, Raw: raw, pattern: "declaration"}
		if _, single, err := CanonicalExpression(n.Expression); err == nil && single {
			f.ID = n.Expression
		} else {
			f.Expression = n.Expression
		}
		out = append(out, f)
	}
	return out
}

// maxDeclaration is the longest value read after "License:": longer lines
// are prose, not declarations.
const maxDeclaration = 100

// maxMarkers is the longest run of comment markers and indentation read
// before "License:" or "@license".
const maxMarkers = 80

// maxTagValue is the most of an SPDX-License-Identifier line that is read:
// the longest expressions in real files are a few hundred bytes.
const maxTagValue = 1 << 10

// onlyCommentMarkers reports whether b holds nothing but blanks and the
// markers comments and lists start with.
func onlyCommentMarkers(b []byte) bool {
	for _, c := range b {
		if !strings.ContainsRune(" \t/*#;-!%'\"<>{}", rune(c)) {
			return false
		}
	}
	return true
}

// fileReferences returns a finding for every name of a license file that
// names its license: "see LICENSE-APACHE", "LICENSE-MIT", "LICENSE.MulanPSL2",
// "LICENCE-BSL-1.0". Dual-licensed projects (most Rust crates) point to
// their texts this way. The part after "LICENSE-" or "LICENSE." must name
// one license unambiguously: an SPDX id in any case, or a name Normalize
// maps to one, but not a bare GNU family name ("LICENSE.GPL" does not say
// which GPL), nor a file extension ("LICENSE.txt"). "APACHE" alone is the
// Apache License 2.0, by the convention of the Rust ecosystem.
func fileReferences(text []byte, hits []int) []Finding {
	var out []Finding
	for _, h := range hits {
		word := h + len("licen")
		if word+3 > len(text) || h > 0 && isNameByte(text[h-1]) {
			continue
		}
		switch strings.ToLower(string(text[word : word+2])) {
		case "se", "ce":
		default:
			continue
		}
		sep := word + 2
		if sep >= len(text) || (text[sep] != '-' && text[sep] != '.' && text[sep] != '_') {
			continue
		}
		end := sep + 1
		for end < len(text) && end-sep <= maxFileRefName && isNameByte(text[end]) {
			end++
		}
		// A trailing period ends the sentence, not the name.
		for end > sep+1 && (text[end-1] == '.' || text[end-1] == '-') {
			end--
		}
		if end == sep+1 || end-sep > maxFileRefName {
			continue
		}
		id, ok := fileRefLicense(string(text[sep+1 : end]))
		if !ok {
			continue
		}
		out = append(out, Finding{ID: id, Kind: KindNotice, Percent: 100, Start: h, End: end, pattern: "file-reference"})
	}
	return out
}

// maxFileRefName is the longest license name read after "LICENSE-".
const maxFileRefName = 40

func isNameByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '+'
}

// fileRefLicense maps the name part of a license file's name to a license.
func fileRefLicense(name string) (string, bool) {
	lower := strings.ToLower(name)
	switch lower {
	case "apache":
		return "Apache-2.0", true
	case "txt", "md", "markdown", "rst", "html", "htm", "adoc", "org", "pdf", "rtf", "docx", "json", "xml", "yaml", "yml", "toml":
		return "", false
	}
	if info, ok := Lookup(name); ok && !info.Exception {
		return info.ID, true
	}
	n := Normalize(name)
	if !n.Known {
		return "", false
	}
	if _, single, err := CanonicalExpression(n.Expression); err != nil || !single {
		return "", false
	}
	// "GPL" and "LGPL" without a version are a guess at the family.
	if !strings.ContainsAny(lower, "0123456789") && strings.Contains(lower, "gpl") {
		return "", false
	}
	return n.Expression, true
}
