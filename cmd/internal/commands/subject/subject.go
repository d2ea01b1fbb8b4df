// Package subject is what heng report and heng notice look at: a project
// tree, scanned as heng sbom scans it, or an existing CycloneDX SBOM; and
// its packages with their license evidence (sbom/attribution).
package subject

import (
	"context"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/commands/sbomcmd"
	"github.com/hengdev/heng/cmd/internal/commands/scan"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/attribution"
	"github.com/hengdev/heng/sbom/cyclonedx"
	"github.com/hengdev/heng/scanner/inventory"
)

// Options say what to look at.
type Options struct {
	scan.Tree
	// SBOM is the CycloneDX file to read instead of scanning.
	SBOM string
	// SourceDir is, with SBOM, the directory the SBOM was made from: the
	// license files its evidence names are read from there. "" reads
	// none (canonical texts are given, and said to be).
	SourceDir string
}

// NewOptions returns the defaults.
func NewOptions() Options { return Options{Tree: scan.NewTree()} }

// AddFlags defines --sbom, --root and the scanning flags.
func AddFlags(fl *pflag.FlagSet, o *Options) {
	fl.StringVar(&o.SBOM, "sbom", "", "read this CycloneDX SBOM `file` (JSON or XML, any tool's) instead of scanning")
	fl.StringVar(&o.SourceDir, "root", "", "with --sbom: the `directory` the SBOM was made from, to read the license files its evidence names")
	scan.AddTreeFlags(fl, &o.Tree)
}

// Check checks the flags and takes the path argument, if any.
func (o *Options) Check(args []string) error {
	if len(args) == 1 {
		if o.SBOM != "" {
			return cmdutil.FlagErrorf("give a path or --sbom, not both")
		}
		o.Root = args[0]
	}
	if o.SourceDir != "" && o.SBOM == "" {
		return cmdutil.FlagErrorf("--root goes with --sbom (a scanned tree's files are read from the tree)")
	}
	return o.Tree.Check()
}

// Subject is what was looked at.
type Subject struct {
	Project *attribution.Project
	// Packages are every package, the project's own included, as the
	// policy evaluates them.
	Packages []inventory.Package
	// Dir is where the project's policy file would be: the scanned tree,
	// or the current directory for an SBOM.
	Dir string
}

// Load scans the tree or reads the SBOM, and gathers the evidence.
func Load(ctx context.Context, ios *iostreams.IOStreams, b build.Info, o *Options) (*Subject, error) {
	created, err := scan.CreationTime()
	if err != nil {
		return nil, err
	}
	var s Subject
	if o.SBOM != "" {
		bom, err := sbomcmd.ReadBOM(o.SBOM)
		if err != nil {
			return nil, err
		}
		s.Packages = cyclonedx.Packages(bom)
		s.Project = attribution.FromBOM(bom, filepath.ToSlash(o.SBOM), attribution.Options{Root: o.SourceDir})
		s.Dir = "."
	} else {
		doc, err := o.Tree.Scan(ctx, ios, b)
		if err != nil {
			return nil, err
		}
		s.Packages = doc.Packages
		s.Project = attribution.FromDocument(doc, attribution.Options{Root: o.Root, AllowAbsolute: true})
		s.Dir = o.Root
	}
	s.Project.Tool = sbom.Tool{Name: "heng", Version: b.Version}
	s.Project.Created = created
	return &s, nil
}
