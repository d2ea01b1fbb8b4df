package walk

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/internal/testtree"
)

// makeTree creates files under root (see testtree.Write).
func makeTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	testtree.Write(t, root, files)
}

// result is what one walk saw.
type result struct {
	entries map[string]Entry
	errs    map[string]error // onErr calls by path
	err     error            // Walk's return value
}

func (r result) paths() []string {
	ps := make([]string, 0, len(r.entries))
	for p := range r.entries {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// walkAll walks opts.Root and records every entry, failing the test if an
// entry is visited twice.
func walkAll(t *testing.T, opts Options) result {
	t.Helper()
	var mu sync.Mutex
	r := result{entries: map[string]Entry{}, errs: map[string]error{}}
	r.err = Walk(context.Background(), opts, func(e Entry) {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := r.entries[e.Path]; dup {
			t.Errorf("%s visited twice", e.Path)
		}
		r.entries[e.Path] = e
	}, func(path string, err error) {
		// Serialized by Walk: no lock on purpose, so -race checks that.
		r.errs[path] = err
	})
	return r
}

func TestWalkTree(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{
		"a.go":          "package a",
		"b/c.txt":       "hello",
		"b/d/e.md":      "# e",
		"b/d/f/g.json":  "{}",
		"empty/":        "",
		"h/.hidden":     "hidden files are walked",
		"h/i j/k l.txt": "spaces",
	})
	r := walkAll(t, Options{Root: root, Workers: 3})
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []string{"a.go", "b/c.txt", "b/d/e.md", "b/d/f/g.json", "h/.hidden", "h/i j/k l.txt"}
	if diff := cmp.Diff(want, r.paths()); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	got := r.entries["b/d/e.md"]
	wantEntry := Entry{Path: "b/d/e.md", OSPath: filepath.Join(root, "b", "d", "e.md"), Type: 0, Size: 3}
	if diff := cmp.Diff(wantEntry, got); diff != "" {
		t.Errorf("entry (-want +got):\n%s", diff)
	}
	for p, e := range r.entries {
		if e.OSPath != filepath.Join(root, filepath.FromSlash(p)) {
			t.Errorf("%s: OSPath %q", p, e.OSPath)
		}
	}
	if len(r.errs) != 0 {
		t.Errorf("unexpected errors: %v", r.errs)
	}
}

// TestWalkRelativeRoot checks that OSPath is the root joined with Path even
// for "." and a root with a trailing separator.
func TestWalkRelativeRoot(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"x/y.txt": "y", "z.txt": "z"})
	t.Chdir(root)
	for _, r := range []string{".", "x" + string(filepath.Separator), "./x"} {
		res := walkAll(t, Options{Root: r})
		if res.err != nil {
			t.Fatal(res.err)
		}
		for p, e := range res.entries {
			if want := filepath.Join(r, filepath.FromSlash(p)); e.OSPath != want {
				t.Errorf("root %q: %s: OSPath %q, want %q", r, p, e.OSPath, want)
			}
			if _, err := os.Lstat(e.OSPath); err != nil {
				t.Errorf("root %q: %v", r, err)
			}
		}
	}
}

func TestWalkIgnore(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options // Root is filled in
		want  []string
	}{
		{
			name: "vcs directories at any depth",
			files: map[string]string{
				".git/config": "", ".git/objects/ab/cd": "", ".hg/store": "", ".svn/entries": "",
				"sub/.git/HEAD": "", "sub/deep/.hg/x": "", "sub/a.go": "", "b.go": "",
				"sub/.gitkeep": "", "not.git/x": "",
			},
			want: []string{"b.go", "not.git/x", "sub/.gitkeep", "sub/a.go"},
		},
		{
			name: "root gitignore",
			files: map[string]string{
				".gitignore": "# comment\n\n*.log\ntmp\n",
				"a.log":      "", "a.go": "", "sub/b.log": "", "sub/b.go": "",
				"tmp/x.go": "", "sub/tmp/y.go": "",
			},
			want: []string{".gitignore", "a.go", "sub/b.go"},
		},
		{
			name: "nested gitignore only affects its subtree",
			files: map[string]string{
				"sub/.gitignore": "*.tmp\n/only-here\n",
				"a.tmp":          "", "only-here": "", "sub/b.tmp": "", "sub/deep/c.tmp": "",
				"sub/only-here": "", "sub/deep/only-here": "", "other/d.tmp": "",
			},
			want: []string{"a.tmp", "only-here", "other/d.tmp", "sub/.gitignore", "sub/deep/only-here"},
		},
		{
			name: "unignored dependency directories",
			files: map[string]string{
				".gitignore":                   "node_modules/\n*.log\nbuild/\n",
				"node_modules/a/index.js":      "",
				"node_modules/a/debug.log":     "",
				"node_modules/a/.gitignore":    "*.js\n",
				"web/node_modules/b/LICENSE":   "",
				"web/node_modules/b/build/x":   "",
				"build/node_modules/c/LICENSE": "",
				"x.log":                        "",
			},
			opts: Options{Unignore: []string{"node_modules"}},
			// No ignore rule applies below an unignored directory, not
			// even its own .gitignore files; an ignored parent still hides
			// everything below it.
			want: []string{
				".gitignore", "node_modules/a/.gitignore", "node_modules/a/debug.log",
				"node_modules/a/index.js", "web/node_modules/b/LICENSE", "web/node_modules/b/build/x",
			},
		},
		{
			name: "excludes apply below unignored directories",
			files: map[string]string{
				".gitignore":              "node_modules/\n",
				"node_modules/a/index.js": "",
				"node_modules/a/LICENSE":  "",
			},
			opts: Options{Unignore: []string{"node_modules"}, Excludes: []string{"*.js"}},
			want: []string{".gitignore", "node_modules/a/LICENSE"},
		},
		{
			name: "negation",
			files: map[string]string{
				".gitignore": "*.log\n!keep.log\n",
				"a.log":      "", "keep.log": "", "sub/keep.log": "", "sub/b.log": "",
			},
			want: []string{".gitignore", "keep.log", "sub/keep.log"},
		},
		{
			name: "nested negation overrides the parent",
			files: map[string]string{
				".gitignore":     "*.log\n",
				"sub/.gitignore": "!*.log\n",
				"a.log":          "", "sub/b.log": "",
			},
			want: []string{".gitignore", "sub/.gitignore", "sub/b.log"},
		},
		{
			name: "no re-include inside an ignored directory",
			files: map[string]string{
				".gitignore":   "out/\n!out/keep.txt\n",
				"out/keep.txt": "", "out/x.txt": "",
			},
			want: []string{".gitignore"},
		},
		{
			name: "dir-only pattern",
			files: map[string]string{
				".gitignore": "build/\n",
				"build/x.o":  "", "src/build/y.o": "", "other/build": "file, not a directory",
			},
			want: []string{".gitignore", "other/build"},
		},
		{
			name: "anchored patterns",
			files: map[string]string{
				".gitignore": "/top.txt\ndocs/*.md\n",
				"top.txt":    "", "sub/top.txt": "", "docs/a.md": "", "docs/deep/b.md": "",
				"x/docs/a.md": "",
			},
			want: []string{".gitignore", "docs/deep/b.md", "sub/top.txt", "x/docs/a.md"},
		},
		{
			name: "double star",
			files: map[string]string{
				".gitignore": "**/gen/*.go\na/**/z.txt\nlogs/**\n",
				"gen/a.go":   "", "x/y/gen/b.go": "", "gen/keep.txt": "",
				"a/z.txt": "", "a/b/c/z.txt": "", "b/a/z.txt": "",
				"logs/1.txt": "", "logs/d/2.txt": "",
			},
			want: []string{".gitignore", "b/a/z.txt", "gen/keep.txt"},
		},
		{
			name: "whitelist: ignore all, re-include directories and go files",
			files: map[string]string{
				".gitignore": "*\n!*/\n!*.go\n",
				"a.go":       "", "a.txt": "", "sub/b.go": "", "sub/b.txt": "", "sub/deep/c.txt": "",
			},
			want: []string{"a.go", "sub/b.go"},
		},
		{
			name: "re-including a directory does not re-include its content",
			files: map[string]string{
				".gitignore":     "*.log\n!keep/dir\n",
				"keep/dir/x.log": "", "keep/dir/y.go": "",
			},
			want: []string{".gitignore", "keep/dir/y.go"},
		},
		{
			name: "escapes and trailing spaces",
			files: map[string]string{
				".gitignore": "\\#hash\n\\!bang\n*.bak   \r\n",
				"#hash":      "", "!bang": "", "a.bak": "", "a.go": "",
			},
			want: []string{".gitignore", "a.go"},
		},
		{
			name: "git info exclude",
			files: map[string]string{
				".git/info/exclude": "*.secret\n",
				".gitignore":        "!keep.secret\n",
				"a.secret":          "", "keep.secret": "", "a.go": "",
			},
			want: []string{".gitignore", "a.go", "keep.secret"},
		},
		{
			name: "NoIgnore visits ignored files but skips .git",
			files: map[string]string{
				".gitignore": "*.log\nbuild/\n", "sub/.gitignore": "*\n",
				".git/info/exclude": "*.go\n", ".git/HEAD": "",
				"a.log": "", "a.go": "", "build/x": "", "sub/y": "",
			},
			opts: Options{NoIgnore: true},
			want: []string{".gitignore", "a.go", "a.log", "build/x", "sub/.gitignore", "sub/y"},
		},
		{
			name: "excludes",
			files: map[string]string{
				"app.min.js": "", "app.js": "", "build/out.js": "", "src/build": "file",
				"docs/a.svg": "", "docs/img/b.svg": "", "img/c.svg": "",
			},
			opts: Options{Excludes: []string{"*.min.js", "build/", "docs/**/*.svg"}},
			want: []string{"app.js", "img/c.svg", "src/build"},
		},
		{
			name: "excludes win over gitignore negation",
			files: map[string]string{
				".gitignore":     "!*.min.js\n",
				"sub/.gitignore": "!*.min.js\n!vendor/\n",
				"a.min.js":       "", "sub/b.min.js": "", "sub/c.js": "", "sub/vendor/d.js": "",
			},
			opts: Options{Excludes: []string{"*.min.js", "vendor/"}},
			want: []string{".gitignore", "sub/.gitignore", "sub/c.js"},
		},
		{
			name: "excludes apply with NoIgnore",
			files: map[string]string{
				".gitignore": "*.go\n",
				"a.go":       "", "b.txt": "",
			},
			opts: Options{NoIgnore: true, Excludes: []string{"*.txt"}},
			want: []string{".gitignore", "a.go"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			makeTree(t, root, tt.files)
			opts := tt.opts
			opts.Root = root
			r := walkAll(t, opts)
			if r.err != nil {
				t.Fatal(r.err)
			}
			if diff := cmp.Diff(tt.want, r.paths()); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if len(r.errs) != 0 {
				t.Errorf("unexpected errors: %v", r.errs)
			}
		})
	}
}

// TestWalkIgnoredDirNotEntered proves that an ignored directory is not
// listed at all: one that cannot be listed would otherwise be reported.
func TestWalkIgnoredDirNotEntered(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{".gitignore": "gone/\n", "gone/x": "", "a": ""})
	// As below, a directory that vanishes between listing and reading is
	// reported; here it must not even be tried.
	var calls atomic.Int32
	err := Walk(context.Background(), Options{Root: root, Workers: 1}, func(e Entry) {
		calls.Add(1)
		if err := os.RemoveAll(filepath.Join(root, "gone")); err != nil {
			t.Error(err)
		}
	}, func(path string, err error) {
		t.Errorf("onErr(%q, %v)", path, err)
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 {
		t.Errorf("%d visits, want 2", calls.Load())
	}
}

func TestWalkSymlinks(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"sub/file.txt": "content", "top.txt": "x"})
	links := map[string]string{
		"sub/link.txt": "file.txt",  // to a file
		"sub/up":       "..",        // to its parent: a loop if followed
		"sub/self":     "self",      // to itself
		"sub/dangling": "not-there", // to nothing
		"subdir":       "sub",       // to a directory
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot create symbolic links: %v", err)
		}
	}
	done := make(chan result, 1)
	go func() { done <- walkAll(t, Options{Root: root, Workers: 4}) }()
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("walk did not terminate: a symbolic link was followed")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []string{"sub/dangling", "sub/file.txt", "sub/link.txt", "sub/self", "sub/up", "subdir", "top.txt"}
	if diff := cmp.Diff(want, r.paths()); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	for name := range links {
		e := r.entries[name]
		if e.Type != fs.ModeSymlink || e.Size != 0 {
			t.Errorf("%s: type %v size %d, want a symlink of size 0", name, e.Type, e.Size)
		}
	}
	if e := r.entries["sub/file.txt"]; e.Type != 0 || e.Size != 7 {
		t.Errorf("sub/file.txt: type %v size %d", e.Type, e.Size)
	}
}

// TestWalkRootSymlink checks that a root which is a link is followed.
func TestWalkRootSymlink(t *testing.T) {
	dir := t.TempDir()
	makeTree(t, dir, map[string]string{"real/a.txt": "a", "real/b/c.txt": "c", "file.txt": "f"})
	dirLink := filepath.Join(dir, "link")
	fileLink := filepath.Join(dir, "filelink")
	if err := os.Symlink("real", dirLink); err != nil {
		t.Skipf("cannot create symbolic links: %v", err)
	}
	if err := os.Symlink("file.txt", fileLink); err != nil {
		t.Fatal(err)
	}
	r := walkAll(t, Options{Root: dirLink})
	if r.err != nil {
		t.Fatal(r.err)
	}
	if diff := cmp.Diff([]string{"a.txt", "b/c.txt"}, r.paths()); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	r = walkAll(t, Options{Root: fileLink})
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := map[string]Entry{"filelink": {Path: "filelink", OSPath: fileLink, Type: 0, Size: 1}}
	if diff := cmp.Diff(want, r.entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

func TestWalkRootFile(t *testing.T) {
	dir := t.TempDir()
	makeTree(t, dir, map[string]string{"sub/one.go": "package one", "sub/.gitignore": "*.go\n"})
	root := filepath.Join(dir, "sub", "one.go")
	// Excludes do not apply to a root the caller named.
	r := walkAll(t, Options{Root: root, Excludes: []string{"*.go"}})
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := map[string]Entry{"one.go": {Path: "one.go", OSPath: root, Type: 0, Size: 11}}
	if diff := cmp.Diff(want, r.entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

func TestWalkRootMissing(t *testing.T) {
	root := filepath.Join(t.TempDir(), "nope")
	r := walkAll(t, Options{Root: root})
	var re *RootError
	if !errors.As(r.err, &re) {
		t.Fatalf("error %v (%T), want *RootError", r.err, r.err)
	}
	if re.Path != root {
		t.Errorf("RootError.Path = %q, want %q", re.Path, root)
	}
	if !errors.Is(r.err, fs.ErrNotExist) {
		t.Errorf("error %v does not unwrap to fs.ErrNotExist", r.err)
	}
	msg := r.err.Error()
	if prefix := fmt.Sprintf("cannot scan %q: ", root); !strings.HasPrefix(msg, prefix) || strings.Count(msg, root) != 1 || strings.Contains(msg, "\n") {
		t.Errorf("message %q: want one line naming the path once after %q", msg, prefix)
	}
	if len(r.entries) != 0 || len(r.errs) != 0 {
		t.Errorf("visits %v, errors %v", r.entries, r.errs)
	}
}

func TestRootErrorMessage(t *testing.T) {
	err := error(&RootError{Path: "nope", Err: &fs.PathError{Op: "stat", Path: "nope", Err: fs.ErrNotExist}})
	if got, want := err.Error(), `cannot scan "nope": file does not exist`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("errors.Is(err, fs.ErrNotExist) = false")
	}
}

// TestWalkUnreadable makes a directory and a .gitignore unreadable; both
// are reported and the rest of the tree is still walked.
func TestWalkUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits do not block reads on Windows")
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root: chmod 000 does not block reads")
	}
	root := t.TempDir()
	makeTree(t, root, map[string]string{
		"ok/a.txt": "", "locked/b.txt": "", "ign/.gitignore": "*.txt\n", "ign/c.txt": "", "d.txt": "",
	})
	for _, p := range []string{"locked", "ign/.gitignore"} {
		p = filepath.Join(root, p)
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	r := walkAll(t, Options{Root: root})
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []string{"d.txt", "ign/.gitignore", "ign/c.txt", "ok/a.txt"}
	if diff := cmp.Diff(want, r.paths()); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	for _, p := range []string{"locked", "ign/.gitignore"} {
		err := r.errs[p]
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("onErr for %s: %v, want a permission error", p, err)
		}
	}
	if len(r.errs) != 2 {
		t.Errorf("errors: %v", r.errs)
	}
}

// TestWalkVanishedDir removes a directory after it was listed and before it
// is read (which works even as root, unlike chmod): the failure is reported
// with the directory's relative path and the walk goes on. With one worker
// the order is known: a directory's files are visited before its
// subdirectories are listed.
func TestWalkVanishedDir(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"a.txt": "", "gone/b.txt": "", "kept/c.txt": ""})
	var mu sync.Mutex
	var seen []string
	errs := map[string]error{}
	err := Walk(context.Background(), Options{Root: root, Workers: 1}, func(e Entry) {
		mu.Lock()
		seen = append(seen, e.Path)
		mu.Unlock()
		if e.Path == "a.txt" {
			if err := os.RemoveAll(filepath.Join(root, "gone")); err != nil {
				t.Error(err)
			}
		}
	}, func(path string, err error) { errs[path] = err })
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(seen)
	if diff := cmp.Diff([]string{"a.txt", "kept/c.txt"}, seen); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	gone := errs["gone"]
	if !errors.Is(gone, fs.ErrNotExist) || len(errs) != 1 {
		t.Fatalf("errors %v, want one for gone", errs)
	}
	if want := fmt.Sprintf("read directory %q: ", filepath.Join(root, "gone")); !strings.HasPrefix(gone.Error(), want) {
		t.Errorf("message %q, want prefix %q", gone, want)
	}
}

func TestWalkCancel(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := range 1000 {
		files[fmt.Sprintf("d%d/f%d.txt", i%50, i)] = ""
	}
	makeTree(t, root, files)

	const workers, stopAfter = 4, 10
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var visits atomic.Int32
	start := time.Now()
	err := Walk(ctx, Options{Root: root, Workers: workers}, func(Entry) {
		if visits.Add(1) == stopAfter {
			cancel()
		}
	}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Walk returned %v, want context.Canceled", err)
	}
	// Visits already running when cancel is called may finish; no new one
	// may start.
	if n := visits.Load(); n > stopAfter+workers-1 {
		t.Errorf("%d visits after cancelling at %d with %d workers", n, stopAfter, workers)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancelled walk took %v", d)
	}

	// Cancelled before the start: nothing is visited.
	visits.Store(0)
	err = Walk(ctx, Options{Root: root}, func(Entry) { visits.Add(1) }, nil)
	if !errors.Is(err, context.Canceled) || visits.Load() != 0 {
		t.Errorf("pre-cancelled: err %v, %d visits", err, visits.Load())
	}
}

// TestWalkCancelWhileBlocked cancels from outside while visits block and
// the other workers wait for tasks: all of them must return.
func TestWalkCancelWhileBlocked(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"a": "", "b/c": ""})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{}, 10)
	done := make(chan error, 1)
	go func() {
		done <- Walk(ctx, Options{Root: root, Workers: 8}, func(Entry) {
			started <- struct{}{}
			<-ctx.Done()
		}, nil)
	}()
	<-started
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Walk returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Walk did not return after cancel")
	}
}

// TestWalkConcurrent walks ~2000 files with 8 workers: each is visited
// exactly once and no more than 8 visits run at once.
func TestWalkConcurrent(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{".gitignore": "*.skip\n"}
	var want []string
	for i := range 2000 {
		p := fmt.Sprintf("d%d/e%d/f%d.txt", i%10, i%37, i)
		files[p] = strings.Repeat("x", i%17)
		want = append(want, p)
	}
	for i := range 50 {
		files[fmt.Sprintf("d%d/s%d.skip", i%10, i)] = ""
	}
	want = append(want, ".gitignore")
	slices.Sort(want)
	makeTree(t, root, files)

	const workers = 8
	var (
		mu           sync.Mutex
		count        = map[string]int{}
		running, max atomic.Int32
	)
	err := Walk(context.Background(), Options{Root: root, Workers: workers}, func(e Entry) {
		n := running.Add(1)
		defer running.Add(-1)
		for m := max.Load(); n > m && !max.CompareAndSwap(m, n); m = max.Load() {
		}
		if e.Path != ".gitignore" && e.Size != int64(len(files[e.Path])) {
			t.Errorf("%s: size %d, want %d", e.Path, e.Size, len(files[e.Path]))
		}
		mu.Lock()
		count[e.Path]++
		mu.Unlock()
		runtime.Gosched() // let visits overlap
	}, func(path string, err error) { t.Errorf("onErr(%q, %v)", path, err) })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p, n := range count {
		if n != 1 {
			t.Errorf("%s visited %d times", p, n)
		}
		got = append(got, p)
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if m := max.Load(); m > workers {
		t.Errorf("%d visits at once with %d workers", m, workers)
	}
}

// BenchmarkWalk walks a generated tree of 5,000 files in 500 directories.
func BenchmarkWalk(b *testing.B) {
	root := b.TempDir()
	files := map[string]string{}
	for d := range 500 {
		dir := fmt.Sprintf("p%d/q%d", d/25, d%25)
		for f := range 10 {
			files[fmt.Sprintf("%s/file%d.go", dir, f)] = "package x\n"
		}
	}
	makeTree(b, root, files)
	withIgnore := b.TempDir()
	files[".gitignore"] = "*.log\n/p1/\n!important.log\n**/q3/*.go\nbuild/\n"
	for d := range 20 {
		files[fmt.Sprintf("p%d/.gitignore", d)] = "*.tmp\n!keep.tmp\n"
	}
	makeTree(b, withIgnore, files)

	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"workers=1", Options{Root: root, Workers: 1}},
		{"workers=NumCPU", Options{Root: root}},
		{"gitignore", Options{Root: withIgnore, Excludes: []string{"*.min.js"}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var n atomic.Int64
			for b.Loop() {
				n.Store(0)
				if err := Walk(context.Background(), bc.opts, func(Entry) { n.Add(1) }, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n.Load()), "files/op")
		})
	}
}
