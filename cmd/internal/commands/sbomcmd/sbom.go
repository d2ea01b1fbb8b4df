// Package sbomcmd implements `heng sbom`: scan a tree and write a
// CycloneDX SBOM of the project and its dependencies; and `heng sbom
// validate`, which checks any CycloneDX JSON document against the official
// schema of its spec version.
package sbomcmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/scan"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/sbom/cyclonedx"
	"github.com/hengdev/heng/sbom/formats"
)

type sbomOptions struct {
	IO    *iostreams.IOStreams
	Build build.Info
	scan.Tree
	Format        string
	Output        string
	SpecVersion   string
	Deterministic bool
	Files         bool
}

// NewCmdSBOM returns the `sbom` command. runF, when not nil, replaces the
// command's work so tests can check how flags were parsed into options.
func NewCmdSBOM(f *cmdutil.Factory, runF func(*sbomOptions) error) *cobra.Command {
	opts := &sbomOptions{IO: f.IOStreams, Build: f.Build, Tree: scan.NewTree()}
	cmd := &cobra.Command{
		Use:   "sbom [<path>]",
		Short: "Write a CycloneDX SBOM of a project and its dependencies",
		Long: `Scan a source tree as heng scan does and write a CycloneDX SBOM of the
project and every package it uses: purl, version, scope, hashes, the
license each package declares and the license heng found in its files
(acknowledgement declared and concluded), with the files as evidence, and
the dependency graph. Other tools (Dependency-Track, Trivy, Grype) read it;
docs/sbom.md says what goes where.

--spec-version picks the CycloneDX version (1.4, 1.5, 1.6, 1.7). The
document's timestamp is now, or SOURCE_DATE_EPOCH when set; the serial
number is derived from the content, so with SOURCE_DATE_EPOCH (or
--deterministic, which leaves the timestamp out) two runs on the same tree
give the same bytes.`,
		Example: `  # The SBOM of the current directory, CycloneDX 1.6 JSON
  $ heng sbom -o bom.json

  # XML, CycloneDX 1.5, of another tree
  $ heng sbom --format cyclonedx-xml --spec-version 1.5 path/to/project

  # With the project's own licensed files (type file, SHA-256)
  $ heng sbom --files -o bom.json

  # Reproducible, for release artifacts
  $ SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) heng sbom -o bom.json

  # Check an SBOM made by any tool
  $ heng sbom validate bom.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Root = args[0]
			}
			if err := opts.Check(); err != nil {
				return err
			}
			if _, err := cyclonedx.ParseSpec(opts.SpecVersion); err != nil {
				return cmdutil.FlagErrorf("invalid --spec-version: %v", err)
			}
			if _, err := formats.Lookup(formats.ForSBOM(0, false), opts.Format, "--format"); err != nil {
				return cmdutil.FlagErrorWrap(err)
			}
			if runF != nil {
				return runF(opts)
			}
			return runSBOM(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "cyclonedx-json", "output `format`: "+strings.Join(formats.Names(formats.ForSBOM(0, false)), ", "))
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	fl.StringVar(&opts.SpecVersion, "spec-version", cyclonedx.DefaultSpec.String(), "CycloneDX spec `version`: 1.4, 1.5, 1.6 or 1.7")
	fl.BoolVar(&opts.Deterministic, "deterministic", false, "leave the timestamp out (unless SOURCE_DATE_EPOCH gives one), for byte-identical SBOMs")
	fl.BoolVar(&opts.Files, "files", false, "also list the project's own files that carry licenses, with their SHA-256, as components of type file")
	scan.AddTreeFlags(fl, &opts.Tree)
	cmd.AddCommand(newCmdValidate(f, nil), newCmdMerge(f, nil))
	return cmd
}

func runSBOM(ctx context.Context, opts *sbomOptions) error {
	spec, err := cyclonedx.ParseSpec(opts.SpecVersion)
	if err != nil {
		return cmdutil.FlagErrorWrap(err)
	}
	format, err := formats.Lookup(formats.ForSBOM(spec, opts.Files), opts.Format, "--format")
	if err != nil {
		return cmdutil.FlagErrorWrap(err)
	}
	opts.Tree.FileHashes = opts.Files
	doc, err := opts.Tree.Scan(ctx, opts.IO, opts.Build)
	if err != nil {
		return err
	}
	if opts.Deterministic && os.Getenv("SOURCE_DATE_EPOCH") == "" {
		doc.Created = time.Time{}
	}
	if err := output.WriteFile(opts.Output, opts.IO.Out, func(w io.Writer) error {
		return format.Encode(w, doc)
	}); err != nil {
		return err
	}
	if opts.IO.IsStderrTTY() && !opts.IO.IsQuiet() {
		fmt.Fprintf(opts.IO.ErrOut, "%s CycloneDX %s SBOM: %d components\n",
			opts.IO.ColorScheme().Gray("wrote"), spec, len(doc.Packages))
	}
	return nil
}
