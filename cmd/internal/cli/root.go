package cli

import (
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/check"
	"github.com/hengdev/heng/cmd/internal/commands/licenses"
	"github.com/hengdev/heng/cmd/internal/commands/notice"
	"github.com/hengdev/heng/cmd/internal/commands/policycmd"
	"github.com/hengdev/heng/cmd/internal/commands/report"
	"github.com/hengdev/heng/cmd/internal/commands/sbomcmd"
	"github.com/hengdev/heng/cmd/internal/commands/scan"
	"github.com/hengdev/heng/cmd/internal/commands/version"
)

// NewCmdRoot returns the `heng` command with every subcommand attached.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	ios := f.IOStreams
	var showVersion bool
	root := &cobra.Command{
		Use:   "heng",
		Short: "Find the licenses and dependencies in a source tree",
		Long: `heng (衡, "to weigh") examines a source tree for software composition
analysis and license compliance: it finds the license texts and SPDX tags in
your files, the dependencies your manifests and lockfiles declare, and what
vendored and installed packages ship. It writes the result as a report or an
SBOM, and checks it against a license policy so CI can stop what should not
ship.

Data goes to stdout and diagnostics to stderr, so output can be piped or
redirected safely. heng exits with 0 on success, 1 when a policy check found
violations, and 2 on any other error.`,
		// Keep these runnable as shown; add each new command's main use here.
		Example: `  # Print the version
  $ heng --version

  # Show the help of a command
  $ heng help version

  # Enable shell completion in the current bash session
  $ source <(heng completion bash)`,
		// The root runs, for --version and to show help, and so rejects
		// stray words itself; prepareTree does the same for other groups.
		Args:              unknownCommand,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if showVersion {
				_, err := io.WriteString(ios.Out, version.Text(f.Build))
				return err
			}
			return cmd.Help()
		},
		// Main prints errors itself, as one line; cobra would print them
		// with a usage dump.
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return cmdutil.FlagErrorWrap(err)
	})

	root.Flags().BoolVar(&showVersion, "version", false, "print the version of heng")
	// The global flags act on IOStreams as they are parsed, not in a
	// PersistentPreRun hook, which a subcommand defining its own would
	// silently replace.
	pf := root.PersistentFlags()
	pf.BoolFuncP("quiet", "q", "print no progress or diagnostics, only errors", boolSetter(ios.SetQuiet))
	pf.BoolFunc("no-color", "never color the output (also: NO_COLOR=1)", boolSetter(ios.SetNoColor))

	addCommands(root, f)
	initHelpCommand(root)
	initCompletionCommand(root)
	return root
}

// addCommands is the one list of heng's subcommands. Add a command by
// writing its package under cmd/internal/commands/<name> with a
// NewCmd<Name>(f *cmdutil.Factory, runF func(*<name>Options) error)
// constructor and listing it here; help shows commands sorted by name.
func addCommands(root *cobra.Command, f *cmdutil.Factory) {
	root.AddCommand(
		check.NewCmdCheck(f, nil),
		licenses.NewCmdLicenses(f, nil),
		notice.NewCmdNotice(f, nil),
		scan.NewCmdScan(f, nil),
		sbomcmd.NewCmdSBOM(f, nil),
		policycmd.NewCmdPolicy(f),
		report.NewCmdReport(f, nil),
		version.NewCmdVersion(f, nil),
	)
}

// boolSetter adapts a setter to pflag's BoolFunc, which hands over the text
// of the value: "true" for --quiet, or what --quiet=... said.
func boolSetter(set func(bool)) func(string) error {
	return func(s string) error {
		v, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("invalid boolean %q", s)
		}
		set(v)
		return nil
	}
}

// initHelpCommand creates cobra's `help` command now rather than at
// execution, so it can be given examples like every other command.
func initHelpCommand(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	if help, _, err := root.Find([]string{"help"}); err == nil && help != root {
		help.Example = `  # Show the help of the version command
  $ heng help version`
	}
}

// initCompletionCommand creates cobra's `completion` command and its
// per-shell subcommands now rather than at execution, so they can be given
// examples. cobra's own long help already explains each shell's setup.
func initCompletionCommand(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	completion, _, err := root.Find([]string{"completion"})
	if err != nil || completion == root {
		return
	}
	examples := map[string]string{
		"bash": `  # Load completions in the current bash session
  $ source <(heng completion bash)

  # Load them in every new session (Linux)
  $ heng completion bash > /etc/bash_completion.d/heng`,
		"zsh": `  # Load completions in every new zsh session
  $ heng completion zsh > "${fpath[1]}/_heng"`,
		"fish": `  # Load completions in every new fish session
  $ heng completion fish > ~/.config/fish/completions/heng.fish`,
		"powershell": `  # Load completions in the current PowerShell session
  PS> heng completion powershell | Out-String | Invoke-Expression`,
	}
	completion.Example = examples["bash"] + "\n\n" + examples["zsh"] + "\n\n" +
		examples["fish"] + "\n\n" + examples["powershell"]
	for _, shell := range completion.Commands() {
		shell.Example = examples[shell.Name()]
	}
}
