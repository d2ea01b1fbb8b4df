package tomlsafe

import (
	"errors"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzCheckNesting: CheckNesting never panics, fails only with
// ErrTooDeep, accepts at a bound what it accepts at a lower one, and is
// never fooled: whatever it accepts at bound 2 and the parser reads has
// keys at most 2×2+1 deep (see keyDepth).
func FuzzCheckNesting(f *testing.F) {
	for _, s := range []string{
		"version = 1\nrevision = 2\n\n[[package]]\nname = \"a\"\nsource = { registry = \"https://pypi.org/simple\" }\ndependencies = [\n    { name = \"b\", marker = \"python_version < '3.11'\" },\n]\n\n[package.optional-dependencies]\nx = [{ name = \"c\" }]\n",
		"[tool.poetry.dependencies]\npython = \"^3.9\"\na = {git = \"https://h/a.git\", branch = \"main\"}\n[tool.poetry.group.dev.dependencies]\nb = \"*\"\n",
		"[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n",
		"a = \"\"\"\n[{\\\"\"\"\"\"\nb = '''\n[{'''''\nc = 'x[' # {[\nd = \"y{\\\"\"\n",
		"a.b.c = 1.5\n\"d.e\".'f' = [1.0, [2.0], {g.h = 3}]\n",
		"a = {\n  b.c = 1,\n  d = [\n    1.5,\n  ],\n}\n",
		"[[a]]\n[[a.b]]\n[[a.b.c]]\n[a.b.c.d]\ne = 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for bound := range 6 {
			err := CheckNesting(data, bound)
			if err != nil && !errors.Is(err, ErrTooDeep) {
				t.Fatalf("CheckNesting(%d) = %v, not ErrTooDeep", bound, err)
			}
			if err != nil && bound > 0 && CheckNesting(data, bound-1) == nil {
				t.Fatalf("accepted at %d, refused at %d: %v", bound-1, bound, err)
			}
		}
		const bound = 2
		if CheckNesting(data, bound) != nil {
			return
		}
		var v map[string]any
		if _, err := toml.Decode(string(data), &v); err != nil {
			return
		}
		if d := keyDepth(v); d > 2*bound+1 {
			t.Fatalf("accepted at %d, but keys are %d deep in %q", bound, d, data)
		}
	})
}

// keyDepth is the length of the longest key of a decoded document, in
// parts: the number of tables on the way to a value, through arrays.
// The parser's time grows with the square of it.
func keyDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, c := range v {
			d = max(d, 1+keyDepth(c))
		}
	case []map[string]any:
		for _, c := range v {
			d = max(d, keyDepth(c))
		}
	case []any:
		for _, c := range v {
			d = max(d, keyDepth(c))
		}
	}
	return d
}
