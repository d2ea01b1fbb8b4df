package licenses

import (
	"strings"
	"testing"
)

// minified returns one line of n bytes of minified JavaScript with insert
// placed at byte offset at.
func minified(n, at int, insert string) []byte {
	const unit = `var a=function(b,c){return b.licensed?c(b):null},d=[1,2,3].map(a);`
	code := strings.Repeat(unit, n/len(unit)+1)
	return []byte(code[:at] + insert + code[at:n])
}

// TestWindowsLongLines checks that windows are bounded in bytes on a file
// that is one long line, where whole-line windows would be the whole file.
func TestWindowsLongLines(t *testing.T) {
	text := minified(300_000, 100_000, "/*! Copyright (c) 2020 Example Co. | Released under the MIT License */")
	// The code itself says "licensed" every 66 bytes: hits everywhere.
	hits := keywordHits(text)
	if len(hits) < 1000 {
		t.Fatalf("only %d hits", len(hits))
	}
	ws := windows(text, hits)
	for _, w := range ws {
		// Hits are close together, so one window may hold many of them,
		// but none reaches further than maxReach past its outermost hits.
		if w.lo < 0 || w.hi > len(text) || w.lo >= w.hi {
			t.Fatalf("bad window %+v", w)
		}
	}
	// Sparse hits on one line make separate, small windows.
	text = []byte(strings.Repeat("x", 50_000) + " license " + strings.Repeat("y ", 50_000) + " copyright " + strings.Repeat("z", 50_000))
	ws = windows(text, keywordHits(text))
	if len(ws) != 2 {
		t.Fatalf("got %d windows, want 2: %+v", len(ws), ws)
	}
	for _, w := range ws {
		if n := w.hi - w.lo; n > 2*maxReach+64 {
			t.Errorf("window %+v spans %d bytes, want at most about %d", w, n, 2*maxReach)
		}
	}
}

// TestDetectMinified finds a license and a copyright in the middle of a
// 300 KB one-line file.
func TestDetectMinified(t *testing.T) {
	text := minified(300_000, 150_000, "/*! Copyright (c) 2020 Example Co. | Released under the MIT License */")
	d := NewDetector()
	r, err := d.Analyze(text, ModeSource)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.ID)
	}
	if len(ids) != 1 || ids[0] != "MIT" {
		t.Errorf("findings %q, want [MIT]", ids)
	}
	if len(r.Copyrights) != 1 || !strings.HasPrefix(r.Copyrights[0].Text, "Copyright (c) 2020 Example Co.") || r.Copyrights[0].StartLine != 1 {
		t.Errorf("copyrights %+v, want one by Example Co. on line 1", r.Copyrights)
	}
}

// BenchmarkDetectMinified measures a 1 MB one-line bundle that says
// "licensed" throughout, the worst case for line-based windows.
func BenchmarkDetectMinified(b *testing.B) {
	text := minified(1<<20, 1<<19, "/*! Copyright (c) 2020 Example Co. | Released under the MIT License */")
	d := NewDetector()
	d.Analyze(text, ModeSource)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Analyze(text, ModeSource)
	}
}
