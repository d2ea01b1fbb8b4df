// Package human formats numbers and sizes for people to read, the same way
// in every output of heng: 12,345 files, 45.6 MB; and measures text in
// terminal columns.
package human

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Count formats n with commas between groups of three digits: 12,345.
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Plural picks the singular form for exactly one, the plural otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Bytes formats a size in decimal (SI) units with one decimal: 512 B,
// 12.3 kB, 45.6 MB.
func Bytes(n int64) string {
	const unit = 1000
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	v := float64(n)
	units := []string{"kB", "MB", "GB", "TB", "PB", "EB"}
	i := -1
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + units[i]
}

// Width returns how many terminal columns s takes: Chinese, Japanese and
// Korean characters, full-width forms (木, ，) and emoji take two,
// combining marks and control characters none, everything else one.
// Aligning by bytes or runes would shift every column after a Chinese
// name.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				n += RuneWidth(r)
			}
			return n
		}
		if s[i] >= 0x20 && s[i] != 0x7f {
			n++
		}
	}
	return n
}

// RuneWidth returns the columns r takes (see Width).
func RuneWidth(r rune) int {
	if r < 0x20 || r == 0x7f || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Wrap breaks text into lines of at most n columns (as Width counts
// them), at white space. A word wider than n gets a line of its own.
func Wrap(text string, n int) []string {
	var out []string
	cur, curW := "", 0
	for _, word := range strings.Fields(text) {
		ww := Width(word)
		switch {
		case cur == "":
			cur, curW = word, ww
		case curW+1+ww <= n:
			cur += " " + word
			curW += 1 + ww
		default:
			out = append(out, cur)
			cur, curW = word, ww
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
