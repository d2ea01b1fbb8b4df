package poetrylock

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"poetry.lock":              true,
		"a/b/poetry.lock":          true,
		"poetry.lock.bak":          false,
		"mypoetry.lock":            false,
		"poetry.toml":              false,
		"Poetry.lock":              false,
		"uv.lock":                  false,
		"poetry.lock/pyproject":    false,
		"services/api/poetry.lock": true,
	})
}

const (
	direct   = inventory.RelationshipDirect
	trans    = inventory.RelationshipTransitive
	required = inventory.ScopeRequired
	optional = inventory.ScopeOptional
	dev      = inventory.ScopeDev
)

// fakeHash is the hash the fixtures give a file (see testdata/README.md).
func fakeHash(file string) string {
	h := sha256.Sum256([]byte(file))
	return hex.EncodeToString(h[:])
}

func prop(name, value string) inventory.Property { return inventory.Property{Name: name, Value: value} }

// pkg is a package of the fixtures; sdist names the file whose hash it
// has, if any.
func pkg(name, version, rel, scope, sdist string, deps []string, props ...inventory.Property) inventory.Package {
	p := inventory.Package{
		Name: name, Version: version, Ecosystem: inventory.EcosystemPyPI,
		PURL:         extractor.PURL("pypi", "", name, version),
		Relationship: rel, Scope: scope, Dependencies: deps, Properties: props,
	}
	if sdist != "" {
		p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: fakeHash(sdist)}}
		p.Properties = append(p.Properties, prop("artifact", sdist))
	}
	p.Normalize()
	return p
}

func purls(ss ...string) []string {
	for i, s := range ss {
		ss[i] = "pkg:pypi/" + s
	}
	return ss
}

func TestExtract(t *testing.T) {
	main, devGroup := prop("group", "main"), prop("group", "dev")
	for _, tc := range []struct {
		dir  string
		want []inventory.Package
	}{
		{
			dir: "v1.1",
			want: []inventory.Package{
				pkg("acme-utils", "0.4.0", direct, required, "", nil, prop("vcs", "git+https://github.com/acme/acme-utils.git@3f9a1c0e5b7d2a4c6e8f0a1b2c3d4e5f6a7b8c9d")),
				pkg("certifi", "2021.10.8", trans, required, "certifi-2021.10.8.tar.gz", nil),
				pkg("charset-normalizer", "2.0.12", trans, required, "charset-normalizer-2.0.12.tar.gz", nil),
				pkg("click", "8.1.2", trans, required, "click-8.1.2.tar.gz", purls("colorama@0.4.4")),
				pkg("colorama", "0.4.4", trans, required, "colorama-0.4.4.tar.gz", nil),
				pkg("coverage", "6.3.2", direct, dev, "coverage-6.3.2.tar.gz", purls("tomli@2.0.1")),
				pkg("flask", "2.1.1", direct, required, "Flask-2.1.1.tar.gz", purls("click@8.1.2", "importlib-metadata@4.11.3", "itsdangerous@2.1.2", "jinja2@3.1.1", "werkzeug@2.1.1")),
				pkg("idna", "3.3", trans, required, "idna-3.3.tar.gz", nil),
				pkg("importlib-metadata", "4.11.3", trans, required, "importlib_metadata-4.11.3.tar.gz", purls("zipp@3.8.0")),
				pkg("itsdangerous", "2.1.2", trans, required, "itsdangerous-2.1.2.tar.gz", nil),
				pkg("jinja2", "3.1.1", trans, required, "Jinja2-3.1.1.tar.gz", purls("markupsafe@2.1.1")),
				pkg("markupsafe", "2.1.1", trans, required, "MarkupSafe-2.1.1.tar.gz", nil),
				pkg("pysocks", "1.7.1", trans, required, "PySocks-1.7.1.tar.gz", nil),
				pkg("pyyaml", "6.0", direct, optional, "PyYAML-6.0.tar.gz", nil, prop("extra", "yaml")),
				pkg("requests", "2.27.1", direct, required, "requests-2.27.1.tar.gz", purls("certifi@2021.10.8", "charset-normalizer@2.0.12", "idna@3.3", "pysocks@1.7.1", "urllib3@1.26.9")),
				pkg("tomli", "2.0.1", trans, dev, "tomli-2.0.1.tar.gz", nil),
				pkg("urllib3", "1.26.9", trans, required, "urllib3-1.26.9.tar.gz", nil),
				pkg("werkzeug", "2.1.1", trans, required, "Werkzeug-2.1.1.tar.gz", nil),
				pkg("zipp", "3.8.0", trans, required, "zipp-3.8.0.tar.gz", nil),
			},
		},
		{
			dir: "v2.0",
			want: []inventory.Package{
				pkg("certifi", "2024.2.2", trans, required, "certifi-2024.2.2.tar.gz", nil),
				pkg("charset-normalizer", "3.3.2", trans, required, "charset-normalizer-3.3.2.tar.gz", nil),
				pkg("colorama", "0.4.6", trans, dev, "colorama-0.4.6.tar.gz", nil),
				pkg("exceptiongroup", "1.2.1", trans, dev, "exceptiongroup-1.2.1.tar.gz", nil),
				pkg("idna", "3.7", trans, required, "idna-3.7.tar.gz", nil),
				pkg("iniconfig", "2.0.0", trans, dev, "iniconfig-2.0.0.tar.gz", nil),
				pkg("packaging", "24.0", trans, dev, "packaging-24.0.tar.gz", nil),
				pkg("pluggy", "1.5.0", trans, dev, "pluggy-1.5.0.tar.gz", nil),
				pkg("pytest", "8.2.0", direct, dev, "pytest-8.2.0.tar.gz", purls("colorama@0.4.6", "exceptiongroup@1.2.1", "iniconfig@2.0.0", "packaging@24.0", "pluggy@1.5.0", "tomli@2.0.1")),
				pkg("pyyaml", "6.0.1", trans, dev, "PyYAML-6.0.1.tar.gz", nil),
				pkg("requests", "2.31.0", direct, required, "requests-2.31.0.tar.gz", purls("certifi@2024.2.2", "charset-normalizer@3.3.2", "idna@3.7", "urllib3@2.2.1")),
				pkg("responses", "0.25.0", direct, dev, "responses-0.25.0.tar.gz", purls("pyyaml@6.0.1", "requests@2.31.0", "urllib3@2.2.1")),
				func() inventory.Package {
					p := pkg("shared-models", "0.1.0", direct, required, "", nil, prop("editable", "true"), prop("path", "libs/shared-models"))
					p.Directory = "libs/shared-models"
					return p
				}(),
				pkg("tomli", "2.0.1", trans, dev, "tomli-2.0.1.tar.gz", nil),
				pkg("urllib3", "2.2.1", trans, required, "urllib3-2.2.1.tar.gz", nil),
			},
		},
		{
			dir: "v2.1",
			want: []inventory.Package{
				pkg("acme-theme", "0.2.0", direct, dev, "", nil, prop("group", "docs"), prop("vcs", "git+https://github.com/acme/acme-theme.git@9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d")),
				pkg("click", "8.1.8", direct, required, "click-8.1.8.tar.gz", purls("colorama@0.4.6"), main),
				pkg("colorama", "0.4.6", trans, required, "colorama-0.4.6.tar.gz", nil, main, devGroup,
					prop("marker", `dev: sys_platform == "win32"`), prop("marker", `main: platform_system == "Windows"`)),
				pkg("exceptiongroup", "1.2.2", trans, dev, "exceptiongroup-1.2.2.tar.gz", nil, devGroup, prop("marker", `python_version < "3.11"`)),
				pkg("iniconfig", "2.0.0", trans, dev, "iniconfig-2.0.0.tar.gz", nil, devGroup),
				pkg("markdown-it-py", "3.0.0", trans, required, "markdown-it-py-3.0.0.tar.gz", purls("mdurl@0.1.2"), main),
				pkg("mdurl", "0.1.2", trans, required, "mdurl-0.1.2.tar.gz", nil, main),
				pkg("packaging", "24.2", trans, dev, "packaging-24.2.tar.gz", nil, devGroup),
				pkg("pluggy", "1.5.0", trans, dev, "pluggy-1.5.0.tar.gz", nil, devGroup),
				pkg("pygments", "2.19.1", trans, required, "pygments-2.19.1.tar.gz", nil, main),
				pkg("pytest", "8.3.4", direct, dev, "pytest-8.3.4.tar.gz", purls("colorama@0.4.6", "exceptiongroup@1.2.2", "iniconfig@2.0.0", "packaging@24.2", "pluggy@1.5.0", "tomli@2.2.1"), devGroup),
				pkg("pyyaml", "6.0.2", direct, optional, "pyyaml-6.0.2.tar.gz", nil, main, prop("extra", "yaml"), prop("marker", `extra == "yaml"`)),
				pkg("rich", "13.9.4", direct, required, "rich-13.9.4.tar.gz", purls("markdown-it-py@3.0.0", "pygments@2.19.1", "typing-extensions@4.12.2"), main),
				pkg("tomli", "2.2.1", trans, dev, "tomli-2.2.1.tar.gz", nil, devGroup, prop("marker", `python_version < "3.11"`)),
				pkg("typing-extensions", "4.12.2", trans, required, "typing_extensions-4.12.2.tar.gz", nil, main, prop("marker", `python_version < "3.11"`)),
			},
		},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata/"+tc.dir, "poetry.lock", tc.want)
		})
	}
}

// TestExtractWithoutManifest: without a pyproject.toml the relationship
// is unknown, and so is the scope when the lock does not give it.
func TestExtractWithoutManifest(t *testing.T) {
	const lock = `# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.

[[package]]
name = "idna"
version = "3.7"
description = "Internationalized Domain Names in Applications (IDNA)"
optional = false
python-versions = ">=3.5"
files = []

[[package]]
name = "six"
version = "1.16.0"
description = "Python 2 and 3 compatibility utilities"
optional = false
python-versions = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*"
category = "dev"
files = []

[metadata]
lock-version = "2.0"
python-versions = "^3.9"
content-hash = "0000000000000000000000000000000000000000000000000000000000000000"
`
	for name, siblings := range map[string]map[string]string{
		"no_pyproject":  nil,
		"bad_pyproject": {"pyproject.toml": "[project\nname = 1"},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "poetry.lock", []byte(lock), siblings)
			if err != nil {
				t.Fatal(err)
			}
			want := []inventory.Package{
				pkg("idna", "3.7", "", "", "", nil),
				pkg("six", "1.16.0", "", dev, "", nil),
			}
			if d := extractortest.Diff(want, got); d != "" {
				t.Errorf("Extract diff (-want +got):\n%s", d)
			}
		})
	}
}

func TestExtractCases(t *testing.T) {
	for _, tc := range []struct {
		name      string
		lock      string
		pyproject string
		want      []inventory.Package
	}{
		{
			name: "lock_1.0_hashes_and_versions",
			lock: `[[package]]
category = "main"
description = "NumPy is the fundamental package for array computing with Python."
name = "numpy"
optional = false
python-versions = ">=3.7"
version = "1.21.6"

[[package]]
category = "main"
description = "NumPy is the fundamental package for array computing with Python."
name = "numpy"
optional = false
python-versions = ">=3.8"
version = "1.24.4"

[[package]]
category = "main"
description = "Powerful data structures for data analysis, time series, and statistics"
name = "pandas"
optional = false
python-versions = ">=3.8"
version = "2.0.3"

[package.dependencies]
numpy = [
    {version = ">=1.20.3", markers = "python_version < \"3.10\""},
    {version = "==1.24.4", markers = "python_version >= \"3.10\""},
]

[[package]]
category = "test"
description = "Python 2 and 3 compatibility utilities"
name = "six"
optional = false
python-versions = ">=2.7"
version = "1.16.0"

[metadata]
content-hash = "0000000000000000000000000000000000000000000000000000000000000000"
python-versions = "^3.8"

[metadata.files]
numpy = [
    {file = "numpy-1.21.6-cp37-cp37m-win_amd64.whl", hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111"},
    {file = "numpy-1.21.6.zip", hash = "sha256:2222222222222222222222222222222222222222222222222222222222222222"},
    {file = "numpy-1.24.4.tar.gz", hash = "sha256:3333333333333333333333333333333333333333333333333333333333333333"},
]

[metadata.hashes]
pandas = ["4444444444444444444444444444444444444444444444444444444444444444"]
six = ["sha256:5555555555555555555555555555555555555555555555555555555555555555", "sha256:6666666666666666666666666666666666666666666666666666666666666666"]
`,
			pyproject: `[tool.poetry]
name = "x"
version = "1"

[tool.poetry.dependencies]
python = "^3.8"
pandas = "^2.0"

[tool.poetry.group.tests.dependencies]
six = "*"
`,
			want: []inventory.Package{
				func() inventory.Package {
					p := pkg("numpy", "1.21.6", trans, required, "", nil, prop("artifact", "numpy-1.21.6.zip"))
					p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("2", 64)}}
					return p
				}(),
				func() inventory.Package {
					p := pkg("numpy", "1.24.4", trans, required, "", nil, prop("artifact", "numpy-1.24.4.tar.gz"))
					p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("3", 64)}}
					return p
				}(),
				func() inventory.Package {
					p := pkg("pandas", "2.0.3", direct, required, "", purls("numpy@1.21.6", "numpy@1.24.4"))
					p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("4", 64)}}
					return p
				}(),
				pkg("six", "1.16.0", direct, inventory.ScopeTest, "", nil),
			},
		},
		{
			name: "optional_dependencies",
			lock: `[[package]]
name = "black"
version = "24.4.2"
description = "The uncompromising code formatter."
optional = false
python-versions = ">=3.8"
groups = ["dev"]
files = []

[package.dependencies]
aiohttp = {version = ">=3.7.4,<3.8.0 || >3.8.0", optional = true, markers = "extra == \"d\""}
click = ">=8.0.0"
ipython = {version = ">=7.8.0", optional = true}
tokenize-rt = {version = ">=3.2.0", optional = true}

[package.extras]
d = ["aiohttp (>=3.7.4,!=3.8.0)"]
jupyter = ["ipython (>=7.8.0)", "tokenize-rt (>=3.2.0)"]

[[package]]
name = "aiohttp"
version = "3.9.5"
description = "Async http client/server framework (asyncio)"
optional = false
python-versions = ">=3.8"
groups = ["main"]
files = []

[[package]]
name = "click"
version = "8.1.7"
description = "Composable command line interface toolkit"
optional = false
python-versions = ">=3.7"
groups = ["main", "dev"]
files = []

[[package]]
name = "ipython"
version = "8.18.1"
description = "IPython: Productive Interactive Computing"
optional = false
python-versions = ">=3.9"
groups = ["dev"]
files = []

[[package]]
name = "tokenize-rt"
version = "5.2.0"
description = "A wrapper around the stdlib ` + "`tokenize`" + ` which roundtrips."
optional = false
python-versions = ">=3.8"
groups = ["dev"]
files = []

[metadata]
lock-version = "2.1"
python-versions = ">=3.9"
content-hash = "0000000000000000000000000000000000000000000000000000000000000000"
`,
			pyproject: `[project]
name = "x"
version = "1"
dependencies = ["aiohttp>=3.9", "click (>=8.1)"]

[dependency-groups]
dev = ["black[jupyter]>=24", {include-group = "lint"}]
lint = ["Black"]
`,
			want: []inventory.Package{
				pkg("aiohttp", "3.9.5", direct, required, "", nil, prop("group", "main")),
				pkg("black", "24.4.2", direct, dev, "", purls("click@8.1.7", "ipython@8.18.1", "tokenize-rt@5.2.0"), prop("group", "dev")),
				pkg("click", "8.1.7", direct, required, "", nil, prop("group", "dev"), prop("group", "main")),
				pkg("ipython", "8.18.1", trans, dev, "", nil, prop("group", "dev")),
				pkg("tokenize-rt", "5.2.0", trans, dev, "", nil, prop("group", "dev")),
			},
		},
		{
			name: "sources",
			lock: `[[package]]
name = "from-file"
version = "0.1"
description = ""
optional = false
python-versions = "*"
files = [
    {file = "from_file-0.1-py3-none-any.whl", hash = "sha256:7777777777777777777777777777777777777777777777777777777777777777"},
]

[package.source]
type = "file"
url = "wheels/from_file-0.1-py3-none-any.whl"

[[package]]
name = "from-url"
version = "1.0"
description = ""
optional = false
python-versions = "*"
files = []

[package.source]
type = "url"
url = "https://example.com/from-url-1.0.tar.gz"
subdirectory = "python"

[[package]]
name = "mono"
version = "2.0"
description = ""
optional = false
python-versions = "*"
files = []
develop = false

[package.source]
type = "git"
url = "git+ssh://git@github.com/acme/mono.git"
reference = "v2.0"
subdirectory = "py"

[[package]]
name = "outside"
version = "0.0.1"
description = ""
optional = false
python-versions = "*"
files = []
develop = false

[package.source]
type = "directory"
url = "../../outside"

[[package]]
name = "private"
version = "3.1"
description = ""
optional = false
python-versions = "*"
files = [
    {file = "private-3.1-py2-none-any.whl", hash = "sha256:8888888888888888888888888888888888888888888888888888888888888888"},
    {file = "private-3.1-py3-none-any.whl", hash = "sha256:9999999999999999999999999999999999999999999999999999999999999999"},
]

[package.source]
type = "legacy"
url = "https://token:secret@pypi.corp.example/simple"
reference = "corp"

[metadata]
lock-version = "2.0"
python-versions = "*"
content-hash = "0000000000000000000000000000000000000000000000000000000000000000"
`,
			want: []inventory.Package{
				func() inventory.Package {
					p := pkg("from-file", "0.1", "", "", "", nil, prop("path", "wheels/from_file-0.1-py3-none-any.whl"), prop("artifact", "from_file-0.1-py3-none-any.whl"))
					p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("7", 64)}}
					return p
				}(),
				pkg("from-url", "1.0", "", "", "", nil, prop("url", "https://example.com/from-url-1.0.tar.gz#subdirectory=python")),
				pkg("mono", "2.0", "", "", "", nil, prop("vcs", "git+ssh://github.com/acme/mono.git@v2.0#subdirectory=py")),
				pkg("outside", "0.0.1", "", "", "", nil, prop("path", "../../outside")),
				pkg("private", "3.1", "", "", "", nil, prop("registry", "https://pypi.corp.example/simple")),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var siblings map[string]string
			if tc.pyproject != "" {
				siblings = map[string]string{"sub/pyproject.toml": tc.pyproject}
			}
			extractortest.CheckExtractBytes(t, Extractor{}, "sub/poetry.lock", []byte(tc.lock), siblings, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name, lock string
		want       []string // names of the packages still returned
	}{
		{name: "truncated", lock: "[[package]]\nname = \"six\"\nversion = \"1.16"},
		{name: "not_toml", lock: "{\"package\": []}"},
		{name: "package_not_table", lock: "package = 5\n"},
		{name: "nested_too_deep", lock: "x = " + strings.Repeat("{a=", 5000) + "\n"},
		{
			name: "bad_packages",
			lock: "[[package]]\nname = \"six\"\nversion = \"1.16.0\"\n\n[[package]]\nname = \"idna\"\nversion = 3\n\n[[package]]\nversion = \"2\"\n\n[[package]]\nname = \"attrs\"\nversion = \"1\"\ngroups = \"main\"\n",
			want: []string{"six"},
		},
		{
			name: "bad_metadata",
			lock: "[[package]]\nname = \"six\"\nversion = \"1.16.0\"\n\n[metadata]\nfiles = 3\n\n[extras]\nyaml = \"pyyaml\"\n",
			want: []string{"six"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckPartial(t, Extractor{}, "poetry.lock", []byte(tc.lock), tc.want)
		})
	}
}

func TestOfVersion(t *testing.T) {
	files := []fileEntry{{File: "a-1.0.tar.gz"}, {File: "a-1.0-py3-none-any.whl"}, {File: "a-1.0.1.tar.gz"}, {File: "a-11.0.tar.gz"}}
	got := ofVersion(files, "1.0")
	if len(got) != 2 || got[0].File != "a-1.0.tar.gz" || got[1].File != "a-1.0-py3-none-any.whl" {
		t.Errorf("ofVersion = %v", got)
	}
}
