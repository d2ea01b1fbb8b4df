// Package version implements `heng version`, which says which heng this is,
// for bug reports and for scripts that need a minimum version.
package version

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

// Output formats accepted by --format.
const (
	formatText = "text"
	formatJSON = "json"
)

type versionOptions struct {
	IO     *iostreams.IOStreams
	Build  build.Info
	Format string
}

// NewCmdVersion returns the `version` command. runF, when not nil, replaces
// the command's work so tests can check how flags were parsed into options.
func NewCmdVersion(f *cmdutil.Factory, runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{IO: f.IOStreams, Build: f.Build}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of heng",
		Long: `Print the version of heng, the commit it was built from, when it was built,
and the Go toolchain and platform it was built with.

Include this output when you report a bug.`,
		Example: `  # Show the version
  $ heng version

  # The same as JSON, for scripts
  $ heng version --format json | jq -r .version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != formatText && opts.Format != formatJSON {
				return cmdutil.FlagErrorf("unknown format %q for --format; available: %s, %s", opts.Format, formatJSON, formatText)
			}
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", formatText, "output `format`: text or json")
	return cmd
}

func runVersion(opts *versionOptions) error {
	if opts.Format == formatJSON {
		return writeJSON(opts.IO.Out, opts.Build)
	}
	_, err := io.WriteString(opts.IO.Out, Text(opts.Build))
	return err
}

// Text returns the version description shown by `heng version` and
// `heng --version`:
//
//	heng 1.2.3
//	commit: 0123abc...
//	built: 2025-11-22T00:10:00Z
//	go: go1.26.0 linux/amd64
func Text(info build.Info) string {
	return fmt.Sprintf("heng %s\ncommit: %s\nbuilt: %s\ngo: %s %s/%s\n",
		info.Version, info.Commit, info.Date, info.GoVersion, info.OS, info.Arch)
}

// jsonVersion is the shape of --format json. Its keys are part of heng's
// interface for scripts: add keys freely, never rename or remove one.
type jsonVersion struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Go      string `json:"go"`
	OS      string `json:"os"`
	Arch    string `json:"arch"`
}

func writeJSON(w io.Writer, info build.Info) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonVersion{
		Version: info.Version,
		Commit:  info.Commit,
		Date:    info.Date,
		Go:      info.GoVersion,
		OS:      info.OS,
		Arch:    info.Arch,
	})
}
