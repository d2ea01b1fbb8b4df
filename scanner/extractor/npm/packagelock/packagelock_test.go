package packagelock

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	root  = inventory.RelationshipRoot
	dir   = inventory.RelationshipDirect
	trans = inventory.RelationshipTransitive
	req   = inventory.ScopeRequired
	dev   = inventory.ScopeDev
	opt   = inventory.ScopeOptional
)

var props = extractortest.Props

func lic(expr string) *inventory.DeclaredLicense {
	return &inventory.DeclaredLicense{Expression: expr, Raw: expr}
}

// hashes decodes Subresource Integrity values by hand, to check
// extractor.SRIHash's use rather than repeat it.
func hashes(t testing.TB, sris ...string) []inventory.Hash {
	var out []inventory.Hash
	for _, s := range sris {
		alg, b64, _ := strings.Cut(s, "-")
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatalf("bad integrity %q: %v", s, err)
		}
		name := map[string]string{"sha1": "SHA-1", "sha512": "SHA-512"}[alg]
		out = append(out, inventory.Hash{Algorithm: name, Value: hex.EncodeToString(raw)})
	}
	return out
}

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"package-lock.json":                                true,
		"npm-shrinkwrap.json":                              true,
		"web/package-lock.json":                            true,
		"node_modules/.package-lock.json":                  true,
		"web/node_modules/.package-lock.json":              true,
		"package-lock.json.bak":                            false,
		"mypackage-lock.json":                              false,
		"package.json":                                     false,
		".package-lock.json":                               false,
		"web/.package-lock.json":                           false,
		"node_modules/foo/package-lock.json":               false,
		"node_modules/foo/npm-shrinkwrap.json":             false,
		"a/node_modules/@s/x/package-lock.json":            false,
		"node_modules/foo/node_modules/.package-lock.json": false,
		"node_modules/foo/.package-lock.json":              false,
	})
}

// demoApp is what the demo-app fixtures (testdata/v2, v3, hidden) hold,
// installed in directory d: npm 11 wrote them from the same package.json.
func demoApp(t *testing.T, d string, withFsevents bool) []inventory.Package {
	reg := func(p string) string { return "https://registry.npmjs.org/" + p }
	rootDeps := []string{
		"pkg:npm/%40demo/util@0.1.0",
		"pkg:npm/%40types/ms@0.7.34",
		"pkg:npm/debug@2.6.9",
		"pkg:npm/is-number@6.0.0",
		"pkg:npm/is-odd@3.0.1",
		"pkg:npm/ms@1.0.0",
		"pkg:npm/ms@2.1.3",
		"pkg:npm/react@18.3.1",
	}
	if withFsevents {
		rootDeps = append(rootDeps, "pkg:npm/fsevents@2.3.3")
		slices.Sort(rootDeps)
	}
	out := []inventory.Package{
		{Name: "@demo/util", Version: "0.1.0", Ecosystem: "npm", PURL: "pkg:npm/%40demo/util@0.1.0", Relationship: root,
			DeclaredLicense: lic("Apache-2.0"), Dependencies: []string{"pkg:npm/ms@2.1.3"}},
		{Name: "@types/ms", Version: "0.7.34", Ecosystem: "npm", PURL: "pkg:npm/%40types/ms@0.7.34", Relationship: dir, Scope: dev,
			Directory: d + "/node_modules/@types/ms", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-nG96G3Wp6acyAgJqGasjODb+acrI7KltPiRxzHPXnP3NgI28bpQDRv53olbqGXbfcgF5aiiHmO3xpwEpS5Ld9g=="),
			Properties: props("resolved", reg("@types/ms/-/ms-0.7.34.tgz"))},
		{Name: "debug", Version: "2.6.9", Ecosystem: "npm", PURL: "pkg:npm/debug@2.6.9", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/debug", DeclaredLicense: lic("MIT"), Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Hashes:     hashes(t, "sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA=="),
			Properties: props("resolved", reg("debug/-/debug-2.6.9.tgz"))},
		{Name: "demo-app", Version: "1.2.0", Ecosystem: "npm", PURL: "pkg:npm/demo-app@1.2.0", Relationship: root,
			DeclaredLicense: lic("MIT"), Dependencies: rootDeps},
	}
	if withFsevents {
		out = append(out, inventory.Package{Name: "fsevents", Version: "2.3.3", Ecosystem: "npm", PURL: "pkg:npm/fsevents@2.3.3", Relationship: dir, Scope: opt,
			Directory: d + "/node_modules/fsevents", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-5xoDfX+fL7faATnagmWPpbFtwh/R77WmMMqqHGS65C3vvB0YHrgF+B1YmZ3441tMj5n63k0212XNoJwzlhffQw=="),
			Properties: props("resolved", reg("fsevents/-/fsevents-2.3.3.tgz"))})
	}
	return append(out, []inventory.Package{
		// devOptional: a devDependency and needed by the optional is-odd.
		{Name: "is-number", Version: "6.0.0", Ecosystem: "npm", PURL: "pkg:npm/is-number@6.0.0", Relationship: dir, Scope: dev,
			Directory: d + "/node_modules/is-number", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-Wu1VHeILBK8KAWJUAiSZQX94GmOE45Rg6/538fKwiloUu21KncEkYGPqob2oSZ5mUT73vLGrHQjKw3KMPwfDzg=="),
			Properties: props("resolved", reg("is-number/-/is-number-6.0.0.tgz"))},
		{Name: "is-odd", Version: "3.0.1", Ecosystem: "npm", PURL: "pkg:npm/is-odd@3.0.1", Relationship: dir, Scope: opt,
			Directory: d + "/node_modules/is-odd", DeclaredLicense: lic("MIT"), Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Hashes:     hashes(t, "sha512-CQpnWPrDwmP1+SMHXZhtLtJv90yiyVfluGsX5iNCVkrhQtU3TQHsUWPG9wkdk9Lgd5yNpAg9jQEo90CBaXgWMA=="),
			Properties: props("resolved", reg("is-odd/-/is-odd-3.0.1.tgz"))},
		{Name: "js-tokens", Version: "4.0.0", Ecosystem: "npm", PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
			Directory: d + "/node_modules/js-tokens", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-RdJUflcE3cUzKiMqQgsCu06FPu9UdIJO0beYbPhHN4k6apgJtifcoCtT9bcxOpYBtpD2kCM6Sbzg4CausW/PKQ=="),
			Properties: props("peer", "true", "resolved", reg("js-tokens/-/js-tokens-4.0.0.tgz"))},
		{Name: "loose-envify", Version: "1.4.0", Ecosystem: "npm", PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
			Directory: d + "/node_modules/loose-envify", DeclaredLicense: lic("MIT"), Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
			Hashes:     hashes(t, "sha512-lyuxPGr/Wfhrlem2CL/UcnUc1zcqKAImBDzukY7Y5F/yQiNdko6+fRLevlw1HgMySw7f611UIY408EtxRSoK3Q=="),
			Properties: props("peer", "true", "resolved", reg("loose-envify/-/loose-envify-1.4.0.tgz"))},
		{Name: "ms", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@1.0.0", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/ms-one", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-85ytwCiGUnD84ui6ULG1KBFMaZgHW3jg5KPr9jt+ZPYt75+XK+JGbYddGrBQ+RSHXOhekCnCZwJywBoFvFl0kw=="),
			Properties: props("alias", "ms-one", "resolved", reg("ms/-/ms-1.0.0.tgz"))},
		// debug's own ms, nested: a different major version.
		{Name: "ms", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Directory: d + "/node_modules/debug/node_modules/ms", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-Tpp60P6IUJDTuOq/5Z8cdskzJujfwqfOTkrwIwj7IRISpnkJnT6SyJ4PCPnGMoFjC9ddhal5KVIYtAt97ix05A=="),
			Properties: props("resolved", reg("ms/-/ms-2.0.0.tgz"))},
		{Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/ms", DeclaredLicense: lic("MIT"),
			Hashes:     hashes(t, "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="),
			Properties: props("resolved", reg("ms/-/ms-2.1.3.tgz"))},
		{Name: "react", Version: "18.3.1", Ecosystem: "npm", PURL: "pkg:npm/react@18.3.1", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/react", DeclaredLicense: lic("MIT"), Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:     hashes(t, "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ=="),
			Properties: props("peer", "true", "resolved", reg("react/-/react-18.3.1.tgz"))},
	}...)
}

// v1 is what the lockfileVersion 1 fixtures hold: no licenses, a local
// package known by its source, the root from package.json.
func v1(t *testing.T, d string, npm6 bool) []inventory.Package {
	reg := func(p string) string { return "https://registry.npmjs.org/" + p }
	flags := func(p inventory.Package, npm6Scope string, peer bool) inventory.Package {
		if npm6 {
			p.Scope = npm6Scope
		} else if peer {
			p.Properties = append(props("peer", "true"), p.Properties...)
		}
		return p
	}
	rootVersion := "1.2.0"
	if npm6 {
		rootVersion = "1.0.0"
	}
	rootDeps := []string{
		"pkg:npm/%40demo/util",
		"pkg:npm/%40types/ms@0.7.34",
		"pkg:npm/debug@2.6.9",
		"pkg:npm/fsevents@2.3.3",
		"pkg:npm/is-number@6.0.0",
		"pkg:npm/is-odd@3.0.1",
		"pkg:npm/ms@1.0.0",
		"pkg:npm/ms@2.1.3",
	}
	if !npm6 {
		rootDeps = append(rootDeps, "pkg:npm/react@18.3.1")
	}
	out := []inventory.Package{
		{Name: "@demo/util", Ecosystem: "npm", PURL: "pkg:npm/%40demo/util", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/@demo/util", Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Properties: props("resolved", "file:packages/util")},
		{Name: "@types/ms", Version: "0.7.34", Ecosystem: "npm", PURL: "pkg:npm/%40types/ms@0.7.34", Relationship: dir, Scope: dev,
			Directory:  d + "/node_modules/@types/ms",
			Hashes:     hashes(t, "sha512-nG96G3Wp6acyAgJqGasjODb+acrI7KltPiRxzHPXnP3NgI28bpQDRv53olbqGXbfcgF5aiiHmO3xpwEpS5Ld9g=="),
			Properties: props("resolved", reg("@types/ms/-/ms-0.7.34.tgz"))},
		{Name: "debug", Version: "2.6.9", Ecosystem: "npm", PURL: "pkg:npm/debug@2.6.9", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/debug", Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Hashes:     hashes(t, "sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA=="),
			Properties: props("resolved", reg("debug/-/debug-2.6.9.tgz"))},
		{Name: "demo-app", Version: rootVersion, Ecosystem: "npm", PURL: "pkg:npm/demo-app@" + rootVersion, Relationship: root,
			DeclaredLicense: lic("MIT"), Dependencies: rootDeps},
		{Name: "fsevents", Version: "2.3.3", Ecosystem: "npm", PURL: "pkg:npm/fsevents@2.3.3", Relationship: dir, Scope: opt,
			Directory:  d + "/node_modules/fsevents",
			Hashes:     hashes(t, "sha512-5xoDfX+fL7faATnagmWPpbFtwh/R77WmMMqqHGS65C3vvB0YHrgF+B1YmZ3441tMj5n63k0212XNoJwzlhffQw=="),
			Properties: props("resolved", reg("fsevents/-/fsevents-2.3.3.tgz"))},
		// npm 6 did not know devOptional, and called is-number required.
		flags(inventory.Package{Name: "is-number", Version: "6.0.0", Ecosystem: "npm", PURL: "pkg:npm/is-number@6.0.0", Relationship: dir, Scope: dev,
			Directory:  d + "/node_modules/is-number",
			Hashes:     hashes(t, "sha512-Wu1VHeILBK8KAWJUAiSZQX94GmOE45Rg6/538fKwiloUu21KncEkYGPqob2oSZ5mUT73vLGrHQjKw3KMPwfDzg=="),
			Properties: props("resolved", reg("is-number/-/is-number-6.0.0.tgz"))}, req, false),
		{Name: "is-odd", Version: "3.0.1", Ecosystem: "npm", PURL: "pkg:npm/is-odd@3.0.1", Relationship: dir, Scope: opt,
			Directory: d + "/node_modules/is-odd", Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Hashes:     hashes(t, "sha512-CQpnWPrDwmP1+SMHXZhtLtJv90yiyVfluGsX5iNCVkrhQtU3TQHsUWPG9wkdk9Lgd5yNpAg9jQEo90CBaXgWMA=="),
			Properties: props("resolved", reg("is-odd/-/is-odd-3.0.1.tgz"))},
	}
	if !npm6 {
		out = append(out,
			flags(inventory.Package{Name: "js-tokens", Version: "4.0.0", Ecosystem: "npm", PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
				Directory:  d + "/node_modules/js-tokens",
				Hashes:     hashes(t, "sha512-RdJUflcE3cUzKiMqQgsCu06FPu9UdIJO0beYbPhHN4k6apgJtifcoCtT9bcxOpYBtpD2kCM6Sbzg4CausW/PKQ=="),
				Properties: props("resolved", reg("js-tokens/-/js-tokens-4.0.0.tgz"))}, "", true),
			flags(inventory.Package{Name: "loose-envify", Version: "1.4.0", Ecosystem: "npm", PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
				Directory: d + "/node_modules/loose-envify", Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
				Hashes:     hashes(t, "sha512-lyuxPGr/Wfhrlem2CL/UcnUc1zcqKAImBDzukY7Y5F/yQiNdko6+fRLevlw1HgMySw7f611UIY408EtxRSoK3Q=="),
				Properties: props("resolved", reg("loose-envify/-/loose-envify-1.4.0.tgz"))}, "", true))
	}
	out = append(out,
		inventory.Package{Name: "ms", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@1.0.0", Relationship: dir, Scope: req,
			Directory:  d + "/node_modules/ms-one",
			Hashes:     hashes(t, "sha512-85ytwCiGUnD84ui6ULG1KBFMaZgHW3jg5KPr9jt+ZPYt75+XK+JGbYddGrBQ+RSHXOhekCnCZwJywBoFvFl0kw=="),
			Properties: props("alias", "ms-one", "resolved", reg("ms/-/ms-1.0.0.tgz"))},
		inventory.Package{Name: "ms", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Directory:  d + "/node_modules/debug/node_modules/ms",
			Hashes:     hashes(t, "sha512-Tpp60P6IUJDTuOq/5Z8cdskzJujfwqfOTkrwIwj7IRISpnkJnT6SyJ4PCPnGMoFjC9ddhal5KVIYtAt97ix05A=="),
			Properties: props("resolved", reg("ms/-/ms-2.0.0.tgz"))},
		inventory.Package{Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Relationship: dir, Scope: req,
			Directory:  d + "/node_modules/ms",
			Hashes:     hashes(t, "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="),
			Properties: props("resolved", reg("ms/-/ms-2.1.3.tgz"))},
	)
	if !npm6 {
		out = append(out, flags(inventory.Package{Name: "react", Version: "18.3.1", Ecosystem: "npm", PURL: "pkg:npm/react@18.3.1", Relationship: dir, Scope: req,
			Directory: d + "/node_modules/react", Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:     hashes(t, "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ=="),
			Properties: props("resolved", reg("react/-/react-18.3.1.tgz"))}, "", true))
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []inventory.Package
	}{
		{name: "v3", file: "v3/package-lock.json", want: demoApp(t, "v3", true)},
		{name: "v2", file: "v2/package-lock.json", want: demoApp(t, "v2", true)},
		{name: "v1_npm11", file: "v1-npm11/package-lock.json", want: v1(t, "v1-npm11", false)},
		{name: "v1_npm6", file: "v1-npm6/package-lock.json", want: v1(t, "v1-npm6", true)},
		// npm did not install the optional fsevents on Linux: the hidden
		// lock file does not list it.
		{name: "hidden", file: "hidden/node_modules/.package-lock.json", want: demoApp(t, "hidden", false)},
		{
			name: "links",
			file: "links/package-lock.json",
			want: []inventory.Package{
				{Name: "inner", Version: "0.0.1", Ecosystem: "npm", PURL: "pkg:npm/inner@0.0.1", Relationship: dir, Scope: req,
					Directory: "links/vendor/inner", DeclaredLicense: lic("ISC")},
				{Name: "links-app", Version: "0.0.0", Ecosystem: "npm", PURL: "pkg:npm/links-app@0.0.0", Relationship: root,
					Dependencies: []string{"pkg:npm/inner@0.0.1", "pkg:npm/local-lib@2.0.0", "pkg:npm/packed@1.1.0"}},
				// Outside the project: its ms is in ../local-lib/node_modules,
				// which the lock file does not list.
				{Name: "local-lib", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/local-lib@2.0.0", Relationship: dir, Scope: req,
					Directory: "local-lib", DeclaredLicense: lic("BSD-3-Clause")},
				{Name: "packed", Version: "1.1.0", Ecosystem: "npm", PURL: "pkg:npm/packed@1.1.0", Relationship: dir, Scope: req,
					Directory:       "links/node_modules/packed",
					DeclaredLicense: &inventory.DeclaredLicense{Expression: "MIT OR Apache-2.0", Raw: "(MIT OR Apache-2.0)"},
					Hashes:          hashes(t, "sha512-D28cVx7lRVlPXs+R4pxvoxpNfslZ5ZIWX1pcOfMEY+hj7k37pdO/3MoWUBRu9EhUxJxicN5DjwYKx5xJpGXh0A=="),
					Properties:      props("resolved", "file:vendor/packed-1.1.0.tgz")},
				// A workspace (tools/*): part of the project.
				{Name: "tools-cli", Version: "0.3.0", Ecosystem: "npm", PURL: "pkg:npm/tools-cli@0.3.0", Relationship: root,
					Dependencies: []string{"pkg:npm/inner@0.0.1"}},
			},
		},
		{
			name: "sources",
			file: "sources/package-lock.json",
			want: []inventory.Package{
				{Name: "@acme/core", Version: "1.4.2", Ecosystem: "npm", PURL: "pkg:npm/%40acme/core@1.4.2", Relationship: trans, Scope: req,
					Directory: "sources/node_modules/@acme/core", DeclaredLicense: lic("Apache-2.0"),
					Dependencies: []string{"pkg:npm/%40acme/util@0.9.0"}, // react, an optional peer, is not installed
					Hashes:       hashes(t, "sha512-3pEHilsesWhk0dt7r/oJqzZ+asMB+mGkhN/XCV3vV96L7forpBX1nX52dTyAfQ/FsOiWPR/RmStpNrqTg8SXXg=="),
					Properties:   props("resolved", "https://registry.npmjs.org/@acme/core/-/core-1.4.2.tgz")},
				{Name: "@acme/util", Version: "0.9.0", Ecosystem: "npm", PURL: "pkg:npm/%40acme/util@0.9.0", Relationship: trans, Scope: req,
					Directory: "sources/node_modules/@acme/core/node_modules/@acme/util", DeclaredLicense: lic("MIT"),
					Hashes:     hashes(t, "sha512-XdVhSrfhy8CxmuPezcDPX2OfUM4XSnEhNNyobmYSBSXl8gVYQUsNI+gZ1s+xCJpVmzjW2gLESrXkt8lycy/tfQ=="),
					Properties: props("resolved", "https://registry.npmjs.org/@acme/util/-/util-0.9.0.tgz")},
				{Name: "@acme/util", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/%40acme/util@1.0.0", Relationship: dir, Scope: req,
					Directory: "sources/node_modules/@acme/util", DeclaredLicense: lic("MIT"),
					Hashes:     hashes(t, "sha512-YjJUDfeRPAqt3ey5sBV3javOUDa2WDDX2nVSI+NTYJRNxKLy1V9cBkQpdbmCKqLh7fR6T3YKOUpd5LoTdSINsg=="),
					Properties: props("resolved", "https://registry.npmjs.org/@acme/util/-/util-1.0.0.tgz")},
				{Name: "bundler", Version: "3.0.0", Ecosystem: "npm", PURL: "pkg:npm/bundler@3.0.0", Relationship: dir, Scope: req,
					Directory: "sources/node_modules/bundler", DeclaredLicense: lic("BSD-2-Clause"),
					Dependencies: []string{"pkg:npm/inside@1.0.1"},
					Hashes:       hashes(t, "sha512-t54kQ2vz15ncRPidkq9tNSVzjeU/JE4Mj48u2VbDoYYihZEDNi6gZPqiHpkcP2Vpc/5sKnD2RoH8wNp4/Ytusw=="),
					Properties:   props("resolved", "https://registry.npmjs.org/bundler/-/bundler-3.0.0.tgz")},
				{Name: "inside", Version: "1.0.1", Ecosystem: "npm", PURL: "pkg:npm/inside@1.0.1", Relationship: trans, Scope: req,
					Directory: "sources/node_modules/bundler/node_modules/inside", DeclaredLicense: lic("MIT"),
					Properties: props("bundled", "true")},
				{Name: "leftover", Version: "0.1.0", Ecosystem: "npm", PURL: "pkg:npm/leftover@0.1.0", Relationship: trans, Scope: req,
					Directory: "sources/node_modules/leftover", Properties: props("extraneous", "true")},
				{Name: "my-fork", Version: "2.1.0", Ecosystem: "npm", PURL: "pkg:npm/my-fork@2.1.0", Relationship: dir, Scope: req,
					Directory: "sources/node_modules/my-fork", DeclaredLicense: lic("MIT"),
					Dependencies: []string{"pkg:npm/%40acme/core@1.4.2"},
					Properties:   props("resolved", "git+ssh://git@github.com/acme/my-fork.git#4b7c3f0a9d2e1b6c8f5a7d3e9b1c2f4a6d8e0b13")},
				{Name: "sources", Version: "0.1.0", Ecosystem: "npm", PURL: "pkg:npm/sources@0.1.0", Relationship: root,
					DeclaredLicense: &inventory.DeclaredLicense{Expression: "LicenseRef-heng-proprietary", Raw: "UNLICENSED"},
					Dependencies: []string{
						"pkg:npm/%40acme/util@1.0.0",
						"pkg:npm/bundler@3.0.0",
						"pkg:npm/my-fork@2.1.0",
						"pkg:npm/tiny@1.0.0",
					}},
				{Name: "tiny", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/tiny@1.0.0", Relationship: dir, Scope: req,
					Directory: "sources/node_modules/tiny", DeclaredLicense: lic("ISC"),
					Hashes: hashes(t,
						"sha1-1JJ92gWvaTv/ff1Me0Dq+w75Kng=",
						"sha512-P3iyTvc8yBgJgnh9bbit5Ij6kdu6spTk/XR6Xg0Fx3AmNYmuCTqMVOce0T+E9YPDetn+IyBH8gyeB4D7/LmQVg=="),
					Properties: props("resolved", "https://registry.example.com/tiny/-/tiny-1.0.0.tgz")},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tt.file, tt.want)
		})
	}
}

func TestExtractHiddenBesideLock(t *testing.T) {
	data := `{"name": "x", "lockfileVersion": 3, "packages": {"node_modules/ms": {"version": "2.1.3"}}}`
	for _, lock := range []string{"app/package-lock.json", "app/npm-shrinkwrap.json"} {
		got, err := extractortest.ExtractBytes(Extractor{}, "app/node_modules/.package-lock.json", []byte(data), map[string]string{lock: "{}"})
		if err != nil || len(got) != 0 {
			t.Errorf("with %s: Extract = %v, %v; want nothing", lock, got, err)
		}
	}
}

func TestExtractEdgeCases(t *testing.T) {
	ms := func(rel string) inventory.Package {
		return inventory.Package{Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Relationship: rel, Scope: req, Directory: "node_modules/ms"}
	}
	tests := []struct {
		name    string
		content string
		files   map[string]string
		want    []inventory.Package
	}{
		{
			// Without package.json nothing says which packages are direct.
			name:    "v1_alone",
			content: `{"name": "x", "version": "1.0.0", "lockfileVersion": 1, "dependencies": {"ms": {"version": "2.1.3"}}}`,
			want: []inventory.Package{
				ms(""),
				{Name: "x", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/x@1.0.0", Relationship: root},
			},
		},
		{
			name:    "v1_with_manifest",
			content: `{"name": "x", "version": "1.0.0", "lockfileVersion": 1, "dependencies": {"ms": {"version": "2.1.3"}}}`,
			files:   map[string]string{"package.json": `{"name": "x", "version": "1.0.0", "license": "ISC", "devDependencies": {"ms": "^2"}}`},
			want: []inventory.Package{
				ms(dir),
				{Name: "x", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/x@1.0.0", Relationship: root,
					DeclaredLicense: lic("ISC"), Dependencies: []string{"pkg:npm/ms@2.1.3"}},
			},
		},
		{
			name: "v1_git_and_alias",
			content: `{"name": "x", "lockfileVersion": 1, "dependencies": {
				"fork": {"version": "git+https://github.com/acme/fork.git#0123abc", "from": "git+https://github.com/acme/fork.git"},
				"old": {"version": "npm:@acme/new@2.0.0", "resolved": "https://registry.npmjs.org/@acme/new/-/new-2.0.0.tgz"}}}`,
			want: []inventory.Package{
				{Name: "@acme/new", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/%40acme/new@2.0.0", Scope: req, Directory: "node_modules/old",
					Properties: props("alias", "old", "resolved", "https://registry.npmjs.org/@acme/new/-/new-2.0.0.tgz")},
				{Name: "fork", Ecosystem: "npm", PURL: "pkg:npm/fork", Scope: req, Directory: "node_modules/fork",
					Properties: props("resolved", "git+https://github.com/acme/fork.git#0123abc")},
				{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root},
			},
		},
		{
			// A hand-edited file with the version 1 tree first: "packages"
			// still wins.
			name: "dependencies_before_packages",
			content: `{"name": "x", "dependencies": {"ms": {"version": "1.0.0"}}, "packages": {
				"": {"dependencies": {"ms": "^2"}}, "node_modules/ms": {"version": "2.1.3"}}}`,
			want: []inventory.Package{
				ms(dir),
				{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root, Dependencies: []string{"pkg:npm/ms@2.1.3"}},
			},
		},
		{
			name: "repeated_key",
			content: `{"name": "x", "packages": {"": {"dependencies": {"ms": "^2"}},
				"node_modules/ms": {"version": "1.0.0"}, "node_modules/ms": {"version": "2.1.3"}}}`,
			want: []inventory.Package{
				ms(dir),
				{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root, Dependencies: []string{"pkg:npm/ms@2.1.3"}},
			},
		},
		{
			// Names npm could not install, links to nowhere and a link's
			// own entry yield no package.
			name: "bad_entries",
			content: `{"packages": {"": {"name": "x", "dependencies": {"a": "*", "b": "*", "@s/": "*", "c/d": "*"}},
				"node_modules/": {"version": "1.0.0"}, "node_modules/@s/": {"version": "1.0.0"},
				"node_modules/a": {"resolved": "nowhere", "link": true},
				"node_modules/b": {"resolved": "node_modules/a", "link": true}}}`,
			want: []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
		{
			// A workspace's own node_modules, scoped packages in scoped
			// packages, and devDependencies of a workspace.
			name: "resolution",
			content: `{"name": "x", "packages": {
				"": {"name": "x", "workspaces": ["apps/**", "!apps/skip"], "dependencies": {"@s/a": "*"}},
				"apps/web": {"name": "web", "version": "1.0.0", "devDependencies": {"ms": "^1"}, "dependencies": {"@s/a": "*"}},
				"apps/web/node_modules/ms": {"version": "1.0.0", "dev": true},
				"apps/skip": {"name": "skip", "version": "1.0.0", "dependencies": {"ms": "*"}},
				"node_modules/@s/a": {"version": "1.0.0", "dependencies": {"@s/b": "*", "ms": "*"}},
				"node_modules/@s/a/node_modules/@s/b": {"version": "2.0.0", "dependencies": {"@s/a": "*", "ms": "*"}},
				"node_modules/ms": {"version": "2.1.3"}}}`,
			want: []inventory.Package{
				{Name: "@s/a", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/%40s/a@1.0.0", Relationship: dir, Scope: req, Directory: "node_modules/@s/a",
					Dependencies: []string{"pkg:npm/%40s/b@2.0.0", "pkg:npm/ms@2.1.3"}},
				{Name: "@s/b", Version: "2.0.0", Ecosystem: "npm", PURL: "pkg:npm/%40s/b@2.0.0", Relationship: trans, Scope: req, Directory: "node_modules/@s/a/node_modules/@s/b",
					Dependencies: []string{"pkg:npm/%40s/a@1.0.0", "pkg:npm/ms@2.1.3"}},
				{Name: "ms", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/ms@1.0.0", Relationship: dir, Scope: dev, Directory: "apps/web/node_modules/ms"},
				ms(trans),
				// Excluded from the workspaces: a local package nothing needs.
				{Name: "skip", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/skip@1.0.0", Relationship: trans, Scope: req, Directory: "apps/skip",
					Dependencies: []string{"pkg:npm/ms@2.1.3"}},
				{Name: "web", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/web@1.0.0", Relationship: root,
					Dependencies: []string{"pkg:npm/%40s/a@1.0.0", "pkg:npm/ms@1.0.0"}},
				{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root, Dependencies: []string{"pkg:npm/%40s/a@1.0.0"}},
			},
		},
		{
			name:    "empty_packages",
			content: `{"name": "x", "lockfileVersion": 3, "packages": {}}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "package-lock.json", []byte(tt.content), tt.files, tt.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	ms := inventory.Package{Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Relationship: trans, Scope: req, Directory: "node_modules/ms"}
	x := inventory.Package{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}
	tests := []struct {
		name    string
		content string
		want    []inventory.Package // partial results
	}{
		{name: "empty", content: ``},
		{name: "not_json", content: `lockfileVersion: 3`},
		{name: "array", content: `[{"name": "x"}]`},
		{
			name:    "truncated",
			content: `{"name": "x", "packages": {"": {}, "node_modules/ms": {"version": "2.1.3"}, "node_modules/debug": {"vers`,
			want:    []inventory.Package{ms, x},
		},
		{
			name:    "packages_not_object",
			content: `{"name": "x", "packages": ["node_modules/ms"]}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
		{
			name:    "dependencies_not_object",
			content: `{"name": "x", "dependencies": "ms"}`,
			want:    []inventory.Package{{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root}},
		},
		{
			name:    "name_wrong_type",
			content: `{"name": 5, "packages": {"": {}, "node_modules/ms": {"version": "2.1.3"}}}`,
			want:    []inventory.Package{{Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Relationship: trans, Scope: req, Directory: "node_modules/ms"}},
		},
		{
			name: "entry_wrong_types",
			content: `{"name": "x", "packages": {"": {"dependencies": {"ms": "*", "debug": "*"}},
				"node_modules/debug": {"version": 2, "dev": "yes", "license": "MIT"},
				"node_modules/ms": {"version": "2.1.3"}}}`,
			want: []inventory.Package{
				{Name: "debug", Ecosystem: "npm", PURL: "pkg:npm/debug", Relationship: dir, Scope: req, Directory: "node_modules/debug", DeclaredLicense: lic("MIT")},
				{Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Relationship: dir, Scope: req, Directory: "node_modules/ms"},
				{Name: "x", Ecosystem: "npm", PURL: "pkg:npm/x", Relationship: root, Dependencies: []string{"pkg:npm/debug", "pkg:npm/ms@2.1.3"}},
			},
		},
		{
			name:    "v1_entry_wrong_type",
			content: `{"name": "x", "dependencies": {"a": "1.0.0", "ms": {"version": "2.1.3"}}}`,
			want:    []inventory.Package{{Name: "a", Ecosystem: "npm", PURL: "pkg:npm/a", Scope: req, Directory: "node_modules/a"}, {Name: "ms", Version: "2.1.3", Ecosystem: "npm", PURL: "pkg:npm/ms@2.1.3", Scope: req, Directory: "node_modules/ms"}, x},
		},
		{
			name:    "v1_too_deep",
			content: `{"name": "x", "dependencies": ` + strings.Repeat(`{"a": {"version": "1.0.0", "dependencies": `, 200) + `{}` + strings.Repeat(`}}`, 200) + `}`,
			want: []inventory.Package{
				{Name: "a", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/a@1.0.0", Scope: req, Directory: "node_modules/a"},
				x,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "package-lock.json", []byte(tt.content), nil)
			extractortest.WantParseError(t, err, "package-lock.json")
			if d := extractortest.Diff(tt.want, got); d != "" {
				t.Errorf("Extract(%q) diff (-want +got):\n%s", tt.content, d)
			}
		})
	}
}

// TestDeepKey: resolution from a path nested thousands of levels deep
// stops looking after maxResolveSteps directories and tries the
// project's node_modules, and takes linear time.
func TestDeepKey(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"name": "x", "packages": {"": {}, "node_modules/ms": {"version": "2.1.3"}`)
	key := "node_modules/a"
	for i := range 1000 {
		fmt.Fprintf(&b, `, %q: {"version": "1.0.0", "dependencies": {"ms": "*", "b%d": "*"}}`, key, i)
		key += "/node_modules/a"
	}
	b.WriteString(`}}`)
	got, err := extractortest.ExtractBytes(Extractor{}, "package-lock.json", []byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		if p.Name == "a" && (len(p.Dependencies) != 1 || p.Dependencies[0] != "pkg:npm/ms@2.1.3") {
			t.Fatalf("a depends on %v, want ms@2.1.3", p.Dependencies)
		}
	}
}

func TestMatchWorkspace(t *testing.T) {
	tests := []struct {
		patterns []string
		key      string
		want     bool
	}{
		{[]string{"packages/*"}, "packages/util", true},
		{[]string{"packages/*"}, "packages/util/sub", false},
		{[]string{"./packages/*/"}, "packages/util", true},
		{[]string{"packages/**"}, "packages/a/b/c", true},
		{[]string{"**/x"}, "a/b/x", true},
		{[]string{"**"}, "a", true},
		{[]string{"a/**/b/**/c"}, "a/b/x/b/y/c", true},
		{[]string{"a/**/b"}, "a/c", false},
		{[]string{"tools/cli"}, "tools/cli", true},
		{[]string{"packages/*", "!packages/old"}, "packages/old", false},
		{[]string{"packages/["}, "packages/[", false},
		{nil, "packages/util", false},
		{[]string{"packages/*"}, "../packages/util", false},
	}
	for _, tt := range tests {
		if got := matchWorkspace(tt.patterns, tt.key); got != tt.want {
			t.Errorf("matchWorkspace(%q, %q) = %v, want %v", tt.patterns, tt.key, got, tt.want)
		}
	}
}

// npmLsNode is a node of `npm ls --all --json`.
type npmLsNode struct {
	Version      string               `json:"version"`
	Dependencies map[string]npmLsNode `json:"dependencies"`
}

// TestResolutionMatchesNpm compares the dependency graph read from a real
// lock file (eslint 8 as a devDependency: 99 packages, several versions
// of some) with the one npm itself reports for it (npm ls --all
// --package-lock-only --json, in testdata/eslint/npm-ls.json).
func TestResolutionMatchesNpm(t *testing.T) {
	data, err := os.ReadFile("testdata/eslint/npm-ls.json")
	if err != nil {
		t.Fatal(err)
	}
	var ls npmLsNode
	if err := json.Unmarshal(data, &ls); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	var walk func(from string, n npmLsNode)
	walk = func(from string, n npmLsNode) {
		for name, c := range n.Dependencies {
			if c.Version == "" {
				continue // an optional peer npm did not install
			}
			to := extractor.PURL("npm", "", name, c.Version)
			want[from+" -> "+to] = true
			walk(to, c)
		}
	}
	walk("pkg:npm/lint-only@1.0.0", ls)

	got, err := extractortest.Extract(t, Extractor{}, "testdata", "eslint/package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, p := range got {
		for _, d := range p.Dependencies {
			have[p.PURL+" -> "+d] = true
		}
		// Everything is there for eslint, a devDependency.
		switch {
		case p.PURL == "pkg:npm/lint-only@1.0.0":
		case p.PURL == "pkg:npm/eslint@8.57.1":
			if p.Relationship != dir || p.Scope != dev {
				t.Errorf("%s: %s %s, want direct dev", p.PURL, p.Relationship, p.Scope)
			}
		case p.Relationship != trans || p.Scope != dev:
			t.Errorf("%s: %s %s, want transitive dev", p.PURL, p.Relationship, p.Scope)
		}
	}
	if len(got) != 100 {
		t.Errorf("%d packages, want 100 (99 and the project)", len(got))
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("dependency edges diff (-npm ls +extracted):\n%s", d)
	}
}
