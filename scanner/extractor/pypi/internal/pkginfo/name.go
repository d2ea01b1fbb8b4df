package pkginfo

import (
	"slices"
	"strings"

	"github.com/hengdev/heng/scanner/inventory"
)

// ValidName reports whether s is a valid Python project name (PEP 508):
// ASCII letters, digits, ".", "_" and "-", starting and ending with a
// letter or digit.
func ValidName(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// NormalizeName returns the PEP 503 normalised form of a project name:
// lower case, each run of "-", "_" and "." replaced by one "-".
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' || c == '_' || c == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Words that mark a group of dependencies, or a requirements file, as
// needed for development or for tests only.
var (
	devWords  = []string{"dev", "devel", "develop", "development", "doc", "docs", "lint", "linting", "typing"}
	testWords = []string{"test", "tests", "testing"}
)

// ScopeOfName returns the scope a name suggests ("requirements-dev",
// a dependency group "tests"): inventory.ScopeDev when one of its words
// (split at anything but letters and digits) is dev, devel, develop,
// development, doc, docs, lint, linting or typing; inventory.ScopeTest
// when one is test, tests or testing (dev wins when both are there: it
// is the wider); "" when the name does not tell. Words are compared
// without regard to case, and whole: "latest" is not "test".
func ScopeOfName(name string) string {
	scope := ""
	for w := range strings.FieldsFuncSeq(name, func(r rune) bool { return !isAlnumRune(r) }) {
		w = strings.ToLower(w)
		switch {
		case slices.Contains(devWords, w):
			return inventory.ScopeDev
		case slices.Contains(testWords, w):
			scope = inventory.ScopeTest
		}
	}
	return scope
}

func isAlnumRune(r rune) bool {
	return r < 0x80 && isAlnum(byte(r))
}

// DevGroupScope is the scope of a group of development dependencies
// (Poetry's and PDM's groups, uv's dev-dependencies, a Pipfile.lock
// category other than "default"): inventory.ScopeTest when its name says
// so (see ScopeOfName), inventory.ScopeDev otherwise.
func DevGroupScope(name string) string {
	if ScopeOfName(name) == inventory.ScopeTest {
		return inventory.ScopeTest
	}
	return inventory.ScopeDev
}
