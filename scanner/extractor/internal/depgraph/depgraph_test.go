package depgraph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/inventory"
)

const (
	req   = inventory.ScopeRequired
	opt   = inventory.ScopeOptional
	dev   = inventory.ScopeDev
	test  = inventory.ScopeTest
	dir   = inventory.RelationshipDirect
	trans = inventory.RelationshipTransitive
)

func TestWalk(t *testing.T) {
	e := func(to ...int) []Edge {
		var out []Edge
		for _, t := range to {
			out = append(out, Edge{To: t})
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		edges [][]Edge
		seeds []Seed
		// want are the scopes and relationships, by node.
		scopes, rels []string
	}{
		{
			name:   "no_seeds",
			edges:  [][]Edge{e(1), nil},
			scopes: []string{"", ""},
			rels:   []string{"", ""},
		},
		{
			name:   "chain",
			edges:  [][]Edge{e(1), e(2), nil, nil},
			seeds:  []Seed{{0, req}},
			scopes: []string{req, req, req, ""},
			rels:   []string{dir, trans, trans, ""},
		},
		{
			// An optional dependency of a required package is optional,
			// unless a required path reaches it too.
			name:   "optional_edge",
			edges:  [][]Edge{{{1, true}, {2, true}}, nil, nil, e(2)},
			seeds:  []Seed{{0, req}, {3, req}},
			scopes: []string{req, opt, req, req},
			rels:   []string{dir, trans, trans, dir},
		},
		{
			name:   "optional_seed",
			edges:  [][]Edge{e(1), nil},
			seeds:  []Seed{{0, opt}},
			scopes: []string{opt, opt},
			rels:   []string{dir, trans},
		},
		{
			// The widest scope wins, whatever the order of the seeds.
			name:   "widest",
			edges:  [][]Edge{e(2), e(2), e(3), nil, e(3)},
			seeds:  []Seed{{4, test}, {1, dev}, {0, req}},
			scopes: []string{req, dev, req, req, test},
			rels:   []string{dir, dir, trans, trans, dir},
		},
		{
			name:   "dev_over_test",
			edges:  [][]Edge{e(2), e(2), nil},
			seeds:  []Seed{{0, test}, {1, dev}},
			scopes: []string{test, dev, dev},
			rels:   []string{dir, dir, trans},
		},
		{
			name:   "unknown_scope",
			edges:  [][]Edge{e(1), nil, nil},
			seeds:  []Seed{{0, ""}, {2, dev}},
			scopes: []string{"", "", dev},
			rels:   []string{dir, trans, dir},
		},
		{
			name:   "cycle",
			edges:  [][]Edge{e(1), e(0, 1)},
			seeds:  []Seed{{1, dev}},
			scopes: []string{dev, dev},
			rels:   []string{trans, dir},
		},
		{
			name:   "outside",
			edges:  [][]Edge{e(-1, 5, 1), nil},
			seeds:  []Seed{{-1, req}, {2, req}, {0, req}},
			scopes: []string{req, req},
			rels:   []string{dir, trans},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Walk(tc.edges, tc.seeds)
			if d := cmp.Diff(tc.scopes, r.Scope); d != "" {
				t.Errorf("scopes (-want +got):\n%s", d)
			}
			var rels []string
			for i := range tc.edges {
				rels = append(rels, r.Relationship(i))
				if r.Direct[i] && !r.Reached[i] {
					t.Errorf("node %d is direct but not reached", i)
				}
			}
			if d := cmp.Diff(tc.rels, rels); d != "" {
				t.Errorf("relationships (-want +got):\n%s", d)
			}
		})
	}
}

// TestWalkLinear: a long chain and a dense graph take time linear in
// their size (a quadratic walk would time the test out).
func TestWalkLinear(t *testing.T) {
	const n = 200000
	edges := make([][]Edge, n)
	for i := range n - 1 {
		edges[i] = []Edge{{To: i + 1, Optional: i%2 == 1}, {To: 0}}
	}
	seeds := []Seed{{0, req}, {n / 2, dev}, {n - 1, ""}}
	r := Walk(edges, seeds)
	if r.Scope[1] != req || r.Scope[2] != opt || r.Scope[n-1] != opt || r.Relationship(n/2) != dir {
		t.Errorf("scopes %q %q %q, relationship %q", r.Scope[1], r.Scope[2], r.Scope[n-1], r.Relationship(n/2))
	}
}

func BenchmarkWalk(b *testing.B) {
	const n = 10000
	edges := make([][]Edge, n)
	for i := range n {
		for _, j := range []int{2*i + 1, 2*i + 2, i / 3} {
			if j < n {
				edges[i] = append(edges[i], Edge{To: j, Optional: j%7 == 0})
			}
		}
	}
	seeds := []Seed{{0, req}, {5, dev}, {9, opt}, {11, test}}
	b.ReportAllocs()
	for b.Loop() {
		Walk(edges, seeds)
	}
}
