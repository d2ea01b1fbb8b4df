package treepath

import "testing"

func TestPackageDir(t *testing.T) {
	for _, tc := range []struct {
		dir, rel, want string
	}{
		{".", "packages/a", "packages/a"},
		{".", "./packages/a/", "packages/a"},
		{"app", "../lib/b", "lib/b"},
		{"app", "vendor/x/y", "app/vendor/x/y"},
		{"a/b", "../c", "a/c"},
		{".", "", ""},
		{".", ".", ""},            // the project itself
		{"app", ".", ""},          // the project itself
		{"app", "./", ""},         // the project itself
		{"a/b", "..", ""},         // above the project
		{"a/b", "../..", ""},      // the scan root, above the project
		{".", "..", ""},           // outside the tree
		{"app", "../../x", ""},    // outside the tree
		{".", "/abs/path", ""},    // absolute
		{".", `packages\a`, ""},   // Windows
		{"app", `..\lib`, ""},     // Windows
		{"ab", "../a", "a"},       // a sibling whose name is a prefix
		{"a", "../ab", "ab"},      // a sibling that has the name as a prefix
		{"a/b", "../b2/../b", ""}, // back to the project
		{"a/b", "c/../../b/d", "a/b/d"},
	} {
		if got := PackageDir(tc.dir, tc.rel); got != tc.want {
			t.Errorf("PackageDir(%q, %q) = %q, want %q", tc.dir, tc.rel, got, tc.want)
		}
	}
}
