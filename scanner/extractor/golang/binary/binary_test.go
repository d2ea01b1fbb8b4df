package binary

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		path string
		size int64
		want bool
	}{
		{"hello", mb, true},
		{"bin/golangci-lint", 40 * mb, true},
		{"tools/hello.exe", mb, true},
		{"tools/HELLO.EXE", mb, true},
		{"node_modules/@esbuild/linux-x64/bin/esbuild", 10 * mb, true},
		{"dist/heng_1.2.3_linux_amd64", mb, true},
		{"dist/heng-1.2.3-linux-amd64", mb, true},
		{"dist/heng-v1.2", mb, true},
		{"dist/heng.linux", mb, true},
		{"dist/heng.arm64", mb, true},
		{"bin/.hidden", mb, true},
		{"hello", minSize, true},
		{"hello", maxSize, true},
		{"hello", minSize - 1, false},       // smaller than any Go executable
		{"hello", maxSize + 1, false},       // larger than the scanner reads
		{"README", 10 << 10, false},         // text without an extension, small
		{".git/objects/pack/x", mb, false},  // git's own files
		{"sub/.git/modules/m/x", mb, false}, // a submodule's
		{"hello.go", mb, false},
		{"hello.exe.bak", mb, false},
		{"libhello.so", mb, false},
		{"hello.dll", mb, false},
		{"image.png", mb, false},
		{"archive.tar.gz", mb, false},
		{"hello.sh", mb, false},
		{"data.bin", mb, false},
		{"myhello.exec", mb, false},
	} {
		if got := (Extractor{}).Match(extractor.File{Path: tc.path, Size: tc.size}); got != tc.want {
			t.Errorf("Match(%q, %d) = %v, want %v", tc.path, tc.size, got, tc.want)
		}
	}
}

// The executables in testdata are the program in testdata/src, built as
// testdata/README.md says: the same modules, three formats and three ways
// of knowing the main module's version.
var (
	depsPURLs = []string{
		"pkg:golang/example.com/greet@v0.0.0",
		"pkg:golang/github.com/inconshreveable/mousetrap@v1.0.0",
		"pkg:golang/golang.org/x/exp@v0.0.0-20240506185415-9bf2ced13842",
	}
	deps = []inventory.Package{
		{Name: "example.com/greet", Version: "v0.0.0", Ecosystem: "golang", PURL: depsPURLs[0], Scope: inventory.ScopeRequired,
			Properties: props("replace_dir", "./greet")},
		{Name: "github.com/inconshreveable/mousetrap", Version: "v1.0.0", Ecosystem: "golang", PURL: depsPURLs[1], Scope: inventory.ScopeRequired,
			Properties: props("h1", "h1:Z8tu5sraLXCXIcARxBp/8cbvlwVa7Z1NHg9XEKhtSvM=", "replaces", "github.com/inconshreveable/mousetrap@v1.1.0")},
		{Name: "golang.org/x/exp", Version: "v0.0.0-20240506185415-9bf2ced13842", Ecosystem: "golang", PURL: depsPURLs[2], Scope: inventory.ScopeRequired,
			Properties: props("h1", "h1:vr/HnozRka3pE4EsMEg1lgkXJkTFJCVUX+S/ZT6wYzM=")},
	}
)

var props = extractortest.Props

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		file string
		root inventory.Package
	}{
		{
			// ELF, built in a clean git checkout: a pseudo-version.
			file: "hello-linux-amd64",
			root: inventory.Package{Name: "example.com/hello", Version: "v0.0.0-20240501100000-10115c1d07a3",
				PURL: "pkg:golang/example.com/hello@v0.0.0-20240501100000-10115c1d07a3",
				Properties: props("CGO_ENABLED", "0", "GOARCH", "amd64", "GOOS", "linux", "go_version", "go1.26.8", "path", "example.com/hello",
					"vcs", "git", "vcs.modified", "false", "vcs.revision", "10115c1d07a30a1c44b1619e428770e16f75dc0f", "vcs.time", "2024-05-01T10:00:00Z")},
		},
		{
			// PE, 32-bit, built with uncommitted changes: "+dirty".
			file: "hello-windows-386",
			root: inventory.Package{Name: "example.com/hello", Version: "v0.0.0-20240501100000-10115c1d07a3+dirty",
				PURL: "pkg:golang/example.com/hello@v0.0.0-20240501100000-10115c1d07a3%2Bdirty",
				Properties: props("CGO_ENABLED", "0", "GOARCH", "386", "GOOS", "windows", "go_version", "go1.26.8", "path", "example.com/hello",
					"vcs", "git", "vcs.modified", "true", "vcs.revision", "10115c1d07a30a1c44b1619e428770e16f75dc0f", "vcs.time", "2024-05-01T10:00:00Z")},
		},
		{
			// Mach-O, arm64, built with -buildvcs=false: "(devel)", no
			// version.
			file: "hello-darwin-arm64",
			root: inventory.Package{Name: "example.com/hello", PURL: "pkg:golang/example.com/hello",
				Properties: props("CGO_ENABLED", "0", "GOARCH", "arm64", "GOOS", "darwin", "go_version", "go1.26.8", "path", "example.com/hello")},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := extractortest.Extract(t, Extractor{}, "testdata", tc.file)
			if err != nil {
				t.Fatal(err)
			}
			root := tc.root
			root.Ecosystem, root.Relationship, root.Dependencies = "golang", inventory.RelationshipRoot, depsPURLs
			want := append([]inventory.Package{deps[0], root}, deps[1:]...)
			if d := extractortest.Diff(want, got); d != "" {
				t.Errorf("Extract(%s) diff (-want +got):\n%s", tc.file, d)
			}
		})
	}
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestExtractNotGo: files that are no Go executables yield nothing, and
// no error.
func TestExtractNotGo(t *testing.T) {
	hello := fixture(t, "hello-linux-amd64")
	noMagic := bytes.Clone(hello)
	i := bytes.Index(noMagic, buildInfoMagic)
	copy(noMagic[i:], "\xff Go buildin?")
	javaClass := []byte("\xca\xfe\xba\xbe\x00\x00\x00\x34" + strings.Repeat("\x00", 64))
	for name, data := range map[string][]byte{
		"c_program":       fixture(t, "c-program"), // an ELF without build information
		"no_marker":       noMagic,                 // a Go ELF without its marker: as other programs
		"truncated_half":  hello[:len(hello)/2],    // cut before the build information: can't tell
		"truncated_head":  hello[:64],
		"shell_script":    []byte("#!/bin/sh\nexec go run ./cmd/tool \"$@\"\n" + strings.Repeat("# padding\n", 30000)),
		"text":            []byte(strings.Repeat("Permission is hereby granted, free of charge\n", 10000)),
		"empty":           nil,
		"mz_text":         []byte("MZ is not a PE file" + strings.Repeat(" ", 100)),
		"mz_bad_offset":   append([]byte("MZ"), bytes.Repeat([]byte{0xff}, 100)...),
		"java_class":      javaClass,
		"elf_header_only": []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
		"no_modules":      elfWithBuildInfo("go1.12", ""),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "bin/tool", data, nil)
			if err != nil || len(got) != 0 {
				t.Errorf("Extract() = %v, %v; want nothing", got, err)
			}
		})
	}
}

// TestExtractDamaged: an executable with the build information marker
// that cannot be read is an error.
func TestExtractDamaged(t *testing.T) {
	for name, data := range map[string][]byte{
		"elf_tail_cut":   fixture(t, "hello-linux-amd64")[:1190000],
		"pe_tail_cut":    fixture(t, "hello-windows-386")[:1390000],
		"macho_tail_cut": fixture(t, "hello-darwin-arm64")[:1098000],
		"bad_modinfo":    elfWithBuildInfo("go1.22.0", "path\tx\nmod\tx\n"),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "bin/tool", data, nil)
			if err == nil || !strings.HasPrefix(err.Error(), `parse "bin/tool": damaged Go executable: `) {
				t.Errorf("Extract() error %v, want a damaged Go executable", err)
			}
			if len(got) != 0 {
				t.Errorf("Extract() = %v, want nothing", got)
			}
		})
	}
}

// TestExtractReader: without a ReaderAt, the file is read from Reader.
func TestExtractReader(t *testing.T) {
	data := fixture(t, "hello-linux-amd64")
	in := &extractor.Input{Path: "hello", Reader: bytes.NewReader(data), Size: int64(len(data))}
	got, err := Extractor{}.Extract(context.Background(), in)
	if err != nil || len(got) != 4 {
		t.Fatalf("Extract() = %d packages, %v; want 4", len(got), err)
	}
}

// TestExtractCancelled: the search for a marker in a large file stops
// when the scan is cancelled.
func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := fixture(t, "hello-linux-amd64")[:1190000]
	_, err := parse(ctx, bytes.NewReader(data))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("parse() error %v, want context.Canceled", err)
	}
}

// TestPackages: build information that the fixtures do not show.
func TestPackages(t *testing.T) {
	for _, tc := range []struct {
		name, mod string
		want      []inventory.Package
	}{
		{
			// "go build main.go": no main module.
			name: "command_line",
			mod:  "path\tcommand-line-arguments\ndep\tgithub.com/a/b\tv1.0.0\th1:x=\nbuild\tGOOS=linux\nbuild\t-ldflags=\"-X main.token=secret\"\n",
			want: []inventory.Package{
				{Name: "command-line-arguments", Ecosystem: "golang", PURL: "pkg:golang/command-line-arguments", Relationship: "root",
					Dependencies: []string{"pkg:golang/github.com/a/b@v1.0.0"},
					Properties:   props("GOOS", "linux", "go_version", "go1.22.0", "path", "command-line-arguments")},
				{Name: "github.com/a/b", Version: "v1.0.0", Ecosystem: "golang", PURL: "pkg:golang/github.com/a/b@v1.0.0", Scope: "required",
					Properties: props("h1", "h1:x=")},
			},
		},
		{
			// "go install example.com/tool/cmd/tool@v1.2.3": the main
			// module's checksum; a replacement by an absolute directory.
			name: "installed",
			mod:  "path\texample.com/tool/cmd/tool\nmod\texample.com/tool\tv1.2.3\th1:main=\ndep\tgithub.com/a/b\tv1.0.0\n=>\t/home/me/b\t(devel)\t\n",
			want: []inventory.Package{
				{Name: "example.com/tool", Version: "v1.2.3", Ecosystem: "golang", PURL: "pkg:golang/example.com/tool@v1.2.3", Relationship: "root",
					Dependencies: []string{"pkg:golang/github.com/a/b@v1.0.0"},
					Properties:   props("go_version", "go1.22.0", "h1", "h1:main=", "path", "example.com/tool/cmd/tool")},
				{Name: "github.com/a/b", Version: "v1.0.0", Ecosystem: "golang", PURL: "pkg:golang/github.com/a/b@v1.0.0", Scope: "required",
					Properties: props("replace_dir", "/home/me/b")},
			},
		},
		{
			name: "no_main_package",
			mod:  "dep\tgithub.com/a/b\tv1.0.0\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bi, err := parse(context.Background(), bytes.NewReader(elfWithBuildInfo("go1.22.0", tc.mod)))
			if err != nil {
				t.Fatal(err)
			}
			got := inventory.MergePackages(packages(bi))
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("packages() diff (-want +got):\n%s", d)
			}
		})
	}
}

// elfWithBuildInfo returns the smallest ELF file that debug/buildinfo
// reads: a header, one writable loadable segment, and in it the build
// information blob as Go 1.18 and later write it (a 32-byte header with
// the magic, then the Go version and the module information, each
// prefixed with its length as a varint). mod is framed by two 16-byte
// sentinels, as cmd/go writes it ("" for none, as in a build without
// modules).
func elfWithBuildInfo(goVersion, mod string) []byte {
	var blob []byte
	blob = append(blob, buildInfoMagic...)
	blob = append(blob, 8, 2) // pointer size; flags: little-endian, strings inline
	blob = append(blob, make([]byte, 32-len(blob))...)
	blob = binary.AppendUvarint(blob, uint64(len(goVersion)))
	blob = append(blob, goVersion...)
	if mod != "" {
		mod = strings.Repeat("<", 16) + mod + strings.Repeat(">", 16)
	}
	blob = binary.AppendUvarint(blob, uint64(len(mod)))
	blob = append(blob, mod...)
	blob = append(blob, make([]byte, 16)...) // the data that follows

	const ehsize, phsize, dataOff, vaddr = 64, 56, 128, 0x400080
	le := binary.LittleEndian
	b := make([]byte, dataOff, dataOff+len(blob))
	copy(b, "\x7fELF\x02\x01\x01") // 64-bit, little-endian, version 1
	le.PutUint16(b[16:], 2)        // e_type: executable
	le.PutUint16(b[18:], 62)       // e_machine: x86-64
	le.PutUint32(b[20:], 1)        // e_version
	le.PutUint64(b[32:], ehsize)   // e_phoff
	le.PutUint16(b[52:], ehsize)   // e_ehsize
	le.PutUint16(b[54:], phsize)   // e_phentsize
	le.PutUint16(b[56:], 1)        // e_phnum
	le.PutUint16(b[58:], 64)       // e_shentsize
	ph := b[ehsize:]
	le.PutUint32(ph[0:], 1)                  // p_type: PT_LOAD
	le.PutUint32(ph[4:], 6)                  // p_flags: read, write
	le.PutUint64(ph[8:], dataOff)            // p_offset
	le.PutUint64(ph[16:], vaddr)             // p_vaddr
	le.PutUint64(ph[24:], vaddr)             // p_paddr
	le.PutUint64(ph[32:], uint64(len(blob))) // p_filesz
	le.PutUint64(ph[40:], uint64(len(blob))) // p_memsz
	le.PutUint64(ph[48:], 16)                // p_align
	return append(b, blob...)
}

// BenchmarkExtract reads the build information of the ELF fixture, from
// memory, as the scanner gives files of up to 16 MiB.
func BenchmarkExtract(b *testing.B) {
	data := fixture(b, "hello-linux-amd64")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		in := &extractor.Input{Path: "hello", Reader: bytes.NewReader(data), ReaderAt: bytes.NewReader(data), Size: int64(len(data))}
		pkgs, err := Extractor{}.Extract(context.Background(), in)
		if err != nil || len(pkgs) != 4 {
			b.Fatal(len(pkgs), err)
		}
	}
}

// BenchmarkExtractNotGo: a C program, the common case of an executable
// that is no Go one: it is searched for the marker.
func BenchmarkExtractNotGo(b *testing.B) {
	data := bytes.Repeat(fixture(b, "c-program"), 128) // 1 MiB, an ELF header first
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		in := &extractor.Input{Path: "tool", Reader: bytes.NewReader(data), ReaderAt: bytes.NewReader(data), Size: int64(len(data))}
		if pkgs, err := (Extractor{}).Extract(context.Background(), in); err != nil || len(pkgs) != 0 {
			b.Fatal(len(pkgs), err)
		}
	}
}

// BenchmarkMatch runs Match on the paths of a typical tree.
func BenchmarkMatch(b *testing.B) {
	files := []extractor.File{
		{Path: "cmd/heng/main.go", Size: 2 << 10},
		{Path: "README", Size: 4 << 10},
		{Path: "testdata/big.json", Size: 2 << 20},
		{Path: "node_modules/@esbuild/linux-x64/bin/esbuild", Size: 9 << 20},
		{Path: "dist/heng_1.2.3_linux_amd64", Size: 12 << 20},
		{Path: "docs/logo.png", Size: 300 << 10},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			Extractor{}.Match(f)
		}
	}
}
