package pkginfo

import (
	"strings"

	"github.com/hengdev/heng/scanner/extractor/internal/weburl"
	"github.com/hengdev/heng/scanner/inventory"
)

// LinkKind returns which project link a Project-URL or [project.urls]
// label names: weburl.HomepageProperty for "Homepage" and "Home",
// weburl.RepositoryProperty for "Repository", "Source", "Source Code" and
// "GitHub", "" for the others. Case, spaces, "-", "_" and "." are
// ignored, as PEP 753 normalises labels ("Source-Code" is "Source Code").
func LinkKind(label string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(label) {
		switch c {
		case ' ', '\t', '-', '_', '.':
		default:
			b.WriteRune(c)
		}
	}
	switch b.String() {
	case "homepage", "home":
		return weburl.HomepageProperty
	case "repository", "source", "sourcecode", "github":
		return weburl.RepositoryProperty
	}
	return ""
}

// Links returns the metadata's "homepage" and "repository" properties:
// the first Project-URL labelled as each (see LinkKind) that is a URL
// weburl keeps, else, for the homepage, Home-page.
func (m *Metadata) Links() []inventory.Property {
	var home, repo string
	for _, v := range m.All("Project-URL") {
		label, u, ok := strings.Cut(v, ",")
		if !ok {
			continue
		}
		switch LinkKind(label) {
		case weburl.HomepageProperty:
			if home == "" {
				home = weburl.Homepage(u)
			}
		case weburl.RepositoryProperty:
			if repo == "" {
				repo = weburl.Repository(u)
			}
		}
	}
	if home == "" {
		home = weburl.Homepage(m.Get("Home-page"))
	}
	return weburl.Properties(home, repo)
}
