package licenses

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/licenses/internal/knowledgegen"
)

// sharedMulanDir holds the reference copies of the Mulan texts that
// data/mulan/ was made from, where the workplace has them.
const sharedMulanDir = "../../shared/licenses/mulan"

type spdxFullEntry struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	OSIApproved bool   `json:"osiApproved"`
	LicenseText string `json:"licenseText"`
}

func readSPDXFull(t *testing.T) map[string]spdxFullEntry {
	t.Helper()
	data, err := os.ReadFile("data/spdx-full.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]spdxFullEntry
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestKnowledgeGeneratedUpToDate(t *testing.T) {
	tsv, chunks, err := knowledgegen.Build(".")
	if err != nil {
		t.Fatal(err)
	}
	if licensesTSV != string(tsv) {
		t.Errorf("data/meta/licenses.tsv is out of date: run go generate ./licenses\n%s", cmp.Diff(licensesTSV, string(tsv)))
	}
	names, err := fs.Glob(textChunks, "data/meta/texts/*.gz")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(chunks) {
		t.Errorf("data/meta/texts has %d chunks, want %d: run go generate ./licenses", len(names), len(chunks))
	}
	for i, c := range chunks {
		f, err := textChunks.Open("data/meta/texts/" + knowledgegen.ChunkName(i))
		if err != nil {
			t.Errorf("chunk %d: %v: run go generate ./licenses", i, err)
			continue
		}
		r, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, c) {
			t.Errorf("data/meta/texts/%s is out of date (%d bytes unpacked, want %d): run go generate ./licenses", knowledgegen.ChunkName(i), len(got), len(c))
		}
	}
}

func TestKnowledgeCounts(t *testing.T) {
	spdx := readSPDXFull(t)
	var licenses, exceptions, deprecated, heng, osi int
	for _, info := range All() {
		switch {
		case info.Exception:
			exceptions++
		case info.Source == "heng":
			heng++
		default:
			licenses++
		}
		if info.Deprecated && !info.Exception {
			deprecated++
		}
		if info.OSIApproved {
			osi++
		}
	}
	if licenses != len(spdx) || licenses != 727 {
		t.Errorf("%d SPDX licenses, want %d (spdx-full.json) and 727 (SPDX 3.28.0)", licenses, len(spdx))
	}
	if exceptions != 79 {
		t.Errorf("%d exceptions, want 79", exceptions)
	}
	if deprecated != 32 {
		t.Errorf("%d deprecated license ids, want 32", deprecated)
	}
	// The Mulan family (6), heng's public-domain and proprietary refs
	// (2), and the licenses licensecheck knows that SPDX does not (10).
	if heng != 18 {
		t.Errorf("%d heng LicenseRefs, want 18", heng)
	}
	t.Logf("SPDX licenses %d (OSI-approved %d, deprecated %d), exceptions %d, heng LicenseRefs %d", licenses, osi, deprecated, exceptions, heng)
	for id, e := range spdx {
		info, ok := Lookup(id)
		switch {
		case !ok:
			t.Errorf("Lookup(%q) failed", id)
		case info.ID != id || info.Name != e.Name || info.URL != e.URL || info.OSIApproved != e.OSIApproved || info.Source != "spdx" || !info.HasText:
			t.Errorf("Lookup(%q) = %+v, want the data of spdx-full.json", id, info)
		}
	}
}

func TestKnowledgeAllSorted(t *testing.T) {
	all := All()
	split := sort.Search(len(all), func(i int) bool { return all[i].Exception })
	for i, info := range all {
		if info.Exception != (i >= split) {
			t.Fatalf("All()[%d] = %s: licenses must come before exceptions", i, info.ID)
		}
		if i > 0 && i != split && !lessFold(all[i-1].ID, info.ID) {
			t.Errorf("All() not sorted: %s before %s", all[i-1].ID, info.ID)
		}
	}
	all[0].ID = "changed"
	if All()[0].ID == "changed" {
		t.Error("All returned the internal slice")
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		id   string
		want Info
	}{
		{"mit", Info{ID: "MIT", Name: "MIT License", OSIApproved: true, Category: Permissive, URL: "https://opensource.org/license/mit/", HasText: true, Source: "spdx"}},
		{"gpl-2.0+", Info{ID: "GPL-2.0+", Name: "GNU General Public License v2.0 or later", OSIApproved: true, Deprecated: true, Replacement: "GPL-2.0-or-later", Category: StrongCopyleft, HasText: true, Source: "spdx"}},
		{"LLVM-EXCEPTION", Info{ID: "LLVM-exception", Name: "LLVM Exception", Exception: true, Category: Unknown, Source: "spdx"}},
		{"Nokia-Qt-exception-1.1", Info{ID: "Nokia-Qt-exception-1.1", Name: "Nokia Qt LGPL exception 1.1", Exception: true, Deprecated: true, Category: Unknown, Source: "spdx"}},
		{"MulanPSL-2.0", Info{ID: "MulanPSL-2.0", Name: "Mulan Permissive Software License, Version 2", NameZH: "木兰宽松许可证，第2版", OSIApproved: true, Category: Permissive, HasText: true, Source: "spdx"}},
		{"licenseref-mulanpubl-2.0", Info{ID: "LicenseRef-MulanPubL-2.0", Name: "Mulan Public License, Version 2", NameZH: "木兰公共许可证，第2版", Category: NetworkCopyleft, URL: "http://license.coscl.org.cn/MulanPubL-2.0", HasText: true, Source: "heng"}},
		{"LicenseRef-MulanOWL-BY-PL-1.0", Info{ID: "LicenseRef-MulanOWL-BY-PL-1.0", Name: "Mulan Open Works License Attribution-PatentLicensed, Version 1", NameZH: "木兰开放作品许可协议 署名-专利许可，第1版", Category: Permissive, Source: "heng"}},
		{"LicenseRef-heng-proprietary", Info{ID: "LicenseRef-heng-proprietary", Name: "Proprietary (no open license granted; npm UNLICENSED)", NameZH: "专有", Category: Proprietary, Source: "heng"}},
	}
	ignore := cmpIgnoreFields("URL", "Reason")
	for _, tc := range tests {
		got, ok := Lookup(tc.id)
		if !ok {
			t.Errorf("Lookup(%q) failed", tc.id)
			continue
		}
		if tc.want.URL == "" {
			got.URL = ""
		}
		if d := cmp.Diff(tc.want, got, ignore); d != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tc.id, d)
		}
	}
	for _, id := range []string{"", "MIT2", "LicenseRef-foo", "GPL", "MIT "} {
		if info, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) = %s, want not found", id, info.ID)
		}
	}
}

// cmpIgnoreFields ignores the named fields of Info.
func cmpIgnoreFields(names ...string) cmp.Option {
	return cmp.FilterPath(func(p cmp.Path) bool {
		for _, n := range names {
			if p.Last().String() == "."+n {
				return true
			}
		}
		return false
	}, cmp.Ignore())
}

func TestLookupDeprecatedReplacements(t *testing.T) {
	for _, info := range All() {
		if !info.Deprecated || info.Exception {
			continue
		}
		r, ok := deprecatedReplacements[info.ID]
		if !ok {
			t.Errorf("deprecated %s has no entry in deprecatedReplacements", info.ID)
			continue
		}
		if r == "" {
			continue
		}
		n := Normalize(r)
		if n.Expression != r || !n.Known {
			t.Errorf("replacement of %s: Normalize(%q) = %+v, want itself, known", info.ID, r, n)
		}
		for _, id := range IDs(r) {
			if got, ok := Lookup(id); !ok || got.Deprecated {
				t.Errorf("replacement of %s names %s, not a current id", info.ID, id)
			}
		}
	}
	for id := range deprecatedReplacements {
		if info, ok := Lookup(id); !ok || !info.Deprecated {
			t.Errorf("deprecatedReplacements has %s, not a deprecated id", id)
		}
	}
}

func TestText(t *testing.T) {
	spdx := readSPDXFull(t)
	mulan := map[string]bool{}
	entries, err := os.ReadDir("data/mulan")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") && !strings.HasSuffix(e.Name(), ".header.txt") {
			mulan[strings.TrimSuffix(e.Name(), ".txt")] = true
		}
	}
	for id, e := range spdx {
		if mulan[id] {
			continue
		}
		got, ok := Text(strings.ToLower(id))
		if !ok || got != e.LicenseText {
			t.Errorf("Text(%q) = %d bytes, %v; want the %d bytes of spdx-full.json", id, len(got), ok, len(e.LicenseText))
		}
	}
	for id := range mulan {
		want, err := os.ReadFile(filepath.Join("data/mulan", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		got, ok := Text(id)
		if !ok || got != string(want) {
			t.Errorf("Text(%q): not the text of data/mulan/%s.txt", id, id)
		}
		if info, _ := Lookup(id); !info.HasText {
			t.Errorf("Lookup(%q).HasText = false", id)
		}
	}
	for _, info := range All() {
		_, ok := Text(info.ID)
		if ok != info.HasText {
			t.Errorf("Text(%q) found = %v, HasText = %v", info.ID, ok, info.HasText)
		}
	}
	for _, id := range []string{"LicenseRef-MulanOWL-BY-PL-1.0", "LLVM-exception", "nope"} {
		if _, ok := Text(id); ok {
			t.Errorf("Text(%q) found a text", id)
		}
	}
	if got, _ := Text("MIT"); !strings.Contains(got, "Permission is hereby granted, free of charge") {
		t.Errorf("Text(MIT) = %.80q...", got)
	}
}

// TestTextMulanMatchesShared checks heng's Mulan texts against the
// reference copies they were taken from, where those are present.
func TestTextMulanMatchesShared(t *testing.T) {
	entries, err := os.ReadDir(sharedMulanDir)
	if err != nil {
		t.Skipf("no reference copies: %v", err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".header.txt") {
			continue
		}
		want, err := os.ReadFile(filepath.Join(sharedMulanDir, name))
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(name, ".txt")
		got, ok := Text(id)
		if !ok || got != string(want) {
			t.Errorf("Text(%q) differs from %s", id, filepath.Join(sharedMulanDir, name))
		}
		n++
	}
	if n < 6 {
		t.Errorf("compared %d Mulan texts, want 6", n)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want []string // the first len(want) suggestions
	}{
		{"apache2", 3, []string{"Apache-2.0"}},
		{"Apache 2", 1, []string{"Apache-2.0"}},
		{"gpl3", 2, []string{"GPL-3.0-only", "GPL-3.0-or-later"}},
		{"gplv2", 1, []string{"GPL-2.0-only"}},
		{"mulanpsl2", 1, []string{"MulanPSL-2.0"}},
		{"mulanpubl", 2, []string{"LicenseRef-MulanPubL-1.0", "LicenseRef-MulanPubL-2.0"}},
		{"mitt", 1, []string{"MIT"}},
		{"bsd3", 1, []string{"BSD-3-Clause"}},
		{"lgpl-2.1", 1, []string{"LGPL-2.1-only"}},
		{"Apache-2.O", 1, []string{"Apache-2.0"}},
		{"llvm-exceptio", 1, []string{"LLVM-exception"}},
		{"boost", 1, []string{"BSL-1.0"}},
		{"cc-by-4", 1, []string{"CC-BY-4.0"}},
	}
	for _, tc := range tests {
		got := Suggest(tc.in, tc.n)
		if len(got) > tc.n {
			t.Errorf("Suggest(%q, %d) returned %d ids", tc.in, tc.n, len(got))
		}
		if len(got) < len(tc.want) || !cmp.Equal(got[:len(tc.want)], tc.want) {
			t.Errorf("Suggest(%q, %d) = %q, want it to start with %q", tc.in, tc.n, got, tc.want)
		}
	}
	for _, in := range []string{"", "  ", "---"} {
		if got := Suggest(in, 5); len(got) != 0 {
			t.Errorf("Suggest(%q) = %q, want none", in, got)
		}
	}
	if got := Suggest("MIT", 0); got != nil {
		t.Errorf("Suggest(MIT, 0) = %q", got)
	}
	if got := Suggest("qqqqqqqqqqqqqqqqqqqqqq", 5); len(got) != 0 {
		t.Errorf("Suggest(nonsense) = %q, want none", got)
	}
}

// TestKnowledgeLoadCost reports the costs measured for docs/licenses.md:
// loading the metadata and the first call to Text, each in a fresh
// process state (the sync.Once values are reset).
func TestKnowledgeLoadCost(t *testing.T) {
	if testing.Short() {
		t.Skip("measurement")
	}
	start := time.Now()
	k := buildKnowledge()
	load := time.Since(start)
	if len(k.infos) == 0 {
		t.Fatal("no knowledge")
	}
	start = time.Now()
	texts := unpackChunk("data/meta/texts/00.gz")
	first := time.Since(start)
	if len(texts) == 0 {
		t.Fatal("no texts")
	}
	start = time.Now()
	all := 0
	for i := range k.chunks {
		all += len(unpackChunk("data/meta/texts/" + knowledgegen.ChunkName(i)))
	}
	t.Logf("metadata load %v; first Text call (unpacks one chunk) %v; all %d chunks (%d texts) %v", load, first, len(k.chunks), all, time.Since(start))
	if load > 20*time.Millisecond {
		t.Errorf("metadata load took %v, want well under 2ms (20ms allowed for slow machines)", load)
	}
}

func BenchmarkKnowledgeLoad(b *testing.B) {
	for b.Loop() {
		buildKnowledge()
	}
}

func BenchmarkTextFirstCall(b *testing.B) {
	for b.Loop() {
		unpackChunk("data/meta/texts/00.gz")
	}
}

func BenchmarkLookup(b *testing.B) {
	loadKnowledge()
	for b.Loop() {
		Lookup("apache-2.0")
	}
}

func TestIDs(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{"", nil},
		{"MIT", []string{"MIT"}},
		{"(MIT OR Apache-2.0) AND BSD-3-Clause", []string{"MIT", "Apache-2.0", "BSD-3-Clause"}},
		{"GPL-2.0-or-later WITH Classpath-exception-2.0", []string{"GPL-2.0-or-later", "Classpath-exception-2.0"}},
		{"((GPL-2.0+))", []string{"GPL-2.0"}},
		{"MIT\tAND\nISC", []string{"MIT", "ISC"}},
	}
	for _, tt := range tests {
		if got := IDs(tt.expr); !slices.Equal(got, tt.want) {
			t.Errorf("IDs(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}
