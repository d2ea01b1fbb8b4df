package walk

import (
	"runtime"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// TestRuleMatch checks single paths against .gitignore contents. The
// answers are git's (checked with git check-ignore, and with git status
// where check-ignore reports a directory that git still enters, as for
// "a/**"). Paths are checked as given: the walk's pruning of ignored
// directories is not involved, which is why "tmp/a.go" is not ignored by
// "tmp" here.
func TestRuleMatch(t *testing.T) {
	tests := []struct {
		ignore string
		path   string
		isDir  bool
		want   bool
	}{
		// Names without a slash match the basename at any depth.
		{"*.log", "a.log", false, true},
		{"*.log", "x/y/a.log", false, true},
		{"*.log", "a.log.txt", false, false},
		{"tmp", "x/tmp", true, true},
		{"tmp", "tmp/a.go", false, false}, // the walk prunes tmp itself
		// A trailing slash: directories only.
		{"build/", "build", true, true},
		{"build/", "build", false, false},
		{"build/", "x/build", true, true},
		// A leading or inner slash anchors the pattern.
		{"/top", "top", false, true},
		{"/top", "x/top", false, false},
		{"docs/*.md", "docs/a.md", false, true},
		{"docs/*.md", "x/docs/a.md", false, false},
		{"docs/*.md", "docs/x/a.md", false, false}, // "*" does not cross "/"
		{"a/b", "a/b/c", false, false},             // no prefix match
		// "**".
		{"**/gen", "gen", true, true},
		{"**/gen", "x/y/gen", true, true},
		{"**/gen/*.go", "x/gen/a.go", false, true},
		{"a/**/z", "a/z", false, true},
		{"a/**/z", "a/b/c/z", false, true},
		{"a/**/z", "x/a/b/z", false, false},
		{"a/**/b/c", "a/b/x/b/c", false, true}, // needs backtracking
		{"a/**", "a", true, false},
		{"a/**", "a/b", false, true},
		{"a/**", "a/b/c", false, true},
		{"**", "anything/at/all", false, true},
		{"a**b", "axyb", false, true}, // "**" inside a name is "*"
		// Negation: the last matching rule wins.
		{"*.log\n!keep.log", "keep.log", false, false},
		{"*.log\n!keep.log", "x/keep.log", false, false},
		{"*.log\n!keep.log", "a.log", false, true},
		{"!keep.log\n*.log", "keep.log", false, true},
		{"*\n!*/", "sub/a.txt", false, true},
		{"*\n!*/", "sub", true, false},
		{"*.log\n!a/b", "a/b/c.log", false, true},
		// Comments, blanks, escapes, trailing spaces, CRLF.
		{"# comment", "# comment", false, false},
		{"\\#hash", "#hash", false, true},
		{"\\!bang", "!bang", false, true},
		{"a.txt   ", "a.txt", false, true},
		{"a\\ ", "a ", false, true},
		{"a\\ ", "a", false, false},
		{"a.txt\r", "a.txt", false, true},
		{"\xef\xbb\xbfbom.txt", "bom.txt", false, true},
		{"\\*", "*", false, true},
		{"\\*", "a", false, false},
		{"a\\?", "a?", false, true},
		{"a\\?", "ab", false, false},
		// Character classes, with git's "[!" negation.
		{"[abc].go", "b.go", false, true},
		{"[!abc].go", "b.go", false, false},
		{"[!abc].go", "d.go", false, true},
		{"[^abc].go", "d.go", false, true},
		{"[a-c]x", "bx", false, true},
		// Patterns that never match.
		{"a//b", "a/b", false, false},
		{"foo\\", "foo", false, false},
		{"[unclosed", "[unclosed", false, false},
		{"!", "!", false, false},
		{"/", "x", true, false},
	}
	for _, tt := range tests {
		m := gitignore.NewMatcher(parseIgnoreFile([]byte(tt.ignore), nil))
		if got := m.Match(strings.Split(tt.path, "/"), tt.isDir); got != tt.want {
			t.Errorf("%q: Match(%q, dir=%v) = %v, want %v", tt.ignore, tt.path, tt.isDir, got, tt.want)
		}
	}
}

// TestRuleDomain checks that rules from a nested .gitignore only apply
// below their directory, relative to it.
func TestRuleDomain(t *testing.T) {
	domain := []string{"sub", "dir"}
	m := gitignore.NewMatcher(parseIgnoreFile([]byte("*.tmp\n/anchored\nx/y\n"), domain))
	tests := []struct {
		path string
		want bool
	}{
		{"a.tmp", false},
		{"sub/a.tmp", false},
		{"sub/dir/a.tmp", true},
		{"sub/dir/deep/a.tmp", true},
		{"sub/dir", false}, // the directory itself is outside the domain
		{"sub/dir/anchored", true},
		{"sub/dir/deep/anchored", false},
		{"sub/dir/x/y", true},
		{"sub/x/y", false},
		{"other/dir/a.tmp", false},
	}
	for _, tt := range tests {
		if got := m.Match(strings.Split(tt.path, "/"), false); got != tt.want {
			t.Errorf("Match(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// TestIgnoreSetWith checks that deriving a set never changes its parent,
// even when the parent's slice has spare capacity.
func TestIgnoreSetWith(t *testing.T) {
	parent := (*ignoreSet)(nil).with(parseIgnoreFile([]byte("*.a\n*.b\n"), nil))
	if got := parent.with(nil); got != parent {
		t.Error("with(nil) did not share the parent's set")
	}
	c1 := parent.with(parseIgnoreFile([]byte("!x.a\n"), []string{"c1"}))
	c2 := parent.with(parseIgnoreFile([]byte("*.c\n"), []string{"c2"}))
	if len(parent.rules) != 2 || len(c1.rules) != 3 || len(c2.rules) != 3 {
		t.Fatalf("rule counts %d %d %d", len(parent.rules), len(c1.rules), len(c2.rules))
	}
	if c1.match([]string{"c1", "x.a"}, false) {
		t.Error("c1: x.a ignored despite !x.a")
	}
	if !c2.match([]string{"c2", "x.a"}, false) || !c2.match([]string{"c2", "y.c"}, false) {
		t.Error("c2 lost its rules")
	}
	var none *ignoreSet
	if none.match([]string{"a"}, false) {
		t.Error("nil set matched")
	}
}

func TestGlobSegment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*.go", "*.go"},
		{"a***b", "a*b"},
		{"[!a]", "[^a]"},
		{"[]a]", `[\]a]`},
		{`\ `, "[ ]"},
	}
	for _, tt := range tests {
		want := tt.want
		if tt.in == "[]a]" && runtime.GOOS == "windows" {
			continue // no escapes in classes on Windows
		}
		if got := globSegment(tt.in); got != want {
			t.Errorf("globSegment(%q) = %q, want %q", tt.in, got, want)
		}
	}
}
