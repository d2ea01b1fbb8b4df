package weburl

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/inventory"
)

func TestHomepage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/", "https://example.com/"},
		{"  http://example.com/docs#readme \n", "http://example.com/docs#readme"},
		{"https://github.com/user/repo#readme", "https://github.com/user/repo#readme"},
		{"", ""},
		{"UNKNOWN", ""},
		{"example.com", ""},
		{"//example.com", ""},
		{"https://", ""},
		{"https:example.com", ""},
		{"ftp://example.com/", ""},
		{"mailto:someone@example.com", ""},
		{"git+https://github.com/user/repo.git", ""},
		{"git://github.com/user/repo.git", ""},
		{"https://example.com/a b", ""},
		{"https://exa mple.com", ""},
		{"github:user/repo", ""},
	}
	for _, tt := range tests {
		if got := Homepage(tt.in); got != tt.want {
			t.Errorf("Homepage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRepository(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://github.com/user/repo", "https://github.com/user/repo"},
		{"git+https://github.com/user/repo.git", "https://github.com/user/repo.git"},
		{"git+ssh://git@github.com/user/repo.git", "ssh://git@github.com/user/repo.git"},
		{"git://github.com/user/repo.git", "git://github.com/user/repo.git"},
		{"ssh://git@example.com:2222/repo.git", "ssh://git@example.com:2222/repo.git"},
		{"git@github.com:user/repo.git", "git@github.com:user/repo.git"},
		{" http://svn.example.org/trunk ", "http://svn.example.org/trunk"},
		{"", ""},
		{"git@github.com", ""},
		{"git@:repo", ""},
		{"git+file:///srv/repo.git", ""},
		{"file:///srv/repo.git", ""},
		{"scm:git:https://github.com/user/repo.git", ""},
		{"github:user/repo", ""},
		{"user/repo", ""},
		{"../repo", ""},
	}
	for _, tt := range tests {
		if got := Repository(tt.in); got != tt.want {
			t.Errorf("Repository(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNPMRepository(t *testing.T) {
	tests := []struct{ in, want string }{
		{"github:user/repo", "https://github.com/user/repo"},
		{"gitlab:group/project", "https://gitlab.com/group/project"},
		{"bitbucket:team/repo", "https://bitbucket.org/team/repo"},
		{"user/repo", "https://github.com/user/repo"},
		{"visionmedia/debug", "https://github.com/visionmedia/debug"},
		{"github:user/repo#v1.2.3", "https://github.com/user/repo"},
		{"user/repo.js", "https://github.com/user/repo.js"},
		{"git+https://github.com/user/repo.git", "https://github.com/user/repo.git"},
		{"https://github.com/user/repo", "https://github.com/user/repo"},
		{"git@github.com:user/repo.git", "git@github.com:user/repo.git"},
		{"git://github.com/user/repo.git", "git://github.com/user/repo.git"},
		{"", ""},
		{"repo", ""},
		{"github:user", ""},
		{"github:user/repo/extra", ""},
		{"gist:11081aaa281", ""},
		{"sourcehut:user/repo", ""},
		{"./local/path", ""},
		{"../repo", ""},
		{"user/", ""},
		{"/repo", ""},
		{"us er/repo", ""},
		{"file:../repo", ""},
	}
	for _, tt := range tests {
		if got := NPMRepository(tt.in); got != tt.want {
			t.Errorf("NPMRepository(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProperties(t *testing.T) {
	tests := []struct {
		homepage, repository string
		want                 []inventory.Property
	}{
		{"", "", nil},
		{"https://a.example/", "", []inventory.Property{{Name: "homepage", Value: "https://a.example/"}}},
		{"", "git://b.example/r", []inventory.Property{{Name: "repository", Value: "git://b.example/r"}}},
		{"https://a.example/", "https://b.example/r", []inventory.Property{
			{Name: "homepage", Value: "https://a.example/"},
			{Name: "repository", Value: "https://b.example/r"},
		}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Properties(tt.homepage, tt.repository)); diff != "" {
			t.Errorf("Properties(%q, %q) mismatch (-want +got):\n%s", tt.homepage, tt.repository, diff)
		}
	}
}
