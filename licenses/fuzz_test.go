package licenses

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hengdev/heng/licenses/internal/index"
)

// FuzzDetect feeds arbitrary text to the detector. Property: no panic,
// findings inside the text, ordered, with sane lines and percentages.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{k8sHeader, gpl2Header, bsd3InC, "// SPDX-License-Identifier: (MIT OR", "Copyright \xff\xfe licen", "\ufeffLICENSE\r\n", "https://opensource.org/licenses/MIT www."} {
		f.Add([]byte(s), false)
	}
	d := NewDetector()
	f.Fuzz(func(t *testing.T, text []byte, whole bool) {
		mode := ModeSource
		if whole {
			mode = ModeLicenseFile
		}
		found, err := d.Detect(text, mode)
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(text, []byte("\n")) + 1
		prev := 0
		for _, fd := range found {
			if fd.Start < prev || fd.Start > fd.End || fd.End > len(text) {
				t.Fatalf("bad offsets %d-%d (prev %d, len %d): %+v", fd.Start, fd.End, prev, len(text), fd)
			}
			prev = fd.Start
			if fd.StartLine < 1 || fd.EndLine < fd.StartLine || fd.EndLine > lines {
				t.Fatalf("bad lines %d-%d of %d: %+v", fd.StartLine, fd.EndLine, lines, fd)
			}
			if fd.Percent <= 0 || fd.Percent > 100 {
				t.Fatalf("bad percent %v: %+v", fd.Percent, fd)
			}
			if (fd.ID == "" && fd.Expression == "") != (fd.Error != "") {
				t.Fatalf("a finding names a license or says why not: %+v", fd)
			}
		}
	})
}

// FuzzCanonicalExpression: no panic, and a canonical expression is its own
// canonical form.
func FuzzCanonicalExpression(f *testing.F) {
	for _, s := range []string{"MIT", "mit or apache-2.0", "(GPL-2.0+ WITH Classpath-exception-2.0) AND LicenseRef-x", "DocumentRef-a:LicenseRef-b", "((", "MIT AND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		canon, single, err := CanonicalExpression(s)
		if err != nil {
			return
		}
		again, single2, err := CanonicalExpression(canon)
		if err != nil || again != canon || single != single2 {
			t.Fatalf("CanonicalExpression(%q) = %q; of that: %q, %v", s, canon, again, err)
		}
	})
}

// FuzzFindURLs: no panic; every address lies in the text and starts with a
// scheme or www.
func FuzzFindURLs(f *testing.F) {
	f.Add([]byte("see https://opensource.org/licenses/MIT. and www.gnu.org/licenses/"))
	f.Add([]byte("http://"))
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, loc := range findURLs(text) {
			if loc[0] < 0 || loc[0] >= loc[1] || loc[1] > len(text) {
				t.Fatalf("bad range %v in %q", loc, text)
			}
			u := strings.ToLower(string(text[loc[0]:loc[1]]))
			if !strings.HasPrefix(u, "http") && !strings.HasPrefix(u, "www.") {
				t.Fatalf("found %q", u)
			}
		}
	})
}

// FuzzWords: the tokenizer yields ordered, non-empty, in-range words.
func FuzzWords(f *testing.F) {
	f.Add([]byte("Copyright (c) © 2024 <b>Foo</b> &copy; notice(s) https://x.org"))
	f.Fuzz(func(t *testing.T, text []byte) {
		prev := 0
		index.ForEachWord(text, func(w []byte, lo, hi int) {
			if len(w) == 0 || lo < prev || lo >= hi || hi > len(text) {
				t.Fatalf("word %q at %d-%d (prev %d, len %d)", w, lo, hi, prev, len(text))
			}
			prev = hi
		})
	})
}
