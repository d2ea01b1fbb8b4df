package composerlock

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"composer.lock":                       true,
		"app/composer.lock":                   true,
		"composer.lock.bak":                   false,
		"mycomposer.lock":                     false,
		"composer.json":                       false,
		"Composer.lock":                       false,
		"composer.lock/x":                     false,
		"vendor/acme/x/composer.lock":         false, // an installed package's
		"app/vendor/acme/x/sub/composer.lock": false,
		"vendor/composer.lock":                true,
		"vendor/acme/composer.lock":           true,
		"packages/vendor-x/composer.lock":     true,
	})
}

// homepages are the "homepage" fields of the fixtures' packages.
var homepages = map[string]string{
	"symfony/polyfill-ctype":    "https://symfony.com",
	"symfony/yaml":              "https://symfony.com",
	"monolog/monolog":           "https://github.com/Seldaek/monolog",
	"nette/utils":               "https://nette.org",
	"phpseclib/phpseclib":       "http://phpseclib.sourceforge.net",
	"psr/log":                   "https://github.com/php-fig/log",
	"mockery/mockery":           "https://github.com/mockery/mockery",
	"nette/tester":              "https://tester.nette.org",
	"squizlabs/php_codesniffer": "https://github.com/PHPCSStandards/PHP_CodeSniffer",
}

// packagist is a package as Packagist locks it: from GitHub, with no
// shasum, installed in dir/vendor/<name>, with its homepage from
// homepages.
func packagist(dir, name, version, scope, rel, license, repo, ref string, deps ...string) inventory.Package {
	p := inventory.Package{
		Name: name, Version: version, Ecosystem: "composer",
		PURL:            "pkg:composer/" + name + "@" + version,
		Relationship:    rel,
		Scope:           scope,
		Directory:       dir + "/vendor/" + name,
		DeclaredLicense: &inventory.DeclaredLicense{Expression: license, Raw: license},
		Dependencies:    deps,
		Properties: []inventory.Property{
			{Name: "repository", Value: "https://github.com/" + repo + ".git"},
			{Name: "resolved", Value: "https://api.github.com/repos/" + repo + "/zipball/" + ref},
			{Name: "source_reference", Value: ref},
			{Name: "source_url", Value: "https://github.com/" + repo + ".git"},
		},
	}
	if h := homepages[name]; h != "" {
		p.Properties = append([]inventory.Property{{Name: "homepage", Value: h}}, p.Properties...)
	}
	return p
}

func TestExtract(t *testing.T) {
	const (
		req, dev       = inventory.ScopeRequired, inventory.ScopeDev
		direct, trans  = inventory.RelationshipDirect, inventory.RelationshipTransitive
		nette          = "BSD-3-Clause OR GPL-2.0-only OR GPL-3.0-only"
		proprietaryRef = "LicenseRef-heng-proprietary"
	)
	proprietary := &inventory.DeclaredLicense{Expression: proprietaryRef, Raw: "proprietary"}
	phpmailer := packagist("legacy", "phpmailer/phpmailer", "v5.2.28", req, "", "", "PHPMailer/PHPMailer", "acba50393dd03da69a50226c139722af8b153b11")
	phpmailer.DeclaredLicense = &inventory.DeclaredLicense{Expression: "LGPL-2.1-only", Raw: "LGPL-2.1"}
	for _, tc := range []struct {
		file string
		want []inventory.Package
	}{
		{
			// Composer 2 with composer.json beside it: direct and
			// transitive, production and development packages, a path
			// repository, a private repository with a shasum, a
			// provided virtual package, triple-licensed packages.
			file: "shop/composer.lock",
			want: []inventory.Package{
				{Name: "acme/billing", Version: "dev-main", Ecosystem: "composer", PURL: "pkg:composer/acme/billing@dev-main",
					Relationship: direct, Scope: req, Directory: "shop/packages/billing", DeclaredLicense: proprietary,
					Dependencies: []string{"pkg:composer/monolog/monolog@3.5.0"}, // psr/log-implementation
					Properties:   []inventory.Property{{Name: "path", Value: "packages/billing"}}},
				{Name: "acme/legacy-sdk", Version: "2.1.0", Ecosystem: "composer", PURL: "pkg:composer/acme/legacy-sdk@2.1.0",
					Relationship: direct, Scope: req, Directory: "shop/vendor/acme/legacy-sdk", DeclaredLicense: proprietary,
					Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "5b2cf0a1bd7e0a9fbd3e1c7e2f4c8a96d3b0e7f1"}},
					Properties: []inventory.Property{{Name: "resolved", Value: "https://repo.acme.example/dist/acme/legacy-sdk/acme-legacy-sdk-2.1.0.zip"}}},
				{Name: "acme/shop", Ecosystem: "composer", PURL: "pkg:composer/acme/shop", Relationship: inventory.RelationshipRoot, DeclaredLicense: proprietary,
					Dependencies: []string{
						"pkg:composer/acme/billing@dev-main", "pkg:composer/acme/legacy-sdk@2.1.0", "pkg:composer/mockery/mockery@1.6.7",
						"pkg:composer/monolog/monolog@3.5.0", "pkg:composer/nette/tester@v2.5.1", "pkg:composer/nette/utils@v4.0.3",
						"pkg:composer/phpseclib/phpseclib@3.0.34", "pkg:composer/squizlabs/php_codesniffer@3.8.0",
					}},
				packagist("shop", "hamcrest/hamcrest-php", "v2.0.1", dev, trans, "BSD-3-Clause", "hamcrest/hamcrest-php", "8c3d0a3f6af734494ad8f6fbbee0ba92422859f3"),
				packagist("shop", "mockery/mockery", "1.6.7", dev, direct, "BSD-3-Clause", "mockery/mockery", "0cc058854b3195ba21dc6b1f7b1f60f4ef3a9c06",
					"pkg:composer/hamcrest/hamcrest-php@v2.0.1"),
				packagist("shop", "monolog/monolog", "3.5.0", req, direct, "MIT", "Seldaek/monolog", "c915e2634718dbc8a4a15c61b0e62e7a44e14448",
					"pkg:composer/psr/log@3.0.0"),
				packagist("shop", "nette/tester", "v2.5.1", dev, direct, nette, "nette/tester", "328d7b64579cdbc82e0e01d92ea9c58b9cf0a327"),
				packagist("shop", "nette/utils", "v4.0.3", req, direct, nette, "nette/utils", "a9d127dd6a203ce6d255b2e2db49759f7506e015"),
				packagist("shop", "paragonie/constant_time_encoding", "v2.6.3", req, trans, "MIT", "paragonie/constant_time_encoding", "58c3f47f650c94ec05a151692652a868995d2938"),
				packagist("shop", "paragonie/random_compat", "v9.99.100", req, trans, "MIT", "paragonie/random_compat", "996434e5492cb4c3edcb9168db6fbb1359ef965a"),
				packagist("shop", "phpseclib/phpseclib", "3.0.34", req, direct, "MIT", "phpseclib/phpseclib", "56c79f16a6ae17e42089c06a2144467acc35348a",
					"pkg:composer/paragonie/constant_time_encoding@v2.6.3", "pkg:composer/paragonie/random_compat@v9.99.100"),
				packagist("shop", "psr/log", "3.0.0", req, trans, "MIT", "php-fig/log", "fe5ea303b0887d5caefd3d431c3e61ad47037001"),
				packagist("shop", "squizlabs/php_codesniffer", "3.8.0", dev, direct, "BSD-3-Clause", "PHPCSStandards/PHP_CodeSniffer", "5805f7a4e4958dbb5e944ef1e6edae0a303765e7"),
			},
		},
		{
			// Composer 1, no composer.json: relationships unknown.
			file: "legacy/composer.lock",
			want: []inventory.Package{
				phpmailer,
				packagist("legacy", "symfony/polyfill-ctype", "v1.19.0", req, "", "MIT", "symfony/polyfill-ctype", "aed596913b70fae57be53d86faa2e9ef85a2297b"),
				packagist("legacy", "symfony/yaml", "v2.8.52", req, "", "MIT", "symfony/yaml", "02c1859112aa779d9ab394ae4f3381911d84052b",
					"pkg:composer/symfony/polyfill-ctype@v1.19.0"),
				packagist("legacy", "wikimedia/less.php", "dev-master", req, "", "Apache-2.0", "wikimedia/less.php", "a486d78b9bd16b72f237fc6093aa56d69ce8bd13"),
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
	pkg := func(name, version, dir string, props ...string) inventory.Package {
		p := inventory.Package{Name: name, Version: version, Ecosystem: "composer", PURL: "pkg:composer/" + name + "@" + version, Scope: req, Directory: dir}
		for i := 0; i+1 < len(props); i += 2 {
			p.Properties = append(p.Properties, inventory.Property{Name: props[i], Value: props[i+1]})
		}
		return p
	}
	for _, tc := range []struct {
		name, lock string
		files      map[string]string
		want       []inventory.Package
	}{
		{
			// A vendor directory configured in composer.json; a
			// metapackage has none; a package that replaces another
			// satisfies requirements of the replaced name; PHP's empty
			// array for an empty object.
			name: "vendor_dir_metapackage_replace",
			lock: `{"packages": [
				{"name": "a/meta", "version": "1.0.0", "type": "metapackage", "require": {"b/real": "^1", "php": ">=8"}},
				{"name": "b/real", "version": "1.1.0", "replace": {"b/old": "self.version"}, "require": []},
				{"name": "c/user", "version": "2.0.0", "type": "library", "require": {"B/Old": "^1", "x/not-locked": "^1"}}
			], "packages-dev": null}`,
			files: map[string]string{"composer.json": `{"require": {"a/meta": "^1"}, "config": {"vendor-dir": "lib/vendor/"}}`},
			want: []inventory.Package{
				func() inventory.Package {
					p := pkg("a/meta", "1.0.0", "", "type", "metapackage")
					p.Relationship = inventory.RelationshipDirect
					p.Dependencies = []string{"pkg:composer/b/real@1.1.0"}
					return p
				}(),
				func() inventory.Package {
					p := pkg("b/real", "1.1.0", "lib/vendor/b/real")
					p.Relationship = inventory.RelationshipTransitive
					return p
				}(),
				func() inventory.Package {
					p := pkg("c/user", "2.0.0", "lib/vendor/c/user")
					p.Relationship = inventory.RelationshipTransitive
					p.Dependencies = []string{"pkg:composer/b/real@1.1.0"}
					return p
				}(),
			},
		},
		{
			// A vendor directory and a path repository outside the tree:
			// no directories.
			name: "outside_tree",
			lock: `{"packages": [
				{"name": "a/x", "version": "1.0.0", "type": "library", "dist": {"type": "path", "url": "../shared/x"}},
				{"name": "a/y", "version": "1.0.0", "type": "library"}
			]}`,
			files: map[string]string{"composer.json": `{"config": {"vendor-dir": "/opt/php/vendor"}}`},
			want: []inventory.Package{
				func() inventory.Package {
					p := pkg("a/x", "1.0.0", "", "path", "../shared/x")
					p.Relationship = inventory.RelationshipTransitive
					return p
				}(),
				func() inventory.Package {
					p := pkg("a/y", "1.0.0", "")
					p.Relationship = inventory.RelationshipTransitive
					return p
				}(),
			},
		},
		{
			// Licenses: a string, expressions with spaces, duplicates. A
			// composer.json that does not parse is ignored.
			name: "licenses",
			lock: `{"packages": [
				{"name": "a/one", "version": "1", "type": "library", "license": "MIT"},
				{"name": "a/two", "version": "1", "type": "library", "license": ["LGPL-2.1-only or GPL-3.0-or-later", "MIT", "MIT"]},
				{"name": "a/none", "version": "1", "type": "library", "license": []}
			]}`,
			files: map[string]string{"composer.json": `{not json`},
			want: []inventory.Package{
				pkg("a/none", "1", "vendor/a/none"),
				func() inventory.Package {
					p := pkg("a/one", "1", "vendor/a/one")
					p.DeclaredLicense = &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"}
					return p
				}(),
				func() inventory.Package {
					p := pkg("a/two", "1", "vendor/a/two")
					p.DeclaredLicense = &inventory.DeclaredLicense{
						Expression: "LGPL-2.1-only OR GPL-3.0-or-later OR MIT",
						Raw:        "(LGPL-2.1-only or GPL-3.0-or-later) OR MIT",
					}
					return p
				}(),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "composer.lock", []byte(tc.lock), tc.files, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	good := inventory.Package{Name: "a/good", Version: "1.0.0", Ecosystem: "composer", PURL: "pkg:composer/a/good@1.0.0",
		Scope: inventory.ScopeRequired, Directory: "vendor/a/good"}
	const goodJSON = `{"name": "a/good", "version": "1.0.0", "type": "library"}`
	for _, tc := range []struct {
		name, lock string
		want       []inventory.Package // partial results
	}{
		{name: "empty", lock: ""},
		{name: "not_object", lock: `["packages"]`},
		{name: "truncated", lock: `{"_readme": ["x"], "packages": [` + goodJSON + `, {"name": "a/cut", "vers`, want: []inventory.Package{good}},
		{name: "truncated_between", lock: `{"packages": [` + goodJSON + `], "packages-dev": [`, want: []inventory.Package{good}},
		{name: "packages_not_array", lock: `{"packages": {"a": [1, {"b": 2}]}, "packages-dev": [` + goodJSON + `]}`,
			want: []inventory.Package{func() inventory.Package { p := good; p.Scope = inventory.ScopeDev; return p }()}},
		{name: "wrong_types", lock: `{"packages": [` + goodJSON + `,
			{"name": "a/badversion", "version": 1},
			{"name": "a/badrequire", "version": "1.0.0", "require": "x"},
			{"version": "1.0.0"},
			7]}`,
			want: []inventory.Package{{Name: "a/badrequire", Version: "1.0.0", Ecosystem: "composer", PURL: "pkg:composer/a/badrequire@1.0.0",
				Scope: inventory.ScopeRequired, Directory: "vendor/a/badrequire"}, good}},
		{name: "deep", lock: `{"x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "composer.lock", []byte(tc.lock), nil)
			if tc.name == "deep" {
				// encoding/json bounds nesting depth; either way, no
				// packages and no panic.
				if len(got) != 0 {
					t.Errorf("got %d packages", len(got))
				}
				return
			}
			extractortest.WantParseError(t, err, "composer.lock")
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%s) partial results diff (-want +got):\n%s", tc.name, d)
			}
		})
	}
}
