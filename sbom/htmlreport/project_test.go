package htmlreport

import (
	"fmt"
	"strings"
	"time"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/attribution"
	"github.com/hengdev/heng/scanner/inventory"
)

// excerpt returns the first lines of the canonical text of id (at most
// about n bytes), so that test reports stay small but carry real text.
func excerpt(id string, n int) string {
	t, ok := licenses.Text(id)
	if !ok {
		panic("no text for " + id)
	}
	if len(t) <= n {
		return t
	}
	if i := strings.LastIndexByte(t[:n], '\n'); i > 0 {
		return t[:i+1]
	}
	return t[:n]
}

// withoutCopyright drops the copyright lines of a text, as the
// attribution builder does with the texts it reads from packages.
func withoutCopyright(s string) string {
	var keep []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.Contains(l, "Copyright") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}

// sample is a small project with every verdict, every category, six
// ecosystems, a disagreement, canonical-text notes, copyrights, policy
// findings, an exception in force and an expired one, and a package name
// that is markup.
func sample() *attribution.Project {
	pkg := func(eco, name, version, purl string) inventory.Package {
		return inventory.Package{Name: name, Version: version, Ecosystem: eco, PURL: purl, Relationship: inventory.RelationshipTransitive, Scope: inventory.ScopeRequired}
	}
	finding := func(p attribution.Package, sev, rule, source, license, msg string) policy.Finding {
		return policy.Finding{PURL: p.PURL, Name: p.Name, Version: p.Version, License: license, Severity: sev, Rule: rule, Message: msg, Source: source, Locations: []string{}}
	}
	const (
		tZlib = iota
		tApache
		tMIT
		tMPL
		tLGPL
		tUnlicense
		tElastic
		tGPL
		tMITCanonical
		tAGPL
	)
	pkgs := []attribution.Package{
		{ // 0
			Package:   inventory.Package{Name: "zlib", Ecosystem: inventory.EcosystemGeneric, Directory: "third_party/zlib"},
			Concluded: "Zlib", License: "Zlib", Category: licenses.Permissive,
			Copyrights: []string{"Copyright (C) 1995-2024 Jean-loup Gailly and Mark Adler"},
			Evidence:   []attribution.Evidence{{License: "Zlib", File: "third_party/zlib/LICENSE", StartLine: 4, EndLine: 19, Text: tZlib}},
			Texts:      []int{tZlib}, Verdict: attribution.VerdictPass,
		},
		{ // 1
			Package:  pkg(inventory.EcosystemCargo, "serde", "1.0.210", "pkg:cargo/serde@1.0.210"),
			Declared: "MIT OR Apache-2.0", Concluded: "Apache-2.0 AND MIT", License: "Apache-2.0 AND MIT", Category: licenses.Permissive,
			Copyrights: []string{"Copyright (c) 2014 The Rust Project Developers"},
			Evidence: []attribution.Evidence{
				{License: "Apache-2.0", File: "vendor/serde/LICENSE-APACHE", StartLine: 1, EndLine: 176, Text: tApache},
				{License: "MIT", File: "vendor/serde/LICENSE-MIT", StartLine: 3, EndLine: 23, Text: tMIT},
			},
			Texts: []int{tApache, tMIT}, Verdict: attribution.VerdictPass,
		},
		{ // 2
			Package:   pkg(inventory.EcosystemGo, "github.com/hashicorp/vault/api", "v1.14.0", "pkg:golang/github.com/hashicorp/vault/api@v1.14.0"),
			Concluded: "MPL-2.0", License: "MPL-2.0", Category: licenses.WeakCopyleft,
			Copyrights: []string{"Copyright (c) HashiCorp, Inc."},
			Evidence:   []attribution.Evidence{{License: "MPL-2.0", File: "/root/go/pkg/mod/github.com/hashicorp/vault/api@v1.14.0/LICENSE", StartLine: 1, EndLine: 356, Text: tMPL}},
			Texts:      []int{tMPL}, Verdict: policy.Warning,
		},
		{ // 3
			Package:   pkg(inventory.EcosystemGo, "github.com/spf13/cobra", "v1.8.1", "pkg:golang/github.com/spf13/cobra@v1.8.1"),
			Concluded: "Apache-2.0", License: "Apache-2.0", Category: licenses.Permissive,
			Copyrights: []string{"Copyright 2013-2023 The Cobra Authors"},
			Evidence: []attribution.Evidence{
				{License: "Apache-2.0", File: "vendor/github.com/spf13/cobra/LICENSE.txt", StartLine: 1, EndLine: 174, Text: tApache},
				{License: "Apache-2.0", File: "vendor/github.com/spf13/cobra/cobra.go", StartLine: 3, EndLine: 13, Text: -1, Note: "a license notice, not the license text"},
			},
			Texts: []int{tApache}, Verdict: attribution.VerdictPass,
		},
		{ // 4
			Package:  pkg(inventory.EcosystemMaven, "org.mariadb.jdbc:mariadb-java-client", "3.1.0", "pkg:maven/org.mariadb.jdbc/mariadb-java-client@3.1.0"),
			Declared: "LGPL-2.1-or-later", License: "LGPL-2.1-or-later", Category: licenses.WeakCopyleft,
			Texts:   []int{tLGPL},
			Notes:   []string{"the package's files are not at hand: the canonical text of LGPL-2.1-or-later is given"},
			Verdict: policy.Waived,
		},
		{ // 5
			Package:  pkg(inventory.EcosystemNPM, "<script>alert(1)</script>", "0.0.1", "pkg:npm/%3Cscript%3Ealert%281%29%3C%2Fscript%3E@0.0.1"),
			Declared: "Unlicense", Concluded: "Unlicense", License: "Unlicense", Category: licenses.PublicDomain,
			Evidence: []attribution.Evidence{{License: "Unlicense", File: "node_modules/<script>alert(1)</script>/UNLICENSE", StartLine: 1, EndLine: 24, Text: tUnlicense}},
			Texts:    []int{tUnlicense}, Verdict: attribution.VerdictPass,
		},
		{ // 6
			Package:  pkg(inventory.EcosystemNPM, "@acme/search-engine", "8.0.0", "pkg:npm/%40acme/search-engine@8.0.0"),
			Declared: "Elastic-2.0", Concluded: "Elastic-2.0", License: "Elastic-2.0", Category: licenses.SourceAvailable,
			Copyrights: []string{"Copyright 2021 Acme Search B.V."},
			Evidence:   []attribution.Evidence{{License: "Elastic-2.0", File: "node_modules/@acme/search-engine/LICENSE.txt", StartLine: 1, EndLine: 93, Text: tElastic}},
			Texts:      []int{tElastic}, Verdict: policy.Error,
		},
		{ // 7
			Package:  pkg(inventory.EcosystemNPM, "left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0"),
			Declared: "WTFPL", Concluded: "MIT", License: "MIT", Category: licenses.Permissive, Disagreement: true,
			Copyrights: []string{"Copyright (c) 2018 left-pad contributors"},
			Evidence:   []attribution.Evidence{{License: "MIT", File: "web/node_modules/left-pad/LICENSE", StartLine: 1, EndLine: 21, Text: tMIT}},
			Texts:      []int{tMIT}, Verdict: attribution.VerdictPass,
		},
		{ // 8
			Package:  pkg(inventory.EcosystemNPM, "mysql-legacy", "2.0.0", "pkg:npm/mysql-legacy@2.0.0"),
			Declared: "GPL-2.0-only", Concluded: "GPL-2.0-only", License: "GPL-2.0-only", Category: licenses.StrongCopyleft,
			Copyrights: []string{"Copyright (C) 2009 Old DB Team", "Copyright (C) 2012 Another Contributor"},
			Evidence: []attribution.Evidence{
				{License: "GPL-2.0-only", File: "node_modules/mysql-legacy/COPYING", StartLine: 1, EndLine: 339, Text: tGPL},
				{License: "GPL-2.0-only", File: "node_modules/mysql-legacy/lib/client.js", StartLine: 2, EndLine: 2, Text: -1},
			},
			Texts: []int{tGPL}, Verdict: policy.Error,
		},
		{ // 9
			Package:  pkg(inventory.EcosystemNPM, "mystery", "0.1.0", "pkg:npm/mystery@0.1.0"),
			Category: licenses.Unknown,
			Notes:    []string{"no license declared or found in the package's files"},
			Verdict:  policy.Error,
		},
		{ // 10
			Package:  pkg(inventory.EcosystemNPM, "private-sdk", "1.0.0", "pkg:npm/private-sdk@1.0.0"),
			Declared: "LicenseRef-heng-proprietary", License: "LicenseRef-heng-proprietary", Category: licenses.Proprietary,
			Notes:   []string{"heng has no text for LicenseRef-heng-proprietary and the package's files carry none"},
			Verdict: policy.Waived,
		},
		{ // 11
			Package:  pkg(inventory.EcosystemNPM, "react", "18.3.1", "pkg:npm/react@18.3.1"),
			Declared: "MIT", License: "MIT", Category: licenses.Permissive,
			Texts:   []int{tMITCanonical},
			Notes:   []string{"no license file found in the package: the canonical text of MIT is given"},
			Verdict: attribution.VerdictPass,
		},
		{ // 12
			Package:  pkg(inventory.EcosystemPyPI, "ghostscript-py", "0.7.1", "pkg:pypi/ghostscript-py@0.7.1"),
			Declared: "AGPL-3.0-only", Concluded: "AGPL-3.0-only", License: "AGPL-3.0-only", Category: licenses.NetworkCopyleft,
			Copyrights: []string{"Copyright (C) 2001-2024 Artifex Software, Inc."},
			Evidence:   []attribution.Evidence{{License: "AGPL-3.0-only", File: ".venv/lib/python3.12/site-packages/ghostscript_py-0.7.1.dist-info/LICENSE", StartLine: 1, EndLine: 661, Text: tAGPL}},
			Texts:      []int{tAGPL}, Verdict: policy.Error,
		},
		{ // 13
			Package:  pkg(inventory.EcosystemPyPI, "requests", "2.32.3", "pkg:pypi/requests@2.32.3"),
			Declared: "Apache-2.0", Concluded: "Apache-2.0", License: "Apache-2.0", Category: licenses.Permissive,
			Copyrights: []string{"Copyright 2019 Kenneth Reitz"},
			Evidence:   []attribution.Evidence{{License: "Apache-2.0", File: ".venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/LICENSE", StartLine: 1, EndLine: 175, Text: tApache}},
			Texts:      []int{tApache}, Verdict: attribution.VerdictPass,
		},
	}
	texts := []attribution.Text{
		tZlib:         {Licenses: []string{"Zlib"}, Body: excerpt("Zlib", 400), File: "third_party/zlib/LICENSE", Packages: []int{0}},
		tApache:       {Licenses: []string{"Apache-2.0"}, Body: excerpt("Apache-2.0", 400), File: "vendor/serde/LICENSE-APACHE", Packages: []int{1, 3, 13}},
		tMIT:          {Licenses: []string{"MIT"}, Body: withoutCopyright(excerpt("MIT", 1100)), File: "vendor/serde/LICENSE-MIT", Packages: []int{1, 7}},
		tMPL:          {Licenses: []string{"MPL-2.0"}, Body: excerpt("MPL-2.0", 300), File: "/root/go/pkg/mod/github.com/hashicorp/vault/api@v1.14.0/LICENSE", Packages: []int{2}},
		tLGPL:         {Licenses: []string{"LGPL-2.1-or-later"}, Body: excerpt("LGPL-2.1-or-later", 300), Canonical: true, Packages: []int{4}},
		tUnlicense:    {Licenses: []string{"Unlicense"}, Body: excerpt("Unlicense", 300), File: "node_modules/<script>alert(1)</script>/UNLICENSE", Packages: []int{5}},
		tElastic:      {Licenses: []string{"Elastic-2.0"}, Body: excerpt("Elastic-2.0", 300), File: "node_modules/@acme/search-engine/LICENSE.txt", Packages: []int{6}},
		tGPL:          {Licenses: []string{"GPL-2.0-only"}, Body: excerpt("GPL-2.0-only", 300), File: "node_modules/mysql-legacy/COPYING", Packages: []int{8}},
		tMITCanonical: {Licenses: []string{"MIT"}, Body: excerpt("MIT", 1100), Canonical: true, Packages: []int{11}},
		tAGPL:         {Licenses: []string{"AGPL-3.0-only"}, Body: excerpt("AGPL-3.0-only", 300) + "</script><script>alert('text')</script>\n", File: ".venv/lib/python3.12/site-packages/ghostscript_py-0.7.1.dist-info/LICENSE", Packages: []int{12}},
	}
	pkgs[2].Findings = []policy.Finding{finding(pkgs[2], policy.Warning, "licenses.categories.warn", "concluded", "MPL-2.0", "MPL-2.0 is weak-copyleft")}
	pkgs[4].Findings = []policy.Finding{finding(pkgs[4], policy.Waived, "exceptions", "declared", "LGPL-2.1-or-later", "waived by an exception: dynamically linked JDBC driver, not modified; approved by Li Wei; LEGAL-42 (until 2099-12-31)")}
	pkgs[6].Findings = []policy.Finding{
		finding(pkgs[6], policy.Error, "licenses.categories.deny", "declared", "Elastic-2.0", "Elastic-2.0 is source-available, a denied category"),
		finding(pkgs[6], policy.Error, "licenses.categories.deny", "concluded", "Elastic-2.0", "Elastic-2.0 is source-available, a denied category"),
	}
	pkgs[8].Findings = []policy.Finding{
		finding(pkgs[8], policy.Warning, "exceptions", "declared", "GPL-2.0-only", "the exception for GPL-2.0-only expired on 2024-06-30 (legacy tool, to be replaced; approved by Bob Smith; LEGAL-3)"),
		finding(pkgs[8], policy.Error, "licenses.categories.deny", "declared", "GPL-2.0-only", "GPL-2.0-only is strong-copyleft, a denied category"),
	}
	pkgs[9].Findings = []policy.Finding{finding(pkgs[9], policy.Error, "licenses.unknown", "", "", "no license declared or found")}
	pkgs[10].Findings = []policy.Finding{finding(pkgs[10], policy.Waived, "exceptions", "declared", "LicenseRef-heng-proprietary", "waived by an exception: commercial license, contract C-2024-17; approved by Jane Doe; LEGAL-7")}
	pkgs[12].Findings = []policy.Finding{finding(pkgs[12], policy.Error, "licenses.categories.deny", "declared", "AGPL-3.0-only", "AGPL-3.0-only is network-copyleft, a denied category")}

	res := &policy.Result{Findings: []policy.Finding{}}
	for _, p := range pkgs {
		res.Findings = append(res.Findings, p.Findings...)
	}
	for _, f := range res.Findings {
		switch f.Severity {
		case policy.Error:
			res.Summary.Errors++
		case policy.Warning:
			res.Summary.Warnings++
		case policy.Waived:
			res.Summary.Waived++
		}
	}
	res.Summary.Packages = len(pkgs)
	res.Passed = res.Summary.Errors == 0

	return &attribution.Project{
		Name:    "acme-app",
		Version: "2.4.0",
		Tool:    sbom.Tool{Name: "heng", Version: "v1.2.3"},
		Created: time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC),
		Source:  "./acme-app",
		Files:   1234,
		Roots: []attribution.Package{{
			Package:  inventory.Package{Name: "acme-app", Version: "2.4.0", Ecosystem: inventory.EcosystemNPM, PURL: "pkg:npm/acme-app@2.4.0", Relationship: inventory.RelationshipRoot},
			Declared: "Apache-2.0", License: "Apache-2.0", Category: licenses.Permissive,
		}},
		Packages: pkgs,
		Texts:    texts,
		Policy:   ".heng/policy.yaml",
		Result:   res,
		Exceptions: []attribution.Exception{
			{Exception: policy.Exception{PURL: "pkg:maven/org.mariadb.jdbc/mariadb-java-client", Licenses: []string{"LGPL-2.1-or-later"}, Reason: "dynamically linked JDBC driver, not modified", Expires: "2099-12-31", Approver: "Li Wei", Ticket: "LEGAL-42"}},
			{Exception: policy.Exception{PURL: "pkg:npm/mysql-legacy", Licenses: []string{"GPL-2.0-only"}, Reason: "legacy tool, to be replaced", Expires: "2024-06-30", Approver: "Bob Smith", Ticket: "LEGAL-3"}, Expired: true},
			{Exception: policy.Exception{PURL: "pkg:npm/private-sdk", Licenses: []string{"LicenseRef-heng-proprietary"}, Reason: "commercial license, contract C-2024-17", Approver: "Jane Doe", Ticket: "LEGAL-7"}},
		},
	}
}

// syntheticLicenses are the licenses of synthetic projects, the common
// ones repeated so that they are common there too.
var syntheticLicenses = []string{
	"MIT", "MIT", "MIT", "MIT", "MIT", "MIT", "MIT", "MIT",
	"Apache-2.0", "Apache-2.0", "Apache-2.0", "Apache-2.0",
	"ISC", "ISC", "BSD-3-Clause", "BSD-3-Clause", "BSD-2-Clause",
	"0BSD", "Zlib", "Unlicense", "CC0-1.0", "BlueOak-1.0.0", "Python-2.0", "PSF-2.0",
	"MPL-2.0", "LGPL-2.1-or-later", "LGPL-3.0-only", "EPL-2.0", "CDDL-1.0",
	"GPL-2.0-only", "GPL-3.0-or-later", "AGPL-3.0-only", "Elastic-2.0", "BUSL-1.1",
	"Artistic-2.0", "MulanPSL-2.0", "WTFPL", "CC-BY-4.0",
}

var syntheticEcosystems = []string{inventory.EcosystemNPM, inventory.EcosystemNPM, inventory.EcosystemNPM, inventory.EcosystemGo, inventory.EcosystemPyPI, inventory.EcosystemMaven, inventory.EcosystemCargo}

// synthetic makes a project of n packages that looks like a large real
// one: mostly npm and MIT, about three files of evidence and one or two
// copyright statements per package, one distinct text per license (so
// about thirty shared texts, in full), a few disagreements, canonical
// texts and unknown licenses, and policy findings on the copyleft ones.
func synthetic(n int) *attribution.Project {
	p := &attribution.Project{
		Name: "big-monorepo", Version: "1.0.0",
		Tool:    sbom.Tool{Name: "heng", Version: "v1.2.3"},
		Created: time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC),
		Source:  "./big-monorepo", Files: 40 * n,
		Policy: "policy.yaml",
		Result: &policy.Result{Findings: []policy.Finding{}},
	}
	textOf := map[string]int{}
	for i := range n {
		eco := syntheticEcosystems[i%len(syntheticEcosystems)]
		id := syntheticLicenses[(i*7+i/13)%len(syntheticLicenses)]
		name := fmt.Sprintf("package-%05d", i)
		if eco == inventory.EcosystemNPM && i%3 == 0 {
			name = fmt.Sprintf("@scope-%d/package-%05d", i%97, i)
		}
		version := fmt.Sprintf("%d.%d.%d", i%5, i%17, i%11)
		dir := "node_modules/" + name
		switch eco {
		case inventory.EcosystemGo:
			name, dir = "github.com/example-org/"+name, "vendor/github.com/example-org/"+name
			version = "v" + version
		case inventory.EcosystemPyPI:
			dir = ".venv/lib/python3.12/site-packages/" + name + "-" + version + ".dist-info"
		case inventory.EcosystemMaven:
			name, dir = "org.example:"+name, ""
		case inventory.EcosystemCargo:
			dir = "vendor/" + name
		}
		pkg := attribution.Package{
			Package: inventory.Package{
				Name: name, Version: version, Ecosystem: eco,
				PURL:         "pkg:" + eco + "/" + strings.ReplaceAll(name, "@", "%40") + "@" + version,
				Relationship: inventory.RelationshipTransitive, Scope: inventory.ScopeRequired, Directory: dir,
			},
			Declared: id, Concluded: id, License: id, Category: licenses.CategoryOf(id),
			Verdict:    attribution.VerdictPass,
			Copyrights: []string{fmt.Sprintf("Copyright (c) %d Author %d <author%d@example.com>", 2010+i%15, i, i)},
		}
		if i%4 == 0 {
			pkg.Copyrights = append(pkg.Copyrights, fmt.Sprintf("Copyright (c) %d Contributors of %s", 2015+i%10, name))
		}
		t, ok := textOf[id]
		if !ok {
			body, _ := licenses.Text(id)
			t = len(p.Texts)
			textOf[id] = t
			p.Texts = append(p.Texts, attribution.Text{Licenses: []string{id}, Body: body, File: dir + "/LICENSE"})
		}
		pkg.Texts = []int{t}
		switch {
		case i%20 == 7: // a disagreement
			pkg.Declared = "ISC"
			pkg.Disagreement = id != "ISC"
		case i%10 == 3: // files not at hand
			pkg.Concluded = ""
			pkg.Notes = []string{"no license file found in the package: the canonical text of " + id + " is given"}
		case i%50 == 11: // nothing known
			pkg.Declared, pkg.Concluded, pkg.License, pkg.Category = "", "", "", licenses.Unknown
			pkg.Texts = nil
			pkg.Notes = []string{"no license declared or found in the package's files"}
		}
		if pkg.Concluded != "" {
			pkg.Evidence = []attribution.Evidence{
				{License: id, File: dir + "/LICENSE", StartLine: 1, EndLine: 21, Text: t},
				{License: id, File: dir + "/README.md", StartLine: 88, EndLine: 90, Text: -1},
				{License: id, File: dir + "/src/index.js", StartLine: 1, EndLine: 1, Text: -1},
			}
		}
		switch pkg.Category {
		case licenses.StrongCopyleft, licenses.NetworkCopyleft, licenses.SourceAvailable, licenses.Unknown:
			pkg.Verdict = policy.Error
		case licenses.WeakCopyleft:
			pkg.Verdict = policy.Warning
		}
		if pkg.Verdict != attribution.VerdictPass {
			f := policy.Finding{PURL: pkg.PURL, Name: pkg.Name, Version: pkg.Version, License: pkg.License, Severity: pkg.Verdict,
				Rule: "licenses.categories.deny", Source: "concluded", Message: fmt.Sprintf("%s is %s, a denied category", pkg.License, pkg.Category), Locations: []string{}}
			pkg.Findings = []policy.Finding{f}
			p.Result.Findings = append(p.Result.Findings, f)
			if f.Severity == policy.Error {
				p.Result.Summary.Errors++
			} else {
				p.Result.Summary.Warnings++
			}
		}
		for _, t := range pkg.Texts {
			p.Texts[t].Packages = append(p.Texts[t].Packages, i)
		}
		p.Packages = append(p.Packages, pkg)
	}
	p.Result.Summary.Packages = n
	return p
}
