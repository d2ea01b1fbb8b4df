// Package scan implements `heng scan`: walk a source tree, tell every
// file's language and the licenses it carries, and report them.
package scan

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/cmd/internal/progress"
	"github.com/hengdev/heng/internal/human"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/formats"
	"github.com/hengdev/heng/scanner"
	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/list"
)

type scanOptions struct {
	IO    *iostreams.IOStreams
	Build build.Info
	Tree
	Format  string
	Output  string
	NoFiles bool
}

// Tree is what heng scan and the commands built on it (heng sbom) share:
// which tree to scan, and how.
type Tree struct {
	Root        string
	Jobs        int
	MaxFileSize byteSize
	NoIgnore    bool
	Excludes    []string
	NoPackages  bool
	// ModuleCache is the Go module cache to read licenses from; ""
	// means the go command's (GOMODCACHE, else GOPATH/pkg/mod).
	ModuleCache string
	// FileHashes computes every file's SHA-256 (heng sbom --files).
	FileHashes bool
}

// NewTree returns a Tree with the defaults.
func NewTree() Tree {
	return Tree{Root: ".", MaxFileSize: scanner.DefaultMaxFileSize}
}

// AddTreeFlags defines the flags that say how to scan.
func AddTreeFlags(fl *pflag.FlagSet, t *Tree) {
	fl.IntVarP(&t.Jobs, "jobs", "j", runtime.NumCPU(), "number of files to process in parallel")
	fl.Var(&t.MaxFileSize, "max-file-size", "do not read files larger than `size` (e.g. 512KiB, 16MiB, 1GB)")
	fl.BoolVar(&t.NoIgnore, "no-ignore", false, "scan files that .gitignore files ignore")
	fl.StringArrayVar(&t.Excludes, "exclude", nil, "skip paths matching `glob` (.gitignore syntax; repeatable)")
	fl.BoolVar(&t.NoPackages, "no-packages", false, "do not look for packages in manifests, lock files and installed trees (nor walk git-ignored dependency directories such as node_modules)")
}

// Check checks the flags' values.
func (t *Tree) Check() error {
	if t.Jobs < 0 {
		return cmdutil.FlagErrorf("invalid --jobs %d: want a positive number of parallel jobs", t.Jobs)
	}
	return nil
}

// Scan scans the tree, with a progress line on a terminal, and returns the
// document of what it found. The document's Created time is now, or
// SOURCE_DATE_EPOCH when that is set (reproducible builds); an invalid
// SOURCE_DATE_EPOCH is an error.
func (t *Tree) Scan(ctx context.Context, ios *iostreams.IOStreams, b build.Info) (*sbom.Document, error) {
	created, err := CreationTime()
	if err != nil {
		return nil, err
	}
	var extractors []extractor.Extractor
	moduleCache := ""
	if !t.NoPackages {
		extractors = list.All()
		moduleCache = t.ModuleCache
		if moduleCache == "" {
			moduleCache = goModuleCache()
		}
	}

	var prog scanner.Progress
	reporter := progress.Start(ios, "scanning", func() progress.Snapshot {
		return progress.Snapshot{Files: prog.Files.Load(), Bytes: prog.Bytes.Load(), Current: prog.Current()}
	})
	res, err := scanner.Run(ctx, scanner.Config{
		Root:        t.Root,
		Jobs:        t.Jobs,
		MaxFileSize: int64(t.MaxFileSize),
		NoIgnore:    t.NoIgnore,
		Excludes:    t.Excludes,
		Progress:    &prog,
		Extractors:  extractors,
		ModuleCache: moduleCache,
		FileHashes:  t.FileHashes,
	})
	reporter.Stop()
	if err != nil {
		return nil, err
	}
	name := ""
	if abs, err := filepath.Abs(t.Root); err == nil {
		name = filepath.Base(abs)
	}
	return &sbom.Document{
		Tool:     sbom.Tool{Name: "heng", Version: b.Version},
		Root:     filepath.ToSlash(filepath.Clean(t.Root)),
		Name:     name,
		Created:  created,
		Files:    res.Files,
		Issues:   res.Issues,
		Packages: res.Packages,
	}, nil
}

// CreationTime is when documents are made: SOURCE_DATE_EPOCH (seconds
// since 1970, as reproducible builds define it) when set, else now.
func CreationTime() (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return time.Now().UTC().Truncate(time.Second), nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("invalid SOURCE_DATE_EPOCH %q: want a number of seconds since 1970-01-01", v)
	}
	return time.Unix(n, 0).UTC(), nil
}

// NewCmdScan returns the `scan` command. runF, when not nil, replaces the
// command's work so tests can check how flags were parsed into options.
func NewCmdScan(f *cmdutil.Factory, runF func(*scanOptions) error) *cobra.Command {
	opts := &scanOptions{
		IO:    f.IOStreams,
		Build: f.Build,
		Tree:  NewTree(),
	}
	cmd := &cobra.Command{
		Use:   "scan [<path>]",
		Short: "Find the languages and licenses of every file in a tree",
		Long: `Scan a source tree (the current directory by default, or a single file) and
report, for every file, its language and the licenses it carries: full
license texts, license headers and other notices, SPDX-License-Identifier
tags and license URLs.

Files are read in parallel. .git, .hg and .svn are never entered; files
ignored by .gitignore are skipped unless --no-ignore is given. Vendored,
third-party and installed trees (vendor/, node_modules/, third_party/) are
scanned and tagged, never dropped. Symbolic links are listed, not followed.

It also finds the packages the project is and uses, offline: from
manifests, lock files and installed packages of Go, npm, OpenHarmony ohpm,
Python, Maven, Cargo, Composer, RubyGems and NuGet (docs/packages.md), each
with its purl, scope, relationship, dependencies, hashes, declared license
and the license found in its own files. Dependency directories
(node_modules, oh_modules, vendor, .venv) are read even when .gitignore
ignores them; --no-packages turns all of this off.

The default output is a readable summary. --format json gives the full
report, one entry per file and per package, described in
docs/json-report.md. A file that
cannot be read is listed under errors and the scan goes on; heng exits with
2 only when the path itself cannot be scanned.`,
		Example: `  # Summarize the licenses of the current directory
  $ heng scan

  # Scan the example project shipped with heng
  $ heng scan testdata/example

  # Write the full JSON report to a file
  $ heng scan --format json -o report.json .

  # Which files carry which license, with jq
  $ heng scan -f json | jq -r '.files[] | select(.licenses != []) | .path'

  # The packages only, with their declared and detected licenses
  $ heng scan --no-files -f json | jq '.packages[] | {purl, declared_license, detected_licenses}'

  # Leave generated bundles out, read ignored files too
  $ heng scan --exclude '*.min.js' --exclude 'dist/' --no-ignore`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Root = args[0]
			}
			if _, err := formats.Lookup(formats.ForScan(false), opts.Format, "--format"); err != nil {
				return cmdutil.FlagErrorWrap(err)
			}
			if err := opts.Check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runScan(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "text", "output `format`: "+strings.Join(formats.Names(formats.ForScan(false)), ", "))
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	AddTreeFlags(fl, &opts.Tree)
	fl.BoolVar(&opts.NoFiles, "no-files", false, "list packages without the findings of each file")
	return cmd
}

func runScan(ctx context.Context, opts *scanOptions) error {
	ios := opts.IO
	color := opts.Output == "" && ios.ColorEnabled()
	format, err := formats.Lookup(formats.ForScan(color), opts.Format, "--format")
	if err != nil {
		return cmdutil.FlagErrorWrap(err)
	}

	start := time.Now()
	doc, err := opts.Tree.Scan(ctx, ios, opts.Build)
	if err != nil {
		return err
	}
	doc.OmitFiles = opts.NoFiles
	if err := output.WriteFile(opts.Output, ios.Out, func(w io.Writer) error {
		return format.Encode(w, doc)
	}); err != nil {
		return err
	}
	if ios.IsStderrTTY() && !ios.IsQuiet() {
		elapsed := time.Since(start)
		where := ""
		if opts.Output != "" && opts.Output != output.Stdout {
			where = fmt.Sprintf("; wrote %s", opts.Output)
		}
		rate := float64(len(doc.Files)) / max(elapsed.Seconds(), 1e-3)
		fmt.Fprintf(ios.ErrOut, "%s %s files in %.2fs (%s files/s)%s\n",
			ios.ColorScheme().Gray("scanned"), human.Count(int64(len(doc.Files))), elapsed.Seconds(),
			human.Count(int64(rate)), where)
	}
	return nil
}

// byteSize is a flag value for sizes: plain bytes or a number with a unit
// (KB, MB, GB in powers of 1000; KiB, MiB, GiB in powers of 1024).
type byteSize int64

func (b *byteSize) String() string {
	n := int64(*b)
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

func (b *byteSize) Type() string { return "size" }

var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1000, "kb": 1000, "kib": 1 << 10,
	"m": 1000 * 1000, "mb": 1000 * 1000, "mib": 1 << 20,
	"g": 1000 * 1000 * 1000, "gb": 1000 * 1000 * 1000, "gib": 1 << 30,
}

// parseSize reads "16MiB", "512k", "1048576" and the like.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := len(t)
	for i > 0 && (t[i-1] < '0' || t[i-1] > '9') {
		i--
	}
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if !ok || err != nil || n <= 0 || n > (1<<62)/unit {
		return 0, fmt.Errorf("invalid size %q: want a positive number of bytes, optionally with a unit such as KiB, MiB or GB", s)
	}
	return n * unit, nil
}

// goModuleCache returns the Go module cache the go command would use, from
// the environment only (heng never runs go): GOMODCACHE, else the first
// GOPATH entry's pkg/mod, else ~/go/pkg/mod. "" when there is none.
func goModuleCache() string {
	if c := os.Getenv("GOMODCACHE"); c != "" {
		return c
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		gopath = filepath.Join(home, "go")
	}
	gopath = filepath.SplitList(gopath)[0]
	dir := filepath.Join(gopath, "pkg", "mod")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ""
	}
	return dir
}
