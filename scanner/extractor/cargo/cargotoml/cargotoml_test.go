package cargotoml

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"Cargo.toml":                                 true,
		"crates/app/Cargo.toml":                      true,
		"vendor/itoa/Cargo.toml":                     true,
		"Cargo.toml.orig":                            false,
		"Cargo.toml.bak":                             false,
		"MyCargo.toml":                               false,
		"cargo.toml":                                 false,
		"Cargo.lock":                                 false,
		"pyproject.toml":                             false,
		"Cargo.toml/src/lib.rs":                      false,
		"crates/app/XCargo.toml":                     false,
		"crates/app/Cargo.toml.gz":                   false,
		".cargo/git/checkouts/x-1/abc/Cargo.toml":    false,
		"ci/.cargo/git/checkouts/x-1/abc/Cargo.toml": false,
		".cargo/registry/src/index.crates.io-6f17d22bba15001f/itoa-1.0.14/Cargo.toml": true,
	})
}

// dep is a direct dependency with no version, as most are.
func dep(name, scope string, props ...string) inventory.Package {
	p := inventory.Package{
		Name: name, Ecosystem: "cargo", PURL: "pkg:cargo/" + name,
		Relationship: inventory.RelationshipDirect, Scope: scope,
	}
	for i := 0; i+1 < len(props); i += 2 {
		p.Properties = append(p.Properties, inventory.Property{Name: props[i], Value: props[i+1]})
	}
	return p
}

func TestExtract(t *testing.T) {
	const req, opt, dev = inventory.ScopeRequired, inventory.ScopeOptional, inventory.ScopeDev
	for _, tc := range []struct {
		file string
		want []inventory.Package
	}{
		{
			// A member inheriting version, license and dependencies from
			// the workspace root above it.
			file: "app/Cargo.toml",
			want: []inventory.Package{
				dep("ansi-paint", req, "branch", "release/0.3", "git", "https://github.com/example-org/ansi-paint"),
				dep("anyhow", req, "constraint", "1.0"),
				dep("fastrand", dev, "constraint", "2"),
				dep("glob", dev, "constraint", "0.3.3", "kind", "build"),
				dep("regex", req, "constraint", "1.11"),
				dep("serde", opt, "constraint", "1.0"),
				dep("serde_json", req, "constraint", "1.0.149", "rename", "json"),
				dep("textkit-util", req, "path", "util", "rename", "util"),
				{Name: "textkit", Version: "0.4.0", Ecosystem: "cargo", PURL: "pkg:cargo/textkit@0.4.0", Relationship: inventory.RelationshipRoot,
					DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT OR Apache-2.0", Raw: "MIT OR Apache-2.0"},
					Dependencies: []string{
						"pkg:cargo/ansi-paint", "pkg:cargo/anyhow", "pkg:cargo/fastrand", "pkg:cargo/glob", "pkg:cargo/regex",
						"pkg:cargo/serde", "pkg:cargo/serde_json", "pkg:cargo/textkit-util", "pkg:cargo/windows-sys",
					},
					Properties: []inventory.Property{{Name: "repository", Value: "https://github.com/example-org/textkit"}}},
				dep("windows-sys", req, "constraint", "0.59", "target", "cfg(windows)"),
			},
		},
		{
			// An exact requirement is the version; license-file is a
			// property.
			file: "util/Cargo.toml",
			want: []inventory.Package{
				{Name: "itoa", Version: "1.0.14", Ecosystem: "cargo", PURL: "pkg:cargo/itoa@1.0.14", Relationship: inventory.RelationshipDirect, Scope: req,
					Properties: []inventory.Property{{Name: "constraint", Value: "=1.0.14"}}},
				dep("memchr", req, "constraint", "1.0.2"),
				{Name: "textkit-util", Version: "0.4.0", Ecosystem: "cargo", PURL: "pkg:cargo/textkit-util@0.4.0", Relationship: inventory.RelationshipRoot,
					Dependencies: []string{"pkg:cargo/itoa@1.0.14", "pkg:cargo/memchr"},
					Properties:   []inventory.Property{{Name: "license_file", Value: "LICENSE.txt"}}},
			},
		},
		{
			// A virtual manifest: no packages.
			file: "Cargo.toml",
		},
		{
			// Excluded from the workspace above it; the old slash
			// license syntax, git tags and revs, an alternative
			// registry, the underscore spelling of dev-dependencies,
			// target-specific tables.
			file: "standalone/Cargo.toml",
			want: []inventory.Package{
				dep("clap", req, "constraint", "2.33"),
				dep("hyper", req, "git", "https://github.com/hyperium/hyper", "tag", "v0.14.28"),
				dep("internal-crypto", req, "constraint", "0.3", "registry", "corp-registry"),
				dep("lazy_static", req, "constraint", "1"),
				{Name: "legacy-cli", Version: "0.9.2", Ecosystem: "cargo", PURL: "pkg:cargo/legacy-cli@0.9.2", Relationship: inventory.RelationshipRoot,
					DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT OR Apache-2.0", Raw: "MIT/Apache-2.0"},
					Dependencies: []string{
						"pkg:cargo/clap", "pkg:cargo/hyper", "pkg:cargo/internal-crypto", "pkg:cargo/lazy_static",
						"pkg:cargo/libc", "pkg:cargo/log@0.4.8", "pkg:cargo/nix", "pkg:cargo/openssl", "pkg:cargo/pkg-config",
						"pkg:cargo/serde", "pkg:cargo/tempdir", "pkg:cargo/winapi",
					},
					Properties: []inventory.Property{
						{Name: "homepage", Value: "https://legacy-cli.example.com/"},
						{Name: "repository", Value: "git@github.com:jdoe/legacy-cli.git"},
					}},
				dep("libc", req, "constraint", "0.2", "target", "cfg(unix)"),
				{Name: "log", Version: "0.4.8", Ecosystem: "cargo", PURL: "pkg:cargo/log@0.4.8", Relationship: inventory.RelationshipDirect, Scope: req,
					Properties: []inventory.Property{{Name: "constraint", Value: "=0.4.8"}}},
				dep("nix", dev, "constraint", "0.26", "target", "cfg(unix)"),
				dep("openssl", req, "git", "https://github.com/sfackler/rust-openssl", "rev", "a1b2c3d"),
				dep("pkg-config", dev, "constraint", "0.3", "kind", "build"),
				dep("serde", opt, "constraint", "1.0"),
				dep("tempdir", dev, "constraint", "0.3"),
				dep("winapi", req, "constraint", "0.3", "target", "x86_64-pc-windows-msvc"),
			},
		},
		{
			// Rewritten by cargo package / cargo vendor: the crate alone,
			// with its directory.
			file: "vendor/itoa/Cargo.toml",
			want: []inventory.Package{
				{Name: "itoa", Version: "1.0.14", Ecosystem: "cargo", PURL: "pkg:cargo/itoa@1.0.14", Directory: "vendor/itoa",
					DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT OR Apache-2.0", Raw: "MIT OR Apache-2.0"},
					Properties:      []inventory.Property{{Name: "repository", Value: "https://github.com/dtolnay/itoa"}}},
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	const req = inventory.ScopeRequired
	root := func(name, version string, deps ...string) inventory.Package {
		p := inventory.Package{Name: name, Version: version, Ecosystem: "cargo", PURL: "pkg:cargo/" + name, Relationship: inventory.RelationshipRoot, Dependencies: deps}
		if version != "" {
			p.PURL += "@" + version
		}
		return p
	}
	for _, tc := range []struct {
		name, path, content string
		files               map[string]string
		want                []inventory.Package
	}{
		{
			// The workspace root is not in the tree: inherited fields
			// are unknown.
			name: "workspace_not_in_tree",
			path: "member/Cargo.toml",
			content: `[package]
name = "member"
version.workspace = true
license = { workspace = true }

[dependencies]
serde = { workspace = true, features = ["derive"], optional = true }
`,
			want: []inventory.Package{
				root("member", "", "pkg:cargo/serde"),
				dep("serde", inventory.ScopeOptional, "workspace", "true"),
			},
		},
		{
			// package.workspace names the root explicitly, past a nearer
			// workspace.
			name: "explicit_workspace",
			path: "a/b/Cargo.toml",
			content: `[package]
name = "b"
version = { workspace = true }
workspace = "../../ws"

[dependencies]
log.workspace = true
`,
			files: map[string]string{
				"a/Cargo.toml":  "[workspace]\n[workspace.package]\nversion = \"9.9.9\"\n",
				"ws/Cargo.toml": "[workspace]\nmembers = [\"../a/b\"]\n[workspace.package]\nversion = \"2.0.0\"\n[workspace.dependencies]\nlog = \"0.4\"\n",
			},
			want: []inventory.Package{
				root("b", "2.0.0", "pkg:cargo/log"),
				dep("log", req, "constraint", "0.4"),
			},
		},
		{
			// A root package that is also the workspace root inherits
			// from itself; the same crate in two tables is one package.
			name: "root_package_and_workspace",
			path: "Cargo.toml",
			content: `[package]
name = "top"
version.workspace = true

[workspace]
members = ["crates/*"]

[workspace.package]
version = "1.2.3"

[workspace.dependencies]
rand = { version = "0.8", default-features = false }

[dependencies]
rand.workspace = true

[dev-dependencies]
rand = { workspace = true, features = ["std"] }
`,
			want: []inventory.Package{
				dep("rand", req, "constraint", "0.8"),
				root("top", "1.2.3", "pkg:cargo/rand"),
			},
		},
		{
			// A generated manifest at the scan root is the project.
			name:    "generated_at_root",
			path:    "Cargo.toml",
			content: generatedHeader + "\n[package]\nname = \"x\"\nversion = \"1.0.0\"\n\n[dependencies.y]\nversion = \"1\"\n",
			want: []inventory.Package{
				root("x", "1.0.0", "pkg:cargo/y"),
				dep("y", req, "constraint", "1"),
			},
		},
		{
			// Cargo before 1.0 read [project].
			name:    "project_table",
			path:    "Cargo.toml",
			content: "[project]\nname = \"old\"\nversion = \"0.0.1\"\n",
			want:    []inventory.Package{root("old", "0.0.1")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, tc.path, []byte(tc.content), tc.files, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	top := inventory.Package{Name: "top", Version: "1.0.0", Ecosystem: "cargo", PURL: "pkg:cargo/top@1.0.0", Relationship: inventory.RelationshipRoot,
		Dependencies: []string{"pkg:cargo/good"}}
	good := dep("good", inventory.ScopeRequired, "constraint", "1")
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package // partial results
	}{
		{name: "truncated", content: "[package]\nname = \"top\"\nversion = \"1.0"},
		{name: "not_toml", content: "<project/>"},
		{name: "deep", content: "x = " + strings.Repeat("{a=", 5000) + "1" + strings.Repeat("}", 5000)},
		{name: "long_key", content: strings.Repeat("a.", 5000) + "b = 1"},
		{name: "no_name", content: "[package]\nversion = \"1.0.0\"\n"},
		{name: "name_not_string", content: "[package]\nname = 1\n"},
		{
			name: "bad_dependencies",
			content: `[package]
name = "top"
version = "1.0.0"

[dependencies]
good = "1"
num = 1
bad-version = { version = 1 }
bad-optional = { version = "1", optional = "yes" }
not-in-workspace = { workspace = true }

[dev-dependencies]
listed = ["x"]

[workspace]

build-dependencies = "x"
`,
			want: []inventory.Package{good, top},
		},
		{
			name:    "dependencies_not_table",
			content: "dependencies = 3\n[package]\nname = \"top\"\nversion = \"1.0.0\"\n[target.'cfg(unix)']\ndependencies = { good = \"1\" }\n",
			want:    []inventory.Package{dep("good", inventory.ScopeRequired, "constraint", "1", "target", "cfg(unix)"), top},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "Cargo.toml", []byte(tc.content), nil)
			extractortest.WantParseError(t, err, "Cargo.toml")
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%s) partial results diff (-want +got):\n%s", tc.name, d)
			}
		})
	}
}
