package classify

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
	"github.com/go-enry/go-enry/v2/regex"
	"github.com/google/go-cmp/cmp"
)

// handPaths are paths chosen by hand: the brief's examples, near misses of
// the rules, and odd strings.
var handPaths = []string{
	"", "/", "//", "a", "a/", "/a", "a//b", ".", "..", "./x", "../x",
	"a/vendor/b.js", "vendor/b.js", "vendor", "vendor/", "xvendor/b.js", "vendors/x", "Vendor/x",
	"VVendor/x", "a/VVVendor/b", "vendor/k8s.io/x/y.go", "vendor/github.com/a/b/c.go",
	"vendor/golang.org/x/sys/unix/zerrors_linux.go", "vendor/foo.in", "vendor/a.meta/x",
	"node_modules/x/index.js", "a/node_modules/", "node_modulesx/y", "xnode_modules/y",
	"third_party/x.c", "3rdparty/x", "Third-Party/x", "ThirdParty/y", "thirdparty", "3rd_party/",
	"docs/x.md", "doc/x.md", "Docs/", "a/docs/x.md", "docs", "doc/_build/x", "a/docs/_build/",
	"a/dasdocs/_build-vsdoc.js", "a/dasdocs/_build-vsdoc.j", "documentation/x", "a/Documentation/b",
	"README.md", "README", "a/README", "README/x", "READMEx", "Readme.txt", "readme", "xREADME",
	"a/README.md/b", "CHANGES", "CHANGELOG.md", "CHANGE", "CHANGELOGS", "a/CHANGES.d/b",
	"CONTRIBUTING.md", "COPYING", "COPYING.LIB", "INSTALL", "INSTALL.md", "LICENSE", "LICENCE",
	"License", "license.txt", "a/LICENSE/x", "LICENSE-MIT", "CITATION", "CITATION.cff",
	"CITATIONS.bib", "CITATION.md", "CITATION.x", "a/CITATION", "CITATION/", "inst/doc/x",
	"man/x.1", "Man/", "a/man/x", "examples/x.go", "a/examples/x.go", "Examples/", "demo/x",
	"demos/", "samples/x", "Sample/", "a/samples/x",
	"x/jquery-1.2.js", "jquery.js", "x/jquery/x.js", "jquery-1.7.2.min.js", "jquery-ui.js",
	"jquery.ui.core.js", "jquery-ui-1.8.16.custom.css", "jquery.effects.fade.js",
	"jquery.fileupload-ui.js", "jquery.dataTables.js", "jquery.dataTables.jsx/a",
	"jquery.validate.js", "jquery.validate.unobtrusive.js", "jquery.unobtrusive-ajax.js",
	"foo.min.js", "foo-min.css", "foo.min.jsx", "min.js", "a/.min.js", "foo.min.css/x",
	"cache/", "something_cache/", "random/cache/", "cache", "dependencies/", "Dependencies/",
	"dependency/", "dist/", "dist", "random/dist/", "random/dist", "deps/", "foodeps/",
	"configure", "a/configure", "configure/x", "config.guess", "config.guess/", "config.sub",
	".vscode/", "foo/bar", ".sublime-project", "foo/vendor/foo", "leaflet.draw-src.js",
	"foo/bar/MochiKit.js", "foo/bar/dojo.js", "foo/env/whatever", "some/python/venv/",
	"foo/.imageset/bar", "Vagrantfile", "custom.bootstrap.css", "src/bootstrap-custom.js",
	"/css/bootstrap.rtl.css", "bootstrap.x/y.js", "bootstrap/x.js", "a/bootstrap.min.css",
	"aclocal.m4", "a/aclocal.m4x", "aclocal.m4/x", "cpplint.pyc", "cpplint.py/x", "erlang.mk",
	"font-awesome/a/b.css", "fontawesome.less", "Bourbon/x/y.scss", "select2/a.js",
	"flow-typed/npm/x.js", "extjs/a/b.js", "extjs/.sencha/x", "tiny_mce/langs/x",
	"tiny_mce/langsx", "codemirror/2.3/lib/x", "CodeMirror/mode/x.js", "packages/foo.1.2/x",
	"Packages/a.1/", "packages/x/y", "d3.v3.min.js", "d3.js", "react-dom.js", "react.js",
	"a/react/x.js", "angular.min.js", "yui-min.js", "mootools-1.2.3-core.js", "prototype.js",
	"x.d.ts", "a/b.d.ts", ".d.ts", "x.d.tsx", "import.css", "a/ximport.less", "a b/import.css",
	"gradlew", "gradle/wrapper/x.jar", "mvnw.cmd", ".mvn/wrapper/x", ".github/workflows/x.yml",
	".gitignore", "a/.gitignore", ".gitattributes", ".gitmodules", ".DS_Store", "a/.ds_store",
	"Jenkinsfile", ".gitpod.Dockerfile", "rebar", "a/rebar", "debian/control", "a/debian/x",
	"Godeps/_workspace/x", "Godeps/Godeps.json", "testdata/x", "a/testdata/b", "testdatax/y",
	"run.n", "waf", "a/waf", ".osx", "_esy", "a/_esy", "fabfile.py", "proguard-rules.pro",
	"puphpet/x", ".google_apis/x", ".obsidian/x", ".teamcity/x", "xvba_modules/x",
	"MathJax/x.js", "ace-builds/x", "admin_media/x", "env/", "env", "x.xctemplate/y",
	"Carthage/Build/x", "Carthage/x", "Sparkle/x", "Realm.framework", "RealmSwift.framework/x",
	"inst/extdata/x", "octicons.css", "sprockets-octicons.scss", "html5shiv.js",
	"tests/fixtures/x", "spec/fixtures/x", "cordova.js", "cordova-2.1.0.js",
	"foundation.js", "foundation.min.js", "knockout-2.2.1.js", "knockout-2.2.1.debug.js",
	"modernizr-2.6.2.js", "modernizr.custom.12345.js", "MicrosoftAjax.js",
	"MicrosoftMvcValidation.debug.js", "x-vsdoc.js", "x.intellisense.js",
	".idea/workspace.xml", "a/.idea/x", "Pods/x", "a/Pods/x", "xPods/x", "Form1.Designer.cs",
	"x.designer.vb", "x.feature.cs", "Gopkg.lock", "a/glide.lock", "poetry.lock", "pdm.lock",
	"uv.lock", "esy.lock", "a/x.esy.lock", "esy/lock", "deno.lock", "npm-shrinkwrap.json",
	"package-lock.json", "pnpm-lock.yaml", ".pnp.js", "a/.pnp.cjs", ".pnp./x", "composer.lock",
	"x.zep.c", "/.zep.c", "Cargo.lock", "Cargo.toml.orig", "flake.lock", "MODULE.bazel.lock",
	"Pipfile.lock", ".terraform.lock.hcl", "__generated__/x.js", "x_TLB.pas", "htmlcov/x.html",
	".sqlx/query-abc.json", "a/.sqlx/query-x.json",
	// Unicode, case folding and invalid UTF-8.
	"vendór/x", "vendor/é.js", "Ünïcödé/README", "docs/日本語.md", "x/ſ.designer.cs",
	"x.DEſIGNER.CS", "x.designer.\u212Aa", "x.feature.Cſ", "\xff/vendor/x", "vendor\xff/x",
	"a/\xffREADME", "a/README\xff", "\xe2\x82/x.min.js", "x.min.js\xff", "a\x00b/vendor/c",
	"a\nvendor/x", "docs\n/x", "README\n", "x/\nREADME", "\u00a0README", "README\u00a0",
	"C:\\x\\vendor\\y.js", "a\\README", "a b/c d/README.md", "   /vendor/x",
}

// enryTestStrings returns the string literals of go-enry's own tests: the
// paths they check are the first examples of what the rules mean.
func enryTestStrings(t *testing.T) []string {
	t.Helper()
	dir := enryDir()
	if dir == "" {
		t.Log("go-enry's directory not found; its test paths are left out")
		return nil
	}
	lit := regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"`)
	var out []string
	for _, name := range []string{"utils_test.go", "common_test.go", "data/generated_test.go"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Logf("go-enry test file: %v", err)
			continue
		}
		for _, q := range lit.FindAllString(string(src), -1) {
			if s, err := strconv.Unquote(q); err == nil {
				out = append(out, s)
			}
		}
	}
	return out
}

// ruleSources are the regexps the path matcher is built from.
func ruleSources() []string {
	var srcs []string
	for _, re := range data.VendorMatchers {
		srcs = append(srcs, source(re))
	}
	for _, re := range data.DocumentationMatchers {
		srcs = append(srcs, source(re))
	}
	return append(srcs, generatedNameRules...)
}

// interesting are runes tried first where a pattern allows many: path
// separators, dots and the characters the rules care about.
var interesting = []rune{'/', '.', '-', '_', 'a', 'Z', '0', '7', ' ', 'é', 'ſ', '\u212A', unicode.ReplacementChar}

// sample returns a random string matching re, or nearly so: repeats are
// cut short, and classes pick among interesting runes first.
func sample(r *rand.Rand, re *syntax.Regexp) string {
	var b strings.Builder
	var walk func(*syntax.Regexp)
	pick := func(ok func(rune) bool, lo, hi rune) rune {
		for _, c := range interesting {
			if ok(c) && r.IntN(3) == 0 {
				return c
			}
		}
		return lo + rune(r.IntN(int(min(hi-lo, 300)+1)))
	}
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			for _, c := range re.Rune {
				if re.Flags&syntax.FoldCase != 0 && r.IntN(2) == 0 {
					c = unicode.SimpleFold(c)
				}
				b.WriteRune(c)
			}
		case syntax.OpCharClass:
			if len(re.Rune) == 0 {
				return
			}
			i := 2 * r.IntN(len(re.Rune)/2)
			lo, hi := re.Rune[i], re.Rune[i+1]
			b.WriteRune(pick(func(c rune) bool { return lo <= c && c <= hi }, lo, hi))
		case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			b.WriteRune(pick(func(c rune) bool { return true }, 'a', 'z'))
		case syntax.OpCapture:
			walk(re.Sub[0])
		case syntax.OpConcat:
			for _, s := range re.Sub {
				walk(s)
			}
		case syntax.OpAlternate:
			walk(re.Sub[r.IntN(len(re.Sub))])
		case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
			lo, hi := 0, 3
			switch re.Op {
			case syntax.OpPlus:
				lo = 1
			case syntax.OpQuest:
				hi = 1
			case syntax.OpRepeat:
				lo = re.Min
				if re.Max >= 0 {
					hi = re.Max
				} else {
					hi = re.Min + 2
				}
			}
			for n := lo + r.IntN(hi-lo+1); n > 0; n-- {
				walk(re.Sub[0])
			}
		}
	}
	walk(re)
	return b.String()
}

// pathCorpus returns the paths the equivalence tests compare on: the hand
// list, go-enry's test strings, samples of every rule in many contexts,
// random paths built from the rules' words, and, when trees is set, the
// file names of real trees.
func pathCorpus(t *testing.T, random int, trees bool) []string {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range handPaths {
		add(p)
	}
	for _, p := range enryTestStrings(t) {
		add(p)
	}

	prefixes := []string{"", "a/", "x/y/", "foo", "foo/", "/", "vendor/", "docs/", "é/"}
	suffixes := []string{"", "/", "/b.js", ".js", "x", "/c/d.go", ".md", ".", "/README"}
	words := map[string]bool{}
	wordRE := regexp.MustCompile(`[A-Za-z0-9_~-]+`)
	for _, src := range ruleSources() {
		for _, w := range wordRE.FindAllString(src, -1) {
			words[w] = true
		}
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		samples, contexts := 8, 6
		if !thorough() {
			samples, contexts = 3, 3
		}
		for range samples {
			s := sample(r, tree)
			add(s)
			for range contexts {
				add(prefixes[r.IntN(len(prefixes))] + s + suffixes[r.IntN(len(suffixes))])
			}
		}
	}
	for _, w := range []string{"a", "b", "x", "js", "css", "go", "md", "min", "README", "LICENSE",
		"vendor", "docs", "node_modules", "com", "org", "io", "é", "ſ", "\xff", " ", "Ⅻ"} {
		words[w] = true
	}
	wordList := make([]string, 0, len(words))
	for w := range words {
		wordList = append(wordList, w)
	}
	slices.Sort(wordList)
	seps := []string{"", ".", "-", "_", ".", "/"}
	for range random {
		var b strings.Builder
		if r.IntN(20) == 0 {
			b.WriteByte('/')
		}
		for seg := 1 + r.IntN(5); seg > 0; seg-- {
			for tok := 1 + r.IntN(3); tok > 0; tok-- {
				w := wordList[r.IntN(len(wordList))]
				switch r.IntN(8) {
				case 0:
					w = strings.ToUpper(w)
				case 1:
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if tok > 1 {
					b.WriteString(seps[r.IntN(len(seps))])
				}
			}
			if seg > 1 {
				b.WriteByte('/')
			}
		}
		if r.IntN(20) == 0 {
			b.WriteByte('/')
		}
		add(b.String())
	}

	roots := []string{goRootSrc(), benchTree()}
	if !trees {
		roots = nil
	}
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if rel, err := filepath.Rel(root, p); err == nil {
					add(filepath.ToSlash(rel))
				}
			}
			return nil
		})
	}
	return out
}

func randomPaths() int {
	if !thorough() {
		return 2000
	}
	return 40000
}

// TestPathRulesMatchEnry is the proof that the path matcher is exact: on
// every path of the corpus, its vendored, documentation and generated-name
// bits equal go-enry's answers.
func TestPathRulesMatchEnry(t *testing.T) {
	paths := pathCorpus(t, randomPaths(), thorough())
	t.Logf("%d paths", len(paths))
	c := New()
	// Twice, the second time in another order, so that both a cold and
	// a warm directory cache answer every path.
	passes := 2
	if !thorough() {
		passes = 1
	}
	for pass := range passes {
		if pass == 1 {
			rand.New(rand.NewPCG(3, 4)).Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
		}
		bad := 0
		for _, p := range paths {
			got := c.pathBits(p, strings.LastIndexByte(p, '/'), true)
			want := enryBits(p)
			if got != want {
				bad++
				if bad <= 20 {
					t.Errorf("pass %d: %q: got %s, enry %s", pass, p, bitNames(got), bitNames(want))
				}
			}
		}
		if bad > 0 {
			t.Errorf("pass %d: %d of %d paths differ", pass, bad, len(paths))
		}
	}
}

// enryBits is what go-enry says of p, in pathBits' terms.
func enryBits(p string) uint8 {
	var bits uint8
	if enry.IsVendor(p) {
		bits |= bitVendor
	}
	if enry.IsDocumentation(p) {
		bits |= bitDoc
	}
	for _, m := range data.GeneratedCodeNameMatchers {
		if m(p) {
			bits |= bitGenName
			break
		}
	}
	return bits
}

func bitNames(bits uint8) string {
	var names []string
	for _, b := range []struct {
		bit  uint8
		name string
	}{{bitVendor, "vendor"}, {bitDoc, "doc"}, {bitGenName, "generated-name"}} {
		if bits&b.bit != 0 {
			names = append(names, b.name)
		}
	}
	return "[" + strings.Join(names, ",") + "]"
}

// TestVendorMatchersAreFastVendorMatcher checks what the derivation relies
// on: enry.IsVendor runs data.FastVendorMatcher, and the rules are built
// from data.VendorMatchers, which must say the same.
func TestVendorMatchersAreFastVendorMatcher(t *testing.T) {
	if data.FastVendorMatcher == nil {
		t.Skip("go-enry has no FastVendorMatcher")
	}
	paths := handPaths
	if thorough() {
		paths = pathCorpus(t, 2000, false)
	}
	for _, p := range paths {
		anyRule := slices.ContainsFunc(data.VendorMatchers, func(re regex.EnryRegexp) bool { return re.MatchString(p) })
		if fast := data.FastVendorMatcher.MatchString(p); fast != anyRule {
			t.Errorf("%q: FastVendorMatcher %v, VendorMatchers %v", p, fast, anyRule)
		}
	}
}

// TestRuleKinds pins where the derivation puts typical rules, so that a
// change that silently sends every rule to the slow full-path list shows.
func TestRuleKinds(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want ruleKind
	}{
		{"dir-anchored", `(^|/)cache/`, kindDir},
		{"dir-begin", `^[Dd]ependencies/`, kindDir},
		{"dir-unanchored", `(3rd|[Tt]hird)[-_]?[Pp]arty/`, kindDir},
		{"dir-any-inside", `(^|/)[Pp]ackages\/.+\.\d+\/`, kindDir},
		{"base-end", `(^|/)configure$`, kindBase},
		{"base-begin-end", `^rebar$`, kindBase},
		{"base-unanchored", `(\.|-)min\.(js|css)$`, kindBase},
		{"base-fold", `(?i)\.designer\.(cs|vb)$`, kindBase},
		{"segment", `(^|/)README(\.|$)`, kindSegment},
		{"segment-open", `(^|/)cpplint\.py`, kindSegment},
		{"full-class-crosses", `(^|/)jquery([^.]*)\.js$`, kindFull},
		{"full-dot-crosses", `(^|/)slick\.\w+.js$`, kindFull},
		{"full-slash-inside", `(^|/)tiny_mce/(langs|plugins|themes|utils)`, kindFull},
		{"segment-begin-open", `^deps`, kindSegment},
		{"full-empty-rest", `(^|/)x?$`, kindFull},
		{"full-word-boundary", `\bvendor/`, kindFull},
		{"full-end-then-slash", `a$|b/`, kindFull},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := syntax.Parse(tt.src, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			if got := classifyRule(tree.Simplify()); got != tt.want {
				t.Errorf("classifyRule(%q) = %d, want %d", tt.src, got, tt.want)
			}
		})
	}
}

// TestGates checks the literal gates derived from a few regexps.
func TestGates(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		wantSubstrs  []string
		wantSuffixes []string
	}{
		{"literal", `(^|/)cache/`, []string{"cache/"}, nil},
		{"classes", `^[Dd]ocs?/`, []string{"Docs/", "Doc/", "docs/", "doc/"}, nil},
		{"plus", `(^|/)[Vv]+endor/`, []string{"endor/"}, nil},
		{"suffix", `(^|/)jquery([^.]*)\.js$`, []string{"jquery"}, []string{".js"}},
		{"alternation", `\.(js|css)$`, []string{".js", ".css"}, []string{".js", ".css"}},
		{"pruned-suffix", `(css|scss)$`, []string{"css"}, []string{"css"}},
		{"unpruned-suffix", `x(css|scss)$`, []string{"xcss", "xscss"}, []string{"xcss", "xscss"}},
		{"nothing", `.*`, nil, nil},
		{"fold-kelvin", `(?i)k$`, []string{"K", "k", "\u212A"}, []string{"K", "k", "\u212A"}},
		{"replacement-char", "\uFFFD$", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := syntax.Parse(tt.src, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			tree = tree.Simplify()
			sortedEq := cmp.Transformer("sort", func(s []string) []string {
				s = slices.Clone(s)
				slices.Sort(s)
				return s
			})
			if diff := cmp.Diff(tt.wantSubstrs, mustContain(tree, false), sortedEq); diff != "" {
				t.Errorf("mustContain(%q) (-want +got):\n%s", tt.src, diff)
			}
			if diff := cmp.Diff(tt.wantSuffixes, endSuffixes(tree), sortedEq); diff != "" {
				t.Errorf("endSuffixes(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestDirCacheSize checks that the cache holds one entry per directory.
func TestDirCacheSize(t *testing.T) {
	c := New()
	dirs := map[string]bool{}
	for _, p := range pathCorpus(t, 1000, false) {
		c.Classify(p, nil)
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			dirs[p[:i+1]] = true
		}
	}
	n := 0
	for i := range c.dirs.shards {
		n += len(c.dirs.shards[i].m)
	}
	if n != len(dirs) {
		t.Errorf("cache holds %d entries for %d directories", n, len(dirs))
	}
}

// TestMatcherOnTrickyRules runs the derivation on rules go-enry does not
// have (yet) but that break careless splitting: $ next to '/', anchors
// with empty rests, word boundaries, case folding, multi-line mode. Each
// rule's matcher must agree with the regexp itself on random paths.
func TestMatcherOnTrickyRules(t *testing.T) {
	srcs := []string{
		`a$|b/`, `(^|/)x?$`, `(^|/)$`, `^$`, `$`, `^`, `/`, `^/`, `//`, `/$`, `x/$`,
		`^deps`, `(^|/)foo(\.|$)`, `\bvendor/`, `vendor\b`, `\Bx/`, `(?i)k\.js$`,
		`(?i)vendor/`, `(^|/)a.b$`, `(?m)^a/`, `(?m)a$`, `[^/]+/`, `[^/]+$`, `.*`,
		`\.d\.ts$`, `(^|/)x(/|$)`, `(x|/y)$`, `(^|/)(a|b)+$`, `a(?:/|$)`, `^a/b$`,
		`(^|/)é/`, `ſ$`, "\uFFFD", `(^|/)\.?x`, `(^|\.)min\.js$`, `(^a|/a)/`,
		`(^|/)(x|$)`, `(^|/)(\.|$)?`, `^(a|$)`, `x(/|$)`, `(^|/)a(\.|$)`,
	}
	alphabet := []string{"a", "b", "x", "k", "K", "\u212A", "/", "/", ".", "-", "deps", "foo",
		"vendor", "y", "js", "d", "ts", "min", "\n", "é", "ſ", "\xff", " "}
	r := rand.New(rand.NewPCG(5, 6))
	paths := []string{""}
	for _, a := range alphabet {
		for _, b := range alphabet {
			paths = append(paths, a+b)
		}
	}
	n := 20000
	if !thorough() {
		n = 2000
	}
	for range n {
		var b strings.Builder
		for n := 1 + r.IntN(8); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		paths = append(paths, b.String())
	}
	for _, src := range srcs {
		t.Run(src, func(t *testing.T) {
			re := regexp.MustCompile(src)
			var m pathMatcher
			m.addRule(src, 1)
			cache := map[string]uint8{}
			for _, p := range paths {
				slash := strings.LastIndexByte(p, '/')
				var got uint8
				if slash >= 0 {
					d := p[:slash+1]
					b, ok := cache[d]
					if !ok {
						b = m.matchDir(d)
						cache[d] = b
					}
					got = b
				}
				got |= m.matchFile(p, slash, got)
				if want := re.MatchString(p); (got != 0) != want {
					t.Fatalf("%q on %q: matcher %v, regexp %v", src, p, got != 0, want)
				}
			}
		})
	}
}
