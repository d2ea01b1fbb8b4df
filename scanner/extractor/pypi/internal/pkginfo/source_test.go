package pkginfo

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/inventory"
)

func TestParseHash(t *testing.T) {
	hex64 := strings.Repeat("ab", 32)
	for _, tc := range []struct {
		name, in string
		want     inventory.Hash
		ok       bool
	}{
		{name: "sha256", in: "sha256:" + hex64, want: inventory.Hash{Algorithm: "SHA-256", Value: hex64}, ok: true},
		{name: "upper_case", in: "SHA256:" + strings.ToUpper(hex64), want: inventory.Hash{Algorithm: "SHA-256", Value: hex64}, ok: true},
		{name: "md5", in: "md5:" + strings.Repeat("0", 32), want: inventory.Hash{Algorithm: "MD5", Value: strings.Repeat("0", 32)}, ok: true},
		{name: "sha1", in: "sha1:" + strings.Repeat("1", 40), want: inventory.Hash{Algorithm: "SHA-1", Value: strings.Repeat("1", 40)}, ok: true},
		{name: "sha384", in: "sha384:" + strings.Repeat("f", 96), want: inventory.Hash{Algorithm: "SHA-384", Value: strings.Repeat("f", 96)}, ok: true},
		{name: "sha512", in: "sha512:" + strings.Repeat("e", 128), want: inventory.Hash{Algorithm: "SHA-512", Value: strings.Repeat("e", 128)}, ok: true},
		{name: "no_algorithm", in: hex64},
		{name: "unknown_algorithm", in: "blake2b:" + hex64},
		{name: "too_short", in: "sha256:" + hex64[:62]},
		{name: "too_long", in: "sha256:" + hex64 + "ab"},
		{name: "not_hex", in: "sha256:" + strings.Repeat("zz", 32)},
		{name: "wrong_size_for_algorithm", in: "sha512:" + hex64},
		{name: "empty", in: ""},
		{name: "empty_value", in: "sha256:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseHash(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("ParseHash(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestVCSURL(t *testing.T) {
	for _, tc := range []struct {
		name, vcs, repo, ref, sub, want string
	}{
		{name: "git", vcs: "git", repo: "https://github.com/a/b.git", ref: "abc", want: "git+https://github.com/a/b.git@abc"},
		{name: "prefixed", vcs: "git", repo: "git+ssh://git@github.com/a/b", ref: "v1", want: "git+ssh://github.com/a/b@v1"},
		{name: "no_ref", vcs: "git", repo: "https://github.com/a/b", want: "git+https://github.com/a/b"},
		{name: "subdirectory", vcs: "git", repo: "https://tok:x@github.com/a/b", ref: "abc", sub: "py", want: "git+https://github.com/a/b@abc#subdirectory=py"},
		{name: "subdirectory_no_ref", vcs: "hg", repo: "https://hg.example/a", sub: "s", want: "hg+https://hg.example/a#subdirectory=s"},
		{name: "other_vcs_prefix_kept", vcs: "svn", repo: "git+https://h/a", want: "svn+git+https://h/a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := VCSURL(tc.vcs, tc.repo, tc.ref, tc.sub); got != tc.want {
				t.Errorf("VCSURL(%q, %q, %q, %q) = %q, want %q", tc.vcs, tc.repo, tc.ref, tc.sub, got, tc.want)
			}
		})
	}
}

func TestLocalDir(t *testing.T) {
	for _, tc := range []struct {
		name, dir, rel, want string
	}{
		{name: "sibling", dir: "app", rel: "libs/a", want: "app/libs/a"},
		{name: "dot_slash", dir: "app", rel: "./libs/a/", want: "app/libs/a"},
		{name: "root_dir", dir: ".", rel: "libs/a", want: "libs/a"},
		{name: "up_and_in", dir: "app/sub", rel: "../libs/a", want: "app/libs/a"},
		{name: "own_dir", dir: "app", rel: "."},
		{name: "own_dir_slash", dir: "app", rel: "./"},
		{name: "outside", dir: "app", rel: "../../x"},
		{name: "parent_is_root", dir: "app", rel: ".."},
		{name: "above_root", dir: ".", rel: "../x"},
		{name: "absolute", dir: "app", rel: "/home/x/a"},
		{name: "windows", dir: "app", rel: `libs\a`},
		{name: "wheel", dir: "app", rel: "dist/a-1.0-py3-none-any.whl"},
		{name: "sdist_upper_case", dir: "app", rel: "dist/A-1.0.TAR.GZ"},
		{name: "zip", dir: "app", rel: "a.zip"},
		{name: "egg", dir: "app", rel: "a.egg"},
		{name: "empty", dir: "app", rel: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := LocalDir(tc.dir, tc.rel); got != tc.want {
				t.Errorf("LocalDir(%q, %q) = %q, want %q", tc.dir, tc.rel, got, tc.want)
			}
		})
	}
}
