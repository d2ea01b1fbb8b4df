package index

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file reads license regular expressions (LREs), the pattern language of
// github.com/google/licensecheck, far enough to know which words a text must
// contain before the pattern can match it. licensecheck compiles the patterns
// itself; we only need their words for the candidate index (see index.go).
//
// The syntax: words (case-insensitive, punctuation ignored); __N__, any run
// of up to N words; (( a || b )) alternation; (( a ))?? an optional group;
// //** ... **// comments.

type lreKind int

const (
	lreWord lreKind = iota
	lreWild
	lreSeq
	lreAlt
	lreOpt
)

// A Node is one part of a parsed license pattern.
type Node struct {
	kind lreKind
	word string  // lreWord
	n    int     // lreWild: the most words it matches
	subs []*Node // lreSeq, lreAlt; lreOpt has one
}

type lreToken struct {
	kind string // "word", "wild", "open", "or", "close", "closeopt"
	word string
	n    int // wild: the most words it matches
}

func lexLRE(src []byte) ([]lreToken, error) {
	var toks []lreToken
	for i := 0; i < len(src); {
		switch {
		case bytes.HasPrefix(src[i:], []byte("//**")):
			end := bytes.Index(src[i+4:], []byte("**//"))
			if end < 0 {
				return nil, fmt.Errorf("unterminated comment at byte %d", i)
			}
			i += 4 + end + 4
		case bytes.HasPrefix(src[i:], []byte("((")):
			toks = append(toks, lreToken{kind: "open"})
			i += 2
		case bytes.HasPrefix(src[i:], []byte("))??")):
			toks = append(toks, lreToken{kind: "closeopt"})
			i += 4
		case bytes.HasPrefix(src[i:], []byte("))")):
			toks = append(toks, lreToken{kind: "close"})
			i += 2
		case bytes.HasPrefix(src[i:], []byte("||")):
			toks = append(toks, lreToken{kind: "or"})
			i += 2
		case bytes.HasPrefix(src[i:], []byte("__")):
			j := i + 2
			for j < len(src) && '0' <= src[j] && src[j] <= '9' {
				j++
			}
			if j > i+2 && bytes.HasPrefix(src[j:], []byte("__")) {
				n, _ := strconv.Atoi(string(src[i+2 : j]))
				toks = append(toks, lreToken{kind: "wild", n: n})
				i = j + 2
				continue
			}
			i += 2
		default:
			// Read up to the next operator as plain text and split it
			// into words the way the matcher does.
			j := i + 1
			for j < len(src) && !isLREOperatorStart(src[j:]) {
				j++
			}
			ForEachWord(src[i:j], func(w []byte, _, _ int) {
				toks = append(toks, lreToken{kind: "word", word: string(w)})
			})
			i = j
		}
	}
	return toks, nil
}

func isLREOperatorStart(b []byte) bool {
	if len(b) < 2 {
		return false
	}
	switch string(b[:2]) {
	case "((", "))", "||", "__":
		return true
	case "//":
		return bytes.HasPrefix(b, []byte("//**"))
	}
	return false
}

// ParseLRE parses the license pattern src into a tree.
func ParseLRE(src []byte) (*Node, error) {
	toks, err := lexLRE(src)
	if err != nil {
		return nil, err
	}
	p := &lreParser{toks: toks}
	n := p.alt()
	if p.pos < len(p.toks) {
		return nil, fmt.Errorf("unexpected %s at token %s", p.toks[p.pos].kind, strconv.Itoa(p.pos))
	}
	return n, p.err
}

type lreParser struct {
	toks []lreToken
	pos  int
	err  error
}

func (p *lreParser) alt() *Node {
	alts := []*Node{p.seq()}
	for p.pos < len(p.toks) && p.toks[p.pos].kind == "or" {
		p.pos++
		alts = append(alts, p.seq())
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return &Node{kind: lreAlt, subs: alts}
}

func (p *lreParser) seq() *Node {
	n := &Node{kind: lreSeq}
	for p.pos < len(p.toks) {
		t := p.toks[p.pos]
		switch t.kind {
		case "word":
			n.subs = append(n.subs, &Node{kind: lreWord, word: t.word})
			p.pos++
		case "wild":
			n.subs = append(n.subs, &Node{kind: lreWild, n: t.n})
			p.pos++
		case "open":
			p.pos++
			inner := p.alt()
			if p.pos >= len(p.toks) {
				if p.err == nil {
					p.err = fmt.Errorf("unclosed ((")
				}
				return n
			}
			switch p.toks[p.pos].kind {
			case "close":
				n.subs = append(n.subs, inner)
			case "closeopt":
				n.subs = append(n.subs, &Node{kind: lreOpt, subs: []*Node{inner}})
			}
			p.pos++
		default: // "or", "close", "closeopt": end of this sequence
			return n
		}
	}
	return n
}

// maxAltSets bounds the alternative word sets kept for one pattern
// (alternatives add their sets, a sequence crosses the sets of its parts);
// beyond it, alternatives are merged into the words they share.
const maxAltSets = 8

// Requirements returns sets of words such that any text the pattern matches
// contains every word of at least one set. Each set is sorted and
// deduplicated. rarity ranks words, lower for rarer ones (the number of
// patterns that use a word); where alternatives must be reduced, their
// rarest words are kept.
func (n *Node) Requirements(rarity func(string) int) [][]string {
	switch n.kind {
	case lreWord:
		return [][]string{{n.word}}
	case lreWild, lreOpt:
		return [][]string{nil}
	case lreAlt:
		var out [][]string
		for _, s := range n.subs {
			out = append(out, s.Requirements(rarity)...)
		}
		return reduceSets(out, maxAltSets, rarity)
	default: // lreSeq: every part must match
		common := map[string]bool{}
		alts := [][]string{nil}
		for _, s := range n.subs {
			sub := s.Requirements(rarity)
			if len(sub) == 1 {
				for _, w := range sub[0] {
					common[w] = true
				}
				continue
			}
			// Too many combinations: reduce the side whose alternatives
			// say less (their rarest words are commoner: "licensed" or
			// "released" rather than the license's name), then the other
			// if needed.
			if len(alts)*len(sub) > maxAltSets {
				if commonness(alts, rarity) >= commonness(sub, rarity) {
					alts = reduceSets(alts, max(1, maxAltSets/len(sub)), rarity)
				} else {
					sub = reduceSets(sub, max(1, maxAltSets/len(alts)), rarity)
				}
			}
			if len(alts)*len(sub) > maxAltSets {
				alts, sub = reduceSets(alts, 1, rarity), reduceSets(sub, 1, rarity)
			}
			next := make([][]string, 0, len(alts)*len(sub))
			for _, a := range alts {
				for _, b := range sub {
					next = append(next, unionSorted(a, b))
				}
			}
			alts = next
		}
		base := make([]string, 0, len(common))
		for w := range common {
			base = append(base, w)
		}
		slices.Sort(base)
		for i, a := range alts {
			alts[i] = unionSorted(a, base)
		}
		return alts
	}
}

// MinWords returns the number of words every match of the longest
// alternative must have: the size of the full text in a pattern that also
// accepts short notices.
func (n *Node) MinWords() int {
	switch n.kind {
	case lreWord:
		return 1
	case lreWild, lreOpt:
		return 0
	case lreAlt:
		m := 0
		for _, s := range n.subs {
			m = max(m, s.MinWords())
		}
		return m
	default:
		t := 0
		for _, s := range n.subs {
			t += s.MinWords()
		}
		return t
	}
}

// Vocabulary returns every word of the pattern, sorted, and the largest
// number of words one wildcard can stand for.
func (n *Node) Vocabulary() (words []string, maxWild int) {
	seen := map[string]bool{}
	var walk func(*Node)
	walk = func(n *Node) {
		switch n.kind {
		case lreWord:
			seen[n.word] = true
		case lreWild:
			maxWild = max(maxWild, n.n)
		default:
			for _, s := range n.subs {
				walk(s)
			}
		}
	}
	walk(n)
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	return words, maxWild
}

// MaxWords returns the most words a match of the pattern can hold.
func (n *Node) MaxWords() int {
	switch n.kind {
	case lreWord:
		return 1
	case lreWild:
		return n.n
	case lreOpt:
		return n.subs[0].MaxWords()
	case lreAlt:
		m := 0
		for _, s := range n.subs {
			m = max(m, s.MaxWords())
		}
		return m
	default:
		t := 0
		for _, s := range n.subs {
			t += s.MaxWords()
		}
		return t
	}
}

// reduceSets reduces word sets to at most n, each step replacing sets by
// subsets of them, so that a text that has every word of one of the
// original sets still has every word of one of the results:
//
//   - sets that hold another set are dropped (that loses nothing);
//   - two sets that share at least half of the smaller one's words are
//     merged into those they share: alternatives that differ in a word or
//     two ("licensed" or "released" under the MIT license) become one;
//   - each set is cut to its k rarest words, for k ever smaller:
//     alternatives that differ in common words ("or later", "or any later
//     version") become one and keep the license's name;
//   - the two sets that share the most words are merged, as a last resort.
func reduceSets(sets [][]string, n int, rarity func(string) int) [][]string {
	sets = dropSupersets(sets)
	for len(sets) > n {
		i, j, shared := mostShared(sets)
		if 2*shared < min(len(sets[i]), len(sets[j])) || shared == 0 {
			break
		}
		sets = mergePair(sets, i, j)
	}
	longest := 0
	for _, s := range sets {
		longest = max(longest, len(s))
	}
	for k := longest - 1; k >= 1 && len(sets) > n; k-- {
		for i, s := range sets {
			sets[i] = rarest(s, k, rarity)
		}
		sets = dropSupersets(sets)
	}
	for len(sets) > n {
		i, j, _ := mostShared(sets)
		sets = mergePair(sets, i, j)
	}
	return sets
}

// commonness tells how little a choice among sets says: the mean, over
// the sets, of the rarity of each set's rarest word; an empty set says
// nothing at all.
func commonness(sets [][]string, rarity func(string) int) float64 {
	const nothing = 1 << 20
	total := 0
	for _, s := range sets {
		best := nothing
		for _, w := range s {
			best = min(best, rarity(w))
		}
		total += best
	}
	return float64(total) / float64(len(sets))
}

// mostShared returns the two sets with the most words in common.
func mostShared(sets [][]string) (bi, bj, best int) {
	bi, bj, best = 0, 1, -1
	for i := range sets {
		for j := i + 1; j < len(sets); j++ {
			if c := len(intersectAll([][]string{sets[i], sets[j]})); c > best {
				bi, bj, best = i, j, c
			}
		}
	}
	return bi, bj, best
}

// mergePair replaces sets i and j (i < j) by the words they share.
func mergePair(sets [][]string, i, j int) [][]string {
	sets = slices.Clone(sets)
	sets[i] = intersectAll([][]string{sets[i], sets[j]})
	return slices.Delete(sets, j, j+1)
}

// rarest returns the k rarest words of sorted set s, sorted; ties go to
// the alphabetically first.
func rarest(s []string, k int, rarity func(string) int) []string {
	if len(s) <= k {
		return s
	}
	r := slices.Clone(s)
	slices.SortStableFunc(r, func(a, b string) int { return cmp.Compare(rarity(a), rarity(b)) })
	r = r[:k]
	slices.Sort(r)
	return r
}

// dropSupersets removes the sets that hold all the words of another: a
// text that has every word of the larger set has those of the smaller, so
// the larger requires nothing more. This loses nothing, unlike merging.
// Of equal sets, the first is kept.
func dropSupersets(sets [][]string) [][]string {
	var out [][]string
	for i, s := range sets {
		redundant := false
		for j, t := range sets {
			if i != j && len(t) <= len(s) && (len(t) < len(s) || j < i) && isSubset(t, s) {
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

// isSubset reports whether every word of sorted a is in sorted b.
func isSubset(a, b []string) bool {
	j := 0
	for _, w := range a {
		for j < len(b) && b[j] < w {
			j++
		}
		if j == len(b) || b[j] != w {
			return false
		}
		j++
	}
	return true
}

func unionSorted(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func intersectAll(sets [][]string) []string {
	if len(sets) == 0 {
		return nil
	}
	out := sets[0]
	for _, s := range sets[1:] {
		var next []string
		i, j := 0, 0
		for i < len(out) && j < len(s) {
			switch {
			case out[i] < s[j]:
				i++
			case s[j] < out[i]:
				j++
			default:
				next = append(next, out[i])
				i++
				j++
			}
		}
		out = next
	}
	return out
}

// maxPhrases bounds the leading phrases computed for one pattern; a
// pattern with more gets no phrase filter.
const maxPhrases = 512

// prefix is the start of a match: up to two words, n of them known.
type prefix struct {
	w [2]string
	n int
}

const anyWord = "\x00any"

// LeadingPhrases returns every pair of words a match of the pattern can
// begin with. licensecheck starts matching a pattern only where one of its
// leading phrases occurs, so a text holding none of them cannot match.
// ok is false when the phrases cannot be listed (too many, or a match can
// begin with a wildcard): then the pattern must not be filtered.
func (n *Node) LeadingPhrases() (phrases [][2]string, ok bool) {
	set, ok := n.prefixes()
	if !ok {
		return nil, false
	}
	seen := map[[2]string]bool{}
	for _, p := range set {
		if p.n < 2 || p.w[0] == anyWord || p.w[1] == anyWord {
			return nil, false
		}
		if !seen[p.w] {
			seen[p.w] = true
			phrases = append(phrases, p.w)
		}
	}
	slices.SortFunc(phrases, func(a, b [2]string) int {
		if a[0] != b[0] {
			return strings.Compare(a[0], b[0])
		}
		return strings.Compare(a[1], b[1])
	})
	return phrases, true
}

// prefixes returns the possible first two words of the texts n matches.
func (n *Node) prefixes() ([]prefix, bool) {
	switch n.kind {
	case lreWord:
		return []prefix{{w: [2]string{n.word}, n: 1}}, true
	case lreWild:
		return []prefix{{}, {w: [2]string{anyWord}, n: 1}, {w: [2]string{anyWord, anyWord}, n: 2}}, true
	case lreOpt:
		sub, ok := n.subs[0].prefixes()
		return append(sub, prefix{}), ok
	case lreAlt:
		var out []prefix
		for _, s := range n.subs {
			sub, ok := s.prefixes()
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
			if len(out) > maxPhrases {
				return nil, false
			}
		}
		return dedupPrefixes(out), true
	default: // lreSeq
		out := []prefix{{}}
		for _, s := range n.subs {
			if !slices.ContainsFunc(out, func(p prefix) bool { return p.n < 2 }) {
				break // every prefix is complete
			}
			sub, ok := s.prefixes()
			if !ok {
				return nil, false
			}
			var next []prefix
			for _, a := range out {
				if a.n == 2 {
					next = append(next, a)
					continue
				}
				for _, b := range sub {
					c := a
					for i := 0; i < b.n && c.n < 2; i++ {
						c.w[c.n] = b.w[i]
						c.n++
					}
					next = append(next, c)
				}
			}
			out = dedupPrefixes(next)
			if len(out) > maxPhrases {
				return nil, false
			}
		}
		return out, true
	}
}

func dedupPrefixes(ps []prefix) []prefix {
	seen := map[prefix]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
