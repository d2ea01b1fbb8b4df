package cyclonedx

import (
	"bytes"
	"strings"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/inventory"
)

// summary is what a policy check needs of a package.
type summary struct {
	Key, Rel, Scope, Declared string
	Detected                  []string
	Deps                      []string
}

func summarize(pkgs []inventory.Package) []summary {
	var out []summary
	for _, p := range pkgs {
		s := summary{Key: p.PURL, Rel: p.Relationship, Scope: p.Scope, Deps: p.Dependencies}
		if s.Key == "" {
			s.Key = p.Name
		}
		if p.DeclaredLicense != nil {
			s.Declared = p.DeclaredLicense.Expression
		}
		for _, d := range p.DetectedLicenses {
			s.Detected = append(s.Detected, d.License)
		}
		if len(s.Deps) == 0 {
			s.Deps = nil
		}
		out = append(out, s)
	}
	return out
}

// TestRoundTrip: what heng writes, in every spec version and encoding, it
// reads back with the same licenses, relationships, scopes and graph.
func TestRoundTrip(t *testing.T) {
	want := summarize(sample().Packages)
	for i := range want {
		if want[i].Rel == "root" {
			want[i].Detected = []string{"MIT"} // the project's LICENSE file
		}
	}
	for _, spec := range Specs {
		for _, xml := range []bool{false, true} {
			f := Format{Spec: spec, XML: xml}
			t.Run(f.ID()+"-"+spec.String(), func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.Encode(&buf, sample()); err != nil {
					t.Fatal(err)
				}
				bom, err := Read(&buf)
				if err != nil {
					t.Fatal(err)
				}
				got := summarize(Packages(bom))
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("read back (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestPackagesFromOtherTools: SBOMs as other tools write them, licenses as
// names (English, Chinese), ids, expressions and URLs.
func TestPackagesFromOtherTools(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []summary
	}{
		{
			name: "syft-like JSON 1.5",
			doc: `{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
			  "metadata": {"component": {"bom-ref": "root", "type": "file", "name": "/src"}},
			  "components": [
			    {"bom-ref": "pkg:npm/lodash@4.17.21?package-id=1", "type": "library", "name": "lodash", "version": "4.17.21",
			     "licenses": [{"license": {"id": "MIT"}}], "purl": "pkg:npm/lodash@4.17.21"},
			    {"bom-ref": "x", "type": "library", "group": "org.slf4j", "name": "slf4j-api", "version": "2.0.13",
			     "licenses": [{"license": {"name": "The Apache Software License, Version 2.0"}}, {"license": {"url": "https://opensource.org/licenses/MIT"}}],
			     "purl": "pkg:maven/org.slf4j/slf4j-api@2.0.13"},
			    {"type": "library", "name": "mulan-lib", "version": "1.0", "purl": "pkg:ohpm/mulan-lib@1.0",
			     "licenses": [{"license": {"name": "木兰宽松许可证，第2版"}}]},
			    {"type": "library", "name": "dual", "version": "1", "purl": "pkg:pypi/dual@1",
			     "licenses": [{"expression": "(MIT OR Apache-2.0)"}], "scope": "excluded"}
			  ],
			  "dependencies": [{"ref": "root", "dependsOn": ["pkg:npm/lodash@4.17.21?package-id=1", "x"]}]}`,
			want: []summary{
				{Key: "/src", Rel: "root", Deps: []string{"pkg:maven/org.slf4j/slf4j-api@2.0.13", "pkg:npm/lodash@4.17.21"}},
				{Key: "pkg:maven/org.slf4j/slf4j-api@2.0.13", Declared: "Apache-2.0 AND MIT"},
				{Key: "pkg:npm/lodash@4.17.21", Declared: "MIT"},
				{Key: "pkg:ohpm/mulan-lib@1.0", Declared: "MulanPSL-2.0"},
				{Key: "pkg:pypi/dual@1", Scope: "dev", Declared: "MIT OR Apache-2.0"},
			},
		},
		{
			name: "XML 1.4 with nested components",
			doc: `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
  <components>
    <component type="library" bom-ref="pkg:golang/github.com/a/b@v1.0.0">
      <name>github.com/a/b</name><version>v1.0.0</version>
      <licenses><license><id>BSD-3-Clause</id></license></licenses>
      <purl>pkg:golang/github.com/a/b@v1.0.0</purl>
      <components>
        <component type="library"><name>inner</name><version>2</version><purl>pkg:cargo/inner@2</purl>
          <licenses><expression>MIT OR Apache-2.0</expression></licenses></component>
      </components>
    </component>
  </components>
</bom>`,
			want: []summary{
				{Key: "pkg:cargo/inner@2", Declared: "MIT OR Apache-2.0"},
				{Key: "pkg:golang/github.com/a/b@v1.0.0", Declared: "BSD-3-Clause"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bom, err := Read(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			got := summarize(Packages(bom))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("packages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadRejects(t *testing.T) {
	for _, doc := range []string{``, `{"bomFormat": `, `{"spdxVersion": "SPDX-2.3"}`, `<bom><components><component`, "\x00\x01"} {
		if _, err := Read(strings.NewReader(doc)); err == nil {
			t.Errorf("Read(%q) accepted", doc)
		}
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := (Format{}).Encode(&buf, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	buf.Reset()
	if err := (Format{XML: true, Spec: cdx.SpecVersion1_4}).Encode(&buf, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"a","licenses":[{"expression":"MIT OR"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		bom, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, p := range Packages(bom) {
			if p.Ecosystem == "" {
				t.Errorf("package %q without ecosystem", p.Name)
			}
		}
	})
}
