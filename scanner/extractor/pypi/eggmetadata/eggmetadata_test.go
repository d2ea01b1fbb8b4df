package eggmetadata

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO": true,
		"src/mypkg.egg-info/PKG-INFO":                                 true,
		"mypkg.egg-info/PKG-INFO":                                     true,
		"eggs/x-1.0-py3.7.egg/EGG-INFO/PKG-INFO":                      true,
		"EGG-INFO/PKG-INFO":                                           true,
		"lib/python2.7/wsgiref.egg-info":                              true,
		"Python-2.7.18-py2.7.egg-info":                                true,
		"PKG-INFO":                                                    false,
		"python-gflags-2.0/PKG-INFO":                                  false,
		".egg-info/PKG-INFO":                                          false,
		".egg-info":                                                   false,
		"mypkg.egg-info/PKG-INFO.bak":                                 false,
		"mypkg.egg-info/requires.txt":                                 false,
		"mypkg.egg-info/pkg-info":                                     false,
		"mypkg.egg-info.bak":                                          false,
		"mypkg.dist-info/PKG-INFO":                                    false,
		"mypkg.dist-info/METADATA":                                    false,
		"EGG-INFO.bak/PKG-INFO":                                       false,
	})
}

var props = extractortest.Props

func TestExtract(t *testing.T) {
	const dp = "dist-packages/"
	for _, tc := range []struct {
		name string
		file string
		want inventory.Package
	}{{
		// Debian's python3-jwt; requires.txt has extras only.
		name: "debian",
		file: dp + "PyJWT-2.6.0.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "pyjwt", Version: "2.6.0", Ecosystem: "pypi", PURL: "pkg:pypi/pyjwt@2.6.0",
			Directory:       dp + "PyJWT-2.6.0.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"},
			Properties:      props("homepage", "https://github.com/jpadilla/pyjwt", "license_file", "AUTHORS.rst", "license_file", "LICENSE"),
		},
	}, {
		// A directory without a version in its name (Debian).
		name: "unversioned_directory",
		file: dp + "cryptography.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "cryptography", Version: "38.0.4", Ecosystem: "pypi", PURL: "pkg:pypi/cryptography@38.0.4",
			Directory:       dp + "cryptography.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "BSD-3-Clause OR Apache-2.0", Raw: "BSD-3-Clause OR Apache-2.0"},
			Properties: props(
				"homepage", "https://github.com/pyca/cryptography",
				"license_file", "LICENSE",
				"license_file", "LICENSE.APACHE",
				"license_file", "LICENSE.BSD",
				"license_file", "LICENSE.PSF",
				"repository", "https://github.com/pyca/cryptography/",
			),
		},
	}, {
		// requires.txt: an unconditional requirement.
		name: "requires_txt",
		file: dp + "PyGObject-3.42.2.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "pygobject", Version: "3.42.2", Ecosystem: "pypi", PURL: "pkg:pypi/pygobject@3.42.2",
			Directory:       dp + "PyGObject-3.42.2.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "LGPL-2.0-or-later", Raw: "GNU LGPL"},
			Properties:      props("homepage", "https://pygobject.readthedocs.io", "license_file", "COPYING", "requires_dist", "pycairo>=1.16.0"),
		},
	}, {
		// requires.txt: a "[:marker]" section; extras' sections left out.
		name: "requires_txt_marker",
		file: dp + "lazr.restfulclient-0.14.5.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "lazr-restfulclient", Version: "0.14.5", Ecosystem: "pypi", PURL: "pkg:pypi/lazr-restfulclient@0.14.5",
			Directory:       dp + "lazr.restfulclient-0.14.5.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "LGPL-3.0-only", Raw: "LGPL v3"},
			Properties:      props("homepage", "https://launchpad.net/lazr.restfulclient", "license_file", "COPYING.txt", "repository", "https://code.launchpad.net/lazr.restfulclient", "requires_dist", `httplib2 ; python_version < "3"`),
		},
	}, {
		name: "requires_txt_extras_only",
		file: dp + "Pygments-2.14.0.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "pygments", Version: "2.14.0", Ecosystem: "pypi", PURL: "pkg:pypi/pygments@2.14.0",
			Directory:       dp + "Pygments-2.14.0.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "BSD-2-Clause", Raw: "BSD-2-Clause"},
			Properties:      props("homepage", "https://pygments.org/", "license_file", "AUTHORS", "license_file", "LICENSE", "repository", "https://github.com/pygments/pygments"),
		},
	}, {
		name: "gnu_gpl",
		file: dp + "python_apt-2.6.0.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "python-apt", Version: "2.6.0", Ecosystem: "pypi", PURL: "pkg:pypi/python-apt@2.6.0",
			Directory:       dp + "python_apt-2.6.0.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "GPL-1.0-or-later", Raw: "GNU GPL"},
			Properties:      props("license_file", "AUTHORS", "license_file", "COPYING.GPL"),
		},
	}, {
		// Metadata 1.0 with a Description continued on more lines.
		name: "metadata_1_0",
		file: "antlr3/antlr_python_runtime.egg-info/PKG-INFO",
		want: inventory.Package{
			Name: "antlr-python-runtime", Version: "3.1.1", Ecosystem: "pypi", PURL: "pkg:pypi/antlr-python-runtime@3.1.1",
			Directory:       "antlr3/antlr_python_runtime.egg-info",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "LicenseRef-heng-unknown-bsd", Raw: "BSD"},
			Properties:      props("homepage", "http://www.antlr.org/"),
		},
	}, {
		// An unpacked egg: the package's files are the .egg directory.
		// License: UNKNOWN is no license.
		name: "egg",
		file: "eggs/my_test_package-1.0-py3.7.egg/EGG-INFO/PKG-INFO",
		want: inventory.Package{
			Name: "my-test-package", Version: "1.0", Ecosystem: "pypi", PURL: "pkg:pypi/my-test-package@1.0",
			Directory: "eggs/my_test_package-1.0-py3.7.egg",
		},
	}, {
		// distutils' single file, metadata 1.0.
		name: "single_file",
		file: "python2.7/wsgiref.egg-info",
		want: inventory.Package{
			Name: "wsgiref", Version: "0.1.2", Ecosystem: "pypi", PURL: "pkg:pypi/wsgiref@0.1.2",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "PSF-2.0 OR LicenseRef-heng-unknown-zpl", Raw: "PSF or ZPL"},
		},
	}, {
		// distutils' single file, metadata 1.1, a long Description with
		// blank-looking continuation lines before the classifiers.
		name: "single_file_1_1",
		file: "python2.7/lib-dynload/Python-2.7.18-py2.7.egg-info",
		want: inventory.Package{
			Name: "python", Version: "2.7.18", Ecosystem: "pypi", PURL: "pkg:pypi/python@2.7.18",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "PSF-2.0", Raw: "PSF license"},
			Properties:      props("homepage", "http://www.python.org/2.7"),
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, []inventory.Package{tc.want})
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	const file = "src/x.egg-info/PKG-INFO"
	for _, tc := range []struct {
		name, content string
		files         map[string]string
		want          []inventory.Package
		wantErr       bool
	}{{
		name:    "requires_dist_beats_requires_txt",
		content: "Metadata-Version: 2.2\nName: x\nVersion: 1\nRequires-Dist: a>=1\nRequires-Dist: b; extra == \"t\"\n",
		files:   map[string]string{"src/x.egg-info/requires.txt": "c\n"},
		want: []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: "src/x.egg-info",
			Properties: props("requires_dist", "a>=1")}},
	}, {
		name:    "requires_txt_sections",
		content: "Name: x\nVersion: 1\n",
		files: map[string]string{"src/x.egg-info/requires.txt": "a>=1\n\n# comment\nb  [ssl]  ==2\n" +
			"[:sys_platform == \"win32\"]\nc\n[test]\nd\n[test:python_version<\"3\"]\ne\n"},
		want: []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: "src/x.egg-info",
			Properties: props("requires_dist", "a>=1", "requires_dist", "b [ssl] ==2", "requires_dist", `c ; sys_platform == "win32"`)}},
	}, {
		name:    "egg_info_at_root",
		content: "Name: x\nVersion: 1\n",
		want:    []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: "src/x.egg-info"}},
	}, {
		name:    "no_name",
		content: "Metadata-Version: 1.0\nSummary: x\n",
		wantErr: true,
	}, {
		name:    "garbage",
		content: "<html><body>not found</body></html>\n",
		wantErr: true,
	}, {
		name:    "truncated",
		content: "Metadata-Version: 1.0\nName: x\nVersion: 1.",
		want:    []inventory.Package{{Name: "x", Version: "1.", Ecosystem: "pypi", PURL: "pkg:pypi/x@1.", Directory: "src/x.egg-info"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, file, []byte(tc.content), tc.files)
			if (err != nil) != tc.wantErr {
				t.Errorf("Extract() error = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				extractortest.WantParseError(t, err, file)
			}
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract() diff (-want +got):\n%s", d)
			}
		})
	}
}

func TestExtractEggAtRoot(t *testing.T) {
	got, err := extractortest.ExtractBytes(Extractor{}, "EGG-INFO/PKG-INFO", []byte("Name: x\nVersion: 1\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{{Name: "x", Version: "1", Ecosystem: "pypi", PURL: "pkg:pypi/x@1", Directory: "EGG-INFO"}}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract() diff (-want +got):\n%s", d)
	}
}
