// Package cmdtest helps test how heng's commands parse their flags.
package cmdtest

import (
	"errors"
	"io"
	"testing"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

// Parse builds a command with newCmd, as heng's command packages write
// them (NewCmdX(f, runF)), runs it on args with test streams and returns
// the options the command would have run with (nil when it stopped
// before) and its error. Nothing is written anywhere.
func Parse[O any](newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	ios, _, _, _ := iostreams.Test()
	var got *O
	cmd := newCmd(&cmdutil.Factory{IOStreams: ios}, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceErrors = true
	cmd.SilenceUsage = true
	_, err := cmd.ExecuteC()
	return got, err
}

// Case is one flag-parsing test: the arguments, and either the flag error
// wanted (a *cmdutil.FlagError with this text) or a check of the options.
type Case[O any] struct {
	Name    string
	Args    []string
	Check   func(*O) bool
	WantErr string
}

// Run runs each case as a subtest.
func Run[O any](t *testing.T, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, cases []Case[O]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := Parse(newCmd, tc.Args...)
			if tc.WantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || err.Error() != tc.WantErr || !errors.As(err, &fe) {
					t.Fatalf("error = %v, want the flag error %q", err, tc.WantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.Check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}
