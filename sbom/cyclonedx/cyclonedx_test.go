package cyclonedx

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/sbomtest"
	"github.com/hengdev/heng/scanner/inventory"
)

// sample is sbomtest's document with packages of every kind, plus
// licenses that test the spec versions' limits: a compound declared
// expression, a LicenseRef with a text, an id CycloneDX's SPDX list lacks.
func sample() *sbom.Document {
	doc := sbomtest.Document()
	doc.Packages = sbomtest.Packages()
	doc.Created = time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)
	doc.Packages = append(doc.Packages,
		inventory.Package{
			Name: "mulan-lib", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/mulan-lib@1.0.0",
			Relationship: "transitive", Scope: "required",
			DeclaredLicense:  &inventory.DeclaredLicense{Expression: "MulanPSL-2.0 OR Apache-2.0", Raw: "MulanPSL-2.0 OR Apache-2.0"},
			DetectedLicenses: []inventory.DetectedLicense{{License: "LicenseRef-MulanPubL-2.0", Files: []string{"oh_modules/mulan-lib/LICENSE"}}},
			Directory:        "oh_modules/mulan-lib",
		},
		inventory.Package{
			Name: "tests-only", Version: "0.1.0", Ecosystem: "pypi", PURL: "pkg:pypi/tests-only@0.1.0",
			Relationship: "direct", Scope: "test",
			Properties: []inventory.Property{
				{Name: "homepage", Value: "https://tests-only.example.org"},
				{Name: "repository", Value: "https://github.com/example/tests-only"},
				{Name: "repository", Value: "not a url"},
			},
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "LicenseRef-heng-unknown-Custom", Raw: "Custom"},
		},
	)
	for i := range doc.Packages {
		doc.Packages[i].Normalize()
	}
	return doc
}

// TestGolden writes the sample in every spec version and encoding, checks
// each JSON document against the official schema, and compares with the
// golden files (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, spec := range Specs {
		for _, xml := range []bool{false, true} {
			f := Format{Spec: spec, XML: xml}
			t.Run(f.ID()+"-"+spec.String(), func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.Encode(&buf, sample()); err != nil {
					t.Fatal(err)
				}
				sbomtest.Golden(t, buf.Bytes())
				if xml {
					return
				}
				version, problems, err := ValidateJSON(buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				if version != spec.String() {
					t.Errorf("specVersion %q, want %q", version, spec)
				}
				for _, p := range problems {
					t.Errorf("invalid at %q: %s", p.Path, p.Message)
				}
			})
		}
	}
}

// TestDeterministic: the same document gives the same bytes, and a
// different one a different serial number.
func TestDeterministic(t *testing.T) {
	enc := func(doc *sbom.Document) []byte {
		var buf bytes.Buffer
		if err := (Format{}).Encode(&buf, doc); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := enc(sample()), enc(sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two encodings of the same document differ")
	}
	other := sample()
	other.Created = other.Created.Add(time.Second)
	serial := func(data []byte) string {
		var v struct {
			SerialNumber string `json:"serialNumber"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		return v.SerialNumber
	}
	if serial(a) == serial(enc(other)) {
		t.Error("different documents share a serial number")
	}
	if !strings.HasPrefix(serial(a), "urn:uuid:") {
		t.Errorf("serial number %q", serial(a))
	}
}

// TestLicenses: how a component's declared and concluded licenses are
// written in each spec version.
func TestLicenses(t *testing.T) {
	type lic struct{ ID, Name, Expr, Ack string }
	tests := []struct {
		name               string
		spec               cdx.SpecVersion
		declared, detected string
		want               []lic
		wantProp           string // heng:license:declared
	}{
		{"1.6 both ids", cdx.SpecVersion1_6, "MIT", "Apache-2.0",
			[]lic{{ID: "MIT", Ack: "declared"}, {ID: "Apache-2.0", Ack: "concluded"}}, ""},
		{"1.6 expression declared: concluded only", cdx.SpecVersion1_6, "MIT OR Apache-2.0", "MIT",
			[]lic{{ID: "MIT", Ack: "concluded"}}, "MIT OR Apache-2.0"},
		{"1.7 expression and id side by side", cdx.SpecVersion1_7, "MIT OR Apache-2.0", "MIT",
			[]lic{{Expr: "MIT OR Apache-2.0", Ack: "declared"}, {ID: "MIT", Ack: "concluded"}}, ""},
		{"1.5 no acknowledgement, concluded wins", cdx.SpecVersion1_5, "MIT", "ISC",
			[]lic{{ID: "ISC"}}, "MIT"},
		{"1.4 declared only", cdx.SpecVersion1_4, "BSD-3-Clause", "",
			[]lic{{ID: "BSD-3-Clause"}}, ""},
		{"LicenseRef as a name with its text", cdx.SpecVersion1_6, "LicenseRef-MulanPubL-2.0", "",
			[]lic{{Name: "Mulan Public License, Version 2", Ack: "declared"}}, ""},
		{"unknown LicenseRef as a name", cdx.SpecVersion1_6, "LicenseRef-heng-unknown-Foo", "",
			[]lic{{Name: "LicenseRef-heng-unknown-Foo", Ack: "declared"}}, ""},
		{"nothing", cdx.SpecVersion1_6, "", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := inventory.Package{Name: "x", Version: "1", Ecosystem: "npm", PURL: "pkg:npm/x@1"}
			if tt.declared != "" {
				p.DeclaredLicense = &inventory.DeclaredLicense{Expression: tt.declared, Raw: tt.declared}
			}
			if tt.detected != "" {
				p.DetectedLicenses = []inventory.DetectedLicense{{License: tt.detected, Files: []string{"LICENSE"}}}
			}
			b := &builder{doc: &sbom.Document{}, spec: tt.spec}
			c := b.component(&p)
			var got []lic
			if c.Licenses != nil {
				for _, l := range *c.Licenses {
					var g lic
					if l.License != nil {
						g = lic{ID: l.License.ID, Name: l.License.Name, Ack: string(l.License.Acknowledgement)}
					} else {
						g.Expr = l.Expression
						if l.Acknowledgement != nil {
							g.Ack = string(*l.Acknowledgement)
						}
					}
					got = append(got, g)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("licenses (-want +got):\n%s", diff)
			}
			prop := ""
			if c.Properties != nil {
				for _, q := range *c.Properties {
					if q.Name == "heng:license:declared" {
						prop = q.Value
					}
				}
			}
			if prop != tt.wantProp {
				t.Errorf("heng:license:declared = %q, want %q", prop, tt.wantProp)
			}
		})
	}
}

func TestValidateJSONReportsPaths(t *testing.T) {
	doc := `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
		"components": [{"type": "library", "name": "a", "licenses": [{"license": {"id": "Not-A-License"}}]}, {"type": "gadget", "name": "b"}]}`
	version, problems, err := ValidateJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if version != "1.6" {
		t.Errorf("version %q", version)
	}
	var paths []string
	for _, p := range problems {
		paths = append(paths, p.Path)
	}
	joined := strings.Join(paths, " ")
	for _, want := range []string{"/components/0/licenses/0", "/components/1/type"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no problem reported at %s; got %v", want, problems)
		}
	}
	if _, _, err := ValidateJSON([]byte(`{"bomFormat": "CycloneDX", "specVersion": "9.9"}`)); err == nil {
		t.Error("unknown spec version accepted")
	}
	if _, _, err := ValidateJSON([]byte(`{"spdxVersion": "SPDX-2.3"}`)); err == nil {
		t.Error("an SPDX document accepted as CycloneDX")
	}
	if _, _, err := ValidateJSON([]byte(`{"bomFormat": `)); err == nil {
		t.Error("truncated JSON accepted")
	}
}

// TestFiles: with Files, the project's own files that carry licenses are
// components of type file, valid in every spec version; files inside a
// package's directory are the package's, not the project's.
func TestFiles(t *testing.T) {
	for _, spec := range Specs {
		t.Run(spec.String(), func(t *testing.T) {
			doc := sample()
			for i := range doc.Files {
				doc.Files[i].SHA256 = strings.Repeat("ab", 32)
			}
			var buf bytes.Buffer
			if err := (Format{Spec: spec, Files: true}).Encode(&buf, doc); err != nil {
				t.Fatal(err)
			}
			_, problems, err := ValidateJSON(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("invalid at %q: %s", p.Path, p.Message)
			}
			bom, err := Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, c := range *bom.Components {
				if c.Type == cdx.ComponentTypeFile {
					files = append(files, c.Name)
					if c.Hashes == nil || (*c.Hashes)[0].Algorithm != cdx.HashAlgoSHA256 {
						t.Errorf("%s: no SHA-256", c.Name)
					}
				}
			}
			var want []string
			for _, f := range doc.Files {
				if len(f.Licenses) > 0 && f.Licenses[0].Name() != "" && !strings.HasPrefix(f.Path, "vendor/github.com/spf13/cobra/") && !strings.HasPrefix(f.Path, "web/node_modules/left-pad/") && !strings.HasPrefix(f.Path, "third_party/zlib/") {
					want = append(want, f.Path)
				}
			}
			if len(want) == 0 {
				t.Fatal("the sample has no project files with licenses")
			}
			if diff := cmp.Diff(want, files); diff != "" {
				t.Errorf("file components (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpressionDetails(t *testing.T) {
	got := expressionDetails("(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0 AND MIT")
	var ids []string
	for _, d := range *got {
		ids = append(ids, d.LicenseIdentifier)
		if d.URL == "" {
			t.Errorf("%s: no URL", d.LicenseIdentifier)
		}
	}
	if diff := cmp.Diff([]string{"MIT", "Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"}, ids); diff != "" {
		t.Errorf("identifiers (-want +got):\n%s", diff)
	}
}

// TestConcludedExpressionValid: a package whose files carry several
// licenses has a compound concluded expression, with expressionDetails on
// 1.7; every spec version stays valid.
func TestConcludedExpressionValid(t *testing.T) {
	for _, spec := range Specs {
		doc := sample()
		i := slices.IndexFunc(doc.Packages, func(p inventory.Package) bool { return p.Name == "github.com/spf13/cobra" })
		doc.Packages[i].DetectedLicenses = []inventory.DetectedLicense{
			{License: "MIT", Files: []string{"a/LICENSE"}}, {License: "GPL-2.0-only WITH Classpath-exception-2.0", Files: []string{"a/COPYING"}},
		}
		var buf bytes.Buffer
		if err := (Format{Spec: spec}).Encode(&buf, doc); err != nil {
			t.Fatal(err)
		}
		_, problems, err := ValidateJSON(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: invalid at %q: %s", spec, p.Path, p.Message)
		}
		if has := bytes.Contains(buf.Bytes(), []byte(`"expressionDetails"`)); has != (spec >= cdx.SpecVersion1_7) {
			t.Errorf("%s: expressionDetails present = %v", spec, has)
		}
	}
}

func TestValidateXML(t *testing.T) {
	for _, spec := range Specs {
		var buf bytes.Buffer
		if err := (Format{Spec: spec, XML: true}).Encode(&buf, sample()); err != nil {
			t.Fatal(err)
		}
		version, problems, _, err := Validate(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if version != spec.String() || len(problems) != 0 {
			t.Errorf("%s: version %q, problems %v", spec, version, problems)
		}
	}
	bad := `<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
<components><component type="library"><name>a</name><hashes><hash alg="SHA-256">xyz</hash></hashes></component></components></bom>`
	_, problems, _, err := Validate([]byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 || problems[len(problems)-1].Path != "/components/0/hashes/0/content" {
		t.Errorf("problems %v, want one at /components/0/hashes/0/content", problems)
	}
	if _, _, _, err := Validate([]byte(`<html><body/></html>`)); err == nil {
		t.Error("HTML accepted as CycloneDX XML")
	}
}

// TestXMLSchema checks the XML heng writes, every spec version, with and
// without --files, against the official XSD (Validate runs xmllint), and
// that a document the XSD refuses is reported with its line.
func TestXMLSchema(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed (Debian: libxml2-utils); .ci/run installs it")
	}
	for _, spec := range Specs {
		for _, files := range []bool{false, true} {
			doc := sample()
			for i := range doc.Files {
				doc.Files[i].SHA256 = strings.Repeat("0f", 32)
			}
			var buf bytes.Buffer
			if err := (Format{Spec: spec, XML: true, Files: files}).Encode(&buf, doc); err != nil {
				t.Fatal(err)
			}
			_, problems, xsd, err := Validate(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !xsd {
				t.Fatal("the XSD check did not run")
			}
			for _, p := range problems {
				t.Errorf("%s (files %v): %s: %s", spec, files, p.Path, p.Message)
			}
		}
	}
	// An element the XSD does not allow, which the JSON form cannot show
	// (the reader ignores it).
	bad := `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
  <components>
    <component type="library"><name>a</name><colour>red</colour></component>
  </components>
</bom>`
	_, problems, _, err := Validate([]byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Path != "line 4" || !strings.Contains(problems[0].Message, "colour") {
		t.Errorf("problems %v, want one at line 4 about colour", problems)
	}
}
