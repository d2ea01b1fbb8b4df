package pkginfo

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/inventory"
)

func TestLinks(t *testing.T) {
	tests := []struct {
		name, meta string
		want       []inventory.Property
	}{
		{"none", "Name: x\nVersion: 1\n", nil},
		{"home_page", "Name: x\nHome-page: https://x.example/\n", []inventory.Property{{Name: "homepage", Value: "https://x.example/"}}},
		{"project_url_wins", "Name: x\nHome-page: https://old.example/\nProject-URL: Homepage, https://new.example/\nProject-URL: Source Code, git+https://github.com/u/x.git\n",
			[]inventory.Property{{Name: "homepage", Value: "https://new.example/"}, {Name: "repository", Value: "https://github.com/u/x.git"}}},
		{"labels_case_insensitive", "Name: x\nProject-URL: REPOSITORY, https://github.com/u/x\nProject-URL: documentation, https://docs.example/\n",
			[]inventory.Property{{Name: "repository", Value: "https://github.com/u/x"}}},
		{"bad_values_ignored", "Name: x\nHome-page: UNKNOWN\nProject-URL: Source, ../x\nProject-URL: Homepage\n", nil},
		{"bad_project_url_falls_back", "Name: x\nHome-page: https://x.example/\nProject-URL: Homepage, UNKNOWN\n",
			[]inventory.Property{{Name: "homepage", Value: "https://x.example/"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(tt.meta))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, m.Links()); diff != "" {
				t.Errorf("Links mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLinkKind(t *testing.T) {
	for label, want := range map[string]string{
		"Homepage": "homepage", "home": "homepage", "Home-Page": "homepage",
		"Repository": "repository", "source": "repository", "Source Code": "repository", "source-code": "repository", "GitHub": "repository",
		"Documentation": "", "Issues": "", "": "",
	} {
		if got := LinkKind(label); got != want {
			t.Errorf("LinkKind(%q) = %q, want %q", label, got, want)
		}
	}
}
