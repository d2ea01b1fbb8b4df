package gomod

import (
	"os"
	"testing"
)

// FuzzParse: any input either parses or fails with an error; what parses
// gives packages with names.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/go.mod"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("module x\nrequire a v1.0.0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		mf, err := parse("go.mod", data)
		if err != nil {
			return
		}
		for _, p := range packages(mf, nil) {
			if p.Name == "" {
				t.Fatalf("package without a name from %q", data)
			}
		}
	})
}
