package wheelmetadata

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"lib/python3.11/site-packages/requests-2.34.2.dist-info/METADATA": true,
		"requests-2.34.2.dist-info/METADATA":                              true,
		"vendor/x/six-1.17.0.dist-info/METADATA":                          true,
		"METADATA":                                                        false,
		".dist-info/METADATA":                                             false,
		"a/.dist-info/METADATA":                                           false,
		"requests-2.34.2.dist-info/METADATA.bak":                          false,
		"requests-2.34.2.dist-info/RECORD":                                false,
		"requests-2.34.2.dist-info/metadata":                              false,
		"requests-2.34.2.dist-info/licenses/METADATA":                     false,
		"requests-2.34.2.egg-info/METADATA":                               false,
		"requests-2.34.2.dist-info.bak/METADATA":                          false,
		"docs/METADATA":                                                   false,
	})
}

var props = extractortest.Props

func TestExtract(t *testing.T) {
	const sp = "site-packages/"
	for _, tc := range []struct {
		name string
		file string
		want inventory.Package
	}{{
		// Metadata 2.4: License-Expression, license files in licenses/.
		name: "license_expression",
		file: sp + "cryptography-48.0.0.dist-info/METADATA",
		want: inventory.Package{
			Name: "cryptography", Version: "48.0.0", Ecosystem: "pypi", PURL: "pkg:pypi/cryptography@48.0.0",
			Directory:       sp + "cryptography-48.0.0.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0 OR BSD-3-Clause", Raw: "Apache-2.0 OR BSD-3-Clause"},
			Properties: props(
				"homepage", "https://github.com/pyca/cryptography",
				"license_file", "LICENSE",
				"license_file", "LICENSE.APACHE",
				"license_file", "LICENSE.BSD",
				"repository", "https://github.com/pyca/cryptography/",
				"requires_dist", "cffi>=2.0.0 ; platform_python_implementation != 'PyPy'",
				"requires_dist", "typing-extensions>=4.13.2 ; python_full_version < '3.11'",
			),
		},
	}, {
		// A whole license text in License: its first line names nothing
		// known, the MIT classifier does.
		name: "long_license_text",
		file: sp + "libcst-1.0.1.dist-info/METADATA",
		want: inventory.Package{
			Name: "libcst", Version: "1.0.1", Ecosystem: "pypi", PURL: "pkg:pypi/libcst@1.0.1",
			Directory:       sp + "libcst-1.0.1.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "License :: OSI Approved :: MIT License"},
			Properties: props(
				"license_file", "LICENSE",
				"repository", "https://github.com/Instagram/LibCST",
				"requires_dist", `dataclasses (>=0.6.0) ; python_version < "3.7"`,
				"requires_dist", "pyyaml (>=5.2)",
				"requires_dist", "typing-extensions (>=3.7.4.2)",
				"requires_dist", "typing-inspect (>=0.4.0)",
			),
		},
	}, {
		// Neither the License prose nor the four classifiers map to
		// known licenses only: the prose, as the author wrote it.
		name: "license_prose_and_classifiers",
		file: sp + "docutils-0.19.dist-info/METADATA",
		want: inventory.Package{
			Name: "docutils", Version: "0.19", Ecosystem: "pypi", PURL: "pkg:pypi/docutils@0.19",
			Directory: sp + "docutils-0.19.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{
				Expression: "LicenseRef-heng-public-domain AND LicenseRef-heng-unknown-python AND BSD-2-Clause AND GPL-3.0-only",
				Raw:        "public domain, Python, 2-Clause BSD, GPL 3 (see COPYING.txt)",
			},
			Properties: props("homepage", "https://docutils.sourceforge.io/"),
		},
	}, {
		// Metadata 2.4 without License-Expression: the SPDX id in
		// License wins over the vaguer Apache classifier.
		name: "license_field_known",
		file: sp + "requests-2.34.2.dist-info/METADATA",
		want: inventory.Package{
			Name: "requests", Version: "2.34.2", Ecosystem: "pypi", PURL: "pkg:pypi/requests@2.34.2",
			Directory:       sp + "requests-2.34.2.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "Apache-2.0"},
			Properties: props(
				"license_file", "LICENSE",
				"license_file", "NOTICE",
				"repository", "https://github.com/psf/requests",
				"requires_dist", "certifi>=2023.5.7",
				"requires_dist", "charset_normalizer<4,>=2",
				"requires_dist", "idna<4,>=2.5",
				"requires_dist", "urllib3<3,>=1.26",
			),
		},
	}, {
		name: "metadata_2_0",
		file: sp + "pickleshare-0.7.5.dist-info/METADATA",
		want: inventory.Package{
			Name: "pickleshare", Version: "0.7.5", Ecosystem: "pypi", PURL: "pkg:pypi/pickleshare@0.7.5",
			Directory:       sp + "pickleshare-0.7.5.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"},
			Properties:      props("homepage", "https://github.com/pickleshare/pickleshare", "requires_dist", `pathlib2; python_version in "2.6 2.7 3.2 3.3"`),
		},
	}, {
		name: "crlf",
		file: sp + "outcome-1.3.0.post0.dist-info/METADATA",
		want: inventory.Package{
			Name: "outcome", Version: "1.3.0.post0", Ecosystem: "pypi", PURL: "pkg:pypi/outcome@1.3.0.post0",
			Directory:       sp + "outcome-1.3.0.post0.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT OR Apache-2.0", Raw: "MIT OR Apache-2.0"},
			Properties: props(
				"homepage", "https://github.com/python-trio/outcome",
				"license_file", "LICENSE",
				"license_file", "LICENSE.APACHE2",
				"license_file", "LICENSE.MIT",
				"requires_dist", "attrs >=19.2.0",
			),
		},
	}, {
		// A name with underscores in its directory and dashes in
		// METADATA; a bare "BSD" is no BSD license in particular.
		name: "bare_bsd",
		file: sp + "antlr4_python3_runtime-4.13.2.dist-info/METADATA",
		want: inventory.Package{
			Name: "antlr4-python3-runtime", Version: "4.13.2", Ecosystem: "pypi", PURL: "pkg:pypi/antlr4-python3-runtime@4.13.2",
			Directory:       sp + "antlr4_python3_runtime-4.13.2.dist-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "LicenseRef-heng-unknown-bsd", Raw: "BSD"},
			Properties:      props("homepage", "http://www.antlr.org", "requires_dist", `typing ; python_version < "3.5"`),
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, []inventory.Package{tc.want})
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	const dir = "venv/lib/python3.12/site-packages/x-1.dist-info"
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package
		wantErr       bool
	}{{
		name:    "placeholder_license",
		content: "Metadata-Version: 1.0\nName: X\nVersion: 1\nLicense: UNKNOWN\n",
		want:    []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir}},
	}, {
		name:    "generic_classifier_refined",
		content: "Name: x\nVersion: 1\nClassifier: License :: OSI Approved\nClassifier: License :: OSI Approved :: MIT License\n",
		want: []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir,
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "License :: OSI Approved :: MIT License"}}},
	}, {
		name:    "two_classifiers_anded",
		content: "Name: x\nVersion: 1\nClassifier: License :: OSI Approved :: MIT License\nClassifier: License :: OSI Approved :: Apache Software License\n",
		want: []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir,
			DeclaredLicense: &inventory.DeclaredLicense{
				Expression: "MIT AND LicenseRef-heng-unknown-apache",
				Raw:        "License :: OSI Approved :: MIT License; License :: OSI Approved :: Apache Software License",
			}}},
	}, {
		name:    "expression_beats_classifiers",
		content: "Name: x\nVersion: 1\nLicense-Expression: mit\nClassifier: License :: OSI Approved :: BSD License\nLicense: GPL\n",
		want: []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir,
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "mit"}}},
	}, {
		name:    "body_not_read",
		content: "Name: x\nVersion: 1\n\nLicense: GPL-3.0-only\nRequires-Dist: y\n",
		want:    []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir}},
	}, {
		name:    "case_insensitive_keys_and_bom",
		content: "\ufeffname: Zope.Interface\r\nVERSION: 5.0\r\n",
		want:    []inventory.Package{{Name: "zope-interface", Version: "5.0", Ecosystem: "pypi", PURL: "pkg:pypi/zope-interface@5.0", Directory: dir}},
	}, {
		// A line that is no field starts the description, as for
		// Python's parser.
		name:    "description_without_empty_line",
		content: "Name: x\nVersion: 1\nThis is the description.\nLicense: MIT\n",
		want:    []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir}},
	}, {
		name:    "no_version",
		content: "Name: x\n",
		want:    []inventory.Package{{Name: "x", Ecosystem: "pypi", PURL: "pkg:pypi/x", Directory: dir}},
		wantErr: true,
	}, {
		name:    "truncated_before_name",
		content: "Metadata-Version: 2.1\nNa",
		wantErr: true,
	}, {
		name:    "no_name",
		content: "Metadata-Version: 2.1\nVersion: 1.0\n",
		wantErr: true,
	}, {
		name:    "bad_name",
		content: "Name: ../../etc\nVersion: 1\n",
		wantErr: true,
	}, {
		name:    "binary",
		content: "\x00\x01\x02PK\x03\x04",
		wantErr: true,
	}, {
		name:    "empty",
		content: "",
		wantErr: true,
	}, {
		name:    "continuation_first",
		content: " Name: x\n",
		wantErr: true,
	}, {
		name:    "huge_line",
		content: "Name: x\nVersion: 1\nSummary: " + strings.Repeat("a", 2<<20) + "\n",
		want:    []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: dir}},
		wantErr: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, dir+"/METADATA", []byte(tc.content), nil)
			if (err != nil) != tc.wantErr {
				t.Errorf("Extract() error = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				extractortest.WantParseError(t, err, dir+"/METADATA")
			}
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract() diff (-want +got):\n%s", d)
			}
		})
	}
}
