package htmlreport

import (
	"encoding/json"
	"html/template"
)

// evidenceKeys are the catalog entries the script needs to write a
// package's evidence.
var evidenceKeys = []string{
	"evPURL", "evDirectory", "evFiles", "evLicense", "evFile", "evLines", "evNoFiles",
	"evCopyrights", "evNoCopyrights", "evNotes", "evFindings", "evTexts", "evSeeText",
}

// evidenceData is what the script of a large report reads to write the
// evidence of a package, the same markup the template writes for a small
// one. Each package is an array, to keep 10,000 of them small:
//
//	[purl, directory, [[license, file, lines, note], ...], [copyright, ...],
//	 [note, ...], [[severity, label, rule, source, license, message], ...],
//	 [text index, ...]]
type evidenceData struct {
	T        map[string]string `json:"t"`
	Texts    []string          `json:"texts"` // text titles, by index
	Packages [][]any           `json:"p"`     // in the order of the rows
}

// evidenceJSON encodes the rows' evidence and the texts' titles. encoding/json escapes <, >
// and & inside strings, so no data can end the script element that holds
// it.
func evidenceJSON(rows []row, titles []string, cat map[string]string) template.JS {
	d := evidenceData{T: map[string]string{}, Texts: nonNil(titles), Packages: make([][]any, len(rows))}
	for _, k := range evidenceKeys {
		d.T[k] = cat[k]
	}
	for i, r := range rows {
		files := make([][4]string, len(r.Evidence))
		for j, e := range r.Evidence {
			files[j] = [4]string{e.License, e.File, e.Lines, e.Note}
		}
		findings := make([][6]string, len(r.Findings))
		for j, f := range r.Findings {
			findings[j] = [6]string{f.Severity, f.SeverityLabel, f.Rule, f.Source, f.License, f.Message}
		}
		texts := make([]int, len(r.Texts))
		for j, t := range r.Texts {
			texts[j] = t.Index
		}
		d.Packages[i] = []any{r.PURL, r.Directory, files, nonNil(r.Copyrights), nonNil(r.Notes), findings, texts}
	}
	b, err := json.Marshal(d)
	if err != nil { // strings, ints and arrays of them always encode
		return "null"
	}
	return template.JS(b)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
