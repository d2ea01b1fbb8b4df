// Package walk lists a directory tree and runs per-file work on one bounded
// pool of workers.
//
// Listing and visiting share the pool because a scan is dominated by I/O on
// both sides: separate pools would either leave cores idle while one side
// waits on the disk or need twice the goroutines and open files. Tasks are
// kept on a LIFO stack, so the walk goes depth first and the pending list
// stays proportional to the width of the current path, not of the tree.
//
// The walk honours .gitignore files as git does, never enters .git, .hg or
// .svn directories, and never follows symbolic links below the root.
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
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Entry is one non-directory entry found by the walk.
type Entry struct {
	// Path is relative to the root, with forward slashes ("a/b.go"). For a
	// root that is itself a file it is the file's base name.
	Path string
	// OSPath is the path to open: the root joined with Path, with the
	// separators of the OS.
	OSPath string
	// Type holds the type bits only (fs.ModeType): 0 for a regular file,
	// fs.ModeSymlink, fs.ModeNamedPipe, fs.ModeSocket, fs.ModeDevice (maybe
	// with fs.ModeCharDevice) or fs.ModeIrregular.
	Type fs.FileMode
	// Size comes from lstat; it is 0 when the entry is not a regular file.
	Size int64
}

// Options configure Walk.
type Options struct {
	// Root is the directory (or the single file) to walk.
	Root string
	// Workers is the size of the worker pool; <= 0 means runtime.NumCPU().
	Workers int
	// NoIgnore disables .gitignore files (and .git/info/exclude).
	NoIgnore bool
	// Excludes are extra patterns in .gitignore syntax, relative to the root
	// ("*.min.js", "build/", "docs/**/*.svg"). They take precedence over
	// every .gitignore: a "!" rule there cannot re-include an excluded path.
	// As in a .gitignore, "!" re-includes within Excludes themselves, and an
	// entry that is blank or starts with "#" is ignored.
	Excludes []string
	// Unignore names directories that are walked even when a .gitignore
	// ignores them, with no .gitignore rule applying below them: the
	// dependency directories (node_modules, oh_modules) that projects keep
	// out of git but whose packages and licenses are what a license scan
	// is for. Excludes still apply to them.
	Unignore []string
}

// RootError reports that the root itself cannot be walked: it is missing,
// cannot be stat'ed or, for a directory, cannot be listed.
type RootError struct {
	Path string
	Err  error
}

// Error gives a one-line message naming the root, such as
// `cannot scan "nope": no such file or directory`.
func (e *RootError) Error() string {
	return fmt.Sprintf("cannot scan %q: %v", e.Path, bareErr(e.Err))
}

// Unwrap returns the underlying error, so errors.Is(err, fs.ErrNotExist)
// works.
func (e *RootError) Unwrap() error { return e.Err }

// vcsDirs are the directories that are never entered: they hold version
// control metadata, not sources, and .git alone can outweigh the tree.
var vcsDirs = map[string]bool{".git": true, ".hg": true, ".svn": true}

// Walk visits every entry under opts.Root except directories.
//
// visit is called from up to opts.Workers goroutines at once, and directory
// listing happens on the same workers: a directory's entries are queued as
// tasks. The directories .git, .hg and .svn are never entered, at any
// depth. Entries ignored by .gitignore files (a nested one applies to its
// own subtree, as in git) or matching opts.Excludes are not visited, and an
// ignored directory is not entered at all. Symbolic links are visited as
// entries of type fs.ModeSymlink and never followed, so a link loop cannot
// hang the walk; the root itself is followed if it is a link. FIFOs,
// sockets and devices are visited, so that the caller can list them, and
// never opened. A root that is a file is visited as is, whatever the
// Excludes say: the caller named it.
//
// A directory or ignore file that cannot be read is reported through
// onErr(relPath, err) and the walk goes on. Calls to onErr are serialized,
// so it may append to a slice without locking; onErr may be nil.
//
// Walk returns after every visit has returned: nil, ctx.Err() when ctx is
// cancelled (no task starts after that), or a *RootError when the root
// cannot be stat'ed or listed.
func Walk(ctx context.Context, opts Options, visit func(Entry), onErr func(path string, err error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if visit == nil {
		visit = func(Entry) {}
	}
	w := &walker{ctx: ctx, visit: visit, onErr: onErr, noIgnore: opts.NoIgnore, unignore: opts.Unignore}
	w.cond.L = &w.mu
	var excl []gitignore.Pattern
	for _, p := range opts.Excludes {
		if r := parseRule(p, nil); r != nil {
			excl = append(excl, r)
		}
	}
	if len(excl) > 0 {
		w.excl = gitignore.NewMatcher(excl)
	}

	info, err := os.Stat(opts.Root)
	if err != nil {
		return &RootError{Path: opts.Root, Err: err}
	}
	if !info.IsDir() {
		e := Entry{Path: filepath.Base(opts.Root), OSPath: opts.Root, Type: info.Mode().Type()}
		if e.Type.IsRegular() {
			e.Size = info.Size()
		}
		visit(e)
		return nil
	}

	// The root is listed here rather than on the pool so that a failure
	// becomes Walk's error instead of an onErr report.
	var dirs, files []task
	if err := w.listDir(&dirNode{os: filepath.Clean(opts.Root)}, true, &dirs, &files); err != nil {
		return &RootError{Path: opts.Root, Err: err}
	}

	// Wake the workers when ctx is cancelled: they may be waiting on the
	// condition variable, which knows nothing of channels.
	stop := context.AfterFunc(ctx, func() {
		w.mu.Lock()
		w.stopped = true
		w.cond.Broadcast()
		w.mu.Unlock()
	})
	defer stop()

	n := opts.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	var wg sync.WaitGroup
	for range n {
		wg.Go(w.work)
	}
	wg.Wait()
	return ctx.Err()
}

// dirNode is a directory waiting to be listed.
type dirNode struct {
	rel   string     // relative to the root, forward slashes; "" for the root
	os    string     // path to open
	comps []string   // components of rel, for the matchers; never modified
	ign   *ignoreSet // rules of the ancestors; nil when there are none
	// unignored is set below a directory walked by Options.Unignore:
	// no ignore file applies there.
	unignored bool
}

// task is one unit of work on the pool: a directory to list (dir != nil) or
// an entry to visit. It is a value, not a pointer, so queueing an entry
// allocates nothing beyond the stack's own growth.
type task struct {
	dir   *dirNode
	entry Entry
	de    fs.DirEntry // regular files only: gives Size (cached on Windows)
}

type walker struct {
	ctx      context.Context
	visit    func(Entry)
	onErr    func(string, error)
	noIgnore bool
	unignore []string
	excl     gitignore.Matcher // nil without Excludes

	errMu sync.Mutex // serializes onErr

	mu      sync.Mutex
	cond    sync.Cond
	stack   []task
	pending int  // tasks queued or running; 0 means the walk is over
	waiting int  // workers blocked in cond.Wait
	stopped bool // ctx was cancelled
}

// work is one worker's loop.
func (w *walker) work() {
	// Per-worker buffers for the tasks of one directory, reused across
	// directories so that listing does not allocate them each time.
	var dirs, files []task
	finished := false
	for {
		t, ok := w.next(finished)
		if !ok {
			return
		}
		if t.dir != nil {
			w.listDir(t.dir, false, &dirs, &files)
		} else {
			w.visitEntry(&t)
		}
		finished = true
	}
}

// next marks the previous task finished (one lock for both steps) and
// returns the next one, waiting while other workers may still queue more.
// It returns false when the walk is over or cancelled.
func (w *walker) next(finished bool) (task, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if finished {
		w.pending--
		if w.pending == 0 {
			w.cond.Broadcast()
		}
	}
	for {
		// The AfterFunc may not have run yet when visit cancels ctx itself;
		// checking here keeps "no new task after cancel" exact.
		if w.stopped || w.ctx.Err() != nil {
			return task{}, false
		}
		if n := len(w.stack); n > 0 {
			t := w.stack[n-1]
			w.stack[n-1] = task{} // drop references held by the spare capacity
			w.stack = w.stack[:n-1]
			return t, true
		}
		if w.pending == 0 {
			return task{}, false
		}
		w.waiting++
		w.cond.Wait()
		w.waiting--
	}
}

// push queues the tasks of one directory. Files go on top so that they are
// visited before the walk descends, which keeps the stack short.
func (w *walker) push(dirs, files []task) {
	n := len(dirs) + len(files)
	if n == 0 {
		return
	}
	w.mu.Lock()
	w.stack = append(w.stack, dirs...)
	w.stack = append(w.stack, files...)
	w.pending += n
	if w.waiting > 0 {
		if n >= w.waiting {
			w.cond.Broadcast()
		} else {
			for range n {
				w.cond.Signal()
			}
		}
	}
	w.mu.Unlock()
}

// listDir reads directory d and queues its entries. For the root, a
// failure to read it is returned; for others it goes to onErr.
func (w *walker) listDir(d *dirNode, isRoot bool, dirs, files *[]task) error {
	ents, err := readDir(d.os)
	if err != nil {
		if isRoot {
			return err
		}
		// Entries read before the error are still walked.
		w.report(d.rel, wrapErr("read directory", d.os, err))
	}
	if w.ctx.Err() != nil {
		return nil
	}

	ign := d.ign
	if !w.noIgnore && !d.unignored {
		ign = ign.with(w.ownRules(d, ents, isRoot))
	}

	// comps is the path of each entry in turn, for the matchers: one
	// buffer per directory rather than one slice per entry.
	comps := make([]string, len(d.comps)+1)
	copy(comps, d.comps)
	last := len(d.comps)
	for _, e := range ents {
		name := e.Name()
		// os.ReadDir already lstat's entries whose type the file system
		// does not report, so Type is always known here.
		typ := e.Type()
		isDir := typ == fs.ModeDir
		if isDir && vcsDirs[name] {
			continue
		}
		comps[last] = name
		if w.excl != nil && w.excl.Match(comps, isDir) {
			continue
		}
		unignored := d.unignored
		if ign.match(comps, isDir) {
			if !isDir || !slices.Contains(w.unignore, name) {
				continue
			}
			unignored = true
		}
		osPath, rel := d.child(name)
		if isDir {
			sub := &dirNode{rel: rel, os: osPath, comps: append([]string(nil), comps...), ign: ign, unignored: unignored}
			if unignored {
				sub.ign = nil
			}
			*dirs = append(*dirs, task{dir: sub})
			continue
		}
		if typ&fs.ModeDir != 0 {
			// A directory with other type bits is not a plain directory
			// (none is reported so today); do not risk entering it.
			typ = fs.ModeIrregular
		}
		t := task{entry: Entry{Path: rel, OSPath: osPath, Type: typ}}
		if typ.IsRegular() {
			t.de = e
		}
		*files = append(*files, t)
	}
	w.push(*dirs, *files)
	*dirs = recycle(*dirs)
	*files = recycle(*files)
	return nil
}

// recycle empties a task buffer for reuse, dropping the references it
// holds, and lets an outsized one go so one huge directory does not pin
// memory for the rest of the walk.
func recycle(ts []task) []task {
	if cap(ts) > 4096 {
		return nil
	}
	clear(ts)
	return ts[:0]
}

// readDir lists a directory without sorting it: order is the caller's
// business and sorting every directory would cost for nothing.
func readDir(path string) ([]fs.DirEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	ents, err := f.ReadDir(-1)
	f.Close() // read-only: a close error says nothing about the listing
	return ents, err
}

// ownRules reads the ignore files of directory d: its .gitignore and, for
// the root of a repository, .git/info/exclude (lower priority).
func (w *walker) ownRules(d *dirNode, ents []fs.DirEntry, isRoot bool) []gitignore.Pattern {
	var rules []gitignore.Pattern
	for _, e := range ents {
		switch {
		case isRoot && e.Name() == ".git" && e.IsDir():
			rules = append(w.readIgnoreFile(d, ".git/info/exclude", true), rules...)
		case e.Name() == ".gitignore" && e.Type().IsRegular():
			// A .gitignore that is a symbolic link is not read: git
			// itself no longer follows them, and the walk follows none.
			rules = append(rules, w.readIgnoreFile(d, ".gitignore", false)...)
		}
	}
	return rules
}

// readIgnoreFile reads and parses an ignore file of directory d. name uses
// forward slashes. A missing file is only normal when optional.
func (w *walker) readIgnoreFile(d *dirNode, name string, optional bool) []gitignore.Pattern {
	p := filepath.Join(d.os, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil {
		if !optional || !errors.Is(err, fs.ErrNotExist) {
			rel := name
			if d.rel != "" {
				rel = d.rel + "/" + name
			}
			w.report(rel, wrapErr("read ignore file", p, err))
		}
		return nil
	}
	return parseIgnoreFile(data, d.comps)
}

// child returns the OS path and the relative path of entry name of d.
func (d *dirNode) child(name string) (osPath, rel string) {
	if d.rel == "" {
		// Join, not concatenation: the root may be ".", "/" or a volume.
		return filepath.Join(d.os, name), name
	}
	osPath = d.os + string(filepath.Separator) + name
	if filepath.Separator == '/' {
		// d.os ends with d.rel, so the relative path is a suffix of the
		// OS path: share its bytes instead of allocating another string.
		return osPath, osPath[len(osPath)-len(d.rel)-1-len(name):]
	}
	return osPath, d.rel + "/" + name
}

// visitEntry completes an entry's Size and hands it to visit.
func (w *walker) visitEntry(t *task) {
	if t.de != nil {
		info, err := t.de.Info()
		if err != nil {
			// Removed since the listing: nothing to report.
			if !errors.Is(err, fs.ErrNotExist) {
				w.report(t.entry.Path, wrapErr("stat", t.entry.OSPath, err))
			}
			return
		}
		if info.Mode().IsRegular() {
			t.entry.Size = info.Size()
		}
	}
	w.visit(t.entry)
}

// report passes an error to onErr, one call at a time.
func (w *walker) report(path string, err error) {
	if w.onErr == nil {
		return
	}
	w.errMu.Lock()
	defer w.errMu.Unlock()
	w.onErr(path, err)
}

// wrapErr names the operation and the path. The *fs.PathError that os
// returns is unwrapped first so the message does not name the path twice.
func wrapErr(op, path string, err error) error {
	return fmt.Errorf("%s %q: %w", op, path, bareErr(err))
}

// bareErr strips the operation and path that an *fs.PathError adds.
func bareErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
