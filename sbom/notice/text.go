package notice

import (
	"bufio"
	"io"
	"strings"

	"github.com/hengdev/heng/internal/human"
)

// width is the width of the plain-text notice: its rules and the wrapped
// preamble. License texts keep their own lines.
const width = 80

// writeText writes the plain-text notice: groups between rules of "="
// (80 columns), the packages of a group before a rule of "-" and the
// text. No line ends in white space.
func writeText(w io.Writer, v *view) error {
	bw := bufio.NewWriter(w)
	line := func(s string) {
		bw.WriteString(strings.TrimRight(s, " \t"))
		bw.WriteByte('\n')
	}
	heavy, light := strings.Repeat("=", width), strings.Repeat("-", width)
	line(v.Title)
	line("")
	line(v.Generated)
	line("")
	for _, l := range human.Wrap(v.Preamble, width) {
		line(l)
	}
	if v.Packages == 0 {
		line("")
		line("No third-party packages were found.")
	}
	entries := func(es []entry) {
		for _, e := range es {
			line("")
			line(e.Name)
			line("  License: " + e.License)
			if e.PURL != "" {
				line("  Package URL: " + e.PURL)
			}
			for _, c := range e.Copyrights {
				line("  " + c)
			}
			for _, n := range e.Notes {
				line("  Note: " + n)
			}
		}
	}
	for _, g := range v.Groups {
		line("")
		line(heavy)
		line(g.Heading())
		line(heavy)
		entries(g.Entries)
		line("")
		line(light)
		line("")
		for _, l := range bodyLines(g.Body) {
			line(l)
		}
	}
	if len(v.NoText) > 0 {
		line("")
		line(heavy)
		line(noTextHeading)
		line(heavy)
		entries(v.NoText)
	}
	return bw.Flush()
}
