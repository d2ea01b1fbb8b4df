package attribution

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/sbom/cyclonedx"
)

func readBOM(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFromBOM(t *testing.T) {
	tests := []struct {
		file          string
		name, version string
		packages      int
		want          map[string]pkgSummary // a selection
	}{
		{
			// Syft: licenses without acknowledgement (declared), a
			// Chinese license name, no evidence.
			file: "syft.json", name: "/src", packages: 7,
			want: map[string]pkgSummary{
				"mulan-lib": {"MulanPSL-2.0", licenses.Permissive, false, []string{}, []string{"canonical:MulanPSL-2.0"}, []string{canonicalNote("MulanPSL-2.0")}},
				"dual": {"GPL-3.0-only OR Apache-2.0", licenses.Permissive, false, []string{}, []string{"canonical:GPL-3.0-only", "canonical:Apache-2.0"},
					[]string{canonicalNote("GPL-3.0-only"), canonicalNote("Apache-2.0")}},
				"nolicense": {"", licenses.Unknown, false, []string{}, []string{}, []string{"no license declared or found"}},
			},
		},
		{
			// Trivy: the project is ".", so the file names it.
			file: "trivy.json", name: "trivy.json", packages: 3,
			want: map[string]pkgSummary{
				"github.com/hashicorp/vault": {"BUSL-1.1", licenses.SourceAvailable, false, []string{}, []string{"canonical:BUSL-1.1"}, []string{canonicalNote("BUSL-1.1")}},
			},
		},
		{
			// cdxgen: components nested in metadata.component, an
			// exception (no text known), evidence.copyright on a nested
			// component.
			file: "cdxgen.json", name: "app", version: "1.0.0", packages: 2,
			want: map[string]pkgSummary{
				"org.apache.commons:commons-lang3": {"Apache-2.0", licenses.Permissive, false, []string{"Copyright 2001-2023 The Apache Software Foundation"},
					[]string{"canonical:Apache-2.0"}, []string{canonicalNote("Apache-2.0")}},
				"psycopg2": {"LGPL-3.0-or-later WITH openvpn-openssl-exception", licenses.WeakCopyleft, false, []string{},
					[]string{"canonical:LGPL-3.0-or-later"}, []string{canonicalNote("LGPL-3.0-or-later"), "no text known for openvpn-openssl-exception"}},
			},
		},
		{
			// heng: concluded licenses with evidence occurrences and
			// copyrights; the GPL's own notice is not the package's.
			file: "heng.json", name: "example.com/app", packages: 4,
			want: map[string]pkgSummary{
				"gpl-lib": {"GPL-2.0-only", licenses.StrongCopyleft, false, []string{}, []string{"canonical:GPL-2.0-only"},
					[]string{"third_party/gpl-lib/COPYING: not read: no directory to read files from", canonicalNote("GPL-2.0-only")}},
				"github.com/acme/bar": {"BSD-3-Clause", licenses.Permissive, false,
					[]string{"Copyright (c) 2015 The Bar Authors.", "Copyright 2015 The Bar Authors. All rights reserved."}, []string{"canonical:BSD-3-Clause"},
					[]string{"vendor/github.com/acme/bar/LICENSE: not read: no directory to read files from", canonicalNote("BSD-3-Clause")}},
				// Its LICENSE is the SPDX ISC text, whose own lines name
				// the ISC: part of the text, not a claim on left-pad.
				"left-pad": {"ISC", licenses.Permissive, true, []string{},
					[]string{"canonical:ISC"}, []string{"web/node_modules/left-pad/LICENSE: not read: no directory to read files from", canonicalNote("ISC")}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(strings.TrimSuffix(tc.file, ".json"), func(t *testing.T) {
			bom, err := cyclonedx.Read(bytes.NewReader(readBOM(t, tc.file)))
			if err != nil {
				t.Fatal(err)
			}
			p := FromBOM(bom, "sboms/"+tc.file, Options{})
			checkInvariants(t, p)
			if p.Name != tc.name || p.Version != tc.version || p.Source != "sboms/"+tc.file || !p.FromSBOM || p.Files != -1 || len(p.Packages) != tc.packages {
				t.Errorf("project %q %q, source %q, from SBOM %v, %d files, %d packages", p.Name, p.Version, p.Source, p.FromSBOM, p.Files, len(p.Packages))
			}
			got := summarize(p)
			for name, want := range tc.want {
				if d := cmp.Diff(want, got[name]); d != "" {
					t.Errorf("%s (-want +got):\n%s", name, d)
				}
			}
		})
	}
}

// TestFromBOMUntrustedPaths: an SBOM's occurrences are read only inside
// Root, never through "..", an absolute path or a symbolic link.
func TestFromBOMUntrustedPaths(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "root")
	must(t, os.MkdirAll(filepath.Join(root, "node_modules/ok"), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, "node_modules/evil"), 0o755))
	must(t, os.WriteFile(filepath.Join(parent, "secret"), []byte("TOP SECRET\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "node_modules/ok/LICENSE"), []byte(mitText("Olivia")), 0o644))
	if err := os.Symlink(filepath.Join(parent, "secret"), filepath.Join(root, "node_modules/evil/LICENSE")); err != nil {
		t.Skip(err)
	}
	bom, err := cyclonedx.Read(bytes.NewReader(readBOM(t, "traversal.json")))
	if err != nil {
		t.Fatal(err)
	}
	p := FromBOM(bom, "traversal.json", Options{Root: root})
	checkInvariants(t, p)
	if p.Name != "evil-app" || p.Version != "6.6.6" {
		t.Errorf("project %q %q", p.Name, p.Version)
	}
	for _, tx := range p.Texts {
		if strings.Contains(tx.Body, "SECRET") || strings.Contains(tx.Body, "root:") {
			t.Errorf("read a file outside the root: %+v", tx)
		}
	}
	var notes []string
	for _, pk := range p.Packages {
		for _, e := range pk.Evidence {
			notes = append(notes, e.File+" => "+e.Note)
		}
	}
	slices.Sort(notes)
	want := []string{
		"../../etc/passwd => not read: outside the scanned tree",
		"/etc/passwd => not read: outside the scanned tree",
		`C:\Windows\win.ini => not read: outside the scanned tree`,
		"node_modules/evil/LICENSE => not read: outside the scanned tree",
		"node_modules/ok/../../../../etc/passwd => not read: outside the scanned tree",
		"node_modules/ok/LICENSE => ",
	}
	if d := cmp.Diff(want, notes); d != "" {
		t.Errorf("evidence notes (-want +got):\n%s", d)
	}
	s := summarize(p)
	wantPkgs := map[string]pkgSummary{
		"ok": {"MIT", licenses.Permissive, false, []string{"Copyright (c) 2020 Olivia", "Copyright (c) 2020 Olivia OK Corp"},
			[]string{"own:MIT:node_modules/ok/LICENSE"}, []string{"node_modules/ok/../../../../etc/passwd: not read: outside the scanned tree"}},
		"local-lib": {"LicenseRef-heng-unknown-some-custom-license", licenses.Unknown, false, []string{"Copyright 2021 Local Person"}, []string{},
			[]string{"no text known for LicenseRef-heng-unknown-some-custom-license"}},
		"acme/anon": {"", licenses.Unknown, false, []string{"(c) 2022 Anonymous Co."}, []string{}, []string{"no license declared or found"}},
	}
	for name, want := range wantPkgs {
		if d := cmp.Diff(want, s[name]); d != "" {
			t.Errorf("%s (-want +got):\n%s", name, d)
		}
	}
}

func TestFromBOMNil(t *testing.T) {
	p := FromBOM(nil, "dir/x.cdx.json", Options{Root: t.TempDir()})
	checkInvariants(t, p)
	if p.Name != "x.cdx.json" || len(p.Packages) != 0 || p.Files != -1 {
		t.Errorf("got %+v", p)
	}
}

func FuzzFromBOM(f *testing.F) {
	for _, name := range []string{"syft.json", "trivy.json", "cdxgen.json", "heng.json", "traversal.json"} {
		f.Add(readBOM(f, name))
	}
	root := f.TempDir()
	must2(f, os.MkdirAll(filepath.Join(root, "node_modules/ok"), 0o755))
	must2(f, os.WriteFile(filepath.Join(root, "node_modules/ok/LICENSE"), []byte(mitText("Olivia")), 0o644))
	f.Fuzz(func(t *testing.T, data []byte) {
		bom, err := cyclonedx.Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		p := FromBOM(bom, "fuzz.json", Options{Root: root, MaxTextSize: 4 << 10})
		checkInvariants(t, p)
		// The only file under root is the one that can have been read.
		for _, pk := range slices.Concat(p.Packages, p.Roots) {
			for _, e := range pk.Evidence {
				if e.Text >= 0 && path.Clean(strings.ReplaceAll(e.File, `\`, "/")) != "node_modules/ok/LICENSE" {
					t.Errorf("read %q", e.File)
				}
			}
		}
	})
}

func must2(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// TestFromBOMAttachedTexts: license texts an SBOM carries (as ORT or
// cdxgen can write them, plain or base64) are the package's own texts;
// their copyright lines go to the package.
func TestFromBOMAttachedTexts(t *testing.T) {
	bom, err := cyclonedx.Read(bytes.NewReader(readBOM(t, "attached.json")))
	if err != nil {
		t.Fatal(err)
	}
	p := FromBOM(bom, "attached.json", Options{})
	checkInvariants(t, p)
	got := summarize(p)
	want := map[string]pkgSummary{
		"dana": {"MIT", licenses.Permissive, false, []string{"Copyright (c) 2021 Dana Example"},
			[]string{"own:MIT:attached.json"}, []string{}},
		// The same text but for its holder: one text.
		"dana-b64": {"MIT", licenses.Permissive, false, []string{"Copyright (c) 2021 Dan B64"},
			[]string{"own:MIT:attached.json"}, []string{}},
		// A license heng cannot name keeps its text.
		"com.acme:tools": {"LicenseRef-heng-unknown-acme-internal-tools-license", licenses.Unknown, false, []string{"Copyright 2019 Acme Corp."},
			[]string{"own:LicenseRef-heng-unknown-acme-internal-tools-license:attached.json"}, []string{}},
		// Undecodable: left out, the canonical text given.
		"broken": {"ISC", licenses.Permissive, false, []string{}, []string{"canonical:ISC"}, []string{canonicalNote("ISC")}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
