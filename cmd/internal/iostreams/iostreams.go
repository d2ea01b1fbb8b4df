// Package iostreams bundles the standard streams with what heng needs to know
// about them: whether each is a terminal, whether colour and a live progress
// line are wanted, and how wide the terminal is.
//
// Commands get an *IOStreams from the Factory instead of touching os.Stdout,
// so tests can hand them buffers (Test) and pretend to be a terminal.
// stdout carries data (reports, SBOMs) and stderr carries diagnostics, so a
// redirected report never picks up progress lines or escape codes.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// DefaultWidth is the terminal width assumed when it cannot be measured, as
// when stderr is not a terminal or in tests.
const DefaultWidth = 80

// IOStreams holds the process's standard streams and facts about them.
// The zero value is not usable; build one with System or Test.
type IOStreams struct {
	In     io.Reader // input, such as a file list piped in
	Out    io.Writer // data: reports, SBOMs, JSON; nothing else
	ErrOut io.Writer // diagnostics: errors, warnings, progress

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool

	// envNoColor records NO_COLOR or TERM=dumb, or a Windows console that
	// cannot show escape codes; noColor records --no-color.
	envNoColor bool
	noColor    bool
	ci         bool
	quiet      bool

	// width measures the terminal stderr is on; nil means DefaultWidth.
	width func() int
}

// System returns the real standard streams, with terminal, colour and CI
// detection done once, up front.
func System() *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	s.readEnv(os.Getenv)
	// Older Windows consoles print escape codes literally unless asked to
	// interpret them; if asking fails, colour would only add noise.
	if s.stdoutTTY && !enableVirtualTerminal(os.Stdout) {
		s.envNoColor = true
	}
	if s.stderrTTY {
		fd := int(os.Stderr.Fd())
		s.width = func() int {
			w, _, err := term.GetSize(fd)
			if err != nil {
				return 0
			}
			return w
		}
	}
	return s
}

// Test returns streams backed by buffers, plus those buffers (stdin, stdout,
// stderr), for tests. Nothing is a terminal and no environment variable is
// consulted until a setter says otherwise, so tests behave the same on a
// developer's terminal and under CI=true.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{In: in, Out: out, ErrOut: errOut}
	return s, in, out, errOut
}

// readEnv applies the environment variables that affect output. It takes
// getenv as a parameter so tests can supply an environment of their own.
func (s *IOStreams) readEnv(getenv func(string) string) {
	// https://no-color.org: any non-empty value disables colour.
	s.envNoColor = getenv("NO_COLOR") != "" || getenv("TERM") == "dumb"
	s.ci = detectCI(getenv)
}

// ciVariables are set by common CI services. Many set CI too, but not all:
// Jenkins sets BUILD_NUMBER, TaskCluster RUN_ID, Azure Pipelines TF_BUILD.
var ciVariables = []string{
	"GITHUB_ACTIONS",
	"GITLAB_CI",
	"BUILD_NUMBER",
	"RUN_ID",
	"BUILDKITE",
	"CIRCLECI",
	"TRAVIS",
	"TF_BUILD",
	"JENKINS_URL",
	"TEAMCITY_VERSION",
	"CODEBUILD_BUILD_ID",
}

// detectCI reports whether the environment looks like a CI job. CI=false and
// CI=0 are honoured because people set them to turn CI behaviour off.
func detectCI(getenv func(string) string) bool {
	switch getenv("CI") {
	case "", "false", "0":
	default:
		return true
	}
	for _, name := range ciVariables {
		if getenv(name) != "" {
			return true
		}
	}
	return false
}

func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// IsStdinTTY reports whether stdin is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether stdout is a terminal. Commands decorate their
// output (colour, alignment, summaries) only when it is, because otherwise a
// program or a file is reading it.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdinTTY makes IsStdinTTY report tty; for tests.
func (s *IOStreams) SetStdinTTY(tty bool) { s.stdinTTY = tty }

// SetStdoutTTY makes IsStdoutTTY report tty; for tests.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.stdoutTTY = tty }

// SetStderrTTY makes IsStderrTTY report tty; for tests.
func (s *IOStreams) SetStderrTTY(tty bool) { s.stderrTTY = tty }

// SetNoColor records the --no-color flag: true turns colour off whatever the
// terminal and environment say.
func (s *IOStreams) SetNoColor(off bool) { s.noColor = off }

// ColorEnabled reports whether stdout may carry colour: only on a terminal,
// and never with NO_COLOR set, TERM=dumb or --no-color.
func (s *IOStreams) ColorEnabled() bool {
	return s.stdoutTTY && !s.envNoColor && !s.noColor
}

// ColorScheme returns colour helpers for stdout that do nothing when
// ColorEnabled is false.
func (s *IOStreams) ColorScheme() *ColorScheme {
	return &ColorScheme{enabled: s.ColorEnabled()}
}

// IsCI reports whether heng runs in a CI job, where nobody watches a
// progress line and redraws only clutter the log.
func (s *IOStreams) IsCI() bool { return s.ci }

// SetCI overrides CI detection; for tests.
func (s *IOStreams) SetCI(ci bool) { s.ci = ci }

// IsQuiet reports whether --quiet was given: commands then print no
// progress and no diagnostics, only errors (which cli.Main prints).
func (s *IOStreams) IsQuiet() bool { return s.quiet }

// SetQuiet records the --quiet flag.
func (s *IOStreams) SetQuiet(quiet bool) { s.quiet = quiet }

// ProgressEnabled reports whether a live progress line may be drawn on
// stderr: someone must be watching a terminal, not a CI log, and they must
// not have asked for quiet.
func (s *IOStreams) ProgressEnabled() bool {
	return s.stderrTTY && !s.ci && !s.quiet
}

// TerminalWidth returns the width in columns of the terminal stderr is on,
// measured on every call so a resized window is noticed, or DefaultWidth
// when it cannot be measured.
func (s *IOStreams) TerminalWidth() int {
	if s.width != nil {
		if w := s.width(); w > 0 {
			return w
		}
	}
	return DefaultWidth
}

// SetTerminalWidth fixes the width TerminalWidth reports; for tests.
func (s *IOStreams) SetTerminalWidth(columns int) {
	s.width = func() int { return columns }
}
