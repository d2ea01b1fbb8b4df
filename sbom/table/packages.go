package table

import (
	"bufio"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hengdev/heng/internal/human"
	"github.com/hengdev/heng/scanner/inventory"
)

// packages lists the packages found, by ecosystem then name: version,
// scope, how the project uses it, and its licenses, declared and detected.
// A package whose detected licenses disagree with what it declares is
// marked: legal review starts there.
func (f Format) packages(bw *bufio.Writer, pkgs []inventory.Package, s inventory.Summary) {
	bold, gray, red := f.style("1"), f.style("90"), f.style("31")
	counts := make(map[string]inventory.Count, len(s.Ecosystems))
	for e, n := range s.Ecosystems {
		counts[e] = inventory.Count{Files: n}
	}
	var eco []string
	for _, r := range inventory.Rank(counts) {
		eco = append(eco, fmt.Sprintf("%s %s", human.Count(int64(r.Files)), r.Name))
	}
	fmt.Fprintf(bw, "\n%s %s\n", bold(fmt.Sprintf("Packages (%s)", human.Count(int64(len(pkgs))))), gray(strings.Join(eco, ", ")))

	sorted := slices.Clone(pkgs)
	slices.SortStableFunc(sorted, func(a, b inventory.Package) int {
		return cmp.Or(cmp.Compare(a.Ecosystem, b.Ecosystem), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Version, b.Version))
	})
	rows := [][]string{{"NAME", "VERSION", "ECOSYSTEM", "USE", "DECLARED", "DETECTED"}}
	disagree := 0
	for i, p := range sorted {
		if i == MaxPackages {
			break
		}
		declared := "-"
		if p.DeclaredLicense != nil {
			declared = p.DeclaredLicense.Expression
		}
		var det []string
		for _, d := range p.DetectedLicenses {
			det = append(det, d.License)
		}
		detected := strings.Join(det, ", ")
		if detected == "" {
			detected = "-"
		}
		if Disagrees(&p) {
			detected += " ≠"
			disagree++
		}
		use := strings.Trim(p.Relationship+" "+p.Scope, " ")
		if use == "" {
			use = "-"
		}
		version := p.Version
		if version == "" {
			version = cmp.Or(p.Property("constraint"), "-")
		}
		rows = append(rows, []string{p.Name, version, p.Ecosystem, use, declared, detected})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], human.Width(c))
		}
	}
	for ri, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-human.Width(c)+2))
		}
		line := b.String()
		switch {
		case ri == 0:
			line = gray(line)
		case strings.HasSuffix(line, " ≠"):
			line = red(line)
		}
		fmt.Fprintln(bw, strings.TrimRight(line, " "))
	}
	if len(sorted) > MaxPackages {
		fmt.Fprintf(bw, "  %s\n", gray(fmt.Sprintf("… and %s more (see --format json)", human.Count(int64(len(sorted)-MaxPackages)))))
	}
	if disagree > 0 {
		fmt.Fprintf(bw, "  %s\n", red(fmt.Sprintf("≠ %s %s whose license files disagree with the license they declare", human.Count(int64(disagree)), human.Plural(disagree, "package", "packages"))))
	}
}

// Disagrees reports whether a package's detected licenses differ from the
// license it declares: both are known, and no detected license is the
// declared one or part of it.
func Disagrees(p *inventory.Package) bool {
	if p.DeclaredLicense == nil || len(p.DetectedLicenses) == 0 {
		return false
	}
	expr := p.DeclaredLicense.Expression
	if strings.Contains(expr, "LicenseRef-heng-unknown") {
		return false
	}
	ids := strings.FieldsFunc(expr, func(r rune) bool { return r == ' ' || r == '(' || r == ')' })
	for _, d := range p.DetectedLicenses {
		if d.License == expr || slices.Contains(ids, d.License) || familyOf(d.License, ids) {
			return false
		}
	}
	return true
}

// familyOf reports whether a detected GNU family id ("GPL-2.0", reported
// for a full text that does not say only or later) is the family of a
// declared id ("GPL-2.0-only", "GPL-2.0-or-later").
func familyOf(detected string, declared []string) bool {
	for _, id := range declared {
		if strings.HasPrefix(id, detected+"-") {
			return true
		}
	}
	return false
}
