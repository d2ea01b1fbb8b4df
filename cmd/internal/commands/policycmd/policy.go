// Package policycmd implements `heng policy`: write a starter policy file
// (init) and check one (validate); and finds and loads a project's policy
// for the commands that apply one (check, report).
package policycmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/policy"
)

// NewCmdPolicy returns the `policy` command and its subcommands.
func NewCmdPolicy(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy <command>",
		Short: "Write or check a license policy file",
		Long: `Work with the policy files heng check reads (docs/policy.md): write a
commented starter policy, or check one.`,
		Example: `  $ heng policy init --preset no-strong-copyleft
  $ heng policy validate .heng-policy.yaml`,
	}
	cmd.AddCommand(newCmdInit(f.IOStreams), newCmdValidate(f.IOStreams))
	return cmd
}

func newCmdInit(ios *iostreams.IOStreams) *cobra.Command {
	var preset, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "init [--preset NAME] [-o FILE]",
		Short: "Write a commented starter policy",
		Long: `Write a commented starter policy to .heng-policy.yaml (or -o FILE; "-" for
stdout). Presets: permissive (only permissive and public-domain licenses),
no-strong-copyleft (also weak copyleft; strong and network copyleft block),
mulan-friendly (permissive plus the Mulan family). An existing file is not
overwritten without --force.`,
		Example: `  $ heng policy init
  $ heng policy init --preset mulan-friendly -o policy.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := policy.Preset(preset)
			if err != nil {
				return cmdutil.FlagErrorWrap(fmt.Errorf("--preset: %w", err))
			}
			if out != "-" && !force {
				if _, err := os.Stat(out); err == nil {
					return fmt.Errorf("%s exists; use --force to overwrite it", out)
				}
			}
			target := out
			if out == "-" {
				target = ""
			}
			if err := output.WriteFile(target, ios.Out, func(w io.Writer) error {
				_, err := w.Write(data)
				return err
			}); err != nil {
				return err
			}
			if target != "" && !ios.IsQuiet() {
				fmt.Fprintf(ios.ErrOut, "wrote %s (preset %s); check it with: heng policy validate %s\n", target, preset, target)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&preset, "preset", "no-strong-copyleft", "starter `policy`: "+strings.Join(policy.Presets(), ", "))
	cmd.Flags().StringVarP(&out, "output", "o", ".heng-policy.yaml", "write to `file` (- for stdout)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

func newCmdValidate(ios *iostreams.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "validate <file>",
		Short: "Check a policy file",
		Long: `Check a policy file as heng check would before scanning: YAML syntax (with
the line), unknown keys, unknown license ids (with a suggestion) and
categories, dates, purls. Exit status 0 valid, 1 invalid, 2 unreadable.`,
		Example: `  $ heng policy validate .heng-policy.yaml`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				return fmt.Errorf("cannot read %s: %w", args[0], err)
			}
			if _, err := policy.Parse(data, args[0]); err != nil {
				fmt.Fprintln(ios.Out, err)
				return fmt.Errorf("%s: %w", args[0], cmdutil.ErrInvalid)
			}
			fmt.Fprintf(ios.Out, "%s: valid policy\n", args[0])
			return nil
		},
	}
}

// DefaultFiles are where a project keeps its policy, relative to its
// root, in the order they are looked for.
var DefaultFiles = []string{".heng-policy.yaml", filepath.Join(".heng", "policy.yaml")}

// Find returns the policy file to use: the one given (--policy), else the
// first of DefaultFiles in dir. With none found it returns "" and, when
// required, an error naming where it looked.
func Find(given, dir string, required bool) (string, error) {
	if given != "" {
		return given, nil
	}
	var tried []string
	for _, name := range DefaultFiles {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		tried = append(tried, p)
	}
	if !required {
		return "", nil
	}
	return "", cmdutil.FlagErrorf("no policy found: looked for %s and %s; give one with --policy", tried[0], tried[1])
}

// Load reads and checks a policy file; an unreadable one is an error of
// the kind that exits 2 with the file named.
func Load(path string) (*policy.Policy, error) {
	pol, err := policy.Load(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, cmdutil.CannotRead("policy "+path, err)
		}
		return nil, err
	}
	return pol, nil
}
