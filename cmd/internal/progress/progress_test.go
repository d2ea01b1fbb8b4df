package progress

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/internal/human"
)

// countingSnapshot returns a snapshot func and a channel that is closed on
// its second call. The drawing goroutine draws after each call, so a second
// call proves the first line reached stderr; waiting for it needs no sleep.
func countingSnapshot(s Snapshot) (func() Snapshot, <-chan struct{}) {
	var mu sync.Mutex
	calls := 0
	twice := make(chan struct{})
	return func() Snapshot {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls == 2 {
			close(twice)
		}
		return s
	}, twice
}

func TestStartDrawsAndClears(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	ios.SetStderrTTY(true)
	snap, twice := countingSnapshot(Snapshot{Files: 12345, Bytes: 45_600_000, Current: "vendor/k8s.io/client-go/rest/request.go"})

	r := Start(ios, "scanning", snap, WithInterval(time.Millisecond))
	select {
	case <-twice:
	case <-time.After(10 * time.Second):
		t.Fatal("progress line never drawn")
	}
	r.Stop()
	r.Stop() // a second Stop must neither panic nor block

	// Stop has returned, so the goroutine is done with errOut.
	got := errOut.String()
	if !strings.HasPrefix(got, "\rscanning  12,345 files  ") {
		t.Errorf("stderr does not start with the progress line: %q", got)
	}
	if want := " files/s  45.6 MB  vendor/k8s.io/"; !strings.Contains(got, want) {
		t.Errorf("stderr = %q, want it to contain %q", got, want)
	}
	// The last write blanks the line and returns to its start.
	last := got[strings.LastIndex(got[:len(got)-1], "\r"):]
	if strings.Trim(last, "\r ") != "" || !strings.HasSuffix(last, "\r") {
		t.Errorf("stderr does not end by clearing the line: last write %q", last)
	}
	if out.Len() != 0 {
		t.Errorf("progress wrote to stdout: %q", out.String())
	}
}

func TestStartDisabled(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*iostreams.IOStreams)
	}{
		{name: "not_a_terminal", setup: func(s *iostreams.IOStreams) {}},
		{name: "ci", setup: func(s *iostreams.IOStreams) { s.SetStderrTTY(true); s.SetCI(true) }},
		{name: "quiet", setup: func(s *iostreams.IOStreams) { s.SetStderrTTY(true); s.SetQuiet(true) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			tt.setup(ios)
			called := false
			r := Start(ios, "scanning", func() Snapshot { called = true; return Snapshot{} }, WithInterval(time.Millisecond))
			r.Stop()
			if called {
				t.Error("snapshot called although progress is disabled")
			}
			if out.Len()+errOut.Len() != 0 {
				t.Errorf("disabled progress wrote stdout %q, stderr %q", out.String(), errOut.String())
			}
		})
	}
}

func TestStopBeforeFirstDraw(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.SetStderrTTY(true)
	r := Start(ios, "scanning", func() Snapshot { return Snapshot{} }, WithInterval(time.Hour))
	r.Stop()
	if errOut.Len() != 0 {
		t.Errorf("nothing was drawn, yet Stop wrote %q", errOut.String())
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name    string
		snap    Snapshot
		elapsed time.Duration
		width   int
		want    string
	}{
		{
			name:    "fits",
			snap:    Snapshot{Files: 12345, Bytes: 45_600_000, Current: "vendor/a.go"},
			elapsed: 4 * time.Second,
			width:   79,
			want:    "scanning  12,345 files  3,086 files/s  45.6 MB  vendor/a.go",
		},
		{
			name:    "path_truncated",
			snap:    Snapshot{Files: 12345, Bytes: 45_600_000, Current: "vendor/k8s.io/client-go/informers/core/v1/pod.go"},
			elapsed: 4 * time.Second,
			width:   80,
			want:    "scanning  12,345 files  3,086 files/s  45.6 MB  vendor/k8s.io/client-go/infor...",
		},
		{
			name:    "no_room_for_path",
			snap:    Snapshot{Files: 1, Bytes: 10, Current: "a/b/c.go"},
			elapsed: time.Second,
			width:   34,
			want:    "scanning  1 files  1 files/s  10 B",
		},
		{
			name:    "narrow_terminal",
			snap:    Snapshot{Files: 1, Bytes: 10, Current: "a/b/c.go"},
			elapsed: time.Second,
			width:   15,
			want:    "scanning  1 ...",
		},
		{
			name:    "no_elapsed_time",
			snap:    Snapshot{Files: 5},
			elapsed: 0,
			width:   79,
			want:    "scanning  5 files  0 files/s  0 B",
		},
		{
			name:    "control_characters",
			snap:    Snapshot{Files: 1, Current: "evil\x1b[2J\nname"},
			elapsed: time.Second,
			width:   79,
			want:    "scanning  1 files  1 files/s  0 B  evil?[2J?name",
		},
		{
			name:    "wide_runes",
			snap:    Snapshot{Files: 1, Current: "文档/许可证/说明.txt"},
			elapsed: time.Second,
			width:   44,
			want:    "scanning  1 files  1 files/s  0 B  文档/...",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render("scanning", tt.snap, tt.elapsed, tt.width)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("render(%+v) diff (-want +got):\n%s", tt.snap, d)
			}
			if w := textWidth(got); w > tt.width {
				t.Errorf("render(%+v) is %d columns, more than %d", tt.snap, w, tt.width)
			}
		})
	}
}

func TestGroupThousands(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1,000"}, {12345, "12,345"},
		{1234567, "1,234,567"}, {-1234, "-1,234"},
	}
	for _, tt := range tests {
		if got := human.Count(tt.in); got != tt.want {
			t.Errorf("human.Count(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {45_600_000, "45.6 MB"},
		{3_200_000_000, "3.2 GB"}, {1 << 62, "4.6 EB"},
	}
	for _, tt := range tests {
		if got := human.Bytes(tt.in); got != tt.want {
			t.Errorf("human.Bytes(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
