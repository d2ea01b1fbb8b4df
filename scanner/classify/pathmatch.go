package classify

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// This file turns a list of path regexps (go-enry's vendor and
// documentation rules, and the name rules of its generated-code check) into
// a matcher that gives the same answer as running every regexp on the whole
// path, at a fraction of the cost.
//
// Go's regexp package is slow on these patterns: most start with (^|/), so
// there is no literal prefix to search for, and an unanchored alternation
// is run through the NFA over every byte of a path that is often 80 bytes
// long. Two ideas make it cheap:
//
//  1. Where a rule matches. A path is dir + "/" + base. A rule whose every
//     match ends with '/' can only match inside dir + "/", and every file
//     of a directory shares that string, so it is evaluated once per
//     directory and cached. A rule of the form A·R, where A is empty, ^ or
//     (^|/) and R can never match a '/', matches inside one path segment;
//     if R must also end at the end of the text, that segment is the base
//     name, so the rule runs on "/"+base (a suffix of the path, no copy)
//     instead of the whole path. Other segment rules run on the directory
//     (cached) and on the base name. Everything else runs on the full path.
//
//  2. Literal gates. From the regexp's syntax tree we derive strings of
//     which at least one must occur in any match (and, for rules anchored
//     with $, suffixes of which one must end the path). A rule is only run
//     when its gate passes, which rejects nearly every path with a
//     strings.Contains or strings.HasSuffix. Gates are necessary
//     conditions, so they never change an answer.
//
// Both are proved by the tests against go-enry on large path lists.

// maxVariants bounds the literal sets built while deriving gates: character
// classes such as [Dd] multiply them.
const maxVariants = 64

// pathRule is one regexp with its gates.
type pathRule struct {
	re *regexp.Regexp
	// bit is the flag set when the rule matches (vendored, documentation...).
	bit uint8
	// onBase says the rule runs on "/"+base (or base at the root) rather
	// than on the whole path; only for rules in pathMatcher.file.
	onBase bool
	// suffixes: when non-nil the subject must end with one of them.
	suffixes []string
	// substrs: when non-nil the subject must contain one of them.
	substrs []string
}

func (r *pathRule) match(s string) bool {
	if r.suffixes != nil && !hasAnySuffix(s, r.suffixes) {
		return false
	}
	if r.substrs != nil && !containsAny(s, r.substrs) {
		return false
	}
	return r.re.MatchString(s)
}

func hasAnySuffix(s string, list []string) bool {
	for _, x := range list {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func containsAny(s string, list []string) bool {
	for _, x := range list {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// pathMatcher evaluates a set of rules, each tagged with a bit; match
// returns the union of the bits of the rules that match.
type pathMatcher struct {
	// dir rules run on dir + "/" once per directory.
	dir []*pathRule
	// file rules run per file, on the base name or the full path. They are
	// bucketed by the last byte of their suffix gates, so a path ending in
	// ".go" only looks at the rules that could end in 'o'.
	byLast  [256][]*pathRule
	anyLast []*pathRule
}

// ruleKind says where a rule can match.
type ruleKind int

const (
	kindFull    ruleKind = iota // anywhere: run on the whole path
	kindDir                     // only inside dir + "/"
	kindSegment                 // inside one segment, of the dir or the base
	kindBase                    // only inside the base name
)

// addRule classifies src and adds it to m. It panics if src does not
// compile: the sources come from go-enry, which compiled them already.
func (m *pathMatcher) addRule(src string, bit uint8) ruleKind {
	re := regexp.MustCompile(src)
	tree, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	kind := classifyRule(tree)
	substrs := mustContain(tree, false)
	// A suffix gate is only sound on a subject that ends where the path
	// ends, so never on dir + "/".
	suffixes := endSuffixes(tree)
	newRule := func(onBase bool) *pathRule {
		return &pathRule{re: re, bit: bit, onBase: onBase, substrs: substrs, suffixes: suffixes}
	}
	switch kind {
	case kindDir:
		r := newRule(false)
		r.suffixes = nil
		m.dir = append(m.dir, r)
	case kindSegment:
		d := newRule(false)
		d.suffixes = nil
		m.dir = append(m.dir, d)
		m.addFileRule(newRule(true))
	case kindBase:
		m.addFileRule(newRule(true))
	default:
		m.addFileRule(newRule(false))
		if !hasEndAssertion(tree) {
			// A match inside dir + "/" is a match of the whole path when
			// nothing looks past its end, so a directory that matches
			// settles the rule for all its files (vendor/github.com/ for
			// the Go vendor rule), and the per-file run is skipped.
			d := newRule(false)
			d.suffixes = nil
			m.dir = append(m.dir, d)
		}
	}
	return kind
}

func (m *pathMatcher) addFileRule(r *pathRule) {
	if r.suffixes == nil {
		m.anyLast = append(m.anyLast, r)
		return
	}
	var seen [256]bool
	for _, s := range r.suffixes {
		b := s[len(s)-1]
		if !seen[b] {
			seen[b] = true
			m.byLast[b] = append(m.byLast[b], r)
		}
	}
}

// matchDir returns the bits of the dir rules that match dirSlash, which is
// a directory followed by "/".
func (m *pathMatcher) matchDir(dirSlash string) uint8 {
	var bits uint8
	for _, r := range m.dir {
		if bits&r.bit == 0 && r.match(dirSlash) {
			bits |= r.bit
		}
	}
	return bits
}

// matchFile returns the bits of the per-file rules that match path, whose
// last '/' is at index slash (-1 at the root). Rules whose bit is in skip
// (already known, or not wanted) are not run.
func (m *pathMatcher) matchFile(path string, slash int, skip uint8) uint8 {
	var bits uint8
	baseSubject := path
	if slash >= 0 {
		baseSubject = path[slash:]
	}
	try := func(rules []*pathRule) {
		for _, r := range rules {
			if (skip|bits)&r.bit != 0 {
				continue
			}
			s := path
			if r.onBase {
				s = baseSubject
			}
			if r.match(s) {
				bits |= r.bit
			}
		}
	}
	if path != "" {
		try(m.byLast[path[len(path)-1]])
	}
	try(m.anyLast)
	return bits
}

// classifyRule says where the regexp tree can match; see the comment at
// the top of the file.
func classifyRule(re *syntax.Regexp) ruleKind {
	if !hasEndAssertion(re) && endsWithSlash(re) {
		return kindDir
	}
	rest := stripSegmentAnchor(re)
	if rest == nil || !slashFree(rest) || minLen(rest) < 1 {
		return kindFull
	}
	if endAnchored(rest) {
		return kindBase
	}
	return kindSegment
}

// stripSegmentAnchor returns the regexp left after a leading ^ or (^|/), or
// re itself when it has neither. It returns nil when re is not a plain
// concatenation it understands.
func stripSegmentAnchor(re *syntax.Regexp) *syntax.Regexp {
	if re.Op != syntax.OpConcat || len(re.Sub) == 0 {
		return re
	}
	first := re.Sub[0]
	if first.Op != syntax.OpBeginText && !isBeginOrSlash(first) {
		return re
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[1:]}
	if len(rest.Sub) == 1 {
		return rest.Sub[0]
	}
	return rest
}

// isBeginOrSlash reports whether re is (^|/) or (?:^|/).
func isBeginOrSlash(re *syntax.Regexp) bool {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpAlternate || len(re.Sub) != 2 {
		return false
	}
	var begin, slash bool
	for _, s := range re.Sub {
		switch {
		case s.Op == syntax.OpBeginText:
			begin = true
		case s.Op == syntax.OpLiteral && len(s.Rune) == 1 && s.Rune[0] == '/':
			slash = true
		case s.Op == syntax.OpCharClass && isOnly(s.Rune, '/'):
			slash = true
		}
	}
	return begin && slash
}

func isOnly(ranges []rune, r rune) bool {
	return len(ranges) == 2 && ranges[0] == r && ranges[1] == r
}

// hasEndAssertion reports whether re tests what follows a position: $, \b
// or \B. Such a rule could see past the end of dir + "/". (In a rule whose
// every match ends with '/', an assertion sits at or before that '/' and
// so sees only bytes inside dir + "/"; refusing them costs nothing, as no
// go-enry rule has one, and keeps the argument short.)
func hasEndAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return slices.ContainsFunc(re.Sub, hasEndAssertion)
}

// endsWithSlash reports whether every match of re ends with '/'.
func endsWithSlash(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) > 0 && re.Rune[len(re.Rune)-1] == '/'
	case syntax.OpCharClass:
		return isOnly(re.Rune, '/')
	case syntax.OpCapture:
		return endsWithSlash(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && endsWithSlash(re.Sub[len(re.Sub)-1])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !endsWithSlash(s) {
				return false
			}
		}
		return true
	}
	return false
}

// slashFree reports whether re can only match strings without '/'. It
// also refuses assertions other than $, whose meaning would change on a
// part of the path.
func slashFree(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		// '/' has no case variants, so folding cannot produce one.
		return !slices.Contains(re.Rune, '/')
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '/' && '/' <= re.Rune[i+1] {
				return false
			}
		}
		return true
	case syntax.OpEmptyMatch, syntax.OpEndText, syntax.OpNoMatch:
		return true
	case syntax.OpCapture, syntax.OpConcat, syntax.OpAlternate,
		syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		for _, s := range re.Sub {
			if !slashFree(s) {
				return false
			}
		}
		return true
	}
	// AnyChar, AnyCharNotNL, BeginText, BeginLine, EndLine, \b, \B.
	return false
}

// minLen is the length in runes of the shortest string re can match.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += minLen(s)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, s := range re.Sub {
			if l := minLen(s); n < 0 || l < n {
				n = l
			}
		}
		return max(n, 0)
	}
	return 0
}

// endAnchored reports whether every match of re ends at the end of the
// text.
func endAnchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText:
		return true
	case syntax.OpCapture:
		return endAnchored(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && endAnchored(re.Sub[len(re.Sub)-1])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !endAnchored(s) {
				return false
			}
		}
		return true
	}
	return false
}
