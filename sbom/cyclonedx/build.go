package cyclonedx

import (
	"cmp"
	"path"
	"slices"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/cyclonedx/schema"
	"github.com/hengdev/heng/scanner/inventory"
)

// maxCopyrights bounds the copyright statements given as one component's
// evidence: a package with thousands of files would otherwise repeat
// them all.
const maxCopyrights = 50

// Build makes the CycloneDX BOM of a document, before encoding: the
// encoder then writes it in the requested spec version.
func Build(doc *sbom.Document, opts Options) *cdx.BOM {
	spec := opts.Spec
	if spec == 0 {
		spec = DefaultSpec
	}
	b := &builder{doc: doc, spec: spec, files: opts.Files}
	return b.build()
}

type builder struct {
	doc   *sbom.Document
	spec  cdx.SpecVersion
	files bool
}

func (b *builder) build() *cdx.BOM {
	bom := cdx.NewBOM()
	bom.SpecVersion = b.spec

	mainIdx := mainPackage(b.doc.Packages)
	project := b.project(mainIdx)

	refs := map[string]bool{project.BOMRef: true}
	var comps []cdx.Component
	var deps []cdx.Dependency
	var projectDeps []string
	incomplete := false
	for i := range b.doc.Packages {
		p := &b.doc.Packages[i]
		if p.Version == "" && p.Ecosystem != inventory.EcosystemGeneric {
			incomplete = true
		}
		if i == mainIdx {
			continue
		}
		c := b.component(p)
		refs[c.BOMRef] = true
		comps = append(comps, c)
		// The project depends on what it names directly, and on the
		// other roots (the parts of a monorepo, the modules of a
		// build).
		if mainIdx < 0 && p.Relationship == inventory.RelationshipDirect || p.Relationship == inventory.RelationshipRoot {
			projectDeps = append(projectDeps, c.BOMRef)
		}
	}
	if mainIdx >= 0 {
		projectDeps = append(projectDeps, b.doc.Packages[mainIdx].Dependencies...)
	}
	if b.files {
		for _, c := range b.fileComponents() {
			refs[c.BOMRef] = true
			comps = append(comps, c)
			deps = append(deps, dependency(c.BOMRef, nil, refs))
		}
	}
	deps = append([]cdx.Dependency{dependency(project.BOMRef, projectDeps, refs)}, deps...)
	for i := range b.doc.Packages {
		if i == mainIdx {
			continue
		}
		p := &b.doc.Packages[i]
		deps = append(deps, dependency(ref(p), p.Dependencies, refs))
	}
	slices.SortFunc(comps, func(a, c cdx.Component) int { return cmp.Compare(a.BOMRef, c.BOMRef) })
	slices.SortFunc(deps[1:], func(a, c cdx.Dependency) int { return cmp.Compare(a.Ref, c.Ref) })

	bom.Metadata = &cdx.Metadata{
		Timestamp: timestamp(b.doc.Created),
		Tools:     b.tools(),
		Component: &project,
	}
	if b.spec >= cdx.SpecVersion1_5 {
		bom.Metadata.Lifecycles = &[]cdx.Lifecycle{{Phase: cdx.LifecyclePhasePreBuild}}
	}
	bom.Components = &comps
	bom.Dependencies = &deps
	aggregate := cdx.CompositionAggregateComplete
	if incomplete {
		aggregate = cdx.CompositionAggregateIncomplete
	}
	if len(b.doc.Packages) == 0 {
		aggregate = cdx.CompositionAggregateUnknown
	}
	bom.Compositions = &[]cdx.Composition{{
		Aggregate:    aggregate,
		Dependencies: &[]cdx.BOMReference{cdx.BOMReference(project.BOMRef)},
	}}
	bom.SerialNumber = ""
	bom.SerialNumber = serialNumber(bom)
	return bom
}

// fileComponents lists the project's own files that carry licenses, those
// in no package's directory, as components of type file: the licenses
// found in each (concluded), with the lines as evidence, and its SHA-256.
func (b *builder) fileComponents() []cdx.Component {
	var dirs []string
	for _, p := range b.doc.Packages {
		if p.Directory != "" && !path.IsAbs(p.Directory) && p.Directory != "." {
			dirs = append(dirs, p.Directory+"/")
		}
	}
	var out []cdx.Component
	for _, f := range b.doc.Files {
		if len(f.Licenses) == 0 || slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(f.Path, d) }) {
			continue
		}
		var found []string
		var occ []cdx.EvidenceOccurrence
		for _, l := range f.Licenses {
			n := l.Name()
			if n == "" {
				continue
			}
			if !slices.Contains(found, n) {
				found = append(found, n)
			}
			line := l.StartLine
			occ = append(occ, cdx.EvidenceOccurrence{Location: f.Path, Line: &line})
		}
		if len(found) == 0 {
			continue
		}
		slices.Sort(found)
		c := cdx.Component{
			BOMRef: "heng:file:" + f.Path,
			Type:   cdx.ComponentTypeFile,
			Name:   f.Path,
		}
		if f.SHA256 != "" {
			c.Hashes = &[]cdx.Hash{{Algorithm: cdx.HashAlgoSHA256, Value: f.SHA256}}
		}
		concluded := licenses.And(found...)
		c.Licenses = b.licenses("", concluded)
		if b.spec >= cdx.SpecVersion1_5 {
			c.Evidence = &cdx.Evidence{Licenses: b.evidenceLicenses(concluded), Occurrences: &occ}
			var cs []cdx.Copyright
			for _, s := range f.Copyrights {
				if !slices.ContainsFunc(cs, func(c cdx.Copyright) bool { return c.Text == s.Statement }) {
					cs = append(cs, cdx.Copyright{Text: s.Statement})
				}
			}
			if len(cs) > 0 {
				c.Evidence.Copyright = &cs
			}
		}
		if props := b.licenseProperties("", concluded); len(props) > 0 {
			c.Properties = &props
		}
		out = append(out, c)
	}
	return out
}

// mainPackage finds the package that describes the scanned project
// itself: a root found in a manifest at the top of the tree (the first in
// the document's order when several are, such as a go.mod beside a
// package.json); -1 when there is none.
func mainPackage(pkgs []inventory.Package) int {
	for i, p := range pkgs {
		if p.Relationship != inventory.RelationshipRoot {
			continue
		}
		for _, l := range p.Locations {
			if !strings.Contains(l.Path, "/") {
				return i
			}
		}
	}
	return -1
}

// project is the metadata.component: the main package when there is one,
// else an application named after the scanned directory. Its licenses are
// the declared one of its manifest and those of its top-level license
// files.
func (b *builder) project(mainIdx int) cdx.Component {
	var c cdx.Component
	var declared string
	if mainIdx >= 0 {
		c = b.component(&b.doc.Packages[mainIdx])
		if d := b.doc.Packages[mainIdx].DeclaredLicense; d != nil {
			declared = d.Expression
		}
		c.Licenses, c.Evidence = nil, nil
	} else {
		c = cdx.Component{BOMRef: "heng:project", Name: b.projectName()}
	}
	c.Type = cdx.ComponentTypeApplication
	c.Scope = ""

	var found []string
	var files []string
	for _, f := range b.doc.Files {
		if strings.Contains(f.Path, "/") || !slices.Contains(f.Tags, inventory.TagLicense) {
			continue
		}
		for _, l := range f.Licenses {
			if n := l.Name(); n != "" && !slices.Contains(found, n) {
				found = append(found, n)
			}
		}
		if len(f.Licenses) > 0 {
			files = append(files, f.Path)
		}
	}
	slices.Sort(found)
	concluded := licenses.And(found...)
	c.Licenses = b.licenses(declared, concluded)
	if props := b.licenseProperties(declared, concluded); len(props) > 0 {
		all := append(derefProps(c.Properties), props...)
		slices.SortFunc(all, func(a, b cdx.Property) int {
			return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Value, b.Value))
		})
		c.Properties = &all
	}
	if b.spec >= cdx.SpecVersion1_5 && len(files) > 0 {
		c.Evidence = &cdx.Evidence{Licenses: b.evidenceLicenses(concluded), Occurrences: b.occurrences(files)}
	}
	return c
}

func (b *builder) projectName() string {
	if b.doc.Name != "" {
		return b.doc.Name
	}
	if n := path.Base(b.doc.Root); n != "." && n != "/" && n != "" {
		return n
	}
	return "project"
}

func (b *builder) tools() *cdx.ToolsChoice {
	name, version := cmp.Or(b.doc.Tool.Name, "heng"), b.doc.Tool.Version
	if b.spec < cdx.SpecVersion1_5 {
		return &cdx.ToolsChoice{Tools: &[]cdx.Tool{{Vendor: "heng", Name: name, Version: version}}}
	}
	return &cdx.ToolsChoice{Components: &[]cdx.Component{{
		Type: cdx.ComponentTypeApplication, Name: name, Version: version,
		ExternalReferences: &[]cdx.ExternalReference{{Type: cdx.ERTypeVCS, URL: "https://github.com/hengdev/heng"}},
	}}}
}

// ref is a package's bom-ref: its purl, or for packages without one a
// reference made of its directory (unique in a scan).
func ref(p *inventory.Package) string {
	if p.PURL != "" {
		return p.PURL
	}
	return "heng:dir:" + cmp.Or(p.Directory, p.Name)
}

func (b *builder) component(p *inventory.Package) cdx.Component {
	group, name := nameAndGroup(p)
	c := cdx.Component{
		BOMRef:     ref(p),
		Type:       cdx.ComponentTypeLibrary,
		Group:      group,
		Name:       name,
		Version:    p.Version,
		PackageURL: p.PURL,
	}
	if p.Relationship == inventory.RelationshipRoot {
		c.Type = cdx.ComponentTypeApplication
	}
	switch p.Scope {
	case inventory.ScopeRequired:
		c.Scope = cdx.ScopeRequired
	case inventory.ScopeOptional:
		c.Scope = cdx.ScopeOptional
	case inventory.ScopeDev, inventory.ScopeTest:
		c.Scope = cdx.ScopeExcluded
	}
	if len(p.Hashes) > 0 {
		var hs []cdx.Hash
		for _, h := range p.Hashes {
			if validHash(h) {
				hs = append(hs, cdx.Hash{Algorithm: cdx.HashAlgorithm(h.Algorithm), Value: h.Value})
			}
		}
		if len(hs) > 0 {
			c.Hashes = &hs
		}
	}
	if refs := externalReferences(p); len(refs) > 0 {
		c.ExternalReferences = &refs
	}

	declared := ""
	if p.DeclaredLicense != nil {
		declared = p.DeclaredLicense.Expression
	}
	var detected, files []string
	for _, d := range p.DetectedLicenses {
		detected = append(detected, d.License)
		files = append(files, d.Files...)
	}
	concluded := licenses.And(detected...)
	c.Licenses = b.licenses(declared, concluded)

	props := b.properties(p, declared, concluded)
	if len(props) > 0 {
		c.Properties = &props
	}
	if b.spec >= cdx.SpecVersion1_5 {
		ev := &cdx.Evidence{}
		if concluded != "" {
			ev.Licenses = b.evidenceLicenses(concluded)
			ev.Occurrences = b.occurrences(files)
		}
		if cs := b.copyrights(p.Directory); len(cs) > 0 {
			ev.Copyright = &cs
		}
		if ev.Licenses != nil || ev.Copyright != nil {
			c.Evidence = ev
		}
	}
	return c
}

// nameAndGroup splits a package's name as CycloneDX wants it: Maven's
// groupId, npm's and ohpm's scope and Composer's vendor are the group; Go
// modules keep their whole path as the name, as other tools do.
func nameAndGroup(p *inventory.Package) (group, name string) {
	switch p.Ecosystem {
	case inventory.EcosystemMaven, inventory.EcosystemNPM, inventory.EcosystemOHPM, inventory.EcosystemComposer:
		if u, err := packageurl.FromString(p.PURL); err == nil && u.Namespace != "" {
			return u.Namespace, u.Name
		}
	}
	return "", p.Name
}

// externalReferences keeps the URLs the sources give: the project's web
// page (homepage), its source repository (repository, or a VCS source of a
// lock file), and where the artifact was downloaded from (resolved).
func externalReferences(p *inventory.Package) []cdx.ExternalReference {
	var out []cdx.ExternalReference
	web := func(v string) bool { return strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") }
	for _, prop := range p.Properties {
		v := prop.Value
		switch prop.Name {
		case "homepage":
			if web(v) {
				out = append(out, cdx.ExternalReference{Type: cdx.ERTypeWebsite, URL: v})
			}
		case "resolved":
			if web(v) {
				out = append(out, cdx.ExternalReference{Type: cdx.ERTypeDistribution, URL: v})
			}
		case "repository", "vcs", "source_url":
			if strings.Contains(v, "://") || strings.HasPrefix(v, "git@") {
				out = append(out, cdx.ExternalReference{Type: cdx.ERTypeVCS, URL: v})
			}
		}
	}
	slices.SortFunc(out, func(a, b cdx.ExternalReference) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.URL, b.URL))
	})
	return slices.Compact(out)
}

// properties records what CycloneDX has no field for, under heng's
// namespace: the relationship, dev or test scope, where the package was
// found and by which extractor, its directory, and the sources' own
// properties.
func (b *builder) properties(p *inventory.Package, declared, concluded string) []cdx.Property {
	var out []cdx.Property
	add := func(name, value string) {
		if value != "" {
			out = append(out, cdx.Property{Name: "heng:" + name, Value: value})
		}
	}
	add("relationship", p.Relationship)
	if p.Scope == inventory.ScopeDev || p.Scope == inventory.ScopeTest {
		add("scope", p.Scope)
	}
	add("ecosystem", p.Ecosystem)
	add("directory", p.Directory)
	for _, l := range p.Locations {
		add("found_by", l.FoundBy+":"+l.Path)
	}
	if p.DeclaredLicense != nil && p.DeclaredLicense.Raw != p.DeclaredLicense.Expression {
		add("license:declared_raw", p.DeclaredLicense.Raw)
	}
	out = append(out, b.licenseProperties(declared, concluded)...)
	for _, q := range p.Properties {
		add(q.Name, q.Value)
	}
	slices.SortFunc(out, func(a, b cdx.Property) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Value, b.Value))
	})
	return slices.Compact(out)
}

// licenseProperties keeps what the licenses field cannot say: the
// declared license when only the concluded one fits there, and, before
// 1.6 (no acknowledgement), which license is the concluded one, so that
// heng reads its own SBOMs back faithfully.
func (b *builder) licenseProperties(declared, concluded string) []cdx.Property {
	var out []cdx.Property
	if !b.bothLicenses(declared, concluded) {
		out = append(out, cdx.Property{Name: "heng:license:declared", Value: declared})
	}
	if b.spec < cdx.SpecVersion1_6 && concluded != "" {
		out = append(out, cdx.Property{Name: "heng:license:concluded", Value: concluded})
	}
	return out
}

func derefProps(p *[]cdx.Property) []cdx.Property {
	if p == nil {
		return nil
	}
	return slices.Clone(*p)
}

// bothLicenses reports whether the spec version can hold the declared and
// the concluded license side by side, with their acknowledgements: 1.7
// always, 1.6 when neither is a compound expression (a license list may
// not mix in an expression there).
func (b *builder) bothLicenses(declared, concluded string) bool {
	if declared == "" || concluded == "" {
		return true
	}
	switch {
	case b.spec >= cdx.SpecVersion1_7:
		return true
	case b.spec == cdx.SpecVersion1_6:
		return !isExpression(declared) && !isExpression(concluded)
	}
	return false
}

// licenses gives a component's licenses: both the declared and the
// concluded one where the spec version allows it, else the concluded one
// (found in the package's files) or, without it, the declared one.
func (b *builder) licenses(declared, concluded string) *cdx.Licenses {
	var ls cdx.Licenses
	if b.bothLicenses(declared, concluded) {
		if declared != "" {
			ls = append(ls, b.choice(declared, cdx.LicenseAcknowledgementDeclared))
		}
		if concluded != "" {
			ls = append(ls, b.choice(concluded, cdx.LicenseAcknowledgementConcluded))
		}
	} else if concluded != "" {
		ls = append(ls, b.choice(concluded, cdx.LicenseAcknowledgementConcluded))
	}
	if len(ls) == 0 {
		return nil
	}
	return &ls
}

// evidenceLicenses is the evidence's license list: the licenses found, as
// one choice (an expression when there are several).
func (b *builder) evidenceLicenses(found string) *cdx.Licenses {
	if found == "" {
		return nil
	}
	c := b.choice(found, "")
	return &cdx.Licenses{c}
}

// choice writes one license or expression.
func (b *builder) choice(expr string, ack cdx.LicenseAcknowledgement) cdx.LicenseChoice {
	if b.spec < cdx.SpecVersion1_6 {
		ack = ""
	}
	if isExpression(expr) {
		c := cdx.LicenseChoice{Expression: expr}
		if ack != "" {
			c.Acknowledgement = &ack
		}
		if ack == cdx.LicenseAcknowledgementConcluded && b.spec >= cdx.SpecVersion1_7 {
			c.ExpressionDetails = expressionDetails(expr)
		}
		return c
	}
	l := &cdx.License{Acknowledgement: ack}
	if strings.HasPrefix(expr, "LicenseRef-") || !knownID(expr) {
		l.Name = expr
		if info, ok := licenses.Lookup(expr); ok && strings.HasPrefix(expr, "LicenseRef-") {
			l.Name = info.Name
			if l.Name == "" {
				l.Name = expr
			}
			if text, ok := licenses.Text(expr); ok {
				l.Text = &cdx.AttachedText{ContentType: "text/plain", Content: text}
			}
			l.Properties = &[]cdx.Property{{Name: "heng:license:id", Value: expr}}
		}
	} else {
		l.ID = expr
	}
	return cdx.LicenseChoice{License: l}
}

// isExpression reports whether a license is a compound SPDX expression.
func isExpression(s string) bool {
	return strings.ContainsAny(s, " ()")
}

// occurrences lists the files licenses were found in, each with the first
// line of its first license finding when the document has the file.
func (b *builder) occurrences(files []string) *[]cdx.EvidenceOccurrence {
	files = slices.Clone(files)
	slices.Sort(files)
	files = slices.Compact(files)
	var out []cdx.EvidenceOccurrence
	for _, f := range files {
		o := cdx.EvidenceOccurrence{Location: f}
		if i, ok := slices.BinarySearchFunc(b.doc.Files, f, func(x inventory.File, p string) int { return cmp.Compare(x.Path, p) }); ok {
			for _, l := range b.doc.Files[i].Licenses {
				if l.StartLine > 0 {
					line := l.StartLine
					o.Line = &line
					break
				}
			}
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil
	}
	return &out
}

// copyrights gathers the copyright statements of the files in a package's
// directory (inside the scanned tree), sorted, at most maxCopyrights.
func (b *builder) copyrights(dir string) []cdx.Copyright {
	if dir == "" || path.IsAbs(dir) {
		return nil
	}
	// Files are sorted by path: those below dir are one run of them.
	prefix := dir + "/"
	start, _ := slices.BinarySearchFunc(b.doc.Files, prefix, func(f inventory.File, p string) int { return cmp.Compare(f.Path, p) })
	var seen []string
	have := map[string]bool{}
	for _, f := range b.doc.Files[start:] {
		if !strings.HasPrefix(f.Path, prefix) {
			break
		}
		for _, c := range f.Copyrights {
			if !have[c.Statement] {
				have[c.Statement] = true
				seen = append(seen, c.Statement)
			}
		}
	}
	slices.Sort(seen)
	if len(seen) > maxCopyrights {
		seen = seen[:maxCopyrights]
	}
	var out []cdx.Copyright
	for _, s := range seen {
		out = append(out, cdx.Copyright{Text: s})
	}
	return out
}

// dependency is one node of the graph, pointing only at components the
// document holds (a dependency the scan could not resolve is left out
// rather than left dangling).
func dependency(from string, to []string, refs map[string]bool) cdx.Dependency {
	out := []string{}
	for _, t := range to {
		if refs[t] && t != from && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return cdx.Dependency{Ref: from, Dependencies: &out}
}

// knownID reports whether CycloneDX's SPDX list (which its schemas check
// license.id against) has the id.
func knownID(id string) bool {
	return schema.SPDXIDs()[id]
}

// hashLengths are the hex lengths of the digests CycloneDX names.
var hashLengths = map[string]int{"MD5": 32, "SHA-1": 40, "SHA-256": 64, "SHA-384": 96, "SHA-512": 128,
	"SHA3-256": 64, "SHA3-384": 96, "SHA3-512": 128, "BLAKE2b-256": 64, "BLAKE2b-384": 96, "BLAKE2b-512": 128, "BLAKE3": 64}

// validHash reports whether a hash is one CycloneDX can hold: a known
// algorithm and a hex value of its length. A lock file with a damaged
// digest would otherwise make the whole SBOM invalid.
func validHash(h inventory.Hash) bool {
	n, ok := hashLengths[h.Algorithm]
	if !ok || len(h.Value) != n {
		return false
	}
	for _, c := range h.Value {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// expressionDetails describes each license of an expression heng
// concluded (1.7): its identifier (with its exception, for WITH) and the
// reference URL heng knows for it.
func expressionDetails(expr string) *[]cdx.LicenseExpressionDetail {
	fields := strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(expr))
	var ids []string
	for i := 0; i < len(fields); i++ {
		switch f := fields[i]; {
		case f == "AND" || f == "OR":
		case f == "WITH" && len(ids) > 0 && i+1 < len(fields):
			ids[len(ids)-1] += " WITH " + fields[i+1]
			i++
		default:
			ids = append(ids, f)
		}
	}
	var out []cdx.LicenseExpressionDetail
	for _, id := range ids {
		if slices.ContainsFunc(out, func(d cdx.LicenseExpressionDetail) bool { return d.LicenseIdentifier == id }) {
			continue
		}
		d := cdx.LicenseExpressionDetail{LicenseIdentifier: id}
		base, _, _ := strings.Cut(id, " WITH ")
		if info, ok := licenses.Lookup(base); ok && info.URL != "" {
			d.URL = info.URL
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil
	}
	return &out
}
