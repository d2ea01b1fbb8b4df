package classify

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
)

// enry.IsGenerated(path, content) is: the extension is one of
// data.GeneratedCodeExtensions, or one of data.GeneratedCodeNameMatchers
// matches the path, or one of data.GeneratedCodeMatchers matches the
// content. Measured on a vendored Go tree, the name matchers cost the most:
// a dozen regexps starting with (^|/) run over every path at several
// microseconds each. Next comes the Go matcher, which splits the first 40
// lines of every .go file into a fresh slice.
//
// The name matchers are opaque functions, so generatedNameRules restates
// them as regexps (go-enry v2.9.6, data/generated.go) for the pathMatcher,
// which answers the same at a fraction of the cost. The content matchers
// each begin by testing the extension; only three of them can fire on a
// .go file and only one (the source-map header) on files with an extension
// none of them handles, so those cases run restated checks and every other
// extension runs go-enry's own matchers. TestGeneratedMatchesEnry compares
// the result with enry.IsGenerated, and fastGenerated turns all of this off
// (falling back to enry.IsGenerated) if go-enry's lists change length.

// generatedNameRules are regexps equivalent to go-enry's
// data.GeneratedCodeNameMatchers, in the same order. nameContains(s)
// becomes QuoteMeta(s) and nameEndsWith(s) QuoteMeta(s)+"$".
var generatedNameRules = []string{
	`(?:^|/)\.idea/`,           // IntelliJ IDEA project
	`(^Pods|/Pods)/`,           // CocoaPods
	`(^|/)Carthage/Build/`,     // Carthage build
	`(?i)\.designer\.(cs|vb)$`, // .NET designer file
	`(?i)\.feature\.cs$`,       // SpecFlow feature file
	contains("node_modules/"),  // Node modules
	// Go vendor: vendor/<domain>/..., which makes every vendored Go
	// file generated in go-enry's eyes.
	`vendor/([-0-9A-Za-z]+\.)+(com|edu|gov|in|me|net|org|fm|io)`,
	endsWith("Gopkg.lock"),            // dep
	endsWith("glide.lock"),            // Glide
	endsWith("poetry.lock"),           // Poetry
	endsWith("pdm.lock"),              // PDM
	endsWith("uv.lock"),               // uv
	`(^|/)(\w+\.)?esy.lock$`,          // esy
	endsWith("deno.lock"),             // Deno
	endsWith("npm-shrinkwrap.json"),   // npm shrinkwrap
	endsWith("package-lock.json"),     // npm
	endsWith("pnpm-lock.yaml"),        // pnpm
	`(^|/)\.pnp\..*$`,                 // Yarn Plug'n'Play
	contains("Godeps/"),               // Godeps
	endsWith("composer.lock"),         // Composer
	`.\.zep\.(?:c|h|php)$`,            // Zephir output
	endsWith("Cargo.lock"),            // Cargo
	endsWith("Cargo.toml.orig"),       // Cargo's copy of the original manifest
	`(^|/)flake\.lock$`,               // Nix flakes
	`(^|/)MODULE\.bazel\.lock$`,       // Bazel Bzlmod
	endsWith("Pipfile.lock"),          // Pipenv
	`(?:^|/)\.terraform\.lock\.hcl$`,  // Terraform
	contains("__generated__/"),        // GraphQL Relay
	`(?i)_tlb\.pas$`,                  // Delphi type library
	`(?:^|/)htmlcov/`,                 // coverage.py HTML report
	`(?:^|.*/)\.sqlx/query-.+\.json$`, // SQLx query cache
}

// dependencyTreeRules are the generated-name rules that fire for every file
// in a tree of installed or vendored dependencies. Linguist counts those as
// generated to hide them from diffs; for a license scan they are
// third-party code, and the vendored tag says so. Classify does not call a
// vendored file generated on their account alone.
var dependencyTreeRules = map[string]bool{
	`(^Pods|/Pods)/`:          true,
	`(^|/)Carthage/Build/`:    true,
	contains("node_modules/"): true,
	`vendor/([-0-9A-Za-z]+\.)+(com|edu|gov|in|me|net|org|fm|io)`: true,
	contains("Godeps/"): true,
}

func contains(s string) string { return regexp.QuoteMeta(s) }
func endsWith(s string) string { return regexp.QuoteMeta(s) + "$" }

// enryContentMatchers is the length of data.GeneratedCodeMatchers this file
// was written against.
const enryContentMatchers = 31

// fastGenerated says whether go-enry's generated-code lists are the ones
// restated here.
var fastGenerated = len(data.GeneratedCodeNameMatchers) == len(generatedNameRules) &&
	len(data.GeneratedCodeMatchers) == enryContentMatchers

// contentMatcherExts are the extensions that some content matcher of go-enry
// other than the source-map one looks at (each starts by testing ext, or
// for the ppport.h check the name, which implies ".h").
var contentMatcherExts = map[string]bool{
	".js": true, ".css": true, ".xml": true, ".ps": true, ".eps": true, ".pfa": true,
	".go": true, ".proto": true, ".py": true, ".java": true, ".h": true, ".cc": true,
	".cpp": true, ".m": true, ".rb": true, ".php": true, ".yml": true, ".c": true,
	".mod": true, ".meta": true, ".rd": true, ".hpp": true, ".dart": true, ".yy": true,
	".yyp": true, ".dsp": true, ".lua": true, ".cs": true, ".html": true, ".htm": true,
	".xhtml": true,
}

// generatedByExt reports whether the extension alone makes a file
// generated (Xcode's .nib and friends). ext is lower case.
func generatedByExt(ext string) bool {
	_, ok := data.GeneratedCodeExtensions[ext]
	return ok
}

// generatedByContent is the content half of enry.IsGenerated. ext is the
// lower-cased extension of base, the base name of path.
func generatedByContent(path, base, ext string, content []byte) bool {
	switch {
	case ext == ".go":
		// Of go-enry's content matchers only the source-map, Go and
		// Thrift ones accept ".go".
		return sourceMapHeader(content) || goGenerated(content) || thriftGenerated(content)
	case contentMatcherExts[ext]:
		lower := strings.ToLower(path)
		for _, m := range data.GeneratedCodeMatchers {
			if m(lower, ext, content) {
				return true
			}
		}
		return false
	default:
		// Only the source-map matcher applies: by name (which implies
		// the extension ".map") or by its first line.
		if ext == ".map" {
			lb := strings.ToLower(base)
			if strings.HasSuffix(lb, ".js.map") || strings.HasSuffix(lb, ".css.map") {
				return true
			}
		}
		return sourceMapHeader(content)
	}
}

// sourceMapHeader is go-enry's first-line test for source maps: the line
// matches ^{"version":\d+, or ^/\*\* Begin line maps\. \*\*/{.
func sourceMapHeader(content []byte) bool {
	line := content
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if rest, ok := bytes.CutPrefix(line, []byte(`{"version":`)); ok {
		n := 0
		for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		return n > 0 && n < len(rest) && rest[n] == ','
	}
	return bytes.HasPrefix(line, []byte(`/** Begin line maps. **/{`))
}

// goGenerated is go-enry's Go test: the file has at least two lines and one
// of the first 40 contains "Code generated by". The marker holds no
// newline, so searching the span of those lines at once finds the same
// thing as searching each line, without building the slice of lines.
func goGenerated(content []byte) bool {
	end, lines := firstLines(content, 40)
	return lines > 1 && bytes.Contains(content[:end], []byte("Code generated by"))
}

// thriftGenerated is go-enry's Thrift test: one of the first six lines
// contains "Autogenerated by Thrift Compiler".
func thriftGenerated(content []byte) bool {
	end, _ := firstLines(content, 6)
	return bytes.Contains(content[:end], []byte("Autogenerated by Thrift Compiler"))
}

// firstLines returns the end of the n-th line of content (the index of its
// newline, or len(content)) and how many lines there are up to it, counted
// the way go-enry's getLines does: a final newline starts no new line.
func firstLines(content []byte, n int) (end, lines int) {
	pos := 0
	for pos < len(content) && lines < n {
		nl := bytes.IndexByte(content[pos:], '\n')
		if nl < 0 {
			nl = len(content)
		} else {
			nl += pos
		}
		lines++
		end = nl
		pos = nl + 1
	}
	return end, lines
}

// isGeneratedSlow is the reference used when go-enry's lists do not have
// the expected shape.
func isGeneratedSlow(path string, content []byte) bool {
	return enry.IsGenerated(path, content)
}
