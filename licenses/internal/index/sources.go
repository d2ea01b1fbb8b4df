package index

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/github/go-spdx/v2/spdxexp/spdxlicenses"
	"github.com/google/licensecheck"
)

// SPDXLicense is one license of the SPDX License List as heng ships it
// (licenses/data/spdx-full.json).
type SPDXLicense struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	OSIApproved bool   `json:"osiApproved"`
	Text        string `json:"licenseText"`
}

// ParseSPDX reads the SPDX license list data.
func ParseSPDX(data []byte) (map[string]SPDXLicense, error) {
	var m map[string]SPDXLicense
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parse SPDX license list: %w", err)
	}
	return m, nil
}

// A Pattern is one license pattern the detector matches.
type Pattern struct {
	// ID names the pattern: the license id it reports, possibly followed
	// by "|" and the form ("MulanPSL-2.0|en"), for licenses matched in
	// several forms. PublicID strips the form.
	ID string
	// Source is "licensecheck" or the data file the pattern comes from.
	Source string
	LRE    string
	// Kind is "text" or "notice" when the pattern says what it matches,
	// "" when the match's length decides.
	Kind string
}

// PublicID returns the license id a pattern id reports.
func PublicID(id string) string {
	id, _, _ = strings.Cut(id, "|")
	return id
}

// Patterns lists the patterns the detector matches, in matcher order:
// licensecheck's built-in patterns first, in licensecheck's own order
// (which breaks ties between equally long matches), except those heng
// replaces; then heng's own, from data (the licenses/data directory):
// license texts in mulan/*.txt, each matched whole and, when bilingual, by
// its English and its Chinese half; and hand-written patterns in lre/*.lre.
func Patterns(data fs.FS) ([]Pattern, error) {
	var out []Pattern
	texts, err := fs.Glob(data, "mulan/*.txt")
	if err != nil {
		return nil, err
	}
	replaced := map[string]bool{}
	for _, t := range texts {
		replaced[strings.TrimSuffix(path.Base(t), ".txt")] = true
	}
	for _, l := range licensecheck.BuiltinLicenses() {
		// licensecheck reads a run of Chinese characters as one word,
		// which heng does not (see IsIdeograph), so its patterns of the
		// Mulan texts are replaced by heng's.
		if l.LRE == "" || replaced[l.ID] {
			continue
		}
		out = append(out, Pattern{ID: l.ID, Source: SourceLicensecheck, LRE: l.LRE})
	}
	add := func(id, source, kind string) error {
		p := Pattern{ID: id, Source: source, Kind: kind}
		p.LRE, err = PatternLRE(p.ID, p.Source, data, nil)
		out = append(out, p)
		return err
	}
	for _, t := range texts {
		id := strings.TrimSuffix(path.Base(t), ".txt")
		if err := add(id, t, "text"); err != nil {
			return nil, err
		}
		b, err := fs.ReadFile(data, t)
		if err != nil {
			return nil, err
		}
		if _, _, ok := SplitBilingual(string(b)); ok {
			if err := add(id+"|en", t, "text"); err != nil {
				return nil, err
			}
			if err := add(id+"|zh", t, "text"); err != nil {
				return nil, err
			}
		}
	}
	lres, err := fs.Glob(data, "lre/*.lre")
	if err != nil {
		return nil, err
	}
	slices.Sort(lres)
	for _, f := range lres {
		// lre/<ID>.<form>.lre: notice and reference patterns.
		name := strings.TrimSuffix(path.Base(f), ".lre")
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return nil, fmt.Errorf("%s: name is not <id>.<form>.lre", f)
		}
		if err := add(name[:i]+"|"+name[i+1:], f, "notice"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SourceLicensecheck is the Source of licensecheck's built-in patterns.
const SourceLicensecheck = "licensecheck"

var builtinLREs = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, l := range licensecheck.BuiltinLicenses() {
		if l.LRE != "" {
			m[l.ID] = l.LRE
		}
	}
	return m
})

// PatternLRE makes the pattern with the given id from its source:
// licensecheck's built-in patterns, heng's data (a text in mulan/, whole
// or one half as the id's form says; a pattern in lre/), or the text of an
// SPDX license, which text gives. The detector calls it when a pattern is
// first needed, so that start-up does not make hundreds of patterns.
func PatternLRE(id, source string, data fs.FS, text func(id string) (string, bool)) (string, error) {
	switch {
	case source == SourceLicensecheck:
		if lre, ok := builtinLREs()[id]; ok {
			return lre, nil
		}
	case source == SourceSPDX:
		if text != nil {
			if t, ok := text(id); ok {
				return TextLRE(t), nil
			}
		}
	case strings.HasPrefix(source, "mulan/"):
		b, err := fs.ReadFile(data, source)
		if err != nil {
			return "", err
		}
		t := string(b)
		_, form, _ := strings.Cut(id, "|")
		zh, en, _ := SplitBilingual(t)
		switch form {
		case "en":
			t = en
		case "zh":
			t = zh
		}
		return TextLRE(t), nil
	case strings.HasPrefix(source, "lre/"):
		b, err := fs.ReadFile(data, source)
		if err != nil {
			return "", err
		}
		return SpaceIdeographsString(string(b)), nil
	}
	return "", fmt.Errorf("no pattern %s in %s", id, source)
}

// SpaceIdeographsString is SpaceIdeographs for a string.
func SpaceIdeographsString(s string) string {
	b, _ := SpaceIdeographs([]byte(s))
	return string(b)
}

// SplitBilingual cuts a bilingual Mulan text into its Chinese half and its
// English half: the English half starts with the first line after the
// first one that begins with "Mulan ". ok is false for a text in one
// language.
func SplitBilingual(text string) (zh, en string, ok bool) {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(strings.TrimSpace(l), "Mulan ") {
			return strings.Join(lines[:i], ""), strings.Join(lines[i:], ""), true
		}
	}
	return "", "", false
}

// lreOperators are the character sequences that are operators in the
// pattern syntax; in plain text they are broken up (punctuation does not
// count in matching).
var lreOperators = strings.NewReplacer("((", "( (", "))", ") )", "||", "| |", "__", "_ _", "//**", "/ /**", "**//", "**/ /")

// placeholderRE finds the blanks of license templates: [Year],
// [name of copyright holder], <year>, <copyright holders>, [yyyy].
var placeholderRE = regexp.MustCompile(`(?i)[\[<](?:[^\]>\n]{0,40}(?:year|yyyy|name|owner|holder|software|organization|author|copyright)[^\]>\n]{0,40})[\]>]`)

// TextLRE turns a license text into a pattern that matches it and the
// variants copies of it show: operator sequences broken up, template
// blanks made wildcards of up to ten words, ideographs spaced apart; the
// title lines before the first paragraph of prose optional (copies drop or
// repeat them), and an optional list marker ("i.", "a)", "3.") before each
// paragraph and each line after one that ends a clause (copies number
// their clauses differently). A pattern may not
// begin with a wildcard, so a leading blank is dropped.
func TextLRE(text string) string {
	s := lreOperators.Replace(strings.ReplaceAll(text, "\r\n", "\n"))
	s = placeholderRE.ReplaceAllString(s, " __10__ ")
	s = strings.TrimLeft(s, " \t\r\n")
	for strings.HasPrefix(s, "__10__") {
		s = strings.TrimLeft(strings.TrimPrefix(s, "__10__"), " \t\r\n")
	}
	var b strings.Builder
	title := true
	for _, para := range strings.Split(s, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		words := CountWords([]byte(para))
		if title && words > titleWords {
			title = false
		}
		if title {
			// A title line: optional, each on its own.
			for _, line := range strings.Split(para, "\n") {
				if line = strings.TrimSpace(line); line != "" && !strings.Contains(line, "__10__") {
					b.WriteString("((\n" + line + "\n))??\n")
				}
			}
			continue
		}
		// A marker may start the paragraph, and any line of it that
		// follows a line ending a clause.
		prevEnds := true
		for _, line := range strings.Split(para, "\n") {
			if prevEnds {
				b.WriteString("((" + listMarkers + "))??\n")
			}
			b.WriteString(line + "\n")
			t := strings.TrimRight(line, " \t")
			prevEnds = strings.HasSuffix(t, ".") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":") ||
				strings.HasSuffix(t, "。") || strings.HasSuffix(t, "；") || strings.HasSuffix(t, "：")
		}
		b.WriteString("\n")
	}
	return SpaceIdeographsString(b.String())
}

// titleWords is the most words a title paragraph of a license text has.
const titleWords = 15

// listMarkers are the clause numbers copies of a text may put before a
// paragraph.
const listMarkers = "i || ii || iii || iv || v || vi || vii || viii || ix || x || a || b || c || d || e || f || 1 || 2 || 3 || 4 || 5 || 6 || 7 || 8 || 9 || 10"

// RefWords returns a function giving the number of words of a license's
// reference text: its SPDX text, or heng's own text in data (mulan/<id>.txt).
func RefWords(spdx map[string]SPDXLicense, data fs.FS) func(id string) int {
	return func(id string) int {
		if l, ok := spdx[id]; ok && l.Text != "" {
			return CountWords([]byte(l.Text))
		}
		if b, err := fs.ReadFile(data, "mulan/"+id+".txt"); err == nil {
			return CountWords(b)
		}
		return 0
	}
}

// SourceSPDX is the Source of the patterns made from SPDX texts.
const SourceSPDX = "spdx"

// SPDXPatterns returns a pattern for each license of the SPDX list that
// no pattern of have matches (by public id), sorted by id: its SPDX text,
// made a pattern by TextLRE. Deprecated ids are left out (their texts are
// those of current ids), and so are texts that make no pattern (any-OSI,
// a license choice, and one-sentence texts that all turn optional).
// The detector makes the same patterns at run time from the texts heng
// ships, when they are first needed; they are not kept in the binary.
func SPDXPatterns(spdx map[string]SPDXLicense, have []Pattern) []Pattern {
	known := map[string]bool{}
	for _, p := range have {
		known[PublicID(p.ID)] = true
	}
	for _, l := range licensecheck.BuiltinLicenses() {
		known[l.ID] = true // including licensecheck's replaced patterns
	}
	deprecated := map[string]bool{}
	for _, id := range spdxlicenses.GetDeprecated() {
		deprecated[id] = true
	}
	var out []Pattern
	for id, l := range spdx {
		if known[id] || deprecated[id] || strings.TrimSpace(l.Text) == "" {
			continue
		}
		lre := TextLRE(l.Text)
		n, err := ParseLRE([]byte(lre))
		if err != nil {
			continue
		}
		if _, ok := n.LeadingPhrases(); !ok {
			continue
		}
		out = append(out, Pattern{ID: id, Source: SourceSPDX, LRE: lre})
	}
	slices.SortFunc(out, func(a, b Pattern) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// BuildFrom builds the index from the data directory: the patterns, and
// the SPDX list (spdx-full.json) for reference lengths and for the
// licenses licensecheck has no pattern of.
func BuildFrom(data fs.FS) (*Index, error) {
	b, err := fs.ReadFile(data, "spdx-full.json")
	if err != nil {
		return nil, err
	}
	spdx, err := ParseSPDX(b)
	if err != nil {
		return nil, err
	}
	pats, err := Patterns(data)
	if err != nil {
		return nil, err
	}
	pats = append(pats, SPDXPatterns(spdx, pats)...)
	// The words license texts really hold: SPDX's and heng's texts, and
	// heng's own patterns (references name licenses as texts do not).
	real := map[string]bool{}
	note := func(b []byte) {
		ForEachWord(b, func(w []byte, _, _ int) { real[string(w)] = true })
	}
	for _, l := range spdx {
		note([]byte(l.Text))
	}
	for _, p := range pats {
		if p.Source != SourceLicensecheck {
			note([]byte(p.LRE))
		}
	}
	return Build(pats, RefWords(spdx, data), func(w string) bool { return real[w] })
}
