package yarnlock

import (
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
)

// FuzzParse: any input either parses or fails with an error, never a
// panic; the packages it gives keep extractortest's invariants (a name, a
// purl and dependencies that parse) and are npm packages.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"testdata/v1/yarn.lock",
		"testdata/v1-workspaces/yarn.lock",
		"testdata/berry/yarn.lock",
		"testdata/berry-v3/yarn.lock",
	} {
		f.Add(extractortest.ReadFile(f, name), true)
	}
	f.Add([]byte("a@^1, \"@s/b@npm:a@^1\":\n  version \"1.0.0\"\n  dependencies:\n    a \"^1\"\n"), false)
	f.Add([]byte("__metadata:\n  version: 8\n\n\"a@npm:^1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    a: \"npm:^1\"\n"), true)
	manifests := map[string]*manifest{".": {
		Dependencies:         map[string]any{"a": "^1", "@s/b": "npm:a@^1"},
		DevDependencies:      map[string]any{"debug": "^2.6.9"},
		OptionalDependencies: map[string]any{"is-odd": "^3.0.1"},
	}}
	f.Fuzz(func(t *testing.T, data []byte, withManifest bool) {
		lock, err := parse(data)
		if lock == nil {
			if err == nil {
				t.Fatal("no lock file and no error")
			}
			return
		}
		var m map[string]*manifest
		if withManifest {
			m = manifests
		}
		extractortest.Invariants{Ecosystem: "npm"}.Check(t, lock.packages(m))
	})
}
