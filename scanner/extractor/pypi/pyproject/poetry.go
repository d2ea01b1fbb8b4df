package pyproject

import (
	"strings"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/pypi/internal/pkginfo"
	"github.com/hengdev/heng/scanner/inventory"
)

// poetry reads the dependencies of [tool.poetry]: the main ones when main
// is set, and the development groups always.
func (r *reader) poetry(poetry map[string]any, main bool) []inventory.Package {
	var out []inventory.Package
	if main {
		extras := r.poetryExtras(poetry)
		deps := r.table(poetry, "dependencies", "tool.poetry")
		for _, name := range sortedKeys(deps) {
			if strings.EqualFold(name, "python") {
				continue
			}
			for _, p := range r.poetryDep(name, deps[name], inventory.ScopeRequired, "tool.poetry.dependencies") {
				for _, e := range extras[p.Name] {
					p = withProp(p, "extra", e)
				}
				out = append(out, p)
			}
		}
	}
	dev := r.table(poetry, "dev-dependencies", "tool.poetry")
	for _, name := range sortedKeys(dev) {
		for _, p := range r.poetryDep(name, dev[name], inventory.ScopeDev, "tool.poetry.dev-dependencies") {
			out = append(out, withProp(p, "group", "dev"))
		}
	}
	groups := r.table(poetry, "group", "tool.poetry")
	for _, g := range sortedKeys(groups) {
		where := "tool.poetry.group." + g
		deps := r.table(r.table(groups, g, "tool.poetry.group"), "dependencies", where)
		scope := pkginfo.DevGroupScope(g)
		if g == "main" {
			scope = inventory.ScopeRequired
		}
		for _, name := range sortedKeys(deps) {
			if strings.EqualFold(name, "python") {
				continue
			}
			for _, p := range r.poetryDep(name, deps[name], scope, where+".dependencies") {
				out = append(out, withProp(p, "group", g))
			}
		}
	}
	return out
}

// poetryExtras reads [tool.poetry.extras]: the extras each package is
// installed for, by normalised package name.
func (r *reader) poetryExtras(poetry map[string]any) map[string][]string {
	extras := r.table(poetry, "extras", "tool.poetry")
	out := map[string][]string{}
	for _, e := range sortedKeys(extras) {
		for _, name := range r.stringList(extras[e], "tool.poetry.extras."+e) {
			// An entry may carry a specifier: "psycopg2 (>=2.9)".
			if i := strings.IndexAny(name, " ([<>=!~;"); i >= 0 {
				name = name[:i]
			}
			n := pkginfo.NormalizeName(name)
			out[n] = append(out[n], pkginfo.NormalizeName(e))
		}
	}
	return out
}

// poetryDep reads one Poetry dependency: a constraint string, a table,
// or an array of tables (one per set of markers).
func (r *reader) poetryDep(name string, v any, scope, where string) []inventory.Package {
	where = join(where, name)
	if !pkginfo.ValidName(name) {
		r.errorf("%s: not a valid package name", where)
		return nil
	}
	switch v := v.(type) {
	case string:
		return []inventory.Package{r.poetryPackage(name, map[string]any{"version": v}, scope, where)}
	case map[string]any:
		return []inventory.Package{r.poetryPackage(name, v, scope, where)}
	}
	list, ok := asList(v)
	if !ok {
		r.errorf("%s: neither a string, a table nor an array", where)
		return nil
	}
	var out []inventory.Package
	for i, e := range list {
		spec, ok := e.(map[string]any)
		if !ok {
			r.errorf("%s[%d]: not a table", where, i)
			continue
		}
		out = append(out, r.poetryPackage(name, spec, scope, where))
	}
	return out
}

// poetryPackage returns the package of a Poetry dependency table.
func (r *reader) poetryPackage(name string, spec map[string]any, scope, where string) inventory.Package {
	p := inventory.Package{
		Name:         pkginfo.NormalizeName(name),
		Ecosystem:    inventory.EcosystemPyPI,
		Relationship: inventory.RelationshipDirect,
		Scope:        scope,
	}
	constraint := strings.TrimSpace(r.str(spec, "version", where))
	if v, ok := poetryPin(constraint); ok {
		p.Version = v
	} else if constraint != "" {
		p = withProp(p, "constraint", constraint)
	}
	if optional, _ := spec["optional"].(bool); optional && scope == inventory.ScopeRequired {
		p.Scope = inventory.ScopeOptional
	}
	if extras := r.strs(spec, "extras", where); len(extras) > 0 {
		for i, e := range extras {
			extras[i] = pkginfo.NormalizeName(e)
		}
		p = withProp(p, "extras", strings.Join(extras, ","))
	}
	if m := r.str(spec, "markers", where); m != "" {
		p = withProp(p, "marker", m)
	}
	if git := r.str(spec, "git", where); git != "" {
		u := git
		if strings.Contains(u, "://") && !strings.HasPrefix(u, "git+") {
			u = "git+" + u
		}
		for _, k := range []string{"tag", "branch", "rev"} {
			if ref := r.str(spec, k, where); ref != "" {
				u += "@" + ref
				break
			}
		}
		if sub := r.str(spec, "subdirectory", where); sub != "" {
			u += "#subdirectory=" + sub
		}
		p = withProp(p, "url", pkginfo.RedactURL(u))
	}
	if u := r.str(spec, "url", where); u != "" {
		p = withProp(p, "url", pkginfo.RedactURL(u))
	}
	if path := r.str(spec, "path", where); path != "" {
		p = withProp(p, "path", path)
		if develop, _ := spec["develop"].(bool); develop {
			p = withProp(p, "editable", "true")
		}
	}
	p.PURL = extractor.PURL("pypi", "", p.Name, p.Version)
	return p
}

// poetryPin returns the version a Poetry constraint pins: "1.2.3",
// "==1.2.3" or "=1.2.3", a version without wildcards.
func poetryPin(c string) (string, bool) {
	v := strings.TrimPrefix(strings.TrimPrefix(c, "="), "=")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "", false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || strings.IndexByte(".+!-_", c) >= 0) {
			return "", false
		}
	}
	return v, true
}
