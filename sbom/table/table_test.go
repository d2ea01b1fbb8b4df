package table

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hengdev/heng/sbom/sbomtest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestEncode(t *testing.T) {
	for _, color := range []bool{false, true} {
		t.Run(fmt.Sprintf("color=%v", color), func(t *testing.T) {
			var b bytes.Buffer
			if err := (Format{Color: color}).Encode(&b, sbomtest.Document()); err != nil {
				t.Fatal(err)
			}
			sbomtest.Golden(t, b.Bytes())
			if !color && strings.Contains(b.String(), "\x1b[") {
				t.Error("escape codes without color")
			}
		})
	}
}

// TestManyFiles: a license carried by many files lists the first ones and
// counts the rest.
func TestManyFiles(t *testing.T) {
	doc := sbomtest.Document()
	doc.Files = nil
	for i := range MaxFilesPerLicense + 5 {
		doc.Files = append(doc.Files, inventory.File{Path: fmt.Sprintf("f%02d.go", i), Licenses: []inventory.License{{ID: "MIT", Kind: "tag", StartLine: 1, EndLine: 1}}})
	}
	var b bytes.Buffer
	if err := (Format{}).Encode(&b, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "f09.go:1 tag") || strings.Contains(b.String(), "f10.go") || !strings.Contains(b.String(), "… and 5 more") {
		t.Errorf("got:\n%s", b.String())
	}
}

// TestOmitFiles: without files, the summary keeps its counts and packages
// but lists no file finding.
func TestOmitFiles(t *testing.T) {
	doc := sbomtest.Document()
	doc.OmitFiles = true
	var b bytes.Buffer
	if err := (Format{}).Encode(&b, doc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "LICENSE:3-18") || strings.Contains(out, "Copyright holders") || strings.Contains(out, "bananas") {
		t.Errorf("file findings listed:\n%s", out)
	}
	if !strings.Contains(out, "Packages (5)") || !strings.Contains(out, "github.com/spf13/cobra") {
		t.Errorf("packages missing:\n%s", out)
	}
}
