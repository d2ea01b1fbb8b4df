package binary

import (
	"bytes"
	"context"
	"os"
	"runtime/debug"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/inventory"
)

// FuzzParse: any bytes are read without a panic, and a Go executable's
// build information gives named Go packages with valid purls. The seeds
// are small: whole fixtures would make each run read a megabyte.
func FuzzParse(f *testing.F) {
	f.Add(elfWithBuildInfo("go1.22.0", "path\texample.com/hello\nmod\texample.com/hello\t(devel)\t\n"+
		"dep\tgithub.com/a/b\tv1.0.0\th1:x=\n=>\t../b\t(devel)\t\nbuild\tGOOS=linux\n"))
	f.Add(elfWithBuildInfo("go1.12", ""))
	c, err := os.ReadFile("testdata/c-program")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(c)
	for _, name := range []string{"hello-linux-amd64", "hello-windows-386", "hello-darwin-arm64"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:4096]) // the headers, truncated
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
// gives named Go packages with valid purls.
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

func checkPackages(t *testing.T, pkgs []inventory.Package) {
	t.Helper()
	for i, p := range pkgs {
		if p.Name == "" || p.Ecosystem != inventory.EcosystemGo {
			t.Fatalf("package without a name or ecosystem: %+v", p)
		}
		if p.PURL != "" {
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q: %v", p.PURL, err)
			}
		}
		if (i == 0) != (p.Relationship == inventory.RelationshipRoot) {
			t.Fatalf("package %d has relationship %q", i, p.Relationship)
		}
	}
}
