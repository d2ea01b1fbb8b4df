package gomod

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"go.mod":          true,
		"a/b/go.mod":      true,
		"go.mod.bak":      false,
		"go.sum":          false,
		"notgo.mod":       false,
		"vendor/x/go.mod": true,
	})
}

func TestExtract(t *testing.T) {
	got, err := extractortest.Extract(t, Extractor{}, "testdata", "go.mod")
	if err != nil {
		t.Fatal(err)
	}
	direct, trans, req := inventory.RelationshipDirect, inventory.RelationshipTransitive, inventory.ScopeRequired
	want := []inventory.Package{
		{Name: "example.com/App", Ecosystem: "golang", PURL: "pkg:golang/example.com/app", Relationship: inventory.RelationshipRoot,
			Dependencies: []string{
				"pkg:golang/github.com/local/fork@v0.1.0",
				"pkg:golang/github.com/new/thing@v1.1.0",
				"pkg:golang/github.com/spf13/cobra@v1.8.1",
				"pkg:golang/golang.org/x/text@v0.14.0",
			}},
		{Name: "github.com/BurntSushi/toml", Version: "v1.3.2", Ecosystem: "golang", PURL: "pkg:golang/github.com/burntsushi/toml@v1.3.2", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "h1", Value: "h1:o7IhLm0Msx3BaB+n3Ag7L8EVlByGnpq14C4YWiu/gL8="}}},
		{Name: "github.com/inconshreveable/mousetrap", Version: "v1.1.0", Ecosystem: "golang", PURL: "pkg:golang/github.com/inconshreveable/mousetrap@v1.1.0", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "h1", Value: "h1:wN+x4NVGpMsO7ErUn/mUI3vEoE6Jt13X2s0bqwp9tc8="}}},
		{Name: "github.com/local/fork", Version: "v0.1.0", Ecosystem: "golang", PURL: "pkg:golang/github.com/local/fork@v0.1.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "replace_dir", Value: "../fork"}}},
		{Name: "github.com/new/thing", Version: "v1.1.0", Ecosystem: "golang", PURL: "pkg:golang/github.com/new/thing@v1.1.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "replaces", Value: "github.com/old/thing@v1.0.0"}}},
		{Name: "github.com/spf13/cobra", Version: "v1.8.1", Ecosystem: "golang", PURL: "pkg:golang/github.com/spf13/cobra@v1.8.1", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "h1", Value: "h1:e5/vxKd/rZsfSJMUX1agtjeTDf+qv1/JdBF8gg5k9ZM="}}},
		{Name: "golang.org/x/text", Version: "v0.14.0", Ecosystem: "golang", PURL: "pkg:golang/golang.org/x/text@v0.14.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "h1", Value: "h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ="}}},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract(go.mod) diff (-want +got):\n%s", d)
	}
}

func TestExtractErrors(t *testing.T) {
	for name, content := range map[string]string{
		"bad_directive": "module x\nrequire (\n\tgithub.com/a/b\n",
		"bad_version":   "module x\nrequire github.com/a/b not-a-version\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := extractortest.ExtractBytes(Extractor{}, "go.mod", []byte(content), nil)
			if err == nil {
				t.Fatal("no error")
			}
		})
	}
}
