package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"
)

// ErrViolations is returned by a command whose check ran fine and found
// policy violations, such as a denied license. It is the only error that
// makes heng exit with status 1, so a CI job can tell "the check failed"
// from "heng could not run" (status 2). Wrap it to say more:
//
//	return fmt.Errorf("%d packages violate %q: %w", n, policyPath, cmdutil.ErrViolations)
var ErrViolations = errors.New("policy violations found")

// ErrInvalid is returned by a command that checked a document and found it
// invalid (heng sbom validate). Like ErrViolations it makes heng exit with
// status 1: the check ran, and its answer is no.
var ErrInvalid = errors.New("document is invalid")

// FlagError is a mistake in how heng was invoked: a bad flag value, a
// missing or extra argument. Besides the error, the user is shown how to
// get the command's help.
type FlagError struct {
	err error
}

// FlagErrorf returns a FlagError with a message formatted as by fmt.Errorf,
// so %w works. Name the flag, list the valid choices:
//
//	return cmdutil.FlagErrorf("unknown format %q for --format; available: json, text", opts.Format)
func FlagErrorf(format string, args ...any) error {
	return &FlagError{err: fmt.Errorf(format, args...)}
}

// FlagErrorWrap marks err as a usage mistake. It returns nil for nil, and
// err itself when err is already a FlagError.
func FlagErrorWrap(err error) error {
	var fe *FlagError
	if err == nil || errors.As(err, &fe) {
		return err
	}
	return &FlagError{err: err}
}

// Error returns the message of the wrapped error.
func (e *FlagError) Error() string { return e.err.Error() }

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *FlagError) Unwrap() error { return e.err }

// CannotRead reports that a file cannot be read, as "cannot read NAME:
// REASON", without the operation and path an *fs.PathError repeats.
func CannotRead(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot read %s: %w", name, err)
}
