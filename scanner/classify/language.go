package classify

import (
	"bytes"
	"slices"
	"strings"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
)

// classifierLimit is how much content the Bayesian classifier sees.
// go-enry tokenizes up to 100 kB with a dozen regexps, about half a
// microsecond per byte: on the vendored Go tree of the benchmarks the 44
// assembly files that reach the classifier cost more than the 5,000 other
// files together (40 µs a file on average with 16 KiB, 13 µs with 4 KiB).
// The first 4 KiB are enough to tell apart the few candidates an extension
// leaves in nearly every case: over $GOROOT/src and that tree, agreement
// with enry.GetLanguage goes from 99.84% (16 KiB) to 99.70% (4 KiB), all
// of the difference in assembly dialects (.s: Assembly, Unix Assembly,
// Motorola 68K Assembly).
const classifierLimit = 4 << 10

// language returns go-enry's language for a file whose base name is base.
//
// The strategies are go-enry's, in a cheaper order: the file name and the
// extension first, content only when they leave no candidate or several.
// enry.GetLanguage runs the modeline and shebang strategies before the
// extension, on every file, and they cost more than everything else here
// put together. The answers differ from enry.GetLanguage only when:
//
//   - a modeline or shebang names another language than a file's unique
//     filename/extension match (a .sh script whose shebang runs python, a
//     .c file whose modeline says python): enry follows the content, we
//     follow the name;
//   - a modeline or shebang names a language that is not among the
//     extension's candidates (a .ts file run by node): enry takes it, we
//     ignore it and let the heuristics choose among the candidates;
//   - the classifier decides and the file is larger than classifierLimit:
//     it sees the first 4 KiB instead of 100 kB;
//   - the content is binary: enry returns "", we keep a unique
//     filename/extension match (a .go file holding a NUL is still Go) and
//     return "" when the name is ambiguous;
//   - the content is empty or blank and the candidates have equal priors:
//     enry's classifier picks one at random (map order), we pick the
//     first.
//
// With content == nil the answer is otherwise exactly
// enry.GetLanguage(path, nil).
func language(path, base string, content []byte, binary bool) string {
	name := base
	if name == "" {
		// Not a file path, but answer as go-enry does: its file name is
		// filepath.Base, which drops trailing slashes, while its
		// extension is taken from the whole string.
		name = strings.TrimRight(path, "/")
		name = name[strings.LastIndexByte(name, '/')+1:]
	}
	cands := data.LanguagesByFilename[name]
	if len(cands) == 0 {
		// The base name has the same extensions as the path: a dot in a
		// directory name yields a key with a '/', which no extension has
		// (checked by TestExtensionKeysHaveNoSlash).
		cands = enry.GetLanguagesByExtension(base, nil, nil)
	}
	if len(cands) == 1 {
		return cands[0]
	}
	if binary {
		return ""
	}

	// enry runs the modeline before the shebang, so do we: the two only
	// disagree on files that carry both.
	if maybeModeline(content) {
		if l := enry.GetLanguagesByModeline("", content, nil); len(l) == 1 &&
			(len(cands) == 0 || slices.Contains(cands, l[0])) {
			return l[0]
		}
	}
	if hasShebang(content) {
		sh := enry.GetLanguagesByShebang("", content, nil)
		switch {
		case len(sh) == 1 && (len(cands) == 0 || slices.Contains(cands, sh[0])):
			return sh[0]
		case len(sh) > 1 && len(cands) == 0:
			cands = sh
		}
	}
	if len(cands) == 0 && hasXMLHeader(content) {
		return "XML"
	}
	// go-enry's manpage rule replaces the candidates of names like
	// "foo.3" or "bar.1in". Its regexp is anchored at the end and never
	// crosses a '/', so the base name is enough.
	if m := enry.GetLanguagesByManpage(base, nil, nil); len(m) > 0 {
		cands = m
	}
	if len(cands) == 0 {
		// Never run the classifier without candidates: it would pick one
		// of hundreds of languages for any README or data file.
		return ""
	}
	ext := ""
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		ext = strings.ToLower(base[i:])
	}
	if h := languagesByContent(path, ext, content); len(h) == 1 {
		return h[0]
	} else if len(h) > 1 {
		cands = h
	}
	if len(bytes.TrimSpace(content)) == 0 {
		// No tokens: the classifier ranks by prior probability alone, and
		// go-enry orders equal priors by map iteration, at random. Rank
		// here, keeping the first of equals.
		return byPrior(cands)
	}
	if len(content) > classifierLimit {
		content = content[:classifierLimit]
	}
	if ranked := enry.GetLanguagesByClassifier(path, content, cands); len(ranked) > 0 {
		return ranked[0]
	}
	return cands[0]
}

// byPrior returns the candidate the classifier rates most likely with no
// content, or the first candidate when it knows none of them.
func byPrior(cands []string) string {
	best, bestP := cands[0], 0.0
	found := false
	for _, l := range cands {
		if p, ok := data.LanguagesLogProbabilities[l]; ok && (!found || p > bestP) {
			best, bestP, found = l, p, true
		}
	}
	return best
}

// maxModelineScope bounds the bytes searched for a modeline.
const maxModelineScope = 16 << 10

// hasXMLHeader is go-enry's XML strategy without its regexp: the pattern
// `<?xml version=` (where '<' is optional) on the first two lines is a
// substring test.
func hasXMLHeader(content []byte) bool {
	end, _ := firstLines(content, 2)
	return bytes.Contains(content[:end], []byte("xml version="))
}

func hasShebang(content []byte) bool {
	return len(content) >= 2 && content[0] == '#' && content[1] == '!'
}

// maybeModeline reports whether go-enry's modeline strategy could find a
// language in content. It looks for what its regexps require, in the same
// bytes they search (the first and last five lines of longer files), so it
// only ever skips calls that would have found nothing. Emacs modelines need
// "-*-"; Vim ones need "vi" or "ex", then ':', and "ft=", "syntax=" or
// "filetype=" for a language, so '='.
//
// One deliberate difference: when those bytes exceed maxModelineScope (the
// one long line of a minified bundle or a source map), it reports false
// without looking. go-enry would run its regexps over megabytes of such a
// line, where editors look for modelines in short lines only.
func maybeModeline(content []byte) bool {
	if len(content) == 0 {
		return false
	}
	head, foot := headAndFoot(content)
	if len(head)+len(foot) > maxModelineScope {
		return false
	}
	// What straddles the junction of head and foot, which go-enry joins
	// into one buffer: up to two bytes on each side for "-*-".
	var junction []byte
	if foot != nil {
		var buf [4]byte
		j := append(buf[:0], head[max(0, len(head)-2):]...)
		junction = append(j, foot[:min(2, len(foot))]...)
	}
	has := func(s string) bool {
		return bytes.Contains(head, []byte(s)) || bytes.Contains(foot, []byte(s)) ||
			bytes.Contains(junction, []byte(s))
	}
	if has("-*-") {
		return true
	}
	return (has("vi") || has("ex")) && has(":") && has("=")
}

// headAndFoot returns the bytes go-enry's modeline strategy searches:
// content itself when it has fewer than ten newlines (foot is then nil),
// else the text before the fifth newline and after the fifth-to-last one.
func headAndFoot(content []byte) (head, foot []byte) {
	const scope = 5
	if bytes.Count(content, []byte{'\n'}) < 2*scope {
		return content, nil
	}
	h := -1
	for range scope {
		h += 1 + bytes.IndexByte(content[h+1:], '\n')
	}
	f := len(content)
	for range scope {
		f = bytes.LastIndexByte(content[:f], '\n')
	}
	return content[:h], content[f+1:]
}
