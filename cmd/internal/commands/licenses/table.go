package licenses

import (
	"io"
	"strings"

	"github.com/hengdev/heng/internal/human"
)

// columnGap separates table columns.
const columnGap = "  "

func displayWidth(s string) int { return human.Width(s) }

// truncate shortens s to at most max columns, ending it with "..." when
// anything was cut. It never splits a character.
func truncate(s string, max int) string {
	if displayWidth(s) <= max {
		return s
	}
	const ellipsis = "..."
	limit := max - len(ellipsis)
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := human.RuneWidth(r)
		if used+w > limit {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), " ") + ellipsis
}

// table is rows of plain-text cells, written with the columns aligned by
// display width.
type table struct {
	header []string
	rows   [][]string
	// lastMax, when positive, truncates the last column to this many
	// columns (to fit a terminal).
	lastMax int
	// headerStyle colours the header line after its widths were
	// measured; nil leaves it plain.
	headerStyle func(string) string
}

// widths returns the width of every column but the last, which is never
// padded.
func (t *table) widths() []int {
	ws := make([]int, len(t.header))
	for _, row := range append([][]string{t.header}, t.rows...) {
		for i, cell := range row[:len(row)-1] {
			ws[i] = max(ws[i], displayWidth(cell))
		}
	}
	return ws
}

// fitLast sets lastMax so that rows fit in total columns. It leaves the
// last column at least minLast columns, even if the rows then overflow.
func (t *table) fitLast(total, minLast int) {
	used := 0
	for _, w := range t.widths()[:len(t.header)-1] {
		used += w + len(columnGap)
	}
	t.lastMax = max(total-used, minLast)
}

// write writes the header and the rows, one line each, without trailing
// spaces.
func (t *table) write(w io.Writer) error {
	ws := t.widths()
	var b strings.Builder
	line := func(row []string, style func(string) string) {
		last := len(row) - 1
		for last > 0 && row[last] == "" {
			last--
		}
		var l strings.Builder
		for i := 0; i <= last; i++ {
			cell := row[i]
			if i == len(row)-1 && t.lastMax > 0 {
				cell = truncate(cell, t.lastMax)
			}
			l.WriteString(cell)
			if i < last {
				l.WriteString(strings.Repeat(" ", max(ws[i]-displayWidth(cell), 0)))
				l.WriteString(columnGap)
			}
		}
		s := l.String()
		if style != nil {
			s = style(s)
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	line(t.header, t.headerStyle)
	for _, row := range t.rows {
		line(row, nil)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
