package licenses

import (
	"bytes"
	_ "embed"
	"strings"

	"github.com/google/licensecheck"
)

// findURLs returns the [start, end) offsets of the web addresses in text:
// "http://...", "https://..." and "www....". It is run on the windows the
// prefilter chose, and costs little more than two bytes.Index passes.
func findURLs(text []byte) [][2]int {
	var out [][2]int
	for off := 0; off < len(text); {
		i := bytes.Index(text[off:], []byte("://"))
		if i < 0 {
			break
		}
		at := off + i
		off = at + 3
		start := at
		switch {
		case at >= 5 && bytes.EqualFold(text[at-5:at], []byte("https")):
			start = at - 5
		case at >= 4 && bytes.EqualFold(text[at-4:at], []byte("http")):
			start = at - 4
		default:
			continue
		}
		end := urlEnd(text, at+3)
		if end > at+3 {
			out = append(out, [2]int{start, end})
			off = end
		}
	}
	// Addresses written without a scheme.
	for off := 0; off < len(text); {
		i := bytes.Index(text[off:], []byte("www."))
		if i < 0 {
			break
		}
		at := off + i
		off = at + 4
		if at > 0 && (text[at-1] == '/' || isURLByte(text[at-1])) {
			continue // inside an address found above, or a longer word
		}
		if end := urlEnd(text, at); end > at+4 {
			out = append(out, [2]int{at, end})
			off = end
		}
	}
	return out
}

// urlEnd returns where the address starting at i ends: at the first byte
// that cannot be part of one, less trailing punctuation.
func urlEnd(text []byte, i int) int {
	for i < len(text) && isURLByte(text[i]) {
		i++
	}
	for i > 0 && strings.IndexByte(".,;:)!?'", text[i-1]) >= 0 {
		i--
	}
	return i
}

func isURLByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("-._~:/?#@!$&'*+,;=%", c) >= 0
}

//go:embed data/urls.txt
var urlData string

// urlTable maps normalized license URLs to license ids: licensecheck's
// table, and heng's own (data/urls.txt: "URL ID" lines, # comments).
func urlTable() map[string]string {
	m := map[string]string{}
	for _, l := range licensecheck.BuiltinLicenses() {
		if l.URL != "" && l.LRE == "" {
			m[normalizeURL(l.URL)] = l.ID
		}
	}
	for _, line := range strings.Split(urlData, "\n") {
		if f := strings.Fields(line); len(f) == 2 && !strings.HasPrefix(f[0], "#") {
			m[normalizeURL(f[0])] = f[1]
		}
	}
	return m
}

// spdxURLPrefixes are sites whose license pages are named by SPDX id:
// spdx.org/licenses/MIT.html, opensource.org/licenses/Apache-2.0,
// opensource.org/license/mit.
var spdxURLPrefixes = []string{"spdx.org/licenses/", "opensource.org/licenses/", "opensource.org/license/"}

// normalizeURL reduces a license URL to a lookup key: no scheme, no "www.",
// lower case, no trailing slash, punctuation or "/legalcode", no ".html"
// or ".txt" extension.
func normalizeURL(u string) string {
	u = strings.ToLower(u)
	u = strings.TrimPrefix(u, "http://")
	u = strings.TrimPrefix(u, "https://")
	u = strings.TrimPrefix(u, "www.")
	u = strings.TrimRight(u, ".,;:)/#")
	u = strings.TrimSuffix(u, "/legalcode")
	for _, ext := range []string{".html", ".htm", ".txt", ".php", ".md"} {
		u = strings.TrimSuffix(u, ext)
	}
	return strings.TrimRight(u, "/")
}

// lookupURL returns the license a URL names, trying it as written and
// without its last path element (creativecommons.org/licenses/by/3.0/us
// names CC-BY-3.0).
func (d *Detector) lookupURL(raw string) (string, bool) {
	u := normalizeURL(raw)
	if id, ok := d.urls[u]; ok {
		return id, true
	}
	if i := strings.LastIndexByte(u, '/'); i > 0 {
		if id, ok := d.urls[u[:i]]; ok {
			return id, true
		}
	}
	for _, p := range spdxURLPrefixes {
		if rest, ok := strings.CutPrefix(u, p); ok {
			lics, _ := spdxIDs()
			if id, ok := lics[strings.TrimSuffix(rest, ".json")]; ok {
				return id, true
			}
		}
	}
	return "", false
}
