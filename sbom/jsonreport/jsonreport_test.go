package jsonreport

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/sbomtest"
	"github.com/hengdev/heng/scanner/inventory"
)

func encode(t *testing.T, doc *sbom.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := (Format{}).Encode(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestEncode(t *testing.T) {
	sbomtest.Golden(t, encode(t, sbomtest.Document()))
}

func TestEncodeEmpty(t *testing.T) {
	sbomtest.Golden(t, encode(t, &sbom.Document{Tool: sbom.Tool{Name: "heng", Version: "dev"}, Root: "."}))
}

// TestDecodesBack: the streamed report is valid JSON holding exactly the
// document's files and problems.
func TestDecodesBack(t *testing.T) {
	doc := sbomtest.Document()
	var got struct {
		Tool     sbom.Tool           `json:"tool"`
		Version  string              `json:"report_version"`
		Root     string              `json:"root"`
		Summary  inventory.Summary   `json:"summary"`
		Files    []inventory.File    `json:"files"`
		Packages []inventory.Package `json:"packages"`
		Errors   []inventory.Issue   `json:"errors"`
	}
	if err := json.Unmarshal(encode(t, doc), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc.Files, got.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(doc.Packages, got.Packages); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(doc.Issues, got.Errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if got.Version != FormatVersion || got.Tool != doc.Tool || got.Root != doc.Root {
		t.Errorf("header = %q %+v %q", got.Version, got.Tool, got.Root)
	}
	if got.Summary.Files != len(doc.Files) || got.Summary.InvalidTags != 1 || got.Summary.Licenses["MIT"].Files != 2 {
		t.Errorf("summary = %+v", got.Summary)
	}
}

// TestOmitFiles: --no-files lists no file but still counts them, and
// lists the packages.
func TestOmitFiles(t *testing.T) {
	doc := sbomtest.Document()
	doc.OmitFiles = true
	var got struct {
		Summary  inventory.Summary   `json:"summary"`
		Files    []inventory.File    `json:"files"`
		Packages []inventory.Package `json:"packages"`
	}
	if err := json.Unmarshal(encode(t, doc), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 0 || got.Summary.Files != len(doc.Files) || len(got.Packages) != len(doc.Packages) || got.Summary.Packages != len(doc.Packages) {
		t.Errorf("files %d (summary %d), packages %d (summary %d)", len(got.Files), got.Summary.Files, len(got.Packages), got.Summary.Packages)
	}
}
