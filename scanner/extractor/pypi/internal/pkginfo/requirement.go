package pkginfo

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Requirement is a PEP 508 dependency specification:
// `name[extra,...] specifier ; marker` or `name[extra,...] @ url ; marker`.
type Requirement struct {
	// Name is the project name as written.
	Name string
	// Extras are the extras asked for, as written.
	Extras []string
	// Specifier is the version specifier without white space or
	// parentheses: ">=1.0,<2". "" when any version will do.
	Specifier string
	// URL is a direct reference's URL, as written.
	URL string
	// Marker is the environment marker, as written.
	Marker string
}

// specOps are the version comparison operators, longest first so that
// "===" is not read as "==" and "=".
var specOps = []string{"===", "~=", "==", "!=", "<=", ">=", "<", ">"}

// ParseRequirement parses a PEP 508 requirement. It also accepts the
// parenthesised specifiers of old metadata ("six (>=1.0)"). The marker is
// kept as text, not parsed.
func ParseRequirement(s string) (Requirement, error) {
	var r Requirement
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && (isAlnum(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == '-') {
		i++
	}
	r.Name = s[:i]
	if !ValidName(r.Name) {
		return r, fmt.Errorf("invalid requirement %q: no project name", truncate(s, 80))
	}
	rest := strings.TrimLeft(s[i:], " \t")
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return r, fmt.Errorf("invalid requirement %q: unclosed extras", truncate(s, 80))
		}
		for e := range strings.SplitSeq(rest[1:end], ",") {
			e = strings.TrimSpace(e)
			if e == "" {
				continue
			}
			if !ValidName(e) {
				return r, fmt.Errorf("invalid requirement %q: bad extra %q", truncate(s, 80), truncate(e, 40))
			}
			r.Extras = append(r.Extras, e)
		}
		rest = strings.TrimLeft(rest[end+1:], " \t")
	}
	if after, ok := strings.CutPrefix(rest, "@"); ok {
		after = strings.TrimLeft(after, " \t")
		end := strings.IndexAny(after, " \t")
		if end < 0 {
			end = len(after)
		}
		r.URL = after[:end]
		if r.URL == "" {
			return r, fmt.Errorf("invalid requirement %q: no URL after @", truncate(s, 80))
		}
		rest = strings.TrimLeft(after[end:], " \t")
		if rest == "" {
			return r, nil
		}
		if rest[0] != ';' {
			return r, fmt.Errorf("invalid requirement %q: unexpected %q after URL", truncate(s, 80), truncate(rest, 40))
		}
		r.Marker = strings.TrimSpace(rest[1:])
		if r.Marker == "" {
			return r, fmt.Errorf("invalid requirement %q: empty marker", truncate(s, 80))
		}
		return r, nil
	}
	spec, marker, hasMarker := strings.Cut(rest, ";")
	if hasMarker {
		r.Marker = strings.TrimSpace(marker)
		if r.Marker == "" {
			return r, fmt.Errorf("invalid requirement %q: empty marker", truncate(s, 80))
		}
	}
	spec = strings.TrimSpace(spec)
	if strings.HasPrefix(spec, "(") {
		if !strings.HasSuffix(spec, ")") {
			return r, fmt.Errorf("invalid requirement %q: unclosed parenthesis", truncate(s, 80))
		}
		spec = spec[1 : len(spec)-1]
	}
	norm, err := NormalizeSpecifier(spec)
	if err != nil {
		return r, fmt.Errorf("invalid requirement %q: %w", truncate(s, 80), err)
	}
	r.Specifier = norm
	return r, nil
}

// NormalizeSpecifier checks a PEP 440 version specifier (">= 1.0, <2")
// and returns it without white space (">=1.0,<2"); "" for "".
func NormalizeSpecifier(spec string) (string, error) {
	if strings.TrimSpace(spec) == "" {
		return "", nil
	}
	var b strings.Builder
	for clause := range strings.SplitSeq(spec, ",") {
		clause = strings.TrimSpace(clause)
		op := ""
		for _, o := range specOps {
			if strings.HasPrefix(clause, o) {
				op = o
				break
			}
		}
		if op == "" {
			return "", fmt.Errorf("bad version specifier %q", truncate(clause, 40))
		}
		v := strings.TrimSpace(clause[len(op):])
		if !validVersion(v) {
			return "", fmt.Errorf("bad version in %q", truncate(clause, 40))
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(op)
		b.WriteString(v)
	}
	return b.String(), nil
}

// validVersion reports whether v can be a version in a specifier: PEP
// 440 characters, with "*" for "==1.*".
func validVersion(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isAlnum(c) && !strings.ContainsRune("._-+!*", rune(c)) {
			return false
		}
	}
	return true
}

// Pinned returns the version a requirement pins: that of a specifier that
// is one "==" (without a wildcard) or "===" clause.
func (r Requirement) Pinned() (string, bool) {
	if r.Specifier == "" || strings.Contains(r.Specifier, ",") {
		return "", false
	}
	for _, op := range []string{"===", "=="} {
		if v, ok := strings.CutPrefix(r.Specifier, op); ok {
			if strings.Contains(v, "*") || v == "" {
				return "", false
			}
			return v, true
		}
	}
	return "", false
}

// Package returns the package a requirement names, as a direct
// dependency of the given scope. A pinned version ("==1.2.3") is the
// Version; any other specifier is the "constraint" property. A direct
// reference's URL is the "url" property (without user name or password:
// they are often tokens); a wheel URL whose file name names the same
// project gives the Version. The marker is the "marker" property and
// the extras asked for the "extras" property (normalised names joined
// by ",").
func (r Requirement) Package(scope string) inventory.Package {
	p := inventory.Package{
		Name:         NormalizeName(r.Name),
		Ecosystem:    inventory.EcosystemPyPI,
		Relationship: inventory.RelationshipDirect,
		Scope:        scope,
	}
	if v, ok := r.Pinned(); ok {
		p.Version = v
	} else if r.Specifier != "" {
		p.Properties = append(p.Properties, inventory.Property{Name: "constraint", Value: r.Specifier})
	}
	if r.URL != "" {
		p.Properties = append(p.Properties, inventory.Property{Name: "url", Value: RedactURL(r.URL)})
		if name, version, ok := WheelFilename(r.URL); ok && NormalizeName(name) == p.Name && p.Version == "" {
			p.Version = version
		}
	}
	if r.Marker != "" {
		p.Properties = append(p.Properties, inventory.Property{Name: "marker", Value: r.Marker})
	}
	if len(r.Extras) > 0 {
		es := make([]string, len(r.Extras))
		for i, e := range r.Extras {
			es[i] = NormalizeName(e)
		}
		p.Properties = append(p.Properties, inventory.Property{Name: "extras", Value: strings.Join(es, ",")})
	}
	p.PURL = extractor.PURL("pypi", "", p.Name, p.Version)
	return p
}

// RedactURL returns u without the user name and password its authority
// may carry (https://user:token@host/...): a requirement's URL is kept in
// the inventory, its credentials must not be. It works on the text, so
// that URLs Go's parser rejects lose their credentials too.
func RedactURL(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return u
	}
	rest := u[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if at := strings.LastIndexByte(rest[:end], '@'); at >= 0 {
		return u[:i+3] + rest[at+1:]
	}
	return u
}

// WheelFilename returns the project name and version of a wheel from its
// file name, or the last element of its URL:
// {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl.
func WheelFilename(s string) (name, version string, ok bool) {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	base := path.Base(s)
	if unescaped, err := url.PathUnescape(base); err == nil {
		base = unescaped
	}
	stem, ok := strings.CutSuffix(base, ".whl")
	if !ok {
		return "", "", false
	}
	parts := strings.Split(stem, "-")
	if len(parts) != 5 && len(parts) != 6 || !ValidName(parts[0]) || !validVersion(parts[1]) {
		return "", "", false
	}
	return parts[0], parts[1], true
}
