package licenses

import (
	"os"
	"strings"
	"testing"
)

func TestCategoryFileCoversEveryLicense(t *testing.T) {
	data, err := os.ReadFile("data/meta/categories.tsv")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Errorf("categories.tsv:%d: %d fields, want 3 (id, category, reason)", n+1, len(f))
			continue
		}
		id, cat, reason := f[0], Category(f[1]), f[2]
		seen[id]++
		info, ok := Lookup(id)
		switch {
		case !ok:
			t.Errorf("categories.tsv:%d: unknown id %q", n+1, id)
		case info.ID != id:
			t.Errorf("categories.tsv:%d: %q is spelled %q", n+1, id, info.ID)
		case info.Exception:
			t.Errorf("categories.tsv:%d: %s is an exception; exceptions have no category", n+1, id)
		}
		if !cat.Valid() || cat == Unknown {
			t.Errorf("categories.tsv:%d: %s: category %q, want one of the defined ones other than unknown", n+1, id, cat)
		}
		if cat != Permissive && reason == "" {
			t.Errorf("categories.tsv:%d: %s is %s without a reason", n+1, id, cat)
		}
	}
	counts := map[Category]int{}
	for _, info := range All() {
		if info.Exception {
			if info.Category != Unknown {
				t.Errorf("exception %s has category %s", info.ID, info.Category)
			}
			continue
		}
		if seen[info.ID] != 1 {
			t.Errorf("%s appears %d times in categories.tsv, want once", info.ID, seen[info.ID])
		}
		counts[info.Category]++
	}
	t.Logf("licenses per category: %v", counts)
}

// TestCategoryHardCalls pins the categories docs/licenses.md argues for.
func TestCategoryHardCalls(t *testing.T) {
	tests := map[string]Category{
		"MIT":                              Permissive,
		"Apache-2.0":                       Permissive,
		"0BSD":                             Permissive,
		"MIT-0":                            Permissive,
		"WTFPL":                            Permissive,
		"Artistic-2.0":                     WeakCopyleft,
		"CC0-1.0":                          PublicDomain,
		"Unlicense":                        PublicDomain,
		"LGPL-2.1-only":                    WeakCopyleft,
		"MPL-2.0":                          WeakCopyleft,
		"MPL-2.0-no-copyleft-exception":    WeakCopyleft,
		"EPL-2.0":                          WeakCopyleft,
		"CDDL-1.0":                         WeakCopyleft,
		"MS-PL":                            WeakCopyleft,
		"CC-BY-SA-4.0":                     WeakCopyleft,
		"GFDL-1.3-or-later":                WeakCopyleft,
		"OFL-1.1":                          WeakCopyleft,
		"GPL-2.0-with-classpath-exception": WeakCopyleft,
		"GPL-2.0-only":                     StrongCopyleft,
		"GPL-3.0-or-later":                 StrongCopyleft,
		"GPL-2.0":                          StrongCopyleft,
		"CECILL-2.1":                       StrongCopyleft,
		"Sleepycat":                        StrongCopyleft,
		"AGPL-3.0-only":                    NetworkCopyleft,
		"EUPL-1.2":                         NetworkCopyleft,
		"OSL-3.0":                          NetworkCopyleft,
		"CPAL-1.0":                         NetworkCopyleft,
		"SSPL-1.0":                         SourceAvailable,
		"BUSL-1.1":                         SourceAvailable,
		"Elastic-2.0":                      SourceAvailable,
		"PolyForm-Noncommercial-1.0.0":     SourceAvailable,
		"CC-BY-NC-4.0":                     SourceAvailable,
		"CC-BY-NC-SA-4.0":                  SourceAvailable,
		"CC-BY-ND-4.0":                     SourceAvailable,
		"JSON":                             SourceAvailable,
		"FSL-1.1-MIT":                      SourceAvailable,
		"MulanPSL-1.0":                     Permissive,
		"MulanPSL-2.0":                     Permissive,
		"LicenseRef-MulanPubL-1.0":         NetworkCopyleft,
		"LicenseRef-MulanPubL-2.0":         NetworkCopyleft,
		"LicenseRef-MulanOWL-BY-1.0":       Permissive,
		"LicenseRef-MulanOWL-BY-SA-1.0":    WeakCopyleft,
		"LicenseRef-MulanOWL-BY-PL-1.0":    Permissive,
		"LicenseRef-MulanOWL-BY-PL-SA-1.0": WeakCopyleft,
		"LicenseRef-heng-public-domain":    PublicDomain,
		"LicenseRef-heng-proprietary":      Proprietary,
	}
	for id, want := range tests {
		if got := CategoryOf(id); got != want {
			t.Errorf("CategoryOf(%q) = %s, want %s", id, got, want)
		}
	}
	for _, id := range []string{"LicenseRef-MulanOWL-BY-PL-1.0", "LicenseRef-MulanOWL-BY-PL-SA-1.0"} {
		if info, _ := Lookup(id); !strings.Contains(info.Reason, "inferred") {
			t.Errorf("%s: reason %q does not say the category is inferred", id, info.Reason)
		}
	}
}

func TestCategoryOf(t *testing.T) {
	tests := map[string]Category{
		"mit":                           Permissive,
		"  MIT ":                        Permissive,
		"gpl-2.0+":                      StrongCopyleft,
		"Apache-2.0+":                   Permissive,
		"LGPL-2.1-only+":                WeakCopyleft,
		"licenseref-mulanpubl-2.0":      NetworkCopyleft,
		"LLVM-exception":                Unknown,
		"LicenseRef-heng-unknown-bsd":   Unknown,
		"LicenseRef-foo":                Unknown,
		"":                              Unknown,
		"MIT OR Apache-2.0":             Unknown,
		"not a license":                 Unknown,
		"LicenseRef-heng-see-file-COPY": Unknown,
	}
	for id, want := range tests {
		if got := CategoryOf(id); got != want {
			t.Errorf("CategoryOf(%q) = %s, want %s", id, got, want)
		}
	}
}

// TestCategoryDeprecatedLikeReplacement checks that a deprecated id has
// the category of the license that replaces it.
func TestCategoryDeprecatedLikeReplacement(t *testing.T) {
	for _, info := range All() {
		if !info.Deprecated || info.Exception || info.Replacement == "" {
			continue
		}
		base, _, hasExc := strings.Cut(info.Replacement, " WITH ")
		if hasExc {
			continue // the exception may loosen the license (classpath, GCC runtime)
		}
		if want := CategoryOf(base); info.Category != want {
			t.Errorf("%s is %s, its replacement %s is %s", info.ID, info.Category, base, want)
		}
	}
}

func TestCategoriesValid(t *testing.T) {
	if len(Categories()) != 8 {
		t.Errorf("%d categories, want 8", len(Categories()))
	}
	for _, c := range Categories() {
		if !c.Valid() {
			t.Errorf("%s not valid", c)
		}
	}
	if Category("copyleft").Valid() {
		t.Error(`Category("copyleft").Valid()`)
	}
}
