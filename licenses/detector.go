// Package licenses holds heng's license knowledge and finds licenses in
// text: full license texts, notices (headers and short references),
// SPDX-License-Identifier tags and license URLs.
//
// Matching is done by github.com/google/licensecheck. Compiling its scanner
// for every known license takes over a second, longer than a whole scan of
// a large tree, so the Detector never does: an embedded index (see
// internal/index) proposes the few licenses a text could match, and a
// licensecheck scanner is compiled for each proposed license on first use
// and cached for the life of the Detector.
package licenses

import (
	"bytes"
	"cmp"
	"embed"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/licensecheck"

	"github.com/hengdev/heng/licenses/copyright"
	"github.com/hengdev/heng/licenses/internal/index"
)

//go:generate go run ./internal/gen

//go:embed data/index.bin
var indexData []byte

// patternData holds heng's own pattern sources (see index.Patterns).
//
//go:embed data/mulan/*.txt data/lre/*.lre
var patternData embed.FS

// Kind says what form of a license a finding is.
type Kind string

// The kinds of findings.
const (
	KindText   Kind = "text"   // a license's full text
	KindNotice Kind = "notice" // a header or another short notice
	KindTag    Kind = "tag"    // an SPDX-License-Identifier tag
	KindURL    Kind = "url"    // a license URL
)

// A Finding is one license found in a text.
type Finding struct {
	// ID is the SPDX license id (or a LicenseRef-) found. It is empty for
	// tags holding a compound expression, and for invalid tags.
	ID string
	// Expression is the canonical SPDX expression of a tag whose value is
	// more than a single id, such as "MIT OR Apache-2.0".
	Expression string
	Kind       Kind
	// Percent is the share, in words, of the surrounding text that the
	// match covers: the whole file for license files, the paragraph or
	// comment block around the match otherwise. 100 means the text is the
	// license and nothing else; less means other words are mixed in.
	Percent float64
	// Start and End are byte offsets of the match in the text; StartLine
	// and EndLine are 1-based and inclusive.
	Start, End         int
	StartLine, EndLine int
	// Raw is the text of a tag after the colon, as written.
	Raw string
	// Error says why a tag is not a valid SPDX expression.
	Error string
	// pattern is the id of the pattern that matched (see index.Pattern).
	pattern string
}

// Mode says how much of a text Detect examines.
type Mode int

const (
	// ModeSource examines the parts of the text near license keywords:
	// headers and license text anywhere in a source or documentation file.
	ModeSource Mode = iota
	// ModeLicenseFile matches the whole text: for LICENSE, COPYING and
	// similar files, which are expected to hold license texts.
	ModeLicenseFile
)

// fullTextWords is the length from which a pattern is taken to be a whole
// license text: notices and references are shorter (an Apache header has
// about 90 words, a GPL notice 30), full texts longer (MIT 155).
const fullTextWords = 100

// refLength is the length a match is measured against to tell a full text
// from a notice: the license's reference text, or, for a pattern of a full
// text, the pattern itself when shorter (SPDX's LGPL-3.0 text carries the
// whole GPL-3.0 after it).
func refLength(e index.Entry) int {
	if e.PatternWords >= fullTextWords && e.PatternWords < e.RefWords {
		return e.PatternWords
	}
	return e.RefWords
}

// textShare is how much of a license's reference text a match must cover
// to count as the full text rather than a notice. Full texts found in the
// wild drop appendices and preambles, which can be a third of the SPDX
// reference (GPL's "How to Apply" section); notices are a small fraction.
const textShare = 0.5

// Detector finds licenses. It is safe for concurrent use; build one and
// share it.
type Detector struct {
	once sync.Once
	err  error

	ix      *index.Index
	lres    []licensecheck.License // by index entry
	entryOf map[string]int         // pattern id -> entry
	lreOnce []sync.Once            // by index entry: its pattern is made
	single  []lazyScanner          // by index entry
	combos  sync.Map               // key of entry set -> *lazyScanner
	urls    map[string]string
	scratch sync.Pool
}

type lazyScanner struct {
	once sync.Once
	s    *licensecheck.Scanner
	err  error
}

// NewDetector returns a Detector. It does no work until first used.
func NewDetector() *Detector {
	return &Detector{}
}

// Load prepares the detector's index. Detect calls it; calling it early
// moves the (small) cost off the first file. It fails only if the data
// built into heng is damaged.
func (d *Detector) Load() error {
	d.once.Do(func() {
		ix, err := index.Decode(indexData)
		if err != nil {
			d.err = err
			return
		}
		// Patterns are made from their sources when first needed (see
		// license): most never are in a scan.
		lres := make([]licensecheck.License, len(ix.Entries))
		d.entryOf = map[string]int{}
		for i, e := range ix.Entries {
			lres[i] = licensecheck.License{ID: e.ID}
			d.entryOf[e.ID] = i
		}
		d.lreOnce = make([]sync.Once, len(lres))
		d.ix, d.lres = ix, lres
		d.single = make([]lazyScanner, len(lres))
		d.urls = urlTable()
		d.scratch.New = func() any { return ix.NewScratch() }
	})
	return d.err
}

// license returns the licensecheck license of one entry, making its
// pattern on first use.
func (d *Detector) license(entry int) licensecheck.License {
	d.lreOnce[entry].Do(func() {
		l := &d.lres[entry]
		data, _ := fs.Sub(patternData, "data")
		// An error leaves the pattern empty: its scanner fails to
		// compile and the entry never matches. TestPatternsMadeAgain
		// checks that every entry can be made.
		l.LRE, _ = index.PatternLRE(l.ID, d.ix.Entries[entry].Source, data, Text)
	})
	return d.lres[entry]
}

// scanner returns the compiled scanner for one entry.
func (d *Detector) scanner(entry int) *licensecheck.Scanner {
	ls := &d.single[entry]
	ls.once.Do(func() {
		ls.s, ls.err = licensecheck.NewScanner([]licensecheck.License{d.license(entry)})
	})
	return ls.s
}

// comboScanner returns a scanner for several entries at once, so that
// overlapping matches are resolved exactly as licensecheck resolves them.
func (d *Detector) comboScanner(entries []int) *licensecheck.Scanner {
	var key strings.Builder
	for _, e := range entries {
		key.WriteString(strconv.Itoa(e))
		key.WriteByte(',')
	}
	v, _ := d.combos.LoadOrStore(key.String(), &lazyScanner{})
	ls := v.(*lazyScanner)
	ls.once.Do(func() {
		list := make([]licensecheck.License, len(entries))
		for i, e := range entries {
			list[i] = d.license(e)
		}
		ls.s, ls.err = licensecheck.NewScanner(list)
	})
	return ls.s
}

var utf8BOM = []byte("\xef\xbb\xbf")

// Detect returns the licenses found in text, ordered by position.
func (d *Detector) Detect(text []byte, mode Mode) ([]Finding, error) {
	fs, _, err := d.detect(text, mode)
	return fs, err
}

// Result is what Analyze finds in a text.
type Result struct {
	Findings   []Finding
	Copyrights []copyright.Statement
}

// Analyze returns the licenses and the copyright statements in text. It
// looks for statements (see package copyright) only around the words
// copyright and 版权, which the licenses' keyword search finds anyway, and
// around © signs, and around "(c)" in the first 4 KiB (a header): the
// rest of a tree pays nothing for it. License files, few and small, are
// read whole. Further down other files, a statement written with "(c)"
// alone, without the word or the sign, is missed.
func (d *Detector) Analyze(text []byte, mode Mode) (Result, error) {
	fs, hits, err := d.detect(text, mode)
	if err != nil {
		return Result{}, err
	}
	r := Result{Findings: fs}
	if mode == ModeLicenseFile {
		r.Copyrights = copyright.Find(text)
	} else {
		r.Copyrights = copyrights(text, hits)
	}
	return r, nil
}

var copyrightSign = []byte("©")

// copyrightHeader is how much of the top of a file is searched for "(c)".
const copyrightHeader = 4 << 10

// appendAll appends the offsets of every occurrence of needle in text.
func appendAll(at []int, text, needle []byte) []int {
	for off := 0; ; {
		i := bytes.Index(text[off:], needle)
		if i < 0 {
			return at
		}
		at = append(at, off+i)
		off += i + len(needle)
	}
}

// Lines around a copyright keyword that copyright.Find reads: a statement
// starts on the keyword's line or, for "Portions" and the like, the one
// before, and runs on for at most two more.
// On very long lines (minified code), the bytes read are bounded too.
const (
	copyrightBefore      = 1
	copyrightAfter       = 3
	copyrightBytesBefore = 512
	copyrightBytesAfter  = 1024
)

// copyrights finds the copyright statements of text in the lines around
// its keyword hits that are "copyright" or 版权, and around © signs. Only
// those lines are read: most of a file is code.
func copyrights(text []byte, hits []int) []copyright.Statement {
	var at []int
	for _, h := range hits {
		if text[h]|0x20 == 'c' || text[h] == "版"[0] {
			at = append(at, h)
		}
	}
	at = appendAll(at, text, copyrightSign)
	// "(C) 2020 Example Co." without the word: looked for in the header
	// only, as "(" is too common in code to search whole files for.
	head := text[:min(len(text), copyrightHeader)]
	at = appendAll(at, head, []byte("(c)"))
	at = appendAll(at, head, []byte("(C)"))
	if len(at) == 0 {
		return nil
	}
	slices.Sort(at)
	var out []copyright.Statement
	seen := map[string]bool{}
	line, pos := 1, 0 // line number at byte offset pos
	for i := 0; i < len(at); {
		// Lines around the hits, within a few hundred bytes of them: a
		// minified file is one line.
		first, last := at[i], at[i]
		for i++; i < len(at) && at[i]-last < copyrightBytesAfter; i++ {
			last = at[i]
		}
		cutLo, cutHi := max(0, first-copyrightBytesBefore), min(len(text), last+copyrightBytesAfter)
		sub := text[cutLo:cutHi]
		w := span{linesBack(sub, first-cutLo, copyrightBefore), linesForward(sub, last-cutLo, copyrightAfter)}
		w = snapWords(sub, w, cutLo > 0, cutHi < len(text))
		lo, hi := cutLo+w.lo, cutLo+w.hi
		line += bytes.Count(text[pos:lo], nl)
		pos = lo
		for _, st := range copyright.Find(text[lo:hi]) {
			if seen[st.Text] {
				continue
			}
			seen[st.Text] = true
			st.StartLine += line - 1
			st.EndLine += line - 1
			out = append(out, st)
		}
	}
	return out
}

// detect finds the licenses of text, and returns the keyword hits too.
func (d *Detector) detect(text []byte, mode Mode) ([]Finding, []int, error) {
	if err := d.Load(); err != nil {
		return nil, nil, err
	}
	base := 0
	if bytes.HasPrefix(text, utf8BOM) {
		text, base = text[len(utf8BOM):], len(utf8BOM)
	}
	hits := keywordHits(text)
	out := append(tags(text, hits), declarations(text, hits)...)
	out = append(out, fileReferences(text, hits)...)
	var wins []span
	if mode == ModeLicenseFile {
		wins = []span{{0, len(text)}}
	} else {
		wins = windows(text, hits)
	}
	sc := d.scratch.Get().(*index.Scratch)
	defer d.scratch.Put(sc)
	for i := 0; i < len(wins); {
		w := wins[i]
		i++
		var cov licensecheck.Coverage
		for grown := 0; ; grown++ {
			// Take in the windows that this one, grown, now reaches.
			for i < len(wins) && wins[i].lo <= w.hi {
				w.hi = max(w.hi, wins[i].hi)
				i++
			}
			cov = d.match(text[w.lo:w.hi], sc)
			if mode == ModeLicenseFile || grown == maxGrow || !grow(text, &w, cov) {
				break
			}
		}
		out = d.findings(out, text, w, cov, mode == ModeLicenseFile, sc)
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End),
			cmp.Compare(a.ID, b.ID), cmp.Compare(a.Expression, b.Expression))
	})
	out = dropOverlaps(out)
	out = dropFileRefs(text, out)
	setLines(text, out)
	for i := range out {
		out[i].Start += base
		out[i].End += base
	}
	for i := range hits {
		hits[i] += base
	}
	return out, hits, nil
}

// reportedID returns how a pattern's license is reported: as an SPDX id or
// LicenseRef. licensecheck knows a few licenses SPDX does not (Anti996,
// CommonsClause, GooglePatentsFile, ...): they become LicenseRef-<id>,
// which heng's knowledge names and categorises; its GPL-2.0-or-3.0 is the
// expression it stands for.
func reportedID(id string) (string, string) {
	switch {
	case id == "GPL-2.0-or-3.0":
		return "", "GPL-2.0-only OR GPL-3.0-only"
	case strings.HasPrefix(id, "LicenseRef-"):
		return id, ""
	}
	if _, ok := Lookup(id); ok {
		return id, ""
	}
	return "LicenseRef-" + id, ""
}

// dropOverlaps removes a notice that overlaps an earlier finding of the
// same license: a "License: MulanPSL2" line is both a declaration and a
// reference. out is sorted by start.
func dropOverlaps(out []Finding) []Finding {
	kept := out[:0]
	for _, f := range out {
		dup := f.Kind == KindNotice && slices.ContainsFunc(kept, func(k Finding) bool {
			return k.ID == f.ID && k.Expression == f.Expression && f.Start < k.End && k.Start < f.End
		})
		if !dup {
			kept = append(kept, f)
		}
	}
	return kept
}

// dropFileRefs removes a license file's name ("see LICENSE-APACHE") that
// stands on a line with another finding of the same license, such as the
// notice it completes, or with the same name again ("[LICENSE-MIT](LICENSE-MIT)"):
// it says nothing more. out is sorted by start.
func dropFileRefs(text []byte, out []Finding) []Finding {
	drop := make([]bool, len(out))
	for i, f := range out {
		if f.pattern != "file-reference" {
			continue
		}
		lo, hi := lineStart(text, f.Start), lineEnd(text, f.End)
		drop[i] = slices.ContainsFunc(out, func(g Finding) bool {
			return g.ID == f.ID && g.Start < hi && g.End > lo && (g.pattern != "file-reference" || g.Start < f.Start)
		})
	}
	kept := out[:0]
	for i, f := range out {
		if !drop[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

// A match that touches the edge of its window, or ends within growSlack
// lines of it with license prose beyond, may continue past it: the window
// grows by growLines lines on that side, at most maxGrow times.
const (
	growLines = 40
	growSlack = 3
	maxGrow   = 8
)

// grow widens w where a match reaches its edge, and reports whether it did.
func grow(text []byte, w *span, cov licensecheck.Coverage) bool {
	grew := false
	for _, m := range cov.Match {
		if m.IsURL {
			continue
		}
		if m.Start == 0 && w.lo > 0 {
			w.lo = linesBack(text, w.lo, growLines)
			grew = true
		}
		// A match ending just short of the window's edge may have been
		// cut off there: licensecheck accepts many texts without their
		// last paragraph.
		if w.hi < len(text) && bytes.Count(text[w.lo+m.End:w.hi], nl) <= growSlack &&
			lastProseLine(text[w.hi:linesForward(text, w.hi, extendLines-1)]) >= 0 {
			w.hi = linesForward(text, w.hi, growLines)
			grew = true
		}
	}
	return grew
}

// match runs the scanners of the licenses the index proposes for win. It
// leaves the offsets of win's words in sc.Words.
//
// Candidates run best first: most of their required words present (in
// steps of coverageStep, finer differences are noise), then the longest
// pattern (a full text before the notices it contains, X11 before MIT),
// then licensecheck's own order. Each scans from its first possible start
// only, and not at all when every start lies inside a match already found
// where licensecheck would keep that match anyway. Candidates that could
// tie with a match found (same start, as long) are not scanned alone: one
// scanner compiled for the matches and them settles it as licensecheck
// would. A license file thus costs one scanner run over its text, not one
// per license that shares its words.
func (d *Detector) match(win []byte, sc *index.Scratch) licensecheck.Coverage {
	cands := d.ix.Candidates(win, sc)
	// Coverages within coverageStep below full rank alike; 0 is best.
	bucket := func(c float64) int { return int((1 - c) / coverageStep) }
	slices.SortFunc(cands, func(a, b index.Candidate) int {
		return cmp.Or(
			cmp.Compare(bucket(a.Coverage), bucket(b.Coverage)),
			cmp.Compare(d.ix.Entries[b.Entry].PatternWords, d.ix.Entries[a.Entry].PatternWords),
			cmp.Compare(a.Entry, b.Entry))
	})
	var matched, contenders []int
	var cov licensecheck.Coverage
	var covered []found
	for _, c := range cands {
		var s *licensecheck.Scanner // compiled only once a start is found
		// A candidate is scanned in segments: from a start where it can
		// begin to the first run of words foreign to it, then from the
		// next start beyond, so that a long window holding the same
		// notice many times (a bundle's source map) is scanned once, in
		// pieces, and not to its end from each.
		var res licensecheck.Coverage
		next, prevTo := 0, 0 // word position and byte offset already done
		for {
			from, first, tied, ok := d.segmentStart(win, sc, c, covered, next)
			if !ok {
				break
			}
			if tied {
				contenders = append(contenders, c.Entry)
				break
			}
			from = max(from, prevTo)
			// Nor can it run past words foreign to it: the code after a
			// header is not given to licensecheck to read.
			to := len(win)
			end := d.ix.MatchEnd(sc, c.Entry, first)
			if end < len(sc.Words) {
				to = lineEnd(win, sc.Words[end-1])
				if to-sc.Words[end] > maxLineReach { // a very long line
					to = sc.Words[end]
				}
			}
			if s == nil {
				if s = d.scanner(c.Entry); s == nil {
					break
				}
			}
			if from < to {
				part := scan(s, win[from:to])
				for _, m := range part.Match {
					m.Start += from
					m.End += from
					res.Match = append(res.Match, m)
					if m.IsURL {
						continue
					}
					f := found{}
					f.lo, _ = slices.BinarySearch(sc.Words, m.Start)
					f.hi, _ = slices.BinarySearch(sc.Words, m.End)
					// The match proper began at the candidate's first start in
					// it; before that, licensecheck took in a "Copyright" line.
					f.core = f.lo
					if i, _ := slices.BinarySearch(c.Starts, f.lo); i < len(c.Starts) && c.Starts[i] < f.hi {
						f.core = c.Starts[i]
					}
					covered = append(covered, f)
				}
			}
			if c.Starts == nil || end >= len(sc.Words) {
				break
			}
			next, prevTo = max(end, first+1), max(prevTo, to)
		}
		if len(res.Match) > 0 {
			matched = append(matched, c.Entry)
			cov = res
		}
	}
	if all := append(matched, contenders...); len(all) > 1 {
		slices.Sort(all)
		all = slices.Compact(all)
		if s := d.comboScanner(all); s != nil {
			cov = scan(s, win)
		}
	}
	return cov
}

// segmentStart finds where candidate c can next begin in win, at or after
// word position next: the first of its starts where enough of its words
// follow and no match already found would win, and the byte offset from
// which to scan for it. tied reports a start where c could tie with a
// match found, which only a scanner of both settles. ok is false when c
// cannot begin anywhere at or after next. A candidate that can begin with
// any word (no starts) begins at next.
func (d *Detector) segmentStart(win []byte, sc *index.Scratch, c index.Candidate, covered []found, next int) (from, first int, tied, ok bool) {
	if c.Starts == nil {
		return 0, next, false, true
	}
	e := &d.ix.Entries[c.Entry]
	at, _ := slices.BinarySearch(c.Starts, next)
Starts:
	for _, p := range c.Starts[at:] {
		local := d.ix.LocalCoverage(sc, c.Entry, p)
		if local < index.CandidateCoverage {
			continue
		}
		t := false
		for _, f := range covered {
			switch f.against(p, local, e.MaxWords) {
			case loses:
				continue Starts
			case ties:
				t = true
			}
		}
		// Leave room for licensecheck to pull the match's start back
		// to a preceding "Copyright".
		if p > copyrightReach {
			from = lineStart(win, sc.Words[p-copyrightReach])
		}
		return from, p, t, true
	}
	return 0, 0, false, false
}

// scan runs a licensecheck scanner on text with its ideographs spaced apart,
// as heng's patterns and index read them, and gives offsets in text.
func scan(s *licensecheck.Scanner, text []byte) licensecheck.Coverage {
	spaced, orig := index.SpaceIdeographs(text)
	cov := s.Scan(spaced)
	if len(spaced) != len(text) {
		for i := range cov.Match {
			cov.Match[i].Start = orig(cov.Match[i].Start)
			cov.Match[i].End = orig(cov.Match[i].End)
		}
	}
	return cov
}

// lineStart returns the start of the line holding off, or off itself when
// the line starts more than a few lines' worth of bytes before it (a
// minified file or source map is one line).
func lineStart(text []byte, off int) int {
	lo := max(0, off-maxLineReach)
	if i := bytes.LastIndexByte(text[lo:off], '\n'); i >= 0 {
		return lo + i + 1
	}
	if lo == 0 {
		return 0
	}
	return off
}

// maxLineReach is how far lineStart, and match for the end of a scan,
// look for the ends of a line.
const maxLineReach = 1 << 10

// lineEnd returns the offset just after the newline that ends the line
// holding offset off, or len(text).
func lineEnd(text []byte, off int) int {
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(text)
}

// coverageStep is the granularity at which candidates' coverage ranks them.
const coverageStep = 0.05

// found is a match already made, in word positions: [lo, hi), where the
// pattern proper began at core.
type found struct{ lo, core, hi int }

type verdict int

const (
	apart verdict = iota // the start is outside the match
	loses                // a match there would lose to f
	ties                 // a match there could win or tie
)

// against judges a match starting at word p, of a candidate that has
// coverage of its required words there and can match at most maxWords
// words. licensecheck keeps the leftmost match, and of two starting
// together the longer, then the first listed. So f wins over starts after
// its own, and over starts at or before it when the candidate cannot match
// there at all (some of its required words are missing) or cannot match
// more words.
func (f found) against(p int, coverage float64, maxWords int) verdict {
	switch {
	case p < f.lo || p >= f.hi:
		return apart
	case p > f.core || coverage < 1 || maxWords < f.hi-f.core:
		return loses
	default:
		return ties
	}
}

// copyrightReach is how many words before a match licensecheck looks for a
// "Copyright" to start the match at (it looks at 50).
const copyrightReach = 60

// findings turns the matches in window w into findings, adding the
// license URLs outside them.
func (d *Detector) findings(out []Finding, text []byte, w span, cov licensecheck.Coverage, whole bool, sc *index.Scratch) []Finding {
	win := text[w.lo:w.hi]
	words := sc.Words // word offsets in win
	urls := findURLs(win)
	var appendix []appendixSpan
	var kept []licensecheck.Match
	for _, m := range cov.Match {
		if m.IsURL {
			continue
		}
		// A reference that is part of an address is the address
		// (license.coscl.org.cn/MulanPubL-2.0 names the license too).
		if slices.ContainsFunc(urls, func(u [2]int) bool { return u[0] <= m.Start && m.End <= u[1] }) ||
			slices.ContainsFunc(urls, func(u [2]int) bool {
				lo, hi := trimBlankLines(win, m.Start, m.End)
				return u[0] <= lo && hi <= u[1]+1
			}) {
			continue
		}
		kept = append(kept, m)
		m.Start, m.End = trimBlankLines(win, m.Start, m.End)
		n := wordsIn(words, m.Start, m.End)
		total := len(words)
		if !whole {
			lo, hi := paragraph(win, m.Start, m.End, paragraphLines)
			total = wordsIn(words, lo, hi)
		}
		kind := KindNotice
		e, known := d.entryOf[m.ID]
		id, expr := reportedID(index.PublicID(m.ID))
		switch {
		case known && d.ix.Entries[e].Kind != "":
			kind = Kind(d.ix.Entries[e].Kind)
		case known && float64(n) >= textShare*float64(refLength(d.ix.Entries[e])):
			kind = KindText
		}
		if kind == KindNotice && inAppendix(appendix, id, w.lo+m.Start) {
			continue
		}
		out = append(out, Finding{
			pattern:    m.ID,
			ID:         id,
			Expression: expr,
			Kind:       kind,
			Percent:    percent(n, total),
			Start:      w.lo + m.Start,
			End:        w.lo + m.End,
		})
		if kind == KindText && known {
			// The reference text goes on for this many more words,
			// with the license's own "How to Apply" section.
			rest := d.ix.Entries[e].RefWords - n + appendixSlack
			i, _ := slices.BinarySearch(words, m.End)
			end := len(win)
			if i+rest < len(words) {
				end = words[i+rest]
			}
			appendix = append(appendix, appendixSpan{id, w.lo + m.End, w.lo + end})
		}
	}
	// License URLs outside the matches found above.
	for _, loc := range urls {
		inside := false
		for _, m := range kept {
			if loc[0] >= m.Start && loc[1] <= m.End {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		if id, ok := d.lookupURL(string(win[loc[0]:loc[1]])); ok {
			id, _ = reportedID(id)
			out = append(out, Finding{ID: id, Kind: KindURL, Percent: 100, Start: w.lo + loc[0], End: w.lo + loc[1]})
		}
	}
	return out
}

// The GNU licenses end with "How to Apply These Terms", which shows a sample
// notice: "either version 3 of the License, or (at your option) any later
// version". licensecheck reports that sample as GPL-3.0-or-later, but a
// bare license text does not say "or later"; only a project's own notice
// does. So a notice of a license's own family, found where the license's
// reference text would still be going on after its full text matched
// (plus appendixSlack words), is part of that text and not reported.
const appendixSlack = 50

// appendixSpan is where the full text of license id may still go on.
type appendixSpan struct {
	id     string
	lo, hi int
}

// inAppendix reports whether a notice of license id at offset off lies in
// the appendix of a full text of its own family.
func inAppendix(spans []appendixSpan, id string, off int) bool {
	for _, a := range spans {
		if off >= a.lo && off < a.hi && (id == a.id || strings.HasPrefix(id, a.id+"-")) {
			return true
		}
	}
	return false
}

// wordsIn counts the words starting in [lo, hi), given sorted word offsets.
func wordsIn(words []int, lo, hi int) int {
	i, _ := slices.BinarySearch(words, lo)
	j, _ := slices.BinarySearch(words, hi)
	return j - i
}

func percent(n, total int) float64 {
	if total <= 0 || n >= total {
		return 100
	}
	// One decimal is all a reader needs, and it keeps reports stable.
	return float64(int(1000*float64(n)/float64(total)+0.5)) / 10
}

// paragraphLines bounds how far a paragraph reaches beyond a match: in code
// without blank lines, "the paragraph" would be a whole function.
const paragraphLines = 10

// paragraph widens [lo, hi) to the paragraph around it: adjacent lines that
// hold at least one word, at most limit lines each way. Lines of only
// comment markers ("//", " *") or blanks end a paragraph.
func paragraph(text []byte, lo, hi, limit int) (int, int) {
	for n := 0; lo > 0 && n < limit; n++ {
		start := bytes.LastIndexByte(text[:lo-1], '\n') + 1
		if !hasWord(text[start:lo]) {
			break
		}
		lo = start
	}
	for n := 0; hi < len(text) && n < limit; n++ {
		end := len(text)
		if i := bytes.IndexByte(text[hi:], '\n'); i >= 0 {
			end = hi + i + 1
		}
		if !hasWord(text[hi:end]) {
			break
		}
		hi = end
	}
	return lo, hi
}

// trimBlankLines narrows [lo, hi) to the lines that hold words: licensecheck
// starts a match at the top of its input when the match begins with the
// first word, which would put a lone "/*" line into the reported lines.
func trimBlankLines(text []byte, lo, hi int) (int, int) {
	for lo < hi {
		end := hi
		if i := bytes.IndexByte(text[lo:hi], '\n'); i >= 0 {
			end = lo + i + 1
		}
		if hasWord(text[lo:end]) {
			break
		}
		lo = end
	}
	for hi > lo {
		start := bytes.LastIndexByte(text[lo:hi-1], '\n') + 1 + lo
		if hasWord(text[start:hi]) {
			break
		}
		hi = start
	}
	return lo, hi
}

func hasWord(line []byte) bool {
	for _, c := range line {
		if c >= 0x80 || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// setLines fills StartLine and EndLine from the byte offsets; out is
// sorted by Start. Newlines are counted only as far as the findings go.
func setLines(text []byte, out []Finding) {
	if len(out) == 0 {
		return
	}
	type mark struct {
		off  int
		line *int
	}
	marks := make([]mark, 0, 2*len(out))
	for i := range out {
		f := &out[i]
		marks = append(marks, mark{f.Start, &f.StartLine}, mark{max(f.Start, f.End-1), &f.EndLine})
	}
	slices.SortFunc(marks, func(a, b mark) int { return cmp.Compare(a.off, b.off) })
	line, pos := 1, 0
	for _, m := range marks {
		line += bytes.Count(text[pos:m.off], nl)
		pos = m.off
		*m.line = line
	}
}
