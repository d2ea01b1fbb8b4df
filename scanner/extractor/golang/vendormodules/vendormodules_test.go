package vendormodules

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"vendor/modules.txt":         true,
		"a/b/vendor/modules.txt":     true,
		"modules.txt":                false,
		"vendor/modules.txt.bak":     false,
		"vendor/mymodules.txt":       false,
		"myvendor/modules.txt":       false,
		"vendor/x/modules.txt":       false,
		"third_party/modules.txt":    false,
		"vendor/modules.txt/x":       false,
		"node_modules/vendor/go.mod": false,
	})
}

// pkg builds an expected package: relationship, directory and properties
// as name=value pairs.
func pkg(name, version, rel, dir string, props ...string) inventory.Package {
	p := inventory.Package{
		Name: name, Version: version, Ecosystem: inventory.EcosystemGo,
		PURL:         extractor.PURL("golang", "", name, version),
		Relationship: rel, Scope: inventory.ScopeRequired, Directory: dir,
	}
	for _, kv := range props {
		k, v, _ := strings.Cut(kv, "=")
		p.Properties = append(p.Properties, inventory.Property{Name: k, Value: v})
	}
	return p
}

const (
	direct = inventory.RelationshipDirect
	trans  = inventory.RelationshipTransitive
)

const (
	h1Cobra     = "h1=h1:e5/vxKd/rZsfSJMUX1agtjeTDf+qv1/JdBF8gg5k9ZM="
	h1Mousetrap = "h1=h1:wN+x4NVGpMsO7ErUn/mUI3vEoE6Jt13X2s0bqwp9tc8="
	h1Pflag     = "h1=h1:iy+VFUOCP1a+8yFto/drg2CJ5u0yRoB7fZw3DKv/JXA="
)

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []inventory.Package
	}{
		{
			// go 1.22: every module is "## explicit; go 1.x"; go.mod tells
			// direct from indirect.
			name: "simple",
			want: []inventory.Package{
				pkg("github.com/inconshreveable/mousetrap", "v1.1.0", trans, "vendor/github.com/inconshreveable/mousetrap", h1Mousetrap, "packages=1"),
				pkg("github.com/spf13/cobra", "v1.8.1", direct, "vendor/github.com/spf13/cobra", h1Cobra, "packages=1"),
				pkg("github.com/spf13/pflag", "v1.0.5", trans, "vendor/github.com/spf13/pflag", h1Pflag, "packages=1"),
			},
		},
		{
			// go 1.16: "## explicit" without go versions; modules go.mod
			// does not require; a local and a module replacement; unused
			// and wildcard replacements at the end, which are no modules.
			name: "replace",
			want: []inventory.Package{
				pkg("example.com/greet", "v0.0.0", direct, "vendor/example.com/greet", "packages=1", "replace_dir=./greet"),
				pkg("github.com/cornfeedhobo/pflag", "v1.1.0", trans, "vendor/github.com/spf13/pflag",
					"h1=h1:hZ356pzRepv6EbQ3M5Yx0ZyvQnTj8rgGKm6PCTFy2kc=", "packages=1", "replaces=github.com/spf13/pflag@v1.0.5"),
				pkg("github.com/inconshreveable/mousetrap", "v1.1.0", trans, "vendor/github.com/inconshreveable/mousetrap", h1Mousetrap, "packages=1"),
				pkg("github.com/spf13/cobra", "v1.8.1", direct, "vendor/github.com/spf13/cobra", h1Cobra, "packages=1"),
				pkg("golang.org/x/text", "v0.14.0", direct, "vendor/golang.org/x/text",
					"h1=h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=", "packages=8"),
			},
		},
		{
			// "go work vendor": no go.mod beside vendor/, the go.mod files
			// of the modules go.work uses tell.
			name: "workspace",
			want: []inventory.Package{
				pkg("github.com/google/uuid", "v1.6.0", direct, "vendor/github.com/google/uuid",
					"h1=h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=", "packages=1"),
				pkg("github.com/inconshreveable/mousetrap", "v1.1.0", trans, "vendor/github.com/inconshreveable/mousetrap", h1Mousetrap, "packages=1"),
				pkg("github.com/spf13/cobra", "v1.8.1", direct, "vendor/github.com/spf13/cobra", h1Cobra, "packages=1"),
				pkg("github.com/spf13/pflag", "v1.0.5", trans, "vendor/github.com/spf13/pflag", h1Pflag, "packages=1"),
			},
		},
		{
			// Written by Go 1.12: no "##" lines; go.mod (without go.sum)
			// tells.
			name: "legacy",
			want: []inventory.Package{
				pkg("github.com/konsorten/go-windows-terminal-sequences", "v1.0.1", trans, "vendor/github.com/konsorten/go-windows-terminal-sequences", "packages=1"),
				pkg("github.com/pkg/errors", "v0.8.1", direct, "vendor/github.com/pkg/errors", "packages=1"),
				pkg("github.com/sirupsen/logrus", "v1.4.2", direct, "vendor/github.com/sirupsen/logrus", "packages=1"),
				pkg("golang.org/x/crypto", "v0.0.0-20190308221718-c2843e01d9a2", trans, "vendor/golang.org/x/crypto", "packages=1"),
				pkg("golang.org/x/sys", "v0.0.0-20190422165155-953cdadca894", trans, "vendor/golang.org/x/sys",
					"packages=2", "replaces=golang.org/x/sys@v0.0.0-20190215142949-d0b11bdaac8a"),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata/"+tc.name, "vendor/modules.txt", tc.want)
		})
	}
}

// TestExtractWithoutGoMod: a vendor directory copied without its go.mod.
// An explicit module may be direct or indirect; one that is not explicit
// is transitive; in a file that marks nothing, nothing is known.
func TestExtractWithoutGoMod(t *testing.T) {
	for _, tc := range []struct {
		fixture string
		rels    map[string]string // by name
	}{
		{"simple", map[string]string{
			"github.com/inconshreveable/mousetrap": "",
			"github.com/spf13/cobra":               "",
			"github.com/spf13/pflag":               "",
		}},
		{"replace", map[string]string{
			"example.com/greet":                    "",
			"github.com/cornfeedhobo/pflag":        trans,
			"github.com/inconshreveable/mousetrap": trans,
			"github.com/spf13/cobra":               "",
			"golang.org/x/text":                    "",
		}},
		{"workspace", map[string]string{ // no go.work either
			"github.com/google/uuid":               "",
			"github.com/inconshreveable/mousetrap": "",
			"github.com/spf13/cobra":               "",
			"github.com/spf13/pflag":               "",
		}},
		{"legacy", map[string]string{
			"github.com/konsorten/go-windows-terminal-sequences": "",
			"github.com/pkg/errors":                              "",
			"github.com/sirupsen/logrus":                         "",
			"golang.org/x/crypto":                                "",
			"golang.org/x/sys":                                   "",
		}},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tc.fixture + "/vendor/modules.txt")
			if err != nil {
				t.Fatal(err)
			}
			got, err := extractortest.ExtractBytes(Extractor{}, "vendor/modules.txt", data, nil)
			if err != nil {
				t.Fatal(err)
			}
			rels := map[string]string{}
			for _, p := range got {
				rels[p.Name] = p.Relationship
				if p.Property("h1") != "" {
					t.Errorf("%s: h1 without a go.sum", p.Name)
				}
			}
			for name, want := range tc.rels {
				if rels[name] != want {
					t.Errorf("%s: relationship %q, want %q", name, rels[name], want)
				}
			}
			if len(rels) != len(tc.rels) {
				t.Errorf("got %d packages, want %d", len(rels), len(tc.rels))
			}
		})
	}
}

// TestExtractNested: a module in a subdirectory of the scan root; its
// go.mod is read from there, and directories are relative to the root.
func TestExtractNested(t *testing.T) {
	mt := "# github.com/a/b v1.0.0\n## explicit; go 1.21\ngithub.com/a/b\ngithub.com/a/b/c\n" +
		"# github.com/d/e v0.2.0\n## explicit\n" + // required, nothing of it vendored
		"# github.com/f/g v1.2.3\n## go 1.18\ngithub.com/f/g\n"
	gomod := "module example.com/x\n\ngo 1.21\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/d/e v0.2.0\n)\n"
	got, err := extractortest.ExtractBytes(Extractor{}, "svc/vendor/modules.txt", []byte(mt), map[string]string{
		"svc/go.mod": gomod,
		"svc/go.sum": "github.com/a/b v1.0.0 h1:abc=\ngithub.com/a/b v1.0.0/go.mod h1:def=\n",
		"go.mod":     "module example.com/other\n\nrequire github.com/f/g v1.2.3\n", // not this vendor directory's
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		pkg("github.com/a/b", "v1.0.0", direct, "svc/vendor/github.com/a/b", "h1=h1:abc=", "packages=2"),
		pkg("github.com/d/e", "v0.2.0", direct, "", "packages=0"),
		pkg("github.com/f/g", "v1.2.3", trans, "svc/vendor/github.com/f/g", "packages=1"),
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(svc/vendor/modules.txt) diff (-want +got):\n%s", d)
	}
}

// TestExtractCRLF: a modules.txt checked out with Windows line endings.
func TestExtractCRLF(t *testing.T) {
	data, err := os.ReadFile("testdata/replace/vendor/modules.txt")
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	want, err := extractortest.ExtractBytes(Extractor{}, "vendor/modules.txt", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	extractortest.CheckExtractBytes(t, Extractor{}, "vendor/modules.txt", crlf, nil, want)
}

// TestExtractErrors: lines the go command would not understand are
// errors, returned with the modules of the other lines.
func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string
		err     string   // in the error
		names   []string // packages still read
	}{
		{"bad_version", "# github.com/a/b 1.0\ngithub.com/a/b\n# github.com/c/d v1.0.0\ngithub.com/c/d\n",
			`line 1: module "github.com/a/b" has an invalid version "1.0"`, []string{"github.com/c/d"}},
		{"no_version", "# github.com/a/b\ngithub.com/a/b\n# github.com/c/d v1.0.0\ngithub.com/c/d\n",
			"line 1: module line without a version", []string{"github.com/c/d"}},
		{"package_first", "github.com/a/b\n# github.com/c/d v1.0.0\ngithub.com/c/d\n",
			`line 1: package "github.com/a/b" before any module line`, []string{"github.com/c/d"}},
		{"not_an_import_path", "# github.com/c/d v1.0.0\ngithub.com/c/d\n{\"json\": true}\n",
			"line 3: not an import path", []string{"github.com/c/d"}},
		{"bad_replacement", "# github.com/a/b v1.0.0 => github.com/x/y notaversion\ngithub.com/a/b\n# github.com/c/d v1.0.0\ngithub.com/c/d\n",
			`line 1: module "github.com/a/b": bad replacement`, []string{"github.com/c/d"}},
		{"junk_after_version", "# github.com/a/b v1.0.0 extra\ngithub.com/a/b\n",
			`line 1: module "github.com/a/b": unexpected "extra"`, nil},
		{"several", "x y\n# github.com/c/d v1.0.0\ngithub.com/c/d\na b\nc d\n",
			"(and 2 more bad lines)", []string{"github.com/c/d"}},
		{"long_line", "# github.com/c/d v1.0.0\ngithub.com/c/d\n" + strings.Repeat("x", maxLine+1) + "\n",
			"line 3: bufio.Scanner: token too long", []string{"github.com/c/d"}},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00",
			"line 1: not an import path", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "vendor/modules.txt", []byte(tc.content), nil)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("Extract() error %v, want one with %q", err, tc.err)
			}
			extractortest.WantParseError(t, err, "vendor/modules.txt")
			if names := extractortest.Names(got); fmt.Sprint(names) != fmt.Sprint(tc.names) {
				t.Errorf("packages %v, want %v", names, tc.names)
			}
		})
	}
}

// TestExtractEmpty: files with nothing to say are no error.
func TestExtractEmpty(t *testing.T) {
	for name, content := range map[string]string{
		"empty":           "",
		"workspace_only":  "## workspace\n",
		"replacements":    "# golang.org/x/sys => golang.org/x/sys v0.15.0\n# example.com/a => ./a\n",
		"unused_replaced": "# example.com/a v1.0.0 => example.com/b v1.1.0\n",
		"blank_lines":     "\n\n  \n",
	} {
		t.Run(name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "vendor/modules.txt", []byte(content), nil)
			if err != nil || len(got) != 0 {
				t.Errorf("Extract() = %v, %v; want nothing", got, err)
			}
		})
	}
}

// TestExtractBadGoMod: a go.mod that does not parse is as good as none.
func TestExtractBadGoMod(t *testing.T) {
	got, err := extractortest.ExtractBytes(Extractor{}, "vendor/modules.txt",
		[]byte("# github.com/a/b v1.0.0\n## explicit\ngithub.com/a/b\n"),
		map[string]string{"go.mod": "module x\nrequire (\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{pkg("github.com/a/b", "v1.0.0", "", "vendor/github.com/a/b", "packages=1")}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract() diff (-want +got):\n%s", d)
	}
}

// TestExtractWorkspaceUses: go.work uses outside the tree or with ".."
// beyond the root are skipped; a direct requirement of any used module
// wins over an indirect one of another.
func TestExtractWorkspaceUses(t *testing.T) {
	mt := "## workspace\n# github.com/a/b v1.0.0\n## explicit\ngithub.com/a/b\n# github.com/c/d v1.0.0\n## explicit\ngithub.com/c/d\n"
	got, err := extractortest.ExtractBytes(Extractor{}, "ws/vendor/modules.txt", []byte(mt), map[string]string{
		"ws/go.work":    "go 1.22\n\nuse (\n\t./one\n\t./two\n\t/abs/three\n\t../../outside\n)\n",
		"ws/one/go.mod": "module one\n\ngo 1.22\n\nrequire github.com/a/b v1.0.0 // indirect\n",
		"ws/two/go.mod": "module two\n\ngo 1.22\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v1.0.0 // indirect\n)\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		pkg("github.com/a/b", "v1.0.0", direct, "ws/vendor/github.com/a/b", "packages=1"),
		pkg("github.com/c/d", "v1.0.0", trans, "ws/vendor/github.com/c/d", "packages=1"),
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract() diff (-want +got):\n%s", d)
	}
}

// TestExtractDirectory: a module path that is no import path gets no
// directory, so that none points outside the vendor directory.
func TestExtractDirectory(t *testing.T) {
	got, _ := extractortest.ExtractBytes(Extractor{}, "vendor/modules.txt",
		[]byte("# ../../etc v1.0.0\n## explicit\nx/y\n# /abs v1.0.0\nx/z\n"), nil)
	if len(got) != 2 {
		t.Fatalf("got %d packages, want 2", len(got))
	}
	for _, p := range got {
		if p.Directory != "" {
			t.Errorf("%s: directory %q", p.Name, p.Directory)
		}
	}
}

// BenchmarkExtract reads a modules.txt of 5,000 modules and 50,000
// packages, with its go.mod.
func BenchmarkExtract(b *testing.B) {
	var mt, gomod strings.Builder
	gomod.WriteString("module example.com/big\n\ngo 1.22\n\nrequire (\n")
	for i := range 5000 {
		fmt.Fprintf(&mt, "# github.com/owner%d/module%d v1.%d.0\n## explicit; go 1.21\n", i, i, i)
		for j := range 10 {
			fmt.Fprintf(&mt, "github.com/owner%d/module%d/pkg%d\n", i, i, j)
		}
		ind := ""
		if i%3 != 0 {
			ind = " // indirect"
		}
		fmt.Fprintf(&gomod, "\tgithub.com/owner%d/module%d v1.%d.0%s\n", i, i, i, ind)
	}
	gomod.WriteString(")\n")
	data := []byte(mt.String())
	fsys := fstest.MapFS{"go.mod": {Data: []byte(gomod.String())}, "vendor/modules.txt": {Data: data}}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		in := &extractor.Input{FS: fsys, Path: "vendor/modules.txt", Reader: bytes.NewReader(data)}
		pkgs, err := Extractor{}.Extract(context.Background(), in)
		if err != nil || len(pkgs) != 5000 {
			b.Fatal(len(pkgs), err)
		}
	}
}
