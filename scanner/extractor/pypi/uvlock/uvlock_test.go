package uvlock

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
		"uv.lock":            true,
		"a/b/uv.lock":        true,
		"uv.lock.bak":        false,
		"myuv.lock":          false,
		"uv.toml":            false,
		"poetry.lock":        false,
		"uv.lock/pyproject":  false,
		"vendor/app/uv.lock": true,
	})
}

const (
	direct   = inventory.RelationshipDirect
	trans    = inventory.RelationshipTransitive
	required = inventory.ScopeRequired
	optional = inventory.ScopeOptional
	dev      = inventory.ScopeDev
	pypiOrg  = "https://pypi.org/simple"
)

// fakeHash and fakeURL are how the fixtures' artifacts were named (see
// testdata/README.md).
func fakeHash(file string) string {
	h := sha256.Sum256([]byte(file))
	return hex.EncodeToString(h[:])
}

func fakeURL(file string) string {
	h := fakeHash("url:" + file)
	return "https://files.pythonhosted.org/packages/" + h[:2] + "/" + h[2:4] + "/" + h[4:] + "/" + file
}

// fromPyPI is a package of the fixtures from pypi.org with its sdist.
func fromPyPI(name, version, rel, scope, sdist string, deps []string, props ...inventory.Property) inventory.Package {
	props = append(props,
		inventory.Property{Name: "registry", Value: pypiOrg},
		inventory.Property{Name: "resolved", Value: fakeURL(sdist)})
	return inventory.Package{
		Name: name, Version: version, Ecosystem: inventory.EcosystemPyPI,
		PURL:         "pkg:pypi/" + name + "@" + version,
		Relationship: rel, Scope: scope, Dependencies: deps,
		Hashes:     []inventory.Hash{{Algorithm: "SHA-256", Value: fakeHash(sdist)}},
		Properties: props,
	}
}

func purls(ss ...string) []string {
	for i, s := range ss {
		ss[i] = "pkg:pypi/" + s
	}
	return ss
}

func TestExtract(t *testing.T) {
	got, err := extractortest.Extract(t, Extractor{}, "testdata/project", "uv.lock")
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "acme-utils", Version: "0.4.0", Ecosystem: "pypi", PURL: "pkg:pypi/acme-utils@0.4.0", Relationship: direct, Scope: required,
			Properties: []inventory.Property{{Name: "vcs", Value: "git+https://github.com/acme/acme-utils@3f9a1c0e5b7d2a4c6e8f0a1b2c3d4e5f6a7b8c9d"}}},
		fromPyPI("anyio", "4.8.0", trans, required, "anyio-4.8.0.tar.gz", purls("idna@3.10", "sniffio@1.3.1", "typing-extensions@4.12.2")),
		fromPyPI("attrs", "25.1.0", direct, required, "attrs-25.1.0.tar.gz", nil),
		fromPyPI("certifi", "2025.1.31", trans, required, "certifi-2025.1.31.tar.gz", nil),
		fromPyPI("colorama", "0.4.6", trans, dev, "colorama-0.4.6.tar.gz", nil),
		fromPyPI("h11", "0.14.0", trans, required, "h11-0.14.0.tar.gz", nil),
		fromPyPI("httpcore", "1.0.7", trans, required, "httpcore-1.0.7.tar.gz", purls("certifi@2025.1.31", "h11@0.14.0")),
		fromPyPI("httpx", "0.28.1", direct, required, "httpx-0.28.1.tar.gz", purls("anyio@4.8.0", "certifi@2025.1.31", "httpcore@1.0.7", "idna@3.10")),
		fromPyPI("idna", "3.10", trans, required, "idna-3.10.tar.gz", nil),
		fromPyPI("iniconfig", "2.0.0", trans, dev, "iniconfig-2.0.0.tar.gz", nil),
		fromPyPI("markdown-it-py", "3.0.0", trans, optional, "markdown-it-py-3.0.0.tar.gz", purls("mdurl@0.1.2")),
		fromPyPI("mdurl", "0.1.2", trans, optional, "mdurl-0.1.2.tar.gz", nil),
		fromPyPI("numpy", "1.26.4", direct, required, "numpy-1.26.4.tar.gz", nil),
		fromPyPI("numpy", "2.2.1", direct, required, "numpy-2.2.1.tar.gz", nil),
		fromPyPI("packaging", "24.2", trans, dev, "packaging-24.2.tar.gz", nil),
		fromPyPI("pluggy", "1.5.0", trans, dev, "pluggy-1.5.0.tar.gz", nil),
		fromPyPI("pygments", "2.19.1", trans, optional, "pygments-2.19.1.tar.gz", nil),
		fromPyPI("pytest", "8.3.4", direct, dev, "pytest-8.3.4.tar.gz", purls("colorama@0.4.6", "iniconfig@2.0.0", "packaging@24.2", "pluggy@1.5.0"),
			inventory.Property{Name: "group", Value: "dev"}),
		fromPyPI("rich", "13.9.4", direct, optional, "rich-13.9.4.tar.gz", purls("markdown-it-py@3.0.0", "pygments@2.19.1"),
			inventory.Property{Name: "extra", Value: "cli"}),
		{Name: "shared", Version: "0.2.0", Ecosystem: "pypi", PURL: "pkg:pypi/shared@0.2.0", Relationship: direct, Scope: required,
			Directory: "libs/shared", Dependencies: purls("attrs@25.1.0"),
			Properties: []inventory.Property{{Name: "editable", Value: "true"}, {Name: "path", Value: "libs/shared"}}},
		fromPyPI("sniffio", "1.3.1", trans, required, "sniffio-1.3.1.tar.gz", nil),
		fromPyPI("typing-extensions", "4.12.2", trans, required, "typing_extensions-4.12.2.tar.gz", nil),
		{Name: "uv-app", Version: "0.1.0", Ecosystem: "pypi", PURL: "pkg:pypi/uv-app@0.1.0", Relationship: inventory.RelationshipRoot,
			Dependencies: purls("acme-utils@0.4.0", "attrs@25.1.0", "httpx@0.28.1", "numpy@1.26.4", "numpy@2.2.1", "pytest@8.3.4", "rich@13.9.4", "shared@0.2.0")},
	}
	// Properties come back sorted by name.
	for i := range want {
		want[i].Normalize()
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(project/uv.lock) diff (-want +got):\n%s", d)
	}
}

func TestExtractLegacy(t *testing.T) {
	got, err := extractortest.Extract(t, Extractor{}, "testdata/legacy", "uv.lock")
	if err != nil {
		t.Fatal(err)
	}
	wheel := "internal_sdk-2.3.1-py3-none-any.whl"
	want := []inventory.Package{
		fromPyPI("click", "8.1.7", direct, required, "click-8.1.7.tar.gz", purls("colorama@0.4.6")),
		fromPyPI("colorama", "0.4.6", trans, required, "colorama-0.4.6.tar.gz", nil),
		{Name: "internal-sdk", Version: "2.3.1", Ecosystem: "pypi", PURL: "pkg:pypi/internal-sdk@2.3.1", Relationship: direct, Scope: required,
			Hashes: []inventory.Hash{{Algorithm: "SHA-256", Value: fakeHash(wheel)}},
			Properties: []inventory.Property{
				{Name: "registry", Value: "https://pypi.internal.example.com/simple"},
				{Name: "resolved", Value: "https://pypi.internal.example.com/packages/" + wheel},
			}},
		{Name: "scripts", Version: "0.1.0", Ecosystem: "pypi", PURL: "pkg:pypi/scripts@0.1.0", Relationship: inventory.RelationshipRoot,
			Dependencies: purls("click@8.1.7", "internal-sdk@2.3.1")},
	}
	for i := range want {
		want[i].Normalize()
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(legacy/uv.lock) diff (-want +got):\n%s", d)
	}
}

// pkg is a package of the inline locks below, which carry no artifacts.
func pkg(name, version, rel, scope string, deps []string, props ...inventory.Property) inventory.Package {
	p := inventory.Package{
		Name: name, Version: version, Ecosystem: "pypi", PURL: extractor.PURL("pypi", "", name, version),
		Relationship: rel, Scope: scope, Dependencies: deps, Properties: props,
	}
	p.Normalize()
	return p
}

func reg(name string) inventory.Property { return inventory.Property{Name: "registry", Value: name} }

func TestExtractCases(t *testing.T) {
	const pypi = `source = { registry = "https://pypi.org/simple" }`
	for _, tc := range []struct {
		name string
		lock string
		want []inventory.Package
	}{
		{
			name: "workspace",
			lock: `version = 1
revision = 2
requires-python = ">=3.12"

[manifest]
members = [
    "app",
    "lib",
]

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "lib" },
]

[[package]]
name = "lib"
version = "0.3.0"
source = { editable = "packages/lib" }
dependencies = [
    { name = "six" },
]

[[package]]
name = "six"
version = "1.17.0"
` + pypi + "\n",
			want: []inventory.Package{
				pkg("app", "0.1.0", inventory.RelationshipRoot, "", purls("lib@0.3.0")),
				func() inventory.Package {
					p := pkg("lib", "0.3.0", inventory.RelationshipRoot, "", purls("six@1.17.0"))
					p.Directory = "sub/packages/lib"
					return p
				}(),
				pkg("six", "1.17.0", direct, required, nil, reg(pypiOrg)),
			},
		},
		{
			name: "extras_and_groups",
			lock: `version = 1
revision = 2
requires-python = ">=3.12"

[[package]]
name = "h2"
version = "4.1.0"
` + pypi + `
dependencies = [
    { name = "hpack" },
]

[[package]]
name = "hpack"
version = "4.0.0"
` + pypi + `

[[package]]
name = "httpx"
version = "0.28.1"
` + pypi + `
dependencies = [
    { name = "idna" },
]

[package.optional-dependencies]
http2 = [
    { name = "h2" },
]
socks = [
    { name = "socksio" },
]

[[package]]
name = "idna"
version = "3.10"
` + pypi + `

[[package]]
name = "project"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "httpx", extra = ["http2"] },
]

[package.optional-dependencies]
proxy = [
    { name = "httpx", extra = ["socks"] },
]

[package.dev-dependencies]
lint = [
    { name = "ruff" },
]
test = [
    { name = "idna" },
    { name = "pytest" },
]

[[package]]
name = "pytest"
version = "8.3.4"
` + pypi + `

[[package]]
name = "ruff"
version = "0.9.2"
` + pypi + `

[[package]]
name = "socksio"
version = "1.0.0"
` + pypi + "\n",
			want: []inventory.Package{
				pkg("h2", "4.1.0", trans, required, purls("hpack@4.0.0"), reg(pypiOrg)),
				pkg("hpack", "4.0.0", trans, required, nil, reg(pypiOrg)),
				pkg("httpx", "0.28.1", direct, required, purls("h2@4.1.0", "idna@3.10", "socksio@1.0.0"), reg(pypiOrg),
					inventory.Property{Name: "extra", Value: "proxy"}),
				pkg("idna", "3.10", direct, required, nil, reg(pypiOrg), inventory.Property{Name: "group", Value: "test"}),
				pkg("project", "0.1.0", inventory.RelationshipRoot, "", purls("httpx@0.28.1", "idna@3.10", "pytest@8.3.4", "ruff@0.9.2")),
				pkg("pytest", "8.3.4", direct, inventory.ScopeTest, nil, reg(pypiOrg), inventory.Property{Name: "group", Value: "test"}),
				pkg("ruff", "0.9.2", direct, dev, nil, reg(pypiOrg), inventory.Property{Name: "group", Value: "lint"}),
				pkg("socksio", "1.0.0", trans, optional, nil, reg(pypiOrg)),
			},
		},
		{
			name: "no_root",
			lock: `version = 1

[[package]]
name = "A_Pkg"
version = "1.0"
` + pypi + `
dependencies = [{ name = "b.pkg" }]

[[package]]
name = "b-pkg"
version = "2.0"
` + pypi + "\n",
			want: []inventory.Package{
				pkg("a-pkg", "1.0", "", "", purls("b-pkg@2.0"), reg(pypiOrg)),
				pkg("b-pkg", "2.0", "", "", nil, reg(pypiOrg)),
			},
		},
		{
			name: "sources",
			lock: `version = 1
revision = 2

[[package]]
name = "app"
version = "1.0"
source = { virtual = "." }
dependencies = [
    { name = "archived" },
    { name = "from-url" },
    { name = "outside" },
    { name = "private" },
    { name = "subdir" },
    { name = "vendored" },
]

[[package]]
name = "archived"
version = "0.1"
source = { path = "dist/archived-0.1.tar.gz" }
sdist = { hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111" }

[[package]]
name = "from-url"
version = "2.0"
source = { url = "https://example.com/from_url-2.0-py3-none-any.whl" }
wheels = [
    { url = "https://example.com/from_url-2.0-py3-none-any.whl", hash = "sha256:2222222222222222222222222222222222222222222222222222222222222222" },
]

[[package]]
name = "outside"
version = "0.0.1"
source = { directory = "../../outside" }

[[package]]
name = "private"
version = "3.1"
source = { registry = "https://user:secret@pypi.corp.example/simple" }
sdist = { url = "https://user:secret@pypi.corp.example/files/private-3.1.tar.gz", hash = "md5:33333333333333333333333333333333" }
wheels = [
    { url = "https://pypi.corp.example/files/private-3.1-py3-none-any.whl", hash = "sha256:4444444444444444444444444444444444444444444444444444444444444444" },
    { url = "https://pypi.corp.example/files/private-3.1-py2-none-any.whl", hash = "sha256:5555555555555555555555555555555555555555555555555555555555555555" },
]

[[package]]
name = "subdir"
version = "0.5"
source = { git = "https://github.com/acme/mono?subdirectory=py%2Fsubdir&branch=main" }

[[package]]
name = "vendored"
version = "1.2"
source = { directory = "third_party/vendored" }
`,
			want: []inventory.Package{
				pkg("app", "1.0", inventory.RelationshipRoot, "", purls("archived@0.1", "from-url@2.0", "outside@0.0.1", "private@3.1", "subdir@0.5", "vendored@1.2")),
				func() inventory.Package {
					p := pkg("archived", "0.1", direct, required, nil, inventory.Property{Name: "path", Value: "dist/archived-0.1.tar.gz"})
					p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("1", 64)}}
					return p
				}(),
				func() inventory.Package {
					p := pkg("from-url", "2.0", direct, required, nil,
						inventory.Property{Name: "url", Value: "https://example.com/from_url-2.0-py3-none-any.whl"},
						inventory.Property{Name: "resolved", Value: "https://example.com/from_url-2.0-py3-none-any.whl"})
					p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("2", 64)}}
					return p
				}(),
				pkg("outside", "0.0.1", direct, required, nil, inventory.Property{Name: "path", Value: "../../outside"}),
				func() inventory.Package {
					p := pkg("private", "3.1", direct, required, nil,
						reg("https://pypi.corp.example/simple"),
						inventory.Property{Name: "resolved", Value: "https://pypi.corp.example/files/private-3.1.tar.gz"})
					p.Hashes = []inventory.Hash{{Algorithm: "MD5", Value: strings.Repeat("3", 32)}}
					return p
				}(),
				pkg("subdir", "0.5", direct, required, nil, inventory.Property{Name: "vcs", Value: "git+https://github.com/acme/mono@main#subdirectory=py/subdir"}),
				func() inventory.Package {
					p := pkg("vendored", "1.2", direct, required, nil, inventory.Property{Name: "path", Value: "third_party/vendored"})
					p.Directory = "sub/third_party/vendored"
					return p
				}(),
			},
		},
		{
			name: "forks",
			lock: `version = 1
revision = 2
requires-python = ">=3.10"
resolution-markers = [
    "python_full_version >= '3.11'",
    "python_full_version < '3.11'",
]

[[package]]
name = "app"
version = "1.0"
source = { editable = "." }
dependencies = [
    { name = "tool", version = "1.0", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version < '3.11'" },
    { name = "untold" },
]

[[package]]
name = "tool"
version = "1.0"
` + pypi + `
resolution-markers = [
    "python_full_version < '3.11'",
]

[[package]]
name = "tool"
version = "2.0"
` + pypi + `
resolution-markers = [
    "python_full_version >= '3.11'",
]

[[package]]
name = "untold"
version = "1.0"
` + pypi + `
dependencies = [
    { name = "tool" },
    { name = "tool", version = "3.0", source = { registry = "https://pypi.org/simple" } },
]
`,
			want: []inventory.Package{
				pkg("app", "1.0", inventory.RelationshipRoot, "", purls("tool@1.0", "untold@1.0")),
				pkg("tool", "1.0", direct, required, nil, reg(pypiOrg)),
				pkg("tool", "2.0", trans, required, nil, reg(pypiOrg)),
				pkg("untold", "1.0", direct, required, purls("tool@1.0", "tool@2.0"), reg(pypiOrg)),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "sub/uv.lock", []byte(tc.lock), nil, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name, lock string
		want       []string // names of the packages still returned
	}{
		{name: "truncated", lock: "version = 1\n\n[[package]]\nname = \"six\"\nversion = \"1.17"},
		{name: "not_toml", lock: "{\"version\": 1}"},
		{name: "package_not_table", lock: "version = 1\npackage = 5\n"},
		{name: "nested_too_deep", lock: "version = 1\nx = " + strings.Repeat("{a=", 5000) + "\n"},
		{name: "nested_arrays", lock: "version = 1\nx = " + strings.Repeat("[", 50) + strings.Repeat("]", 50) + "\n"},
		{
			name: "one_bad_package",
			lock: "version = 1\n\n[[package]]\nname = \"six\"\nversion = \"1.17.0\"\n\n[[package]]\nname = 3\nversion = \"1\"\n\n[[package]]\nversion = \"2\"\n\n[[package]]\nname = \"idna\"\nversion = \"3.10\"\ndependencies = \"idna\"\n",
			want: []string{"six"},
		},
		{
			name: "bad_manifest",
			lock: "version = 1\nmanifest = \"x\"\n\n[[package]]\nname = \"six\"\nversion = \"1.17.0\"\n",
			want: []string{"six"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckPartial(t, Extractor{}, "uv.lock", []byte(tc.lock), tc.want)
		})
	}
}

func TestVCSURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://github.com/a/b?rev=v1#abc":               "git+https://github.com/a/b@abc",
		"https://github.com/a/b?tag=v1":                   "git+https://github.com/a/b@v1",
		"https://github.com/a/b":                          "git+https://github.com/a/b",
		"git+ssh://git@github.com/a/b?rev=x#def":          "git+ssh://github.com/a/b@def",
		"https://tok:x@github.com/a/b?subdirectory=s#abc": "git+https://github.com/a/b@abc#subdirectory=s",
		"https://github.com/a/b?%zz#abc":                  "git+https://github.com/a/b@abc",
	} {
		if got := vcsURL(in); got != want {
			t.Errorf("vcsURL(%q) = %q, want %q", in, got, want)
		}
	}
}
