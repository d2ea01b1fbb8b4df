package cyclonedx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"
)

func mustRead(t *testing.T, doc string) *cdx.BOM {
	t.Helper()
	bom, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return bom
}

// TestMerge: two parts of a monorepo, with a shared dependency and a
// bom-ref both use for different things.
func TestMerge(t *testing.T) {
	web := mustRead(t, `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
	  "metadata": {"component": {"bom-ref": "root", "type": "application", "name": "web", "purl": "pkg:npm/web@1.0.0"}},
	  "components": [
	    {"bom-ref": "a", "type": "library", "name": "lodash", "version": "4.17.21", "purl": "pkg:npm/lodash@4.17.21", "licenses": [{"license": {"id": "MIT"}}]},
	    {"bom-ref": "b", "type": "library", "name": "ms", "version": "2.1.3", "purl": "pkg:npm/ms@2.1.3"}
	  ],
	  "dependencies": [{"ref": "root", "dependsOn": ["a"]}, {"ref": "a", "dependsOn": ["b"]}, {"ref": "b"}],
	  "compositions": [{"aggregate": "complete", "dependencies": ["root"]}]}`)
	api := mustRead(t, `{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
	  "metadata": {"component": {"bom-ref": "root", "type": "application", "name": "api", "purl": "pkg:golang/example.com/api"}},
	  "components": [
	    {"bom-ref": "a", "type": "library", "name": "github.com/spf13/cobra", "version": "v1.8.1", "purl": "pkg:golang/github.com/spf13/cobra@v1.8.1"},
	    {"bom-ref": "lodash", "type": "library", "name": "lodash", "version": "4.17.21", "purl": "pkg:npm/lodash@4.17.21"}
	  ],
	  "dependencies": [{"ref": "root", "dependsOn": ["a", "lodash"]}]}`)
	merged := Merge([]*cdx.BOM{web, api}, MergeOptions{ToolVersion: "v1", Created: time.Unix(1700000000, 0)})

	var refs []string
	for _, c := range *merged.Components {
		refs = append(refs, c.BOMRef+" "+c.PackageURL)
	}
	wantRefs := []string{"a pkg:npm/lodash@4.17.21", "a-2 pkg:golang/github.com/spf13/cobra@v1.8.1", "b pkg:npm/ms@2.1.3", "root-2 pkg:golang/example.com/api"}
	if diff := cmp.Diff(wantRefs, refs); diff != "" {
		t.Errorf("components (-want +got):\n%s", diff)
	}
	if merged.Metadata.Component.Name != "web" {
		t.Errorf("project %q, want web", merged.Metadata.Component.Name)
	}
	graph := map[string][]string{}
	for _, d := range *merged.Dependencies {
		graph[d.Ref] = *d.Dependencies
	}
	wantGraph := map[string][]string{
		"root": {"a", "root-2"}, "a": {"b"}, "b": {}, "root-2": {"a", "a-2"}, "a-2": {},
	}
	if diff := cmp.Diff(wantGraph, graph); diff != "" {
		t.Errorf("graph (-want +got):\n%s", diff)
	}
	if (*merged.Dependencies)[0].Ref != "root" {
		t.Errorf("graph does not start with the project")
	}
	if got := (*merged.Compositions)[0].Aggregate; got != cdx.CompositionAggregateIncomplete {
		t.Errorf("aggregate %q: the api part says nothing about completeness", got)
	}

	var buf bytes.Buffer
	if err := Write(&buf, merged, cdx.SpecVersion1_6, false); err != nil {
		t.Fatal(err)
	}
	_, problems, err := ValidateJSON(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("merged SBOM invalid at %s: %s", p.Path, p.Message)
	}
	// Merging is deterministic and leaves its inputs alone.
	again := Merge([]*cdx.BOM{web, api}, MergeOptions{ToolVersion: "v1", Created: time.Unix(1700000000, 0)})
	if again.SerialNumber != merged.SerialNumber {
		t.Error("merging the same documents twice gave different serial numbers")
	}
	if (*web.Components)[0].BOMRef != "a" || (*api.Components)[0].BOMRef != "a" {
		t.Error("Merge modified its inputs")
	}
}
