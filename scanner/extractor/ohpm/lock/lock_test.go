package lock

import (
	"os"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	direct = inventory.RelationshipDirect
	trans  = inventory.RelationshipTransitive
	req    = inventory.ScopeRequired
	dev    = inventory.ScopeDev
	opt    = inventory.ScopeOptional
)

var prop = extractortest.Props

func sha512Hash(hex string) []inventory.Hash {
	return []inventory.Hash{{Algorithm: "SHA-512", Value: hex}}
}

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"oh-package-lock.json5":                                       true,
		"entry/oh-package-lock.json5":                                 true,
		"oh-package-lock.json5.bak":                                   false,
		"my-oh-package-lock.json5":                                    false,
		"oh-package-lock.json":                                        false,
		"oh-package.json5":                                            false,
		"package-lock.json":                                           false,
		"oh_modules/@ohos/axios/oh-package-lock.json5":                false,
		"entry/oh_modules/library/oh-package-lock.json5":              false,
		"oh_modules/.ohpm/x@1.0.0/oh_modules/x/oh-package-lock.json5": false,
	})
}

// TestExtractV3: a lockfileVersion 3 file at a project root, with its
// manifest: registry packages in the store layout, one in a flat
// oh_modules directory, local HAR and HSP modules, dev and dynamic
// dependencies, ranges resolved through "specifiers".
func TestExtractV3(t *testing.T) {
	got, err := extractortest.Extract(t, Extractor{}, "testdata/v3", "oh-package-lock.json5")
	if err != nil {
		t.Fatal(err)
	}
	ohpm := func(url string) []inventory.Property { return prop("registryType", "ohpm", "resolved", url) }
	want := []inventory.Package{
		{Name: "@hadss/debug-db", Version: "1.0.0-rc.11", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40hadss/debug-db@1.0.0-rc.11", Relationship: direct, Scope: req,
			Directory:    "oh_modules/.ohpm/@hadss+debug-db@1.0.0-rc.11/oh_modules/@hadss/debug-db",
			Dependencies: []string{"pkg:ohpm/%40ohos/polka@1.0.3"},
			Hashes:       sha512Hash("8c2e59e5f478c8482239b0e3ec348d9394ebce97ca0ffd26f5e644df0562a7c75e9269c5e2c6f65577f58d2346b70c559cd0105c3155cacd5f53e4d04cdd940c"),
			Properties:   ohpm("https://ohpm.openharmony.cn/ohpm/@hadss/debug-db/-/debug-db-1.0.0-rc.11.har")},
		{Name: "@hzw/zrouter", Version: "1.1.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40hzw/zrouter@1.1.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:ohpm/reflect-metadata@0.1.13"},
			Hashes:       sha512Hash("9d83be322392c671013a771cfa6d82311cc4c3672c05b01bc9e02bb735208df1d6e012ca0fa703559ccaf648d830255fee99341b142238d50bdc57f4cc6886ae"),
			Properties:   ohpm("https://ohpm.openharmony.cn/ohpm/@hzw/zrouter/-/zrouter-1.1.0.har")},
		{Name: "@ohos/axios", Version: "2.2.4", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios@2.2.4", Relationship: direct, Scope: req,
			Directory:  "oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios",
			Hashes:     sha512Hash("e681fbe779061707c93f592f0a723dd9145a4aa45b3746f6e2f98d36b515f93f3ee5a928f7caed5503a103b7b330fa31e59dcf1569dd2d04c5fcffe110aff279"),
			Properties: ohpm("https://ohpm.openharmony.cn/ohpm/@ohos/axios/-/axios-2.2.4.har")},
		{Name: "@ohos/hamock", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/hamock@1.0.0", Relationship: direct, Scope: dev,
			Hashes:     sha512Hash("2ba9433d873a56429ee9904d41af5aa06f9964c8b0a9f711ffbc80545494188b8e0213ef089028f7eb757d99e97b47414413f18f66f13cf6ca87af55bb202d0e"),
			Properties: ohpm("https://ohpm.openharmony.cn/ohpm/@ohos/hamock/-/hamock-1.0.0.har")},
		{Name: "@ohos/hypium", Version: "1.0.19", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/hypium@1.0.19", Relationship: direct, Scope: dev,
			Hashes:     sha512Hash("7048c380b1429b77166437915e4eda8015243ea8d6c54a3a0107a2bb480491bdc9f044aa95db902d22177a8ddc0ac9bc53f6ac2fb88a8c5f396723aeb9f00649"),
			Properties: ohpm("https://ohpm.openharmony.cn/ohpm/@ohos/hypium/-/hypium-1.0.19.har")},
		{Name: "@ohos/node-polyfill", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/node-polyfill@1.0.0", Relationship: trans, Scope: req,
			Hashes:     sha512Hash("35b534dfc12780b3a5526e339bdc217ec3c5633cd460bae06665bd68c1c425ee1b1631e53c3222e884b486c7c99718115990cf28e9ec307e90bad81f4b65b10f"),
			Properties: ohpm("https://ohpm.openharmony.cn/ohpm/@ohos/node-polyfill/-/node-polyfill-1.0.0.har")},
		{Name: "@ohos/polka", Version: "1.0.3", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/polka@1.0.3", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:ohpm/%40ohos/node-polyfill@1.0.0"},
			Hashes:       sha512Hash("47331cfe64060cf34e591b9b6d30c92825b744f3deb981142f4e9dd30857cb50c958b3429f51d9f041ebf82172d5eaf38e9ee98468afbe83031849fbdb77bad9"),
			Properties:   ohpm("https://ohpm.openharmony.cn/ohpm/@ohos/polka/-/polka-1.0.3.har")},
		{Name: "dayjs", Version: "1.11.13", Ecosystem: "ohpm", PURL: "pkg:ohpm/dayjs@1.11.13", Relationship: trans, Scope: req,
			Directory: "oh_modules/dayjs",
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "92430b0139055c3ebb60150aa13e860a4b5a366c"},
				{Algorithm: "SHA-512", Value: "a1a3017a5ea08e894af3adae68f40e55303bab74d986e4afb8c4000209500ce5983bd03dd48ac0394244c8a565a89947134beae69e545f1cdd3df307ff1eb136"},
			},
			Properties: ohpm("https://ohpm.openharmony.cn/ohpm/dayjs/-/dayjs-1.11.13.tgz")},
		{Name: "feature", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/feature@1.0.0", Relationship: direct, Scope: opt,
			Properties: prop("dynamic", "true", "packageType", "InterfaceHar", "registryType", "local", "resolved", "feature")},
		{Name: "library", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/library@1.0.0", Relationship: direct, Scope: req,
			Directory:    "library",
			Dependencies: []string{"pkg:ohpm/dayjs@1.11.13"},
			Properties:   prop("registryType", "local", "resolved", "library")},
		{Name: "reflect-metadata", Version: "0.1.13", Ecosystem: "ohpm", PURL: "pkg:ohpm/reflect-metadata@0.1.13", Relationship: trans, Scope: req,
			Hashes: []inventory.Hash{
				{Algorithm: "SHA-1", Value: "67ae3ca57c972a2aa1642b10fe363fe32d49dc08"},
				{Algorithm: "SHA-512", Value: "4ecd58fda9d910b852b2331c53ad397d4f511383a2de9e4e46e8f06c82977d66bed19c6ce75d10ae6adc7b9fc9a30ab7707499489a818f2a719876ab73ebc45a"},
			},
			Properties: ohpm("https://repo.harmonyos.com/ohpm/reflect-metadata/-/reflect-metadata-0.1.13.tgz")},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(v3) diff (-want +got):\n%s", d)
	}
}

// TestExtractV2: a module's lock file (entry/), with a local module
// outside the module's directory and no version in the local entry.
func TestExtractV2(t *testing.T) {
	got, err := extractortest.Extract(t, Extractor{}, "testdata/v2", "entry/oh-package-lock.json5")
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "@ohos/axios", Version: "2.2.4", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios@2.2.4", Relationship: direct, Scope: req,
			Hashes:     sha512Hash("e681fbe779061707c93f592f0a723dd9145a4aa45b3746f6e2f98d36b515f93f3ee5a928f7caed5503a103b7b330fa31e59dcf1569dd2d04c5fcffe110aff279"),
			Properties: prop("registryType", "ohpm", "resolved", "https://ohpm.openharmony.cn/ohpm/@ohos/axios/-/axios-2.2.4.har")},
		{Name: "@ohos/crypto-js", Version: "2.0.2", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/crypto-js@2.0.2", Relationship: trans, Scope: req,
			Hashes:     sha512Hash("906fffd7c3af598e24f9a9b606b54f52fa23a0e0c1f610aa81d1c919671b2eb5f045b646e4a9709ba109becedb205b89e1d408e92d96042862536519b134b6c5"),
			Properties: prop("registryType", "ohpm", "resolved", "https://ohpm.openharmony.cn/ohpm/@ohos/crypto-js/-/crypto-js-2.0.2.har")},
		{Name: "library", Ecosystem: "ohpm", PURL: "pkg:ohpm/library", Relationship: direct, Scope: req,
			Directory:    "library",
			Dependencies: []string{"pkg:ohpm/%40ohos/crypto-js@2.0.2"},
			Properties:   prop("registryType", "local", "resolved", "../library")},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(v2) diff (-want +got):\n%s", d)
	}
}

var v1Want = []inventory.Package{
	{Name: "@ohos/axios", Version: "2.1.1", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios@2.1.1", Relationship: direct, Scope: req,
		Hashes:     sha512Hash("1106b1db9efe78a293d11c7b87a37ac6f98a6c34560e308258e3f6bf2ca4b72485c2f8edca95ee5e640a12f4639806a547a72a7fc99b7e15a6a60d1b0fd390df"),
		Properties: prop("resolved", "https://repo.harmonyos.com/ohpm/@ohos/axios/-/axios-2.1.1.har")},
	{Name: "@ohos/hypium", Version: "1.0.6", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/hypium@1.0.6", Relationship: direct, Scope: dev,
		Hashes:     sha512Hash("6dbdc359e5a162b16a8fd98f155df2650a649b7ea46dc2be61869e63d836f7640a4a339d9a1108411d942cfbf232c812478bac3817f99e762b0e66820978ab81"),
		Properties: prop("resolved", "https://repo.harmonyos.com/ohpm/@ohos/hypium/-/hypium-1.0.6.tgz")},
	{Name: "@ohos/protobufjs", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/protobufjs@1.0.0", Relationship: direct, Scope: req,
		Dependencies: []string{"pkg:ohpm/long@5.2.1"},
		Hashes:       sha512Hash("ba2f39885808a1e97b7901dadb56b6bf6b6916115eee2c106b0aa5da20fbd196662e342841a2d452ba51fc12707a05adf3deced6a558393ca92f54435fb1cb72"),
		Properties:   prop("resolved", "https://repo.harmonyos.com/ohpm/@ohos/protobufjs/-/protobufjs-1.0.0.har")},
	{Name: "@ohos/svg", Version: "2.1.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/svg@2.1.0", Relationship: direct, Scope: req,
		Hashes:     sha512Hash("e6d9a5b8bfc8ba16b20a2a248d175ccb050153b2716ef1904f8450fd75f222ea13e3a0326d0e3893fa5cb2673260e2b7b8909961caecaaf2065ece196c81fe62"),
		Properties: prop("resolved", "https://repo.harmonyos.com/ohpm/@ohos/svg/-/svg-2.1.0.har")},
	{Name: "long", Version: "5.2.1", Ecosystem: "ohpm", PURL: "pkg:ohpm/long@5.2.1", Relationship: trans, Scope: req,
		Hashes:     sha512Hash("18a48d19e340b70f08af28e3921671b8a07727395c2d3c23b624021cabea41eb7cd48f77917b2584342bb8623f42c75d3bcde67034e8055cbb1aa192ff361ffc"),
		Properties: prop("resolved", "https://repo.harmonyos.com/ohpm/long/-/long-5.2.1.tgz")},
}

// TestExtractV1: the first format, entries without name, version or
// registryType, names and versions taken from the keys.
func TestExtractV1(t *testing.T) {
	extractortest.CheckExtract(t, Extractor{}, "testdata/v1", "oh-package-lock.json5", v1Want)
}

// TestExtractNoManifest: without an oh-package.json5 beside it, packages
// nothing depends on are direct, the others transitive, and no scope is
// known.
func TestExtractNoManifest(t *testing.T) {
	data, err := os.ReadFile("testdata/v1/oh-package-lock.json5")
	if err != nil {
		t.Fatal(err)
	}
	got, err := extractortest.ExtractBytes(Extractor{}, "oh-package-lock.json5", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]inventory.Package, len(v1Want))
	copy(want, v1Want)
	for i := range want {
		want[i].Scope = ""
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(v1 without manifest) diff (-want +got):\n%s", d)
	}
}

// TestExtractScopes: scope follows the strongest group that reaches a
// package; packages the manifest does not reach have none.
func TestExtractScopes(t *testing.T) {
	manifest := `{
  dependencies: {a: "^1.0.0"},
  dynamicDependencies: {d: "1.0.0"},
  devDependencies: {t: "1.0.0", a: "^1.0.0"},
}`
	lock := `{
  lockfileVersion: 3,
  specifiers: {
    "a@^1.0.0": "a@1.0.0", "b@^1.0.0": "b@1.1.0", "c@1.0.0": "c@1.0.0",
    "d@1.0.0": "d@1.0.0", "t@1.0.0": "t@1.0.0", "x@1.0.0": "x@1.0.0",
  },
  packages: {
    "a@1.0.0": {name: "a", version: "1.0.0", dependencies: {b: "^1.0.0"}},
    "b@1.1.0": {name: "b", version: "1.1.0", dependencies: {a: "^1.0.0", b: "^1.0.0"}},
    "c@1.0.0": {name: "c", version: "1.0.0"},
    "d@1.0.0": {name: "d", version: "1.0.0", dependencies: {c: "1.0.0", b: "~1.1.0"}},
    "t@1.0.0": {name: "t", version: "1.0.0", dependencies: {c: "1.0.0"}},
    "u@1.0.0": {name: "u", version: "1.0.0", dependencies: {x: "1.0.0"}},
    "x@1.0.0": {name: "x", version: "1.0.0"},
  },
}`
	got, err := extractortest.ExtractBytes(Extractor{}, "m/oh-package-lock.json5", []byte(lock), map[string]string{"m/oh-package.json5": manifest})
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "a", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/a@1.0.0", Relationship: direct, Scope: req, Dependencies: []string{"pkg:ohpm/b@1.1.0"}},
		{Name: "b", Version: "1.1.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/b@1.1.0", Relationship: trans, Scope: req, Dependencies: []string{"pkg:ohpm/a@1.0.0"}},
		{Name: "c", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/c@1.0.0", Relationship: trans, Scope: opt},
		{Name: "d", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/d@1.0.0", Relationship: direct, Scope: opt,
			Dependencies: []string{"pkg:ohpm/b@1.1.0", "pkg:ohpm/c@1.0.0"}, Properties: prop("dynamic", "true")},
		{Name: "t", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/t@1.0.0", Relationship: direct, Scope: dev, Dependencies: []string{"pkg:ohpm/c@1.0.0"}},
		{Name: "u", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/u@1.0.0", Relationship: direct, Dependencies: []string{"pkg:ohpm/x@1.0.0"}},
		{Name: "x", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/x@1.0.0", Relationship: trans},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(scopes) diff (-want +got):\n%s", d)
	}
}

// TestExtractLocal: local keys under an alias, .har files, paths with
// "@" in them, and paths leaving the tree.
func TestExtractLocal(t *testing.T) {
	lock := `{
  "lockfileVersion": 3,
  "specifiers": {
    "@hzw/zrouter@../../RouterApi": "@hzw/zrouter@../../RouterApi",
    "routerapi@../../RouterApi": "routerapi@../../RouterApi",
    "library@library.har": "library@library.har",
    "inner@../oh_modules/.ohpm/library@c0jkx+u=/oh_modules/library/libs/inner.har": "inner@../oh_modules/.ohpm/library@c0jkx+u=/oh_modules/library/libs/inner.har"
  },
  "packages": {
    "@hzw/zrouter@../../RouterApi": {"name": "@hzw/zrouter", "version": "1.3.3", "resolved": "../../RouterApi", "registryType": "local"},
    "routerapi@../../RouterApi": {"name": "@hzw/zrouter", "version": "1.3.3", "resolved": "../../RouterApi", "registryType": "local"},
    "library@library.har": {"name": "library", "version": "1.0.0", "resolved": "library.har", "registryType": "local",
      "dependencies": {"inner": "./libs/inner.har", "routerapi": "file:../../RouterApi"}},
    "inner@../oh_modules/.ohpm/library@c0jkx+u=/oh_modules/library/libs/inner.har": {"name": "inner", "version": "1.0.0",
      "resolved": "../oh_modules/.ohpm/library@c0jkx+u=/oh_modules/library/libs/inner.har", "registryType": "local"}
  }
}`
	got, err := extractortest.ExtractBytes(Extractor{}, "products/entry/oh-package-lock.json5", []byte(lock), map[string]string{
		"RouterApi/oh-package.json5": "{}",
		"products/entry/library.har": "",
	})
	if err != nil {
		t.Fatal(err)
	}
	local := func(p string) []inventory.Property { return prop("registryType", "local", "resolved", p) }
	want := []inventory.Package{
		{Name: "@hzw/zrouter", Version: "1.3.3", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40hzw/zrouter@1.3.3", Relationship: direct, Directory: "RouterApi",
			Properties: local("../../RouterApi")},
		{Name: "inner", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/inner@1.0.0", Relationship: trans,
			Properties: local("../oh_modules/.ohpm/library@c0jkx+u=/oh_modules/library/libs/inner.har")},
		{Name: "library", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/library@1.0.0", Relationship: direct,
			Dependencies: []string{"pkg:ohpm/%40hzw/zrouter@1.3.3", "pkg:ohpm/inner@1.0.0"},
			Properties:   local("library.har")},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(local) diff (-want +got):\n%s", d)
	}
}

// TestExtractJSON5: what a hand edit leaves in a lock file still reads.
func TestExtractJSON5(t *testing.T) {
	lock := "\ufeff{\n  // edited by hand\n  lockfileVersion: 3,\n  specifiers: {'a@^1.0.0': 'a@1.0.0',},\n" +
		"  packages: {\n    'a@1.0.0': {name: 'a', version: '1.0.0', registryType: 'ohpm', /* x */},\n  },\n}\n// 123\n"
	got, err := extractortest.ExtractBytes(Extractor{}, "oh-package-lock.json5", []byte(lock), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "a", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/a@1.0.0", Relationship: direct, Properties: prop("registryType", "ohpm")},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(json5) diff (-want +got):\n%s", d)
	}
}

// TestExtractErrors: bad files give an error naming the file, with the
// packages that could be read.
func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []inventory.Package
		errHas  string
	}{
		{name: "truncated", content: `{"lockfileVersion": 3, "packages": {"a@1.0.0": {"name": "a"`, errHas: "unexpected end"},
		{name: "not_object", content: `[]`, errHas: "not an object"},
		{name: "empty_file", content: ``, errHas: "unexpected end"},
		{name: "too_deep", content: `{"packages": ` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + `}`, errHas: "nested"},
		{name: "packages_array", content: `{"packages": [{"name": "a"}]}`, errHas: `"packages" is an array`},
		{
			name:    "bad_entries",
			content: `{"specifiers": {"a@1": 1}, "packages": {"a@1.0.0": {"name": "a", "version": 1}, "b@2.0.0": "b", "c@3.0.0": {"name": "c", "dependencies": {"a": 1}}, "@": {}}}`,
			errHas:  `package "b@2.0.0": is a string`,
			want: []inventory.Package{
				{Name: "@", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40", Relationship: direct},
				{Name: "a", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/a@1.0.0", Relationship: direct},
				{Name: "c", Version: "3.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/c@3.0.0", Relationship: direct},
			},
		},
		{
			name:    "no_name",
			content: `{"packages": {"": {"version": "1.0.0"}, "b@1.0.0": {}}}`,
			errHas:  `package "": no name`,
			want: []inventory.Package{
				{Name: "b", Version: "1.0.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/b@1.0.0", Relationship: direct},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "oh-package-lock.json5", []byte(tt.content), nil)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), `parse "oh-package-lock.json5": `) || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("error %q: want the file named and %q", err, tt.errHas)
			}
			if testing.Verbose() {
				t.Log(err)
			}
			if d := extractortest.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%s) diff (-want +got):\n%s", tt.name, d)
			}
		})
	}
}

// TestManyErrors: a file with many bad entries gives a bounded message.
func TestManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"packages": {`)
	for i := range 100 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"p` + strings.Repeat("x", i) + `@1.0.0": 1`)
	}
	b.WriteString("}}")
	_, err := extractortest.ExtractBytes(Extractor{}, "oh-package-lock.json5", []byte(b.String()), nil)
	if err == nil || !strings.Contains(err.Error(), "and 90 more errors") {
		t.Errorf("error = %v, want 10 errors and a count of the rest", err)
	}
}

func TestSplitKey(t *testing.T) {
	for key, want := range map[string][2]string{
		"@ohos/axios@2.2.0":                  {"@ohos/axios", "2.2.0"},
		"dayjs@^1.11.7":                      {"dayjs", "^1.11.7"},
		"library@../library":                 {"library", "../library"},
		"inner@../oh_modules/.ohpm/lib@h=/x": {"inner", "../oh_modules/.ohpm/lib@h=/x"},
		"@ohos/axios":                        {"@ohos/axios", ""},
		"axios":                              {"axios", ""},
		"@":                                  {"@", ""},
		"":                                   {"", ""},
		"@@1":                                {"@", "1"},
	} {
		n, s := splitKey(key)
		if n != want[0] || s != want[1] {
			t.Errorf("splitKey(%q) = %q, %q; want %q, %q", key, n, s, want[0], want[1])
		}
	}
}
