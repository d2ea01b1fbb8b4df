package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

var testInfo = build.Info{
	Version:   "1.2.3",
	Commit:    "abc123",
	Date:      "2025-11-22T00:10:00Z",
	GoVersion: "go1.26.0",
	OS:        "linux",
	Arch:      "riscv64",
}

// testRoot is heng's real root plus commands that fail in each way Main
// must handle.
func testRoot(f *cmdutil.Factory) *cobra.Command {
	root := NewCmdRoot(f)
	fails := func(name string, err error) *cobra.Command {
		return &cobra.Command{
			Use:  name,
			Args: cobra.NoArgs,
			RunE: func(*cobra.Command, []string) error { return err },
		}
	}
	root.AddCommand(
		fails("violate", fmt.Errorf("3 packages use denied licenses: %w", cmdutil.ErrViolations)),
		fails("fail", errors.New(`read "go.mod": permission denied`)),
		fails("badflag", cmdutil.FlagErrorf("unknown format %q for --format", "xml")),
		fails("multiline", errors.Join(errors.New("first problem"), errors.New("second problem"))),
		&cobra.Command{
			Use:  "panic",
			RunE: func(*cobra.Command, []string) error { panic("index out of range [3] with length 2") },
		},
		&cobra.Command{
			Use: "wait",
			RunE: func(cmd *cobra.Command, _ []string) error {
				<-cmd.Context().Done()
				return fmt.Errorf("scan %q: %w", ".", cmd.Context().Err())
			},
		},
		&cobra.Command{
			Use: "probe",
			RunE: func(*cobra.Command, []string) error {
				ios := f.IOStreams
				_, err := fmt.Fprintf(ios.Out, "quiet=%v color=%v", ios.IsQuiet(), ios.ColorEnabled())
				return err
			},
		},
	)
	return root
}

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		cancelled  bool
		wantCode   int
		wantStdout string // substring; "" means stdout must be empty
		wantStderr string // exact
	}{
		{
			name:       "version",
			args:       []string{"version"},
			wantStdout: "heng 1.2.3\ncommit: abc123\n",
		},
		{
			name:       "version_flag",
			args:       []string{"--version"},
			wantStdout: "heng 1.2.3\ncommit: abc123\nbuilt: 2025-11-22T00:10:00Z\ngo: go1.26.0 linux/riscv64\n",
		},
		{
			name:       "no_arguments_shows_help",
			args:       nil,
			wantStdout: "Available Commands:",
		},
		{
			name:       "unknown_command",
			args:       []string{"bogus"},
			wantCode:   2,
			wantStderr: "heng: unknown command \"bogus\" for \"heng\"\nRun 'heng --help' for usage.\n",
		},
		{
			name:       "unknown_command_suggestion",
			args:       []string{"verison"},
			wantCode:   2,
			wantStderr: "heng: unknown command \"verison\" for \"heng\"; did you mean \"version\"?\nRun 'heng --help' for usage.\n",
		},
		{
			name:       "unknown_flag",
			args:       []string{"--bogus"},
			wantCode:   2,
			wantStderr: "heng: unknown flag: --bogus\nRun 'heng --help' for usage.\n",
		},
		{
			name:       "unknown_subcommand_flag",
			args:       []string{"version", "--bogus"},
			wantCode:   2,
			wantStderr: "heng: unknown flag: --bogus\nRun 'heng version --help' for usage.\n",
		},
		{
			name:       "extra_argument",
			args:       []string{"version", "now"},
			wantCode:   2,
			wantStderr: "heng: unknown command \"now\" for \"heng version\"\nRun 'heng version --help' for usage.\n",
		},
		{
			name:       "unknown_subcommand_of_group",
			args:       []string{"completion", "elvish"},
			wantCode:   2,
			wantStderr: "heng: unknown command \"elvish\" for \"heng completion\"\nRun 'heng completion --help' for usage.\n",
		},
		{
			name:       "group_alone_shows_help",
			args:       []string{"completion"},
			wantStdout: "Available Commands:\n  bash ",
		},
		{
			name:       "flag_error_from_command",
			args:       []string{"badflag"},
			wantCode:   2,
			wantStderr: "heng: unknown format \"xml\" for --format\nRun 'heng badflag --help' for usage.\n",
		},
		{
			name:       "violations",
			args:       []string{"violate"},
			wantCode:   1,
			wantStderr: "heng: 3 packages use denied licenses: policy violations found\n",
		},
		{
			name:       "other_error",
			args:       []string{"fail"},
			wantCode:   2,
			wantStderr: "heng: read \"go.mod\": permission denied\n",
		},
		{
			name:       "multiline_error_on_one_line",
			args:       []string{"multiline"},
			wantCode:   2,
			wantStderr: "heng: first problem; second problem\n",
		},
		{
			name:     "panic",
			args:     []string{"panic"},
			wantCode: 2,
			wantStderr: "heng: internal error: index out of range [3] with length 2\n" +
				"heng: this is a bug in heng 1.2.3; please report it at https://github.com/hengdev/heng/issues\n",
		},
		{
			name:       "interrupted",
			args:       []string{"wait"},
			cancelled:  true,
			wantCode:   2,
			wantStderr: "heng: interrupted\n",
		},
		{
			name:       "global_flags",
			args:       []string{"probe"},
			wantStdout: "quiet=false color=true",
		},
		{
			name:       "quiet_and_no_color",
			args:       []string{"-q", "probe", "--no-color"},
			wantStdout: "quiet=true color=false",
		},
		{
			name:       "quiet_false",
			args:       []string{"--quiet=false", "probe"},
			wantStdout: "quiet=false color=true",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, stdout, stderr := iostreams.Test()
			ios.SetStdoutTTY(true) // so --no-color has colour to turn off
			f := &cmdutil.Factory{IOStreams: ios, Build: testInfo, Getenv: func(string) string { return "" }}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelled {
				cancel()
			}

			code := run(ctx, f, tt.args, testRoot)

			if code != tt.wantCode {
				t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tt.args, code, tt.wantCode, stderr)
			}
			if d := cmp.Diff(tt.wantStderr, stderr.String()); d != "" {
				t.Errorf("run(%q) stderr diff (-want +got):\n%s", tt.args, d)
			}
			switch {
			case tt.wantStdout == "" && stdout.Len() != 0:
				t.Errorf("run(%q) stdout = %q, want nothing", tt.args, stdout)
			case !strings.Contains(stdout.String(), tt.wantStdout):
				t.Errorf("run(%q) stdout = %q, want it to contain %q", tt.args, stdout, tt.wantStdout)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{name: "nil", err: nil, want: 0},
		{name: "violations", err: cmdutil.ErrViolations, want: 1},
		{name: "wrapped_violations", err: fmt.Errorf("check: %w", cmdutil.ErrViolations), want: 1},
		{name: "flag_error", err: cmdutil.FlagErrorf("bad"), want: 2},
		{name: "other", err: errors.New("boom"), want: 2},
		{name: "cancelled", err: context.Canceled, want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", "plain"},
		{"a\nb", "a; b"},
		{"unknown command \"x\"\n\nDid you mean this?\n\tversion\n", "unknown command \"x\"; Did you mean this?; version"},
		{"windows\r\nline", "windows; line"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEveryCommandHasExample keeps help useful: each visible command shows
// at least one example.
func TestEveryCommandHasExample(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Build: testInfo})
	var missing []string
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		if strings.TrimSpace(c.Example) == "" {
			missing = append(missing, c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(missing) > 0 {
		t.Errorf("commands without Example: %q", missing)
	}
	for _, name := range []string{"completion", "help", "version"} {
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("root has no %q command", name)
		}
	}
}
