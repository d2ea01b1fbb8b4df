// Package attribution gathers what a legal reviewer and an attribution file
// need about each third-party package: its licenses as declared and as
// found, the copyright statements of its files, the license texts that
// apply to it (its own when they are on disk, else the canonical texts heng
// ships, and saying so) and, when a policy was checked, its verdict.
//
// heng report (sbom/htmlreport) and heng notice (sbom/notice) are views of
// a Project; neither reads files or judges anything itself.
//
// FromDocument (a scan) and FromBOM (any tool's CycloneDX SBOM) build a
// Project; ApplyPolicy adds a policy check's outcome. Design decisions:
//
//   - Files are read only under Options: relative paths through an
//     os.Root at Options.Root (no "..", no symbolic link out of it),
//     absolute ones only with AllowAbsolute (a scan's Go module cache),
//     never for an SBOM, whose paths could name any file. Only regular
//     files up to MaxTextSize; each file once, however many packages
//     share it. What is not read is said in a note, never guessed.
//   - A text is stored without the lines of its copyright statements,
//     which go to each package's Copyrights: texts that differ only in
//     their copyright lines (every MIT file) are one Text. A statement
//     that the license's own text holds ("Copyright (C) 1989, 1991 Free
//     Software Foundation, Inc." in the GPL) is part of the text and stays.
//     Texts are compared by their words, white space aside; a package's
//     own text is never merged with heng's canonical one.
//   - A package's own texts are those of the files its licenses were
//     found in, and of the license files (LICENSE, NOTICE, COPYING, ...)
//     in its directory in which no license was recognised, such as the
//     NOTICE files Apache-2.0 requires to pass on. A license of its
//     expression whose full text none of its own files holds (the file
//     is missing, unreadable, or holds only an SPDX tag or a short
//     notice) gets the canonical text, and a note saying so.
//   - A file's copyright statements belong to the innermost package
//     directory holding it: node_modules/a/node_modules/b's to b, not a.
//   - Categories are ranked as licenses.Categories lists them (public
//     domain first, unknown last): AND takes the most demanding part, OR
//     the least demanding branch, WITH the license's (CategoryOf).
//   - Declared and concluded licenses disagree when they name different
//     sets of ids (Disagree).
//   - The work is linear in packages plus files: the scan's files are
//     indexed once by path and by owning directory.
package attribution

import (
	"time"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

// Project is a scanned tree or a read SBOM, seen package by package.
type Project struct {
	// Name is the project's name: its root package's, else the scanned
	// directory's or the SBOM's metadata component's.
	Name string
	// Version is the root package's version, "" when unknown.
	Version string
	// Tool is heng itself (name and version), for the report's summary.
	Tool sbom.Tool
	// Created is when the report is made (SOURCE_DATE_EPOCH honoured by
	// the caller); zero leaves the date out.
	Created time.Time
	// Source is what was examined: the scanned path, or the SBOM file.
	Source string
	// FromSBOM says the packages come from an SBOM, not a scan.
	FromSBOM bool
	// Files is the number of files scanned; -1 when unknown (an SBOM).
	Files int
	// Roots are the project's own packages (relationship root), sorted.
	Roots []Package
	// Packages are the third-party packages, sorted by
	// inventory.ComparePackages.
	Packages []Package
	// Texts are the distinct license texts, each once, in the order of
	// first use by Packages; Package.Texts and Evidence.Text index it.
	Texts []Text
	// Policy is the policy file checked, "" when none was; Result and
	// Exceptions are then set.
	Policy     string
	Result     *policy.Result
	Exceptions []Exception
}

// Package is one package with its license evidence.
type Package struct {
	inventory.Package
	// Declared is the declared license expression, "" when none.
	Declared string
	// Concluded is what heng found in the package's files (the detected
	// licenses ANDed), "" when nothing was found.
	Concluded string
	// License is the license in effect: Concluded, else Declared; ""
	// when neither is known.
	License string
	// Category is License's category: for AND the most demanding part's,
	// for OR the least demanding branch's; licenses.Unknown when License
	// is "".
	Category licenses.Category
	// Disagreement is set when both Declared and Concluded are known and
	// name different licenses (compared as sets of ids, so "MIT AND ISC"
	// and "ISC AND MIT" agree).
	Disagreement bool
	// Copyrights are the distinct copyright statements of the package's
	// files, sorted.
	Copyrights []string
	// Evidence lists where each license was found, sorted by file.
	Evidence []Evidence
	// Texts index Project.Texts: the license texts that apply to the
	// package, its own first, then canonical ones for licenses of its
	// expression that its own files do not carry.
	Texts []int
	// Notes say what is missing or was substituted, in plain words:
	// "no license file found in the package: the canonical text of MIT
	// is given".
	Notes []string
	// Verdict is the worst severity of the package's policy findings
	// (policy.Error, policy.Warning, policy.Waived), VerdictPass when
	// the policy found nothing, "" when no policy was checked.
	Verdict string
	// Findings are the policy's findings on this package.
	Findings []policy.Finding
}

// VerdictPass is the verdict of a package the policy had nothing to say
// about.
const VerdictPass = "pass"

// Evidence is one license found in one file of a package.
type Evidence struct {
	// License is the id or expression found.
	License string
	// File is where: relative to the scan root, or absolute outside it
	// (a Go module cache).
	File string
	// StartLine and EndLine are the lines of the match, 0 when unknown.
	StartLine, EndLine int
	// Text indexes Project.Texts: the file's text; -1 when the file could
	// not be read (then Note says why).
	Text int
	Note string
}

// Text is one distinct license text.
type Text struct {
	// Licenses are the ids the text carries, sorted.
	Licenses []string
	// Body is the text, with the lines of copyright statements removed
	// (each package lists its own statements): texts that differ only in
	// their copyright lines are one Text.
	Body string
	// Canonical is set for the text heng ships (the SPDX License List's),
	// given when a package's own text is not at hand.
	Canonical bool
	// File is where the text was first read, "" for a canonical text.
	File string
	// Packages index Project.Packages: the packages the text applies
	// to, sorted.
	Packages []int
}

// Exception is a policy exception, as the report shows it.
type Exception struct {
	policy.Exception
	// Expired is set when the exception's date has passed on the day of
	// the check: it no longer waives anything.
	Expired bool
}
