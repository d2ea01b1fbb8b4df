package sbomcmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/sbom/cyclonedx"
)

type validateOptions struct {
	IO   *iostreams.IOStreams
	File string
}

func newCmdValidate(f *cmdutil.Factory, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "validate <file>",
		Short: "Check a CycloneDX SBOM against the official schema",
		Long: `Check a CycloneDX document, made by heng or any other tool, against the
official CycloneDX schema of the spec version it declares (JSON: 1.2 to
1.7; the schemas ship inside heng, no network is used). Each problem is
printed with the JSON pointer of the value at fault.

An XML document (1.4 to 1.7) is checked against the official XSD of its
version with xmllint (libxml2) when it is installed, problems given by line,
and in its JSON form against the JSON schema of its version.

Exit status: 0 valid, 1 invalid, 2 the file cannot be read or is not a
CycloneDX document.`,
		Example: `  $ heng sbom validate bom.json
  $ heng sbom -o bom.json && heng sbom validate bom.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runValidate(opts)
		},
	}
}

func runValidate(opts *validateOptions) error {
	if st, err := os.Stat(opts.File); err == nil && st.Size() > cyclonedx.MaxDocumentSize {
		return fmt.Errorf("%s: too large to check (%d bytes; the limit is %d MiB)", opts.File, st.Size(), cyclonedx.MaxDocumentSize>>20)
	}
	data, err := os.ReadFile(opts.File)
	if err != nil {
		return cmdutil.CannotRead(opts.File, err)
	}
	version, problems, xsd, err := cyclonedx.Validate(data)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.File, err)
	}
	if cyclonedx.IsXML(data) && !xsd && !opts.IO.IsQuiet() {
		fmt.Fprintf(opts.IO.ErrOut, "heng: %s: checked in its JSON form only; install xmllint (libxml2) for the XSD check\n", opts.File)
	}
	if len(problems) == 0 {
		fmt.Fprintf(opts.IO.Out, "%s: valid CycloneDX %s\n", opts.File, version)
		return nil
	}
	for _, p := range problems {
		at := p.Path
		if at == "" {
			at = "/"
		}
		fmt.Fprintf(opts.IO.Out, "%s: %s: %s\n", opts.File, at, p.Message)
	}
	return fmt.Errorf("%s: %d schema violations against CycloneDX %s: %w", opts.File, len(problems), version, cmdutil.ErrInvalid)
}
