package binary

import (
	"bytes"
	"context"
	"runtime/debug"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any bytes are read without a panic, and a Go executable's
// build information gives Go packages that keep extractortest's
// invariants (a name, a purl and dependencies that parse), the root
// first. The seeds are small: whole fixtures would make each run read a
// megabyte.
func FuzzParse(f *testing.F) {
	f.Add(elfWithBuildInfo("go1.22.0", "path\texample.com/hello\nmod\texample.com/hello\t(devel)\t\n"+
		"dep\tgithub.com/a/b\tv1.0.0\th1:x=\n=>\t../b\t(devel)\t\nbuild\tGOOS=linux\n"))
	f.Add(elfWithBuildInfo("go1.12", ""))
	extractortest.AddFiles(f, "testdata/c-program")
	for _, name := range []string{"hello-linux-amd64", "hello-windows-386", "hello-darwin-arm64"} {
		f.Add(extractortest.ReadFile(f, "testdata/"+name)[:4096]) // the headers, truncated
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		bi, err := parse(context.Background(), bytes.NewReader(data))
		if err != nil {
			return
		}
		checkPackages(t, packages(bi))
	})
}

// FuzzPackages: any build information that debug.ParseBuildInfo accepts
// gives Go packages that keep extractortest's invariants, the root first.
func FuzzPackages(f *testing.F) {
	f.Add("path\tcommand-line-arguments\ndep\tgithub.com/a/b\tv1.0.0\th1:x=\nbuild\tGOOS=linux\n")
	f.Add("path\texample.com/tool/cmd/tool\nmod\texample.com/tool\tv1.2.3\th1:main=\n" +
		"dep\tgithub.com/a/b\tv1.0.0\n=>\tgithub.com/c/d\tv1.1.0\th1:y=\ndep\tgithub.com/e/f\tv0.1.0\n=>\t./f\t(devel)\t\n" +
		"build\tvcs.revision=abc\nbuild\t-ldflags=\"-s -w\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		bi, err := debug.ParseBuildInfo(text)
		if err != nil {
			return
		}
		checkPackages(t, packages(bi))
	})
}

// checkPackages: the packages keep extractortest's invariants, are Go
// packages, and the first, only the first, is the root.
func checkPackages(t *testing.T, pkgs []inventory.Package) {
	t.Helper()
	extractortest.Invariants{Ecosystem: inventory.EcosystemGo}.Check(t, pkgs)
	for i, p := range pkgs {
		if (i == 0) != (p.Relationship == inventory.RelationshipRoot) {
			t.Fatalf("package %d has relationship %q", i, p.Relationship)
		}
	}
}
