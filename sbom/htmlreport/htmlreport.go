// Package htmlreport writes heng report's output: one self-contained HTML
// page that a legal team reads, in English or Simplified Chinese. It is a
// view of an attribution.Project and judges nothing itself.
//
// Design decisions:
//
//   - One file, no network. Styles, script and charts are inline; the page
//     names no external URL, and a Content-Security-Policy meta element
//     (default-src 'none', inline styles and scripts, data: images only)
//     makes the browser refuse any fetch, so the report works from an
//     e-mail attachment or file:// and cannot leak that it was opened.
//   - Readable without JavaScript. The summary, the charts (SVG drawn
//     here, in Go), every package's row, the policy findings and the
//     license texts are in the HTML, and so is each package's evidence
//     in projects of up to inlineEvidenceMax packages. The small inline
//     script adds sorting, the filters and the row counter, and copies a
//     license text into the evidence when the reader unfolds it.
//   - Large projects open quickly. The package table is a grid of
//     elements with ARIA table roles, not a <table>: each package is a
//     block with content-visibility: auto, which a browser lays out only
//     when it scrolls into view (a 10,000-row <table> took Chromium over
//     ten seconds to lay out, and as long again to sort). Beyond
//     inlineEvidenceMax packages the evidence is JSON, which the script
//     turns into the same markup when a package is unfolded: the report
//     on 10,000 packages is about 10 MB and interactive in about 1.5 s.
//   - Each distinct license text is written once, in the "License texts"
//     section; a package's evidence links to it by anchor and the script
//     copies it on demand. A project of thousands of MIT packages so
//     carries the MIT text once.
//   - Every string the report says comes from a catalog per language
//     (catalog.go); the data (package names, license ids, paths,
//     copyright statements, the builder's notes, the policy engine's
//     messages) is shown as it is. html/template escapes all of it; the
//     only data inside a script element is the evidence JSON, whose
//     encoder escapes <, > and &.
//   - Deterministic: the same Project gives the same bytes. Nothing reads
//     the clock; the date is Project.Created.
package htmlreport

import (
	"bufio"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom/attribution"
)

var (
	//go:embed report.html.tmpl
	pageSource string
	//go:embed report.css
	styleSource string
	//go:embed report.js
	scriptSource string
)

// page is parsed once. missingkey=error makes a catalog key the template
// uses but a catalog lacks an error of Write, not an empty string.
var page = template.Must(template.New("report").Option("missingkey=error").Parse(pageSource))

// Write writes the report on p in lang, one of Langs().
func Write(w io.Writer, p *attribution.Project, lang string) error {
	cat, ok := catalogs[lang]
	if !ok {
		return fmt.Errorf("unknown report language %q; available: %s", lang, strings.Join(Langs(), ", "))
	}
	if p == nil {
		return errors.New("no project to report on")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := page.Execute(bw, build(p, lang, cat)); err != nil {
		return err
	}
	return bw.Flush()
}

// view is what the template shows: the project, with every label already
// chosen in the report's language.
type view struct {
	Lang   string
	T      map[string]string
	Style  template.CSS
	Script template.JS

	Title         string
	Name, Version string
	Date, DateISO string
	Tool          string
	Packages      int
	Files         string
	Source        string
	Verdict       string // "pass", "fail" or "none": a CSS class
	VerdictText   string
	Disagreements int
	Own           []own

	Charts []chart

	Rows                             []row
	Verdicts, Categories, Ecosystems []option
	Shown                            string
	// Lazy leaves the evidence out of the rows: EvidenceJSON holds it
	// and the script builds a package's evidence when it is unfolded.
	Lazy         bool
	EvidenceJSON template.JS

	Policy policyView
	Texts  []textView
	Footer string
}

type own struct {
	Name, Version, License string
}

type option struct {
	Value, Label string
}

// row is one package of the table, with its evidence.
type row struct {
	Name, Version, Ecosystem, PURL string
	Declared, Concluded            string
	Directory                      string
	Category, CategoryLabel        string
	Verdict, VerdictLabel          string
	Disagreement                   bool
	Summary                        string // of the evidence
	Evidence                       []evidence
	Copyrights                     []string
	Notes                          []string
	Findings                       []finding
	Texts                          []textRef
}

type evidence struct {
	License, File, Lines, Note string
}

type textRef struct {
	Index int
	Label string
}

type finding struct {
	Severity, SeverityLabel string
	Package, PURL           string
	License, Rule           string
	Source, Message         string
}

type policyView struct {
	Checked    bool
	File       string
	Groups     []findingGroup
	Exceptions []exception
}

type findingGroup struct {
	Severity, Title string
	Findings        []finding
	Open            bool
}

type exception struct {
	PURL, Licenses, Reason, Approver, Ticket, Expires string
	Expired                                           bool
	Status                                            string
}

type textView struct {
	Index     int
	Title     string
	Canonical bool
	UsedBy    string
	Body      string
}

// inlineEvidenceMax is the largest project whose evidence is written in
// the rows, readable without a script. Beyond it, each package's
// evidence is data (JSON) that the script turns into the same markup
// when the reader unfolds it. A browser builds some 40 elements for each
// package's evidence: on a 2-core machine, Chromium parsed the evidence
// of 10,000 packages in about five seconds, against a fraction of a
// second for the JSON; a report on 1,000 packages with its evidence
// inline (1.8 MB) was interactive in about half a second, one on 2,500
// in 1.5 s. A variable for the tests.
var inlineEvidenceMax = 1000

// openFindingsMax is the largest group of policy findings shown unfolded;
// a longer one is folded, so that laying out its table waits until the
// reader asks.
const openFindingsMax = 200

// verdicts are the package verdicts in the order the filter lists them
// and an ascending sort puts them: what needs attention first. "none" is
// a package no policy judged.
var verdicts = []string{policy.Error, policy.Warning, policy.Waived, attribution.VerdictPass, "none"}

var verdictKeys = map[string]string{
	policy.Error:            "vError",
	policy.Warning:          "vWarning",
	policy.Waived:           "vWaived",
	attribution.VerdictPass: "vPass",
	"none":                  "vNone",
}

var categoryKeys = map[licenses.Category]string{
	licenses.PublicDomain:    "catPublicDomain",
	licenses.Permissive:      "catPermissive",
	licenses.WeakCopyleft:    "catWeakCopyleft",
	licenses.StrongCopyleft:  "catStrongCopyleft",
	licenses.NetworkCopyleft: "catNetworkCopyleft",
	licenses.SourceAvailable: "catSourceAvailable",
	licenses.Proprietary:     "catProprietary",
	licenses.Unknown:         "catUnknown",
}

// category returns c, or Unknown when c is not a category heng defines.
func category(c licenses.Category) licenses.Category {
	if c.Valid() {
		return c
	}
	return licenses.Unknown
}

// verdict returns the verdict's key: a policy severity, "pass", or
// "none" when no policy judged the package (or the verdict is one this
// report does not know).
func verdict(v string) string {
	if _, ok := verdictKeys[v]; ok && v != "none" {
		return v
	}
	return "none"
}

func build(p *attribution.Project, lang string, cat map[string]string) *view {
	v := &view{
		Lang:     lang,
		T:        cat,
		Style:    template.CSS(categoryStyle() + styleSource),
		Script:   template.JS(scriptSource),
		Name:     p.Name,
		Version:  p.Version,
		Tool:     strings.TrimSpace(p.Tool.Name + " " + p.Tool.Version),
		Packages: len(p.Packages),
		Source:   p.Source,
	}
	if v.Name == "" {
		v.Name = cat["sumUnnamed"]
	}
	v.Title = fill(cat["title"], "project", strings.TrimSpace(v.Name+" "+v.Version))
	if !p.Created.IsZero() {
		v.Date = p.Created.UTC().Format(time.DateOnly)
		v.DateISO = p.Created.UTC().Format(time.RFC3339)
	}
	if p.Files < 0 {
		v.Files = cat["sumFilesSBOM"]
	} else {
		v.Files = strconv.Itoa(p.Files)
	}
	switch {
	case p.Policy == "":
		v.Verdict, v.VerdictText = "none", cat["sumNoPolicy"]
	case p.Result != nil && p.Result.Passed:
		v.Verdict, v.VerdictText = "pass", verdictText(cat, cat["sumPassed"], p.Result)
	case p.Result != nil:
		v.Verdict, v.VerdictText = "fail", verdictText(cat, cat["sumFailed"], p.Result)
	default:
		v.Verdict, v.VerdictText = "none", cat["sumNoPolicy"]
	}
	for _, r := range p.Roots {
		v.Own = append(v.Own, own{Name: r.Name, Version: r.Version, License: r.License})
	}

	// Each text's title, made once: packages refer to texts by index.
	titles := make([]string, len(p.Texts))
	for i, t := range p.Texts {
		titles[i] = textTitle(t, cat)
	}
	present := map[string]bool{}
	for i := range p.Packages {
		r := newRow(&p.Packages[i], titles, cat)
		if r.Disagreement {
			v.Disagreements++
		}
		present["v:"+r.Verdict] = true
		present["c:"+r.Category] = true
		present["e:"+r.Ecosystem] = true
		v.Rows = append(v.Rows, r)
	}
	for _, k := range verdicts {
		if present["v:"+k] {
			v.Verdicts = append(v.Verdicts, option{k, cat[verdictKeys[k]]})
		}
	}
	for _, c := range licenses.Categories() {
		if present["c:"+string(c)] {
			v.Categories = append(v.Categories, option{string(c), cat[categoryKeys[c]]})
		}
	}
	var ecos []string
	for k := range present {
		if e, ok := strings.CutPrefix(k, "e:"); ok {
			ecos = append(ecos, e)
		}
	}
	slices.Sort(ecos)
	for _, e := range ecos {
		v.Ecosystems = append(v.Ecosystems, option{e, e})
	}
	n := strconv.Itoa(len(p.Packages))
	v.Shown = fill(cat["shown"], "n", n, "m", n)

	if len(v.Rows) > inlineEvidenceMax {
		v.Lazy = true
		v.EvidenceJSON = evidenceJSON(v.Rows, titles, cat)
	}
	v.Charts = charts(p, cat)
	v.Policy = policySection(p, cat)
	for i, t := range p.Texts {
		v.Texts = append(v.Texts, textView{
			Index:     i,
			Title:     titles[i],
			Canonical: t.Canonical,
			UsedBy:    fill(cat["textUsedBy"], "n", strconv.Itoa(len(t.Packages))),
			Body:      t.Body,
		})
	}
	v.Footer = fill(cat["footer"], "tool", cmp.Or(v.Tool, "heng"))
	return v
}

func verdictText(cat map[string]string, verdict string, r *policy.Result) string {
	return fill(cat["sumVerdict"],
		"verdict", verdict,
		"errors", strconv.Itoa(r.Summary.Errors),
		"warnings", strconv.Itoa(r.Summary.Warnings),
		"waived", strconv.Itoa(r.Summary.Waived))
}

// newRow makes a package's row; titles are the Project's texts' titles.
func newRow(pkg *attribution.Package, titles []string, cat map[string]string) row {
	c := category(pkg.Category)
	vd := verdict(pkg.Verdict)
	r := row{
		Name:          pkg.Name,
		Version:       pkg.Version,
		Ecosystem:     pkg.Ecosystem,
		PURL:          pkg.PURL,
		Declared:      pkg.Declared,
		Concluded:     pkg.Concluded,
		Directory:     pkg.Directory,
		Category:      string(c),
		CategoryLabel: cat[categoryKeys[c]],
		Verdict:       vd,
		VerdictLabel:  cat[verdictKeys[vd]],
		Disagreement:  pkg.Disagreement,
		Copyrights:    pkg.Copyrights,
		Notes:         pkg.Notes,
	}
	for _, e := range pkg.Evidence {
		r.Evidence = append(r.Evidence, evidence{License: e.License, File: e.File, Lines: lines(e.StartLine, e.EndLine), Note: e.Note})
	}
	for _, f := range pkg.Findings {
		r.Findings = append(r.Findings, newFinding(f, cat))
	}
	for _, i := range pkg.Texts {
		if i < 0 || i >= len(titles) {
			continue // an index the builder got wrong: nothing to show
		}
		r.Texts = append(r.Texts, textRef{Index: i, Label: titles[i]})
	}
	r.Summary = fill(cat["evSummary"],
		"files", strconv.Itoa(len(r.Evidence)),
		"copyrights", strconv.Itoa(len(r.Copyrights)),
		"texts", strconv.Itoa(len(r.Texts)))
	return r
}

// lines formats a line range: "3-18", "7", or "" when unknown.
func lines(start, end int) string {
	switch {
	case start <= 0:
		return ""
	case end <= start:
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "–" + strconv.Itoa(end)
}

func textTitle(t attribution.Text, cat map[string]string) string {
	title := strings.Join(t.Licenses, ", ")
	var from string
	switch {
	case t.Canonical:
		from = cat["evCanonical"]
	case t.File != "":
		from = fill(cat["evOwnText"], "file", t.File)
	}
	if title == "" {
		return from
	}
	if from == "" {
		return title
	}
	return title + " — " + from
}

func newFinding(f policy.Finding, cat map[string]string) finding {
	sev := verdict(f.Severity)
	pkg := f.Name
	if f.Version != "" {
		pkg += "@" + f.Version
	}
	src := f.Source
	switch src {
	case "declared":
		src = cat["srcDeclared"]
	case "concluded":
		src = cat["srcConcluded"]
	}
	return finding{
		Severity:      sev,
		SeverityLabel: cat[verdictKeys[sev]],
		Package:       pkg,
		PURL:          f.PURL,
		License:       f.License,
		Rule:          f.Rule,
		Source:        src,
		Message:       f.Message,
	}
}

func policySection(p *attribution.Project, cat map[string]string) policyView {
	if p.Policy == "" {
		return policyView{}
	}
	pv := policyView{Checked: true, File: p.Policy}
	titles := map[string]string{policy.Error: cat["polErrors"], policy.Warning: cat["polWarnings"], policy.Waived: cat["polWaived"]}
	for _, sev := range []string{policy.Error, policy.Warning, policy.Waived} {
		g := findingGroup{Severity: sev}
		if p.Result != nil {
			for _, f := range p.Result.Findings {
				if verdict(f.Severity) == sev {
					g.Findings = append(g.Findings, newFinding(f, cat))
				}
			}
		}
		if len(g.Findings) > 0 {
			g.Open = len(g.Findings) <= openFindingsMax
			g.Title = fill(cat["polGroup"], "severity", titles[sev], "n", strconv.Itoa(len(g.Findings)))
			pv.Groups = append(pv.Groups, g)
		}
	}
	for _, e := range p.Exceptions {
		x := exception{
			PURL:     e.PURL,
			Licenses: strings.Join(e.Licenses, ", "),
			Reason:   e.Reason,
			Approver: e.Approver,
			Ticket:   e.Ticket,
			Expires:  cmp.Or(e.Expires, cat["excNever"]),
			Expired:  e.Expired,
			Status:   cat["excInForce"],
		}
		if e.Expired {
			x.Status = cat["excExpired"]
		}
		pv.Exceptions = append(pv.Exceptions, x)
	}
	return pv
}
