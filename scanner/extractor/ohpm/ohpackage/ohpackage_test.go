package ohpackage

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	direct = inventory.RelationshipDirect
	root   = inventory.RelationshipRoot
	req    = inventory.ScopeRequired
	dev    = inventory.ScopeDev
	opt    = inventory.ScopeOptional
)

var prop = extractortest.Props

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"oh-package.json5":                          true,
		"entry/oh-package.json5":                    true,
		"features/home/oh-package.json5":            true,
		"oh-package.json5.bak":                      false,
		"my-oh-package.json5":                       false,
		"oh-package.json":                           false,
		"oh-package-lock.json5":                     false,
		"package.json5":                             false,
		"oh_modules/@ohos/axios/oh-package.json5":   false,
		"entry/oh_modules/library/oh-package.json5": false,
		"oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/oh-package.json5": false,
		"not_oh_modules/x/oh-package.json5":                                          true,
	})
}

func TestExtract(t *testing.T) {
	tests := []struct {
		file string
		want []inventory.Package
	}{{
		// The project-level manifest: no name, test frameworks as dev
		// dependencies, a comment and trailing commas.
		file: "oh-package.json5",
		want: []inventory.Package{
			{Name: "@ohos/hamock", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/hamock", Relationship: direct, Scope: dev,
				Properties: prop("constraint", "1.0.0")},
			{Name: "@ohos/hypium", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/hypium", Relationship: direct, Scope: dev,
				Properties: prop("constraint", "1.0.19")},
		},
	}, {
		// A module: local HAR and HSP modules, a packed HAR file, a
		// dynamic dependency, an empty license.
		file: "entry/oh-package.json5",
		want: []inventory.Package{
			{Name: "@hadss/debug-db", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40hadss/debug-db", Relationship: direct, Scope: req,
				Properties: prop("constraint", "^1.0.0-rc.11")},
			{Name: "@ohos/axios", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios", Relationship: direct, Scope: req,
				Properties: prop("constraint", "^2.2.4")},
			{Name: "entry", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/entry@1.0.0", Relationship: root,
				Dependencies: []string{
					"pkg:ohpm/%40hadss/debug-db",
					"pkg:ohpm/%40ohos/axios",
					"pkg:ohpm/feature",
					"pkg:ohpm/library",
					"pkg:ohpm/tyme4oh",
				}},
			{Name: "feature", Ecosystem: "ohpm", PURL: "pkg:ohpm/feature", Relationship: direct, Scope: opt, Directory: "feature",
				Properties: prop("constraint", "file:../feature", "dynamic", "true", "local_path", "../feature")},
			{Name: "library", Ecosystem: "ohpm", PURL: "pkg:ohpm/library", Relationship: direct, Scope: req, Directory: "library",
				Properties: prop("constraint", "file:../library", "local_path", "../library")},
			{Name: "tyme4oh", Ecosystem: "ohpm", PURL: "pkg:ohpm/tyme4oh", Relationship: direct, Scope: req,
				Properties: prop("constraint", "file:./libs/tyme4oh-1.3.4.har", "local_path", "./libs/tyme4oh-1.3.4.har")},
		},
	}, {
		// Unquoted keys, single quotes, trailing commas.
		file: "library/oh-package.json5",
		want: []inventory.Package{
			{Name: "library", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/library@1.0.0", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "Apache-2.0"},
				Dependencies:    []string{"pkg:ohpm/reflect-metadata"},
				Properties:      prop("homepage", "https://example.com/library", "repository", "https://gitee.com/example/library")},
			{Name: "reflect-metadata", Ecosystem: "ohpm", PURL: "pkg:ohpm/reflect-metadata", Relationship: direct, Scope: req,
				Properties: prop("constraint", "^0.1.13")},
		},
	}, {
		// An HSP module, Mulan-licensed.
		file: "feature/oh-package.json5",
		want: []inventory.Package{
			{Name: "feature", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/feature@1.0.0", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "MulanPSL-2.0", Raw: "Mulan PSL v2"}},
		},
	}}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.file, "/", "_"), func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tt.file, tt.want)
		})
	}
}

func TestExtractJSON5(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []inventory.Package
	}{{
		name: "comments_quotes_unquoted_keys",
		content: "\ufeff/* DevEco */ {\n  // the module\n  name: 'har',\n  'version': \"2.0.0\",\n" +
			"  license: 'MIT', dependencies: { '@ohos/axios': '2.2.4', }, // trailing\n}\n// end\n",
		want: []inventory.Package{
			{Name: "@ohos/axios", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios", Relationship: direct, Scope: req,
				Properties: prop("constraint", "2.2.4")},
			{Name: "har", Version: "2.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/har@2.0.0", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"},
				Dependencies:    []string{"pkg:ohpm/%40ohos/axios"}},
		},
	}, {
		name:    "npm_license_forms",
		content: `{name: "x", version: "1.0.0", license: [{type: "MIT"}, "Apache-2.0"]}`,
		want: []inventory.Package{
			{Name: "x", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/x@1.0.0", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT AND Apache-2.0", Raw: "MIT; Apache-2.0"}},
		},
	}, {
		name:    "links_shorthand_and_object",
		content: `{name: "x", homepage: 'https://x.example/', repository: {type: 'git', url: 'git+https://gitee.com/u/x.git'}}`,
		want: []inventory.Package{
			{Name: "x", Ecosystem: "ohpm", PURL: "pkg:ohpm/x", Relationship: root,
				Properties: prop("homepage", "https://x.example/", "repository", "https://gitee.com/u/x.git")},
		},
	}, {
		name:    "links_github_shorthand",
		content: `{name: "x", repository: 'github:u/x'}`,
		want: []inventory.Package{
			{Name: "x", Ecosystem: "ohpm", PURL: "pkg:ohpm/x", Relationship: root,
				Properties: prop("repository", "https://github.com/u/x")},
		},
	}, {
		name:    "links_bad_values_ignored",
		content: `{name: "x", homepage: 5, repository: 'gitee.com/u/x'}`,
		want: []inventory.Package{
			{Name: "x", Ecosystem: "ohpm", PURL: "pkg:ohpm/x", Relationship: root},
		},
	}, {
		name:    "same_package_twice",
		content: `{dependencies: {a: "^1.0.0"}, devDependencies: {a: "^1.0.0"}}`,
		want: []inventory.Package{
			{Name: "a", Ecosystem: "ohpm", PURL: "pkg:ohpm/a", Relationship: direct, Scope: req,
				Properties: prop("constraint", "^1.0.0")},
		},
	}, {
		name:    "local_outside_tree",
		content: `{dependencies: {lib: "file:../../lib", abs: "file:/opt/lib"}}`,
		want: []inventory.Package{
			{Name: "abs", Ecosystem: "ohpm", PURL: "pkg:ohpm/abs", Relationship: direct, Scope: req,
				Properties: prop("constraint", "file:/opt/lib", "local_path", "/opt/lib")},
			{Name: "lib", Ecosystem: "ohpm", PURL: "pkg:ohpm/lib", Relationship: direct, Scope: req,
				Properties: prop("constraint", "file:../../lib", "local_path", "../../lib")},
		},
	}, {
		name:    "empty",
		content: `{}`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "m/oh-package.json5", []byte(tt.content), map[string]string{"lib/x": "", "opt/lib/x": ""}, tt.want)
		})
	}
}

// TestExtractErrors: bad files give an error, and what is good in them.
func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []inventory.Package
	}{
		{name: "truncated", content: `{"name": "entry", "dependencies": {"@ohos/axios": "^2.2.4"`},
		{name: "not_object", content: `["entry"]`},
		{name: "null", content: `null`},
		{name: "empty_file", content: ``},
		{name: "two_values", content: `{} {}`},
		{name: "too_deep", content: strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)},
		{
			name:    "name_number",
			content: `{"name": 1, "dependencies": {"a": "1.0.0"}}`,
			want: []inventory.Package{
				{Name: "a", Ecosystem: "ohpm", PURL: "pkg:ohpm/a", Relationship: direct, Scope: req, Properties: prop("constraint", "1.0.0")},
			},
		},
		{
			name:    "dependency_not_string",
			content: `{"name": "m", "dependencies": {"a": 1, "b": "^2.0.0"}, "devDependencies": ["c"]}`,
			want: []inventory.Package{
				{Name: "b", Ecosystem: "ohpm", PURL: "pkg:ohpm/b", Relationship: direct, Scope: req, Properties: prop("constraint", "^2.0.0")},
				{Name: "m", Ecosystem: "ohpm", PURL: "pkg:ohpm/m", Relationship: root, Dependencies: []string{"pkg:ohpm/b"}},
			},
		},
		{
			name:    "license_wrong",
			content: `{"name": "m", "version": "1.0.0", "license": {"url": "x"}}`,
			want: []inventory.Package{
				{Name: "m", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/m@1.0.0", Relationship: root},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "oh-package.json5", []byte(tt.content), nil)
			extractortest.WantParseError(t, err, "oh-package.json5")
			if d := extractortest.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%s) diff (-want +got):\n%s", tt.name, d)
			}
		})
	}
}

func TestLocalPath(t *testing.T) {
	for spec, want := range map[string]string{
		"file:../library":      "../library",
		"file:./libs/a.har":    "./libs/a.har",
		"./library.har":        "./library.har",
		"../feature":           "../feature",
		"libs/inner.hsp":       "libs/inner.hsp",
		"^2.2.0":               "",
		"1.0.19":               "",
		"latest":               "",
		"":                     "",
		"~1.0.0 || >=2.0.0-rc": "",
	} {
		got, ok := LocalPath(spec)
		if got != want || ok != (want != "") {
			t.Errorf("LocalPath(%q) = %q, %v; want %q", spec, got, ok, want)
		}
	}
}

func TestCheckDepth(t *testing.T) {
	ok := []string{
		`{"a": "[[[[[[", 'b': '{{{{', /* [[[[[ */ c: 1} // [[[[`,
		`{"a": "\"[[[[[[\\"}`,
	}
	for _, s := range ok {
		if err := checkDepth([]byte(s), 2); err != nil {
			t.Errorf("checkDepth(%q) = %v", s, err)
		}
	}
	if err := checkDepth([]byte(`{"a": [[1]]}`), 2); err == nil {
		t.Error("checkDepth: three levels allowed at max 2")
	}
}
