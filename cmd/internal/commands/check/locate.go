package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// maxLocateSize bounds the manifests and lock files read to find a
// package's line.
const maxLocateSize = 64 << 20

// lineFinder returns a function that finds the line of a manifest or lock
// file (relative to dir) where a package appears, for SARIF viewers to
// show the finding there: the first line naming the package whose line or
// next three lines also hold its version (a lock file entry), else the
// first line naming it, else 0. Names are matched whole: "react" is not
// found in "react-dom". Maven's "group:artifact" is looked for as the
// artifact, as pom.xml writes it. Each file is read once.
func lineFinder(dir string) func(file, name, version string) int {
	cache := map[string][][]byte{}
	return func(file, name, version string) int {
		if name == "" {
			return 0
		}
		lines, ok := cache[file]
		if !ok {
			p := file
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, filepath.FromSlash(file))
			}
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Size() <= maxLocateSize {
				if data, err := os.ReadFile(p); err == nil {
					lines = bytes.Split(data, []byte("\n"))
				}
			}
			cache[file] = lines
		}
		if n := findLine(lines, name, version); n > 0 {
			return n
		}
		if _, artifact, ok := strings.Cut(name, ":"); ok {
			return findLine(lines, artifact, version)
		}
		return 0
	}
}

func findLine(lines [][]byte, name, version string) int {
	first := 0
	for i, l := range lines {
		if !containsWord(l, name) {
			continue
		}
		if first == 0 {
			first = i + 1
		}
		if version == "" {
			return i + 1
		}
		for j := i; j < min(i+4, len(lines)); j++ {
			if containsWord(lines[j], version) {
				return i + 1
			}
		}
	}
	return first
}

// containsWord reports whether s holds w with no name character on either
// side; "/" is not one, so that "node_modules/react" names react.
func containsWord(s []byte, w string) bool {
	for off := 0; ; {
		i := bytes.Index(s[off:], []byte(w))
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(w)
		if (start == 0 || !nameByte(s[start-1])) && (end == len(s) || !nameByte(s[end])) && !scoped(s[:start]) {
			return true
		}
		off = start + 1
	}
}

// scoped reports whether a match preceded by before is the name part of
// an npm-style scoped name ("@types/react" does not name "react").
func scoped(before []byte) bool {
	if len(before) == 0 || before[len(before)-1] != '/' {
		return false
	}
	seg := before[:len(before)-1]
	i := len(seg)
	for i > 0 && nameByte(seg[i-1]) {
		i--
	}
	return i < len(seg) && seg[i] == '@'
}

func nameByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c == '@' ||
		'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
