//go:build unix

package walk

import (
	"context"
	"io/fs"
	"net"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestWalkSpecialFiles checks that a FIFO and a socket are visited with
// their type and never opened. Opening a FIFO with no writer blocks, so the
// walk finishing at all proves it was not opened.
func TestWalkSpecialFiles(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"sub/a.txt": "a"})
	fifo := filepath.Join(root, "sub", "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	want := map[string]fs.FileMode{"sub/a.txt": 0, "sub/pipe": fs.ModeNamedPipe}
	// Socket paths are limited to about 100 bytes; skip the socket when the
	// temporary directory is too deep.
	if sock := filepath.Join(root, "sock"); len(sock) < 100 {
		l, err := net.Listen("unix", sock)
		if err == nil {
			defer l.Close()
			want["sock"] = fs.ModeSocket
		}
	}

	done := make(chan result, 1)
	go func() { done <- walkAll(t, Options{Root: root, Workers: 2}) }()
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("walk blocked: the FIFO was opened")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	got := map[string]fs.FileMode{}
	for p, e := range r.entries {
		got[p] = e.Type
		if e.Type != 0 && e.Size != 0 {
			t.Errorf("%s: size %d for a non-regular file", p, e.Size)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
}

// TestWalkRootFIFO checks that a root that is a FIFO is visited, not
// opened.
func TestWalkRootFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var got []Entry
	done := make(chan error, 1)
	go func() {
		done <- Walk(context.Background(), Options{Root: fifo}, func(e Entry) { got = append(got, e) }, nil)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("walk blocked: the FIFO was opened")
	}
	want := []Entry{{Path: "pipe", OSPath: fifo, Type: fs.ModeNamedPipe}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}
