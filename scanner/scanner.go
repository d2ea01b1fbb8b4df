// Package scanner scans a source tree: it walks it in parallel, classifies
// every file (language, vendored, generated, documentation, binary,
// license file) and finds the licenses in it. Run wires the stages and
// owns the concurrency; each stage lives in its own package (walk,
// classify, and heng's licenses package for detection).
package scanner

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/classify"
	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
	"github.com/hengdev/heng/scanner/walk"
)

// DefaultMaxFileSize is the size above which a file's content is not read.
// Anything larger is data, not source, in practice; it is listed anyway.
const DefaultMaxFileSize = 16 << 20

// Config configures Run.
type Config struct {
	// Root is the directory (or single file) to scan.
	Root string
	// Jobs is the number of files processed at once; <= 0 means the
	// number of CPUs.
	Jobs int
	// MaxFileSize is the largest file whose content is read; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// NoIgnore disables .gitignore files.
	NoIgnore bool
	// Excludes are extra patterns in .gitignore syntax.
	Excludes []string
	// Detector finds licenses; nil means a new one. Share one between
	// scans to share its compiled license scanners.
	Detector *licenses.Detector
	// Progress, when set, is kept up to date while the scan runs.
	Progress *Progress
	// Extractors find packages in manifests, lock files and installed
	// package records (scanner/extractor/list.All()); none means no
	// package is looked for.
	Extractors []extractor.Extractor
	// FileHashes computes the SHA-256 of every file read (for SBOMs that
	// list files).
	FileHashes bool
	// ModuleCache is a Go module cache (GOMODCACHE) to read the license
	// files of Go modules from when they are not vendored; "" means none.
	ModuleCache string
}

// DependencyDirs are the directories where package managers install
// dependencies. Projects keep them out of git, but their packages and
// license files are what a license scan is for: when packages are looked
// for, they are walked even when a .gitignore ignores them (--exclude still
// applies).
var DependencyDirs = []string{"node_modules", "oh_modules", "vendor", ".venv", "venv", "site-packages"}

// Progress holds live counters of a running scan, safe to read from
// another goroutine.
type Progress struct {
	Files   atomic.Int64
	Bytes   atomic.Int64
	current atomic.Pointer[string]
}

// Current returns the path of a file being scanned now, or "".
func (p *Progress) Current() string {
	if s := p.current.Load(); s != nil {
		return *s
	}
	return ""
}

// Result is what a scan found, sorted by path.
type Result struct {
	Files    []inventory.File
	Issues   []inventory.Issue
	Packages []inventory.Package
}

// Run scans cfg.Root. It fails only when the root cannot be scanned at all
// (a *walk.RootError) or ctx is cancelled; a file that cannot be read
// becomes an Issue, and the scan goes on.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Jobs <= 0 {
		cfg.Jobs = runtime.NumCPU()
	}
	if cfg.MaxFileSize <= 0 {
		cfg.MaxFileSize = DefaultMaxFileSize
	}
	if cfg.Detector == nil {
		cfg.Detector = licenses.NewDetector()
	}
	if err := cfg.Detector.Load(); err != nil {
		return nil, err
	}
	s := &scan{cfg: cfg, ctx: ctx, classifier: classify.New(), bufs: make(chan []byte, cfg.Jobs)}
	if st, err := os.Stat(cfg.Root); err == nil && !st.IsDir() {
		s.fsys = os.DirFS(filepath.Dir(cfg.Root))
	} else {
		s.fsys = os.DirFS(cfg.Root)
	}
	err := walk.Walk(ctx, walk.Options{
		Root:     cfg.Root,
		Workers:  cfg.Jobs,
		NoIgnore: cfg.NoIgnore,
		Excludes: cfg.Excludes,
		Unignore: s.unignore(),
	}, s.visit, func(path string, err error) {
		s.issue(path, err.Error())
	})
	if err != nil {
		return nil, err
	}
	inventory.SortFiles(s.files)
	var pkgs []inventory.Package
	if len(cfg.Extractors) > 0 {
		pkgs = s.finishPackages()
	}
	inventory.SortIssues(s.issues)
	return &Result{Files: s.files, Issues: s.issues, Packages: pkgs}, nil
}

// scan is one run: the collector of results (one mutex, sorted once at the
// end) and what the workers share.
type scan struct {
	cfg        Config
	ctx        context.Context
	fsys       fs.FS // the tree, for extractors
	classifier *classify.Classifier
	// bufs holds read buffers for reuse, one per worker at most. Unlike a
	// sync.Pool, it is not emptied by each garbage collection, which would
	// make every file allocate its buffer anew.
	bufs chan []byte

	mu       sync.Mutex
	files    []inventory.File
	issues   []inventory.Issue
	packages []inventory.Package
}

func (s *scan) add(f inventory.File, issues ...inventory.Issue) {
	s.mu.Lock()
	s.files = append(s.files, f)
	s.issues = append(s.issues, issues...)
	s.mu.Unlock()
	if p := s.cfg.Progress; p != nil {
		p.Files.Add(1)
		p.Bytes.Add(f.Size)
	}
}

func (s *scan) issue(path, msg string) {
	s.mu.Lock()
	s.issues = append(s.issues, inventory.Issue{Path: path, Message: msg})
	s.mu.Unlock()
}

// visit processes one entry of the walk. A panic is recovered and recorded
// against the file: one bad file never aborts a scan.
func (s *scan) visit(e walk.Entry) {
	if p := s.cfg.Progress; p != nil {
		p.current.Store(&e.Path)
	}
	defer func() {
		if r := recover(); r != nil {
			s.add(inventory.File{Path: e.Path, Size: e.Size, Skipped: inventory.SkipError},
				inventory.Issue{Path: e.Path, Message: fmt.Sprintf("internal error: %v", r)})
		}
	}()
	f, issues := s.file(e)
	s.add(f, issues...)
}

var skipReasons = map[fs.FileMode]string{
	fs.ModeSymlink:   inventory.SkipSymlink,
	fs.ModeNamedPipe: inventory.SkipFIFO,
	fs.ModeSocket:    inventory.SkipSocket,
	fs.ModeDevice:    inventory.SkipDevice,
	fs.ModeIrregular: inventory.SkipIrregular,
}

// file classifies one entry and finds its licenses.
func (s *scan) file(e walk.Entry) (inventory.File, []inventory.Issue) {
	f := inventory.File{Path: e.Path, Size: e.Size, Tags: []string{}, Licenses: []inventory.License{}, Copyrights: []inventory.Copyright{}}
	if e.Type != 0 {
		c := s.classifier.Classify(e.Path, nil)
		f.Language = c.Language
		f.Skipped = skipReasons[e.Type&^fs.ModeCharDevice]
		if f.Skipped == "" {
			f.Skipped = inventory.SkipIrregular
		}
		if e.Type&fs.ModeSymlink != 0 {
			f.Tags = append(f.Tags, inventory.TagSymlink)
		}
		return f, nil
	}
	exs := s.matching(e.Path, e.Size)
	if e.Size > s.cfg.MaxFileSize {
		c := s.classifier.Classify(e.Path, nil)
		f.Language, f.Tags = c.Language, tags(c.Tags)
		f.Skipped = inventory.SkipTooLarge
		if len(exs) > 0 {
			s.extract(e, exs, nil)
		}
		return f, nil
	}

	var buf []byte
	select {
	case buf = <-s.bufs:
	default:
	}
	content, err := readFile(e.OSPath, buf[:0], e.Size, s.cfg.MaxFileSize)
	defer func() {
		// Keep buffers of ordinary sizes; a huge one would pin memory.
		if cap(content) <= maxKeptBuffer {
			select {
			case s.bufs <- content[:0]:
			default:
			}
		}
	}()
	if err != nil {
		c := s.classifier.Classify(e.Path, nil)
		f.Language, f.Tags = c.Language, tags(c.Tags)
		f.Skipped = inventory.SkipError
		return f, []inventory.Issue{{Path: e.Path, Message: readError(err)}}
	}
	f.Size = int64(len(content))
	if s.cfg.FileHashes {
		sum := sha256.Sum256(content)
		f.SHA256 = hex.EncodeToString(sum[:])
	}
	if len(exs) > 0 {
		s.extract(e, exs, content)
	}
	// Text in UTF-16 or GB18030 is read as what it says, not as bytes.
	content, encoding := licenses.Decode(content)
	f.Encoding = encoding

	c := s.classifier.Classify(e.Path, content)
	f.Language, f.Tags = c.Language, tags(c.Tags)
	if hasTag(f.Tags, inventory.TagBinary) {
		return f, nil
	}
	var issues []inventory.Issue
	if encoding == "" && !utf8.Valid(bytes.TrimPrefix(content, utf8BOM)) {
		issues = append(issues, inventory.Issue{Path: e.Path, Message: "not valid UTF-8; scanned as raw bytes"})
	}
	mode := licenses.ModeSource
	if hasTag(f.Tags, inventory.TagLicense) {
		mode = licenses.ModeLicenseFile
	}
	res, err := s.cfg.Detector.Analyze(content, mode)
	if err != nil {
		issues = append(issues, inventory.Issue{Path: e.Path, Message: "detect licenses: " + err.Error()})
	}
	for _, c := range res.Copyrights {
		holders := c.Holders
		if holders == nil {
			holders = []string{}
		}
		f.Copyrights = append(f.Copyrights, inventory.Copyright{
			Statement: c.Text, Holders: holders, Years: c.Years, StartLine: c.StartLine, EndLine: c.EndLine,
		})
	}
	for _, l := range res.Findings {
		f.Licenses = append(f.Licenses, inventory.License{
			ID:           l.ID,
			Expression:   l.Expression,
			Kind:         string(l.Kind),
			MatchPercent: l.Percent,
			StartLine:    l.StartLine,
			EndLine:      l.EndLine,
			Raw:          l.Raw,
			Error:        l.Error,
		})
	}
	return f, issues
}

var utf8BOM = []byte("\xef\xbb\xbf")

// maxKeptBuffer is the largest read buffer kept for the next file.
const maxKeptBuffer = 4 << 20

func tags(t []string) []string {
	if t == nil {
		return []string{}
	}
	return t
}

func hasTag(tags []string, t string) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}

// errTooLarge reports a file that grew past the size limit while read.
var errTooLarge = errors.New("file grew larger than --max-file-size while being read")

// readFile reads the file at path into buf, which it grows as needed, and
// returns the content. size is what the walk saw; the file may have
// changed since. It reads at most limit bytes.
func readFile(path string, buf []byte, size, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	// Room for the whole file and a little more, so that reading it takes
	// one call and seeing its end another.
	buf = slices.Grow(buf, int(min(size, limit))+512)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf, errTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// readError gives the reason a file could not be read, without repeating
// its path (the report pairs them).
func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "vanished during the scan"
	case errors.Is(err, fs.ErrPermission):
		return "cannot read: permission denied"
	}
	return "cannot read: " + err.Error()
}

// unignore returns the directories walked despite .gitignore files: the
// dependency directories when packages are looked for.
func (s *scan) unignore() []string {
	if len(s.cfg.Extractors) == 0 {
		return nil
	}
	return DependencyDirs
}
