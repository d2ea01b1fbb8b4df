package classify

import (
	"math/rand/v2"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
	"github.com/google/go-cmp/cmp"
)

// heuristicSources returns the regexp sources of the rebuilt content
// heuristics of ext.
func heuristicSources(t *testing.T, ext string) []string {
	t.Helper()
	fh := heuristicsFor(ext)
	if fh == nil {
		t.Errorf("rules for %q could not be rebuilt", ext)
		return nil
	}
	var srcs []string
	var walk func(*heurNode)
	walk = func(n *heurNode) {
		if n.kind == heurRegexp && n.re != nil {
			srcs = append(srcs, n.re.String())
		}
		for _, s := range n.subs {
			walk(s)
		}
	}
	for _, r := range fh.rules {
		walk(r)
	}
	return srcs
}

// TestHeuristicsMatchEnry is the proof that the gated heuristics answer as
// go-enry's: for every extension with rules, on contents made of samples
// of every heuristic regexp (so that each rule fires somewhere) and on real
// files.
func TestHeuristicsMatchEnry(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	var exts []string
	for ext := range data.ContentHeuristics {
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	check := func(path string, content []byte) {
		t.Helper()
		ext := strings.ToLower(filepath.Ext(path))
		got := languagesByContent(path, ext, content)
		want := enry.GetLanguagesByContent(path, content, nil)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s with %.60q (-enry +ours):\n%s", path, content, diff)
		}
	}
	fillers := []string{"", "\n", "x\n", "  ", "\n\n// c\n", "\t", "é ſ K \xff\n"}
	var all [][]byte
	crafted := 0
	for _, ext := range exts {
		// Samples of the extension's own regexps, alone, padded and in
		// other cases, then pairs of them for And and Not rules.
		var contents [][]byte
		for _, src := range heuristicSources(t, ext) {
			tree, err := syntax.Parse(src, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			for range 4 {
				s := sample(r, tree)
				contents = append(contents, []byte(s),
					[]byte(fillers[r.IntN(len(fillers))]+s+fillers[r.IntN(len(fillers))]),
					[]byte(strings.ToUpper(s)), []byte(strings.ToLower(s)))
			}
		}
		for range len(contents) {
			a, b := contents[r.IntN(len(contents))], contents[r.IntN(len(contents))]
			contents = append(contents, slices.Concat(a, []byte("\n"), b))
		}
		// And a few contents meant for other extensions.
		for range min(20, len(all)) {
			contents = append(contents, all[r.IntN(len(all))])
		}
		contents = append(contents, nil, []byte{})
		for _, c := range contents {
			check("f"+ext, c)
		}
		crafted += len(contents)
		all = append(all, contents...)
	}
	n := 0
	var roots []string
	if thorough() {
		roots = []string{benchTree(), goRootSrc()}
	}
	for _, root := range roots {
		for _, f := range readTree(t, root, 256<<10) {
			if _, ok := data.ContentHeuristics[strings.ToLower(filepath.Ext(f.path))]; ok {
				check(f.path, f.content)
				n++
			}
		}
	}
	t.Logf("%d extensions, %d crafted contents, %d real files", len(exts), crafted, n)
}

func TestRequiredClauses(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want [][][]string
	}{
		{"alternation", `(?im)\bmoveq\s+#x|^\s*btst\b`, [][][]string{{{"MOVEQ"}, {"#X"}, {"\t", "\n", "\f", "\r", " "}}, {{"BTST"}}}},
		{"fold-kelvin", `(?i)kit`, [][][]string{{{"KIT"}}}},
		{"class-folds", `[Mm]ov[lq]?\s+[%$]`, [][][]string{{{"MOV"}, {"$", "%"}, {"\t", "\n", "\f", "\r", " "}}}},
		{"optional-branch", `a|b?`, nil},
		{"star", `x*`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := syntax.Parse(tt.src, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			got := requiredClauses(tree.Simplify(), true)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("requiredClauses(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}
