package attribution

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-enry/go-enry/v2"

	"github.com/hengdev/heng/licenses"
)

// DefaultMaxTextSize is the largest license file read when
// Options.MaxTextSize is 0: license texts are a few kilobytes, the
// longest (GPL-3.0 and a few collections) under 100 KB; a file ten times
// that is not a license text worth reproducing whole.
const DefaultMaxTextSize = 1 << 20

// Options say where license files may be read from.
type Options struct {
	// Root is the directory the relative file paths (evidence, package
	// directories) are relative to; "" reads no files at all (canonical
	// texts only).
	Root string
	// AllowAbsolute lets absolute file paths be read (a scan's Go module
	// cache files); false for SBOMs, whose paths are not to be trusted.
	AllowAbsolute bool
	// MaxTextSize bounds a license file read (default 1 MiB); a larger
	// one is not read and its evidence says so.
	MaxTextSize int64
}

// Notes given when a file is not read, each prefixed with the file's
// path in Package.Notes.
const (
	noteNoRoot    = "not read: no directory to read files from"
	noteOutside   = "not read: outside the scanned tree"
	noteNotFound  = "not found on disk"
	noteNotText   = "not read: not a text file"
	noteIrregular = "not read: not a regular file"
	noteEmpty     = "nothing left once its copyright lines are removed"
)

// reader reads license files under Options' rules. Relative paths are
// opened through an os.Root, which refuses any path, "..", symbolic link
// or otherwise, that leads outside Root.
type reader struct {
	opts    Options
	max     int64
	root    *os.Root
	rootErr error
	opened  bool
}

func newReader(opts Options) *reader {
	max := opts.MaxTextSize
	if max <= 0 {
		max = DefaultMaxTextSize
	}
	return &reader{opts: opts, max: max}
}

func (r *reader) close() {
	if r.root != nil {
		r.root.Close()
	}
}

// isAbs reports whether a file path is absolute here or on Windows
// ("C:/x", `\\server\share`): such paths never resolve under Root.
func isAbs(p string) bool {
	if path.IsAbs(p) || filepath.IsAbs(p) || strings.HasPrefix(p, `\`) {
		return true
	}
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// read returns a file's bytes, or a note saying why it was not read.
func (r *reader) read(name string) ([]byte, string) {
	if r.opts.Root == "" {
		return nil, noteNoRoot
	}
	if strings.ContainsRune(name, 0) || name == "" {
		return nil, "not read: not a valid file name"
	}
	if isAbs(name) {
		if !r.opts.AllowAbsolute || !filepath.IsAbs(filepath.FromSlash(name)) {
			return nil, noteOutside
		}
		return r.readFrom(os.Stat, os.Open, filepath.FromSlash(name))
	}
	clean := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return nil, noteOutside
	}
	if !r.opened {
		r.opened = true
		r.root, r.rootErr = os.OpenRoot(r.opts.Root)
	}
	if r.rootErr != nil {
		return nil, "not read: " + errText(r.rootErr)
	}
	return r.readFrom(r.root.Stat, r.root.Open, filepath.FromSlash(clean))
}

func (r *reader) readFrom(stat func(string) (fs.FileInfo, error), open func(string) (*os.File, error), name string) ([]byte, string) {
	// Stat first: opening a FIFO would block, and a device never ends.
	st, err := stat(name)
	if err != nil {
		return nil, openNote(err)
	}
	if !st.Mode().IsRegular() {
		return nil, noteIrregular
	}
	if st.Size() > r.max {
		return nil, "not read: larger than " + sizeText(r.max)
	}
	f, err := open(name)
	if err != nil {
		return nil, openNote(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, r.max+1))
	if err != nil {
		return nil, "not read: " + errText(err)
	}
	if int64(len(data)) > r.max {
		return nil, "not read: larger than " + sizeText(r.max)
	}
	return data, ""
}

// openNote words an error of opening a file.
func openNote(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return noteNotFound
	case errors.Is(err, fs.ErrPermission):
		return "not read: permission denied"
	case strings.Contains(err.Error(), "escapes"):
		// os.Root: a symbolic link or ".." leading out of Root.
		return noteOutside
	}
	return "not read: " + errText(err)
}

// errText is an error's message without the path, which the note's
// reader already has.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// sizeText writes a byte count as the Options documentation does.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// decodeText turns a file's bytes into text: UTF-16 and GB18030 decoded
// (licenses.Decode), invalid UTF-8 replaced; ok is false for binary data,
// judged as the scan judges it (go-enry: a NUL byte early on).
func decodeText(data []byte) (string, bool) {
	text, _ := licenses.Decode(data)
	if enry.IsBinary(text) {
		return "", false
	}
	if !utf8.Valid(text) {
		text = bytes.ToValidUTF8(text, []byte("\uFFFD"))
	}
	return string(text), true
}

// normalizeBody cleans a license text for reproduction: the lines in drop
// (1-based, counted by '\n' as copyright.Find counts them) removed, line
// ends made '\n', trailing white space and control characters (but tabs)
// removed, runs of blank lines made one, and blank lines at either end
// dropped. A leading byte order mark goes too.
func normalizeBody(text string, drop map[int]bool) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	var b strings.Builder
	b.Grow(len(text))
	blank := 0 // blank lines pending
	started := false
	n := 0
	emit := func(line string) {
		line = strings.TrimRightFunc(cleanControls(line), unicode.IsSpace)
		if line == "" {
			blank++
			return
		}
		if started {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		started = true
		blank = 0
		b.WriteString(line)
	}
	for line := range strings.SplitSeq(text, "\n") {
		n++
		if drop[n] {
			continue
		}
		// A lone '\r' ends a line too (old Mac files).
		for part := range strings.SplitSeq(strings.TrimSuffix(line, "\r"), "\r") {
			emit(part)
		}
	}
	return b.String()
}

// cleanControls removes control characters other than tab: form feeds
// of old GNU texts, escape sequences, NUL.
func cleanControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return r != '\t' && unicode.IsControl(r)
}

// OneLine makes a value shown on one line safe: white space (newlines
// included) collapsed, control characters removed. The views of a Project
// (the notice, the report) use it on whatever the Project holds.
func OneLine(s string) string {
	return strings.Join(strings.Fields(cleanControls(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s))), " ")
}
