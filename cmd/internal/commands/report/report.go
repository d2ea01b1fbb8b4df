// Package report implements `heng report`: one self-contained HTML file
// for legal review of a project's or an SBOM's packages, their license
// evidence and, with a policy, its verdicts.
package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/policycmd"
	"github.com/hengdev/heng/cmd/internal/commands/subject"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom/htmlreport"
)

type reportOptions struct {
	IO    *iostreams.IOStreams
	Build build.Info
	subject.Options
	Policy string
	Lang   string
	Output string
	// Today is the date exceptions expire against; tests fix it.
	Today time.Time
}

// NewCmdReport returns the `report` command. runF, when not nil, replaces
// the command's work so tests can check how flags were parsed into options.
func NewCmdReport(f *cmdutil.Factory, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{IO: f.IOStreams, Build: f.Build, Options: subject.NewOptions()}
	cmd := &cobra.Command{
		Use:   "report [<path> | --sbom FILE] [--policy FILE] -o report.html",
		Short: "Write an HTML report of a project's licenses for legal review",
		Long: `Write one self-contained HTML file (styles, scripts and charts inline; it
works offline, from an e-mail attachment) for reviewing a project's
packages: a summary, charts by license category, license and ecosystem, a
sortable and filterable table of every package with its declared and
concluded licenses, the evidence behind each (files, copyright statements,
license texts), disagreements between declared and detected licenses, and,
with a policy, its findings and exceptions.

The project is scanned as heng sbom scans it, or --sbom reads any tool's
CycloneDX SBOM (then --root names the directory it was made from, to read
the license files its evidence names). The policy is --policy, else
.heng-policy.yaml or .heng/policy.yaml in PATH when there is one; the
report is written whatever the verdict (heng check is the gate).

--lang is en or zh-CN (简体中文); the default follows the locale (LC_ALL,
LC_MESSAGES, LANG). docs/report.md describes the report.`,
		Example: `  # Report on the current project
  $ heng report -o report.html

  # In Chinese, with the organisation's policy
  $ heng report --lang zh-CN --policy policy.yaml -o 报告.html

  # Report on another tool's SBOM, reading license files from the checkout
  $ heng report --sbom bom.cdx.json --root ./src -o report.html`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Options.Check(args); err != nil {
				return err
			}
			if opts.Lang == "" {
				opts.Lang = htmlreport.LangFromEnv(os.Getenv)
			}
			if !slices.Contains(htmlreport.Langs(), opts.Lang) {
				return cmdutil.FlagErrorf("unknown language %q for --lang; available: %s", opts.Lang, strings.Join(htmlreport.Langs(), ", "))
			}
			if opts.Output == "" && opts.IO.IsStdoutTTY() {
				return cmdutil.FlagErrorf("the report is an HTML file: give one with -o (e.g. -o report.html), or redirect the output")
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Policy, "policy", "", "apply this policy `file` (default: .heng-policy.yaml or .heng/policy.yaml in PATH, when present)")
	fl.StringVar(&opts.Lang, "lang", "", "the report's `language`: en or zh-CN (default: from the locale)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` (written whole or not at all)")
	subject.AddFlags(fl, &opts.Options)
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(htmlreport.Langs(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runReport(ctx context.Context, opts *reportOptions) error {
	dir := opts.Root
	if opts.SBOM != "" {
		dir = "."
	}
	// The policy is read and checked before any scanning.
	polPath, err := policycmd.Find(opts.Policy, dir, false)
	if err != nil {
		return err
	}
	var pol *policy.Policy
	if polPath != "" {
		if pol, err = policycmd.Load(polPath); err != nil {
			return err
		}
	}
	subj, err := subject.Load(ctx, opts.IO, opts.Build, &opts.Options)
	if err != nil {
		return err
	}
	if pol != nil {
		today := opts.Today
		if today.IsZero() {
			today = time.Now().UTC()
		}
		res := policy.Evaluate(pol, subj.Packages, today, false)
		subj.Project.ApplyPolicy(pol, polPath, res, today)
	}
	if err := output.WriteFile(opts.Output, opts.IO.Out, func(w io.Writer) error {
		return htmlreport.Write(w, subj.Project, opts.Lang)
	}); err != nil {
		return err
	}
	if opts.Output != "" && !opts.IO.IsQuiet() {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s: %d packages\n", opts.Output, len(subj.Project.Packages))
	}
	return nil
}
