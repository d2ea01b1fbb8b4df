package installed

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

var props = extractortest.Props

func lic(expr, raw string) *inventory.DeclaredLicense {
	return &inventory.DeclaredLicense{Expression: expr, Raw: raw}
}

// sha512 decodes an npm integrity value by hand.
func sha512(t *testing.T, sri string) inventory.Hash {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(sri, "sha512-"))
	if err != nil {
		t.Fatal(err)
	}
	return inventory.Hash{Algorithm: "SHA-512", Value: hex.EncodeToString(raw)}
}

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"node_modules/ms/package.json":                             true,
		"node_modules/@types/ms/package.json":                      true,
		"web/node_modules/debug/package.json":                      true,
		"node_modules/debug/node_modules/ms/package.json":          true,
		"a/node_modules/b/node_modules/@s/c/package.json":          true,
		"node_modules/.pnpm/ms@2.1.3/node_modules/ms/package.json": true,
		"node_modules/foo/test/node_modules/bar/package.json":      true,
		"package.json":                                                 false,
		"web/package.json":                                             false,
		"node_modules/package.json":                                    false,
		"node_modules/ms/package.json.bak":                             false,
		"node_modules/ms/mypackage.json":                               false,
		"node_modules/ms/package-lock.json":                            false,
		"node_modules/foo/lib/package.json":                            false,
		"node_modules/foo/test/fixtures/package.json":                  false,
		"node_modules/@types/package.json":                             false,
		"node_modules/@/x/package.json":                                false,
		"node_modules/@s/x/lib/package.json":                           false,
		"node_modules/.bin/package.json":                               false,
		"node_modules/.cache/package.json":                             false,
		"node_modules/.cache/x/package.json":                           false,
		"node_modules/.staging/ms-4d5f2a1b/package.json":               false,
		"node_modules/_ms/package.json":                                false,
		"node_modules/node_modules/package.json":                       false,
		"node_modules/ms/node_modules/package.json":                    false,
		"vendor/node_modules_backup/ms/package.json":                   false,
		"node_modules/debug/node_modules/.package-lock.json":           false,
		"node_modules/debug/node_modules/@types/ms/types/package.json": false,
	})
}

func TestExtract(t *testing.T) {
	mit := lic("MIT", "MIT")
	tests := []struct {
		file string
		want []inventory.Package
	}{
		// npm 7 and later leave package.json as published.
		{"npm11/node_modules/debug/package.json", []inventory.Package{{Name: "debug", Version: "2.6.9", Ecosystem: "npm", PURL: "pkg:npm/debug@2.6.9",
			Directory: "npm11/node_modules/debug", DeclaredLicense: mit,
			Properties: props("repository", "git://github.com/visionmedia/debug.git")}}},
		{"npm11/node_modules/debug/node_modules/ms/package.json", []inventory.Package{{Name: "ms", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@2.0.0",
			Directory: "npm11/node_modules/debug/node_modules/ms", DeclaredLicense: mit,
			Properties: props("repository", "https://github.com/zeit/ms")}}},
		{"npm11/node_modules/@types/ms/package.json", []inventory.Package{{Name: "@types/ms", Version: "0.7.34", Ecosystem: "npm", PURL: "pkg:npm/%40types/ms@0.7.34",
			Directory: "npm11/node_modules/@types/ms", DeclaredLicense: mit,
			Properties: props("homepage", "https://github.com/DefinitelyTyped/DefinitelyTyped/tree/master/types/ms", "repository", "https://github.com/DefinitelyTyped/DefinitelyTyped.git")}}},
		{"npm11/node_modules/ms-one/package.json", []inventory.Package{{Name: "ms", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@1.0.0",
			Directory: "npm11/node_modules/ms-one", DeclaredLicense: mit, Properties: props("alias", "ms-one", "repository", "https://github.com/zeit/ms")}}},
		{"npm11/node_modules/react/package.json", []inventory.Package{{Name: "react", Version: "18.3.1", Ecosystem: "npm", PURL: "pkg:npm/react@18.3.1",
			Directory: "npm11/node_modules/react", DeclaredLicense: mit,
			Properties: props("homepage", "https://reactjs.org/", "repository", "https://github.com/facebook/react.git")}}},
		{"npm11/node_modules/loose-envify/package.json", []inventory.Package{{Name: "loose-envify", Version: "1.4.0", Ecosystem: "npm", PURL: "pkg:npm/loose-envify@1.4.0",
			Directory: "npm11/node_modules/loose-envify", DeclaredLicense: mit,
			Properties: props("homepage", "https://github.com/zertosh/loose-envify", "repository", "git://github.com/zertosh/loose-envify.git")}}},
		// npm 6 wrote what it knew of the install into the file.
		{"npm6/node_modules/debug/package.json", []inventory.Package{{Name: "debug", Version: "2.6.9", Ecosystem: "npm", PURL: "pkg:npm/debug@2.6.9",
			Relationship: "direct", Directory: "npm6/node_modules/debug", DeclaredLicense: mit,
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "5d128515df134ff327e90a4c93f4e077a536341f"},
				sha512(t, "sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA=="),
			},
			Properties: props("homepage", "https://github.com/visionmedia/debug#readme", "repository", "git://github.com/visionmedia/debug.git", "resolved", "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz")}}},
		{"npm6/node_modules/debug/node_modules/ms/package.json", []inventory.Package{{Name: "ms", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@2.0.0",
			Relationship: "transitive", Directory: "npm6/node_modules/debug/node_modules/ms", DeclaredLicense: mit,
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "5608aeadfc00be6c2901df5f9861788de0d597c8"},
				sha512(t, "sha512-Tpp60P6IUJDTuOq/5Z8cdskzJujfwqfOTkrwIwj7IRISpnkJnT6SyJ4PCPnGMoFjC9ddhal5KVIYtAt97ix05A=="),
			},
			Properties: props("homepage", "https://github.com/zeit/ms#readme", "repository", "https://github.com/zeit/ms.git", "resolved", "https://registry.npmjs.org/ms/-/ms-2.0.0.tgz")}}},
		{"npm6/node_modules/@types/ms/package.json", []inventory.Package{{Name: "@types/ms", Version: "0.7.34", Ecosystem: "npm", PURL: "pkg:npm/%40types/ms@0.7.34",
			Relationship: "direct", Scope: "dev", Directory: "npm6/node_modules/@types/ms", DeclaredLicense: mit,
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "10964ba0dee6ac4cd462e2795b6bebd407303433"},
				sha512(t, "sha512-nG96G3Wp6acyAgJqGasjODb+acrI7KltPiRxzHPXnP3NgI28bpQDRv53olbqGXbfcgF5aiiHmO3xpwEpS5Ld9g=="),
			},
			Properties: props("homepage", "https://github.com/DefinitelyTyped/DefinitelyTyped/tree/master/types/ms", "repository", "https://github.com/DefinitelyTyped/DefinitelyTyped.git", "resolved", "https://registry.npmjs.org/@types/ms/-/ms-0.7.34.tgz")}}},
		// Needed by the project's devDependencies and by is-odd.
		{"npm6/node_modules/is-number/package.json", []inventory.Package{{Name: "is-number", Version: "6.0.0", Ecosystem: "npm", PURL: "pkg:npm/is-number@6.0.0",
			Relationship: "direct", Directory: "npm6/node_modules/is-number", DeclaredLicense: mit,
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "e6d15ad31fc262887cccf217ae5f9316f81b1995"},
				sha512(t, "sha512-Wu1VHeILBK8KAWJUAiSZQX94GmOE45Rg6/538fKwiloUu21KncEkYGPqob2oSZ5mUT73vLGrHQjKw3KMPwfDzg=="),
			},
			Properties: props("homepage", "https://github.com/jonschlinkert/is-number", "repository", "https://github.com/jonschlinkert/is-number.git", "resolved", "https://registry.npmjs.org/is-number/-/is-number-6.0.0.tgz")}}},
		{"npm6/node_modules/ms-one/package.json", []inventory.Package{{Name: "ms", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@1.0.0",
			Relationship: "direct", Directory: "npm6/node_modules/ms-one", DeclaredLicense: mit,
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "59adcd22edc543f7b5381862d31387b1f4bc9473"},
				sha512(t, "sha512-85ytwCiGUnD84ui6ULG1KBFMaZgHW3jg5KPr9jt+ZPYt75+XK+JGbYddGrBQ+RSHXOhekCnCZwJywBoFvFl0kw=="),
			},
			Properties: props("alias", "ms-one", "homepage", "https://github.com/zeit/ms#readme", "repository", "https://github.com/zeit/ms.git", "resolved", "https://registry.npmjs.org/ms/-/ms-1.0.0.tgz")}}},
		// The legacy "licenses" array.
		{"legacy/node_modules/json-schema/package.json", []inventory.Package{{Name: "json-schema", Version: "0.2.3", Ecosystem: "npm", PURL: "pkg:npm/json-schema@0.2.3",
			Directory: "legacy/node_modules/json-schema", DeclaredLicense: lic("AFL-2.1 AND LicenseRef-heng-unknown-bsd", "AFLv2.1; BSD"),
			Properties: props("repository", "http://github.com/kriszyp/json-schema")}}},
		{"legacy/node_modules/querystring/package.json", []inventory.Package{{Name: "querystring", Version: "0.2.0", Ecosystem: "npm", PURL: "pkg:npm/querystring@0.2.0",
			Directory: "legacy/node_modules/querystring", DeclaredLicense: mit,
			Properties: props("repository", "git://github.com/Gozala/querystring.git")}}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(strings.TrimSuffix(tt.file, "/package.json"), "/", "_"), func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tt.file, tt.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		content string
		want    []inventory.Package
	}{
		{
			name:    "no_name",
			path:    "a/node_modules/b/node_modules/@s/c/package.json",
			content: `{"version": "1.0.0", "private": true, "license": {"type": "ISC", "url": "https://x"}}`,
			want: []inventory.Package{{Name: "@s/c", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/%40s/c@1.0.0",
				Directory: "a/node_modules/b/node_modules/@s/c", DeclaredLicense: lic("ISC", "ISC")}},
		},
		{
			name:    "no_version",
			path:    "node_modules/x/package.json",
			content: `{"name": "x"}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Directory: "node_modules/x"}},
		},
		{
			name:    "invalid_name",
			path:    "node_modules/x/package.json",
			content: `{"name": "a/b/c", "version": "1.0.0"}`,
			want:    nil,
		},
		{
			name:    "user_installed_and_bad_shasum",
			path:    "node_modules/x/package.json",
			content: `{"name": "x", "version": "1.0.0", "_requiredBy": ["#USER", "#DEV:/"], "_shasum": "not-a-sha", "_integrity": "sha1-1JJ92gWvaTv/ff1Me0Dq+w75Kng="}`,
			want: []inventory.Package{{Name: "x", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/x@1.0.0", Relationship: "direct", Directory: "node_modules/x",
				Hashes: []inventory.Hash{{Algorithm: "SHA-1", Value: "d4927dda05af693bff7dfd4c7b40eafb0ef92a78"}}}},
		},
		{
			// The same SHA-1 from _integrity and _shasum is one hash.
			name:    "dev_only_transitive",
			path:    "node_modules/x/package.json",
			content: `{"name": "x", "version": "1.0.0", "_requiredBy": ["#DEV:/y"], "_shasum": "D4927DDA05AF693BFF7DFD4C7B40EAFB0EF92A78", "_integrity": "sha1-1JJ92gWvaTv/ff1Me0Dq+w75Kng="}`,
			want: []inventory.Package{{Name: "x", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/x@1.0.0", Relationship: "transitive", Scope: "dev", Directory: "node_modules/x",
				Hashes: []inventory.Hash{{Algorithm: "SHA-1", Value: "d4927dda05af693bff7dfd4c7b40eafb0ef92a78"}}}},
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
		want    []inventory.Package
	}{
		{name: "truncated", content: `{"name": "x", "version": "1.0`},
		{name: "empty", content: ``},
		{name: "not_json", content: `<html>`},
		{
			name:    "wrong_types",
			content: `{"name": "x", "version": ["1.0.0"], "license": "MIT", "_requiredBy": "/"}`,
			want: []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Directory: "node_modules/x",
				DeclaredLicense: lic("MIT", "MIT")}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "node_modules/x/package.json", []byte(tt.content), nil)
			extractortest.WantParseError(t, err, "node_modules/x/package.json")
			if d := extractortest.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%q) diff (-want +got):\n%s", tt.content, d)
			}
		})
	}
}

func BenchmarkMatch(b *testing.B) {
	paths := []string{
		"node_modules/ms/package.json",
		"node_modules/@types/ms/package.json",
		"node_modules/foo/lib/package.json",
		"node_modules/foo/lib/index.js",
		"src/components/Button.tsx",
		"a/node_modules/b/node_modules/@s/c/package.json",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			(Extractor{}).Match(extractor.File{Path: p})
		}
	}
}
