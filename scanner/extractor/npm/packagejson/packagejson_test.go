package packagejson

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	root   = inventory.RelationshipRoot
	direct = inventory.RelationshipDirect
	req    = inventory.ScopeRequired
	dev    = inventory.ScopeDev
	opt    = inventory.ScopeOptional
)

var props = extractortest.Props

func lic(expr, raw string) *inventory.DeclaredLicense {
	return &inventory.DeclaredLicense{Expression: expr, Raw: raw}
}

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"package.json":                          true,
		"web/package.json":                      true,
		"packages/util/package.json":            true,
		"src/node_modules_old/package.json":     true,
		"package.json.bak":                      false,
		"mypackage.json":                        false,
		"package-lock.json":                     false,
		"package.json/x":                        false,
		"node_modules/foo/package.json":         false,
		"a/node_modules/foo/package.json":       false,
		"node_modules/foo/lib/package.json":     false,
		"a/node_modules/@s/x/test/package.json": false,
	})
}

func TestExtract(t *testing.T) {
	npm := func(name, version, purl string, rel, scope string, p []inventory.Property) inventory.Package {
		return inventory.Package{Name: name, Version: version, Ecosystem: "npm", PURL: purl, Relationship: rel, Scope: scope, Properties: p}
	}
	tests := []struct {
		name string
		file string
		want []inventory.Package
	}{
		{
			name: "app",
			file: "app/package.json",
			want: []inventory.Package{
				npm("@demo/util", "", "pkg:npm/%40demo/util", direct, req, props("constraint", "^0.1.0")),
				npm("@types/ms", "0.7.34", "pkg:npm/%40types/ms@0.7.34", direct, dev, nil),
				npm("debug", "", "pkg:npm/debug", direct, req, props("constraint", "^2.6.9")),
				{Name: "demo-app", Version: "1.2.0", Ecosystem: "npm", PURL: "pkg:npm/demo-app@1.2.0", Relationship: root,
					DeclaredLicense: lic("MIT", "MIT"),
					Dependencies: []string{
						"pkg:npm/%40demo/util",
						"pkg:npm/%40types/ms@0.7.34",
						"pkg:npm/debug",
						"pkg:npm/fsevents",
						"pkg:npm/is-number",
						"pkg:npm/is-odd",
						"pkg:npm/ms@1.0.0",
						"pkg:npm/react",
					},
					Properties: props("homepage", "https://demo.example.com/#readme", "repository", "https://github.com/hengdev/demo-app")},
				npm("fsevents", "", "pkg:npm/fsevents", direct, opt, props("constraint", "^2.3.3")),
				npm("is-number", "", "pkg:npm/is-number", direct, dev, props("constraint", "^6.0.0")),
				npm("is-odd", "", "pkg:npm/is-odd", direct, opt, props("constraint", "^3.0.1")),
				// "ms": "^2.1.3" and "ms-one": "npm:ms@1.0.0" are two
				// packages, but the inventory folds a name known only by a
				// constraint into the resolved versions of that name.
				npm("ms", "1.0.0", "pkg:npm/ms@1.0.0", direct, req, props("alias", "ms-one", "constraint", "^2.1.3")),
				npm("react", "", "pkg:npm/react", direct, opt, props("constraint", "^18.2.0", "peer", "true")),
			},
		},
		{
			name: "workspace",
			file: "app/packages/util/package.json",
			want: []inventory.Package{
				{Name: "@demo/util", Version: "0.1.0", Ecosystem: "npm", PURL: "pkg:npm/%40demo/util@0.1.0", Relationship: root,
					DeclaredLicense: lic("Apache-2.0", "Apache-2.0"),
					Dependencies:    []string{"pkg:npm/ms"},
					Properties:      props("repository", "https://github.com/hengdev/demo-app.git")},
				npm("ms", "", "pkg:npm/ms", direct, req, props("constraint", "^2.0.0")),
			},
		},
		{
			name: "legacy_licenses",
			file: "legacy/package.json",
			want: []inventory.Package{
				{Name: "json-schema", Version: "0.2.3", Ecosystem: "npm", PURL: "pkg:npm/json-schema@0.2.3", Relationship: root,
					DeclaredLicense: lic("AFL-2.1 AND LicenseRef-heng-unknown-bsd", "AFLv2.1; BSD"),
					Dependencies:    []string{"pkg:npm/vows"},
					Properties:      props("repository", "http://github.com/kriszyp/json-schema")},
				npm("vows", "", "pkg:npm/vows", direct, dev, props("constraint", "*")),
			},
		},
		{
			name: "specs",
			file: "specs/package.json",
			want: []inventory.Package{
				{Name: "@acme/specs", Version: "3.0.0-rc.1", Ecosystem: "npm", PURL: "pkg:npm/%40acme/specs@3.0.0-rc.1", Relationship: root,
					DeclaredLicense: lic("MIT", "MIT"),
					Dependencies: []string{
						"pkg:npm/%40acme/tools",
						"pkg:npm/%40acme/wrap@2.0.0",
						"pkg:npm/chalk",
						"pkg:npm/colors",
						"pkg:npm/express",
						"pkg:npm/left-pad@1.3.0",
						"pkg:npm/linked",
						"pkg:npm/local-lib",
						"pkg:npm/lodash@4.17.21",
						"pkg:npm/my-fork",
						"pkg:npm/other-fork",
						"pkg:npm/string-width",
						"pkg:npm/tiny",
						"pkg:npm/typescript",
						"pkg:npm/uuid",
						"pkg:npm/zod",
					}},
				npm("@acme/tools", "", "pkg:npm/%40acme/tools", direct, dev, props("source", "workspace:^")),
				npm("@acme/wrap", "2.0.0", "pkg:npm/%40acme/wrap@2.0.0", direct, req, props("alias", "wrap")),
				npm("chalk", "", "pkg:npm/chalk", direct, opt, props("constraint", "^5.3.0")),
				npm("colors", "", "pkg:npm/colors", direct, req, props("constraint", "*")),
				npm("express", "", "pkg:npm/express", direct, req, props("constraint", "4.x")),
				npm("left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0", direct, req, nil),
				npm("linked", "", "pkg:npm/linked", direct, dev, props("source", "link:./vendor/linked")),
				npm("local-lib", "", "pkg:npm/local-lib", direct, dev, props("source", "file:../local-lib")),
				npm("lodash", "4.17.21", "pkg:npm/lodash@4.17.21", direct, req, nil),
				npm("my-fork", "", "pkg:npm/my-fork", direct, req, props("source", "github:acme/my-fork#v2.1.0")),
				npm("other-fork", "", "pkg:npm/other-fork", direct, req, props("source", "acme/other-fork")),
				npm("string-width", "", "pkg:npm/string-width", direct, req, props("alias", "string-width-cjs", "constraint", "^4.2.0")),
				npm("tiny", "", "pkg:npm/tiny", direct, req, props("source", "https://registry.example.com/tiny/-/tiny-1.0.0.tgz")),
				// dev "~5.4.0" and peer ">=4.7": one package, the wider scope.
				npm("typescript", "", "pkg:npm/typescript", direct, opt, props("constraint", ">=4.7", "constraint", "~5.4.0", "peer", "true")),
				npm("uuid", "", "pkg:npm/uuid", direct, req, props("source", "git+https://github.com/uuidjs/uuid.git#v9.0.1")),
				npm("zod", "", "pkg:npm/zod", direct, req, props("constraint", ">=3.22.0 <4")),
			},
		},
		{
			name: "no_name",
			file: "noname/package.json",
			want: []inventory.Package{
				npm("ms", "", "pkg:npm/ms", direct, req, props("constraint", "^2.1.3")),
				{Name: "noname", Ecosystem: "npm", PURL: "pkg:npm/noname", Relationship: root, Dependencies: []string{"pkg:npm/ms"}},
			},
		},
		{
			name: "folder_marker",
			file: "lib/esm/package.json",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tt.file, tt.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	ms := inventory.Package{Name: "ms", Ecosystem: "npm", PURL: "pkg:npm/ms", Relationship: direct, Scope: req, Properties: props("constraint", "^2.1.3")}
	tests := []struct {
		name    string
		path    string
		content string
		want    []inventory.Package
	}{
		{
			name:    "no_name_at_scan_root",
			path:    "package.json",
			content: `{"dependencies": {"ms": "^2.1.3"}}`,
			want:    []inventory.Package{ms},
		},
		{
			name:    "byte_order_mark",
			path:    "x/package.json",
			content: "\xef\xbb\xbf{\"name\": \"x\", \"version\": \"1.0.0\"}",
			want:    []inventory.Package{{Name: "x", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/x@1.0.0", Relationship: root}},
		},
		{
			name:    "version_only",
			path:    "x/package.json",
			content: `{"version": "1.0.0", "private": true}`,
			want:    nil,
		},
		{
			name:    "license_array_and_string",
			path:    "package.json",
			content: `{"name": "x", "license": ["MIT", {"type": "Apache-2.0"}], "licenses": ["ISC", 5, {"name": "BSD-2-Clause"}, [["x"]]]}`,
			want: []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root,
				DeclaredLicense: lic("MIT AND Apache-2.0 AND ISC AND BSD-2-Clause", "MIT; Apache-2.0; ISC; BSD-2-Clause")}},
		},
		{
			name:    "license_of_odd_types",
			path:    "package.json",
			content: `{"name": "x", "license": 12, "licenses": {"url": "https://x"}}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
		{
			name:    "links_shorthand",
			path:    "package.json",
			content: `{"name": "x", "homepage": "https://x.example/", "repository": "gitlab:group/x"}`,
			want: []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root,
				Properties: props("homepage", "https://x.example/", "repository", "https://gitlab.com/group/x")}},
		},
		{
			name:    "links_user_repo_and_ssh",
			path:    "package.json",
			content: `{"name": "x", "homepage": "git+https://github.com/u/x.git", "repository": {"type": "git", "url": "git+ssh://git@github.com/u/x.git"}}`,
			want: []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root,
				Properties: props("repository", "ssh://git@github.com/u/x.git")}},
		},
		{
			name:    "links_bad_values_ignored",
			path:    "package.json",
			content: `{"name": "x", "homepage": ["https://x.example/"], "repository": {"url": 5}}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
		{
			name:    "links_relative_ignored",
			path:    "package.json",
			content: `{"name": "x", "homepage": "./docs", "repository": "file:../x"}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
		{
			name:    "invalid_root_name",
			path:    "package.json",
			content: `{"name": "a/b/c", "dependencies": {"ms": "^2.1.3"}}`,
			want:    []inventory.Package{ms},
		},
		{
			name:    "null",
			path:    "package.json",
			content: `null`,
			want:    nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, tt.path, []byte(tt.content), nil, tt.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []inventory.Package // partial results
	}{
		{name: "truncated", content: `{"name": "x", "dependencies": {"ms": "^2`},
		{name: "not_json", content: `name: x`},
		{name: "empty", content: ``},
		{name: "array", content: `[]`},
		{
			name:    "dependencies_wrong_type",
			content: `{"name": "x", "version": "1.0.0", "dependencies": ["ms"], "devDependencies": {"ms": "^2.1.3"}}`,
			want: []inventory.Package{
				{Name: "ms", Ecosystem: "npm", PURL: "pkg:npm/ms", Relationship: direct, Scope: dev, Properties: props("constraint", "^2.1.3")},
				{Name: "x", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/x@1.0.0", Relationship: root, Dependencies: []string{"pkg:npm/ms"}},
			},
		},
		{
			name:    "version_wrong_type",
			content: `{"name": "x", "version": 1, "dependencies": {"ms": "^2.1.3", "debug": 2}}`,
			// The dependency with an unreadable spec is still declared.
			want: []inventory.Package{
				{Name: "debug", Ecosystem: "npm", PURL: "pkg:npm/debug", Relationship: direct, Scope: req, Properties: props("constraint", "*")},
				{Name: "ms", Ecosystem: "npm", PURL: "pkg:npm/ms", Relationship: direct, Scope: req, Properties: props("constraint", "^2.1.3")},
				{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root, Dependencies: []string{"pkg:npm/debug", "pkg:npm/ms"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "p/package.json", []byte(tt.content), nil)
			extractortest.WantParseError(t, err, "p/package.json")
			if d := extractortest.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%q) diff (-want +got):\n%s", tt.content, d)
			}
		})
	}
}

func TestReadSpec(t *testing.T) {
	tests := []struct {
		name, spec string
		want       Dep
	}{
		{"a", "1.2.3", Dep{Name: "a", Version: "1.2.3"}},
		{"a", " =v1.2.3-beta.1+b5 ", Dep{Name: "a", Version: "1.2.3-beta.1+b5"}},
		{"a", "1.2", Dep{Name: "a", Constraint: "1.2"}},
		{"a", "1.2.3 - 2.0.0", Dep{Name: "a", Constraint: "1.2.3 - 2.0.0"}},
		{"a", "^1.2.3 || 2.0.0", Dep{Name: "a", Constraint: "^1.2.3 || 2.0.0"}},
		{"a", "next", Dep{Name: "a", Constraint: "next"}},
		{"a", "npm:b", Dep{Name: "b", Alias: "a", Constraint: "*"}},
		{"a", "npm:@s/b@1.0.0", Dep{Name: "@s/b", Alias: "a", Version: "1.0.0"}},
		{"a", "npm:@s/b", Dep{Name: "@s/b", Alias: "a", Constraint: "*"}},
		{"a", "npm:a@^1", Dep{Name: "a", Constraint: "^1"}},
		{"a", "npm:b@github:x/b", Dep{Name: "b", Alias: "a", Source: "github:x/b"}},
		{"a", "../a", Dep{Name: "a", Source: "../a"}},
		{"a", "~/src/a", Dep{Name: "a", Source: "~/src/a"}},
		{"a", "~1.2", Dep{Name: "a", Constraint: "~1.2"}},
		{"a", "GIT+SSH://git@x/a.git", Dep{Name: "a", Source: "GIT+SSH://git@x/a.git"}},
		{"a", "x/a#semver:^1", Dep{Name: "a", Source: "x/a#semver:^1"}},
	}
	for _, tt := range tests {
		if got := ReadSpec(tt.name, tt.spec); got != tt.want {
			t.Errorf("ReadSpec(%q, %q) diff (-want +got):\n%s", tt.name, tt.spec, cmp.Diff(tt.want, got))
		}
	}
}

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{
		"ms": true, "@types/ms": true, "JSONStream": true,
		"": false, "@types/": false, "@/x": false, "@types": false, "a/b": false, "@a/b/c": false, " x": false,
	} {
		if got := ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", name, got, want)
		}
	}
}
