package pkginfo

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/scanner/inventory"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []Field
		wantErr  bool
	}{{
		name: "fields_and_body",
		in:   "Metadata-Version: 2.1\nName: x\nVersion:1.0\n\nLicense: body\n",
		want: []Field{{"Metadata-Version", "2.1"}, {"Name", "x"}, {"Version", "1.0"}},
	}, {
		name: "continuation",
		in:   "License: MIT\n        \n        more\n\tand more \nName: x\n",
		want: []Field{{"License", "MIT\n\nmore\nand more"}, {"Name", "x"}},
	}, {
		name: "crlf_bom",
		in:   "\ufeffName: x\r\nVersion: 1\r\n\r\nbody\r\n",
		want: []Field{{"Name", "x"}, {"Version", "1"}},
	}, {
		name: "no_final_newline",
		in:   "Name: x\nVersion: 1",
		want: []Field{{"Name", "x"}, {"Version", "1"}},
	}, {
		name: "colon_in_value",
		in:   "Project-URL: Source, https://example.com/x\n",
		want: []Field{{"Project-URL", "Source, https://example.com/x"}},
	}, {
		// The description without the empty line before it.
		name: "not_a_field",
		in:   "Name: x\n.. image:: https://example.com/badge.svg\nVersion: 1\n",
		want: []Field{{"Name", "x"}},
	}, {
		name: "space_in_key",
		in:   "Bad Key: x\n",
	}, {
		name: "continuation_first",
		in:   "\tName: x\n",
	}, {
		name:    "line_too_long",
		in:      "Name: x\nSummary: " + strings.Repeat("x", maxLine) + "\n",
		want:    []Field{{"Name", "x"}},
		wantErr: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(tc.in))
			if (err != nil) != tc.wantErr {
				t.Errorf("Parse() error = %v, want error %v", err, tc.wantErr)
			}
			if d := cmp.Diff(tc.want, m.Fields, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("Parse() diff (-want +got):\n%s", d)
			}
		})
	}
}

func TestGetAll(t *testing.T) {
	m, err := Parse(strings.NewReader("classifier: a\nClassifier: b\nName: x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Get("CLASSIFIER"); got != "a" {
		t.Errorf("Get = %q, want a", got)
	}
	if got := m.All("Classifier"); !cmp.Equal(got, []string{"a", "b"}) {
		t.Errorf("All = %q", got)
	}
	if got := m.Get("Version"); got != "" {
		t.Errorf("Get(Version) = %q", got)
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"PyYAML":            "pyyaml",
		"zope.interface":    "zope-interface",
		"typing_extensions": "typing-extensions",
		"Foo__Bar-.-baz":    "foo-bar-baz",
		"a":                 "a",
		"":                  "",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidName(t *testing.T) {
	for in, want := range map[string]bool{
		"requests": true, "zope.interface": true, "A_b-c.9": true, "x": true,
		"": false, "-x": false, "x-": false, "x y": false, "x/y": false, "é": false, "x@1": false,
	} {
		if got := ValidName(in); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestScopeOfName(t *testing.T) {
	for in, want := range map[string]string{
		"requirements-dev":   inventory.ScopeDev,
		"dev-requirements":   inventory.ScopeDev,
		"requirements_test":  inventory.ScopeTest,
		"test-requirements":  inventory.ScopeTest,
		"Tests":              inventory.ScopeTest,
		"docs":               inventory.ScopeDev,
		"lint":               inventory.ScopeDev,
		"typing":             inventory.ScopeDev,
		"test-dev":           inventory.ScopeDev,
		"requirements":       "",
		"latest":             "",
		"devices":            "",
		"contest":            "",
		"requirements-prod":  "",
		"":                   "",
		"requirements.dev":   inventory.ScopeDev,
		"requirements-tests": inventory.ScopeTest,
	} {
		if got := ScopeOfName(in); got != want {
			t.Errorf("ScopeOfName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDevGroupScope(t *testing.T) {
	for in, want := range map[string]string{
		"dev":        inventory.ScopeDev,
		"docs":       inventory.ScopeDev,
		"test":       inventory.ScopeTest,
		"Tests":      inventory.ScopeTest,
		"test-dev":   inventory.ScopeDev,
		"lint":       inventory.ScopeDev,
		"benchmarks": inventory.ScopeDev,
		"":           inventory.ScopeDev,
	} {
		if got := DevGroupScope(in); got != want {
			t.Errorf("DevGroupScope(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeclaredLicense(t *testing.T) {
	for _, tc := range []struct {
		name        string
		text        string
		classifiers []string
		want        *inventory.DeclaredLicense
	}{
		{name: "nothing"},
		{name: "unknown_placeholder", text: "UNKNOWN"},
		{name: "none_placeholder", text: "None", classifiers: []string{"Topic :: Utilities"}},
		{name: "text_known", text: "Apache 2.0", classifiers: []string{"License :: OSI Approved :: Apache Software License"},
			want: &inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "Apache 2.0"}},
		{name: "classifier_known", text: "Copyright (c) 2020 Foo", classifiers: []string{"License :: OSI Approved :: MIT License"},
			want: &inventory.DeclaredLicense{Expression: "MIT", Raw: "License :: OSI Approved :: MIT License"}},
		{name: "text_first_line", text: "\nMIT License\n\nCopyright (c) 2020 Foo\n\nPermission is hereby granted",
			want: &inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT License"}},
		{name: "both_unknown_text_wins", text: "BSD", classifiers: []string{"License :: OSI Approved :: BSD License"},
			want: &inventory.DeclaredLicense{Expression: "LicenseRef-heng-unknown-bsd", Raw: "BSD"}},
		{name: "classifiers_only_unknown", classifiers: []string{"License :: OSI Approved :: BSD License"},
			want: &inventory.DeclaredLicense{Expression: "LicenseRef-heng-unknown-bsd", Raw: "License :: OSI Approved :: BSD License"}},
		{name: "classifier_spaces", classifiers: []string{"License  ::  OSI Approved :: MIT License "},
			want: &inventory.DeclaredLicense{Expression: "MIT", Raw: "License :: OSI Approved :: MIT License"}},
		{name: "generic_dropped", classifiers: []string{"License :: OSI Approved", "License :: OSI Approved :: ISC License (ISCL)"},
			want: &inventory.DeclaredLicense{Expression: "ISC", Raw: "License :: OSI Approved :: ISC License (ISCL)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := DeclaredLicense(tc.text, tc.classifiers)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("DeclaredLicense(%q, %q) diff (-want +got):\n%s", tc.text, tc.classifiers, d)
			}
		})
	}
}
