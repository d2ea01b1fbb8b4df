// Package cli is heng's command line: Main builds the root command, runs it
// and turns the outcome into an exit code and at most two lines on stderr.
//
// Commands never print their own errors or call os.Exit; they return an
// error and Main decides what the user sees:
//
//	0  success
//	1  cmdutil.ErrViolations: the check ran and found policy violations
//	2  anything else: usage mistakes, bad input, interruption, internal errors
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

// Exit codes; see the package comment. A CI gate relies on 1 meaning
// "violations" and nothing else, so every other failure must be 2.
const (
	exitOK         = 0
	exitViolations = 1
	exitError      = 2
)

// issuesURL is where internal errors should be reported.
const issuesURL = "https://github.com/hengdev/heng/issues"

// Main runs heng with the process's arguments and streams and returns the
// exit code; cmd/heng passes it to os.Exit.
func Main() int {
	// SIGINT and SIGTERM cancel the context so a scan can stop cleanly and
	// output.WriteFile can remove its temporary file.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// Once cancelled, let a second Ctrl-C kill heng at once instead of
		// being swallowed while a command winds down.
		<-ctx.Done()
		stop()
	}()
	f := &cmdutil.Factory{
		IOStreams: iostreams.System(),
		Build:     build.Get(),
		Getenv:    os.Getenv,
	}
	return run(ctx, f, os.Args[1:], NewCmdRoot)
}

// run builds the command tree with newRoot, executes it with args and
// reports the outcome on f.IOStreams.ErrOut. Tests call it directly, with
// fake streams and extra commands.
func run(ctx context.Context, f *cmdutil.Factory, args []string, newRoot func(*cmdutil.Factory) *cobra.Command) (code int) {
	stderr := f.IOStreams.ErrOut
	defer func() {
		// A panic is a bug in heng, not something the user did: say so,
		// say where to report it, and keep the stack trace off the screen.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "heng: internal error: %s\n", oneLine(fmt.Sprint(r)))
			fmt.Fprintf(stderr, "heng: this is a bug in heng %s; please report it at %s\n", f.Build.Version, issuesURL)
			code = exitError
		}
	}()

	root := newRoot(f)
	prepareTree(root)
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	if cmd == nil {
		cmd = root
	}
	printError(ctx, stderr, cmd, err)
	return exitCode(err)
}

// exitCode maps a command's error to the process exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, cmdutil.ErrViolations), errors.Is(err, cmdutil.ErrInvalid):
		return exitViolations
	default:
		return exitError
	}
}

// printError writes err as one line, "heng: <message>", followed for usage
// mistakes by a line pointing at the failing command's help. Scripts and CI
// logs read stderr line by line, so a message never spans lines.
func printError(ctx context.Context, w io.Writer, cmd *cobra.Command, err error) {
	msg := oneLine(err.Error())
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		msg = "interrupted"
	}
	fmt.Fprintf(w, "heng: %s\n", msg)
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
}

// oneLine joins the non-blank lines of s with "; ", for messages that come
// from errors.Join or from libraries that format errors over several lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var parts []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line != "" {
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, "; ")
}

// prepareTree adjusts the finished command tree, including commands that
// cobra or tests added, so no command has to remember to:
//
//   - a command that only groups subcommands (like `completion`) rejects an
//     unknown subcommand with a usage error; cobra would print its help and
//     exit 0, which hides typos in scripts;
//   - errors of argument validators (cobra.NoArgs, cobra.ExactArgs, ...)
//     become FlagErrors, so "too many arguments" gets the same help hint as
//     a bad flag.
func prepareTree(cmd *cobra.Command) {
	if cmd.SuggestionsMinimumDistance <= 0 {
		// cobra suggests "version" for "verison" only when told how far
		// apart the two may be; 2 is the distance its own errors use.
		cmd.SuggestionsMinimumDistance = 2
	}
	if !cmd.Runnable() && cmd.HasSubCommands() {
		cmd.Args = unknownCommand
		cmd.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	}
	if validate := cmd.Args; validate != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			return cmdutil.FlagErrorWrap(validate(c, args))
		}
	}
	for _, sub := range cmd.Commands() {
		prepareTree(sub)
	}
}

// unknownCommand is the argument validator of commands that take no
// arguments of their own, only subcommands: any word that reaches it is a
// mistyped subcommand. A suggestion stays on the same line.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		return cmdutil.FlagErrorf("unknown command %q for %q; did you mean %q?", args[0], cmd.CommandPath(), s[0])
	}
	return cmdutil.FlagErrorf("unknown command %q for %q", args[0], cmd.CommandPath())
}
