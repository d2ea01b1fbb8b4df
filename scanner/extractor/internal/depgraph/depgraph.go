// Package depgraph works out the relationship and scope of the packages
// of a lock file from its dependency graph, for the extractors whose
// format records the graph but not (or not always) what the project
// itself asks for: pnpm-lock.yaml, yarn.lock, oh-package-lock.json5,
// poetry.lock.
//
// The packages are the nodes of a graph, by index; the dependencies one
// package has on another are its edges, each required or optional. The
// seeds are the dependencies the project itself declares (in its
// manifests, or in the lock's importers), each resolved to a node and
// with the scope its declaration gives.
//
// Walk gives each node the widest scope by which the project reaches it,
// and the extractors read it as inventory's relationships and scopes:
//
//   - required: a required seed reaches the node through required edges
//     only;
//   - else optional: a required or optional seed reaches it through any
//     edges (an optional dependency of a required package is optional);
//   - else dev: a dev seed reaches it;
//   - else test: a test seed reaches it;
//   - else none: only seeds of unknown scope ("") reach it, or none does.
//
// A seed is a direct dependency and any other node a seed reaches is a
// transitive one; what no seed reaches is left to the extractor (a lock
// file without its manifest says nothing of it).
package depgraph

import (
	"slices"

	"github.com/hengdev/heng/scanner/inventory"
)

// Edge is a dependency of one node on another.
type Edge struct {
	// To is the index of the node depended on.
	To int
	// Optional is set for an optional dependency (npm's
	// optionalDependencies).
	Optional bool
}

// Seed is a dependency the project declares.
type Seed struct {
	// To is the index of the node it resolves to.
	To int
	// Scope is the scope its declaration gives: inventory.ScopeRequired,
	// ScopeOptional, ScopeDev, ScopeTest, or "" when unknown.
	Scope string
}

// Result is what Walk finds of each node, by index.
type Result struct {
	// Direct is set for the nodes seeds resolve to.
	Direct []bool
	// Reached is set for the nodes a seed reaches, directly or not,
	// seeds included.
	Reached []bool
	// Scope is the widest scope by which a seed reaches the node; "" for
	// a node reached only from seeds of unknown scope, or not at all.
	Scope []string
}

// passes are the walks Walk makes, widest scope first: each walks from
// the seeds of the scopes in from (through required edges only when
// requiredOnly) and gives scope to what it reaches, unless an earlier
// walk gave it one.
var passes = []struct {
	scope        string
	requiredOnly bool
	from         []string
}{
	{inventory.ScopeRequired, true, []string{inventory.ScopeRequired}},
	{inventory.ScopeOptional, false, []string{inventory.ScopeRequired, inventory.ScopeOptional}},
	{inventory.ScopeDev, false, []string{inventory.ScopeDev}},
	{inventory.ScopeTest, false, []string{inventory.ScopeTest}},
	{"", false, []string{""}},
}

// Walk walks the graph of len(edges) nodes, where edges[i] are the
// dependencies of node i, from the seeds (see the package
// documentation). Seeds and edges that lead outside the graph are left
// out. It takes time linear in the size of the graph.
func Walk(edges [][]Edge, seeds []Seed) Result {
	n := len(edges)
	r := Result{Direct: make([]bool, n), Reached: make([]bool, n), Scope: make([]string, n)}
	for _, s := range seeds {
		if 0 <= s.To && s.To < n {
			r.Direct[s.To] = true
		}
	}
	seen := make([]bool, n)
	var stack []int
	for _, p := range passes {
		clear(seen)
		for _, s := range seeds {
			if 0 <= s.To && s.To < n && !seen[s.To] && slices.Contains(p.from, s.Scope) {
				seen[s.To] = true
				stack = append(stack, s.To)
			}
		}
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			r.Reached[i] = true
			if r.Scope[i] == "" {
				r.Scope[i] = p.scope
			}
			for _, e := range edges[i] {
				if 0 <= e.To && e.To < n && !seen[e.To] && (!p.requiredOnly || !e.Optional) {
					seen[e.To] = true
					stack = append(stack, e.To)
				}
			}
		}
	}
	return r
}

// Relationship returns inventory.RelationshipDirect for a seed,
// RelationshipTransitive for another node a seed reaches, and "" for a
// node no seed reaches.
func (r Result) Relationship(i int) string {
	switch {
	case r.Direct[i]:
		return inventory.RelationshipDirect
	case r.Reached[i]:
		return inventory.RelationshipTransitive
	}
	return ""
}
