package cargolock

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"Cargo.lock":                true,
		"crates/app/Cargo.lock":     true,
		"Cargo.lock.bak":            false,
		"Cargo.lock.orig":           false,
		"MyCargo.lock":              false,
		"cargo.lock":                false,
		"Cargo.toml":                false,
		"Cargo.lock/x":              false,
		"vendor/Cargo.lock":         true,
		"vendor/itoa/Cargo.lock":    false, // cargo vendor's copy of a crate
		"app/vendor/x/y/Cargo.lock": false,
		".cargo/registry/src/index.crates.io-6f17d22bba15001f/ripgrep-14.1.0/Cargo.lock": false,
		"ci/.cargo/git/checkouts/x-1/abc/Cargo.lock":                                     false,
		".cargo/Cargo.lock":     true,
		"myvendor/x/Cargo.lock": true,
	})
}

const cratesIO = "registry+https://github.com/rust-lang/crates.io-index"

// crate is a package from crates.io as the fixtures lock it.
func crate(name, version, sum, rel string, deps ...string) inventory.Package {
	return inventory.Package{
		Name: name, Version: version, Ecosystem: "cargo",
		PURL:         "pkg:cargo/" + name + "@" + version,
		Relationship: rel,
		Dependencies: deps,
		Hashes:       []inventory.Hash{{Algorithm: "SHA-256", Value: sum}},
		Properties:   []inventory.Property{{Name: "source", Value: cratesIO}},
	}
}

// fixtureWant is what every fixture locks: the same workspace, written
// by each version of the format; only the git source is spelt per
// version.
func fixtureWant(gitSource string) []inventory.Package {
	const direct, trans = inventory.RelationshipDirect, inventory.RelationshipTransitive
	return []inventory.Package{
		crate("aho-corasick", "1.1.3", "8e60d3430d3a69478ad0993f19238d2df97c507009a52b3c10addcd7f6bcb916", trans, "pkg:cargo/memchr@2.7.4"),
		{Name: "ansi-paint", Version: "0.3.0", Ecosystem: "cargo", PURL: "pkg:cargo/ansi-paint@0.3.0", Relationship: direct,
			Dependencies: []string{"pkg:cargo/itoa@1.0.14"},
			Properties:   []inventory.Property{{Name: "source", Value: gitSource}}},
		crate("anyhow", "1.0.102", "7f202df86484c868dbad7eaa557ef785d5c66295e41b460ef922eca0723b842c", direct),
		crate("fastrand", "2.3.0", "37909eebbb50d72f9059c3b6d82c0463f2ff062c9e95845c43a6c9c0355411be", direct),
		crate("glob", "0.3.3", "0cc23270f6e1808e30a928bdc84dea0b9b4136a8bc82338574f23baf47bbd280", direct),
		crate("itoa", "1.0.14", "d75a2a4b1b190afb6f5425f10f6a8f959d2ea0b9c2b1d79553551850539e4674", direct),
		crate("libc", "0.2.169", "b5aba8db14291edd000dfcc4d620c7ebfb122c613afb886ca8803fa4e128a20a", trans),
		crate("memchr", "1.0.2", "148fab2e51b4f1cfc66da2a7c32981d1d3c083a803978268bb11fe4b86925e7a", direct, "pkg:cargo/libc@0.2.169"),
		crate("memchr", "2.7.4", "78ca9ab1a0babb1e7d5695e3530886289c18cf2f87ec19a575a0abdce112e3a3", trans),
		crate("proc-macro2", "1.0.93", "60946a68e5f9d28b0dc1c21bb8a97ee7d018a8b322fa57838ba31cc878e22d99", trans, "pkg:cargo/unicode-ident@1.0.14"),
		crate("quote", "1.0.45", "41f2619966050689382d2b44f664f4bc593e129785a36d6ee376ddf37259b924", trans, "pkg:cargo/proc-macro2@1.0.93"),
		crate("regex-automata", "0.4.9", "809e8dc61f6de73b46c85f4c96486310fe304c434cfa43669d7b40f711150908", trans,
			"pkg:cargo/aho-corasick@1.1.3", "pkg:cargo/memchr@2.7.4", "pkg:cargo/regex-syntax@0.8.5"),
		crate("regex-syntax", "0.8.5", "2b15c43186be67a4fd63bee50d0303afffcef381492ebe2c5d87f324e1b8815c", trans),
		crate("regex", "1.11.1", "b544ef1b4eac5dc2db33ea63606ae9ffcfac26c1416a2806ae0bf5f56b201191", direct,
			"pkg:cargo/aho-corasick@1.1.3", "pkg:cargo/memchr@2.7.4", "pkg:cargo/regex-automata@0.4.9", "pkg:cargo/regex-syntax@0.8.5"),
		crate("serde", "1.0.228", "9a8e94ea7f378bd32cbbd37198a4a91436180c5bb472411e48b5ec2e2124ae9e", direct,
			"pkg:cargo/serde_core@1.0.228", "pkg:cargo/serde_derive@1.0.228"),
		crate("serde_core", "1.0.228", "41d385c7d4ca58e59fc732af25c3983b67ac852c1a25000afe1175de458b67ad", trans),
		crate("serde_derive", "1.0.228", "d540f220d3187173da220f885ab66608367b6574e925011a9353e4badda91d79", trans,
			"pkg:cargo/proc-macro2@1.0.93", "pkg:cargo/quote@1.0.45", "pkg:cargo/syn@2.0.117"),
		crate("serde_json", "1.0.149", "83fc039473c5595ace860d8c4fafa220ff474b3fc6bfdb4293327f1a37e94d86", direct,
			"pkg:cargo/itoa@1.0.14", "pkg:cargo/memchr@2.7.4", "pkg:cargo/serde_core@1.0.228", "pkg:cargo/zmij@1.0.18"),
		crate("syn", "2.0.117", "e665b8803e7b1d2a727f4023456bbbbe74da67099c585258af0ad9c5013b9b99", trans,
			"pkg:cargo/proc-macro2@1.0.93", "pkg:cargo/quote@1.0.45", "pkg:cargo/unicode-ident@1.0.14"),
		{Name: "textkit-util", Version: "0.4.0", Ecosystem: "cargo", PURL: "pkg:cargo/textkit-util@0.4.0", Relationship: inventory.RelationshipRoot,
			Dependencies: []string{"pkg:cargo/itoa@1.0.14", "pkg:cargo/memchr@1.0.2"}},
		{Name: "textkit", Version: "0.4.0", Ecosystem: "cargo", PURL: "pkg:cargo/textkit@0.4.0", Relationship: inventory.RelationshipRoot,
			Dependencies: []string{
				"pkg:cargo/ansi-paint@0.3.0", "pkg:cargo/anyhow@1.0.102", "pkg:cargo/fastrand@2.3.0", "pkg:cargo/glob@0.3.3",
				"pkg:cargo/regex@1.11.1", "pkg:cargo/serde@1.0.228", "pkg:cargo/serde_json@1.0.149", "pkg:cargo/textkit-util@0.4.0",
				"pkg:cargo/windows-sys@0.59.0",
			}},
		crate("unicode-ident", "1.0.14", "adb9e6ca4f869e1180728b7950e35922a7fc6397f7b641499e8f3ef06e50dc83", trans),
		crate("windows-sys", "0.59.0", "1e38bc4d79ed67fd075bcc251a1c39b32a1776bbe92e5bef1f0bf1f8c531853b", direct, "pkg:cargo/windows-targets@0.52.6"),
		crate("windows-targets", "0.52.6", "9b724f72796e036ab90c1021d4780d4d3d648aca59e491e6b98e725b84e99973", trans),
		crate("zmij", "1.0.18", "1966f8ac2c1f76987d69a74d0e0f929241c10e78136434e3be70ff7f58f64214", trans),
	}
}

func TestExtract(t *testing.T) {
	const git = "git+https://github.com/example-org/ansi-paint?branch=release/0.3#b108c7bd8d87d603a2a60f23c6e7ad71f7663d4a"
	for _, tc := range []struct {
		name string
		want []inventory.Package
	}{
		// v1: no version key, "name version (source)" dependencies,
		// checksums in [metadata].
		{name: "v1", want: fixtureWant(git)},
		// v2: no version key, checksums per package.
		{name: "v2", want: fixtureWant(git)},
		{name: "v3", want: fixtureWant(git)},
		// v4 percent-encodes the git branch.
		{name: "v4", want: fixtureWant(strings.Replace(git, "release/0.3", "release%2F0.3", 1))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.name+"/Cargo.lock", tc.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	const (
		root  = inventory.RelationshipRoot
		trans = inventory.RelationshipTransitive
	)
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package
	}{
		{
			name:    "empty",
			content: "# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n",
		},
		{
			// The oldest lock files describe the root crate in [root].
			name: "v1_root_table",
			content: `[root]
name = "old"
version = "0.1.0"
dependencies = [
 "libc 0.2.20 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "libc"
version = "0.2.20"
source = "registry+https://github.com/rust-lang/crates.io-index"

[metadata]
"checksum libc 0.2.20 (registry+https://github.com/rust-lang/crates.io-index)" = "<none>"
`,
			want: []inventory.Package{
				{Name: "libc", Version: "0.2.20", Ecosystem: "cargo", PURL: "pkg:cargo/libc@0.2.20", Relationship: inventory.RelationshipDirect,
					Properties: []inventory.Property{{Name: "source", Value: cratesIO}}},
				{Name: "old", Version: "0.1.0", Ecosystem: "cargo", PURL: "pkg:cargo/old@0.1.0", Relationship: root,
					Dependencies: []string{"pkg:cargo/libc@0.2.20"}},
			},
		},
		{
			// The same version of a crate from two sources: Cargo writes
			// the source to tell them apart. Both have the same purl
			// and are merged.
			name: "same_version_two_sources",
			content: `version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "foo 1.0.0 (git+https://github.com/x/foo#0123456789abcdef0123456789abcdef01234567)",
]

[[package]]
name = "bar"
version = "1.0.0"
source = "sparse+https://index.example.com/"
checksum = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
dependencies = [
 "foo 1.0.0 (sparse+https://index.example.com/)",
 "missing",
]

[[package]]
name = "foo"
version = "1.0.0"
source = "git+https://github.com/x/foo#0123456789abcdef0123456789abcdef01234567"

[[package]]
name = "foo"
version = "1.0.0"
source = "sparse+https://index.example.com/"
checksum = "not a checksum"
`,
			want: []inventory.Package{
				{Name: "app", Version: "0.1.0", Ecosystem: "cargo", PURL: "pkg:cargo/app@0.1.0", Relationship: root,
					Dependencies: []string{"pkg:cargo/foo@1.0.0"}},
				{Name: "bar", Version: "1.0.0", Ecosystem: "cargo", PURL: "pkg:cargo/bar@1.0.0", Relationship: trans,
					Dependencies: []string{"pkg:cargo/foo@1.0.0"},
					Hashes:       []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("a", 64)}},
					Properties:   []inventory.Property{{Name: "source", Value: "sparse+https://index.example.com/"}}},
				{Name: "foo", Version: "1.0.0", Ecosystem: "cargo", PURL: "pkg:cargo/foo@1.0.0", Relationship: inventory.RelationshipDirect,
					Properties: []inventory.Property{
						{Name: "source", Value: "git+https://github.com/x/foo#0123456789abcdef0123456789abcdef01234567"},
						{Name: "source", Value: "sparse+https://index.example.com/"},
					}},
			},
		},
		{
			// Quoted brackets and dots do not count as nesting.
			name: "strings_not_nesting",
			content: "version = 4\n# [[[[ ....\n[[package]]\nname = \"x\"\nversion = \"1.0.0\"\nsource = \"" + strings.Repeat("[{.", 100) + "\"\n" +
				"checksum = '''\n" + strings.Repeat("[", 100) + "'''\n",
			want: []inventory.Package{
				{Name: "x", Version: "1.0.0", Ecosystem: "cargo", PURL: "pkg:cargo/x@1.0.0", Relationship: trans,
					Properties: []inventory.Property{{Name: "source", Value: strings.Repeat("[{.", 100)}}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "Cargo.lock", []byte(tc.content), nil, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	good := inventory.Package{Name: "ok", Version: "1.0.0", Ecosystem: "cargo", PURL: "pkg:cargo/ok@1.0.0", Relationship: inventory.RelationshipRoot}
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package // partial results
	}{
		{name: "truncated", content: "version = 3\n\n[[package]]\nname = \"ok\"\nversion = \"1.0"},
		{name: "not_toml", content: "{\"version\": 3}"},
		{name: "package_not_array", content: "package = \"x\"\n"},
		{name: "nested_arrays", content: "x = " + strings.Repeat("[", 100) + strings.Repeat("]", 100)},
		{name: "nested_inline_tables", content: "x = " + strings.Repeat("{a=", 5000) + "1" + strings.Repeat("}", 5000)},
		{name: "long_dotted_key", content: strings.Repeat("a.", 5000) + "b = 1"},
		{
			name:    "bad_entries",
			content: "[[package]]\nname = \"ok\"\nversion = \"1.0.0\"\n\n[[package]]\nname = 1\nversion = \"1\"\n\n[[package]]\nname = \"noversion\"\n\n[[package]]\nname = \"x\"\nversion = \"1\"\ndependencies = [1]\n\n[[package]]\nname = \"y\"\nversion = \"1\"\ndependencies = \"z\"\n\n[[package]]\nname = \"z\"\nversion = \"1\"\nsource = true\n",
			want:    []inventory.Package{good},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "Cargo.lock", []byte(tc.content), nil)
			extractortest.WantParseError(t, err, "Cargo.lock")
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%s) partial results diff (-want +got):\n%s", tc.name, d)
			}
		})
	}
}
