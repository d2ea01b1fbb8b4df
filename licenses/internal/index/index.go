// Package index proposes candidate licenses for a text without compiling any
// license pattern.
//
// licensecheck compiles every license pattern into one DFA before it can
// scan anything, which takes over a second for its built-in set. Most texts
// only ever contain one or two licenses, so heng keeps, per license pattern,
// the words any match of it must contain (computed ahead of time by reading
// the patterns, see lre.go) and proposes a license only when a text holds
// most of those words. Only proposed licenses get a compiled scanner.
package index

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// An Entry is one license pattern known to the matcher.
type Entry struct {
	// ID is the pattern's id: the license id it reports, possibly with a
	// "|form" suffix (see PublicID).
	ID string
	// Kind is "text" or "notice" when the pattern says what it matches,
	// "" when the match's length decides.
	Kind string
	// Source names where the pattern comes from: "licensecheck" for
	// licensecheck.BuiltinLicenses(), or a file name of our own data.
	Source string
	// Sets holds the alternative word sets (ids into Index.Words) that a
	// match must contain one of.
	Sets [][]uint32
	// Keys holds, per set, the set's rarest words: a set is examined only
	// when a text contains at least one of its keys.
	Keys [][]uint32
	// Phrases are the word pairs (ids into Index.Words) a match can begin
	// with; AnyStart is set when they could not be listed, and then the
	// entry is never filtered by them.
	Phrases  [][2]uint32
	AnyStart bool
	// PatternWords is the number of words the pattern's longest form
	// requires: a full-text pattern is long, a notice pattern short.
	PatternWords int
	// MaxWords is the most words a match of the pattern can hold.
	MaxWords int
	// Vocab holds every word of the pattern (ids into Index.Words), and
	// MaxWild the most words one of its wildcards stands for: a match
	// cannot run through more words foreign to the pattern than that.
	Vocab   []uint32
	MaxWild int

	// vocabCode is the encoded Vocab of a decoded index: decoded on
	// first use (MatchEnd), as most patterns never run in a scan.
	vocabCode []byte
	vocabOnce *sync.Once
	// RefWords is the number of words in the license's complete reference
	// text: the SPDX text when SPDX has one, else the longest form the
	// pattern accepts. It tells full texts from notices.
	RefWords int
}

// Index is the candidate index over all entries.
type Index struct {
	Words   []string
	Entries []Entry

	wordID   map[string]uint32 // word -> id; after buildPostings, also the aliases (see lookup)
	postings [][]setRef        // by word id: the sets for which it is a key word
	setBase  []int             // by entry: global number of its first set
	nsets    int
	phraseID map[uint64]int32 // word pair -> phrase number
	phrases  [][]int32        // by entry: its phrase numbers
	variants [][]uint32       // by word id: the same word with or without a final s or d
}

// isLetters reports whether w is all lower-case ASCII letters.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

type setRef struct {
	entry, set int32
}

// CandidateCoverage is the share of a pattern's required words that a text
// must contain before the pattern is proposed. licensecheck forgives single
// typos and re-joins hyphenated words, so a matching text may lack a few of
// the exact words; 0.8 keeps every match of licensecheck's own test corpus
// (TestRecallOnLicensecheckCorpus) while proposing few licenses per text.
const CandidateCoverage = 0.8

// keysPerSet is how many of a set's rarest words are posted in the inverted
// index at most; a set is examined only if the text has at least one of
// them.
const keysPerSet = 4

// maxMissing returns how many of a set's n words a text may lack and still
// have CandidateCoverage of them.
func maxMissing(n int) int {
	return int((1-CandidateCoverage)*float64(n) + 1e-9)
}

// keyCount returns how many keys a set of n words gets. A text with
// CandidateCoverage of the set lacks at most (1-CandidateCoverage)·n of
// its words, so it holds one of any that many plus one: with that many
// keys, small sets are examined exactly when they can be candidates, and
// a common word ("licensed") is the key of few of them.
func keyCount(n int) int {
	return min(keysPerSet, maxMissing(n)+1)
}

// Build parses every pattern and builds the index. refWords gives the
// number of words of a license's reference text, or 0 when there is none
// (the pattern's own length is used then). realWord tells words that
// license texts really contain from the typos and run-together words
// licensecheck's patterns hold (and forgive in matching), which no text
// contains and so must not be keys.
func Build(srcs []Pattern, refWords func(id string) int, realWord func(string) bool) (*Index, error) {
	ix := &Index{wordID: map[string]uint32{}}
	type parsed struct {
		sets     [][]string
		phrases  [][2]string
		anyStart bool
		ref      int
		pattern  int
		maxWords int
		vocab    []string
		maxWild  int
	}
	all := make([]parsed, len(srcs))
	nodes := make([]*Node, len(srcs))
	df := map[string]int{} // the number of patterns that use a word
	for i, s := range srcs {
		n, err := ParseLRE([]byte(s.LRE))
		if err != nil {
			return nil, fmt.Errorf("%s (%s): %w", s.ID, s.Source, err)
		}
		nodes[i] = n
		vocab, _ := n.Vocabulary()
		for _, w := range vocab {
			df[w]++
		}
	}
	rarity := func(w string) int { return df[w] }
	for i, s := range srcs {
		n := nodes[i]
		sets := n.Requirements(rarity)
		// An empty set would make the pattern a candidate for every
		// text; a pattern always has some required word in practice,
		// so drop empty alternatives and keep the others.
		sets = slices.DeleteFunc(sets, func(s []string) bool { return len(s) == 0 })
		if len(sets) == 0 {
			return nil, fmt.Errorf("%s (%s): pattern requires no word", s.ID, s.Source)
		}
		pattern := n.MinWords()
		ref := refWords(PublicID(s.ID))
		if ref == 0 {
			ref = pattern
		}
		phrases, ok := n.LeadingPhrases()
		vocab, maxWild := n.Vocabulary()
		all[i] = parsed{sets: sets, phrases: phrases, anyStart: !ok, ref: ref, pattern: pattern, maxWords: n.MaxWords(), vocab: vocab, maxWild: maxWild}
		for _, set := range sets {
			for _, w := range set {
				ix.wordID[w] = 0
			}
		}
		for _, w := range vocab {
			ix.wordID[w] = 0
		}
	}
	for w := range ix.wordID {
		ix.Words = append(ix.Words, w)
	}
	sort.Strings(ix.Words)
	for i, w := range ix.Words {
		ix.wordID[w] = uint32(i)
	}
	for i, s := range srcs {
		e := Entry{ID: s.ID, Source: s.Source, Kind: s.Kind, RefWords: all[i].ref, PatternWords: all[i].pattern, MaxWords: all[i].maxWords, AnyStart: all[i].anyStart, MaxWild: all[i].maxWild}
		for _, w := range all[i].vocab {
			e.Vocab = append(e.Vocab, ix.wordID[w])
		}
		slices.Sort(e.Vocab)
		for _, p := range all[i].phrases {
			e.Phrases = append(e.Phrases, [2]uint32{ix.wordID[p[0]], ix.wordID[p[1]]})
		}
		for _, set := range all[i].sets {
			ids := make([]uint32, len(set))
			for j, w := range set {
				ids[j] = ix.wordID[w]
			}
			slices.Sort(ids)
			e.Sets = append(e.Sets, ids)
		}
		ix.Entries = append(ix.Entries, e)
	}
	ix.chooseKeys(realWord)
	ix.buildPostings()
	return ix, nil
}

// maxSetWords is the most words a required-word set keeps: its most
// distinctive ones (see chooseKeys). The share of them a text holds tells
// as much as the share of all the words of a license text would, and the
// index stays small and quick to load.
const maxSetWords = 48

// chooseKeys orders each set's words from the most distinctive (those that
// occur in the fewest patterns, preferring words of real texts, then
// words of three letters or more over numbers and shorter words, which
// are common in source code; a common three-letter word such as "the" is
// in too many patterns to be chosen anyway, unlike "mit" or "gpl"), keeps the first maxSetWords of them, and makes
// the first keysPerSet its keys.
func (ix *Index) chooseKeys(realWord func(string) bool) {
	// A word's rarity is the number of patterns that use it: "under" is
	// in nearly every license, "mit" in few.
	df := make([]int, len(ix.Words))
	for ei := range ix.Entries {
		for _, w := range ix.vocab(ei) {
			df[w]++
		}
	}
	weak := func(w uint32) bool {
		s := ix.Words[w]
		if len(s) < 3 {
			return true
		}
		for i := 0; i < len(s); i++ {
			if '0' <= s[i] && s[i] <= '9' {
				return true
			}
		}
		return false
	}
	for ei := range ix.Entries {
		e := &ix.Entries[ei]
		e.Keys = nil
		for si, set := range e.Sets {
			keys := slices.Clone(set)
			slices.SortFunc(keys, func(a, b uint32) int {
				if ra, rb := realWord(ix.Words[a]), realWord(ix.Words[b]); ra != rb {
					if ra {
						return -1
					}
					return 1
				}
				if wa, wb := weak(a), weak(b); wa != wb {
					if wa {
						return 1
					}
					return -1
				}
				return cmp.Or(cmp.Compare(df[a], df[b]), cmp.Compare(a, b))
			})
			kept := slices.Clone(keys[:min(maxSetWords, len(keys))])
			slices.Sort(kept)
			e.Sets[si] = kept
			keys = keys[:min(keyCount(len(kept)), len(keys))]
			slices.Sort(keys)
			e.Keys = append(e.Keys, keys)
		}
	}
}

// lookup returns the id of text word w, or of w without a final "s" or
// "d" when only that is known: licensecheck reads a word one letter off
// as the one its pattern expects ("license" for "licensed", "notice" for
// "notices"), so the index must too. buildVariants put those aliases in
// wordID, so this is one map access.
func (ix *Index) lookup(w []byte) (uint32, bool) {
	id, ok := ix.wordID[string(w)]
	return id, ok
}

// buildVariants links the words of the index that differ by a final "s"
// or "d" (both of four letters or more, as licensecheck's spelling
// tolerance wants): a text that has one has the other, as far as
// licensecheck is concerned.
func (ix *Index) buildVariants() {
	ix.variants = make([][]uint32, len(ix.Words))
	// The aliases are cut from one string: one allocation, not one each.
	type alias struct {
		lo, hi int
		id     uint32
	}
	// Only required words and the words of leading phrases need them.
	used := make([]bool, len(ix.Words))
	for _, e := range ix.Entries {
		for _, set := range e.Sets {
			for _, id := range set {
				used[id] = true
			}
		}
		for _, p := range e.Phrases {
			used[p[0]], used[p[1]] = true, true
		}
	}
	var buf []byte
	var aliases []alias
	for id, w := range ix.Words {
		if len(w) < 4 {
			continue
		}
		// Words is sorted: w+"d" and w+"s" follow w among the words
		// that begin with it, which are few.
		found := [2]bool{}
		for v := id + 1; v < len(ix.Words) && strings.HasPrefix(ix.Words[v], w); v++ {
			if len(ix.Words[v]) != len(w)+1 {
				continue
			}
			switch ix.Words[v][len(w)] {
			case 's':
				found[0] = true
			case 'd':
				found[1] = true
			default:
				continue
			}
			ix.variants[id] = append(ix.variants[id], uint32(v))
			ix.variants[v] = append(ix.variants[v], uint32(id))
		}
		if !used[id] || !isLetters(w) {
			continue
		}
		for i, suffix := range []byte{'s', 'd'} {
			if !found[i] {
				lo := len(buf)
				buf = append(append(buf, w...), suffix)
				aliases = append(aliases, alias{lo, len(buf), uint32(id)})
			}
		}
	}
	all := string(buf)
	for _, a := range aliases {
		ix.wordID[all[a.lo:a.hi]] = a.id
	}
}

// buildPostings fills the inverted index from the entries' keys, and
// numbers the leading phrases.
func (ix *Index) buildPostings() {
	ix.buildVariants()
	ix.phraseID = map[uint64]int32{}
	ix.phrases = make([][]int32, len(ix.Entries))
	for ei, e := range ix.Entries {
		for _, p := range e.Phrases {
			k := uint64(p[0])<<32 | uint64(p[1])
			id, ok := ix.phraseID[k]
			if !ok {
				id = int32(len(ix.phraseID))
				ix.phraseID[k] = id
			}
			ix.phrases[ei] = append(ix.phrases[ei], id)
		}
	}
	ix.nsets = 0
	ix.setBase = make([]int, len(ix.Entries))
	ix.postings = make([][]setRef, len(ix.Words))
	for ei, e := range ix.Entries {
		ix.setBase[ei] = ix.nsets
		ix.nsets += len(e.Sets)
		for si, keys := range e.Keys {
			for _, k := range keys {
				ix.postings[k] = append(ix.postings[k], setRef{int32(ei), int32(si)})
			}
		}
	}
}

// Scratch holds per-goroutine working memory for Candidates.
type Scratch struct {
	stamp       []uint32 // by word id: == gen when the word is in the text
	setStamp    []uint32 // by set number: == gen when already examined
	phraseStamp []uint32 // by phrase: == gen when phrasePos is current
	phrasePos   [][]int  // by phrase: word positions where it occurs
	ids         []int32  // by word position: word id, or -1
	localStamp  []uint32 // by word id, for LocalCoverage
	localGen    uint32
	gen         uint32
	// Words are the byte offsets of the text's words, in order.
	Words []int
}

// NewScratch returns working memory sized for ix.
func (ix *Index) NewScratch() *Scratch {
	return &Scratch{
		stamp:       make([]uint32, len(ix.Words)),
		setStamp:    make([]uint32, ix.nsets),
		phraseStamp: make([]uint32, len(ix.phraseID)),
		phrasePos:   make([][]int, len(ix.phraseID)),
		localStamp:  make([]uint32, len(ix.Words)),
	}
}

// A Candidate is a license pattern that may match a text.
type Candidate struct {
	Entry int
	// Coverage is the share of the pattern's required words in the text.
	Coverage float64
	// Starts are the positions (indexes into Scratch.Words) where one of
	// its leading phrases begins; nil for a pattern without phrases.
	Starts []int
}

// Candidates returns the entries, ascending, that could match text: it
// holds at least CandidateCoverage of their required words and one of
// their leading phrases. It also records the offsets of all words of text
// in s.Words.
func (ix *Index) Candidates(text []byte, s *Scratch) []Candidate {
	s.gen++
	if s.gen == 0 { // wrapped: reset
		clear(s.stamp)
		clear(s.setStamp)
		clear(s.phraseStamp)
		s.gen = 1
	}
	gen := s.gen
	s.Words = s.Words[:0]
	s.ids = s.ids[:0]
	var present []uint32
	prev, prevOK := uint32(0), false
	ForEachWord(text, func(w []byte, lo, _ int) {
		pos := len(s.Words)
		s.Words = append(s.Words, lo)
		id, ok := ix.lookup(w)
		if ok {
			s.ids = append(s.ids, int32(id))
		} else {
			s.ids = append(s.ids, -1)
		}
		if ok && prevOK {
			if ph, isPhrase := ix.phraseID[uint64(prev)<<32|uint64(id)]; isPhrase {
				if s.phraseStamp[ph] != gen {
					s.phraseStamp[ph] = gen
					s.phrasePos[ph] = s.phrasePos[ph][:0]
				}
				s.phrasePos[ph] = append(s.phrasePos[ph], pos-1)
			}
		}
		prev, prevOK = id, ok
		if !ok || s.stamp[id] == gen {
			return
		}
		s.stamp[id] = gen
		present = append(present, id)
		for _, v := range ix.variants[id] {
			if s.stamp[v] != gen {
				s.stamp[v] = gen
				present = append(present, v)
			}
		}
	})
	var out []Candidate
	for _, w := range present {
		for _, ref := range ix.postings[w] {
			n := ix.setBase[ref.entry] + int(ref.set)
			if s.setStamp[n] == gen {
				continue
			}
			s.setStamp[n] = gen
			set := ix.Entries[ref.entry].Sets[ref.set]
			// Most sets examined fall short: stop counting once more
			// words are missing than a candidate may lack.
			have, miss, maxMiss := 0, 0, maxMissing(len(set))
			for _, id := range set {
				if s.stamp[id] == gen {
					have++
				} else if miss++; miss > maxMiss {
					break
				}
			}
			if miss > maxMiss {
				continue
			}
			cov := float64(have) / float64(len(set))
			e := int(ref.entry)
			if i := slices.IndexFunc(out, func(c Candidate) bool { return c.Entry == e }); i >= 0 {
				out[i].Coverage = max(out[i].Coverage, cov)
				continue
			}
			c := Candidate{Entry: e, Coverage: cov}
			if !ix.Entries[e].AnyStart {
				for _, ph := range ix.phrases[e] {
					if s.phraseStamp[ph] == gen {
						c.Starts = append(c.Starts, s.phrasePos[ph]...)
					}
				}
				if len(c.Starts) == 0 {
					continue // it cannot begin anywhere
				}
				slices.Sort(c.Starts)
			}
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int { return cmp.Compare(a.Entry, b.Entry) })
	return out
}

// LocalCoverage returns the share of entry's required words found in the
// words a match starting at word position p could span (its MaxWords).
// It is sharper than Candidate.Coverage, which counts the whole text: a
// GPL text mentions the "Lesser" GPL, but not next to its own notice.
// It must follow Candidates on the same text and scratch.
func (ix *Index) LocalCoverage(s *Scratch, entry, p int) float64 {
	s.localGen++
	if s.localGen == 0 {
		clear(s.localStamp)
		s.localGen = 1
	}
	e := &ix.Entries[entry]
	end := min(len(s.ids), p+e.MaxWords+1)
	for _, id := range s.ids[p:end] {
		if id >= 0 {
			s.localStamp[id] = s.localGen
			for _, v := range ix.variants[id] {
				s.localStamp[v] = s.localGen
			}
		}
	}
	best := 0.0
	for _, set := range e.Sets {
		have := 0
		for _, id := range set {
			if s.localStamp[id] == s.localGen {
				have++
			}
		}
		best = max(best, float64(have)/float64(len(set)))
	}
	return best
}

// MatchEnd returns the word position (an index into s.Words) after which
// no match of entry that begins at or after word from can go on: the
// start of the first run of words foreign to the pattern longer than its
// widest wildcard (plus slack for licensecheck's forgiven typos), or the
// end of the text. It must follow Candidates on the same text and scratch.
func (ix *Index) MatchEnd(s *Scratch, entry, from int) int {
	e := &ix.Entries[entry]
	s.localGen++
	if s.localGen == 0 {
		clear(s.localStamp)
		s.localGen = 1
	}
	for _, id := range ix.vocab(entry) {
		s.localStamp[id] = s.localGen
	}
	limit := e.MaxWild + foreignSlack
	run := 0
	for i := from; i < len(s.ids); i++ {
		if id := s.ids[i]; id >= 0 && s.localStamp[id] == s.localGen {
			run = 0
			continue
		}
		if run++; run > limit {
			return i - run + 1
		}
	}
	return len(s.ids)
}

// vocab returns the vocabulary of an entry, decoding it on first use.
func (ix *Index) vocab(entry int) []uint32 {
	e := &ix.Entries[entry]
	if e.vocabOnce != nil {
		e.vocabOnce.Do(func() {
			d := decoder{b: e.vocabCode}
			e.Vocab = d.ids(uint64(len(ix.Words)))
		})
	}
	return e.Vocab
}

// foreignSlack is how many words foreign to a pattern, beyond its widest
// wildcard, MatchEnd lets a match run through: licensecheck forgives a
// misspelled word, and splits or joins hyphenated ones.
const foreignSlack = 3

// Encoding: a compact binary form, embedded in the heng binary so that no
// pattern needs parsing at start-up.
//
//	magic "hengidx1"
//	uvarint nwords, then each word: uvarint len, bytes
//	uvarint nentries, then each entry:
//	  string id, string source, string kind, uvarint refwords, uvarint patternwords,
//	  uvarint maxwords, uvarint nsets,
//	  each set: uvarint len, delta-coded sorted word ids, then its keys
//	  the same way;
//	  uvarint maxwild, uvarint length in bytes of the vocabulary coded
//	  like a set, then it,
//	  uvarint 1+nphrases (0: AnyStart), each phrase: uvarint, uvarint
const magic = "hengidx1"

// Encode returns the binary form of ix.
func (ix *Index) Encode() []byte {
	b := []byte(magic)
	putString := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(ix.Words)))
	for _, w := range ix.Words {
		putString(w)
	}
	b = binary.AppendUvarint(b, uint64(len(ix.Entries)))
	for ei, e := range ix.Entries {
		putString(e.ID)
		putString(e.Source)
		putString(e.Kind)
		b = binary.AppendUvarint(b, uint64(e.RefWords))
		b = binary.AppendUvarint(b, uint64(e.PatternWords))
		b = binary.AppendUvarint(b, uint64(e.MaxWords))
		b = binary.AppendUvarint(b, uint64(len(e.Sets)))
		for i, set := range e.Sets {
			b = appendIDs(b, set)
			b = appendIDs(b, e.Keys[i])
		}
		b = binary.AppendUvarint(b, uint64(e.MaxWild))
		vocab := appendIDs(nil, ix.vocab(ei))
		b = binary.AppendUvarint(b, uint64(len(vocab)))
		b = append(b, vocab...)
		if e.AnyStart {
			b = binary.AppendUvarint(b, 0)
		} else {
			b = binary.AppendUvarint(b, uint64(1+len(e.Phrases)))
			for _, p := range e.Phrases {
				b = binary.AppendUvarint(b, uint64(p[0]))
				b = binary.AppendUvarint(b, uint64(p[1]))
			}
		}
	}
	return b
}

// appendIDs appends a sorted list of word ids, delta-coded.
func appendIDs(b []byte, ids []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(ids)))
	prev := uint32(0)
	for _, id := range ids {
		b = binary.AppendUvarint(b, uint64(id-prev))
		prev = id
	}
	return b
}

var errCorrupt = errors.New("license index: corrupt data")

// Decode reads the binary form made by Encode.
func Decode(data []byte) (*Index, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errCorrupt
	}
	d := decoder{b: data[len(magic):]}
	ix := &Index{}
	nw := d.uvarint()
	if nw > uint64(len(d.b)) {
		return nil, errCorrupt
	}
	ix.Words = make([]string, 0, nw)
	ix.wordID = make(map[string]uint32, nw)
	for i := uint64(0); i < nw && d.err == nil; i++ {
		w := d.string()
		ix.wordID[w] = uint32(len(ix.Words))
		ix.Words = append(ix.Words, w)
	}
	ne := d.uvarint()
	for i := uint64(0); i < ne && d.err == nil; i++ {
		e := Entry{ID: d.string(), Source: d.string(), Kind: d.string(), RefWords: int(d.uvarint()), PatternWords: int(d.uvarint()), MaxWords: int(d.uvarint())}
		ns := d.uvarint()
		for j := uint64(0); j < ns && d.err == nil; j++ {
			e.Sets = append(e.Sets, d.ids(nw))
			e.Keys = append(e.Keys, d.ids(nw))
		}
		e.MaxWild = int(d.uvarint())
		// The vocabulary is skipped here and decoded on first use.
		if n := d.uvarint(); n <= uint64(len(d.b)) {
			e.vocabCode, d.b = d.b[:n], d.b[n:]
		} else {
			return nil, errCorrupt
		}
		e.vocabOnce = new(sync.Once)
		np := d.uvarint()
		if np == 0 {
			e.AnyStart = true
		} else if np-1 > uint64(len(d.b)) {
			return nil, errCorrupt
		}
		for j := uint64(1); j < np && d.err == nil; j++ {
			a, b := d.uvarint(), d.uvarint()
			if a >= nw || b >= nw {
				return nil, errCorrupt
			}
			e.Phrases = append(e.Phrases, [2]uint32{uint32(a), uint32(b)})
		}
		ix.Entries = append(ix.Entries, e)
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errCorrupt
	}
	ix.buildPostings()
	return ix, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

// ids reads a delta-coded list of word ids below limit.
func (d *decoder) ids(limit uint64) []uint32 {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	out := make([]uint32, n)
	prev := uint64(0)
	for k := range out {
		prev += d.uvarint()
		if prev >= limit {
			d.err = errCorrupt
			return nil
		}
		out[k] = uint32(prev)
	}
	return out
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errCorrupt
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
