package classify

import "strings"

// licenseSuffixes are the words that make a file name a license file: the
// file holds license text, which the scanner matches in full rather than
// looking for notices in it. A name's word may end in one (MIT-LICENSE is
// two words, ThirdPartyNotices one). Plurals count: THIRD-PARTY-NOTICES
// and LICENSES files collect the texts of many licenses (a LICENSES
// directory, as REUSE uses, is not a file and not concerned).
var licenseSuffixes = []string{
	"license", "licence", "licenses", "licences",
	"copying", "copyright", "copyrights",
	"notice", "notices",
}

// codeExtensions are final extensions that make a name with a license word
// a program or data file rather than license text: license.go,
// license_test.go, notice.js, LICENSE.json.
var codeExtensions = map[string]bool{
	// Go, C family, JVM, .NET, Apple.
	"go": true, "c": true, "h": true, "cc": true, "cpp": true, "cxx": true, "hpp": true,
	"hh": true, "hxx": true, "m": true, "mm": true, "java": true, "kt": true, "kts": true,
	"scala": true, "groovy": true, "gradle": true, "cs": true, "vb": true, "fs": true,
	"swift": true, "rs": true, "zig": true, "d": true,
	// Scripting and web.
	"js": true, "mjs": true, "cjs": true, "jsx": true, "ts": true, "mts": true, "cts": true,
	"tsx": true, "vue": true, "svelte": true, "css": true, "scss": true, "sass": true,
	"less": true, "py": true, "pyi": true, "pyc": true, "rb": true, "php": true, "pl": true,
	"pm": true, "lua": true, "dart": true, "r": true, "jl": true, "ex": true, "exs": true,
	"erl": true, "hrl": true, "hs": true, "ml": true, "mli": true, "clj": true,
	"cljs": true, "elm": true, "nim": true, "sh": true, "bash": true, "zsh": true,
	"fish": true, "ps1": true, "bat": true, "cmd": true, "sql": true,
	// Data, config and templates.
	"json": true, "yaml": true, "yml": true, "toml": true, "xml": true, "proto": true,
	"ini": true, "cfg": true, "conf": true, "properties": true, "plist": true,
	"tmpl": true, "tpl": true, "mod": true, "sum": true, "lock": true, "csv": true,
	// Objects and images: never license text.
	"o": true, "a": true, "so": true, "dll": true, "exe": true, "dylib": true,
	"class": true, "jar": true, "wasm": true, "png": true, "jpg": true, "jpeg": true,
	"gif": true, "svg": true, "ico": true, "webp": true,
}

// IsLicenseFile reports whether the base name of path names a license file
// that should be matched in full.
//
// The name, in any case, must contain a word that is or ends in license,
// licence, copying, copyright or notice (or their plurals), where words
// are separated by anything but letters and digits (LICENSE, LICENSE.txt,
// LICENSE-MIT, COPYING.LESSER, MIT-LICENSE, APACHE-LICENSE-2.0.txt,
// bundle.js.LICENSE.txt, foo.license), a word may carry a version number
// (COPYING3), and the last extension must not be that of a program or data
// file (license.go, license_test.go and notice.json are code, not license
// texts). So licenses.py, licensecheck and unlicensed.c are not license
// files either, while THIRD-PARTY-NOTICES.txt and ThirdPartyNotices are.
func IsLicenseFile(path string) bool {
	base := path[strings.LastIndexByte(path, '/')+1:]
	if base == "" {
		return false
	}
	// Words are cut at ASCII separators; bytes of multi-byte characters
	// belong to words, so "licenseé" is one word and not a license word.
	found := false
	start := -1
	var buf [16]byte
	for i := 0; i <= len(base); i++ {
		inWord := i < len(base) && isWordByte(base[i])
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if isLicenseWord(base[start:i], &buf) {
				found = true
				break
			}
			start = -1
		}
	}
	if !found {
		return false
	}
	if dot := strings.LastIndexByte(base, '.'); dot >= 0 {
		ext := base[dot+1:]
		if len(ext) <= len(buf) && codeExtensions[string(lowerASCII(ext, &buf))] {
			return false
		}
	}
	return true
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80
}

// isLicenseWord reports whether w, lower-cased and without a trailing
// version number, is a license word or ends in one (ThirdPartyNotices,
// GPLLicense). buf avoids allocating.
func isLicenseWord(w string, buf *[16]byte) bool {
	w = strings.TrimRight(w, "0123456789")
	if len(w) > len(buf) {
		w = w[len(w)-len(buf):] // the suffix is what counts
	}
	lw := lowerASCII(w, buf)
	for _, s := range licenseSuffixes {
		if len(lw) >= len(s) && string(lw[len(lw)-len(s):]) == s {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases s (at most len(buf) bytes) into buf. Callers
// index maps with string(result), which Go does without allocating.
func lowerASCII(s string, buf *[16]byte) []byte {
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}
