package index

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// A token is one word of a text, folded the way licensecheck folds words
// before matching: lower case, accents on vowels dropped, and a few spellings
// rewritten to one canonical form ("(c)" and "©" to "copyright", "https" to
// "http", "these" to "the", ...). Lo and Hi are byte offsets into the text.
//
// Our index must agree with licensecheck on what a word is, or it would fail
// to propose licenses that licensecheck would match; the rules below follow
// the documented behaviour of licensecheck's word splitter.
type token struct {
	Word   string
	Lo, Hi int
}

// IsIdeograph reports whether r is a CJK ideograph. Each is a word of its
// own: Chinese is written without spaces, so a run of ideographs is a whole
// sentence, which line wrapping cuts anywhere. licensecheck would read a
// run as one word; heng gives it texts with ideographs spaced apart (see
// SpaceIdeographs), so both read the same words.
func IsIdeograph(r rune) bool {
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// SpaceIdeographs returns text with a space between each CJK ideograph and
// the letters, digits or ideographs next to it, and a function that maps
// an offset in the result back to text. Texts without ideographs come back
// as they are.
func SpaceIdeographs(text []byte) ([]byte, func(int) int) {
	if !hasIdeographBytes(text) {
		return text, func(off int) int { return off }
	}
	out := make([]byte, 0, len(text)+len(text)/3)
	var inserted []int // offsets in out of the inserted spaces
	prevWordish, prevIdeo := false, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if text[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:])
		}
		ideo := r >= 0x2E80 && IsIdeograph(r)
		wordish := ideo || unicode.IsLetter(r) || unicode.IsDigit(r)
		if wordish && prevWordish && (ideo || prevIdeo) {
			inserted = append(inserted, len(out))
			out = append(out, ' ')
		}
		out = append(out, text[i:i+size]...)
		prevWordish, prevIdeo = wordish, ideo
		i += size
	}
	return out, func(off int) int {
		n, _ := slices.BinarySearch(inserted, off)
		return off - n
	}
}

// hasIdeographBytes reports whether text holds a CJK ideograph. Their
// UTF-8 forms start with bytes 0xE2 to 0xF0, which ASCII text never holds;
// only then are runes decoded.
func hasIdeographBytes(text []byte) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 0xE2 && c <= 0xF0 {
			if r, _ := utf8.DecodeRune(text[i:]); IsIdeograph(r) {
				return true
			}
		}
	}
	return false
}

// canonicalWord returns the single form licensecheck matches w as, or ""
// when w is its own form: "https" is read as "http", "are" as "is", "©" as
// "copyright", and so on. A switch, not a map: it runs on every word.
func canonicalWord(w []byte) string {
	if len(w) < 2 || len(w) > 6 {
		return ""
	}
	switch string(w) {
	case "https":
		return "http"
	case "are":
		return "is"
	case "them", "they":
		return "it"
	case "these", "this", "those":
		return "the"
	case "copies":
		return "copy"
	case "©":
		return "copyright"
	}
	return ""
}

// ForEachWord calls fn for every word of text in order. The word passed to fn
// is only valid during the call: fn must copy it to keep it.
func ForEachWord(text []byte, fn func(w []byte, lo, hi int)) {
	var buf []byte
	prevCopyright := false
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '<':
			if n := htmlTagLen(text[i:]); n > 0 {
				i += n
				continue
			}
		case c == '&':
			if n := htmlEntityLen(text[i:]); n > 0 {
				if string(text[i:i+n]) == "&copy;" {
					if !prevCopyright {
						fn(copyrightWord, i, i+n)
					}
					prevCopyright = true
				}
				i += n
				continue
			}
		case c == ']' && i+1 < len(text) && text[i+1] == '(':
			if n := markdownLinkLen(text[i:]); n > 0 {
				i += n
				continue
			}
		}
		if c < utf8.RuneSelf && asciiWord[c] == 0 {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:])
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '©') {
			i += size
			continue
		}
		lo := i
		buf = appendFolded(buf[:0], r)
		i += size
		if r != '©' && !IsIdeograph(r) {
			for i < len(text) {
				c := text[i]
				if c < utf8.RuneSelf {
					l := asciiWord[c]
					if l == 0 {
						break
					}
					buf = append(buf, l)
					i++
					continue
				}
				r, size := utf8.DecodeRune(text[i:])
				if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) || IsIdeograph(r) {
					break
				}
				buf = appendFolded(buf, r)
				i += size
			}
			if i+3 <= len(text) && string(text[i:i+3]) == "(s)" {
				buf = append(buf, 's')
				i += 3
			}
		}
		hi := i
		w := buf
		if len(w) == 1 && w[0] == 'c' && lo > 0 && text[lo-1] == '(' && hi < len(text) && text[hi] == ')' {
			w = copyrightWord
			lo--
			hi++
		} else if cw := canonicalWord(w); cw != "" {
			w = append(buf[:0], cw...)
		}
		isCopyright := string(w) == "copyright"
		if isCopyright && prevCopyright {
			// "Copyright ©" and "Copyright (c)" count as one word.
			continue
		}
		prevCopyright = isCopyright
		fn(w, lo, hi)
	}
}

var copyrightWord = []byte("copyright")

// asciiWord maps each ASCII letter and digit to its lower case, and every
// other byte below 0x80 to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	return t
}()

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// appendFolded appends the folded form of r: its smallest case-equivalent
// rune lowered, with acute and grave accents on vowels removed.
func appendFolded(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(buf, asciiLower(byte(r)))
	}
	for {
		r1 := unicode.SimpleFold(r)
		if r1 >= r {
			break
		}
		r = r1
	}
	switch r {
	case 'Á', 'À':
		r = 'a'
	case 'É', 'È':
		r = 'e'
	case 'Í', 'Ì':
		r = 'i'
	case 'Ó', 'Ò':
		r = 'o'
	case 'Ú', 'Ù':
		r = 'u'
	case 0x300, 0x301: // combining grave and acute accents
		return buf
	}
	if 'A' <= r && r <= 'Z' {
		r += 'a' - 'A'
	}
	return utf8.AppendRune(buf, r)
}

// htmlTagLen returns the length of an HTML tag such as <p> or </a href="x">
// at the start of t, or 0. Autolinks (<http://...>) and mail addresses
// (<me@example.com>) are text, not tags.
func htmlTagLen(t []byte) int {
	if len(t) < 3 || t[0] != '<' {
		return 0
	}
	i := 1
	if t[i] == '/' {
		i++
	}
	if i >= len(t) || !('a' <= t[i] && t[i] <= 'z' || 'A' <= t[i] && t[i] <= 'Z') {
		return 0
	}
	sawSpace := false
	newlines := 0
	for ; i < len(t); i++ {
		switch t[i] {
		case '@':
			if !sawSpace {
				return 0
			}
		case ':':
			if !sawSpace && i+1 < len(t) && t[i+1] == '/' {
				return 0
			}
		case '\n':
			if newlines++; newlines > 2 {
				return 0
			}
		case '<':
			return 0
		case '>':
			return i + 1
		case ' ':
			sawSpace = true
		}
	}
	return 0
}

// htmlEntityLen returns the length of an HTML entity (&amp; &#169; &#xA9;)
// at the start of t, or 0.
func htmlEntityLen(t []byte) int {
	if len(t) < 3 || t[0] != '&' {
		return 0
	}
	i := 1
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	hex := func(c byte) bool { return digit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
	letter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	class := letter
	if t[1] == '#' {
		i, class = 2, digit
		if t[2] == 'x' {
			i, class = 3, hex
		}
	}
	start := i
	for i < len(t) && class(t[i]) {
		i++
	}
	if i > start && i < len(t) && t[i] == ';' {
		return i + 1
	}
	return 0
}

// markdownLinkLen returns the length of a Markdown link target "](url)" at
// the start of t, or 0, so that link targets do not count as words.
func markdownLinkLen(t []byte) int {
	rest := t[2:]
	ok := false
	for _, p := range []string{"http://", "https://", "mailto:", "file:", "#"} {
		if len(rest) >= len(p) && string(rest[:len(p)]) == p {
			ok = true
			break
		}
	}
	if !ok {
		return 0
	}
	for i := 2; i < len(t); i++ {
		switch t[i] {
		case ' ', '\t', '\r', '\n':
			return 0
		case ')':
			return i + 1
		}
	}
	return 0
}

// CountWords returns the number of words in text.
func CountWords(text []byte) int {
	n := 0
	ForEachWord(text, func([]byte, int, int) { n++ })
	return n
}
