package inventory

import (
	"cmp"
	"slices"
)

// Summary counts what a scan found.
type Summary struct {
	Files   int   `json:"files"`
	Bytes   int64 `json:"bytes"`
	Skipped int   `json:"skipped"`
	Errors  int   `json:"errors"`
	// Languages counts files and bytes by language; files without a
	// known language are not counted.
	Languages map[string]Count `json:"languages"`
	// Licenses counts, by license id or expression, the files that carry
	// it in any form.
	Licenses map[string]LicenseCount `json:"licenses"`
	// InvalidTags counts SPDX-License-Identifier tags that are not valid
	// SPDX expressions.
	InvalidTags int `json:"invalid_tags"`
	// Copyrights counts copyright statements, and Holders the files that
	// name each copyright holder.
	Copyrights int            `json:"copyrights"`
	Holders    map[string]int `json:"holders"`
	// Packages counts the packages found, and Ecosystems them by
	// ecosystem.
	Packages   int            `json:"packages"`
	Ecosystems map[string]int `json:"ecosystems"`
}

// Count is a number of files and their bytes.
type Count struct {
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
}

// LicenseCount counts the files that carry a license, and its findings by
// kind (text, notice, tag, url).
type LicenseCount struct {
	Files int            `json:"files"`
	Kinds map[string]int `json:"kinds"`
}

// Summarize counts files, languages, licenses and packages.
func Summarize(files []File, issues []Issue, pkgs []Package) Summary {
	s := Summary{
		Files:      len(files),
		Errors:     len(issues),
		Languages:  map[string]Count{},
		Licenses:   map[string]LicenseCount{},
		Holders:    map[string]int{},
		Packages:   len(pkgs),
		Ecosystems: map[string]int{},
	}
	for _, p := range pkgs {
		s.Ecosystems[p.Ecosystem]++
	}
	for _, f := range files {
		s.Bytes += f.Size
		if f.Skipped != "" {
			s.Skipped++
		}
		if f.Language != "" {
			c := s.Languages[f.Language]
			c.Files++
			c.Bytes += f.Size
			s.Languages[f.Language] = c
		}
		s.Copyrights += len(f.Copyrights)
		held := map[string]bool{}
		for _, c := range f.Copyrights {
			for _, h := range c.Holders {
				if !held[h] {
					held[h] = true
					s.Holders[h]++
				}
			}
		}
		seen := map[string]bool{}
		for _, l := range f.Licenses {
			name := l.Name()
			if name == "" {
				s.InvalidTags++
				continue
			}
			c := s.Licenses[name]
			if c.Kinds == nil {
				c.Kinds = map[string]int{}
			}
			c.Kinds[l.Kind]++
			if !seen[name] {
				seen[name] = true
				c.Files++
			}
			s.Licenses[name] = c
		}
	}
	return s
}

// Ranked is a name with its count, for listings ordered by size.
type Ranked struct {
	Name string
	Count
}

// Rank orders the counts by files, then bytes (both descending), then name.
func Rank(m map[string]Count) []Ranked {
	out := make([]Ranked, 0, len(m))
	for k, v := range m {
		out = append(out, Ranked{k, v})
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(b.Files, a.Files), cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(a.Name, b.Name))
	})
	return out
}
