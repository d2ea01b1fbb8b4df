package policy

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/inventory"
)

const examplePolicy = `version: 1
licenses:
  allow: [MIT, Apache-2.0, BSD-3-Clause, ISC, MulanPSL-2.0, GPL-3.0-only]
  deny: [AGPL-3.0-only, AGPL-3.0-or-later]
  categories:
    deny: [strong-copyleft, network-copyleft]
    warn: [weak-copyleft]
  unknown: deny
components:
  deny:
    - purl: pkg:npm/event-stream@3.3.6
      reason: compromised release
    - purl: pkg:npm/left-pad
      reason: unpublished once
exceptions:
  - purl: pkg:npm/some-package
    licenses: [GPL-2.0-only]
    reason: approved by legal review
    ticket: LEGAL-42
    approver: Jane Doe
    expires: 2027-06-30
  - purl: pkg:npm/old-waiver@1.0.0
    licenses: [MPL-2.0]
    reason: temporary
    expires: 2026-01-31
`

func pkg(purl, declared string, detected ...string) inventory.Package {
	p := inventory.Package{PURL: purl, Name: purl, Ecosystem: "npm", Relationship: "direct"}
	if declared != "" {
		p.DeclaredLicense = &inventory.DeclaredLicense{Expression: declared, Raw: declared}
	}
	for _, d := range detected {
		p.DetectedLicenses = append(p.DetectedLicenses, inventory.DetectedLicense{License: d})
	}
	return p
}

type row struct{ License, Severity, Rule, Source string }

func TestEvaluate(t *testing.T) {
	pol, err := Parse([]byte(examplePolicy), "policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name  string
		pkg   inventory.Package
		today string
		want  []row
	}{
		{"allowed", pkg("pkg:npm/a@1", "MIT"), "2026-11-22", nil},
		{"denied id", pkg("pkg:npm/a@1", "AGPL-3.0-only"), "2026-11-22", []row{{"AGPL-3.0-only", "error", "licenses.deny", "declared"}}},
		{"denied category", pkg("pkg:npm/a@1", "GPL-2.0-only"), "2026-11-22", []row{{"GPL-2.0-only", "error", "licenses.categories.deny", "declared"}}},
		{"warned category", pkg("pkg:npm/a@1", "MPL-2.0"), "2026-11-22", []row{{"MPL-2.0", "warning", "licenses.categories.warn", "declared"}}},
		{"not on the allow list", pkg("pkg:npm/a@1", "Zlib"), "2026-11-22", []row{{"Zlib", "error", "licenses.allow", "declared"}}},
		{"OR takes the best branch", pkg("pkg:npm/a@1", "AGPL-3.0-only OR MIT"), "2026-11-22", nil},
		{"AND takes the worst part", pkg("pkg:npm/a@1", "MIT AND MPL-2.0"), "2026-11-22", []row{{"MPL-2.0", "warning", "licenses.categories.warn", "declared"}}},
		{"WITH kept with its license", pkg("pkg:npm/a@1", "GPL-2.0-only WITH Classpath-exception-2.0"), "2026-11-22",
			[]row{{"GPL-2.0-only WITH Classpath-exception-2.0", "error", "licenses.categories.deny", "declared"}}},
		{"or-later satisfied by an allowed later version", pkg("pkg:npm/a@1", "GPL-2.0-or-later"), "2026-11-22", nil},
		{"concluded evaluated too", pkg("pkg:npm/a@1", "MIT", "AGPL-3.0-only"), "2026-11-22", []row{{"AGPL-3.0-only", "error", "licenses.deny", "concluded"}}},
		{"exception in force", pkg("pkg:npm/some-package@2.0.0", "GPL-2.0-only"), "2027-06-30",
			[]row{{"GPL-2.0-only", "waived", "exceptions", "declared"}}},
		{"exception expired the day after", pkg("pkg:npm/some-package@2.0.0", "GPL-2.0-only"), "2027-07-01",
			[]row{{"GPL-2.0-only", "warning", "exceptions", "declared"}, {"GPL-2.0-only", "error", "licenses.categories.deny", "declared"}}},
		{"exception for another version does not apply", pkg("pkg:npm/old-waiver@2.0.0", "MPL-2.0"), "2026-01-01",
			[]row{{"MPL-2.0", "warning", "licenses.categories.warn", "declared"}}},
		{"denied component whatever its license", pkg("pkg:npm/event-stream@3.3.6", "MIT"), "2026-11-22", []row{{"", "error", "components.deny", ""}}},
		{"version-less component rule", pkg("pkg:npm/left-pad@1.3.0", "WTFPL"), "2026-11-22",
			[]row{{"", "error", "components.deny", ""}, {"WTFPL", "error", "licenses.allow", "declared"}}},
		{"no license", pkg("pkg:npm/a@1", ""), "2026-11-22", []row{{"", "error", "licenses.unknown", ""}}},
		{"malformed expression", pkg("pkg:npm/a@1", "MIT OR (Apache-2.0"), "2026-11-22", []row{{"MIT OR (Apache-2.0", "error", "expression", "declared"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Evaluate(pol, []inventory.Package{tt.pkg}, day(tt.today), false)
			var got []row
			for _, f := range res.Findings {
				got = append(got, row{f.License, f.Severity, f.Rule, f.Source})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			wantPass := true
			for _, r := range tt.want {
				if r.Severity == "error" {
					wantPass = false
				}
			}
			if res.Passed != wantPass {
				t.Errorf("passed = %v, want %v", res.Passed, wantPass)
			}
		})
	}
}

func TestFailOnWarning(t *testing.T) {
	pol, _ := Parse([]byte(examplePolicy), "p")
	pkgs := []inventory.Package{pkg("pkg:npm/a@1", "MPL-2.0")}
	if !Evaluate(pol, pkgs, time.Now(), false).Passed {
		t.Error("a warning failed the check")
	}
	if Evaluate(pol, pkgs, time.Now(), true).Passed {
		t.Error("a warning passed with fail-on warning")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ policy, want string }{
		{"version: 1\nlicenses:\n  allow: [MTI]\n", `licenses.allow[0]: unknown license "MTI"; did you mean "MIT"?`},
		{"version: 1\nlicenses:\n  categories:\n    deny: [viral]\n", `unknown category "viral"`},
		{"version: 1\nlicence:\n  allow: [MIT]\n", "line 2: field licence not found"},
		{"version: 1\nlicenses: [\n", "line 2"},
		{"version: 2\n", "version: 2 is not a policy version"},
		{"version: 1\nexceptions:\n  - purl: pkg:npm/x\n    licenses: [MIT]\n    expires: soon\n", `expires: "soon" is not a date`},
		{"", "empty policy"},
		{"version: 1\nlicenses:\n  deny: [Apache2.0]\n", `did you mean "Apache-2.0"?`},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.policy), "p.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "p.yaml: ") {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tt.policy, err, tt.want)
		}
	}
}

func FuzzParseExpression(f *testing.F) {
	for _, s := range []string{"MIT", "MIT OR (Apache-2.0 AND BSD-3-Clause)", "GPL-2.0-only WITH Classpath-exception-2.0", "((", "a AND", ") OR ("} {
		f.Add(s)
	}
	pol, _ := Parse([]byte(examplePolicy), "p")
	f.Fuzz(func(t *testing.T, s string) {
		licenses.ParseExpression(s)
		Evaluate(pol, []inventory.Package{pkg("pkg:npm/x@1", s)}, time.Now(), false)
	})
}

// TestPresets: every starter policy is valid, and judges as its name says.
func TestPresets(t *testing.T) {
	for _, name := range Presets() {
		data, err := Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		pol, err := Parse(data, name)
		if err != nil {
			t.Fatalf("preset %s: %v", name, err)
		}
		res := Evaluate(pol, []inventory.Package{pkg("pkg:npm/a@1", "MIT"), pkg("pkg:npm/b@1", "GPL-3.0-only")}, time.Now(), false)
		if res.Passed || res.Summary.Errors != 1 || res.Findings[0].PURL != "pkg:npm/b@1" {
			t.Errorf("preset %s: %+v", name, res)
		}
	}
	mulan, _ := Preset("mulan-friendly")
	pol, _ := Parse(mulan, "m")
	if res := Evaluate(pol, []inventory.Package{pkg("pkg:npm/a@1", "LicenseRef-MulanPubL-2.0")}, time.Now(), false); !res.Passed {
		t.Errorf("mulan-friendly refuses MulanPubL-2.0: %+v", res.Findings)
	}
	if _, err := Preset("anything-goes"); err == nil {
		t.Error("unknown preset accepted")
	}
}

// TestRefinements: scopes, overrides, choices and extends.
func TestRefinements(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("org.yaml", `version: 1
licenses:
  allow: [MIT]
  categories:
    deny: [strong-copyleft]
  unknown: deny
scopes:
  test: ignore
`)
	repo := write("repo.yaml", `version: 1
extends: org.yaml
licenses:
  allow: [Apache-2.0]
scopes:
  dev: warn
overrides:
  - purl: pkg:npm/misdetected
    license: MIT
    reason: the COPYING file is a test fixture
choices:
  - purl: pkg:npm/dual@1.0.0
    license: MIT
    reason: we take MIT
`)
	pol, err := Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pol.Licenses.Allow, []string{"MIT", "Apache-2.0"}) || pol.Scopes["test"] != "ignore" || pol.Scopes["dev"] != "warn" {
		t.Fatalf("extends: %+v", pol)
	}
	dev := pkg("pkg:npm/devtool@1", "GPL-3.0-only")
	dev.Scope = "dev"
	test := pkg("pkg:npm/testtool@1", "GPL-3.0-only")
	test.Scope = "test"
	mis := pkg("pkg:npm/misdetected@2", "MIT", "GPL-3.0-only")
	dual := pkg("pkg:npm/dual@1.0.0", "GPL-3.0-only OR MIT")
	res := Evaluate(pol, []inventory.Package{dev, test, mis, dual, pkg("pkg:npm/apache@1", "Apache-2.0")}, time.Now(), false)
	var got []row
	for _, f := range res.Findings {
		got = append(got, row{f.PURL, f.Severity, f.Rule, f.Source})
	}
	want := []row{{"pkg:npm/devtool@1", "warning", "licenses.categories.deny", "declared"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if !res.Passed {
		t.Error("failed")
	}
	write("loop.yaml", "version: 1\nextends: loop.yaml\n")
	if _, err := Load(filepath.Join(dir, "loop.yaml")); err == nil || !strings.Contains(err.Error(), "nested too deep") {
		t.Errorf("extends loop: %v", err)
	}
	write("orphan.yaml", "version: 1\nextends: nowhere.yaml\n")
	if _, err := Load(filepath.Join(dir, "orphan.yaml")); err == nil || !strings.Contains(err.Error(), "extends nowhere.yaml") {
		t.Errorf("missing base: %v", err)
	}
	if _, err := Parse([]byte("version: 1\nscopes:\n  build: ignore\n"), "p"); err == nil || !strings.Contains(err.Error(), `unknown scope "build"`) {
		t.Errorf("bad scope: %v", err)
	}
}

// TestExceptionExpired: an exception holds through its whole expiry day
// (UTC), whatever the time of the check.
func TestExceptionExpired(t *testing.T) {
	e := Exception{Expires: "2027-06-30"}
	tests := []struct {
		at   string
		want bool
	}{
		{"2027-06-29T23:59:59Z", false},
		{"2027-06-30T00:00:00Z", false},
		{"2027-06-30T23:59:59Z", false},
		{"2027-06-30T20:00:00-05:00", true}, // 01:00 UTC the next day
		{"2027-07-01T00:00:00Z", true},
	}
	for _, tt := range tests {
		at, err := time.Parse(time.RFC3339, tt.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Expired(at); got != tt.want {
			t.Errorf("expired at %s = %v, want %v", tt.at, got, tt.want)
		}
	}
	if (Exception{}).Expired(time.Now()) {
		t.Error("an exception without a date expired")
	}
}
