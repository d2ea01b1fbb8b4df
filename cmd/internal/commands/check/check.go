// Package check implements `heng check`: evaluate a project's packages, or
// any CycloneDX SBOM's, against an organisation's license policy, as a CI
// gate.
package check

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/policycmd"
	"github.com/hengdev/heng/cmd/internal/commands/sbomcmd"
	"github.com/hengdev/heng/cmd/internal/commands/scan"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/internal/human"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom/cyclonedx"
	"github.com/hengdev/heng/scanner/inventory"
)

// formats are the output formats of --format.
var formats = []string{"text", "json", "sarif", "markdown", "junit"}

type checkOptions struct {
	IO    *iostreams.IOStreams
	Build build.Info
	scan.Tree
	Policy string
	SBOM   string
	Format string
	Output string
	FailOn string
	// Today is the date exceptions expire against; tests fix it.
	Today time.Time
}

// NewCmdCheck returns the `check` command. runF, when not nil, replaces
// the command's work so tests can check how flags were parsed into options.
func NewCmdCheck(f *cmdutil.Factory, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{IO: f.IOStreams, Build: f.Build, Tree: scan.NewTree()}
	cmd := &cobra.Command{
		Use:   "check [<path>] [--policy FILE | --sbom FILE --policy FILE]",
		Short: "Check a project's or an SBOM's licenses against a policy (CI gate)",
		Long: `Evaluate the packages of a project (scanned as heng sbom does) or of any
CycloneDX SBOM (JSON or XML, from heng, Syft, Trivy, cdxgen, ...) against an
organisation's license policy, and report each finding with its reason.
docs/policy.md describes the policy file.

--policy defaults to .heng-policy.yaml, then .heng/policy.yaml, in PATH.

Exit status: 0 nothing blocks; 1 at least one finding of severity error
(or warning, with --fail-on warning); 2 anything else went wrong (bad
flags, an unreadable or invalid policy or SBOM).`,
		Example: `  # Check the current project against its .heng-policy.yaml
  $ heng check

  # Check an SBOM made by another tool
  $ heng check --sbom bom.json --policy policy.yaml

  # Warnings block too; machine-readable findings
  $ heng check --fail-on warning --format json -o findings.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Root = args[0]
			}
			if err := opts.Check(); err != nil {
				return err
			}
			if !slices.Contains(formats, opts.Format) {
				return cmdutil.FlagErrorf("unknown format %q for --format; available: %s", opts.Format, strings.Join(formats, ", "))
			}
			switch opts.FailOn {
			case "error", "warning":
			default:
				return cmdutil.FlagErrorf("invalid --fail-on %q: want error or warning", opts.FailOn)
			}
			if opts.SBOM != "" && len(args) == 1 {
				return cmdutil.FlagErrorf("give a path or --sbom, not both")
			}
			if runF != nil {
				return runF(opts)
			}
			return runCheck(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Policy, "policy", "", "the policy `file` (default: .heng-policy.yaml or .heng/policy.yaml in PATH)")
	fl.StringVar(&opts.SBOM, "sbom", "", "check this CycloneDX SBOM `file` instead of scanning")
	fl.StringVarP(&opts.Format, "format", "f", "text", "output `format`: text, json, sarif (GitHub code scanning), markdown (pull-request comments), junit (CI dashboards)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	fl.StringVar(&opts.FailOn, "fail-on", "error", "the lowest `severity` that fails the check: error or warning")
	scan.AddTreeFlags(fl, &opts.Tree)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runCheck(ctx context.Context, opts *checkOptions) error {
	dir := opts.Root
	if opts.SBOM != "" {
		dir = "."
	}
	polPath, err := policycmd.Find(opts.Policy, dir, true)
	if err != nil {
		return err
	}
	// The policy is read and checked before any scanning.
	pol, err := policycmd.Load(polPath)
	if err != nil {
		return err
	}

	var pkgs []inventory.Package
	if opts.SBOM != "" {
		bom, err := sbomcmd.ReadBOM(opts.SBOM)
		if err != nil {
			return err
		}
		pkgs = cyclonedx.Packages(bom)
	} else {
		doc, err := opts.Tree.Scan(ctx, opts.IO, opts.Build)
		if err != nil {
			return err
		}
		pkgs = doc.Packages
	}

	today := opts.Today
	if today.IsZero() {
		today = time.Now().UTC()
	}
	res := policy.Evaluate(pol, pkgs, today, opts.FailOn == "warning")
	color := opts.Output == "" && opts.IO.ColorEnabled()
	if err := output.WriteFile(opts.Output, opts.IO.Out, func(w io.Writer) error {
		switch opts.Format {
		case "json":
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		case "markdown":
			return policy.WriteMarkdown(w, res, polPath)
		case "junit":
			return policy.WriteJUnit(w, res, polPath, opts.FailOn == "warning")
		case "sarif":
			return policy.WriteSARIF(w, res, polPath, sarifOptions(opts))
		}
		return writeText(w, res, polPath, color, opts.IO)
	}); err != nil {
		return err
	}
	if !res.Passed {
		return fmt.Errorf("%d %s, %d %s against %s: %w", res.Summary.Errors, human.Plural(res.Summary.Errors, "error", "errors"),
			res.Summary.Warnings, human.Plural(res.Summary.Warnings, "warning", "warnings"), polPath, cmdutil.ErrViolations)
	}
	return nil
}

// sarifOptions point SARIF findings at the lines of the files that
// brought each package in, relative to the current directory (a
// repository's root in CI); findings of an SBOM that says nothing of
// where its packages came from point at the SBOM.
func sarifOptions(opts *checkOptions) policy.SARIFOptions {
	o := policy.SARIFOptions{ToolVersion: opts.Build.Version}
	if opts.SBOM != "" {
		o.Fallback = filepath.ToSlash(opts.SBOM)
		o.Line = lineFinder(".")
		return o
	}
	root := cmp.Or(opts.Root, ".")
	if !filepath.IsAbs(root) {
		o.Base = filepath.ToSlash(filepath.Clean(root))
	}
	o.Line = lineFinder(root)
	return o
}

func writeText(w io.Writer, res policy.Result, polPath string, color bool, ios *iostreams.IOStreams) error {
	cs := ios.ColorScheme()
	paint := func(sev, s string) string {
		if !color {
			return s
		}
		switch sev {
		case policy.Error:
			return cs.Red(s)
		case policy.Warning:
			return cs.Yellow(s)
		}
		return cs.Gray(s)
	}
	for _, sev := range []string{policy.Error, policy.Warning, policy.Waived} {
		var n int
		for _, f := range res.Findings {
			if f.Severity == sev {
				n++
			}
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "%s (%d)\n", paint(sev, map[string]string{policy.Error: "Errors", policy.Warning: "Warnings", policy.Waived: "Waived"}[sev]), n)
		for _, f := range res.Findings {
			if f.Severity != sev {
				continue
			}
			who := f.PURL
			if who == "" {
				who = f.Name
			}
			src := ""
			if f.Source != "" {
				src = " [" + f.Source + "]"
			}
			fmt.Fprintf(w, "  %s%s: %s (%s)\n", who, src, f.Message, f.Rule)
		}
		fmt.Fprintln(w)
	}
	verdict := "PASSED"
	if !res.Passed {
		verdict = "FAILED"
	}
	if color {
		if res.Passed {
			verdict = cs.Green(verdict)
		} else {
			verdict = cs.Red(verdict)
		}
	}
	fmt.Fprintf(w, "%s: %d packages checked against %s: %d %s, %d %s, %d waived\n",
		verdict, res.Summary.Packages, polPath, res.Summary.Errors, human.Plural(res.Summary.Errors, "error", "errors"),
		res.Summary.Warnings, human.Plural(res.Summary.Warnings, "warning", "warnings"), res.Summary.Waived)
	return nil
}
