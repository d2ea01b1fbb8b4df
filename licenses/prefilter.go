package licenses

import (
	"bytes"
	"slices"
)

// The prefilter decides which parts of a file reach the matcher. It looks
// for the cores of two words that license texts, notices and SPDX tags
// almost always carry: "licen" (license, licence, licensed, sublicense) and
// "copyright", in lower and upper case. Each keyword costs one pass of
// bytes.Index, which runs at memory speed; a file without any hit costs
// nothing more. A few rare licenses have neither word (Zed, diffmark):
// outside license files they go unseen, which TestRecallOnLicensecheckCorpus
// measures.
var keywordCores = []struct {
	core []byte
	// prev, when set, is what the byte before the core must be (in any
	// case): "icen" is searched without its "l" so that one pass finds
	// "License" and "license" alike.
	prev byte
}{
	{[]byte("icen"), 'l'},
	{[]byte("ICEN"), 'l'},
	{[]byte("opyright"), 'c'},
	{[]byte("OPYRIGHT"), 'c'},
}

// keywordHits returns the offsets of all keyword hits in text, ascending.
func keywordHits(text []byte) []int {
	var hits []int
	for _, k := range keywordCores {
		for off := 0; ; {
			i := bytes.Index(text[off:], k.core)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(k.core)
			if at == 0 || text[at-1]|0x20 != k.prev {
				continue
			}
			hits = append(hits, at-1)
		}
	}
	slices.Sort(hits)
	return hits
}

// Window sizes, in lines. A window opens windowBefore lines above its first
// keyword hit (a license's first paragraph, such as "Permission is hereby
// granted", can come before its first keyword) and closes windowAfter lines
// below the last; hits fewer than clusterGap lines apart share a window.
// Then the window reaches further, a few lines at a time, while the lines
// next to it hold words of license prose (see extend): a BSD disclaimer
// that names no copyright holder has no keyword, but it has "warranties".
//
// Long license texts have stretches of 70 lines and more without either
// keyword (GPL-3.0's sections on conveying copies), but they are dense in
// keywords overall: a cluster of denseHits hits or more over denseSpan
// lines or more (longer than any header) is taken as license text and
// widened by denseReach lines each way, so that such a text stays in one
// window. A match that still reaches a window's edge makes the
// detector widen the window and match again (see Detector.scanWindow).
const (
	windowBefore = 10
	windowAfter  = 10
	clusterGap   = 30
	denseHits    = 8
	denseSpan    = 40
	denseReach   = 80
)

type span struct{ lo, hi int }

// windows groups keyword hits into the byte ranges given to the matcher.
func windows(text []byte, hits []int) []span {
	var out []span
	line, pos := 1, 0 // line number at byte offset pos
	lineOf := func(off int) int {
		line += bytes.Count(text[pos:off], nl)
		pos = off
		return line
	}
	for i := 0; i < len(hits); {
		first := hits[i]
		last := first
		firstLine := lineOf(first)
		lastLine := firstLine
		j := i + 1
		for ; j < len(hits); j++ {
			l := lineOf(hits[j])
			if l-lastLine > clusterGap {
				break
			}
			last, lastLine = hits[j], l
		}
		before, after := windowBefore, windowAfter
		if j-i >= denseHits && lastLine-firstLine >= denseSpan {
			before, after = denseReach, denseReach
		}
		w := extend(text, span{linesBack(text, first, before), linesForward(text, last, after)})
		// Merge with every earlier window this one reaches.
		for n := len(out); n > 0 && w.lo <= out[n-1].hi; n-- {
			w.lo = min(w.lo, out[n-1].lo)
			w.hi = max(w.hi, out[n-1].hi)
			out = out[:n-1]
		}
		out = append(out, w)
		i = j
	}
	return out
}

var nl = []byte{'\n'}

// proseWords are words of license prose that are too common in code to be
// searched for in whole files, but tell, next to a keyword hit, that the
// license text goes on.
var proseWords = [][]byte{
	[]byte("warrant"), []byte("liab"), []byte("damage"), []byte("permission"),
	[]byte("distribut"), []byte("public domain"), []byte("software"),
	[]byte("endorse"), []byte("advertis"), []byte("disclaim"), []byte("granted"),
	[]byte("notice"), []byte("merchantab"), []byte("infring"), []byte("copies"),
}

// Extension steps, in lines: how far extend looks beyond a window at a
// time, how many steps it may take each way, and the margin it leaves
// around the last paragraph it takes in (a trademark line or a title
// without prose words).
const (
	extendLines  = 12
	extendSteps  = 8
	extendMargin = 3
)

// extend widens w to whole paragraphs, then over the neighbouring
// paragraphs that read like license prose, then by a margin.
func extend(text []byte, w span) span {
	w.lo, _ = paragraph(text, w.lo, w.lo, extendLines)
	_, w.hi = paragraph(text, w.hi, w.hi, extendLines)
	for range extendSteps {
		next := linesForward(text, w.hi, extendLines-1)
		if next <= w.hi {
			break
		}
		at := lastProseLine(text[w.hi:next])
		if at < 0 {
			break
		}
		_, w.hi = paragraph(text, w.hi+at, w.hi+at, extendLines)
	}
	for range extendSteps {
		if w.lo == 0 {
			break
		}
		prev := linesBack(text, w.lo-1, extendLines-1)
		at := firstProseLine(text[prev:w.lo])
		if at < 0 {
			break
		}
		w.lo, _ = paragraph(text, prev+at, prev+at, extendLines)
	}
	if w.hi < len(text) {
		w.hi = linesForward(text, w.hi, extendMargin-1)
	}
	if w.lo > 0 {
		w.lo = linesBack(text, w.lo-1, extendMargin-1)
	}
	return w
}

// lastProseLine returns the offset of the start of the last line in b that
// holds a prose word, or -1.
func lastProseLine(b []byte) int {
	lower := bytes.ToLower(b)
	at := -1
	for _, p := range proseWords {
		if i := bytes.LastIndex(lower, p); i > at {
			at = i
		}
	}
	if at < 0 {
		return -1
	}
	return bytes.LastIndexByte(b[:at], '\n') + 1
}

// firstProseLine returns the offset of the start of the first line in b
// that holds a prose word, or -1.
func firstProseLine(b []byte) int {
	lower := bytes.ToLower(b)
	at := -1
	for _, p := range proseWords {
		if i := bytes.Index(lower, p); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return -1
	}
	return bytes.LastIndexByte(b[:at], '\n') + 1
}

// linesBack returns the start of the line n lines above the one holding off.
func linesBack(text []byte, off, n int) int {
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	for ; n > 0 && start > 0; n-- {
		start = bytes.LastIndexByte(text[:start-1], '\n') + 1
	}
	return start
}

// linesForward returns the end (after the newline) of the line n lines
// below the one holding off.
func linesForward(text []byte, off, n int) int {
	end := off
	for ; n >= 0; n-- {
		i := bytes.IndexByte(text[end:], '\n')
		if i < 0 {
			return len(text)
		}
		end += i + 1
	}
	return end
}
