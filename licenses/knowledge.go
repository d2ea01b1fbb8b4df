package licenses

import (
	"compress/gzip"
	"embed"
	"encoding/binary"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// What heng knows about licenses, embedded in the binary so that it never
// needs the network: every id of the SPDX License List (ListVersion) with
// its name, OSI approval, deprecation and reference URL, every SPDX license
// exception, heng's own LicenseRefs (the Mulan family members SPDX does not
// list, public domain, proprietary), a category for each license and the
// full license texts. The sources and their versions are in
// data/meta/README.md; docs/licenses.md explains the categories.
//
// The metadata is parsed on first use (about half a millisecond); the
// texts, compressed in chunks, are unpacked only when Text needs them.

//go:generate go run ./internal/knowledgegen/cmd/knowledgegen

//go:embed data/meta/licenses.tsv
var licensesTSV string

// textChunks holds the SPDX texts in gzip-compressed chunks (see
// internal/knowledgegen); Text unpacks a chunk the first time it needs one
// of its texts.
//
//go:embed data/meta/texts/*.gz
var textChunks embed.FS

// mulanTexts holds heng's copies of the Mulan license texts, named
// <ID>.txt; they take precedence over the SPDX texts for MulanPSL-1.0 and
// MulanPSL-2.0. Files named *.header.txt are notices, not license texts.
//
//go:embed data/mulan/*.txt
var mulanTexts embed.FS

// ListVersion is the version of the SPDX License List heng's ids come from.
const ListVersion = "3.28.0"

// Info describes one license or license exception.
type Info struct {
	ID          string   // canonical spelling
	Name        string   // full name, in English
	NameZH      string   // Chinese name where known (Mulan family)
	OSIApproved bool     // approved by the Open Source Initiative
	Deprecated  bool     // deprecated by SPDX: use Replacement instead
	Replacement string   // for a deprecated id, the SPDX expression that replaces it ("" if none)
	Exception   bool     // an SPDX license exception (use after WITH)
	Category    Category // Unknown for exceptions
	Reason      string   // why the license has its category, where not obvious
	URL         string   // reference URL
	HasText     bool     // Text returns the license's full text
	Source      string   // "spdx" (SPDX License List) or "heng" (a heng LicenseRef)
}

// deprecatedReplacements maps each deprecated SPDX id to the expression
// SPDX recommends instead. The bare GNU ids mean "only" and their "+"
// forms "or later", as the SPDX list defines them. Net-SNMP has no single
// replacement and keeps its id.
var deprecatedReplacements = map[string]string{
	"AGPL-1.0":                         "AGPL-1.0-only",
	"AGPL-3.0":                         "AGPL-3.0-only",
	"BSD-2-Clause-FreeBSD":             "BSD-2-Clause-Views",
	"BSD-2-Clause-NetBSD":              "BSD-2-Clause",
	"bzip2-1.0.5":                      "bzip2-1.0.6",
	"eCos-2.0":                         "GPL-2.0-or-later WITH eCos-exception-2.0",
	"GFDL-1.1":                         "GFDL-1.1-only",
	"GFDL-1.2":                         "GFDL-1.2-only",
	"GFDL-1.3":                         "GFDL-1.3-only",
	"GPL-1.0":                          "GPL-1.0-only",
	"GPL-1.0+":                         "GPL-1.0-or-later",
	"GPL-2.0":                          "GPL-2.0-only",
	"GPL-2.0+":                         "GPL-2.0-or-later",
	"GPL-2.0-with-autoconf-exception":  "GPL-2.0-only WITH Autoconf-exception-2.0",
	"GPL-2.0-with-bison-exception":     "GPL-2.0-only WITH Bison-exception-2.2",
	"GPL-2.0-with-classpath-exception": "GPL-2.0-only WITH Classpath-exception-2.0",
	"GPL-2.0-with-font-exception":      "GPL-2.0-only WITH Font-exception-2.0",
	"GPL-2.0-with-GCC-exception":       "GPL-2.0-only WITH GCC-exception-2.0",
	"GPL-3.0":                          "GPL-3.0-only",
	"GPL-3.0+":                         "GPL-3.0-or-later",
	"GPL-3.0-with-autoconf-exception":  "GPL-3.0-only WITH Autoconf-exception-3.0",
	"GPL-3.0-with-GCC-exception":       "GPL-3.0-only WITH GCC-exception-3.1",
	"LGPL-2.0":                         "LGPL-2.0-only",
	"LGPL-2.0+":                        "LGPL-2.0-or-later",
	"LGPL-2.1":                         "LGPL-2.1-only",
	"LGPL-2.1+":                        "LGPL-2.1-or-later",
	"LGPL-3.0":                         "LGPL-3.0-only",
	"LGPL-3.0+":                        "LGPL-3.0-or-later",
	"Net-SNMP":                         "",
	"Nunit":                            "zlib-acknowledgement",
	"StandardML-NJ":                    "SMLNJ",
	"wxWindows":                        "LGPL-2.0-or-later WITH WxWindows-exception-3.1",
}

type knowledge struct {
	infos   []Info         // licenses, then exceptions, each sorted by id
	byLower map[string]int // lower-cased id -> index in infos
	text    []textRef      // per info: where its SPDX text is
	mulan   []string       // per info: name of its file in mulanTexts, or ""
	chunks  []func() []string
}

// textRef locates a text: the index-th text of chunk (chunk < 0: none).
type textRef struct{ chunk, index int }

var loadKnowledge = sync.OnceValue(buildKnowledge)

// buildKnowledge parses the embedded metadata.
func buildKnowledge() *knowledge {
	mulanFiles := map[string]string{}
	if entries, err := mulanTexts.ReadDir("data/mulan"); err == nil {
		for _, e := range entries {
			name := e.Name()
			if strings.HasSuffix(name, ".header.txt") || !strings.HasSuffix(name, ".txt") {
				continue
			}
			mulanFiles[strings.ToLower(strings.TrimSuffix(name, ".txt"))] = name
		}
	}
	n := strings.Count(licensesTSV, "\n")
	k := &knowledge{
		infos:   make([]Info, 0, n),
		byLower: make(map[string]int, n),
		text:    make([]textRef, 0, n),
		mulan:   make([]string, 0, n),
	}
	if entries, err := textChunks.ReadDir("data/meta/texts"); err == nil {
		k.chunks = make([]func() []string, len(entries))
		for _, e := range entries {
			i, err := strconv.Atoi(strings.TrimSuffix(e.Name(), ".gz"))
			if err != nil || i < 0 || i >= len(entries) {
				continue
			}
			name := "data/meta/texts/" + e.Name()
			k.chunks[i] = sync.OnceValue(func() []string { return unpackChunk(name) })
		}
	}
	for line := range strings.SplitSeq(licensesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		var f [11]string
		rest := line
		for i := range f {
			f[i], rest, _ = strings.Cut(rest, "\t")
		}
		info := Info{
			ID:          f[0],
			Exception:   f[1] == "exception",
			Source:      f[2],
			OSIApproved: f[3] == "1",
			Deprecated:  f[4] == "1",
			URL:         f[6],
			Name:        f[7],
			NameZH:      f[8],
			Category:    Unknown,
		}
		low := strings.ToLower(info.ID)
		if info.Deprecated {
			info.Replacement = deprecatedReplacements[info.ID]
		}
		if !info.Exception && f[9] != "" {
			info.Category = Category(f[9])
			info.Reason = f[10]
		}
		ref := textRef{-1, -1}
		if c, i, ok := strings.Cut(f[5], "."); ok {
			ci, err1 := strconv.Atoi(c)
			ii, err2 := strconv.Atoi(i)
			if err1 == nil && err2 == nil && ci < len(k.chunks) && k.chunks[ci] != nil {
				ref = textRef{ci, ii}
			}
		}
		file := mulanFiles[low]
		info.HasText = ref.chunk >= 0 || file != ""
		k.byLower[low] = len(k.infos)
		k.infos = append(k.infos, info)
		k.text = append(k.text, ref)
		k.mulan = append(k.mulan, file)
	}
	return k
}

// Lookup returns what heng knows about a license or exception id,
// compared without regard to case ("apache-2.0" finds Apache-2.0).
// Deprecated ids are found too; their Replacement names the current
// expression.
func Lookup(id string) (Info, bool) {
	k := loadKnowledge()
	i, ok := k.byLower[strings.ToLower(id)]
	if !ok {
		return Info{}, false
	}
	return k.infos[i], true
}

// All returns every license heng knows, then every exception, each group
// sorted by id (case-insensitively). The slice is a copy.
func All() []Info {
	k := loadKnowledge()
	out := make([]Info, len(k.infos))
	copy(out, k.infos)
	return out
}

// unpackChunk decompresses one chunk of texts; the texts are slices of
// one string.
func unpackChunk(name string) []string {
	f, err := textChunks.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	r, err := gzip.NewReader(f)
	if err != nil {
		return nil
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil
	}
	return splitTexts(string(data))
}

// splitTexts splits a chunk: texts, each a uvarint length and its bytes.
func splitTexts(all string) []string {
	var out []string
	for len(all) > 0 {
		n, w := binary.Uvarint([]byte(all[:min(len(all), binary.MaxVarintLen64)]))
		if w <= 0 || uint64(len(all)-w) < n {
			return nil
		}
		out = append(out, all[w:w+int(n)])
		all = all[w+int(n):]
	}
	return out
}

// Text returns the full text of a license where heng ships one: every
// SPDX license (the texts of SPDX License List 3.28.0) and the Mulan
// licenses whose texts were found (heng's copies in data/mulan, Chinese and
// English halves together). The id is compared without regard to case. The first call for
// a text unpacks the compressed chunk holding it (about 256 KB of texts,
// a millisecond or two); later calls for texts of that chunk are lookups.
func Text(id string) (string, bool) {
	k := loadKnowledge()
	i, ok := k.byLower[strings.ToLower(id)]
	if !ok {
		return "", false
	}
	if f := k.mulan[i]; f != "" {
		data, err := mulanTexts.ReadFile("data/mulan/" + f)
		if err == nil {
			return string(data), true
		}
	}
	ref := k.text[i]
	if ref.chunk < 0 {
		return "", false
	}
	t := k.chunks[ref.chunk]()
	if ref.index >= len(t) {
		return "", false
	}
	return t[ref.index], true
}

// Suggest returns up to n known ids closest to id, best first, for "did
// you mean" messages: ids that id is a prefix of or contained in, then ids
// within a small edit distance, compared without case and punctuation
// ("apache2" -> Apache-2.0, "gpl3" -> GPL-3.0-only, GPL-3.0-or-later,
// "mulanpsl2" -> MulanPSL-2.0). What Normalize maps id to comes first.
// Deprecated ids and exceptions rank below current licenses.
func Suggest(id string, n int) []string {
	if n <= 0 {
		return nil
	}
	q := squash(id)
	if q == "" {
		return nil
	}
	k := loadKnowledge()
	type cand struct {
		id    string
		score float64
	}
	var cands []cand
	seen := map[string]bool{}
	if norm := Normalize(id); norm.Known {
		for _, leaf := range IDs(norm.Expression) {
			if !seen[leaf] {
				seen[leaf] = true
				cands = append(cands, cand{leaf, -1})
			}
		}
	}
	maxDist := max(2, len(q)/3)
	for _, info := range k.infos {
		if seen[info.ID] {
			continue
		}
		key := squash(info.ID)
		// Lower is closer: an exact match 0, a completion 0.5 plus a
		// little per added character, an edit 1 per change.
		var score float64
		switch {
		case key == q:
			score = 0
		case strings.HasPrefix(key, q):
			score = 0.5 + 0.15*float64(len(key)-len(q))
		case len(q) >= 3 && strings.Contains(key, q):
			score = 1 + 0.15*float64(len(key)-len(q))
		default:
			d := editDistance(q, key, maxDist)
			if d <= maxDist {
				score = 0.5 + float64(d)
			} else if len(q) >= 4 && strings.Contains(squash(info.Name), q) {
				score = float64(maxDist) + 1
			} else {
				continue
			}
		}
		if info.Deprecated {
			score += 2
		}
		if info.Exception {
			score += 0.25
		}
		if info.Source == "heng" && !strings.HasPrefix(strings.ToLower(id), "licenseref") {
			score += 0.1
		}
		cands = append(cands, cand{info.ID, score})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return lessFold(cands[i].id, cands[j].id)
	})
	out := make([]string, 0, min(n, len(cands)))
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.id)
	}
	return out
}

// squash lower-cases s and keeps only letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 0x7f {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// editDistance is the Levenshtein distance between a and b (bytes), or
// limit+1 once it must exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func lessFold(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

// IDs returns the license and exception ids of a canonical expression, in
// order, without operators, parentheses or a trailing "+".
func IDs(expr string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(expr, func(r rune) bool { return r == '(' || r == ')' || unicode.IsSpace(r) }) {
		switch t {
		case "AND", "OR", "WITH":
			continue
		}
		out = append(out, strings.TrimSuffix(t, "+"))
	}
	return out
}
