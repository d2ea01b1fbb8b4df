package pipfilelock

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"Pipfile.lock":          true,
		"a/b/Pipfile.lock":      true,
		"Pipfile":               false,
		"Pipfile.lock.bak":      false,
		"myPipfile.lock":        false,
		"pipfile.lock":          false,
		"Pipfile.lock/x":        false,
		"services/Pipfile.lock": true,
	})
}

const (
	direct   = inventory.RelationshipDirect
	trans    = inventory.RelationshipTransitive
	required = inventory.ScopeRequired
	dev      = inventory.ScopeDev
)

func prop(name, value string) inventory.Property { return inventory.Property{Name: name, Value: value} }

func marker(m string) inventory.Property { return prop("marker", m) }

var pypi = prop("registry", "https://pypi.org/simple")

func pkg(name, version, rel, scope string, props ...inventory.Property) inventory.Package {
	p := inventory.Package{
		Name: name, Version: version, Ecosystem: inventory.EcosystemPyPI,
		PURL:         extractor.PURL("pypi", "", name, version),
		Relationship: rel, Scope: scope, Properties: props,
	}
	p.Normalize()
	return p
}

// sortPackages sorts packages as extractortest returns them: by purl.
func sortPackages(pkgs []inventory.Package) {
	slices.SortFunc(pkgs, func(a, b inventory.Package) int { return inventory.ComparePackages(&a, &b) })
}

func TestExtract(t *testing.T) {
	got, err := extractortest.Extract(t, Extractor{}, "testdata/project", "Pipfile.lock")
	if err != nil {
		t.Fatal(err)
	}
	py38 := marker("python_version >= '3.8'")
	internal := pkg("internal-sdk", "2.3.1", direct, required, prop("registry", "https://pypi.internal.example.com/simple"))
	sum := sha256.Sum256([]byte("internal_sdk-2.3.1-py3-none-any.whl"))
	internal.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: hex.EncodeToString(sum[:])}}
	shared := pkg("shared", "", direct, required, prop("editable", "true"), prop("path", "./libs/shared"))
	shared.Directory = "libs/shared"
	want := []inventory.Package{
		pkg("acme-utils", "", direct, required, prop("vcs", "git+https://github.com/acme/acme-utils.git@3f9a1c0e5b7d2a4c6e8f0a1b2c3d4e5f6a7b8c9d")),
		shared,
		pkg("asgiref", "3.8.1", trans, required, py38),
		pkg("certifi", "2024.6.2", trans, required, marker("python_version >= '3.6'")),
		pkg("charset-normalizer", "3.3.2", trans, required, marker("python_full_version >= '3.7.0'")),
		pkg("django", "4.2.13", direct, required, py38, pypi),
		pkg("idna", "3.7", trans, required, marker("python_version >= '3.5'")),
		pkg("iniconfig", "2.0.0", trans, dev, marker("python_version >= '3.7'")),
		internal,
		pkg("markdown", "3.6", direct, dev, prop("group", "docs"), py38, pypi),
		pkg("packaging", "24.1", trans, dev, py38),
		pkg("pluggy", "1.5.0", trans, dev, py38),
		pkg("pysocks", "1.7.1", trans, required),
		pkg("pytest", "8.2.2", direct, dev, py38, pypi),
		pkg("requests", "2.32.3", direct, required, prop("extras", "socks"), py38, pypi),
		pkg("sqlparse", "0.5.0", trans, required, py38),
		pkg("tzdata", "2024.1", trans, required, marker("sys_platform == 'win32'")),
		pkg("urllib3", "2.2.1", trans, required, py38),
	}
	sortPackages(want)
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(Pipfile.lock) diff (-want +got):\n%s", d)
	}
}

func TestExtractCases(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lock     string
		siblings map[string]string
		want     []inventory.Package
	}{
		{
			name: "no_pipfile",
			lock: `{"_meta": {"sources": []}, "default": {"six": {"version": "==1.16.0"}}, "develop": {"six": {"version": "==1.16.0"}, "nose": {"version": "==1.3.7"}}}`,
			want: []inventory.Package{
				pkg("nose", "1.3.7", "", dev),
				pkg("six", "1.16.0", "", required),
			},
		},
		{
			name:     "bad_pipfile",
			lock:     `{"default": {"six": {"version": "==1.16.0"}}}`,
			siblings: map[string]string{"sub/Pipfile": "[packages\nsix = 1"},
			want:     []inventory.Package{pkg("six", "1.16.0", "", required)},
		},
		{
			name: "sources",
			lock: `{
    "_meta": {
        "sources": [
            {
                "name": "corp",
                "url": "https://user:secret@pypi.corp.example/simple",
                "verify_ssl": true
            }
        ]
    },
    "default": {
        "myproject": {
            "editable": true,
            "path": "."
        },
        "Old_Pkg": {
            "hashes": [
                "md5:0123456789abcdef0123456789abcdef"
            ],
            "index": "corp",
            "version": "===1.0-legacy"
        },
        "from-hg": {
            "hg": "https://hg.example.com/repo",
            "ref": "abc123",
            "subdirectory": "py"
        },
        "from-url": {
            "file": "https://example.com/from_url-2.0.tar.gz"
        },
        "from-file": {
            "file": "wheels/from_file-1.0-py3-none-any.whl",
            "hashes": [
                "sha256:not-hex"
            ]
        },
        "ranged": {
            "index": "gone",
            "version": ">=1.0"
        },
        "outside": {
            "path": "../../outside"
        }
    },
    "testing": {
        "pytest": {
            "version": "==8.2.2"
        }
    }
}
`,
			siblings: map[string]string{"sub/Pipfile": "[packages]\nmyproject = {editable = true, path = \".\"}\nold-pkg = \"*\"\n\n[testing]\npytest = \"*\"\n\n[requires]\npython_version = \"3.12\"\n"},
			want: []inventory.Package{
				pkg("myproject", "", inventory.RelationshipRoot, ""),
				func() inventory.Package {
					p := pkg("old-pkg", "1.0-legacy", direct, required, prop("registry", "https://pypi.corp.example/simple"))
					p.Hashes = []inventory.Hash{{Algorithm: "MD5", Value: "0123456789abcdef0123456789abcdef"}}
					return p
				}(),
				pkg("from-file", "", trans, required, prop("path", "wheels/from_file-1.0-py3-none-any.whl")),
				pkg("from-hg", "", trans, required, prop("vcs", "hg+https://hg.example.com/repo@abc123#subdirectory=py")),
				pkg("from-url", "", trans, required, prop("url", "https://example.com/from_url-2.0.tar.gz")),
				pkg("outside", "", trans, required, prop("path", "../../outside")),
				pkg("pytest", "8.2.2", direct, inventory.ScopeTest, prop("group", "testing")),
				pkg("ranged", "", trans, required, prop("constraint", ">=1.0"), prop("registry", "gone")),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "sub/Pipfile.lock", []byte(tc.lock), tc.siblings)
			if err != nil {
				t.Fatal(err)
			}
			sortPackages(tc.want)
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%s) diff (-want +got):\n%s", tc.name, d)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name, lock string
		want       []string // names of the packages still returned
	}{
		{name: "truncated", lock: `{"default": {"six": {"version": "==1.16.0"}`},
		{name: "not_json", lock: "[packages]\nsix = \"*\"\n"},
		{name: "array", lock: `[{"default": {}}]`},
		{name: "null", lock: `null`},
		{
			name: "bad_parts",
			lock: `{"_meta": {"sources": {"name": "pypi"}}, "default": {"six": {"version": "==1.16.0"}, "idna": {"version": 3}, "": {"version": "==1"}, "attrs": []}, "develop": ["pytest"]}`,
			want: []string{"six"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckPartial(t, Extractor{}, "Pipfile.lock", []byte(tc.lock), tc.want)
		})
	}
}
