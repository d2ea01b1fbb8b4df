package gemfilelock

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"Gemfile.lock":          true,
		"gems.locked":           true,
		"app/Gemfile.lock":      true,
		"Gemfile":               false,
		"gems.rb":               false,
		"Gemfile.lock.bak":      false,
		"MyGemfile.lock":        false,
		"gemfile.lock":          false,
		"Gemfile.lock/x":        false,
		"app/oldgems.locked":    false,
		"app/Gemfile.lock.orig": false,
		"vendor/bundle/ruby/3.3.0/gems/rake-13.2.1/Gemfile.lock":                false, // an installed gem's
		"vendor/bundle/ruby/3.3.0/bundler/gems/rails-8b5b2d2e6c1a/Gemfile.lock": false,
		"vendor/bundle/ruby/3.3.0/gems/x/test/fixtures/Gemfile.lock":            false,
		"ruby/gems/app/Gemfile.lock":                                            true,
		"vendor/bundle/ruby/3.3.0/Gemfile.lock":                                 true,
	})
}

const rubygems = "https://rubygems.org/"

// gem is a gem from rubygems.org; platform may be "".
func gem(name, version, platform, rel string, deps ...string) inventory.Package {
	p := inventory.Package{
		Name: name, Version: version, Ecosystem: "gem",
		PURL:         "pkg:gem/" + name + "@" + version,
		Relationship: rel,
		Dependencies: deps,
		Properties:   []inventory.Property{{Name: "remote", Value: rubygems}, {Name: "source_type", Value: "gem"}},
	}
	if platform != "" {
		p.PURL += "?platform=" + platform
		p.Properties = []inventory.Property{{Name: "platform", Value: platform}, p.Properties[0], p.Properties[1]}
	}
	return p
}

// withSum adds the checksum the gem fixture gives a gem: the SHA-256 of
// its "name (version)".
func withSum(p inventory.Package, id string) inventory.Package {
	sum := sha256.Sum256([]byte(id))
	p.Hashes = []inventory.Hash{{Algorithm: "SHA-256", Value: hex.EncodeToString(sum[:])}}
	return p
}

func TestExtract(t *testing.T) {
	const direct, trans = inventory.RelationshipDirect, inventory.RelationshipTransitive
	for _, tc := range []struct {
		file string
		want []inventory.Package
	}{
		{
			// An application: GIT sources with a tag and a branch, a
			// PATH engine, platform builds of nokogiri, Bundler 2.4 (no
			// checksums).
			file: "app/Gemfile.lock",
			want: []inventory.Package{
				gem("bigdecimal", "3.1.4", "", trans),
				{Name: "billing", Version: "0.1.0", Ecosystem: "gem", PURL: "pkg:gem/billing@0.1.0", Relationship: direct,
					Directory:    "app/engines/billing",
					Dependencies: []string{"pkg:gem/money-utils@2.0.1", "pkg:gem/sequel@5.75.0"},
					Properties:   []inventory.Property{{Name: "remote", Value: "engines/billing"}, {Name: "source_type", Value: "path"}}},
				gem("concurrent-ruby", "1.2.2", "", trans),
				gem("connection_pool", "2.4.1", "", trans),
				gem("diff-lcs", "1.5.0", "", trans),
				{Name: "money-utils", Version: "2.0.1", Ecosystem: "gem", PURL: "pkg:gem/money-utils@2.0.1", Relationship: direct,
					Dependencies: []string{"pkg:gem/bigdecimal@3.1.4"},
					Properties: []inventory.Property{
						{Name: "remote", Value: "https://github.com/example-org/money-utils.git"},
						{Name: "revision", Value: "9f1c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6"},
						{Name: "source_type", Value: "git"},
						{Name: "tag", Value: "v2.0.1"},
					}},
				gem("mustermann", "3.0.0", "", trans, "pkg:gem/ruby2_keywords@0.0.5"),
				gem("nio4r", "2.6.1", "", trans),
				gem("nokogiri", "1.15.5", "arm64-darwin", direct, "pkg:gem/racc@1.7.3"),
				gem("nokogiri", "1.15.5", "x86_64-linux", direct, "pkg:gem/racc@1.7.3"),
				gem("pg", "1.5.4", "", direct),
				gem("puma", "6.4.0", "", direct, "pkg:gem/nio4r@2.6.1"),
				gem("racc", "1.7.3", "", trans),
				gem("rack-protection", "3.1.0", "", trans, "pkg:gem/rack@2.2.8"),
				gem("rack-test", "2.1.0", "", direct, "pkg:gem/rack@2.2.8"),
				gem("rack", "2.2.8", "", trans),
				gem("redis-client", "0.18.0", "", trans, "pkg:gem/connection_pool@2.4.1"),
				gem("rspec-core", "3.12.2", "", trans, "pkg:gem/rspec-support@3.12.1"),
				gem("rspec-expectations", "3.12.3", "", trans, "pkg:gem/diff-lcs@1.5.0", "pkg:gem/rspec-support@3.12.1"),
				gem("rspec-mocks", "3.12.6", "", trans, "pkg:gem/diff-lcs@1.5.0", "pkg:gem/rspec-support@3.12.1"),
				gem("rspec-support", "3.12.1", "", trans),
				gem("rspec", "3.12.0", "", direct, "pkg:gem/rspec-core@3.12.2", "pkg:gem/rspec-expectations@3.12.3", "pkg:gem/rspec-mocks@3.12.6"),
				gem("ruby2_keywords", "0.0.5", "", trans),
				gem("sequel", "5.75.0", "", direct, "pkg:gem/bigdecimal@3.1.4"),
				{Name: "sidekiq", Version: "7.2.0", Ecosystem: "gem", PURL: "pkg:gem/sidekiq@7.2.0", Relationship: direct,
					Dependencies: []string{"pkg:gem/concurrent-ruby@1.2.2", "pkg:gem/connection_pool@2.4.1", "pkg:gem/rack@2.2.8", "pkg:gem/redis-client@0.18.0"},
					Properties: []inventory.Property{
						{Name: "branch", Value: "7-x"},
						{Name: "remote", Value: "https://github.com/sidekiq/sidekiq.git"},
						{Name: "revision", Value: "2f9f5a0d9c4e1b7a3c8d6e5f4a3b2c1d0e9f8a7b"},
						{Name: "source_type", Value: "git"},
					}},
				gem("sinatra", "3.1.0", "", direct, "pkg:gem/mustermann@3.0.0", "pkg:gem/rack-protection@3.1.0", "pkg:gem/rack@2.2.8", "pkg:gem/tilt@2.3.0"),
				gem("tilt", "2.3.0", "", trans),
			},
		},
		{
			// A gem's own project (gemspec: PATH at "."), Bundler 2.6
			// with CHECKSUMS, java builds.
			file: "gem/Gemfile.lock",
			want: []inventory.Package{
				withSum(gem("ast", "2.4.2", "", trans), "ast (2.4.2)"),
				withSum(gem("json", "2.9.1", "", direct), "json (2.9.1)"),
				withSum(gem("json", "2.9.1", "java", direct), "json (2.9.1-java)"),
				withSum(gem("minitest", "5.25.4", "", direct), "minitest (5.25.4)"),
				withSum(gem("parser", "3.3.6.0", "", direct, "pkg:gem/ast@2.4.2", "pkg:gem/racc@1.8.1", "pkg:gem/racc@1.8.1?platform=java"), "parser (3.3.6.0)"),
				withSum(gem("racc", "1.8.1", "", trans), "racc (1.8.1)"),
				withSum(gem("racc", "1.8.1", "java", trans), "racc (1.8.1-java)"),
				withSum(gem("rake", "13.2.1", "", direct), "rake (13.2.1)"),
				{Name: "tiny_http", Version: "0.3.0", Ecosystem: "gem", PURL: "pkg:gem/tiny_http@0.3.0", Relationship: inventory.RelationshipRoot,
					Dependencies: []string{"pkg:gem/json@2.9.1", "pkg:gem/json@2.9.1?platform=java"},
					Properties:   []inventory.Property{{Name: "remote", Value: "."}, {Name: "source_type", Value: "path"}}},
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, path, content string
		want                []inventory.Package
	}{
		{name: "empty", path: "Gemfile.lock"},
		{
			// Windows line endings; several remotes of an old GEM
			// section; a plugin source; PATH sources above the project
			// or outside the tree have no directory; unknown sections
			// are skipped.
			name: "crlf_remotes_plugin_paths",
			path: "app/gems.locked",
			content: strings.ReplaceAll(`GEM
  remote: https://rubygems.org/
  remote: https://gems.example.com/
  specs:
    rake (13.0.6)

PATH
  remote: ..
  specs:
    parent (1.0.0)

PATH
  remote: ../../outside
  specs:
    outside (1.0.0)

PLUGIN SOURCE
  remote: https://hg.example.com/repo
  type: mercurial
  revision: abc123
  specs:
    hgem (0.1.0)

FUTURE SECTION
  something: else
    odd (1.0)

DEPENDENCIES
  hgem!
  rake
`, "\n", "\r\n"),
			want: []inventory.Package{
				{Name: "hgem", Version: "0.1.0", Ecosystem: "gem", PURL: "pkg:gem/hgem@0.1.0", Relationship: inventory.RelationshipDirect,
					Properties: []inventory.Property{{Name: "remote", Value: "https://hg.example.com/repo"}, {Name: "revision", Value: "abc123"}, {Name: "source_type", Value: "plugin"}}},
				{Name: "outside", Version: "1.0.0", Ecosystem: "gem", PURL: "pkg:gem/outside@1.0.0", Relationship: inventory.RelationshipTransitive,
					Properties: []inventory.Property{{Name: "remote", Value: "../../outside"}, {Name: "source_type", Value: "path"}}},
				{Name: "parent", Version: "1.0.0", Ecosystem: "gem", PURL: "pkg:gem/parent@1.0.0", Relationship: inventory.RelationshipTransitive,
					Properties: []inventory.Property{{Name: "remote", Value: ".."}, {Name: "source_type", Value: "path"}}},
				{Name: "rake", Version: "13.0.6", Ecosystem: "gem", PURL: "pkg:gem/rake@13.0.6", Relationship: inventory.RelationshipDirect,
					Properties: []inventory.Property{{Name: "remote", Value: "https://gems.example.com/"}, {Name: "remote", Value: rubygems}, {Name: "source_type", Value: "gem"}}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, tc.path, []byte(tc.content), nil, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	rake := gem("rake", "13.0.6", "", inventory.RelationshipDirect)
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package // partial results
	}{
		{
			name:    "conflict_markers",
			content: "GEM\n  remote: https://rubygems.org/\n  specs:\n<<<<<<< HEAD\n    rake (13.0.6)\n=======\n    rake (13.1.0)\n>>>>>>> main\n",
			want: []inventory.Package{
				gem("rake", "13.0.6", "", inventory.RelationshipTransitive),
				gem("rake", "13.1.0", "", inventory.RelationshipTransitive),
			},
		},
		{
			name:    "bad_lines",
			content: "GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.0.6\n    (1.0)\n    nover ()\n    rake (13.0.6)\n      dep (\n   odd\n\nDEPENDENCIES\n  rake\n  bad (x\n",
			want:    []inventory.Package{rake},
		},
		{
			name:    "long_line",
			content: "GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.0.6)\n\nDEPENDENCIES\n  rake\n" + strings.Repeat("x", maxLine+1),
			want:    []inventory.Package{rake},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "Gemfile.lock", []byte(tc.content), nil)
			extractortest.WantParseError(t, err, "Gemfile.lock")
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%s) partial results diff (-want +got):\n%s", tc.name, d)
			}
		})
	}
}
