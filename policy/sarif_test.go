package policy

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hengdev/heng/sbom/sbomtest"
	"github.com/hengdev/heng/scanner/inventory"
)

// sarifSchema compiles the official SARIF 2.1.0 schema
// (testdata/sarif/fetch.sh says where it comes from).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return compileSchema(t, "testdata/sarif/sarif-schema-2.1.0.json")
}

// sarifResult is a check with a finding of every rule and severity.
func sarifResult(t *testing.T) Result {
	t.Helper()
	pol, err := Parse([]byte(examplePolicy), "policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	at := func(p inventory.Package, version string, files ...string) inventory.Package {
		p.Name = strings.TrimPrefix(strings.Split(p.PURL, "@")[0], "pkg:npm/")
		p.Version = version
		for _, f := range files {
			p.Locations = append(p.Locations, inventory.Location{Path: f, FoundBy: "npm/packagelock"})
		}
		return p
	}
	pkgs := []inventory.Package{
		at(pkg("pkg:npm/agpl@1.0.0", "AGPL-3.0-only"), "1.0.0", "package-lock.json", "web/package-lock.json"),
		at(pkg("pkg:npm/mpl@2.0.0", "MPL-2.0"), "2.0.0", "package-lock.json"),
		at(pkg("pkg:npm/some-package@2.0.0", "GPL-2.0-only"), "2.0.0", "package-lock.json"),
		at(pkg("pkg:npm/event-stream@3.3.6", "MIT"), "3.3.6", "package-lock.json"),
		at(pkg("pkg:npm/zlib-thing@1.0.0", "Zlib"), "1.0.0"),
		at(pkg("pkg:npm/nolicense@0.1.0", ""), "0.1.0", "package-lock.json"),
		at(pkg("pkg:npm/bad@1.0.0", "MIT OR (Apache-2.0"), "1.0.0", "package-lock.json"),
		at(pkg("pkg:npm/fine@1.0.0", "MIT"), "1.0.0", "package-lock.json"),
	}
	return Evaluate(pol, pkgs, time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC), false)
}

func TestWriteSARIF(t *testing.T) {
	res := sarifResult(t)
	lines := map[string]int{"agpl": 12, "mpl": 30}
	var buf bytes.Buffer
	err := WriteSARIF(&buf, res, "policy.yaml", SARIFOptions{
		ToolVersion: "v1.2.3",
		Base:        "app",
		Line: func(file, name, version string) int {
			if file != "package-lock.json" {
				return 0
			}
			return lines[name]
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	sbomtest.Golden(t, buf.Bytes())

	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}

	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []struct {
					Kind   string `json:"kind"`
					Status string `json:"status"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if len(run.Results) != len(res.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(res.Findings))
	}
	levels := map[string]string{Error: "error", Warning: "warning", Waived: "note"}
	for i, r := range run.Results {
		f := res.Findings[i]
		if r.RuleID != f.Rule || run.Tool.Driver.Rules[r.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: rule %q (index %d), finding's %q", i, r.RuleID, r.RuleIndex, f.Rule)
		}
		if r.Level != levels[f.Severity] {
			t.Errorf("result %d: level %q for a finding of severity %s", i, r.Level, f.Severity)
		}
		if (f.Severity == Waived) != (len(r.Suppressions) == 1) {
			t.Errorf("result %d (%s): %d suppressions", i, f.Severity, len(r.Suppressions))
		}
		if !strings.Contains(r.Message.Text, f.Name+"@"+f.Version) {
			t.Errorf("result %d: message %q does not name the package", i, r.Message.Text)
		}
		if len(r.Locations) == 0 {
			t.Errorf("result %d: no location", i)
		}
		for _, l := range r.Locations {
			if l.PhysicalLocation.Region.StartLine < 1 {
				t.Errorf("result %d: start line %d", i, l.PhysicalLocation.Region.StartLine)
			}
		}
	}
	// The lock file, under the scanned directory, at the package's line;
	// the second lock file at its top; a package found nowhere at the
	// policy file.
	first := run.Results[0].Locations
	if len(first) != 2 || first[0].PhysicalLocation.ArtifactLocation.URI != "app/package-lock.json" || first[0].PhysicalLocation.Region.StartLine != 12 ||
		first[1].PhysicalLocation.ArtifactLocation.URI != "app/web/package-lock.json" || first[1].PhysicalLocation.Region.StartLine != 1 {
		t.Errorf("locations of the first finding: %+v", first)
	}
	last := run.Results[len(run.Results)-1]
	if last.Locations[0].PhysicalLocation.ArtifactLocation.URI != "policy.yaml" {
		t.Errorf("a finding without location points at %q", last.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
}

// TestWriteSARIFEmpty: a passing check is a valid log with no results.
func TestWriteSARIFEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, Result{Passed: true, Findings: []Finding{}}, "p.yaml", SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"results": []`)) {
		t.Errorf("no empty results array:\n%s", buf.Bytes())
	}
}
