package htmlreport

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/sbom/attribution"
)

// The charts are SVG drawn here rather than by a script: they show when
// scripts are blocked (a mail client's preview), print as vectors, and
// need no charting library. Every chart has a <title> and a <desc> that
// says its numbers in words, and writes its counts as text: colour is
// never the only way to read it.

// categoryColors gives each category the same colour in every chart and
// in the table; the hues go from green (no conditions) through amber and
// red (copyleft) to purple and greys (restricted or unknown), in the
// order of licenses.Categories.
var categoryColors = map[licenses.Category]string{
	licenses.PublicDomain:    "#7fbc41",
	licenses.Permissive:      "#1b9e77",
	licenses.WeakCopyleft:    "#e6ab02",
	licenses.StrongCopyleft:  "#d95f02",
	licenses.NetworkCopyleft: "#c0392b",
	licenses.SourceAvailable: "#7570b3",
	licenses.Proprietary:     "#4d4d4d",
	licenses.Unknown:         "#a0a0a0",
}

const (
	ecosystemColor = "#4a7ab5"
	otherColor     = "#c8ccd2"
)

// Geometry of the charts, in SVG user units (the SVG scales to its box).
const (
	chartWidth  = 560
	labelWidth  = 190 // bar labels are right-aligned before this x
	barMax      = 300 // the longest bar
	rowHeight   = 24
	barHeight   = 16
	maxLabel    = 28 // longer labels are cut, the full one is in <title>
	topLicenses = 10
)

// categoryStyle is the CSS for the category swatches of the table, from
// the same colours as the charts. CSS draws them from the row's
// data-c rather than markup in each row: 35 bytes saved on each of
// 10,000 rows.
func categoryStyle() string {
	var b strings.Builder
	for _, c := range licenses.Categories() {
		fmt.Fprintf(&b, ".p[data-c=%s] .r>div:nth-child(6)::before{background:%s}\n", c, categoryColors[c])
	}
	return b.String()
}

type chart struct {
	ID, Title, Note string
	SVG             template.HTML
}

type bar struct {
	label string
	count int
	color string
}

func charts(p *attribution.Project, cat map[string]string) []chart {
	return []chart{
		{ID: "chart-categories", Title: cat["chartCategories"], Note: cat["categoriesExplained"], SVG: categoryChart("chart-categories", cat["chartCategories"], p, cat)},
		{ID: "chart-licenses", Title: cat["chartLicenses"], Note: cat["chartLicensesNote"], SVG: barChart("chart-licenses", cat["chartLicenses"], licenseBars(p, cat), cat)},
		{ID: "chart-ecosystems", Title: cat["chartEcosystems"], SVG: barChart("chart-ecosystems", cat["chartEcosystems"], ecosystemBars(p), cat)},
	}
}

// licenseBars counts packages by the license in effect (whole
// expressions: "MIT OR Apache-2.0" is its own bar, so the bars add up to
// the number of packages), the ten commonest, then one bar for the rest.
func licenseBars(p *attribution.Project, cat map[string]string) []bar {
	count := map[string]int{}
	colors := map[string]string{}
	for i := range p.Packages {
		pkg := &p.Packages[i]
		l := pkg.License
		if l == "" {
			l = cat["chartNone"]
		}
		count[l]++
		if _, ok := colors[l]; !ok {
			colors[l] = categoryColors[category(pkg.Category)]
		}
	}
	bars := ranked(count)
	for i := range bars {
		bars[i].color = colors[bars[i].label]
	}
	if len(bars) > topLicenses+1 {
		rest := bars[topLicenses:]
		n := 0
		for _, b := range rest {
			n += b.count
		}
		bars = append(bars[:topLicenses:topLicenses], bar{
			label: fill(cat["chartOther"], "n", strconv.Itoa(len(rest))),
			count: n,
			color: otherColor,
		})
	}
	return bars
}

func ecosystemBars(p *attribution.Project) []bar {
	count := map[string]int{}
	for i := range p.Packages {
		count[p.Packages[i].Ecosystem]++
	}
	bars := ranked(count)
	for i := range bars {
		bars[i].color = ecosystemColor
	}
	return bars
}

// ranked turns counts into bars, the largest first, ties by label.
func ranked(count map[string]int) []bar {
	bars := make([]bar, 0, len(count))
	for l, n := range count {
		bars = append(bars, bar{label: l, count: n})
	}
	slices.SortFunc(bars, func(a, b bar) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.label, b.label))
	})
	return bars
}

// barChart draws horizontal bars, each with its label and count.
func barChart(id, title string, bars []bar, cat map[string]string) template.HTML {
	height := max(len(bars), 1)*rowHeight + 8
	var b strings.Builder
	open(&b, id, title, describe(bars, cat), height)
	if len(bars) == 0 {
		fmt.Fprintf(&b, `<text x="0" y="20">%s</text>`, esc(cat["chartEmpty"]))
	}
	most := 1
	for _, x := range bars {
		most = max(most, x.count)
	}
	for i, x := range bars {
		y := 4 + i*rowHeight
		w := max(x.count*barMax/most, 1)
		fmt.Fprintf(&b, `<g><title>%s: %d</title>`, esc(x.label), x.count)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, labelWidth-8, y+barHeight-4, esc(cut(x.label)))
		fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%d" width="%d" height="%d" fill="%s"/>`, labelWidth, y, w, barHeight, x.color)
		fmt.Fprintf(&b, `<text x="%d" y="%d">%d</text></g>`, labelWidth+w+6, y+barHeight-4, x.count)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// categoryChart draws one bar split by license category, in the fixed
// order of licenses.Categories, and a legend with each category's count
// and share.
func categoryChart(id, title string, p *attribution.Project, cat map[string]string) template.HTML {
	count := map[licenses.Category]int{}
	for i := range p.Packages {
		count[category(p.Packages[i].Category)]++
	}
	var bars []bar
	var cats []licenses.Category
	for _, c := range licenses.Categories() {
		if count[c] > 0 {
			bars = append(bars, bar{label: cat[categoryKeys[c]], count: count[c], color: categoryColors[c]})
			cats = append(cats, c)
		}
	}
	total := len(p.Packages)
	const stripe, legendTop, legendRow = 28, 44, 22
	height := legendTop + max(len(bars), 1)*legendRow
	var b strings.Builder
	open(&b, id, title, describe(bars, cat), height)
	if total == 0 {
		fmt.Fprintf(&b, `<text x="0" y="20">%s</text>`, esc(cat["chartEmpty"]))
	}
	done := 0
	for i, x := range bars {
		x0 := done * chartWidth / max(total, 1)
		done += x.count
		x1 := done * chartWidth / max(total, 1)
		fmt.Fprintf(&b, `<rect class="seg" data-category="%s" x="%d" y="0" width="%d" height="%d" fill="%s"><title>%s: %d</title></rect>`,
			cats[i], x0, max(x1-x0, 1), stripe, x.color, esc(x.label), x.count)
	}
	for i, x := range bars {
		y := legendTop + i*legendRow
		legend := fill(cat["chartCategoryLegend"], "count", strconv.Itoa(x.count), "percent", percent(x.count, total))
		fmt.Fprintf(&b, `<rect class="key" x="0" y="%d" width="14" height="14" fill="%s"/>`, y, x.color)
		fmt.Fprintf(&b, `<text x="22" y="%d"><tspan font-weight="bold">%s</tspan> %s</text>`, y+12, esc(x.label), esc(legend))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// open starts an SVG whose accessible name is its title and whose
// description says its numbers.
func open(b *strings.Builder, id, title, desc string, height int) {
	fmt.Fprintf(b, `<svg id="%s" class="chart" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %d %d" width="%d" height="%d" font-size="12">`,
		id, id, id, chartWidth, height, chartWidth, height)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(desc))
}

func describe(bars []bar, cat map[string]string) string {
	parts := make([]string, len(bars))
	for i, x := range bars {
		parts[i] = fill(cat["chartDescription"], "label", x.label, "count", strconv.Itoa(x.count))
	}
	return strings.Join(parts, cat["chartDescriptionJoin"])
}

// percent is n of total as a whole percentage; a share too small to
// round to 1% says so instead of claiming 0%.
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	p := (n*100 + total/2) / total
	if p == 0 && n > 0 {
		return "<1%"
	}
	return strconv.Itoa(p) + "%"
}

// cut shortens a label to maxLabel characters.
func cut(s string) string {
	r := []rune(s)
	if len(r) <= maxLabel {
		return s
	}
	return string(r[:maxLabel-1]) + "…"
}

func esc(s string) string {
	return template.HTMLEscapeString(s)
}
