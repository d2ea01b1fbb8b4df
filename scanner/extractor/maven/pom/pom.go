// Package pom extracts the project and the dependencies a Maven pom.xml
// declares.
//
// A POM (Project Object Model, https://maven.apache.org/pom.html) is an
// XML file: <project> with the project's coordinates (groupId,
// artifactId, version), its <licenses>, its <dependencies> and the
// versions it manages for itself and its children
// (<dependencyManagement>), <properties> to substitute into all of
// these, and optionally a <parent> it inherits from.
//
// Only files named pom.xml are read. Files named *.pom are the POMs of
// published artifacts, as a local or vendored Maven repository keeps them
// beside their jars: they describe dependencies, not the project, and
// reading them as projects would make every cached artifact a root.
//
// # Packages
//
// The project is the root package, named "groupId:artifactId" (the
// names Maven users write; the purl has groupId as its namespace and
// artifactId as its name). Its groupId and version are inherited from
// <parent> when the project does not give them, as Maven does. Its
// declared license comes from <licenses>: each <license>'s <name>, or
// its <url> when the name is missing or is not a license heng knows but
// the URL is. Several licenses are joined with AND (see
// extractor.Declared), although the POM reference says that a user may
// choose any of them: a POM cannot tell "choose" from "all apply" and
// many projects list the licenses of bundled code. A packaging other
// than jar is kept as the property "packaging" and the parent's
// coordinates as "parent" ("groupId:artifactId:version"). The project's
// own <url> is kept as the property "homepage" and its <scm><url> (the
// browsable repository, not the scm:git: connection) as "repository",
// after ${...} substitution; a value still holding a reference, or that
// is not an absolute http(s) URL (for the repository also git://, ssh://
// or git@host:path), is left out. Maven would inherit both from the
// parent with the artifactId appended; heng reads only what the POM
// itself states.
//
// A POM without an artifactId (which Maven refuses) has no root package,
// only its dependencies.
//
// Each <dependency> is a direct package (a POM says nothing of what its
// dependencies need in turn), and the root's Dependencies are their
// purls. Their scope:
//
//   - compile (or none): required.
//   - runtime: required, with the property "scope" = "runtime".
//   - provided: dev, with "scope" = "provided". Such a dependency is
//     compiled against but never packaged: the container supplies it at
//     run time (the Servlet API) or it is a compile-time tool (Lombok).
//     Either way the project does not distribute it, which is what a
//     license policy asks about.
//   - system: dev, with "scope" = "system" and "system_path", as Maven
//     treats it like provided with a jar at a given path.
//   - test: test (no property: the scope says it all).
//   - anything else (import outside <dependencyManagement>, a typo):
//     unknown (""), with the property "scope".
//
// <optional>true</optional> makes a required dependency optional (it is
// not passed on to the project's users), and leaves dev and test
// dependencies as they are. A <type> other than jar and a <classifier>
// become the purl qualifiers "type" and "classifier", as the purl
// specification for Maven says. A POM gives no hashes and says nothing
// of where a dependency's files are: packages have neither.
//
// # Versions
//
// A dependency without a version takes the version (and the scope,
// optional flag and system path when it gives none) that the
// <dependencyManagement> of this POM or of its parents gives for the
// same groupId, artifactId, type and classifier, the nearest POM
// winning. Version ranges ("[1.0,2.0)", "(,1.5]") and the deprecated
// LATEST and RELEASE are not versions: the package has version "" and
// the property "constraint". "[1.5]" is a hard requirement of exactly
// 1.5 and is read as that version. A dependency whose version is
// managed by a POM heng cannot read (a parent or an imported BOM outside
// the tree) has version "" and no constraint. Imported BOMs (<scope>
// import in <dependencyManagement>) only manage versions and are not
// packages.
//
// ${...} references are substituted in coordinates, versions, scopes and
// the other fields read: the properties of this POM and its parents (the
// nearest POM winning), and project.groupId, project.artifactId,
// project.version, project.packaging, project.name and
// project.parent.groupId/artifactId/version (also with the old "pom."
// prefix, and version, groupId and artifactId without one). As in Maven,
// references in a parent are substituted with the child's values. A
// property may refer to others, up to 32 levels; a cycle, a missing
// property or anything Maven takes from outside the POM (${env.X},
// ${java.version}, ${basedir}) leaves the value unresolved: a version
// is then "" with the raw text as the property "constraint".
//
// # Parents
//
// Inheritance follows <parent>'s <relativePath> (by default
// ../pom.xml; a directory means its pom.xml; an empty <relativePath/>
// means that the parent is never read from the tree), through the scan
// root's file system, up to 16 POMs deep. As in Maven, a POM found there
// is the parent only if its groupId and artifactId are the ones <parent>
// names and its version does not contradict <parent>'s. The parent
// gives its properties, its <dependencyManagement> and its
// <dependencies>, which Maven adds to every child (those the child
// redeclares are the child's). A parent that is not in the tree, or
// that cannot be read, is no error: the project's packages are then
// what the POM alone tells. Parents are extracted as projects of their
// own when the scan reaches their files.
//
// Dependencies in <profiles> may or may not be active in a build; they
// are reported (a dependency that might be shipped is worth knowing),
// each with the property "profile" = the profile's id, and with the
// profile's properties and dependency management applied first. Only the
// POM's own profiles are read, not its parents'. Plugins and their
// dependencies (<build>) are build tools, not dependencies of the
// project, and are not reported.
//
// # Malformed POMs
//
// A POM that breaks off or is not well-formed XML yields the packages
// read before the error, with the error, and without its parents; the
// dependency being read when the error came is dropped. A <dependency>
// without a groupId or artifactId is left out and named in the error.
// Besides UTF-8, POMs may declare ISO-8859-1, ISO-8859-15, windows-1252
// or US-ASCII; another encoding is an error.
//
// # Safety
//
// encoding/xml expands only the five predefined XML entities and numeric
// character references: a DOCTYPE may declare entities, but a reference
// to one is an error, so neither entity expansion ("billion laughs") nor
// external entities can make a POM larger than it is. A POM may not be
// larger than 32 MiB, nor nest elements more than 256 deep, nor hold more
// than 4 million XML tokens.
package pom

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/package-url/packageurl-go"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/internal/sidefile"
	"github.com/hengdev/heng/scanner/extractor/internal/weburl"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "maven/pom"

// Limits on what a POM may be, so that no file can make heng spend
// unbounded time or memory. Real POMs are under a megabyte, nest a few
// dozen elements deep in plugin configurations, and name a handful of
// parents.
const (
	maxDepth    = 256
	maxParents  = 16
	maxRefDepth = 32
	// maxValueLen bounds a value after substitution: properties that
	// refer to others several times could otherwise double in length at
	// each level.
	maxValueLen = 4096
)

// maxSize and maxTokens are variables so that tests can lower them.
var (
	maxSize   int64 = 32 << 20
	maxTokens       = 4 << 20
)

// Extractor reads Maven pom.xml files.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns "maven/pom".
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts files named pom.xml.
func (Extractor) Match(f extractor.File) bool {
	return extractor.Base(f.Path) == "pom.xml"
}

// Extract reads a pom.xml, and its parents where the tree holds them.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	p, err := parse(in.Reader)
	if p == nil {
		return nil, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	chain := []*pom{p}
	if err == nil {
		chain = append(chain, parents(ctx, in.FS, in.Path, p)...)
	}
	pkgs, perr := packages(chain)
	if err = errors.Join(err, perr); err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// pom is what heng reads of a POM, its values as written.
type pom struct {
	GroupID, ArtifactID, Version, Packaging, Name string
	Parent                                        *parent
	Properties                                    map[string]string
	Licenses                                      []license
	Dependencies                                  []dependency
	Managed                                       []dependency // <dependencyManagement>
	Profiles                                      []profile
	// URL is <url>, SCMURL <scm><url>.
	URL, SCMURL string
}

// parent is a POM's <parent>.
type parent struct {
	GroupID, ArtifactID, Version string
	RelativePath                 string
	HasRelativePath              bool // <relativePath> is present, maybe empty
}

type license struct{ Name, URL string }

// dependency is a <dependency>.
type dependency struct {
	GroupID, ArtifactID, Version, Type, Classifier, Scope, Optional, SystemPath string
}

// profile is a <profile>: what heng reads of it.
type profile struct {
	ID           string
	Properties   map[string]string
	Dependencies []dependency
	Managed      []dependency
}

// errNotPOM is returned for XML whose root element is not <project>.
var errNotPOM = errors.New("not a Maven POM: the root element is not <project>")

// parse reads a POM. It returns what it read with an error when the XML
// breaks off or goes wrong part of the way (a truncated file), and nil
// when nothing could be read.
func parse(r io.Reader) (*pom, error) {
	d := xml.NewDecoder(&limitReader{r: r, n: maxSize})
	d.CharsetReader = charsetReader
	var (
		p      *pom
		stack  []string // local names of the open elements
		text   []byte   // character data of the innermost element
		deps   *[]dependency
		depAt  int // len(stack) of the open <dependency>, 0 when none
		tokens int
		prof   *profile
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if depAt > 0 {
				// The open <dependency> is incomplete: drop it.
				*deps = (*deps)[:len(*deps)-1]
			}
			return p, err
		}
		if tokens++; tokens > maxTokens {
			return p, fmt.Errorf("more than %d XML tokens", maxTokens)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return p, fmt.Errorf("elements nested more than %d deep", maxDepth)
			}
			stack = append(stack, t.Name.Local)
			text = text[:0]
			n := len(stack)
			if n == 1 {
				if p != nil {
					return p, errors.New("more than one root element")
				}
				if t.Name.Local != "project" {
					return nil, errNotPOM
				}
				p = &pom{}
				continue
			}
			switch {
			case n == 2 && t.Name.Local == "parent":
				p.Parent = &parent{}
			case n == 3 && stack[1] == "licenses" && stack[2] == "license":
				p.Licenses = append(p.Licenses, license{})
			case n == 3 && stack[1] == "profiles" && stack[2] == "profile":
				p.Profiles = append(p.Profiles, profile{})
				prof = &p.Profiles[len(p.Profiles)-1]
			case t.Name.Local == "dependency" && depAt == 0:
				if deps = dependencyList(p, prof, stack); deps != nil {
					*deps = append(*deps, dependency{})
					depAt = n
				}
			}
		case xml.CharData:
			if len(text)+len(t) <= maxValueLen {
				text = append(text, t...)
			}
		case xml.EndElement:
			n := len(stack)
			if n == 0 {
				break // encoding/xml reports unmatched end tags itself
			}
			value := string(bytes.TrimSpace(text))
			text = text[:0]
			switch {
			case depAt > 0 && n == depAt+1:
				setDependency(&(*deps)[len(*deps)-1], stack[n-1], value)
			case n == depAt:
				depAt, deps = 0, nil
			case n == 2:
				setProject(p, stack[1], value)
			case n == 3 && stack[1] == "parent" && p.Parent != nil:
				setParent(p.Parent, stack[2], value)
			case n == 3 && stack[1] == "scm" && stack[2] == "url":
				p.SCMURL = value
			case n == 3 && stack[1] == "properties":
				if p.Properties == nil {
					p.Properties = map[string]string{}
				}
				p.Properties[stack[2]] = value
			case n == 4 && stack[1] == "licenses" && stack[2] == "license" && len(p.Licenses) > 0:
				l := &p.Licenses[len(p.Licenses)-1]
				switch stack[3] {
				case "name":
					l.Name = value
				case "url":
					l.URL = value
				}
			case n == 3 && stack[1] == "profiles" && stack[2] == "profile":
				prof = nil
			case n == 4 && prof != nil && stack[3] == "id":
				prof.ID = value
			case n == 5 && prof != nil && stack[3] == "properties":
				if prof.Properties == nil {
					prof.Properties = map[string]string{}
				}
				prof.Properties[stack[4]] = value
			}
			stack = stack[:n-1]
		}
	}
	if p == nil {
		return nil, errors.New("no <project> element")
	}
	return p, nil
}

// dependencyList returns the list a <dependency> at stack belongs to, or
// nil for those heng does not read (plugins' dependencies, exclusions).
func dependencyList(p *pom, prof *profile, stack []string) *[]dependency {
	s := stack[1:] // below <project>
	switch {
	case len(s) == 2 && s[0] == "dependencies":
		return &p.Dependencies
	case len(s) == 3 && s[0] == "dependencyManagement" && s[1] == "dependencies":
		return &p.Managed
	case prof == nil || len(s) < 4 || s[0] != "profiles" || s[1] != "profile":
		return nil
	case len(s) == 4 && s[2] == "dependencies":
		return &prof.Dependencies
	case len(s) == 5 && s[2] == "dependencyManagement" && s[3] == "dependencies":
		return &prof.Managed
	}
	return nil
}

func setProject(p *pom, name, value string) {
	switch name {
	case "groupId":
		p.GroupID = value
	case "artifactId":
		p.ArtifactID = value
	case "version":
		p.Version = value
	case "packaging":
		p.Packaging = value
	case "name":
		p.Name = value
	case "url":
		p.URL = value
	}
}

func setParent(p *parent, name, value string) {
	switch name {
	case "groupId":
		p.GroupID = value
	case "artifactId":
		p.ArtifactID = value
	case "version":
		p.Version = value
	case "relativePath":
		p.RelativePath, p.HasRelativePath = value, true
	}
}

func setDependency(d *dependency, name, value string) {
	switch name {
	case "groupId":
		d.GroupID = value
	case "artifactId":
		d.ArtifactID = value
	case "version":
		d.Version = value
	case "type":
		d.Type = value
	case "classifier":
		d.Classifier = value
	case "scope":
		d.Scope = value
	case "optional":
		d.Optional = value
	case "systemPath":
		d.SystemPath = value
	}
}

// limitReader reads at most n bytes of r, and fails after that: a POM
// cut off at the limit would otherwise read as truncated.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(b []byte) (int, error) {
	if l.n <= 0 {
		// At the limit: only the end of the file is welcome.
		var probe [1]byte
		if n, err := l.r.Read(probe[:]); n == 0 && err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("larger than %d bytes", maxSize)
	}
	if int64(len(b)) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= int64(n)
	return n, err
}

// charsets are the encodings other than UTF-8 that POMs declare in
// practice, by their lower-case names and aliases.
var charsets = map[string]encoding.Encoding{
	"iso-8859-1":   charmap.ISO8859_1,
	"iso8859-1":    charmap.ISO8859_1,
	"iso_8859-1":   charmap.ISO8859_1,
	"latin1":       charmap.ISO8859_1,
	"l1":           charmap.ISO8859_1,
	"iso-8859-15":  charmap.ISO8859_15,
	"latin-9":      charmap.ISO8859_15,
	"windows-1252": charmap.Windows1252,
	"cp1252":       charmap.Windows1252,
	"utf8":         encoding.Nop,
	"us-ascii":     encoding.Nop,
	"ascii":        encoding.Nop,
}

// charsetReader decodes the encodings of charsets for encoding/xml,
// which reads only UTF-8 itself.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	e, ok := charsets[strings.ToLower(label)]
	if !ok {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return e.NewDecoder().Reader(input), nil
}

// parents reads the chain of parents of p (at file) that the tree holds.
// Any trouble ends the chain, without an error: see the package comment.
func parents(ctx context.Context, fsys fs.FS, file string, p *pom) []*pom {
	if fsys == nil {
		return nil
	}
	var out []*pom
	seen := map[string]bool{path.Clean(file): true}
	for p.Parent != nil && len(out) < maxParents && ctx.Err() == nil {
		ref := p.Parent
		rel := strings.ReplaceAll(ref.RelativePath, "\\", "/") // written on Windows
		if !ref.HasRelativePath {
			rel = "../pom.xml"
		} else if rel == "" {
			break
		}
		name := path.Join(path.Dir(file), rel)
		if fi, err := fs.Stat(fsys, name); err == nil && fi.IsDir() {
			name = path.Join(name, "pom.xml")
		}
		if !fs.ValidPath(name) || seen[name] {
			break
		}
		seen[name] = true
		q := readPOM(fsys, name)
		if q == nil || !isParent(ref, q) {
			break
		}
		out = append(out, q)
		file, p = name, q
	}
	return out
}

// readPOM reads the POM at name in fsys; nil when it cannot.
func readPOM(fsys fs.FS, name string) *pom {
	p, err := sidefile.Parse(fsys, name, parse)
	if err != nil {
		return nil
	}
	return p
}

// isParent reports whether q is the POM that ref names: the same groupId
// (q's own or the one it inherits) and artifactId, and a version that
// does not differ when both are written out.
func isParent(ref *parent, q *pom) bool {
	group, version := q.GroupID, q.Version
	if q.Parent != nil {
		group = cmpOr(group, q.Parent.GroupID)
		version = cmpOr(version, q.Parent.Version)
	}
	if group != ref.GroupID || q.ArtifactID != ref.ArtifactID {
		return false
	}
	literal := func(v string) bool { return v != "" && !strings.Contains(v, "${") }
	return !literal(version) || !literal(ref.Version) || version == ref.Version
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// packages turns a POM and its parents (chain[0] is the POM, chain[i+1]
// the parent of chain[i]) into the root package and its dependencies.
// The error lists the dependencies that could not be read.
func packages(chain []*pom) ([]inventory.Package, error) {
	p := chain[0]
	res := newResolver(chain, nil)
	var (
		out  []inventory.Package
		errs []error
	)
	add := func(ds []dependency, res *resolver, managed map[string]dependency, prof string) {
		for i, d := range ds {
			pkg, err := dependencyPackage(d, res, managed)
			if err != nil {
				where := fmt.Sprintf("dependency %d", i+1)
				if prof != "" {
					where = fmt.Sprintf("profile %q %s", prof, where)
				}
				errs = append(errs, fmt.Errorf("%s: %w", where, err))
				continue
			}
			if prof != "" {
				pkg.Properties = append(pkg.Properties, inventory.Property{Name: "profile", Value: prof})
			}
			out = append(out, pkg)
		}
	}
	var managedLists [][]dependency
	for _, q := range chain {
		managedLists = append(managedLists, q.Managed)
	}
	managed := res.index(managedLists)
	// The POM's dependencies, then those of its parents that it does not
	// redeclare. Only the POM's own are counted in errors.
	declared := map[string]bool{}
	for i, q := range chain {
		var own []dependency
		for _, d := range q.Dependencies {
			k := res.key(d)
			if i > 0 && declared[k] {
				continue
			}
			declared[k] = true
			own = append(own, d)
		}
		if i == 0 {
			add(own, res, managed, "")
			continue
		}
		n := len(errs)
		add(own, res, managed, "")
		errs = errs[:n] // the parent's own extraction reports them
	}
	for _, prof := range p.Profiles {
		pres := newResolver(chain, prof.Properties)
		add(prof.Dependencies, pres, pres.index(append([][]dependency{prof.Managed}, managedLists...)), prof.ID)
	}
	var deps []string
	for _, d := range out {
		deps = append(deps, d.PURL)
	}
	if p.ArtifactID != "" {
		out = append(out, rootPackage(p, res, deps))
	}
	return out, errors.Join(errs...)
}

// rootPackage is the project itself.
func rootPackage(p *pom, res *resolver, deps []string) inventory.Package {
	group, version := p.GroupID, p.Version
	if p.Parent != nil {
		group = cmpOr(group, p.Parent.GroupID)
		version = cmpOr(version, p.Parent.Version)
	}
	group, _ = res.expand(group)
	artifact, _ := res.expand(p.ArtifactID)
	root := inventory.Package{
		Name:         group + ":" + artifact,
		Ecosystem:    inventory.EcosystemMaven,
		Relationship: inventory.RelationshipRoot,
		Dependencies: deps,
	}
	if v, ok := res.expand(version); !ok {
		root.Properties = append(root.Properties, inventory.Property{Name: "constraint", Value: version})
	} else if exact, constraint := splitVersion(v); constraint != "" {
		root.Properties = append(root.Properties, inventory.Property{Name: "constraint", Value: constraint})
	} else {
		root.Version = exact
	}
	root.PURL = purl(group, artifact, root.Version, "", "")
	if pk, _ := res.expand(p.Packaging); pk != "" && pk != "jar" {
		root.Properties = append(root.Properties, inventory.Property{Name: "packaging", Value: pk})
	}
	if ref := p.Parent; ref != nil {
		g, _ := res.expand(ref.GroupID)
		a, _ := res.expand(ref.ArtifactID)
		v, _ := res.expand(ref.Version)
		root.Properties = append(root.Properties, inventory.Property{Name: "parent", Value: g + ":" + a + ":" + v})
	}
	var raws []string
	for _, l := range p.Licenses {
		name, _ := res.expand(l.Name)
		url, _ := res.expand(l.URL)
		raws = append(raws, licenseText(name, url))
	}
	root.DeclaredLicense = extractor.Declared(raws...)
	home, _ := res.expand(p.URL)
	repo, _ := res.expand(p.SCMURL)
	root.Properties = append(root.Properties, weburl.Properties(literalLink(home, weburl.Homepage), literalLink(repo, weburl.Repository))...)
	return root
}

// literalLink returns norm(v), or "" when v still holds a ${...}
// reference.
func literalLink(v string, norm func(string) string) string {
	if strings.Contains(v, "${") {
		return ""
	}
	return norm(v)
}

// licenseText picks what to normalise of a <license>: its name, or its
// URL when the name says nothing heng knows and the URL does.
func licenseText(name, url string) string {
	if name == "" || url == "" {
		return cmpOr(name, url)
	}
	if unknown(name) && !unknown(url) {
		return url
	}
	return name
}

func unknown(raw string) bool {
	d := extractor.Declared(raw)
	return d == nil || strings.Contains(d.Expression, "LicenseRef-heng-unknown-")
}

// dependencyPackage makes a package of a <dependency>, given the
// managed dependencies by management key.
func dependencyPackage(d dependency, res *resolver, managed map[string]dependency) (inventory.Package, error) {
	group, _ := res.expand(d.GroupID)
	artifact, _ := res.expand(d.ArtifactID)
	if group == "" || artifact == "" {
		return inventory.Package{}, errors.New("no groupId or artifactId")
	}
	typ, _ := res.expand(d.Type)
	classifier, _ := res.expand(d.Classifier)
	if m, ok := managed[res.key(d)]; ok {
		d.Version = cmpOr(d.Version, m.Version)
		d.Scope = cmpOr(d.Scope, m.Scope)
		d.Optional = cmpOr(d.Optional, m.Optional)
		d.SystemPath = cmpOr(d.SystemPath, m.SystemPath)
	}
	pkg := inventory.Package{
		Name:         group + ":" + artifact,
		Ecosystem:    inventory.EcosystemMaven,
		Relationship: inventory.RelationshipDirect,
	}
	if v, ok := res.expand(d.Version); !ok {
		pkg.Properties = append(pkg.Properties, inventory.Property{Name: "constraint", Value: d.Version})
	} else if version, constraint := splitVersion(v); constraint != "" {
		pkg.Properties = append(pkg.Properties, inventory.Property{Name: "constraint", Value: constraint})
	} else {
		pkg.Version = version
	}
	pkg.PURL = purl(group, artifact, pkg.Version, typ, classifier)
	scope, _ := res.expand(d.Scope)
	scope = strings.ToLower(scope)
	switch scope {
	case "", "compile", "runtime":
		pkg.Scope = inventory.ScopeRequired
	case "provided", "system":
		pkg.Scope = inventory.ScopeDev
	case "test":
		pkg.Scope = inventory.ScopeTest
	}
	if scope != "" && scope != "compile" && scope != "test" {
		pkg.Properties = append(pkg.Properties, inventory.Property{Name: "scope", Value: scope})
	}
	if opt, _ := res.expand(d.Optional); strings.EqualFold(opt, "true") && pkg.Scope == inventory.ScopeRequired {
		pkg.Scope = inventory.ScopeOptional
	}
	if scope == "system" && d.SystemPath != "" {
		sp, _ := res.expand(d.SystemPath)
		pkg.Properties = append(pkg.Properties, inventory.Property{Name: "system_path", Value: sp})
	}
	return pkg, nil
}

// splitVersion reads a version as written: an exact version, or a
// constraint (a range, LATEST or RELEASE).
func splitVersion(v string) (version, constraint string) {
	switch {
	case v == "":
		return "", ""
	case v == "LATEST" || v == "RELEASE":
		return "", v
	case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") && !strings.ContainsAny(v[1:len(v)-1], ",[]()"):
		if exact := strings.TrimSpace(v[1 : len(v)-1]); exact != "" {
			return exact, ""
		}
		return "", v
	case strings.ContainsAny(v, "[](),"):
		return "", v
	}
	return v, ""
}

// purl is a Maven package URL, with the type qualifier when it is not
// jar (the default) and the classifier.
func purl(group, artifact, version, typ, classifier string) string {
	var q packageurl.Qualifiers
	if classifier != "" {
		q = append(q, packageurl.Qualifier{Key: "classifier", Value: classifier})
	}
	if typ != "" && typ != "jar" {
		q = append(q, packageurl.Qualifier{Key: "type", Value: typ})
	}
	if len(q) == 0 {
		return extractor.PURL("maven", group, artifact, version)
	}
	u := packageurl.NewPackageURL("maven", group, artifact, version, q, "")
	if err := u.Normalize(); err != nil {
		return ""
	}
	return u.ToString()
}
