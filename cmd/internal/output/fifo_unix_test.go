//go:build unix

package output

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileFIFO checks that a path that is not a regular file is written
// in place: renaming over it would replace a pipe (or, for -o /dev/stdout, a
// device) with a plain file. A pipe in a temp dir stands in for the device,
// so a regression cannot damage the machine running the test.
func TestWriteFileFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until WriteFile opens the write end
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			got <- "read: " + err.Error()
			return
		}
		got <- string(b)
	}()
	if err := WriteFile(fifo, io.Discard, writeString("report\n")); err != nil {
		t.Fatalf("WriteFile(%q) = %v", fifo, err)
	}
	if s := <-got; s != "report\n" {
		t.Errorf("read from pipe %q, want %q", s, "report\n")
	}
	fi, err := os.Lstat(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Type() != fs.ModeNamedPipe {
		t.Errorf("%q is no longer a named pipe: %v", fifo, fi.Mode())
	}
}
