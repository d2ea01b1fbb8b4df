// Package cmdtest helps test how heng's commands parse their flags.
package cmdtest

import (
	"io"

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
