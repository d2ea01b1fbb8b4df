package packagelock

import "strings"

// tree holds a lock file's install paths as a tree of path elements, to
// resolve dependencies as Node.js resolves require() without building a
// string for each directory it looks in: with paths as long as the input
// allows, that would make resolution quadratic.
type tree struct {
	l       *lockFile
	nodes   []treeNode // nodes[0] is the project directory
	child   map[treeEdge]int32
	entryAt []int32 // by node: the entry at that path, or -1
	nodeOf  []int32 // by entry: its node
	target  []int   // by entry: the entry a link leads to, itself if not a link; -1 for a broken link
}

type treeNode struct {
	parent int32
	elem   string
}

type treeEdge struct {
	parent int32
	elem   string
}

// maxResolveSteps bounds the directories looked in before the project's
// own node_modules: real trees nest a few levels deep.
const maxResolveSteps = 128

func newTree(l *lockFile) *tree {
	t := &tree{
		l:       l,
		nodes:   []treeNode{{parent: -1}},
		child:   make(map[treeEdge]int32, 2*len(l.keys)),
		entryAt: []int32{-1},
		nodeOf:  make([]int32, len(l.keys)),
		target:  make([]int, len(l.keys)),
	}
	for i, k := range l.keys {
		n := t.insert(k)
		t.nodeOf[i] = n
		t.entryAt[n] = int32(i)
	}
	for i := range l.entries {
		t.target[i] = i
		if e := &l.entries[i]; e.Link {
			t.target[i] = -1
			if j, ok := l.byKey[e.Resolved]; ok && !l.entries[j].Link {
				t.target[i] = j
			}
		}
	}
	return t
}

// insert returns the node of an install path, adding the nodes it lacks.
func (t *tree) insert(key string) int32 {
	n := int32(0)
	for key != "" {
		elem, rest, _ := strings.Cut(key, "/")
		key = rest
		e := treeEdge{n, elem}
		c, ok := t.child[e]
		if !ok {
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, treeNode{parent: n, elem: elem})
			t.entryAt = append(t.entryAt, -1)
			t.child[e] = c
		}
		n = c
	}
	return n
}

// up returns the directory whose node_modules Node.js looks in after
// those of directory n: the one holding the node_modules n is installed
// in, or n's parent directory; -1 above the project directory.
func (t *tree) up(n int32) int32 {
	nd := t.nodes[n]
	if nd.elem == ".." || nd.parent < 0 {
		return -1
	}
	p := t.nodes[nd.parent]
	if p.elem == "node_modules" {
		return p.parent
	}
	if strings.HasPrefix(p.elem, "@") && p.parent > 0 && t.nodes[p.parent].elem == "node_modules" {
		return t.nodes[p.parent].parent
	}
	return nd.parent
}

// resolve returns the entry that dependency name of entry from resolves
// to, following links; -1 when the lock file does not hold it.
func (t *tree) resolve(from int, name string) int {
	scope, base := "", name
	if strings.HasPrefix(name, "@") {
		var ok bool
		if scope, base, ok = strings.Cut(name, "/"); !ok {
			return -1
		}
	}
	if base == "" || strings.Contains(base, "/") {
		return -1
	}
	cur := t.nodeOf[from]
	for steps := 0; ; steps++ {
		if n, ok := t.child[treeEdge{cur, "node_modules"}]; ok {
			if scope != "" {
				n, ok = t.child[treeEdge{n, scope}]
			}
			if ok {
				n, ok = t.child[treeEdge{n, base}]
			}
			if ok && t.entryAt[n] >= 0 {
				return t.target[t.entryAt[n]]
			}
		}
		if cur == 0 {
			return -1
		}
		if cur = t.up(cur); cur < 0 {
			return -1
		}
		if steps >= maxResolveSteps {
			cur = 0
		}
	}
}

// eachDep calls fn with the entry each dependency of entry i resolves to;
// devDependencies count when withDev is set (the root and workspaces).
func (t *tree) eachDep(i int, withDev bool, fn func(j int)) {
	e := &t.l.entries[i]
	lists := [4]map[string]string{e.Dependencies, e.OptionalDependencies, e.PeerDependencies}
	if withDev {
		lists[3] = e.DevDependencies
	}
	for _, deps := range lists {
		for name := range deps {
			if j := t.resolve(i, name); j >= 0 {
				fn(j)
			}
		}
	}
}
