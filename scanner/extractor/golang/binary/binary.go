// Package binary extracts the modules built into Go executables found in
// the tree (tools checked into a repository, release artifacts, the Go
// programs that npm packages such as esbuild ship) from the build
// information that the Go linker embeds in them since Go 1.13, as
// "go version -m" prints it.
//
// Match runs on every file, so it looks at the name and size only: a file
// of 256 KiB to 256 MiB (the smallest Go executable, an empty main
// stripped, is about 1 MB; the scanner gives extractors no larger file),
// outside .git, whose name has no extension, ends in ".exe", or ends in a
// dot-separated part that is no extension but part of a name or version:
// one that starts with a digit, holds "-" or "_", or names a platform
// ("tool-1.2.3-linux-amd64", "tool.darwin", "libx.so.1"). Extract then
// checks the magic number of an ELF, PE or Mach-O (thin or universal)
// executable before debug/buildinfo reads the build information. A file
// that is no executable, or an executable without Go build information (a
// C program, a Go program older than 1.13 or built without modules),
// yields nothing and no error: most files without an extension are
// scripts and text. An executable whose build information marker is there
// but cannot be read (a truncated or damaged Go executable) is an error; a
// Go executable cut short before its build information cannot be told
// from any other truncated file and yields nothing. Go executables in the
// other formats Go can write (AIX XCOFF, Plan 9, WebAssembly) are not
// read.
//
// The main module is the root package, the root of what the executable
// holds (for a prebuilt tool checked into a project, the tool's module,
// not the project): named by its module path (or, for a program built
// from files named on the command line, the main package's path,
// "command-line-arguments"), with its version unless it is "(devel)" (a
// build without version control information; since Go 1.24 a build in a
// checkout gets a pseudo-version, with "+dirty" when it had uncommitted
// changes). Its properties: "go_version" (the toolchain, such as
// "go1.22.4"), "path" (the main package's import path), "h1" (the main
// module's checksum, known when it was built with "go install
// module@version") and the build settings GOOS, GOARCH, CGO_ENABLED, vcs,
// vcs.revision, vcs.time and vcs.modified. Other settings are left out:
// -ldflags may hold values given with -X, which can be secrets.
//
// Every other module linked in is a package of scope "required" (its code
// is in the executable) whose relationship is unknown (""): the build
// information lists all modules that provide packages to the build but not
// which of them the main module requires itself. The root depends on all
// of them. A module replaced by another module version is named by the
// replacement (the code that was built), with the replaced
// "path@version" as the "replaces" property; one replaced by a local
// directory keeps its own path and version, with the directory as the
// "replace_dir" property: as golang/gomod names them. A module's "h1:"
// checksum, a hash of its file tree and not of an artifact, is the "h1"
// property. Packages have no directory: their files are not in the tree.
package binary

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/binary"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "golang/binary"

// Sizes of the files Match accepts. minSize leaves room below the about
// 1 MB of the smallest executable Go 1.26 links (an empty main, stripped,
// for any of linux/amd64, linux/386, windows/386, darwin/arm64). maxSize
// is the scanner's limit on the files it gives extractors.
const (
	minSize = 256 << 10
	maxSize = 256 << 20
)

// Extractor reads the build information of Go executables.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns Name.
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts files that may be executables: of a plausible size, not
// in .git, with a name that executableName accepts.
func (Extractor) Match(f extractor.File) bool {
	if f.Size < minSize || f.Size > maxSize {
		return false
	}
	if strings.HasPrefix(f.Path, ".git/") || strings.Contains(f.Path, "/.git/") {
		return false
	}
	return executableName(extractor.Base(f.Path))
}

// executableName reports whether a file name can be an executable's: one
// without an extension, or with ".exe". A last dot-separated part that
// starts with a digit, holds "-" or "_", or names a platform is part of
// the name ("tool-1.2.3-linux-amd64", "tool_v2.0_linux", "tool.amd64").
func executableName(base string) bool {
	i := strings.LastIndexByte(base, '.')
	if i <= 0 || i == len(base)-1 {
		return true // no extension, a dot file, or a trailing dot
	}
	ext := base[i+1:]
	switch {
	case strings.EqualFold(ext, "exe"),
		'0' <= ext[0] && ext[0] <= '9',
		strings.ContainsAny(ext, "-_"),
		platforms[strings.ToLower(ext)]:
		return true
	}
	return false
}

// platforms are operating system and architecture names that release
// artifacts end with.
var platforms = map[string]bool{
	"aarch64": true, "amd64": true, "arm": true, "arm64": true, "armv6": true, "armv7": true,
	"i386": true, "i686": true, "loong64": true, "mips": true, "mips64": true, "mips64le": true,
	"mipsle": true, "ppc64": true, "ppc64le": true, "riscv64": true, "s390x": true, "x64": true, "x86": true,
	"darwin": true, "dragonfly": true, "freebsd": true, "illumos": true, "linux": true, "macos": true,
	"netbsd": true, "openbsd": true, "osx": true, "solaris": true, "win": true, "win32": true, "win64": true, "windows": true,
}

// Extract reads the build information of one executable.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	r := in.ReaderAt
	if r == nil {
		data, err := io.ReadAll(io.LimitReader(in.Reader, maxSize+1))
		if err != nil {
			return nil, fmt.Errorf("read %q: %w", in.Path, err)
		}
		r = bytes.NewReader(data)
	}
	bi, err := parse(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return packages(bi), nil
}

// parse reads the build information of a Go executable: nil and no error
// for anything else.
func parse(ctx context.Context, r io.ReaderAt) (*debug.BuildInfo, error) {
	if !executable(r) {
		return nil, nil
	}
	bi, err := buildinfo.Read(r)
	if err == nil {
		return bi, nil
	}
	// buildinfo fails alike for other programs and for Go executables
	// cut short or damaged ("not a Go executable", "unrecognized file
	// format"); the build information's marker tells them apart.
	found, serr := hasMarker(ctx, r)
	if serr != nil {
		return nil, serr
	}
	if found {
		return nil, fmt.Errorf("damaged Go executable: %w", err)
	}
	return nil, nil
}

// executable reports whether r starts as an ELF, PE or Mach-O executable
// does.
func executable(r io.ReaderAt) bool {
	var h [16]byte
	if n, _ := r.ReadAt(h[:], 0); n < len(h) {
		return false
	}
	switch {
	case string(h[:4]) == "\x7fELF":
		return true
	case string(h[:4]) == "\xfe\xed\xfa\xce", string(h[:4]) == "\xfe\xed\xfa\xcf", // Mach-O, big-endian
		string(h[:4]) == "\xce\xfa\xed\xfe", string(h[:4]) == "\xcf\xfa\xed\xfe": // little-endian
		return true
	case string(h[:4]) == "\xca\xfe\xba\xbe", string(h[:4]) == "\xca\xfe\xba\xbf":
		// A universal Mach-O gives its number of architectures next; a
		// Java class file, with the same magic, its version (45 or more).
		n := binary.BigEndian.Uint32(h[4:8])
		return n > 0 && n < 45
	case string(h[:2]) == "MZ":
		// A PE file: the DOS header points at "PE\0\0" at 0x3c.
		var off [4]byte
		if n, _ := r.ReadAt(off[:], 0x3c); n < len(off) {
			return false
		}
		var sig [4]byte
		at := int64(binary.LittleEndian.Uint32(off[:]))
		if n, _ := r.ReadAt(sig[:], at); n < len(sig) {
			return false
		}
		return string(sig[:]) == "PE\x00\x00"
	}
	return false
}

// buildInfoMagic starts the build information blob that the Go linker
// writes, at an address aligned to 16 bytes (debug/buildinfo); ELF, PE
// and Mach-O keep a section's alignment in its file offset, so the offset
// is aligned too.
var buildInfoMagic = []byte("\xff Go buildinf:")

// hasMarker reports whether r holds buildInfoMagic at an offset aligned
// to 16, reading at most maxSize bytes, a chunk at a time: 64 KiB first,
// doubling up to 1 MiB, so that a small file costs a small buffer. Chunks
// are multiples of 16 long and the magic is shorter than that, so an
// aligned one never straddles two.
func hasMarker(ctx context.Context, r io.ReaderAt) (bool, error) {
	buf := make([]byte, 64<<10)
	for off := int64(0); off < maxSize; {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		n, err := r.ReadAt(buf, off)
		data := buf[:n]
		for i := 0; ; {
			j := bytes.Index(data[i:], buildInfoMagic)
			if j < 0 {
				break
			}
			if (off+int64(i+j))%16 == 0 {
				return true, nil
			}
			i += j + 1
		}
		if err != nil || n < len(buf) {
			return false, nil // the end of the file, or it cannot be read
		}
		off += int64(n)
		if len(buf) < 1<<20 {
			buf = make([]byte, 2*len(buf))
		}
	}
	return false, nil
}

// keptSettings are the build settings kept as properties of the root.
var keptSettings = map[string]bool{
	"GOOS": true, "GOARCH": true, "CGO_ENABLED": true,
	"vcs": true, "vcs.revision": true, "vcs.time": true, "vcs.modified": true,
}

// packages turns build information into packages: nil for none, or for
// an executable that names no main module or package (one built without
// modules).
func packages(bi *debug.BuildInfo) []inventory.Package {
	if bi == nil {
		return nil
	}
	name := bi.Main.Path
	if name == "" {
		name = bi.Path
	}
	if name == "" {
		return nil
	}
	root := inventory.Package{
		Name:         name,
		Version:      version(bi.Main.Version),
		Ecosystem:    inventory.EcosystemGo,
		Relationship: inventory.RelationshipRoot,
	}
	root.PURL = extractor.PURL("golang", "", root.Name, root.Version)
	prop := func(p *inventory.Package, key, value string) {
		if value != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: key, Value: value})
		}
	}
	prop(&root, "go_version", bi.GoVersion)
	prop(&root, "path", bi.Path)
	prop(&root, "h1", bi.Main.Sum)
	for _, s := range bi.Settings {
		if keptSettings[s.Key] {
			prop(&root, s.Key, s.Value)
		}
	}
	out := []inventory.Package{root}
	for _, d := range bi.Deps {
		if d == nil || d.Path == "" {
			continue
		}
		p := inventory.Package{
			Ecosystem: inventory.EcosystemGo,
			Scope:     inventory.ScopeRequired,
		}
		switch r := d.Replace; {
		case r != nil && localReplacement(r):
			p.Name, p.Version = d.Path, version(d.Version)
			prop(&p, "replace_dir", r.Path)
		case r != nil && r.Path != "":
			p.Name, p.Version = r.Path, version(r.Version)
			prop(&p, "replaces", d.Path+"@"+d.Version)
			prop(&p, "h1", r.Sum)
		default:
			p.Name, p.Version = d.Path, version(d.Version)
			prop(&p, "h1", d.Sum)
		}
		p.PURL = extractor.PURL("golang", "", p.Name, p.Version)
		if p.PURL != "" {
			out[0].Dependencies = append(out[0].Dependencies, p.PURL)
		}
		out = append(out, p)
	}
	return out
}

// localReplacement reports whether a module was replaced by a directory,
// which the build information records with version "(devel)".
func localReplacement(r *debug.Module) bool {
	return r.Version == "" || r.Version == "(devel)" || modfile.IsDirectoryPath(r.Path)
}

// version drops the "(devel)" of a module built from a directory.
func version(v string) string {
	if v == "(devel)" {
		return ""
	}
	return v
}
