// Package table writes the readable summary of a scan: what a developer
// reads in a terminal. Machines should read the JSON report instead; this
// format may change between versions.
package table

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/hengdev/heng/internal/human"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

// MaxFilesPerLicense is how many files are listed under each license; the
// rest are counted.
const MaxFilesPerLicense = 10

// MaxHolders is how many copyright holders are listed, those named in the
// most files first.
const MaxHolders = 20

// MaxPackages is how many packages are listed; the rest are counted.
const MaxPackages = 200

// Format is the readable summary. Color adds ANSI colours to headings and
// problems; the caller decides (terminal, NO_COLOR).
type Format struct {
	Color bool
}

var _ sbom.Format = Format{}

func (Format) ID() string        { return "text" }
func (Format) Aliases() []string { return []string{"table"} }
func (Format) Version() string   { return "" }

// Encode writes the summary.
func (f Format) Encode(w io.Writer, doc *sbom.Document) error {
	bw := bufio.NewWriter(w)
	s := doc.Summary()
	bold := f.style("1")
	red := f.style("31")

	fmt.Fprintf(bw, "%s %s: %s files, %s", bold("Scanned"), doc.Root, human.Count(int64(s.Files)), human.Bytes(s.Bytes))
	if s.Skipped > 0 {
		fmt.Fprintf(bw, " (%s not read: special, too large or unreadable)", human.Count(int64(s.Skipped)))
	}
	fmt.Fprintln(bw)

	fmt.Fprintf(bw, "\n%s\n", bold("Languages"))
	if len(s.Languages) == 0 {
		fmt.Fprintln(bw, "  none recognised")
	}
	langs := inventory.Rank(s.Languages)
	nameW, filesW := 0, 0
	for _, l := range langs {
		nameW = max(nameW, len(l.Name))
		filesW = max(filesW, len(human.Count(int64(l.Files))))
	}
	for _, l := range langs {
		fmt.Fprintf(bw, "  %-*s  %*s %-5s  %9s\n", nameW, l.Name, filesW, human.Count(int64(l.Files)), human.Plural(l.Files, "file", "files"), human.Bytes(l.Bytes))
	}

	if !doc.OmitFiles {
		f.fileSections(bw, doc, s)
	}
	if len(doc.Packages) > 0 {
		f.packages(bw, doc.Packages, s)
	}
	if s.InvalidTags > 0 && !doc.OmitFiles {
		fmt.Fprintf(bw, "\n%s\n", red(fmt.Sprintf("Invalid SPDX-License-Identifier tags (%d)", s.InvalidTags)))
		for _, fl := range doc.Files {
			for _, l := range fl.Licenses {
				if l.Name() == "" {
					fmt.Fprintf(bw, "  %s:%d  %q: %s\n", fl.Path, l.StartLine, l.Raw, l.Error)
				}
			}
		}
	}
	if len(doc.Issues) > 0 {
		fmt.Fprintf(bw, "\n%s\n", red(fmt.Sprintf("Problems (%d)", len(doc.Issues))))
		for _, is := range doc.Issues {
			if is.Extractor != "" {
				fmt.Fprintf(bw, "  %s: %s: %s\n", is.Path, is.Extractor, is.Message)
				continue
			}
			fmt.Fprintf(bw, "  %s: %s\n", is.Path, is.Message)
		}
	}
	return bw.Flush()
}

// fileSections lists the licenses found in files, and the copyright
// holders.
func (f Format) fileSections(bw *bufio.Writer, doc *sbom.Document, s inventory.Summary) {
	bold, gray := f.style("1"), f.style("90")
	fmt.Fprintf(bw, "\n%s\n", bold("Licenses"))
	byLicense := filesByLicense(doc.Files)
	if len(byLicense.names) == 0 {
		fmt.Fprintln(bw, "  none found")
	}
	for _, name := range byLicense.names {
		files := byLicense.files[name]
		c := s.Licenses[name]
		fmt.Fprintf(bw, "  %s  %s\n", bold(name), gray(fmt.Sprintf("%s %s, %s", human.Count(int64(c.Files)), human.Plural(c.Files, "file", "files"), kinds(c.Kinds))))
		for i, fl := range files {
			if i == MaxFilesPerLicense {
				fmt.Fprintf(bw, "      %s\n", gray(fmt.Sprintf("… and %s more (see --format json)", human.Count(int64(len(files)-i)))))
				break
			}
			fmt.Fprintf(bw, "      %s\n", fl)
		}
	}
	if len(s.Holders) > 0 {
		fmt.Fprintf(bw, "\n%s\n", bold(fmt.Sprintf("Copyright holders (%s %s)", human.Count(int64(s.Copyrights)), human.Plural(s.Copyrights, "statement", "statements"))))
		holders := make(map[string]inventory.Count, len(s.Holders))
		for h, n := range s.Holders {
			holders[h] = inventory.Count{Files: n}
		}
		for i, h := range inventory.Rank(holders) {
			if i == MaxHolders {
				fmt.Fprintf(bw, "  %s\n", gray(fmt.Sprintf("… and %s more (see --format json)", human.Count(int64(len(holders)-i)))))
				break
			}
			fmt.Fprintf(bw, "  %s  %s\n", h.Name, gray(fmt.Sprintf("%s %s", human.Count(int64(h.Files)), human.Plural(h.Files, "file", "files"))))
		}
	}
}

func (f Format) style(code string) func(string) string {
	return func(s string) string {
		if !f.Color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
}

type licenseFiles struct {
	names []string            // in order of first appearance by rank
	files map[string][]string // "path:lines (kind)"
}

// filesByLicense lists, per license, the files carrying it with where and
// how: "cmd/main.go:2-14 notice". Licenses come most used first.
func filesByLicense(files []inventory.File) licenseFiles {
	lf := licenseFiles{files: map[string][]string{}}
	counts := map[string]inventory.Count{}
	for _, f := range files {
		seen := map[string]bool{}
		for _, l := range f.Licenses {
			name := l.Name()
			if name == "" {
				continue
			}
			where := fmt.Sprintf("%s:%d", f.Path, l.StartLine)
			if l.EndLine != l.StartLine {
				where += fmt.Sprintf("-%d", l.EndLine)
			}
			entry := where + " " + l.Kind
			if !seen[name] {
				seen[name] = true
				c := counts[name]
				c.Files++
				counts[name] = c
				lf.files[name] = append(lf.files[name], entry)
			} else {
				// Further findings of the same license in a file join its line.
				list := lf.files[name]
				list[len(list)-1] += ", " + strings.TrimPrefix(entry, f.Path+":")
			}
		}
	}
	for _, r := range inventory.Rank(counts) {
		lf.names = append(lf.names, r.Name)
	}
	return lf
}

func kinds(m map[string]int) string {
	var parts []string
	for _, k := range []string{"text", "notice", "tag", "url"} {
		if n := m[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", human.Count(int64(n)), k))
		}
	}
	return strings.Join(parts, ", ")
}
