package licenses

import (
	"bytes"
	"slices"
)

// The prefilter decides which parts of a file reach the matcher. It looks
// for two words that license texts, notices and SPDX tags almost always
// carry: "licen..." (license, licence, licensed, sublicense) and
// "copyright", in lower and upper case. Each search is one bytes.Index
// pass, which runs at memory speed when the needle's first byte is rare in
// the text; so the needles are the rarest parts of the words, "cen" and
// "yright", and the bytes before them are checked afterwards ("li", "cop",
// in any case). A file without a hit costs nothing more. A few rare
// licenses have neither word (Zed, diffmark): outside license files they
// go unseen, which TestRecallOnLicensecheckCorpus measures.
var keywordNeedles = []struct {
	needle []byte
	before string // what must precede the needle, lower case
}{
	{[]byte("cen"), "li"},
	{[]byte("CEN"), "li"},
	{[]byte("yright"), "cop"},
	{[]byte("YRIGHT"), "cop"},
	// Chinese: 许可 (license, permission) and 版权 (copyright). Their
	// first bytes never occur in ASCII text, so these passes cost little.
	{[]byte("许可"), ""},
	{[]byte("版权"), ""},
}

// keywordHits returns the offsets of all keyword hits in text (where the
// keyword starts), ascending.
func keywordHits(text []byte) []int {
	var hits []int
	for _, k := range keywordNeedles {
		for off := 0; ; {
			i := bytes.Index(text[off:], k.needle)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(k.needle)
			start := at - len(k.before)
			if start < 0 || !asciiEqualFold(text[start:at], k.before) {
				continue
			}
			hits = append(hits, start)
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

// maxReach bounds windows in bytes as well as lines: a window reaches at
// most this far from the hits it holds, and hits further apart do not
// share one. Lines of text are short, so this matters only for files of
// a few very long lines, minified code and source maps, where a window of
// whole lines would be the whole file.
const maxReach = 8 << 10

// snapWords moves the ends of w that lie at the ends of text inward to
// whitespace, when text was cut from a longer one there (cutLo, cutHi), so
// that no word is cut.
func snapWords(text []byte, w span, cutLo, cutHi bool) span {
	if cutLo && w.lo == 0 {
		if i := bytes.IndexAny(text[:w.hi], " \t\n"); i >= 0 {
			w.lo = i + 1
		}
	}
	if cutHi && w.hi == len(text) {
		if i := bytes.LastIndexAny(text[w.lo:], " \t\n"); i >= 0 {
			w.hi = w.lo + i
		}
	}
	return w
}

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
			if l-lastLine > clusterGap || hits[j]-last > maxReach {
				break
			}
			last, lastLine = hits[j], l
		}
		before, after := windowBefore, windowAfter
		if j-i >= denseHits && lastLine-firstLine >= denseSpan {
			before, after = denseReach, denseReach
		}
		// The window is made in the text within maxReach of its hits,
		// so that on a long line no step looks further.
		lo, hi := max(0, first-maxReach), min(len(text), last+maxReach)
		sub := text[lo:hi]
		w := span{linesBack(sub, first-lo, before), linesForward(sub, last-lo, after)}
		w.hi = codeCut(sub, lineEnd(sub, last-lo), w.hi)
		w = snapWords(sub, extend(sub, w), lo > 0, hi < len(text))
		w.lo += lo
		w.hi += lo
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

// codeStarts begin lines that are code, never license prose: a window
// ends before the first of them after its last keyword, so that the code
// after a header is not matched. Only unmistakable starts are listed
// (lower case, with their space): "use" or "export" begin sentences of
// license texts too.
var codeStarts = []string{
	"package ", "import ", "#include", "#import", "#ifndef", "#define",
	"#pragma", "namespace ", "func ", "def ", "class ", "using ",
	"require(", "module.exports", "<?php", "'use strict'", "\"use strict\"",
	"public class ", "#!/",
}

// codeCut returns the start of the first line in text[lo:hi] that is code
// (see codeStarts), or hi.
func codeCut(text []byte, lo, hi int) int {
	for lo < hi {
		end := lineEnd(text, lo)
		line := bytes.TrimLeft(text[lo:min(end, hi)], " \t")
		for _, c := range codeStarts {
			if bytes.HasPrefix(line, []byte(c)) {
				return lo
			}
		}
		lo = end
	}
	return hi
}

// proseWords are words of license prose that are too common in code to be
// searched for in whole files, but tell, next to a keyword hit, that the
// license text goes on.
// Each is the start of the words it stands for, in lower case.
var proseWords = []string{
	"warrant", "liab", "damage", "permission", "distribut", "software",
	"endorse", "advertis", "disclaim", "granted", "notice", "merchantab",
	"infring", "copies", "unencumbered", "dedicat",
}

// proseByLetter indexes proseWords by first letter.
var proseByLetter = func() (idx [26][]string) {
	for _, w := range proseWords {
		idx[w[0]-'a'] = append(idx[w[0]-'a'], w)
	}
	return idx
}()

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
		next := codeCut(text, w.hi, linesForward(text, w.hi, extendLines-1))
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

// proseWordsZH are license prose in Chinese, found by bytes.Index.
var proseWordsZH = [][]byte{
	[]byte("许可"), []byte("授予"), []byte("担保"), []byte("责任"), []byte("分发"),
	[]byte("贡献"), []byte("专利"), []byte("软件"), []byte("版权"), []byte("条款"),
}

// lastProseLine returns the offset of the start of the last line in b that
// holds a prose word, or -1.
func lastProseLine(b []byte) int {
	at := -1
	forEachProseWord(b, func(i int) { at = i })
	for _, w := range proseWordsZH {
		if i := bytes.LastIndex(b, w); i > at {
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
	at := -1
	forEachProseWord(b, func(i int) {
		if at < 0 {
			at = i
		}
	})
	for _, w := range proseWordsZH {
		if i := bytes.Index(b, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return -1
	}
	return bytes.LastIndexByte(b[:at], '\n') + 1
}

// forEachProseWord calls fn with the offset of every ASCII word of b that
// begins with one of proseWords, in any case. One pass, no allocation: it
// runs on the lines around every window.
func forEachProseWord(b []byte, fn func(int)) {
	for i := 0; i < len(b); {
		c := b[i] | 0x20
		if c < 'a' || c > 'z' {
			i++
			continue
		}
		start := i
		for i < len(b) && ('a' <= b[i]|0x20 && b[i]|0x20 <= 'z') {
			i++
		}
		if i-start >= 4 && isProseWord(b[start:i]) {
			fn(start)
		}
	}
}

// isProseWord reports whether w, ASCII letters, starts with one of
// proseWords, ignoring case.
func isProseWord(w []byte) bool {
	for _, p := range proseByLetter[w[0]|0x20-'a'] {
		if len(w) >= len(p) && asciiEqualFold(w[:len(p)], p) {
			return true
		}
	}
	return false
}

// asciiEqualFold compares ASCII letters ignoring case; lower is lower case.
func asciiEqualFold(b []byte, lower string) bool {
	for i := range b {
		if b[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
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
