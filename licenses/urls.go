package licenses

import (
	"regexp"
	"strings"

	"github.com/google/licensecheck"
)

// urlRE finds web addresses in a window of text. It is only run on windows
// the prefilter chose, never on whole files.
var urlRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[a-z0-9][-a-z0-9_.]*\.[a-z]{2,}(?:/[-a-z0-9_.#?=~%+&:]*)*`)

// urlTable maps normalized license URLs to license ids.
func urlTable() map[string]string {
	m := map[string]string{}
	for _, l := range licensecheck.BuiltinLicenses() {
		if l.URL != "" && l.LRE == "" {
			m[normalizeURL(l.URL)] = l.ID
		}
	}
	return m
}

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
	return "", false
}
