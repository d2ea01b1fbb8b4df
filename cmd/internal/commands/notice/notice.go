// Package notice implements `heng notice`: the attribution file a product
// ships, with every third-party package's copyright statements and the
// full text of each license, each distinct text once.
package notice

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/subject"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/sbom/notice"
)

type noticeOptions struct {
	IO    *iostreams.IOStreams
	Build build.Info
	subject.Options
	Format string
	Output string
}

// NewCmdNotice returns the `notice` command. runF, when not nil, replaces
// the command's work so tests can check how flags were parsed into options.
func NewCmdNotice(f *cmdutil.Factory, runF func(*noticeOptions) error) *cobra.Command {
	opts := &noticeOptions{IO: f.IOStreams, Build: f.Build, Options: subject.NewOptions()}
	cmd := &cobra.Command{
		Use:   "notice [<path> | --sbom FILE] [-f text|markdown|html] [-o NOTICE]",
		Short: "Write the third-party notices (attribution) file a product ships",
		Long: `Write the attribution file a product ships with its third-party code: for
each package, its name, version, licenses and copyright statements, and
the full text of each license, grouped so that each distinct license text
appears once, followed by the packages it applies to.

Texts come from each package's own license files when they are on disk;
otherwise heng's canonical text of the license is given, and the notice
says so. Texts that differ only in their copyright lines are one text
(each package lists its own statements).

The project is scanned as heng sbom scans it, or --sbom reads any tool's
CycloneDX SBOM (then --root names the directory it was made from, to read
the license files its evidence names). docs/notice.md describes the file.`,
		Example: `  # NOTICE for the current project
  $ heng notice -o NOTICE

  # As Markdown or HTML
  $ heng notice -f markdown -o THIRD_PARTY_NOTICES.md
  $ heng notice -f html -o notices.html

  # From an SBOM, reading license files from the checkout it was made from
  $ heng notice --sbom bom.cdx.json --root . -o NOTICE`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Options.Check(args); err != nil {
				return err
			}
			if !slices.Contains(notice.Formats(), opts.Format) {
				return cmdutil.FlagErrorf("unknown format %q for --format; available: %s", opts.Format, strings.Join(notice.Formats(), ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return runNotice(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "text", "output `format`: text, markdown or html")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	subject.AddFlags(fl, &opts.Options)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(notice.Formats(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runNotice(ctx context.Context, opts *noticeOptions) error {
	subj, err := subject.Load(ctx, opts.IO, opts.Build, &opts.Options)
	if err != nil {
		return err
	}
	if err := output.WriteFile(opts.Output, opts.IO.Out, func(w io.Writer) error {
		return notice.Write(w, subj.Project, opts.Format)
	}); err != nil {
		return err
	}
	if opts.Output != "" && !opts.IO.IsQuiet() {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s: %d packages\n", opts.Output, len(subj.Project.Packages))
	}
	return nil
}
