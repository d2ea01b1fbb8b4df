package installed

import (
	"bytes"
	"os"
	"testing"

	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/ohpm/ohpackage"
)

// FuzzParse: any manifest at any matched path either parses or fails
// with an error, without panicking; what parses gives one ohpm package
// with a name, a valid purl and its directory.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"oh_modules/.ohpm/@ohos+axios@2.2.4/oh_modules/@ohos/axios/oh-package.json5",
		"oh_modules/.ohpm/@ohos+polka@1.0.3/oh_modules/@ohos/polka/oh-package.json5",
		"entry/oh_modules/.ohpm/@hmos+dateutil@1.2.0/oh_modules/@hmos/dateutil/oh-package.json5",
		"oh_modules/@ohos/hypium/oh-package.json5",
	} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, data)
	}
	f.Add("oh_modules/.ohpm/@a+b@1.0.0/oh_modules/@a/b/oh-package.json5", []byte(`{dependencies: {x: "1.0.0", y: 2}}`))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		if !(Extractor{}).Match(extractor.File{Path: path}) {
			return
		}
		m, _ := ohpackage.Parse(bytes.NewReader(data))
		if m == nil {
			return
		}
		pkgs := packages(path, m)
		if len(pkgs) != 1 {
			t.Fatalf("%d packages from %q", len(pkgs), path)
		}
		p := pkgs[0]
		if p.Name == "" || p.Ecosystem != "ohpm" || p.Directory == "" {
			t.Fatalf("package without a name, ecosystem or directory from %q, %q: %+v", path, data, p)
		}
		if p.PURL != "" {
			if _, err := packageurl.FromString(p.PURL); err != nil {
				t.Fatalf("bad purl %q from %q: %v", p.PURL, data, err)
			}
		}
	})
}
