package notice

import (
	"bufio"
	"io"
	"strings"
)

// writeMarkdown writes the notice in CommonMark (GitHub Flavored
// Markdown renders it too): a level-2 heading per group, each package as
// a bold line and a list, the text in a fenced code block whose fence is
// longer than any run of backticks in it, so no text can close it early.
// Values are escaped; package URLs are code spans, which nothing turns
// into links.
func writeMarkdown(w io.Writer, v *view) error {
	bw := bufio.NewWriter(w)
	line := func(s string) {
		bw.WriteString(strings.TrimRight(s, " \t"))
		bw.WriteByte('\n')
	}
	line("# " + mdEscape(v.Title))
	line("")
	line(mdEscape(v.Generated))
	line("")
	line(mdEscape(v.Preamble))
	if v.Packages == 0 {
		line("")
		line("No third-party packages were found.")
	}
	entries := func(es []entry) {
		for _, e := range es {
			line("")
			line("**" + mdEscape(e.Name) + "**")
			line("")
			line("- License: " + mdEscape(e.License))
			if e.PURL != "" {
				line("- Package URL: " + codeSpan(e.PURL))
			}
			for _, c := range e.Copyrights {
				line("- " + mdEscape(c))
			}
			for _, n := range e.Notes {
				line("- *Note:* " + mdEscape(n))
			}
		}
	}
	for _, g := range v.Groups {
		line("")
		line("## " + mdEscape(g.Heading()))
		entries(g.Entries)
		lines := bodyLines(g.Body)
		fence := strings.Repeat("`", max(3, longestRun(g.Body, '`')+1))
		line("")
		line(fence + "text")
		for _, l := range lines {
			line(l)
		}
		line(fence)
	}
	if len(v.NoText) > 0 {
		line("")
		line("## " + noTextHeading)
		entries(v.NoText)
	}
	return bw.Flush()
}

// mdSpecial are the characters escaped in Markdown text: those that start
// emphasis, code, links, HTML, tables, strikethrough, headings, entities
// and (on GitHub) math. A backslash escapes any ASCII punctuation in
// CommonMark, so escaping more than needed is harmless.
const mdSpecial = "\\`*_[]<>|~#&$!"

func mdEscape(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan writes s as a code span: delimited by one more backtick than
// its longest run, with spaces inside when it starts or ends with a
// backtick or a space (CommonMark strips one on each side).
func codeSpan(s string) string {
	d := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return d + s + d
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
