package copyright

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanLine turns a raw line into what statements are parsed from: valid
// UTF-8, without comment markers and decoration at either end, without
// HTML tags and entities and Markdown links. The statement's Text is a
// part of this string, so whatever must not appear in Text goes here.
func cleanLine(raw []byte) string {
	s := string(raw)
	if !utf8.ValidString(s) {
		// Other encodings are decoded before Find sees a text; what is still
		// invalid is binary noise, which must not reach a report.
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if hasNonASCII(s) {
		// No-break and ideographic spaces are spaces to the parser.
		s = strings.Map(func(r rune) rune {
			if r != ' ' && r >= utf8.RuneSelf && isSpace(r) {
				return ' '
			}
			return r
		}, s)
	}
	s = trimComment(s)
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entities.Replace(s)
	}
	if strings.Contains(s, "](") {
		s = unlinkMarkdown(s)
	}
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "") // Markdown's bold
	}
	return s
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// trimComment removes comment markers and decoration from both ends of s:
// "//", "#", "/*", " * ", "*/", "--", ";", "%", "<!--", "-->", `"""`, "REM",
// "::", "dnl", `.\"` (troff), "(*", "{-", and runs of decoration characters
// ("*****", "=====", "#####"). Several rounds, for nested forms like
// "/** * ... **/" and "# -- Copyright".
func trimComment(s string) string {
	for range 8 {
		t := strings.TrimFunc(s, isSpace)
		t = trimLeadMarker(t)
		t = strings.TrimRightFunc(t, isSpace)
		t = trimTrailMarker(t)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// leadMarkers are comment openers removed from the start of a line, tried
// before the one-character runs.
var leadMarkers = []string{"<!--", "-->", `"""`, "'''", "(*", "{-", `.\"`, "::", "dnl ", "@rem "}

func trimLeadMarker(s string) string {
	if s == "" {
		return s
	}
	for _, m := range leadMarkers {
		if strings.HasPrefix(s, m) {
			return s[len(m):]
		}
	}
	// REM (batch files), any case, as a word.
	if len(s) >= 3 && strings.EqualFold(s[:3], "rem") && (len(s) == 3 || s[3] == ' ' || s[3] == '\t') {
		return s[3:]
	}
	switch c := s[0]; c {
	case '/', '*', '#', ';', '%', '!', '-', '=', '>', '|', '\'':
		i := 1
		for i < len(s) && s[i] == c {
			i++
		}
		return s[i:]
	}
	return s
}

// trailMarkers are comment closers removed from the end of a line.
var trailMarkers = []string{"*/", "-->", `"""`, "'''", "*)", "-}"}

func trimTrailMarker(s string) string {
	for _, m := range trailMarkers {
		if strings.HasSuffix(s, m) {
			return s[:len(s)-len(m)]
		}
	}
	if s == "" {
		return s
	}
	// A run of decoration: '*' and '=' always ("**bold**" in Markdown),
	// the others only after a space, so that a URL keeps its slash.
	c := s[len(s)-1]
	switch c {
	case '*', '=', '#', '/', '|', '-':
		i := len(s) - 1
		for i > 0 && s[i-1] == c {
			i--
		}
		if c == '*' || c == '=' || i == 0 || s[i-1] == ' ' || s[i-1] == '\t' {
			return s[:i]
		}
	}
	return s
}

// isSpace reports whether r is white space or a control character; both are
// one space in Text.
func isSpace(r rune) bool {
	return r < 0x20 || r == 0x7f || unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// normalizeSpace collapses runs of white space and control characters in s
// into single spaces and trims both ends.
func normalizeSpace(s string) string {
	clean := true
	prevSpace := true // a leading space is to be trimmed too
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		sp := c <= ' ' || c == 0x7f
		if sp && (c != ' ' || prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if isSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// entities are the HTML entities decoded in lines: the copyright sign and
// the few that appear in names and e-mail addresses around it.
var entities = strings.NewReplacer(
	"&copy;", "©", "&COPY;", "©", "&#169;", "©", "&#xa9;", "©", "&#xA9;", "©",
	"&amp;", "&", "&nbsp;", " ", "&#160;", " ", "&lt;", "<", "&gt;", ">",
	"&quot;", `"`, "&#34;", `"`, "&#39;", "'", "&apos;", "'",
	"&ndash;", "–", "&mdash;", "—",
)

// inlineTags are HTML elements inside a line of text: removing them joins
// their text with what is around it ("&copy; 2020 <a href=...>Foo</a>").
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "dfn": true, "em": true, "font": true, "i": true,
	"kbd": true, "mark": true, "nobr": true, "q": true, "s": true, "samp": true,
	"small": true, "span": true, "strong": true, "sub": true, "sup": true,
	"time": true, "tt": true, "u": true, "var": true,
}

// blockTags are HTML elements that end a statement: "</p>", "<br>", "<td>".
var blockTags = map[string]bool{
	"address": true, "blockquote": true, "body": true, "br": true, "center": true,
	"dd": true, "div": true, "dl": true, "dt": true, "footer": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"header": true, "hr": true, "html": true, "li": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "table": true, "td": true, "th": true,
	"title": true, "tr": true, "ul": true,
}

// stripTags removes inline HTML tags from s and turns block tags and
// closing tags of other elements (XML: "</copyright>") into '\n', which
// ends a statement (a cleaned line has no other '\n'). Anything else in
// angle brackets stays: "<jane@example.com>" is an address and "<year>" a
// template placeholder, and both are judged later.
func stripTags(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		end, name, closing, ok := htmlTag(s, i)
		if !ok {
			continue
		}
		var repl string
		switch {
		case inlineTags[name]:
		case blockTags[name] || closing:
			repl = "\n"
		default:
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = end
		i = end - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// htmlTag parses an HTML tag at s[i] == '<': "<name ...>", "</name>" or
// "<name/>". It returns the offset after the tag and the lower-case name.
func htmlTag(s string, i int) (end int, name string, closing, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	k := j
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || k > j && s[k] >= '0' && s[k] <= '9') {
		k++
	}
	if k == j || k == len(s) {
		return 0, "", false, false
	}
	if c := s[k]; c != '>' && c != ' ' && c != '/' && c != '\t' {
		return 0, "", false, false
	}
	// The tag ends at the next '>', not far away and before another '<'.
	for e := k; e < len(s) && e < i+300; e++ {
		switch s[e] {
		case '>':
			return e + 1, strings.ToLower(s[j:k]), closing, true
		case '<':
			return 0, "", false, false
		}
	}
	return 0, "", false, false
}

// unlinkMarkdown turns Markdown links "[text](url)" into their text.
func unlinkMarkdown(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ']' || s[i+1] != '(' {
			continue
		}
		open := strings.LastIndexByte(s[last:i], '[')
		if open < 0 {
			continue
		}
		open += last
		closeAt := strings.IndexByte(s[i+2:], ')')
		if closeAt < 0 || strings.ContainsAny(s[i+2:i+2+closeAt], " \t") {
			continue
		}
		b.WriteString(s[last:open])
		b.WriteString(s[open+1 : i])
		last = i + 2 + closeAt + 1
		i = last - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
