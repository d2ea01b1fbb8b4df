package list

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
)

// TestNames: names are unique, "ecosystem/kind", and every entry has a
// known kind.
func TestNames(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Entries() {
		n := e.Extractor.Name()
		if seen[n] {
			t.Errorf("duplicate extractor name %q", n)
		}
		seen[n] = true
		if e.Kind != Manifest && e.Kind != Installed {
			t.Errorf("%s: kind %q", n, e.Kind)
		}
		if len(n) <= len(e.Ecosystem)+1 || n[:len(e.Ecosystem)+1] != e.Ecosystem+"/" {
			t.Errorf("%s: name does not start with its ecosystem %q", n, e.Ecosystem)
		}
	}
}

func TestInsideInstalledPackage(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"package.json", false},
		{"web/package.json", false},
		{"node_modules/.package-lock.json", false},
		{"node_modules/foo/package.json", true},
		{"node_modules/@s/foo/requirements.txt", true},
		{"a/node_modules/foo/test/fixtures/package.json", true},
		{"my_node_modules/foo/package.json", false},
		{"oh_modules/@ohos/axios/oh-package.json5", true},
		{"oh-package-lock.json5", false},
		{".venv/lib/python3.12/site-packages/foo/pyproject.toml", true},
		{".venv/lib/python3.12/site-packages/foo-1.0.dist-info/METADATA", true},
		{"site-packages/requirements.txt", false},
		{"usr/lib/python3/dist-packages/foo/setup.cfg", true},
	}
	for _, tt := range tests {
		if got := InsideInstalledPackage(tt.path); got != tt.want {
			t.Errorf("InsideInstalledPackage(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// TestAllLeavesInstalledPackagesToInstalledExtractors: a manifest inside an
// installed package is not read by manifest extractors, but installed
// records there are.
func TestAllLeavesInstalledPackagesToInstalledExtractors(t *testing.T) {
	matching := func(p string) []string {
		var names []string
		for _, ex := range All() {
			if ex.Match(extractor.File{Path: p, Size: 100}) {
				names = append(names, ex.Name())
			}
		}
		return names
	}
	if got := matching("node_modules/foo/requirements.txt"); len(got) != 0 {
		t.Errorf("requirements.txt inside an npm package matched %v", got)
	}
	if got := matching("requirements.txt"); len(got) != 1 {
		t.Errorf("requirements.txt matched %v, want one extractor", got)
	}
	if got := matching("oh_modules/@ohos/axios/oh-package.json5"); len(got) != 1 || got[0] != "ohpm/installed" {
		t.Errorf("installed oh-package.json5 matched %v, want [ohpm/installed]", got)
	}
}
