package list

import "testing"

// TestNames: names are unique, "ecosystem/kind", and every entry has a
// known kind.
func TestNames(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Entries() {
		n := e.Extractor.Name()
		if seen[n] {
			t.Errorf("duplicate extractor name %q", n)
		}
		seen[n] = true
		if e.Kind != Manifest && e.Kind != Installed {
			t.Errorf("%s: kind %q", n, e.Kind)
		}
		if len(n) <= len(e.Ecosystem)+1 || n[:len(e.Ecosystem)+1] != e.Ecosystem+"/" {
			t.Errorf("%s: name does not start with its ecosystem %q", n, e.Ecosystem)
		}
	}
}
