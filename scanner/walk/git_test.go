package walk

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWalkMatchesGit walks a tree full of ignore rules and compares the
// result with the untracked, non-ignored files git itself lists there. It
// is the reference the hand-written expectations elsewhere can drift from.
func TestWalkMatchesGit(t *testing.T) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	if runtime.GOOS != "linux" {
		// Elsewhere git may match case-insensitively (core.ignorecase),
		// which the walk does not do.
		t.Skip("compared on case-sensitive file systems only")
	}
	root := t.TempDir()
	git := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(gitBin, append([]string{"-C", root}, args...)...)
		// Keep the user's and the system's ignore files out of it.
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, stderr.Bytes())
		}
		return out
	}
	git("init", "-q")

	makeTree(t, root, map[string]string{
		".git/info/exclude": "*.secret\n",
		".gitignore": strings.Join([]string{
			"# build outputs",
			"*.o",
			"/bin/",
			"build/",
			"!build/keep.o",
			"*.log",
			"!important.log",
			"docs/**/*.tmp",
			"**/cache/",
			"logs/**",
			"!logs/keep.txt",
			"\\#hash",
			"trailing   ",
			"file[0-2].dat",
			"[!a-m]*.bak",
			"!keep.secret",
			"a/**/b/c",
			"",
		}, "\n"),
		"main.go": "", "main.o": "", "app.log": "", "important.log": "",
		"bin/tool": "", "src/bin/tool": "", "build/keep.o": "", "src/build/x.go": "",
		"docs/a.tmp": "", "docs/x/b.tmp": "", "docs/x/y/c.tmp": "", "docs/x/ok.md": "",
		"cache/c1": "", "deep/cache/c2": "", "deep/cachefile": "",
		"logs/a.txt": "", "logs/keep.txt": "", "logs/sub/keep.txt": "",
		"#hash": "", "trailing": "", "file1.dat": "", "file3.dat": "",
		"zed.bak": "", "alpha.bak": "", "a.secret": "", "keep.secret": "",
		"a/b/c": "", "a/x/b/c": "", "a/b/x/b/c": "", "a/b/x/b/d": "",

		"white/.gitignore": "*\n!*/\n!*.go\n",
		"white/a.go":       "", "white/a.txt": "", "white/sub/b.go": "", "white/sub/b.md": "",

		"pkg/.gitignore": "/local.txt\n*.gen.go\n!keep.gen.go\n",
		"pkg/local.txt":  "", "pkg/sub/local.txt": "", "pkg/x.gen.go": "", "pkg/keep.gen.go": "",
		"pkg/sub/.gitignore": "!*.log\n!x.gen.go\n",
		"pkg/sub/debug.log":  "", "pkg/sub/x.gen.go": "", "pkg/sub/y.gen.go": "",

		"prefix/.gitignore":     "*.log\n!keep/dir\n",
		"prefix/keep/dir/x.log": "", "prefix/keep/dir/y.go": "",
		"onlydir/.gitignore": "name/\n",
		"onlydir/name/x":     "", "onlydir/sub/name": "file",
	})

	var want []string
	for _, p := range bytes.Split(git("ls-files", "-z", "--others", "--exclude-standard"), []byte{0}) {
		if len(p) > 0 {
			want = append(want, string(p))
		}
	}
	slices.Sort(want)
	r := walkAll(t, Options{Root: root})
	if r.err != nil {
		t.Fatal(r.err)
	}
	if diff := cmp.Diff(want, r.paths()); diff != "" {
		t.Errorf("walk differs from git ls-files (-git +walk):\n%s", diff)
	}
	// Guard against a vacuous pass: the tree must exercise both outcomes.
	if len(want) < 20 || len(want) > 50 {
		t.Errorf("git lists %d files: the tree no longer tests much", len(want))
	}
}
