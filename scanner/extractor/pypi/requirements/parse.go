package requirements

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// maxLine bounds a physical line of a requirements file.
const maxLine = 1 << 20

// file is one requirements file, parsed: its requirements and includes.
type file struct {
	entries  []entry
	includes []include
}

// entry is one requirement line.
type entry struct {
	line     int
	req      string   // the requirement: PEP 508, a URL or a path
	editable bool     // given with -e
	hashes   []string // --hash values, "algorithm:hex"
	via      []string // pip-compile's "# via" annotations
}

// include is a -r or -c option.
type include struct {
	line       int
	path       string
	constraint bool
}

// parse reads a requirements file. It reads on after a bad line: the
// errors say what was wrong with which lines.
func parse(r io.Reader) (*file, []error) {
	f := &file{}
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var (
		joined strings.Builder // a logical line being continued
		first  int             // its first line number
		cur    = -1            // the entry "# via" comments are about
		inVia  bool            // in a multi-line "# via" block
	)
	flush := func() {
		if joined.Len() == 0 {
			return
		}
		line := joined.String()
		joined.Reset()
		n := len(f.entries)
		if err := f.logicalLine(first, line); err != nil {
			errs = append(errs, err)
		}
		cur = -1
		if len(f.entries) > n {
			cur = len(f.entries) - 1
			// An inline annotation, as older pip-compile wrote them:
			// "six==1.16.0  # via python-dateutil".
			if c, ok := comment(line); ok {
				if items, ok := viaItems(c); ok {
					f.entries[cur].via = append(f.entries[cur].via, items...)
				}
			}
		}
	}
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		if isCommentLine(raw) {
			flush()
			c := strings.TrimSpace(strings.TrimLeft(raw, " \t")[1:])
			items, isVia := viaItems(c)
			switch {
			case cur < 0:
				inVia = false
			case isVia:
				f.entries[cur].via = append(f.entries[cur].via, items...)
				inVia = len(items) == 0
			case inVia && c != "":
				f.entries[cur].via = append(f.entries[cur].via, c)
			default:
				inVia = false
			}
			continue
		}
		inVia = false
		if joined.Len() == 0 {
			first = n
		}
		if cont, ok := strings.CutSuffix(raw, `\`); ok {
			joined.WriteString(cont)
			continue
		}
		joined.WriteString(raw)
		if joined.Len() == 0 || strings.TrimSpace(joined.String()) == "" {
			joined.Reset()
			cur = -1 // a blank line ends what "# via" can be about
			continue
		}
		flush()
	}
	flush()
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d: longer than %d bytes", n+1, maxLine)
		}
		errs = append(errs, err)
	}
	return f, errs
}

// isCommentLine reports whether a physical line is a comment only: pip
// neither continues one nor is continued by one.
func isCommentLine(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " \t"), "#")
}

// comment returns the comment of a line: what follows a "#" at its start
// or after white space.
func comment(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimSpace(s[i+1:]), true
		}
	}
	return "", false
}

// stripComment returns a line without its comment, trimmed.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			s = s[:i]
			break
		}
	}
	return strings.TrimSpace(s)
}

// viaItems reads a pip-compile annotation: "via a, b" gives a and b,
// "via" alone starts a block of one item per comment line.
func viaItems(c string) ([]string, bool) {
	rest, ok := strings.CutPrefix(c, "via")
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil, false
	}
	var items []string
	for it := range strings.SplitSeq(rest, ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	return items, true
}

// logicalLine reads one logical line (continuations joined), numbered
// by its first physical line.
func (f *file) logicalLine(n int, line string) error {
	line = stripComment(line)
	if line == "" {
		return nil
	}
	args, opts := splitOptions(line)
	e := entry{line: n, req: args}
	toks := strings.Fields(opts)
	for i := 0; i < len(toks); i++ {
		name, value, hasValue := option(toks[i])
		if !hasValue && takesValue[name] {
			if i+1 >= len(toks) {
				return fmt.Errorf("line %d: option %s needs a value", n, name)
			}
			i++
			value, hasValue = toks[i], true
		}
		value = unquote(value)
		switch name {
		case "-r", "--requirement":
			f.includes = append(f.includes, include{line: n, path: value})
		case "-c", "--constraint":
			f.includes = append(f.includes, include{line: n, path: value, constraint: true})
		case "-e", "--editable":
			if e.req != "" {
				return fmt.Errorf("line %d: -e after a requirement", n)
			}
			e.req, e.editable = value, true
		case "--hash":
			e.hashes = append(e.hashes, value)
		}
	}
	if e.req != "" {
		f.entries = append(f.entries, e)
	}
	return nil
}

// splitOptions splits a line at its first word that starts with "-", as
// pip does: the requirement, then its options.
func splitOptions(line string) (args, opts string) {
	for i := 0; i < len(line); i++ {
		if line[i] == '-' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return strings.TrimSpace(line[:i]), line[i:]
		}
	}
	return line, ""
}

// takesValue lists pip's requirements-file options that take a value.
var takesValue = map[string]bool{
	"-r": true, "--requirement": true, "-c": true, "--constraint": true,
	"-e": true, "--editable": true, "-i": true, "--index-url": true,
	"--extra-index-url": true, "-f": true, "--find-links": true,
	"--trusted-host": true, "--no-binary": true, "--only-binary": true,
	"--hash": true, "--config-settings": true, "--global-option": true,
	"--install-option": true, "--use-feature": true,
}

// option splits an option word: "--name=value", "-rvalue" (short options
// with their value attached) or "--name".
func option(tok string) (name, value string, hasValue bool) {
	if strings.HasPrefix(tok, "--") {
		name, value, hasValue = strings.Cut(tok, "=")
		return name, value, hasValue
	}
	if len(tok) > 2 && tok[0] == '-' {
		return tok[:2], tok[2:], true
	}
	return tok, "", false
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// isURL reports whether s starts with a URL scheme ("https://",
// "git+ssh://", "file:").
func isURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || scheme == "" || len(scheme) == 1 { // "C:\..." is a path
		return false
	}
	for i := 0; i < len(scheme); i++ {
		c := scheme[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// archiveExts are the file names pip takes as distributions to install.
var archiveExts = []string{".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar"}

// isPath reports whether a requirement that is not a URL is a local path:
// it starts like one, or names an archive.
func isPath(s string) bool {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~") || strings.HasPrefix(s, `\`) {
		return true
	}
	if strings.Contains(s, "@") {
		return false
	}
	lower := strings.ToLower(s)
	for _, ext := range archiveExts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// pkg returns the package of a requirement line, if it names one.
func (e entry) pkg(scope string) (inventory.Package, bool, error) {
	var p inventory.Package
	switch {
	case isURL(e.req):
		loc, marker, _ := strings.Cut(e.req, "; ")
		name, version, ok := locationName(loc)
		if !ok {
			return p, false, nil
		}
		p = named(name, version, scope)
		p.Properties = append(p.Properties, inventory.Property{Name: "url", Value: pkginfo.RedactURL(strings.TrimSpace(loc))})
		if marker = strings.TrimSpace(marker); marker != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: "marker", Value: marker})
		}
	case isPath(e.req):
		loc, marker, _ := strings.Cut(e.req, ";")
		name, version, ok := locationName(strings.TrimSpace(loc))
		if !ok {
			return p, false, nil
		}
		p = named(name, version, scope)
		p.Properties = append(p.Properties, inventory.Property{Name: "path", Value: strings.TrimSpace(loc)})
		if marker = strings.TrimSpace(marker); marker != "" {
			p.Properties = append(p.Properties, inventory.Property{Name: "marker", Value: marker})
		}
	default:
		r, err := pkginfo.ParseRequirement(e.req)
		if err != nil {
			if strings.ContainsAny(e.req, `/\`) {
				return p, false, nil // a path to a source tree: no name
			}
			return p, false, fmt.Errorf("line %d: %w", e.line, err)
		}
		p = r.Package(scope)
	}
	if e.editable {
		p.Properties = append(p.Properties, inventory.Property{Name: "editable", Value: "true"})
	}
	for _, h := range e.hashes {
		if hash, ok := pkginfo.ParseHash(h); ok {
			p.Hashes = append(p.Hashes, hash)
		} else {
			return p, true, fmt.Errorf("line %d: bad hash %q", e.line, truncate(h, 80))
		}
	}
	return p, true, nil
}

// named returns the package of a project known by name and maybe
// version, from a URL or a path.
func named(name, version, scope string) inventory.Package {
	p := inventory.Package{
		Name:         pkginfo.NormalizeName(name),
		Version:      version,
		Ecosystem:    inventory.EcosystemPyPI,
		Relationship: inventory.RelationshipDirect,
		Scope:        scope,
	}
	p.PURL = extractor.PURL("pypi", "", p.Name, p.Version)
	return p
}

// locationName returns the project a URL or path names: by its
// "#egg=name" fragment, or by a wheel's file name.
func locationName(loc string) (name, version string, ok bool) {
	if _, frag, found := strings.Cut(loc, "#"); found {
		if q, err := url.ParseQuery(frag); err == nil {
			egg := q.Get("egg")
			if i := strings.IndexAny(egg, "[=<>!~ "); i >= 0 {
				egg = egg[:i]
			}
			if pkginfo.ValidName(egg) {
				return egg, "", true
			}
		}
	}
	return pkginfo.WheelFilename(loc)
}

// packages returns the packages of a requirements file, with the
// relationships and dependencies its "# via" annotations give.
func (f *file) packages(scope string) ([]inventory.Package, []error) {
	var errs []error
	pkgs := make([]inventory.Package, 0, len(f.entries))
	vias := make([][]string, 0, len(f.entries))
	for _, e := range f.entries {
		p, ok, err := e.pkg(scope)
		if err != nil {
			errs = append(errs, err)
		}
		if ok {
			pkgs = append(pkgs, p)
			vias = append(vias, e.via)
		}
	}
	byName := map[string]int{}
	for i, p := range pkgs {
		if _, ok := byName[p.Name]; !ok {
			byName[p.Name] = i
		}
	}
	for i := range pkgs {
		if len(vias[i]) == 0 {
			continue
		}
		direct, needers := false, 0
		for _, v := range vias[i] {
			switch kind, name := viaKind(v); kind {
			case viaSource:
				direct = true
			case viaPackage:
				if j, ok := byName[name]; ok && j != i {
					pkgs[j].Dependencies = append(pkgs[j].Dependencies, pkgs[i].PURL)
					needers++
				}
			}
		}
		if !direct && needers > 0 {
			pkgs[i].Relationship = inventory.RelationshipTransitive
		}
	}
	return pkgs, errs
}

// What a "# via" item names.
const (
	viaOther   = iota
	viaSource  // an input file: "-r requirements.in", "pyproject.toml", "x (setup.cfg)"
	viaPackage // another package of the file
)

// viaKind tells what a "# via" item names; for a package, its
// normalised name.
func viaKind(v string) (int, string) {
	switch {
	case strings.HasPrefix(v, "-c ") || strings.HasPrefix(v, "--constraint"):
		return viaOther, ""
	case strings.HasPrefix(v, "-r ") || strings.HasPrefix(v, "--requirement") || strings.HasPrefix(v, "-e "),
		strings.ContainsAny(v, "(/ "), sourceFile(v):
		return viaSource, ""
	case pkginfo.ValidName(v):
		return viaPackage, pkginfo.NormalizeName(v)
	}
	return viaOther, ""
}

// sourceFile reports whether a "# via" item is a project file.
func sourceFile(v string) bool {
	switch path.Ext(v) {
	case ".in", ".txt", ".toml", ".cfg", ".py":
		return true
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
