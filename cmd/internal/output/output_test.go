package output

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeString returns a write func that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// dirEntries lists the names in dir, so tests can see stray temp files.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteFileSuccess(t *testing.T) {
	tests := []struct {
		name     string
		existing *string // content already at the path, if any
		mode     fs.FileMode
		wantMode fs.FileMode
	}{
		{name: "new_file", wantMode: 0o644},
		{name: "replace", existing: ptr("old report\n"), mode: 0o644, wantMode: 0o644},
		{name: "replace_keeps_mode", existing: ptr("old report\n"), mode: 0o600, wantMode: 0o600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bom.json")
			if tt.existing != nil {
				if err := os.WriteFile(path, []byte(*tt.existing), tt.mode); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tt.mode); err != nil { // beat the umask
					t.Fatal(err)
				}
			}
			var stdout bytes.Buffer
			if err := WriteFile(path, &stdout, writeString("new report\n")); err != nil {
				t.Fatalf("WriteFile(%q) = %v", path, err)
			}
			if got := readFile(t, path); got != "new report\n" {
				t.Errorf("content = %q, want %q", got, "new report\n")
			}
			if d := cmp.Diff([]string{"bom.json"}, dirEntries(t, dir)); d != "" {
				t.Errorf("directory diff (-want +got):\n%s", d)
			}
			if stdout.Len() != 0 {
				t.Errorf("WriteFile to a file wrote to stdout: %q", stdout.String())
			}
			if runtime.GOOS == "windows" {
				return // Windows has no Unix permission bits to compare
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tt.wantMode {
				t.Errorf("mode = %v, want %v", got, tt.wantMode)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestWriteFileStdout(t *testing.T) {
	for _, path := range []string{"", "-"} {
		var stdout bytes.Buffer
		if err := WriteFile(path, &stdout, writeString("report\n")); err != nil {
			t.Fatalf("WriteFile(%q) = %v", path, err)
		}
		if got := stdout.String(); got != "report\n" {
			t.Errorf("WriteFile(%q) stdout = %q, want %q", path, got, "report\n")
		}
	}
}

// TestWriteFileFailureKeepsOld checks that a write that fails halfway, by
// error or by panic, leaves the previous file as it was and no temp file.
func TestWriteFileFailureKeepsOld(t *testing.T) {
	errHalfway := errors.New("encoder broke")
	tests := []struct {
		name  string
		write func(io.Writer) error
	}{
		{
			name: "error",
			write: func(w io.Writer) error {
				// More than bufio's buffer, so part of it reaches the temp file.
				if _, err := io.WriteString(w, strings.Repeat("partial ", 4096)); err != nil {
					return err
				}
				return errHalfway
			},
		},
		{
			name: "panic",
			write: func(w io.Writer) error {
				if _, err := io.WriteString(w, strings.Repeat("partial ", 4096)); err != nil {
					return err
				}
				panic("encoder bug")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bom.json")
			if err := os.WriteFile(path, []byte("old report\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						err = errors.New("panicked")
					}
				}()
				return WriteFile(path, io.Discard, tt.write)
			}()
			if err == nil {
				t.Fatalf("WriteFile(%q) succeeded, want an error", path)
			}
			if tt.name == "error" {
				if !errors.Is(err, errHalfway) {
					t.Errorf("WriteFile(%q) = %v, want it to wrap %v", path, err, errHalfway)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("WriteFile error %q does not name %q", err, path)
				}
			}
			if got := readFile(t, path); got != "old report\n" {
				t.Errorf("old file changed to %.40q...", got)
			}
			if d := cmp.Diff([]string{"bom.json"}, dirEntries(t, dir)); d != "" {
				t.Errorf("directory diff (-want +got):\n%s", d)
			}
		})
	}
}

func TestWriteFileUnwritable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		skip func() bool
	}{
		{name: "missing_directory", path: filepath.Join(dir, "no", "such", "bom.json")},
		{name: "parent_is_a_file", path: filepath.Join(file, "bom.json")},
		{name: "path_is_a_directory", path: dir},
		{
			name: "read_only_directory",
			path: filepath.Join(readOnly, "bom.json"),
			// root, and Windows, ignore the directory's permission bits.
			skip: func() bool { return runtime.GOOS == "windows" || os.Geteuid() == 0 },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip != nil && tt.skip() {
				t.Skip("permission bits are not enforced for this user")
			}
			called := false
			err := WriteFile(tt.path, io.Discard, func(w io.Writer) error {
				called = true
				return writeString("report")(w)
			})
			if err == nil {
				t.Fatalf("WriteFile(%q) succeeded, want an error", tt.path)
			}
			if want := `write "` + tt.path + `"`; !strings.Contains(err.Error(), want) {
				t.Errorf("WriteFile(%q) = %q, want it to contain %q", tt.path, err, want)
			}
			if called {
				t.Errorf("write was called although the destination cannot be written")
			}
		})
	}
	if d := cmp.Diff([]string{"plain", "ro"}, dirEntries(t, dir)); d != "" {
		t.Errorf("directory diff (-want +got):\n%s", d)
	}
}

func TestWriteFileThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, io.Discard, writeString("new")); err != nil {
		t.Fatalf("WriteFile(%q) = %v", link, err)
	}
	if got := readFile(t, real); got != "new" {
		t.Errorf("target content = %q, want %q", got, "new")
	}
	fi, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("%q is no longer a symlink", link)
	}
}
