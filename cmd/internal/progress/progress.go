// Package progress draws a live one-line status on stderr while long work
// runs, such as scanning a large tree:
//
//	scanning  12,345 files  3,210 files/s  45.6 MB  vendor/k8s.io/client-go/...
//
// The line is redrawn in place with a carriage return, so it needs a
// terminal; Start returns a Reporter that does nothing when
// IOStreams.ProgressEnabled says nobody is watching (redirected stderr, CI,
// --quiet). Use it as:
//
//	r := progress.Start(opts.IO, "scanning", counter.Snapshot)
//	defer r.Stop()
//
// Between Start and Stop, nothing else should write to stderr, or the two
// would interleave on the same line.
package progress

import (
	"io"
	"strings"
	"sync"
	"time"

	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/internal/human"
)

// DefaultInterval is how often the line is redrawn: often enough to look
// alive, rarely enough to cost nothing next to the work being measured.
const DefaultInterval = 100 * time.Millisecond

// Snapshot is how far the work has got.
type Snapshot struct {
	Files   int64  // files done so far
	Bytes   int64  // bytes read so far
	Current string // the file being worked on, slash-separated; may be empty
}

// Option changes how Start behaves.
type Option func(*config)

type config struct {
	interval time.Duration
}

// WithInterval sets how often the line is redrawn; tests use a short one so
// they need not wait. Non-positive values keep DefaultInterval.
func WithInterval(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.interval = d
		}
	}
}

// Reporter redraws the progress line until Stop is called.
type Reporter struct {
	stop     chan struct{} // closed by Stop; nil for a reporter that does nothing
	finished chan struct{} // closed by the drawing goroutine when it is done
	once     sync.Once
}

// Start begins drawing a progress line labelled label on ios.ErrOut, calling
// snapshot before each redraw. snapshot runs on another goroutine while the
// work goes on, so it must be safe for that: read counters with
// sync/atomic, or under the lock that guards them.
//
// When ios.ProgressEnabled is false, Start draws nothing, never calls
// snapshot, and returns a Reporter whose Stop does nothing, so callers need
// no check of their own.
func Start(ios *iostreams.IOStreams, label string, snapshot func() Snapshot, opts ...Option) *Reporter {
	if !ios.ProgressEnabled() {
		return &Reporter{}
	}
	cfg := config{interval: DefaultInterval}
	for _, o := range opts {
		o(&cfg)
	}
	r := &Reporter{stop: make(chan struct{}), finished: make(chan struct{})}
	d := &drawer{
		w:        ios.ErrOut,
		label:    label,
		snapshot: snapshot,
		width:    ios.TerminalWidth,
		start:    time.Now(),
	}
	go d.run(cfg.interval, r.stop, r.finished)
	return r
}

// Stop ends the progress line and clears it, and returns only once the
// drawing goroutine has exited, so the caller may write to stderr straight
// away. It is safe to call more than once.
func (r *Reporter) Stop() {
	if r.stop == nil {
		return
	}
	r.once.Do(func() { close(r.stop) })
	<-r.finished
}

// drawer is owned by the drawing goroutine; nothing else touches it.
type drawer struct {
	w        io.Writer
	label    string
	snapshot func() Snapshot
	width    func() int
	start    time.Time
	drawn    int // columns the line on screen occupies
}

func (d *drawer) run(interval time.Duration, stop <-chan struct{}, finished chan<- struct{}) {
	defer close(finished)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			d.clear()
			return
		case now := <-t.C:
			d.draw(now)
		}
	}
}

// draw overwrites the current line. It pads with spaces rather than using
// an erase escape code so that it works on any terminal, escape codes or not.
// Write errors are ignored: the line is decoration, and a broken stderr
// will surface elsewhere.
func (d *drawer) draw(now time.Time) {
	// One column short of the width: writing into the last column makes
	// some terminals wrap, and then \r returns to the wrong line.
	line := render(d.label, d.snapshot(), now.Sub(d.start), d.width()-1)
	cols := textWidth(line)
	var b strings.Builder
	b.WriteByte('\r')
	b.WriteString(line)
	if d.drawn > cols {
		b.WriteString(strings.Repeat(" ", d.drawn-cols))
	}
	d.drawn = cols
	_, _ = io.WriteString(d.w, b.String())
}

// clear blanks the line and leaves the cursor at its start, so whatever is
// printed next starts on a clean line.
func (d *drawer) clear() {
	if d.drawn == 0 {
		return
	}
	_, _ = io.WriteString(d.w, "\r"+strings.Repeat(" ", d.drawn)+"\r")
	d.drawn = 0
}

// render builds the progress line, at most width columns wide. The file
// path goes last and is shortened first, since the counts matter more.
func render(label string, s Snapshot, elapsed time.Duration, width int) string {
	var rate int64
	if secs := elapsed.Seconds(); secs > 0 {
		rate = int64(float64(s.Files) / secs)
	}
	line := label + "  " + human.Count(s.Files) + " files  " +
		human.Count(rate) + " files/s  " + human.Bytes(s.Bytes)
	if room := width - textWidth(line) - 2; s.Current != "" && room > 0 {
		if cur := truncate(sanitize(s.Current), room); cur != "" {
			line += "  " + cur
		}
	}
	if textWidth(line) > width {
		line = truncate(line, width)
	}
	return line
}

// sanitize replaces control characters in a path with '?'. File names may
// contain anything, and a newline or an escape sequence in one would break
// the line or, worse, drive the terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}

// ellipsis marks text cut short.
const ellipsis = "..."

// truncate shortens s to at most width columns, ending it with "..." when
// anything was cut. It keeps the start, which for a path names the
// directory the work is in.
func truncate(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	if width < len(ellipsis) {
		return ""
	}
	limit := width - len(ellipsis)
	cols := 0
	for i, r := range s {
		w := human.RuneWidth(r)
		if cols+w > limit {
			return s[:i] + ellipsis
		}
		cols += w
	}
	return s
}

// textWidth returns how many terminal columns s occupies.
func textWidth(s string) int { return human.Width(s) }
