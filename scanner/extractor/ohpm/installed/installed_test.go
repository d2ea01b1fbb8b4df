package installed

import (
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"oh_modules/@ohos/axios/oh-package.json5":                                        true,
		"oh_modules/dayjs/oh-package.json5":                                              true,
		"entry/oh_modules/library/oh-package.json5":                                      true,
		"oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/oh-package.json5":     true,
		"oh_modules/.ohpm/long@5.2.1/oh_modules/long/oh-package.json5":                   true,
		"entry/oh_modules/.ohpm/lib@g8zhdaqwu8go=/oh_modules/lib/oh-package.json5":       true,
		"oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/src/oh-package.json5": false,
		"oh_modules/@ohos/axios/src/main/oh-package.json5":                               false,
		"oh_modules/@ohos/axios/oh-package.json5.bak":                                    false,
		"oh_modules/@ohos/axios/my-oh-package.json5":                                     false,
		"oh_modules/@ohos/axios/oh-package-lock.json5":                                   false,
		"oh_modules/@ohos/axios/package.json":                                            false,
		"oh_modules/@ohos/oh-package.json5":                                              false,
		"oh_modules/oh-package.json5":                                                    false,
		"oh_modules/.ohpm/oh-package.json5":                                              false,
		"oh_modules/.ohpm/@ohos+axios@2.2.4/oh-package.json5":                            false,
		"oh-package.json5":                 false,
		"entry/oh-package.json5":           false,
		"my_oh_modules/x/oh-package.json5": false,
		"oh_modules/@/x/oh-package.json5":  false,
		"oh_modules/a/b/oh-package.json5":  false,
	})
}

func TestExtract(t *testing.T) {
	tests := []struct {
		file string
		want inventory.Package
	}{{
		// The store layout, a HAR as ohpm packs it.
		file: "oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/oh-package.json5",
		want: inventory.Package{Name: "@ohos/axios", Version: "2.2.4", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/axios@2.2.4",
			Directory:       "oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"},
			Properties:      []inventory.Property{{Name: "repository", Value: "https://gitee.com/openharmony-sig/ohos_axios"}}},
	}, {
		// Dependencies: an exact version and a range.
		file: "oh_modules/.ohpm/@ohos+polka@1.0.3/oh_modules/@ohos/polka/oh-package.json5",
		want: inventory.Package{Name: "@ohos/polka", Version: "1.0.3", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/polka@1.0.3",
			Directory:       "oh_modules/.ohpm/@ohos+polka@1.0.3/oh_modules/@ohos/polka",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"},
			Dependencies:    []string{"pkg:ohpm/%40ohos/node-polyfill@1.0.0", "pkg:ohpm/%40ohos/trouter"},
			Properties:      []inventory.Property{{Name: "repository", Value: "https://gitcode.com/openharmony-tpc/openharmony_tpc_samples"}}},
	}, {
		// A module's own oh_modules, a Mulan-licensed package.
		file: "entry/oh_modules/.ohpm/@hmos+dateutil@1.2.0/oh_modules/@hmos/dateutil/oh-package.json5",
		want: inventory.Package{Name: "@hmos/dateutil", Version: "1.2.0", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40hmos/dateutil@1.2.0",
			Directory:       "entry/oh_modules/.ohpm/@hmos+dateutil@1.2.0/oh_modules/@hmos/dateutil",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MulanPSL-2.0", Raw: "Mulan PSL v2"}},
	}, {
		// A .har installed from a path: the store directory has a hash.
		file: "entry/oh_modules/.ohpm/tyme4oh@g8zhdaqwu8gotysbmqcstpfpcpy=/oh_modules/tyme4oh/oh-package.json5",
		want: inventory.Package{Name: "tyme4oh", Version: "1.3.4", Ecosystem: "ohpm", PURL: "pkg:ohpm/tyme4oh@1.3.4",
			Directory:       "entry/oh_modules/.ohpm/tyme4oh@g8zhdaqwu8gotysbmqcstpfpcpy=/oh_modules/tyme4oh",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"}},
	}, {
		// A real directory at the top of oh_modules.
		file: "oh_modules/@ohos/hypium/oh-package.json5",
		want: inventory.Package{Name: "@ohos/hypium", Version: "1.0.19", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/hypium@1.0.19",
			Directory:       "oh_modules/@ohos/hypium",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "Apache-2.0"},
			Properties:      []inventory.Property{{Name: "repository", Value: "https://gitee.com/openharmony/testfwk_arkxtest"}}},
	}}
	for _, tt := range tests {
		t.Run(extractor.Base(tt.want.Directory), func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tt.file, []inventory.Package{tt.want})
		})
	}
}

// TestExtractFromPath: a manifest without name or version is named by
// its directories, and versioned by the store directory when that names
// a version.
func TestExtractFromPath(t *testing.T) {
	tests := []struct {
		path    string
		content string
		want    inventory.Package
	}{{
		path:    "oh_modules/.ohpm/@ohos+lottie@2.0.20/oh_modules/@ohos/lottie/oh-package.json5",
		content: `{license: 'MIT', /* no name */}`,
		want: inventory.Package{Name: "@ohos/lottie", Version: "2.0.20", Ecosystem: "ohpm", PURL: "pkg:ohpm/%40ohos/lottie@2.0.20",
			Directory:       "oh_modules/.ohpm/@ohos+lottie@2.0.20/oh_modules/@ohos/lottie",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"}},
	}, {
		path:    "oh_modules/.ohpm/lib@g8zhdaqwu8go=/oh_modules/lib/oh-package.json5",
		content: `{}`,
		want: inventory.Package{Name: "lib", Ecosystem: "ohpm", PURL: "pkg:ohpm/lib",
			Directory: "oh_modules/.ohpm/lib@g8zhdaqwu8go=/oh_modules/lib"},
	}, {
		// The store directory of another package: no version from it.
		path:    "oh_modules/.ohpm/a@1.0.0/oh_modules/b/oh-package.json5",
		content: `{dependencies: {a: 'file:../a', b: '1.0.0'}}`,
		want: inventory.Package{Name: "b", Ecosystem: "ohpm", PURL: "pkg:ohpm/b",
			Directory:    "oh_modules/.ohpm/a@1.0.0/oh_modules/b",
			Dependencies: []string{"pkg:ohpm/a", "pkg:ohpm/b@1.0.0"}},
	}}
	for _, tt := range tests {
		t.Run(tt.want.Name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, tt.path, []byte(tt.content), nil, []inventory.Package{tt.want})
		})
	}
}

// TestExtractErrors: bad files give an error naming the file, and the
// package when the file is JSON5 with some bad fields.
func TestExtractErrors(t *testing.T) {
	const path = "oh_modules/x/oh-package.json5"
	tests := []struct {
		name    string
		content string
		want    []inventory.Package
	}{
		{name: "truncated", content: `{"name": "x", "version": "1.0.0"`},
		{name: "not_object", content: `"x"`},
		{name: "too_deep", content: `{"metadata": ` + strings.Repeat("{a:", 1000) + strings.Repeat("}", 1001)},
		{
			name:    "version_number",
			content: `{"name": "x", "version": 1.0, "license": ["MIT", 2]}`,
			want: []inventory.Package{
				{Name: "x", Ecosystem: "ohpm", PURL: "pkg:ohpm/x", Directory: "oh_modules/x",
					DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, path, []byte(tt.content), nil)
			extractortest.WantParseError(t, err, path)
			if d := extractortest.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%s) diff (-want +got):\n%s", tt.name, d)
			}
		})
	}
}

func TestIsVersion(t *testing.T) {
	for s, want := range map[string]bool{
		"1.0.3":                        true,
		"1.0.0-rc.11":                  true,
		"2.0.3+build.1":                true,
		"^1.0.0":                       false,
		"1.0":                          false,
		"1.0.x":                        false,
		"latest":                       false,
		"file:../a":                    false,
		"g8zhdaqwu8gotysbmqcstpfpcpy=": false,
		"2l++k9h7lifa7u2xhjgubdt2wl0=": false,
		"1.0.0 - 2.0.0":                false,
		"":                             false,
	} {
		if got := isVersion(s); got != want {
			t.Errorf("isVersion(%q) = %v, want %v", s, got, want)
		}
	}
}
