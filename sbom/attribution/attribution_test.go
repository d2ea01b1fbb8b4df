package attribution

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestCategoryOf(t *testing.T) {
	tests := []struct {
		name, expr string
		want       licenses.Category
	}{
		{"empty", "", licenses.Unknown},
		{"single", "MIT", licenses.Permissive},
		{"and-takes-most-demanding", "MIT AND GPL-3.0-only", licenses.StrongCopyleft},
		{"or-takes-least-demanding", "GPL-3.0-only OR Apache-2.0", licenses.Permissive},
		{"or-unknown-branch-loses", "LicenseRef-heng-unknown-foo OR LGPL-2.1-only", licenses.WeakCopyleft},
		{"and-unknown-part-wins", "MIT AND LicenseRef-heng-unknown-foo", licenses.Unknown},
		{"with-is-the-license", "GPL-2.0-only WITH Classpath-exception-2.0", licenses.StrongCopyleft},
		{"with-inside-or", "LGPL-3.0-or-later WITH openvpn-openssl-exception OR MIT", licenses.Permissive},
		{"and-binds-tighter-than-or", "MIT OR GPL-3.0-only AND AGPL-3.0-only", licenses.Permissive},
		{"parentheses", "(MIT OR GPL-3.0-only) AND AGPL-3.0-only", licenses.NetworkCopyleft},
		{"nested-parentheses", "((MIT) AND (ISC OR (BSD-3-Clause)))", licenses.Permissive},
		{"public-domain-below-permissive", "CC0-1.0 OR MIT", licenses.PublicDomain},
		{"source-available", "MIT AND BUSL-1.1", licenses.SourceAvailable},
		{"proprietary", "LicenseRef-heng-proprietary AND BUSL-1.1", licenses.Proprietary},
		{"or-later-plus", "GPL-2.0+", licenses.StrongCopyleft},
		{"lower-case-operators", "mit or gpl-3.0-only", licenses.Permissive},
		{"unbalanced", "(MIT AND ISC", licenses.Unknown},
		{"dangling-operator", "MIT AND", licenses.Unknown},
		{"with-without-exception", "GPL-2.0-only WITH", licenses.Unknown},
		{"two-ids", "MIT ISC", licenses.Unknown},
		{"only-parentheses", "()", licenses.Unknown},
		{"deep-nesting", strings.Repeat("(", 1000) + "MIT" + strings.Repeat(")", 1000), licenses.Unknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CategoryOf(tc.expr); got != tc.want {
				t.Errorf("CategoryOf(%q) = %s, want %s", tc.expr, got, tc.want)
			}
		})
	}
}

func TestDisagree(t *testing.T) {
	tests := []struct {
		name, declared, concluded string
		want                      bool
	}{
		{"same", "MIT", "MIT", false},
		{"order-ignored", "MIT AND ISC", "ISC AND MIT", false},
		{"parentheses-ignored", "(MIT AND ISC)", "MIT AND ISC", false},
		{"repetition-ignored", "MIT AND MIT", "MIT", false},
		{"different", "ISC", "MIT", true},
		{"subset", "MIT", "MIT AND Apache-2.0", true},
		{"declared-missing", "", "MIT", false},
		{"concluded-missing", "MIT", "", false},
		{"both-missing", "", "", false},
		{"unknown-declared-vs-real", "LicenseRef-heng-unknown-see-license", "MIT", true},
		{"case", "mit", "MIT", false},
		{"deprecated-id", "GPL-2.0", "GPL-2.0-only", false},
		{"deprecated-plus", "GPL-2.0+", "GPL-2.0-or-later", false},
		{"only-vs-or-later", "GPL-2.0-only", "GPL-2.0-or-later", true},
		{"with-exception", "GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Disagree(tc.declared, tc.concluded); got != tc.want {
				t.Errorf("Disagree(%q, %q) = %v, want %v", tc.declared, tc.concluded, got, tc.want)
			}
		})
	}
}

func TestApplyPolicy(t *testing.T) {
	pol, err := policy.Parse([]byte(`version: 1
licenses:
  deny: [GPL-3.0-only]
exceptions:
  - purl: pkg:npm/a@1.0.0
    licenses: [GPL-3.0-only]
    reason: internal tool only
    expires: "2026-03-01"
  - purl: pkg:npm/b@1.0.0
    licenses: [GPL-3.0-only]
    reason: forever
`), "policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := []inventory.Package{
		{Name: "a", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/a@1.0.0", DeclaredLicense: &inventory.DeclaredLicense{Expression: "GPL-3.0-only"}},
		{Name: "b", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/b@1.0.0", DeclaredLicense: &inventory.DeclaredLicense{Expression: "GPL-3.0-only"}},
		{Name: "c", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/c@1.0.0", DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT"}},
		{Name: "zlib", Ecosystem: "generic", Directory: "third_party/zlib", DeclaredLicense: &inventory.DeclaredLicense{Expression: "GPL-3.0-only"}},
		{Name: "app", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/app@1.0.0", Relationship: "root", DeclaredLicense: &inventory.DeclaredLicense{Expression: "GPL-3.0-only"}},
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name     string
		today    time.Time
		expired  bool
		verdictA string
	}{
		{"day-before", day("2026-02-28T23:59:59Z"), false, policy.Waived},
		{"expiry-day-midnight", day("2026-03-01T00:00:00Z"), false, policy.Waived},
		// The exception holds through the whole expiry day.
		{"expiry-day-last-second", day("2026-03-01T23:59:59Z"), false, policy.Waived},
		{"day-after", day("2026-03-02T00:00:00Z"), true, policy.Error},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := FromDocument(&sbom.Document{Root: "x", Packages: pkgs}, Options{})
			res := policy.Evaluate(pol, pkgs, tc.today, false)
			p.ApplyPolicy(pol, "policy.yaml", res, tc.today)
			if p.Policy != "policy.yaml" || p.Result == nil || p.Result.Passed != res.Passed {
				t.Errorf("Policy, Result = %q, %+v", p.Policy, p.Result)
			}
			var gotExpired []bool
			for _, e := range p.Exceptions {
				gotExpired = append(gotExpired, e.Expired)
			}
			if d := cmp.Diff([]bool{tc.expired, false}, gotExpired); d != "" {
				t.Errorf("Expired (-want +got):\n%s", d)
			}
			// The report must agree with the findings.
			evalExpired := slices.ContainsFunc(res.Findings, func(f policy.Finding) bool {
				return f.PURL == "pkg:npm/a@1.0.0" && strings.Contains(f.Message, "expired")
			})
			if evalExpired != tc.expired {
				t.Errorf("policy.Evaluate says expired = %v, ApplyPolicy %v", evalExpired, tc.expired)
			}
			got := map[string]string{}
			for _, pk := range p.Packages {
				got[pk.Name] = pk.Verdict
				for _, f := range pk.Findings {
					if f.Name != pk.Name || f.Version != pk.Version {
						t.Errorf("%s has a finding of %s %s", pk.Name, f.Name, f.Version)
					}
				}
			}
			for _, r := range p.Roots {
				got[r.Name] = r.Verdict
			}
			want := map[string]string{"a": tc.verdictA, "b": policy.Waived, "c": VerdictPass, "zlib": policy.Error, "app": ""}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("verdicts (-want +got):\n%s", d)
			}
		})
	}
}

func TestApplyPolicyWithoutPolicy(t *testing.T) {
	p := FromDocument(&sbom.Document{Packages: []inventory.Package{{Name: "x", Ecosystem: "generic"}}}, Options{})
	p.ApplyPolicy(nil, "", policy.Result{Passed: true}, time.Time{})
	if len(p.Exceptions) != 0 || p.Packages[0].Verdict != VerdictPass || p.Packages[0].Findings == nil {
		t.Errorf("got %+v, %+v", p.Exceptions, p.Packages[0])
	}
}

// checkInvariants checks what every Project promises: indexes in range,
// Text.Packages sorted and consistent with Package.Texts, Texts in the
// order of first use, packages sorted.
func checkInvariants(t *testing.T, p *Project) {
	t.Helper()
	if !slices.IsSortedFunc(p.Packages, func(a, b Package) int { return inventory.ComparePackages(&a.Package, &b.Package) }) {
		t.Error("Packages not sorted")
	}
	for _, r := range p.Roots {
		if r.Relationship != inventory.RelationshipRoot {
			t.Errorf("root %q has relationship %q", r.Name, r.Relationship)
		}
	}
	check := func(who string, pk *Package, idx int) {
		seen := map[int]bool{}
		for _, ti := range pk.Texts {
			if ti < 0 || ti >= len(p.Texts) {
				t.Fatalf("%s: text %d out of range", who, ti)
			}
			if seen[ti] {
				t.Errorf("%s: text %d twice", who, ti)
			}
			seen[ti] = true
			if idx >= 0 && !slices.Contains(p.Texts[ti].Packages, idx) {
				t.Errorf("%s uses text %d, which does not list it", who, ti)
			}
		}
		for _, e := range pk.Evidence {
			if e.Text < -1 || e.Text >= len(p.Texts) {
				t.Fatalf("%s: evidence text %d out of range", who, e.Text)
			}
			if e.Text == -1 && e.Note == "" {
				t.Errorf("%s: evidence %s without text nor note", who, e.File)
			}
			if e.Text >= 0 && !seen[e.Text] {
				t.Errorf("%s: evidence text %d not among the package's texts", who, e.Text)
			}
		}
		if !slices.IsSorted(pk.Copyrights) || len(pk.Copyrights) > MaxCopyrights {
			t.Errorf("%s: copyrights not sorted or too many", who)
		}
		for _, n := range pk.Notes {
			if n == "" || strings.ContainsAny(n, "\n\r") {
				t.Errorf("%s: bad note %q", who, n)
			}
		}
	}
	for i := range p.Packages {
		check("package "+p.Packages[i].Name, &p.Packages[i], i)
	}
	for i := range p.Roots {
		check("root "+p.Roots[i].Name, &p.Roots[i], -1)
	}
	last := -1
	unused := false
	for i, tx := range p.Texts {
		if tx.Body == "" {
			t.Errorf("text %d is empty", i)
		}
		if !slices.IsSorted(tx.Licenses) {
			t.Errorf("text %d: licenses not sorted", i)
		}
		for j, pi := range tx.Packages {
			if pi < 0 || pi >= len(p.Packages) {
				t.Fatalf("text %d: package %d out of range", i, pi)
			}
			if j > 0 && tx.Packages[j-1] >= pi {
				t.Errorf("text %d: packages not sorted: %v", i, tx.Packages)
			}
			if !slices.Contains(p.Packages[pi].Texts, i) {
				t.Errorf("text %d lists package %d, which does not use it", i, pi)
			}
		}
		if len(tx.Packages) == 0 {
			unused = true
			continue
		}
		if unused {
			t.Errorf("text %d is used by packages but comes after a text only roots use", i)
		}
		if tx.Packages[0] < last {
			t.Errorf("text %d: not in the order of first use", i)
		}
		last = tx.Packages[0]
	}
}

// textsOf describes a package's texts: "own:<ids>:<file>" or
// "canonical:<ids>".
func textsOf(p *Project, pk *Package) []string {
	out := []string{}
	for _, ti := range pk.Texts {
		tx := p.Texts[ti]
		if tx.Canonical {
			out = append(out, "canonical:"+strings.Join(tx.Licenses, ","))
		} else {
			out = append(out, "own:"+strings.Join(tx.Licenses, ",")+":"+tx.File)
		}
	}
	return out
}

type pkgSummary struct {
	License      string
	Category     licenses.Category
	Disagreement bool
	Copyrights   []string
	Texts        []string
	Notes        []string
}

func summarize(p *Project) map[string]pkgSummary {
	out := map[string]pkgSummary{}
	for i := range p.Packages {
		pk := &p.Packages[i]
		out[pk.Name] = pkgSummary{pk.License, pk.Category, pk.Disagreement, pk.Copyrights, textsOf(p, pk), pk.Notes}
	}
	return out
}

func canonicalNote(id string) string {
	return "no license text for " + id + " found in the package's files: heng's canonical " + id + " text is given"
}

func TestFromDocument(t *testing.T) {
	dir := testTree(t)
	doc := scan(t, dir)
	p := FromDocument(doc, Options{Root: dir})
	checkInvariants(t, p)
	if p.Name != "app" || p.Version != "1.0.0" || p.Files != len(doc.Files) || p.Source != "project" || p.FromSBOM || len(p.Roots) != 1 {
		t.Errorf("project = %q %q, %d files, source %q, from SBOM %v, %d roots", p.Name, p.Version, p.Files, p.Source, p.FromSBOM, len(p.Roots))
	}
	want := map[string]pkgSummary{
		"a": {"MIT", licenses.Permissive, false, []string{"Copyright (c) 2020 Alice", "Copyright 2020 Alice"},
			[]string{"own:MIT:node_modules/a/LICENSE"}, []string{}},
		"b": {"MIT", licenses.Permissive, false, []string{"Copyright (c) 2020 Bob"},
			[]string{"own:MIT:node_modules/a/LICENSE"}, []string{}},
		"c": {"Apache-2.0", licenses.Permissive, false, []string{},
			[]string{"canonical:Apache-2.0"}, []string{canonicalNote("Apache-2.0")}},
		"d": {"MulanPSL-2.0", licenses.Permissive, false, []string{"Copyright (c) 2022 示例科技有限公司"},
			[]string{"own:MulanPSL-2.0:node_modules/d/LICENSE"}, []string{}},
		"f": {"MIT", licenses.Permissive, true, []string{"Copyright (c) 2020 Frank"},
			[]string{"own:MIT:node_modules/a/LICENSE"}, []string{}},
		"g": {"", licenses.Unknown, false, []string{}, []string{}, []string{"no license declared or found"}},
		// A LICENSE file holding only a tag is the package's own, but
		// not the license's text.
		"h": {"BSD-3-Clause", licenses.Permissive, false, []string{},
			[]string{"own:BSD-3-Clause:node_modules/h/LICENSE", "canonical:BSD-3-Clause"}, []string{canonicalNote("BSD-3-Clause")}},
		// A NOTICE file in which no license is recognised is still
		// given.
		"i": {"Apache-2.0", licenses.Permissive, false, []string{"Copyright 2019 The Example Foundation"},
			[]string{"own::node_modules/i/NOTICE", "canonical:Apache-2.0"}, []string{canonicalNote("Apache-2.0")}},
	}
	if d := cmp.Diff(want, summarize(p)); d != "" {
		t.Errorf("packages (-want +got):\n%s", d)
	}
	mit := p.Texts[p.Packages[0].Texts[0]]
	if !strings.Contains(mit.Body, "Permission is hereby granted") || strings.Contains(mit.Body, "Alice") || strings.Contains(mit.Body, "Bob") {
		t.Errorf("MIT text keeps a copyright line or lost its body:\n%s", mit.Body)
	}
	if d := cmp.Diff([]int{0, 1, 4}, mit.Packages); d != "" {
		t.Errorf("MIT text packages (-want +got):\n%s", d)
	}
	mulan := p.Texts[p.Packages[3].Texts[0]]
	if !strings.Contains(mulan.Body, "木兰宽松许可证") || strings.Contains(mulan.Body, "示例科技") {
		t.Errorf("Mulan text:\n%.300s", mulan.Body)
	}
	a := p.Packages[0]
	if d := cmp.Diff([]Evidence{{License: "MIT", File: "node_modules/a/LICENSE", StartLine: 3, EndLine: 18, Text: a.Texts[0]}}, a.Evidence); d != "" {
		t.Errorf("evidence of a (-want +got):\n%s", d)
	}
	// The same input gives the same project.
	if d := cmp.Diff(p, FromDocument(doc, Options{Root: dir})); d != "" {
		t.Errorf("not deterministic:\n%s", d)
	}
}

func TestFromDocumentUnreadable(t *testing.T) {
	const lic = "node_modules/a/LICENSE"
	tests := []struct {
		name  string
		opts  func(dir string) Options
		spoil func(t *testing.T, dir string)
		note  string
	}{
		{"missing", nil, func(t *testing.T, dir string) { must(t, os.Remove(filepath.Join(dir, lic))) }, "not found on disk"},
		{"no-root", func(string) Options { return Options{} }, nil, "not read: no directory to read files from"},
		{"too-large", func(dir string) Options { return Options{Root: dir, MaxTextSize: 64} }, nil, "not read: larger than 64 bytes"},
		{"too-large-kib", func(dir string) Options { return Options{Root: dir, MaxTextSize: 1 << 10} }, nil, "not read: larger than 1 KiB"},
		{"directory", nil, func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, lic)))
			must(t, os.Mkdir(filepath.Join(dir, lic), 0o755))
		}, "not read: not a regular file"},
		{"binary", nil, func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, lic), []byte("MIT\x00\x01\x02"), 0o644))
		}, "not read: not a text file"},
		{"symlink-out-of-tree", nil, func(t *testing.T, dir string) {
			secret := filepath.Join(t.TempDir(), "secret")
			must(t, os.WriteFile(secret, []byte("TOP SECRET\n"), 0o644))
			must(t, os.Remove(filepath.Join(dir, lic)))
			if err := os.Symlink(secret, filepath.Join(dir, lic)); err != nil {
				t.Skip(err)
			}
		}, "not read: outside the scanned tree"},
		{"only-copyright", nil, func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, lic), []byte("Copyright (c) 2020 Alice\n"), 0o644))
		}, "nothing left once its copyright lines are removed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := testTree(t)
			doc := scan(t, dir)
			if tc.spoil != nil {
				tc.spoil(t, dir)
			}
			opts := Options{Root: dir}
			if tc.opts != nil {
				opts = tc.opts(dir)
			}
			p := FromDocument(doc, opts)
			checkInvariants(t, p)
			a := p.Packages[0]
			if len(a.Evidence) != 1 || a.Evidence[0].Text != -1 || a.Evidence[0].Note != tc.note {
				t.Fatalf("evidence = %+v, want no text and note %q", a.Evidence, tc.note)
			}
			wantNotes := []string{lic + ": " + tc.note, canonicalNote("MIT")}
			if d := cmp.Diff(wantNotes, a.Notes); d != "" {
				t.Errorf("notes (-want +got):\n%s", d)
			}
			if d := cmp.Diff([]string{"canonical:MIT"}, textsOf(p, &a)); d != "" {
				t.Errorf("texts (-want +got):\n%s", d)
			}
			for _, tx := range p.Texts {
				if tx.File == lic || strings.Contains(tx.Body, "SECRET") {
					t.Errorf("a text was made of the unreadable file: %+v", tx)
				}
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestFromDocumentAbsolute: a Go module cache's license file, outside
// the tree, is read only when allowed.
func TestFromDocumentAbsolute(t *testing.T) {
	cache := filepath.ToSlash(filepath.Join(t.TempDir(), "github.com", "x", "y@v1.0.0"))
	must(t, os.MkdirAll(cache, 0o755))
	must(t, os.WriteFile(cache+"/LICENSE", []byte(mitText("Yvonne")), 0o644))
	doc := &sbom.Document{Root: ".", Packages: []inventory.Package{{
		Name: "github.com/x/y", Version: "v1.0.0", Ecosystem: "golang", PURL: "pkg:golang/github.com/x/y@v1.0.0",
		Directory:        cache,
		DetectedLicenses: []inventory.DetectedLicense{{License: "MIT", Files: []string{cache + "/LICENSE"}}},
	}}}
	for _, allow := range []bool{false, true} {
		p := FromDocument(doc, Options{Root: t.TempDir(), AllowAbsolute: allow})
		checkInvariants(t, p)
		y := p.Packages[0]
		want := pkgSummary{"MIT", licenses.Permissive, false, []string{}, []string{"canonical:MIT"},
			[]string{cache + "/LICENSE: not read: outside the scanned tree", canonicalNote("MIT")}}
		if allow {
			want = pkgSummary{"MIT", licenses.Permissive, false, []string{"Copyright (c) 2020 Yvonne"},
				[]string{"own:MIT:" + cache + "/LICENSE"}, []string{}}
		}
		if d := cmp.Diff(want, summarize(p)["github.com/x/y"]); d != "" {
			t.Errorf("AllowAbsolute %v (-want +got):\n%s", allow, d)
		}
		if y.Evidence[0].StartLine != 0 {
			t.Errorf("lines of a file the document does not list: %+v", y.Evidence[0])
		}
	}
}

// TestFromDocumentFiles checks what comes from the document's files: a
// nested package's statements are its own, a license text's own notice
// stays in the text, and statements are bounded.
func TestFromDocumentFiles(t *testing.T) {
	dir := t.TempDir()
	gpl, _ := licenses.Text("GPL-2.0-only")
	must(t, os.MkdirAll(filepath.Join(dir, "third_party/gpl"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "third_party/gpl/COPYING"), []byte(gpl), 0o644))
	fsf := "Copyright (C) 1989, 1991 Free Software Foundation, Inc."
	files := []inventory.File{
		{Path: "node_modules/outer/LICENSE", Tags: []string{"license"}, Licenses: []inventory.License{{ID: "MIT", Kind: "text", StartLine: 1, EndLine: 20}}},
		{Path: "node_modules/outer/index.js", Copyrights: []inventory.Copyright{{Statement: "Copyright 2020 Outer"}}},
		{Path: "node_modules/outer/node_modules/inner/index.js", Copyrights: []inventory.Copyright{{Statement: "Copyright 2021 Inner"}}},
		{Path: "third_party/gpl/COPYING", Tags: []string{"license"}, Licenses: []inventory.License{{ID: "GPL-2.0-only", Kind: "text", StartLine: 1, EndLine: 339}},
			Copyrights: []inventory.Copyright{{Statement: fsf}}},
		{Path: "third_party/gpl/gpl.c", Copyrights: []inventory.Copyright{{Statement: "Copyright 2005 Gene"}}},
	}
	for i := range 150 {
		files = append(files, inventory.File{Path: filepath.ToSlash(filepath.Join("vendor/many", "f"+strings.Repeat("x", i%3), string(rune('a'+i%26))+".c")),
			Copyrights: []inventory.Copyright{{Statement: "Copyright 2020 Author " + strings.Repeat("z", i)}}})
	}
	slices.SortFunc(files, func(a, b inventory.File) int { return strings.Compare(a.Path, b.Path) })
	doc := &sbom.Document{Root: dir, Files: files, Packages: []inventory.Package{
		{Name: "outer", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/outer@1.0.0", Directory: "node_modules/outer"},
		{Name: "inner", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/inner@1.0.0", Directory: "node_modules/outer/node_modules/inner"},
		{Name: "gpl", Ecosystem: "generic", Directory: "third_party/gpl",
			DetectedLicenses: []inventory.DetectedLicense{{License: "GPL-2.0-only", Files: []string{"third_party/gpl/COPYING"}}}},
		{Name: "many", Ecosystem: "generic", Directory: "vendor/many/"},
	}}
	p := FromDocument(doc, Options{Root: dir})
	checkInvariants(t, p)
	s := summarize(p)
	if d := cmp.Diff([]string{"Copyright 2020 Outer"}, s["outer"].Copyrights); d != "" {
		t.Errorf("outer (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"Copyright 2021 Inner"}, s["inner"].Copyrights); d != "" {
		t.Errorf("inner (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"Copyright 2005 Gene"}, s["gpl"].Copyrights); d != "" {
		t.Errorf("gpl (-want +got):\n%s", d)
	}
	var g Text
	for _, pk := range p.Packages {
		if pk.Name == "gpl" {
			g = p.Texts[pk.Texts[0]]
		}
	}
	if !strings.Contains(g.Body, fsf) {
		t.Errorf("the GPL's own copyright line was removed from its text")
	}
	many := s["many"]
	if len(many.Copyrights) != MaxCopyrights || !slices.Contains(many.Notes, "150 copyright statements found: the first 100 are listed") {
		t.Errorf("many: %d statements, notes %q", len(many.Copyrights), many.Notes)
	}
}

// TestFromDocumentUnidentifiedText: a license file in which no license
// is recognised is given, and the note about the unknown id points at it.
func TestFromDocumentUnidentifiedText(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "vendor/custom/LICENSES"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "vendor/custom/LICENSES/TERMS.txt"), []byte("Copyright 2023 Custom Co.\n\nYou may use this only on Tuesdays.\n"), 0o644))
	doc := &sbom.Document{Root: dir,
		Files: []inventory.File{{Path: "vendor/custom/LICENSES/TERMS.txt", Tags: []string{"license"}, Licenses: []inventory.License{},
			Copyrights: []inventory.Copyright{{Statement: "Copyright 2023 Custom Co.", StartLine: 1, EndLine: 1}}}},
		Packages: []inventory.Package{{Name: "custom", Ecosystem: "generic", Directory: "vendor/custom",
			DeclaredLicense: &inventory.DeclaredLicense{Expression: "LicenseRef-custom"}}},
	}
	p := FromDocument(doc, Options{Root: dir})
	checkInvariants(t, p)
	want := pkgSummary{"LicenseRef-custom", licenses.Unknown, false, []string{"Copyright 2023 Custom Co."},
		[]string{"own::vendor/custom/LICENSES/TERMS.txt"}, []string{"no text known for LicenseRef-custom: see the package's own license files"}}
	if d := cmp.Diff(want, summarize(p)["custom"]); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if b := p.Texts[0].Body; b != "You may use this only on Tuesdays." {
		t.Errorf("body %q", b)
	}
}

func TestNormalizeBody(t *testing.T) {
	tests := []struct {
		name, in string
		drop     []int
		want     string
	}{
		{"crlf-and-trailing-space", "\uFEFFA  \r\nB\t\r\n\r\n", nil, "A\nB"},
		{"lone-cr", "A\rB", nil, "A\nB"},
		{"blank-runs", "\n\nA\n\n\n\nB\n\n", nil, "A\n\nB"},
		{"dropped-line-leaves-one-blank", "MIT License\n\nCopyright (c) 2020 X\n\nPermission", []int{3}, "MIT License\n\nPermission"},
		{"controls", "A\x0c\nB\x1b[0m\x00\tC", nil, "A\nB[0m\tC"},
		{"only-dropped", "Copyright 2020 X\n", []int{1}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			drop := map[int]bool{}
			for _, l := range tc.drop {
				drop[l] = true
			}
			if got := normalizeBody(tc.in, drop); got != tc.want {
				t.Errorf("normalizeBody(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzExpression(f *testing.F) {
	for _, s := range []string{"MIT", "MIT OR (Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0)", "((", "WITH", "a AND", "GPL-2.0+"} {
		f.Add(s, "MIT")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if c := CategoryOf(a); !c.Valid() {
			t.Errorf("CategoryOf(%q) = %q", a, c)
		}
		if Disagree(a, a) {
			t.Errorf("%q disagrees with itself", a)
		}
		if Disagree(a, b) != Disagree(b, a) {
			t.Errorf("Disagree(%q, %q) is not symmetric", a, b)
		}
	})
}
