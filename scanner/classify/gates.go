package classify

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Literal gates: from a regexp's syntax tree, strings that every match must
// contain (or end with). Testing them with strings.Contains or HasSuffix is
// far cheaper than running the regexp, and since they are necessary
// conditions a failed test proves there is no match.

// exactSet returns the strings re can match when they are few (at most
// maxVariants). Assertions count as the empty string: they only restrict
// where a match can be, never what it contains.
func exactSet(re *syntax.Regexp, fold bool) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		set := []string{""}
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				// U+FFFD in a pattern also matches invalid UTF-8 bytes,
				// which no literal test would find.
				return nil, false
			}
			next, ok := cross(set, runeVariants(r, re.Flags&syntax.FoldCase != 0, fold))
			if !ok {
				return nil, false
			}
			set = next
		}
		return set, true
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if lo <= utf8.RuneError && utf8.RuneError <= hi || hi-lo >= maxVariants || len(set)+int(hi-lo)+1 > maxVariants {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				c := r
				if fold {
					c = canonRune(r)
				}
				set = append(set, string(c))
			}
		}
		if fold {
			slices.Sort(set)
			set = slices.Compact(set)
		}
		return set, len(set) > 0
	case syntax.OpCapture:
		return exactSet(re.Sub[0], fold)
	case syntax.OpQuest:
		sub, ok := exactSet(re.Sub[0], fold)
		if !ok || len(sub)+1 > maxVariants {
			return nil, false
		}
		return append(slices.Clip(sub), ""), true
	case syntax.OpConcat:
		set := []string{""}
		for _, s := range re.Sub {
			sub, ok := exactSet(s, fold)
			if !ok {
				return nil, false
			}
			if set, ok = cross(set, sub); !ok {
				return nil, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		var set []string
		for _, s := range re.Sub {
			sub, ok := exactSet(s, fold)
			if !ok || len(set)+len(sub) > maxVariants {
				return nil, false
			}
			set = append(set, sub...)
		}
		return set, true
	}
	return nil, false
}

// runeVariants returns r and, when foldCase is set, every rune that matches
// it case-insensitively (Go's (?i) uses simple case folding, so 'k' also
// matches the Kelvin sign). In fold mode, gates are tested against text
// mapped through canonRune, so every rune, folded or not, stands for its
// canonical form alone.
func runeVariants(r rune, foldCase, fold bool) []string {
	if fold {
		return []string{string(canonRune(r))}
	}
	out := []string{string(r)}
	if foldCase {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			out = append(out, string(f))
		}
	}
	return out
}

// canonRune maps r to the smallest rune of its simple case-folding orbit,
// so that runes equal under (?i) map to the same rune ('a', 'A' -> 'A';
// 'k', 'K', U+212A -> 'K').
func canonRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// cross returns every a+b, or false when there would be too many.
func cross(as, bs []string) ([]string, bool) {
	if len(as)*len(bs) > maxVariants {
		return nil, false
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out, true
}

// mustContain returns strings of which every match of re contains at
// least one, or nil when it finds no useful set. The set is pruned of
// strings that contain another member, which adds nothing to the test.
func mustContain(re *syntax.Regexp, fold bool) []string {
	set := mustContainRaw(re, fold)
	set = prune(set, strings.Contains)
	if minStrLen(set) == 0 {
		return nil
	}
	return set
}

func mustContainRaw(re *syntax.Regexp, fold bool) []string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return mustContainRaw(re.Sub[0], fold)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustContainRaw(re.Sub[0], fold)
		}
		return nil
	case syntax.OpAlternate:
		var set []string
		for _, s := range re.Sub {
			sub := mustContainRaw(s, fold)
			if minStrLen(sub) == 0 {
				return nil
			}
			set = append(set, sub...)
		}
		return set
	case syntax.OpConcat, syntax.OpLiteral:
		// Walk the pieces, growing a run of consecutive exact pieces; each
		// run and each inexact piece's own set is a candidate.
		var best []string
		consider := func(c []string) {
			if better(c, best) {
				best = c
			}
		}
		run := []string{""}
		for _, p := range pieces(re) {
			if set, ok := exactSet(p, fold); ok {
				if next, ok := cross(run, set); ok {
					run = next
					continue
				}
				consider(run)
				// Start again from this piece, or from nothing if even
				// the piece alone is too big.
				run = []string{""}
				if next, ok := cross(run, set); ok {
					run = next
				}
				continue
			}
			consider(run)
			run = []string{""}
			if p.Op != syntax.OpLiteral {
				// An inexact single rune (U+FFFD) has nothing to offer;
				// anything else may hold a gate of its own.
				consider(mustContainRaw(p, fold))
			}
		}
		consider(run)
		return best
	}
	if set, ok := exactSet(re, fold); ok {
		return set
	}
	return nil
}

// pieces splits a concatenation, and literals inside it, into single
// elements so that runs of literal runes can be cut anywhere.
func pieces(re *syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	var walk func(*syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpConcat:
			for _, s := range re.Sub {
				walk(s)
			}
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				out = append(out, &syntax.Regexp{Op: syntax.OpLiteral, Flags: re.Flags, Rune: []rune{r}})
			}
		default:
			out = append(out, re)
		}
	}
	walk(re)
	return out
}

// better reports whether literal set a is a stronger gate than b: its
// shortest string is longer, or as long with fewer strings.
func better(a, b []string) bool {
	a = prune(a, strings.Contains)
	b = prune(b, strings.Contains)
	la, lb := minStrLen(a), minStrLen(b)
	if la != lb {
		return la > lb
	}
	return la > 0 && len(a) < len(b)
}

func minStrLen(set []string) int {
	if len(set) == 0 {
		return 0
	}
	n := len(set[0])
	for _, s := range set[1:] {
		n = min(n, len(s))
	}
	return n
}

// prune drops every string s for which another member t has implies(s,
// t): for "contains" gates a string containing another member is
// redundant, for suffix gates one ending with another.
func prune(set []string, implies func(s, t string) bool) []string {
	var out []string
	for i, s := range set {
		redundant := false
		for j, t := range set {
			if i == j {
				continue
			}
			// Of two equal strings keep the first.
			if s == t && j < i || s != t && implies(s, t) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

// endSuffixes returns strings of which every match of re, which must end
// at the end of the text, ends with one; nil when there are none useful.
func endSuffixes(re *syntax.Regexp) []string {
	set := endSuffixesRaw(re)
	set = prune(set, strings.HasSuffix)
	if minStrLen(set) == 0 {
		return nil
	}
	return set
}

func endSuffixesRaw(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpEndText:
		return []string{""}
	case syntax.OpCapture:
		return endSuffixesRaw(re.Sub[0])
	case syntax.OpAlternate:
		var set []string
		for _, s := range re.Sub {
			sub := endSuffixesRaw(s)
			if sub == nil {
				return nil
			}
			set = append(set, sub...)
		}
		return set
	case syntax.OpConcat:
		ps := pieces(re)
		if len(ps) == 0 {
			return nil
		}
		set := endSuffixesRaw(ps[len(ps)-1])
		if set == nil {
			return nil
		}
		// Prepend the exact pieces before it while the set stays small.
		for i := len(ps) - 2; i >= 0; i-- {
			pre, ok := exactSet(ps[i], false)
			if !ok {
				break
			}
			next, ok := cross(pre, set)
			if !ok {
				break
			}
			set = next
		}
		return set
	}
	return nil
}

// maxClauseSets bounds the literal sets kept per clause of requiredClauses:
// the strongest few reject nearly everything the rest would.
const maxClauseSets = 4

// requiredClauses returns a stronger gate than mustContain for regexps run
// on long texts: a list of clauses, one of which every match satisfies,
// where a clause is a list of literal sets and is satisfied when the text
// contains a string of each of its sets. For `\bmoveq\s+#x|^\s*btst\b` it
// returns [[MOVEQ] [#X]] [[BTST]] (in fold mode), where mustContain gives
// only {MOVEQ, BTST}. It returns nil when some match may contain no
// literal at all.
func requiredClauses(re *syntax.Regexp, fold bool) [][][]string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredClauses(re.Sub[0], fold)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredClauses(re.Sub[0], fold)
		}
		return nil
	case syntax.OpAlternate:
		var out [][][]string
		for _, s := range re.Sub {
			sub := requiredClauses(s, fold)
			if sub == nil {
				return nil
			}
			out = append(out, sub...)
		}
		return out
	case syntax.OpConcat, syntax.OpLiteral:
		// Every exact run of pieces and every inexact piece's own set is
		// required at once.
		var sets [][]string
		keep := func(set []string) {
			if set = prune(set, strings.Contains); minStrLen(set) > 0 {
				sets = append(sets, set)
			}
		}
		run := []string{""}
		for _, p := range pieces(re) {
			if set, ok := exactSet(p, fold); ok {
				if next, ok := cross(run, set); ok {
					run = next
					continue
				}
				keep(run)
				run = []string{""}
				if next, ok := cross(run, set); ok {
					run = next
				}
				continue
			}
			keep(run)
			run = []string{""}
			if p.Op != syntax.OpLiteral {
				keep(mustContainRaw(p, fold))
			}
		}
		keep(run)
		if len(sets) == 0 {
			return nil
		}
		slices.SortStableFunc(sets, func(a, b []string) int {
			switch {
			case better(a, b):
				return -1
			case better(b, a):
				return 1
			}
			return 0
		})
		if len(sets) > maxClauseSets {
			sets = sets[:maxClauseSets]
		}
		return [][][]string{sets}
	}
	if set := mustContain(re, fold); set != nil {
		return [][][]string{{set}}
	}
	return nil
}
