package licenses

import (
	"bytes"
	"os"
	"testing"

	"github.com/hengdev/heng/licenses/internal/index"
)

// TestIndexUpToDate rebuilds the candidate index from its sources and
// compares it with the one embedded in the binary.
func TestIndexUpToDate(t *testing.T) {
	ix, err := index.BuildFrom(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ix.Encode(), indexData) {
		t.Fatal("data/index.bin is out of date: run go generate ./licenses")
	}
}

// TestPatternsMadeAgain: every pattern of the index can be made again at
// run time from its source, exactly as it was when the index was built.
func TestPatternsMadeAgain(t *testing.T) {
	data := os.DirFS("data")
	pats, err := index.Patterns(data)
	if err != nil {
		t.Fatal(err)
	}
	spdx := spdxList(t)
	pats = append(pats, index.SPDXPatterns(spdx, pats)...)
	d := NewDetector()
	if err := d.Load(); err != nil {
		t.Fatal(err)
	}
	if len(pats) != len(d.ix.Entries) {
		t.Fatalf("%d patterns, index has %d", len(pats), len(d.ix.Entries))
	}
	for i, p := range pats {
		if d.ix.Entries[i].ID != p.ID {
			t.Fatalf("entry %d is %s, pattern %s", i, d.ix.Entries[i].ID, p.ID)
		}
		if got := d.license(i).LRE; got != p.LRE {
			t.Errorf("%s (%s): pattern made at run time differs from the index's", p.ID, p.Source)
		}
	}
}
