// Package cmdutil holds what the root command and every subcommand share:
// the Factory they are built from and the errors that decide exit codes.
//
// It is its own package because package cli imports every command package
// to register it, so the commands cannot import cli back.
package cmdutil

import (
	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

// Factory carries the process's dependencies into command constructors, so
// commands use no globals and tests can build them with fakes:
//
//	ios, _, stdout, _ := iostreams.Test()
//	cmd := version.NewCmdVersion(&cmdutil.Factory{IOStreams: ios, Build: info, Getenv: env}, nil)
type Factory struct {
	// IOStreams is where commands read input and write data (Out) and
	// diagnostics (ErrOut).
	IOStreams *iostreams.IOStreams
	// Build describes this binary: version, commit, date.
	Build build.Info
	// Getenv reads an environment variable. Commands use it instead of
	// os.Getenv (e.g. for SOURCE_DATE_EPOCH) so tests control the
	// environment without touching the process's.
	Getenv func(key string) string
}
