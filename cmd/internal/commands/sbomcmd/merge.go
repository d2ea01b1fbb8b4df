package sbomcmd

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/scan"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/sbom/cyclonedx"
	"github.com/hengdev/heng/sbom/formats"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

type mergeOptions struct {
	IO          *iostreams.IOStreams
	Build       build.Info
	Files       []string
	Output      string
	Format      string
	SpecVersion string
}

func newCmdMerge(f *cmdutil.Factory, runF func(*mergeOptions) error) *cobra.Command {
	opts := &mergeOptions{IO: f.IOStreams, Build: f.Build}
	cmd := &cobra.Command{
		Use:   "merge <sbom> <sbom>... [-o <file>]",
		Short: "Merge the CycloneDX SBOMs of a monorepo's parts into one",
		Long: `Merge CycloneDX SBOMs (JSON or XML, any spec version, made by heng or any
other tool) into one: the first document's project is the merged project
and depends on the other documents' projects; components are de-duplicated
by purl; the dependency graphs are united.`,
		Example: `  $ heng sbom -o web.json web && heng sbom -o api.json api
  $ heng sbom merge web.json api.json -o bom.json`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if _, err := cyclonedx.ParseSpec(opts.SpecVersion); err != nil {
				return cmdutil.FlagErrorf("invalid --spec-version: %v", err)
			}
			if _, err := formats.Lookup(formats.ForSBOM(0, false), opts.Format, "--format"); err != nil {
				return cmdutil.FlagErrorWrap(err)
			}
			if runF != nil {
				return runF(opts)
			}
			return runMerge(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	fl.StringVarP(&opts.Format, "format", "f", "cyclonedx-json", "output `format`: "+strings.Join(formats.Names(formats.ForSBOM(0, false)), ", "))
	fl.StringVar(&opts.SpecVersion, "spec-version", cyclonedx.DefaultSpec.String(), "CycloneDX spec `version` of the result: 1.4, 1.5, 1.6 or 1.7")
	return cmd
}

func runMerge(opts *mergeOptions) error {
	spec, err := cyclonedx.ParseSpec(opts.SpecVersion)
	if err != nil {
		return cmdutil.FlagErrorWrap(err)
	}
	created, err := scan.CreationTime()
	if err != nil {
		return err
	}
	var boms []*cdx.BOM
	for _, name := range opts.Files {
		bom, err := ReadBOM(name)
		if err != nil {
			return err
		}
		boms = append(boms, bom)
	}
	merged := cyclonedx.Merge(boms, cyclonedx.MergeOptions{ToolName: "heng", ToolVersion: opts.Build.Version, Created: created})
	return output.WriteFile(opts.Output, opts.IO.Out, func(w io.Writer) error {
		return cyclonedx.Write(w, merged, spec, strings.EqualFold(opts.Format, "cyclonedx-xml") || strings.EqualFold(opts.Format, "cdx-xml"))
	})
}

// ReadBOM reads one CycloneDX document, JSON or XML, from a file; a file
// over cyclonedx.MaxDocumentSize is refused before it is read, and errors
// name the file. heng check reads --sbom with it too.
func ReadBOM(name string) (*cdx.BOM, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, cmdutil.CannotRead(name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > cyclonedx.MaxDocumentSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, cyclonedx.MaxDocumentSize>>20)
	}
	bom, err := cyclonedx.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return bom, nil
}
