package classify

import "testing"

func TestIsLicenseFile(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		// The plain names, in any case and directory.
		{"license", "LICENSE", true},
		{"licence", "LICENCE", true},
		{"copying", "COPYING", true},
		{"copyright", "COPYRIGHT", true},
		{"notice", "NOTICE", true},
		{"unlicense", "UNLICENSE", true},
		{"lower", "license", true},
		{"title", "License", true},
		{"mixed", "LiCeNsE", true},
		{"in-dir", "vendor/github.com/x/y/LICENSE", true},
		// Followed by a separator and a suffix.
		{"txt", "LICENSE.txt", true},
		{"md", "LICENSE.md", true},
		{"title-txt", "License.txt", true},
		{"rst", "LICENCE.rst", true},
		{"dash-id", "LICENSE-MIT", true},
		{"underscore-id", "LICENSE_APACHE", true},
		{"copying-lib", "COPYING.LIB", true},
		{"copying-lesser", "COPYING.LESSER", true},
		{"mulan", "LICENSE.MulanPSL-2.0", true},
		{"notice-txt", "NOTICE.txt", true},
		{"copyright-txt", "COPYRIGHT.txt", true},
		{"html", "docs/license.html", true},
		{"copying-version", "COPYING3", true},
		{"copying-version-lib", "COPYING3.LIB", true},
		// Prefixed.
		{"mit-prefix", "MIT-LICENSE", true},
		{"apache-prefix", "APACHE-LICENSE-2.0.txt", true},
		{"gpl-prefix", "GPL-LICENSE", true},
		{"bundle-sidecar", "dist/bundle.js.LICENSE.txt", true},
		{"reuse-sidecar", "foo.license", true},
		{"upper-sidecar", "foo.LICENSE", true},
		{"hidden", ".license", true},
		// Not license files.
		{"go-source", "license.go", false},
		{"go-test", "license_test.go", false},
		{"plural-py", "licenses.py", false},
		{"plural-file", "LICENSES", true},
		{"third-party-notices", "THIRD-PARTY-NOTICES.txt", true},
		{"third-party-notices-camel", "ThirdPartyNotices.txt", true},
		{"third-party-licenses", "third_party_licenses.md", true},
		{"licenses-json", "licenses.json", false},
		{"notices-go", "notices.go", false},
		{"joined-word", "licensecheck", false},
		{"unlicensed-c", "unlicensed.c", false},
		{"js-source", "src/license.js", false},
		{"ts-source", "license-checker.ts", false},
		{"json", "LICENSE.json", false},
		{"yaml", "notice.yaml", false},
		{"yml", "copyright.yml", false},
		{"rust", "src/license.rs", false},
		{"java", "License.java", false},
		{"header", "include/license.h", false},
		{"ruby", "lib/license.rb", false},
		{"python", "notice.py", false},
		{"patents", "PATENTS", false},
		{"ofl", "OFL.txt", false},
		{"readme", "README.md", false},
		{"licensing", "LICENSING.txt", false},
		{"license-in-dir-only", "LICENSE/README.md", false},
		{"accented", "licenseé", false},
		{"empty", "", false},
		{"trailing-slash", "LICENSE/", false},
		{"image", "license.png", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsLicenseFile(tt.path); got != tt.want {
				t.Errorf("IsLicenseFile(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestIsLicenseFileAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		IsLicenseFile("vendor/x/APACHE-LICENSE-2.0.TXT")
		IsLicenseFile("src/LongerFileName_WithWords.go")
	})
	if allocs != 0 {
		t.Errorf("IsLicenseFile allocates %v times", allocs)
	}
}
