// Package weburl normalises the project links manifests state, the
// project's web page and its source repository, into the "homepage" and
// "repository" properties the extractors record (CycloneDX writes them
// as externalReferences of type website and vcs).
//
// Only absolute URLs are kept: http and https for both, and for
// repositories also git://, ssh:// and scp-like git@host:path addresses.
// A leading "git+" ("git+https://...", "git+ssh://...") is stripped, as
// npm strips it; the rest is kept as written, without fetching or
// canonicalising anything. Anything else (relative paths, "UNKNOWN",
// mailto:, file:, values with spaces) gives "".
package weburl

import (
	"net/url"
	"strings"

	"github.com/hengdev/heng/scanner/inventory"
)

// Property names.
const (
	// HomepageProperty is the property holding the project's web page.
	HomepageProperty = "homepage"
	// RepositoryProperty is the property holding the project's source
	// repository.
	RepositoryProperty = "repository"
)

// maxLen bounds the values kept: a link longer than this is not one.
const maxLen = 2048

// Homepage returns s, trimmed, when it is an absolute http(s) URL, and ""
// otherwise.
func Homepage(s string) string {
	s = strings.TrimSpace(s)
	if isHTTP(s) {
		return s
	}
	return ""
}

// Repository returns s, trimmed and without a leading "git+", when it is
// an absolute http(s) URL or a git URL (git://, ssh://, git@host:path),
// and "" otherwise.
func Repository(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "git+")
	if isHTTP(s) || isGit(s) {
		return s
	}
	return ""
}

// hosts are the hosts of npm's repository shorthands.
var hosts = map[string]string{
	"github":    "https://github.com/",
	"gitlab":    "https://gitlab.com/",
	"bitbucket": "https://bitbucket.org/",
}

// NPMRepository reads a repository as npm and ohpm write it: the
// shorthands "github:user/repo", "gitlab:user/repo", "bitbucket:user/repo"
// and "user/repo" (GitHub) become https URLs of the repository (a
// "#committish" after them is dropped), anything else is read as by
// Repository.
func NPMRepository(s string) string {
	s = strings.TrimSpace(s)
	host, rest := "https://github.com/", s
	if h, r, ok := strings.Cut(s, ":"); ok {
		base, known := hosts[h]
		if !known {
			return Repository(s)
		}
		host, rest = base, r
	}
	rest, _, _ = strings.Cut(rest, "#")
	user, repo, ok := strings.Cut(rest, "/")
	if !ok || !shortElem(user) || !shortElem(repo) {
		return Repository(s)
	}
	return host + user + "/" + repo
}

// shortElem reports whether e can be a user or repository name in a
// shorthand.
func shortElem(e string) bool {
	if e == "" || e == "." || e == ".." || len(e) > 100 {
		return false
	}
	for _, c := range e {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// Properties returns the homepage and repository properties for the
// values given, already normalised (empty values are left out).
func Properties(homepage, repository string) []inventory.Property {
	var ps []inventory.Property
	if homepage != "" {
		ps = append(ps, inventory.Property{Name: HomepageProperty, Value: homepage})
	}
	if repository != "" {
		ps = append(ps, inventory.Property{Name: RepositoryProperty, Value: repository})
	}
	return ps
}

// isHTTP reports whether s is an absolute http or https URL with a host.
func isHTTP(s string) bool {
	if !plain(s) {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}

// isGit reports whether s is a git://, ssh:// or git@host:path address.
func isGit(s string) bool {
	if !plain(s) {
		return false
	}
	if rest, ok := strings.CutPrefix(s, "git@"); ok {
		host, p, ok := strings.Cut(rest, ":")
		return ok && host != "" && !strings.ContainsAny(host, "/@") && p != ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	return u.Scheme == "git" || u.Scheme == "ssh"
}

// plain reports whether s is short and free of spaces and control
// characters, as a link in a manifest is.
func plain(s string) bool {
	if s == "" || len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] == 0x7f {
			return false
		}
	}
	return true
}
