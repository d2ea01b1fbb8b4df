package attribution

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/package-url/packageurl-go"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/licenses/copyright"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/sbom/cyclonedx"
	"github.com/hengdev/heng/scanner/inventory"
)

// MaxCopyrights bounds the copyright statements kept for one package: a
// package with thousands of source files would otherwise list them all.
// The first MaxCopyrights in sorted order are kept, and a note says how
// many there were.
const MaxCopyrights = 100

// maxStatementLen bounds one copyright statement read from an SBOM, in
// bytes: statements are a line; a longer one is cut.
const maxStatementLen = 1000

// FromDocument makes the Project of a scan (heng's own Document): the
// packages with their licenses, the copyright statements of their files
// and the license texts read from their license files under opts. The
// caller sets Tool and Created.
func FromDocument(doc *sbom.Document, opts Options) *Project {
	if doc == nil {
		doc = &sbom.Document{}
	}
	p := &Project{Source: doc.Root, Files: len(doc.Files)}
	b := newBuilder(opts)
	defer b.close()
	b.indexDocument(doc)
	b.run(p, doc.Packages)
	if r, ok := mainRoot(p.Roots); ok {
		p.Name, p.Version = r.Name, r.Version
	} else {
		p.Name = cmp.Or(doc.Name, baseName(doc.Root))
	}
	return p
}

// FromBOM makes the Project of a CycloneDX SBOM written by any tool
// (heng, Syft, Trivy, cdxgen, ...), read with sbom/cyclonedx.Packages;
// source is the SBOM's file name. The copyright statements are the
// components' evidence.copyright; license texts attached to their
// licenses (license.text) are the packages' own texts; license files named by
// evidence.occurrences are read under opts, which for an SBOM should not
// allow absolute paths: an SBOM from elsewhere could name any file. The
// caller sets Tool and Created.
func FromBOM(bom *cdx.BOM, source string, opts Options) *Project {
	p := &Project{Source: source, FromSBOM: true, Files: -1}
	b := newBuilder(opts)
	defer b.close()
	var pkgs []inventory.Package
	if bom != nil {
		pkgs = cyclonedx.Packages(bom)
		b.source = source
		b.indexComponents(bom)
	}
	b.run(p, pkgs)
	p.Name = baseName(filepath.ToSlash(source))
	if bom != nil && bom.Metadata != nil && bom.Metadata.Component != nil {
		c := bom.Metadata.Component
		if n := OneLine(c.Name); n != "" && n != "." && n != "/" {
			p.Name = n
		}
		p.Version = OneLine(c.Version)
	}
	return p
}

// mainRoot picks the project's own package among the roots: the first
// whose manifest is at the top of the tree (as the CycloneDX writer
// picks metadata.component), else the first.
func mainRoot(roots []Package) (Package, bool) {
	for _, r := range roots {
		for _, l := range r.Locations {
			if !strings.Contains(l.Path, "/") {
				return r, true
			}
		}
	}
	if len(roots) > 0 {
		return roots[0], true
	}
	return Package{}, false
}

// baseName is the last element of a path, "project" when there is none.
func baseName(p string) string {
	if n := path.Base(strings.TrimRight(p, "/")); n != "." && n != "/" && n != "" {
		return n
	}
	return "project"
}

// builder makes one Project. Everything it indexes is built once, so that
// the work grows with the number of packages plus the number of files,
// not their product.
type builder struct {
	r *reader
	p *Project

	// A scan's files: by path, the copyright statements of the files
	// each package directory owns, and the license files in which no
	// license was recognised, by the directory whose license files they
	// are.
	docFiles     map[string]*inventory.File
	owned        map[string][]string
	unidentified map[string][]string
	// An SBOM's evidence.copyright statements and the license texts
	// attached to its components' licenses, by component key.
	bomCopyrights map[string][]string
	bomTexts      map[string][]attachedText
	source        string // the SBOM's file name

	fileIDs  map[string][]string   // evidence file -> ids found in it
	files    map[string]*fileState // each file read once
	textKeys map[textKey]int
	textIDs  []map[string]bool   // per text: its license ids
	canon    map[string]int      // id -> canonical text, -1 for none
	idsOf    map[string][]string // expression -> licenses.IDs
}

// fileState is what reading one file gave.
type fileState struct {
	text  int      // index in Project.Texts, -1 when none
	note  string   // why there is no text
	stmts []string // its copyright statements, license texts' own excepted
}

// textKey identifies a text by its words, so that texts differing in
// white space only are one. Own and canonical texts are kept apart: a
// package's file that happens to equal the canonical text is still its
// own.
type textKey struct {
	canonical bool
	sum       [sha256.Size]byte
}

func newBuilder(opts Options) *builder {
	return &builder{
		r:        newReader(opts),
		fileIDs:  map[string][]string{},
		files:    map[string]*fileState{},
		textKeys: map[textKey]int{},
		canon:    map[string]int{},
		idsOf:    map[string][]string{},
	}
}

func (b *builder) close() { b.r.close() }

// ids is licenses.IDs, remembered: a project has many packages and few
// distinct expressions.
func (b *builder) ids(expr string) []string {
	ids, ok := b.idsOf[expr]
	if !ok {
		ids = licenses.IDs(expr)
		b.idsOf[expr] = ids
	}
	return ids
}

// inTree returns a package directory cleaned, and whether it lies inside
// the scanned tree (relative, not climbing out of it).
func inTree(dir string) (string, bool) {
	if dir == "" || isAbs(dir) {
		return "", false
	}
	c := path.Clean(dir)
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", false
	}
	return c, true
}

// indexDocument indexes a scan's files once. Each file with copyright
// statements belongs to the innermost package directory holding it (a
// package nested in another's node_modules is not the outer one's), found
// by walking up the file's path: a few map lookups per file.
func (b *builder) indexDocument(doc *sbom.Document) {
	dirs := map[string]bool{}
	for _, q := range doc.Packages {
		if d, ok := inTree(q.Directory); ok {
			dirs[d] = true
		}
	}
	b.docFiles = make(map[string]*inventory.File, len(doc.Files))
	b.owned = map[string][]string{}
	b.unidentified = map[string][]string{}
	for i := range doc.Files {
		f := &doc.Files[i]
		b.docFiles[f.Path] = f
		if len(f.Copyrights) > 0 {
			if d, ok := owner(f.Path, dirs); ok {
				for _, c := range f.Copyrights {
					b.owned[d] = append(b.owned[d], c.Statement)
				}
			}
		}
		if slices.Contains(f.Tags, inventory.TagLicense) && !slices.ContainsFunc(f.Licenses, func(l inventory.License) bool { return l.Name() != "" }) {
			d := licenseDir(f.Path)
			if dirs[d] {
				b.unidentified[d] = append(b.unidentified[d], f.Path)
			}
		}
	}
	for _, fs := range b.unidentified {
		slices.Sort(fs)
	}
}

// owner finds the innermost of dirs that holds the file p.
func owner(p string, dirs map[string]bool) (string, bool) {
	for d := path.Dir(p); ; d = path.Dir(d) {
		if dirs[d] {
			return d, true
		}
		if d == "." || d == "/" || d == "" {
			return "", false
		}
	}
}

// licenseDir is the directory whose license files a file is among: its
// own, or for a file in a licenses/ (LICENSES/) directory the one above,
// as the scanner attaches license files to packages.
func licenseDir(p string) string {
	d := path.Dir(p)
	if strings.EqualFold(path.Base(d), "licenses") && d != "." {
		d = path.Dir(d)
	}
	return d
}

// run fills the Project's packages and texts. Third-party packages come
// first, so that Texts are in the order of their first use by Packages;
// a text only root packages use comes last and lists no package.
func (b *builder) run(p *Project, pkgs []inventory.Package) {
	b.p = p
	var roots, others []inventory.Package
	for _, q := range pkgs {
		if q.Relationship == inventory.RelationshipRoot {
			roots = append(roots, q)
		} else {
			others = append(others, q)
		}
	}
	byOrder := func(a, c inventory.Package) int { return inventory.ComparePackages(&a, &c) }
	slices.SortStableFunc(roots, byOrder)
	slices.SortStableFunc(others, byOrder)
	for _, list := range [][]inventory.Package{others, roots} {
		for _, q := range list {
			for _, d := range q.DetectedLicenses {
				for _, f := range d.Files {
					b.fileIDs[f] = append(b.fileIDs[f], b.ids(d.License)...)
				}
			}
		}
	}
	for f, ids := range b.fileIDs {
		slices.Sort(ids)
		b.fileIDs[f] = slices.Compact(ids)
	}
	p.Texts = []Text{}
	p.Packages = make([]Package, len(others))
	for i, q := range others {
		p.Packages[i] = b.pkg(q, i)
	}
	p.Roots = make([]Package, len(roots))
	for i, q := range roots {
		p.Roots[i] = b.pkg(q, -1)
	}
	for i := range p.Texts {
		t := &p.Texts[i]
		t.Licenses = []string{}
		for id := range b.textIDs[i] {
			t.Licenses = append(t.Licenses, id)
		}
		slices.Sort(t.Licenses)
	}
}

// pkg makes one package; idx is its index in Project.Packages, -1 for a
// root.
func (b *builder) pkg(q inventory.Package, idx int) Package {
	out := Package{Package: q, Evidence: []Evidence{}, Texts: []int{}, Notes: []string{}}
	if q.DeclaredLicense != nil {
		out.Declared = q.DeclaredLicense.Expression
	}
	var detected []string
	for _, d := range q.DetectedLicenses {
		detected = append(detected, d.License)
	}
	out.Concluded = licenses.And(detected...)
	out.License = cmp.Or(out.Concluded, out.Declared)
	out.Category = licenses.Unknown
	if out.License != "" {
		out.Category = CategoryOf(out.License)
	}
	out.Disagreement = Disagree(out.Declared, out.Concluded)
	if out.License == "" {
		out.Notes = append(out.Notes, "no license declared or found")
	}

	for _, d := range q.DetectedLicenses {
		for _, f := range d.Files {
			start, end := b.lines(f, d.License)
			st := b.file(f)
			out.Evidence = append(out.Evidence, Evidence{License: d.License, File: f, StartLine: start, EndLine: end, Text: st.text, Note: st.note})
		}
	}
	slices.SortFunc(out.Evidence, func(x, y Evidence) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.License, y.License))
	})
	out.Evidence = slices.Compact(out.Evidence)

	carried := map[string]bool{}
	var stmts []string
	exempt := map[string]bool{}
	noted := map[string]bool{}
	fileNote := func(f, note string) {
		if !noted[f] {
			noted[f] = true
			out.Notes = append(out.Notes, f+": "+note)
		}
	}
	for _, ev := range out.Evidence {
		st := b.files[ev.File]
		stmts = append(stmts, st.stmts...)
		b.exempt(exempt, b.ids(ev.License))
		if ev.Text < 0 {
			fileNote(ev.File, ev.Note)
			continue
		}
		out.Texts = appendNew(out.Texts, ev.Text)
		for _, id := range b.carried(ev.File, ev.License) {
			carried[id] = true
		}
	}
	for _, a := range b.attached(&q) {
		t, st := b.ownText(a.text, b.source, a.ids)
		stmts = append(stmts, st...)
		if t >= 0 {
			out.Texts = appendNew(out.Texts, t)
			for _, id := range a.ids {
				carried[id] = true
			}
		}
	}
	dir, local := inTree(q.Directory)
	if local {
		for _, f := range b.unidentified[dir] {
			st := b.file(f)
			stmts = append(stmts, st.stmts...)
			switch {
			case st.text >= 0:
				out.Texts = appendNew(out.Texts, st.text)
			case st.note != noteEmpty:
				fileNote(f, st.note)
			}
		}
	}
	own := len(out.Texts)

	ids := b.ids(out.License)
	b.exempt(exempt, ids)
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] || carried[id] {
			continue
		}
		seen[id] = true
		if t := b.canonical(id); t >= 0 {
			out.Texts = appendNew(out.Texts, t)
			out.Notes = append(out.Notes, fmt.Sprintf("no license text for %s found in the package's files: heng's canonical %s text is given", id, id))
		} else if own > 0 {
			out.Notes = append(out.Notes, fmt.Sprintf("no text known for %s: see the package's own license files", id))
		} else {
			out.Notes = append(out.Notes, fmt.Sprintf("no text known for %s", id))
		}
	}

	if local {
		stmts = append(stmts, b.owned[dir]...)
	}
	stmts = append(stmts, b.bomStatements(&q)...)
	out.Copyrights = []string{}
	for _, s := range stmts {
		if s = OneLine(s); s != "" && !exempt[stmtKey(s)] {
			out.Copyrights = append(out.Copyrights, s)
		}
	}
	slices.Sort(out.Copyrights)
	out.Copyrights = slices.Compact(out.Copyrights)
	if n := len(out.Copyrights); n > MaxCopyrights {
		out.Copyrights = out.Copyrights[:MaxCopyrights]
		out.Notes = append(out.Notes, fmt.Sprintf("%d copyright statements found: the first %d are listed", n, MaxCopyrights))
	}

	if idx >= 0 {
		for _, t := range out.Texts {
			ps := &b.p.Texts[t].Packages
			if n := len(*ps); n == 0 || (*ps)[n-1] != idx {
				*ps = append(*ps, idx)
			}
		}
	}
	return out
}

func appendNew(list []int, v int) []int {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// lines gives the lines of the first finding of license in a scanned
// file, 0, 0 when the document does not have them.
func (b *builder) lines(file, license string) (int, int) {
	f := b.docFiles[file]
	if f == nil {
		return 0, 0
	}
	for _, l := range f.Licenses {
		if l.Name() == license {
			return l.StartLine, l.EndLine
		}
	}
	return 0, 0
}

// carried returns the license ids whose full text a read file holds: for
// a scanned file, those of its findings of kind "text" (a file holding
// only an SPDX tag or a short notice carries no text, and the canonical
// one is given as well); for a file the document does not list (a module
// cache file, an SBOM's evidence), the ids of the evidence.
func (b *builder) carried(file, license string) []string {
	f := b.docFiles[file]
	if f == nil {
		return b.ids(license)
	}
	var out []string
	for _, l := range f.Licenses {
		if l.Kind == string(licenses.KindText) {
			out = append(out, b.ids(l.Name())...)
		}
	}
	return out
}

// file reads a license file once, and makes its text.
func (b *builder) file(name string) *fileState {
	if st, ok := b.files[name]; ok {
		return st
	}
	st := &fileState{text: -1}
	b.files[name] = st
	data, note := b.r.read(name)
	if note != "" {
		st.note = note
		return st
	}
	text, ok := decodeText(data)
	if !ok {
		st.note = noteNotText
		return st
	}
	st.text, st.stmts = b.ownText(text, name, b.fileIDs[name])
	if st.text < 0 {
		st.note = noteEmpty
	}
	return st
}

// ownText makes a package's own text of ids, read from where: its
// copyright statements go to the package (but for the license text's own
// notice, which stays in it) and their lines out of the text. The index
// is -1 when nothing is left.
func (b *builder) ownText(text, where string, ids []string) (int, []string) {
	exempt := map[string]bool{}
	b.exempt(exempt, ids)
	drop := map[int]bool{}
	var stmts []string
	for _, s := range copyright.Find([]byte(text)) {
		if exempt[stmtKey(s.Text)] {
			continue // the license text's own notice: part of the text
		}
		stmts = append(stmts, s.Text)
		for l := s.StartLine; l <= s.EndLine && l-s.StartLine < 10; l++ {
			drop[l] = true
		}
	}
	body := normalizeBody(text, drop)
	if body == "" {
		return -1, stmts
	}
	return b.addText(body, false, where, ids), stmts
}

// addText adds a text, or finds the one with the same words, and returns
// its index.
func (b *builder) addText(body string, canonical bool, file string, ids []string) int {
	h := sha256.New()
	for w := range strings.FieldsSeq(body) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	k := textKey{canonical: canonical}
	h.Sum(k.sum[:0])
	i, ok := b.textKeys[k]
	if !ok {
		i = len(b.p.Texts)
		b.textKeys[k] = i
		b.p.Texts = append(b.p.Texts, Text{Body: body, Canonical: canonical, File: file, Packages: []int{}})
		b.textIDs = append(b.textIDs, map[string]bool{})
	}
	for _, id := range ids {
		b.textIDs[i][id] = true
	}
	return i
}

// canonical returns the index of heng's text of a license id, adding it
// at first use; -1 when heng ships none (exceptions, LicenseRefs).
func (b *builder) canonical(id string) int {
	if i, ok := b.canon[id]; ok {
		return i
	}
	i := -1
	if t, ok := licenses.Text(id); ok {
		if body := normalizeBody(t, nil); body != "" {
			i = b.addText(body, true, "", []string{id})
		}
	}
	b.canon[id] = i
	return i
}

// exempt adds to set the copyright statements of the canonical texts of
// ids: "Copyright (C) 1989, 1991 Free Software Foundation, Inc." in a
// COPYING file is the GPL's own notice, part of the license text, not a
// claim on the package.
func (b *builder) exempt(set map[string]bool, ids []string) {
	for _, id := range ids {
		for _, s := range canonicalStatements(id) {
			set[s] = true
		}
	}
}

// canonicalStatements returns the statements (as stmtKey) of heng's text
// of a license id, remembered for the life of the process: the texts are
// embedded, and finding them costs a pass over the text.
func canonicalStatements(id string) []string {
	if v, ok := canonStatements.Load(id); ok {
		return v.([]string)
	}
	var sts []string
	if t, ok := licenses.Text(id); ok {
		for _, s := range copyright.Find([]byte(t)) {
			sts = append(sts, stmtKey(s.Text))
		}
	}
	canonStatements.Store(id, sts)
	return sts
}

var canonStatements sync.Map // license id -> []string

// stmtKey compares statements loosely: case, white space and final
// punctuation aside.
func stmtKey(s string) string {
	return strings.TrimRight(strings.ToLower(OneLine(s)), ".,; ")
}

// attachedText is a license text an SBOM carries (a component's
// licenses[].license.text), with the ids of that license.
type attachedText struct {
	ids  []string
	text string
}

// indexComponents gathers, by componentKey, the evidence.copyright
// statements of an SBOM's components, nested ones included, and the
// license texts attached to their licenses (plain or base64, at most
// MaxTextSize each; others are left out).
func (b *builder) indexComponents(bom *cdx.BOM) {
	b.bomCopyrights = map[string][]string{}
	b.bomTexts = map[string][]attachedText{}
	var walk func(c *cdx.Component)
	walk = func(c *cdx.Component) {
		k := componentKey(c)
		if c.Evidence != nil && c.Evidence.Copyright != nil {
			for _, s := range *c.Evidence.Copyright {
				t := s.Text
				if len(t) > maxStatementLen {
					t = strings.ToValidUTF8(t[:maxStatementLen], "") + "…"
				}
				b.bomCopyrights[k] = append(b.bomCopyrights[k], t)
			}
		}
		if c.Licenses != nil {
			for _, l := range *c.Licenses {
				if a, ok := b.attachedText(l.License); ok {
					b.bomTexts[k] = append(b.bomTexts[k], a)
				}
			}
		}
		if c.Components != nil {
			for i := range *c.Components {
				walk(&(*c.Components)[i])
			}
		}
	}
	if bom.Metadata != nil && bom.Metadata.Component != nil {
		walk(bom.Metadata.Component)
	}
	if bom.Components != nil {
		for i := range *bom.Components {
			walk(&(*bom.Components)[i])
		}
	}
}

// attachedText decodes the text attached to a license, with the license's
// ids (its id, else its name normalised).
func (b *builder) attachedText(l *cdx.License) (attachedText, bool) {
	if l == nil || l.Text == nil || l.Text.Content == "" {
		return attachedText{}, false
	}
	limit := b.r.max
	data := []byte(l.Text.Content)
	if strings.EqualFold(l.Text.Encoding, "base64") {
		if int64(base64.StdEncoding.DecodedLen(len(l.Text.Content))) > limit+3 {
			return attachedText{}, false
		}
		var err error
		if data, err = base64.StdEncoding.DecodeString(strings.TrimSpace(l.Text.Content)); err != nil {
			return attachedText{}, false
		}
	}
	if int64(len(data)) > limit {
		return attachedText{}, false
	}
	text, ok := decodeText(data)
	if !ok {
		return attachedText{}, false
	}
	expr := l.ID
	if expr == "" {
		expr = licenses.Normalize(l.Name).Expression
	}
	return attachedText{ids: b.ids(expr), text: text}, true
}

// componentKey identifies a component as cyclonedx.Packages identifies
// the package it becomes: its purl in canonical form, else its bom-ref
// (kept as the package's "bom_ref" property), else its name and version.
func componentKey(c *cdx.Component) string {
	if c.PackageURL != "" {
		if u, err := packageurl.FromString(c.PackageURL); err == nil {
			return "purl:" + u.ToString()
		}
	}
	if c.BOMRef != "" {
		return "ref:" + c.BOMRef
	}
	name := c.Name
	if c.PackageURL == "" && c.Group != "" {
		name = c.Group + "/" + c.Name
	}
	return "nv:" + name + "\x00" + c.Version
}

// componentKeys are the keys of the components a package was made from.
func componentKeys(q *inventory.Package) []string {
	var keys []string
	if q.PURL != "" {
		keys = append(keys, "purl:"+q.PURL)
	} else {
		keys = append(keys, "nv:"+q.Name+"\x00"+q.Version)
	}
	for _, pr := range q.Properties {
		if pr.Name == "bom_ref" {
			keys = append(keys, "ref:"+pr.Value)
		}
	}
	return keys
}

// bomStatements returns the SBOM's statements for a package: those of the
// components it was made from.
func (b *builder) bomStatements(q *inventory.Package) []string {
	var out []string
	for _, k := range componentKeys(q) {
		out = append(out, b.bomCopyrights[k]...)
	}
	return out
}

// attached returns the license texts the SBOM attaches to the components
// a package was made from.
func (b *builder) attached(q *inventory.Package) []attachedText {
	var out []attachedText
	for _, k := range componentKeys(q) {
		out = append(out, b.bomTexts[k]...)
	}
	return out
}
