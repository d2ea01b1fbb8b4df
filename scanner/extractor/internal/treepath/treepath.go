// Package treepath places the local packages a lock file names by path
// (Composer's "path" repositories, Bundler's PATH sources) in the scanned
// tree, for their packages' Directory.
package treepath

import (
	"io/fs"
	"path"
	"strings"
)

// PackageDir joins dir, the slash path of the lock file's directory
// relative to the scan root, and rel, a path the file gives relative to
// it, and returns the result when it stays inside the tree, "" otherwise.
// Absolute paths and paths with backslashes are not read. The project
// directory itself and the directories above it are no package's
// directory: "" for those too.
func PackageDir(dir, rel string) string {
	if rel == "" || path.IsAbs(rel) || strings.Contains(rel, "\\") {
		return ""
	}
	p := path.Join(dir, rel)
	if p == "." || p == dir || !fs.ValidPath(p) || strings.HasPrefix(dir+"/", p+"/") {
		return ""
	}
	return p
}
