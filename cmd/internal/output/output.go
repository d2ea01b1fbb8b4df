// Package output writes result files (reports, SBOMs) whole or not at all.
//
// A scan can fail or be interrupted halfway through writing its report. If
// heng wrote straight into the destination, a CI job would then find a
// truncated SBOM where the previous good one was. WriteFile instead writes a
// temporary file beside the destination and renames it into place only once
// everything succeeded; a rename within one directory replaces the old file
// in one step.
package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Stdout is the path that means "write to standard output", as in -o -.
const Stdout = "-"

// newFileMode is the permission of files that did not exist before: readable
// by everyone, like files made by shell redirection under a usual umask.
const newFileMode fs.FileMode = 0o644

// WriteFile calls write with a writer for path and makes the result appear
// there only if write and every step after it succeed.
//
// path "" or "-" means stdout: write then writes to stdout directly (pass
// the IOStreams' Out), since what reached a stream cannot be taken back.
//
// Otherwise the data goes to a temporary file in the same directory, which
// is synced, closed and renamed over path. On any failure, including a
// panic in write, the temporary file is removed and an existing file at
// path is left untouched; the panic then carries on. A new file gets mode
// 0644; a replaced file keeps its mode. A symbolic link at path is
// followed, so the file it points to is replaced and the link stays.
// Paths that are not regular files, such as /dev/stdout or a named pipe,
// cannot be replaced by renaming and are written in place.
func WriteFile(path string, stdout io.Writer, write func(w io.Writer) error) error {
	if path == "" || path == Stdout {
		if err := write(stdout); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
		return nil
	}
	target, mode, regular, err := destination(path)
	if err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if !regular {
		return writeInPlace(path, write)
	}
	if err := replace(target, mode, write); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	return nil
}

// destination resolves what WriteFile should replace: the file at the end
// of any symlinks, the mode to give it, and whether it is (or will be) a
// regular file.
func destination(path string) (target string, mode fs.FileMode, regular bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A dangling symlink also lands here; writing through it would
		// create a file somewhere unexpected, so it is replaced instead.
		return path, newFileMode, true, nil
	case err != nil:
		return "", 0, false, err
	case fi.IsDir():
		return "", 0, false, errors.New("is a directory")
	case !fi.Mode().IsRegular():
		return path, 0, false, nil
	}
	target, err = filepath.EvalSymlinks(path)
	if err != nil {
		return "", 0, false, err
	}
	return target, fi.Mode().Perm(), true, nil
}

// replace writes into a temporary file next to target and renames it over
// target. Errors name neither file: the caller adds the path the user gave.
func replace(target string, mode fs.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	// The leading dot hides the file from ls and most globs while it is
	// being written; "*" lets CreateTemp add a unique suffix.
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return err
	}
	// Runs on every early return and during a panic: the half-written
	// temporary file must not outlive the failure.
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()

	// Buffering matters because encoders tend to write in small pieces.
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	// CreateTemp makes files 0600; give the result the mode it should have.
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	// Without Sync, a crash soon after the rename could leave an empty file
	// under the final name on file systems that reorder metadata and data.
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	done = true
	return nil
}

// writeInPlace writes to a path that is not a regular file, such as a
// device or a named pipe, which a rename would replace rather than write to.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	return nil
}
