package pom

import "strings"

// resolver substitutes ${...} references in a POM's values, as Maven
// interpolates the effective model: with the properties of the POM and
// its parents, and the POM's own coordinates.
type resolver struct {
	chain []*pom
	extra map[string]string // a profile's properties, before the POMs'
	model map[string]string // project.<key> values, as written
	// values holds each reference resolved so far, and state whether
	// it is being resolved (a cycle when met again), resolved or not
	// resolvable.
	values map[string]string
	state  map[string]refState
}

type refState uint8

const (
	refBusy refState = iota + 1
	refDone
	refFailed
)

// newResolver returns the resolver of the POM chain[0], whose parents
// are chain[1:], with extra properties that win over the POMs' (a
// profile's); extra may be nil.
func newResolver(chain []*pom, extra map[string]string) *resolver {
	p := chain[0]
	model := map[string]string{
		"groupId":    p.GroupID,
		"artifactId": p.ArtifactID,
		"version":    p.Version,
		"packaging":  cmpOr(p.Packaging, "jar"),
	}
	if p.Name != "" {
		model["name"] = p.Name
	}
	if ref := p.Parent; ref != nil {
		model["groupId"] = cmpOr(p.GroupID, ref.GroupID)
		model["version"] = cmpOr(p.Version, ref.Version)
		model["parent.groupId"] = ref.GroupID
		model["parent.artifactId"] = ref.ArtifactID
		model["parent.version"] = ref.Version
	}
	return &resolver{
		chain:  chain,
		extra:  extra,
		model:  model,
		values: map[string]string{},
		state:  map[string]refState{},
	}
}

// expand substitutes the references in s. It returns s itself and false
// when one of them cannot be resolved.
func (r *resolver) expand(s string) (string, bool) {
	return r.expandDepth(s, 0)
}

// expandOrRaw is expand, with s as written when it cannot be resolved.
func (r *resolver) expandOrRaw(s string) string {
	v, _ := r.expand(s)
	return v
}

func (r *resolver) expandDepth(s string, depth int) (string, bool) {
	if !strings.Contains(s, "${") {
		return s, true
	}
	if depth >= maxRefDepth {
		return s, false
	}
	var b strings.Builder
	rest := s
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+2:], '}')
		if j < 0 {
			break // "${" without "}" is text, as Maven reads it
		}
		v, ok := r.lookup(rest[i+2:i+2+j], depth+1)
		if !ok || b.Len()+i+len(v) > maxValueLen {
			return s, false
		}
		b.WriteString(rest[:i])
		b.WriteString(v)
		rest = rest[i+3+j:]
	}
	if b.Len()+len(rest) > maxValueLen {
		return s, false
	}
	b.WriteString(rest)
	return b.String(), true
}

// lookup resolves one reference, remembering the result.
func (r *resolver) lookup(key string, depth int) (string, bool) {
	switch r.state[key] {
	case refDone:
		return r.values[key], true
	case refBusy, refFailed:
		return "", false
	}
	raw, ok := r.raw(key)
	if !ok {
		r.state[key] = refFailed
		return "", false
	}
	r.state[key] = refBusy
	v, ok := r.expandDepth(raw, depth)
	if !ok {
		r.state[key] = refFailed
		return "", false
	}
	r.state[key], r.values[key] = refDone, v
	return v, true
}

// raw returns the value a reference names, as written: project.* (or
// pom.*) model values first, then properties (a profile's, then the
// nearest POM's), then the unprefixed model values old POMs use.
func (r *resolver) raw(key string) (string, bool) {
	for _, prefix := range []string{"project.", "pom."} {
		if k, ok := strings.CutPrefix(key, prefix); ok {
			if v := r.model[k]; v != "" {
				return v, true
			}
		}
	}
	if v, ok := r.extra[key]; ok {
		return v, true
	}
	for _, p := range r.chain {
		if v, ok := p.Properties[key]; ok {
			return v, true
		}
	}
	switch key {
	case "groupId", "artifactId", "version":
		if v := r.model[key]; v != "" {
			return v, true
		}
	}
	return "", false
}

// key is a dependency's management key, groupId:artifactId:type:classifier
// with the type jar by default: what <dependencyManagement> entries and
// inherited dependencies are matched by.
func (r *resolver) key(d dependency) string {
	return r.expandOrRaw(d.GroupID) + ":" + r.expandOrRaw(d.ArtifactID) + ":" +
		cmpOr(r.expandOrRaw(d.Type), "jar") + ":" + r.expandOrRaw(d.Classifier)
}

// index maps the management keys of managed dependencies (lists in order
// of precedence) to the first entry for each; imported BOMs are left
// out, as heng cannot read them.
func (r *resolver) index(lists [][]dependency) map[string]dependency {
	out := map[string]dependency{}
	for _, list := range lists {
		for _, m := range list {
			if strings.EqualFold(strings.TrimSpace(r.expandOrRaw(m.Scope)), "import") {
				continue
			}
			k := r.key(m)
			if _, ok := out[k]; !ok {
				out[k] = m
			}
		}
	}
	return out
}
