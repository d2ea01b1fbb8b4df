package walk

import (
	"bytes"
	"runtime"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreSet is the list of ignore rules in force inside one directory: its
// ancestors' rules followed by its own, lowest priority first. It is never
// modified after creation, because sibling directories are listed
// concurrently and share their parent's set.
type ignoreSet struct {
	rules   []gitignore.Pattern
	matcher gitignore.Matcher
}

// with returns the set for a subdirectory that adds more rules. Without new
// rules the parent's set is shared as is, so a tree with a single .gitignore
// costs one set, not one per directory.
func (s *ignoreSet) with(more []gitignore.Pattern) *ignoreSet {
	if len(more) == 0 {
		return s
	}
	var base []gitignore.Pattern
	if s != nil {
		base = s.rules
	}
	// A fresh array: appending to base in place could overwrite rules that
	// a sibling directory appended to the same backing array.
	rules := make([]gitignore.Pattern, 0, len(base)+len(more))
	rules = append(append(rules, base...), more...)
	return &ignoreSet{rules: rules, matcher: gitignore.NewMatcher(rules)}
}

// match reports whether path (components from the walk root) is ignored.
func (s *ignoreSet) match(path []string, isDir bool) bool {
	return s != nil && s.matcher.Match(path, isDir)
}

// parseIgnoreFile turns the content of a .gitignore-style file into rules
// that apply below domain (the components of the file's directory).
func parseIgnoreFile(data []byte, domain []string) []gitignore.Pattern {
	// git skips a UTF-8 byte order mark at the start of the file.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var rules []gitignore.Pattern
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if r := parseRule(string(line), domain); r != nil {
			rules = append(rules, r)
		}
	}
	return rules
}

// rule is one gitignore pattern, matched with git's semantics.
//
// It implements gitignore.Pattern so that rules plug into
// gitignore.NewMatcher, and it uses the library's own patterns to match
// path components, but it decides itself which components each part of the
// pattern is compared with. Used directly, the library diverges from git in
// ways that change results: a pattern without a slash is tried against every
// component of the path, so the common whitelist "*" + "!*/" re-includes
// every file below a subdirectory; a pattern with a slash also matches any
// path it is a prefix of, so "!a/b" re-includes "a/b/c.log"; and "**" does
// not backtrack, so "a/**/b/c" misses "a/b/x/b/c".
//
// Known differences from git that remain: matching is case-sensitive (git
// folds case when core.ignorecase is set), and POSIX classes such as
// "[[:digit:]]" are not supported (filepath.Match has none).
type rule struct {
	domain  []string // components of the directory whose .gitignore holds the rule
	negate  bool     // "!pattern": re-include
	dirOnly bool     // "pattern/": directories only
	// groups are the runs of components between "**" components.
	groups []group
	// rest: the pattern ends with "/**", which needs at least one more
	// component after the last group ("a/**" matches inside a, not a).
	rest bool
}

// group is a run of pattern components that match the same number of path
// components, one to one.
type group struct {
	n     int
	pat   gitignore.Pattern // anchored library pattern of exactly n components
	float bool              // may start at any depth: preceded by "**", or the pattern has no slash
}

// parseRule parses one line of a .gitignore file. It returns nil for blank
// lines, comments and patterns that can never match anything.
func parseRule(line string, domain []string) *rule {
	line = strings.TrimSuffix(line, "\r") // CRLF files, as git accepts them
	if line == "" || line[0] == '#' {
		return nil
	}
	line, ok := trimTrailingSpaces(line)
	if !ok || line == "" {
		return nil
	}
	r := &rule{domain: append([]string(nil), domain...)}
	if line[0] == '!' {
		r.negate = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly = true
		line = line[:len(line)-1]
	}
	// A slash anywhere but at the end anchors the pattern to its directory;
	// without one it matches a name at any depth.
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	if line == "" {
		return nil
	}
	float := !anchored
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			p := gitignore.ParsePattern("/"+strings.Join(cur, "/"), nil)
			r.groups = append(r.groups, group{n: len(cur), pat: p, float: float})
			cur, float = nil, false
		}
	}
	for _, seg := range strings.Split(line, "/") {
		switch seg {
		case "":
			// "a//b": no path has an empty component.
			return nil
		case "**":
			flush()
			float = true
		default:
			cur = append(cur, globSegment(seg))
		}
	}
	flush()
	r.rest = float
	return r
}

// trimTrailingSpaces drops trailing spaces unless escaped by a backslash, as
// git does. ok is false when the line ends in a lone backslash: git never
// matches such a pattern.
func trimTrailingSpaces(s string) (string, bool) {
	end := 0 // length up to the last significant byte
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
		case '\\':
			i++
			if i == len(s) {
				return "", false
			}
			end = i + 1
		default:
			end = i + 1
		}
	}
	return s[:end], true
}

// globSegment rewrites one component of a git pattern into the syntax of
// filepath.Match, which the library uses: "[!" becomes "[^", runs of "*"
// become one (git treats "a**b" as "a*b", the library would reject it) and
// backslash escapes become forms that also hold on Windows, where
// filepath.Match reads a backslash as a separator.
func globSegment(seg string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch {
		case c == '\\' && i+1 < len(seg):
			i++
			writeLiteral(&b, seg[i], inClass)
		case inClass:
			if c == ']' {
				inClass = false
			}
			b.WriteByte(c)
		case c == '[':
			b.WriteByte('[')
			inClass = true
			if i+1 < len(seg) && (seg[i+1] == '!' || seg[i+1] == '^') {
				b.WriteByte('^')
				i++
			}
			// A ']' right after the opening bracket is a member, not the end.
			if i+1 < len(seg) && seg[i+1] == ']' {
				writeLiteral(&b, ']', true)
				i++
			}
		case c == '*':
			b.WriteByte('*')
			for i+1 < len(seg) && seg[i+1] == '*' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeLiteral writes c so that filepath.Match takes it literally.
func writeLiteral(b *strings.Builder, c byte, inClass bool) {
	if c == ' ' && !inClass {
		// The library trims trailing spaces from a pattern; a class keeps an
		// escaped trailing space ("a\ ") significant.
		b.WriteString("[ ]")
		return
	}
	if runtime.GOOS != "windows" {
		if strings.IndexByte(`*?[]\-^`, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		return
	}
	// Windows: no escapes. Outside a class a one-member class does the job.
	// Inside one ']' '-' '^' cannot be made literal; such a pattern is
	// reported bad by filepath.Match and never matches, as file names
	// rarely contain them.
	if !inClass && strings.IndexByte(`*?[\`, c) >= 0 {
		b.WriteByte('[')
		b.WriteByte(c)
		b.WriteByte(']')
		return
	}
	b.WriteByte(c)
}

// Match implements gitignore.Pattern.
func (r *rule) Match(path []string, isDir bool) gitignore.MatchResult {
	if len(path) <= len(r.domain) {
		return gitignore.NoMatch
	}
	for i, d := range r.domain {
		if path[i] != d {
			return gitignore.NoMatch
		}
	}
	if r.dirOnly && !isDir {
		return gitignore.NoMatch
	}
	if !r.matchFrom(path[len(r.domain):], 0) {
		return gitignore.NoMatch
	}
	if r.negate {
		return gitignore.Include
	}
	return gitignore.Exclude
}

// matchFrom reports whether rel matches groups[gi:] (and the trailing "**").
// The whole of rel must be consumed: git matches a pattern against the full
// path, never a prefix of it.
func (r *rule) matchFrom(rel []string, gi int) bool {
	if gi == len(r.groups) {
		if r.rest {
			return len(rel) > 0
		}
		return len(rel) == 0
	}
	g := r.groups[gi]
	if !g.float {
		return len(rel) >= g.n && g.match(rel[:g.n]) && r.matchFrom(rel[g.n:], gi+1)
	}
	if gi == len(r.groups)-1 && !r.rest {
		// The last group must end the path: one place to try. This is the
		// path taken by every pattern without a slash (the basename).
		start := len(rel) - g.n
		return start >= 0 && g.match(rel[start:])
	}
	for start := 0; start+g.n <= len(rel); start++ {
		if g.match(rel[start:start+g.n]) && r.matchFrom(rel[start+g.n:], gi+1) {
			return true
		}
	}
	return false
}

// match reports whether the n components in comps match the group.
func (g group) match(comps []string) bool {
	// isDir is irrelevant here: the group's pattern has no trailing slash,
	// and the rule checks dirOnly against the whole path.
	return g.pat.Match(comps, true) == gitignore.Exclude
}
