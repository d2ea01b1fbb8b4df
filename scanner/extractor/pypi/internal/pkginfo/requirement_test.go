package pkginfo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/scanner/inventory"
)

func TestParseRequirement(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Requirement
		wantErr bool
	}{
		{in: "requests", want: Requirement{Name: "requests"}},
		{in: "requests==2.31.0", want: Requirement{Name: "requests", Specifier: "==2.31.0"}},
		{in: "  Django >= 4.2 , < 5.0  ", want: Requirement{Name: "Django", Specifier: ">=4.2,<5.0"}},
		{in: "requests[socks, security]~=2.31", want: Requirement{Name: "requests", Extras: []string{"socks", "security"}, Specifier: "~=2.31"}},
		{in: "requests [ ] >1", want: Requirement{Name: "requests", Specifier: ">1"}},
		{in: "typing-extensions (>=3.7.4.2)", want: Requirement{Name: "typing-extensions", Specifier: ">=3.7.4.2"}},
		{in: "flake8 (<5,>=3.7.8) ; extra == 'dev'", want: Requirement{Name: "flake8", Specifier: "<5,>=3.7.8", Marker: "extra == 'dev'"}},
		{in: `pywin32>=306; sys_platform == "win32" and python_version >= "3.8"`,
			want: Requirement{Name: "pywin32", Specifier: ">=306", Marker: `sys_platform == "win32" and python_version >= "3.8"`}},
		{in: "pip @ https://github.com/pypa/pip/archive/22.0.2.zip",
			want: Requirement{Name: "pip", URL: "https://github.com/pypa/pip/archive/22.0.2.zip"}},
		{in: "name[fred,bar] @ http://foo.com ; python_version=='2.7'",
			want: Requirement{Name: "name", Extras: []string{"fred", "bar"}, URL: "http://foo.com", Marker: "python_version=='2.7'"}},
		{in: "torch===2.0.0+cpu", want: Requirement{Name: "torch", Specifier: "===2.0.0+cpu"}},
		{in: "numpy==1.*", want: Requirement{Name: "numpy", Specifier: "==1.*"}},
		{in: "a!=1.0.post1,!=2.0.dev3", want: Requirement{Name: "a", Specifier: "!=1.0.post1,!=2.0.dev3"}},
		{in: "", wantErr: true},
		{in: "-e .", wantErr: true},
		{in: "./local/path", wantErr: true},
		{in: "https://example.com/x.whl", wantErr: true},
		{in: "requests[socks", wantErr: true},
		{in: "requests[so cks]", wantErr: true},
		{in: "requests 2.31", wantErr: true},
		{in: "requests=2.31", wantErr: true},
		{in: "requests==", wantErr: true},
		{in: "requests==1 ;", wantErr: true},
		{in: "requests (>=1", wantErr: true},
		{in: "x @", wantErr: true},
		{in: "x @ http://a b", wantErr: true},
		{in: "x @ http://a ;", wantErr: true},
		{in: "x==1$", wantErr: true},
	} {
		got, err := ParseRequirement(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseRequirement(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if d := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("ParseRequirement(%q) diff (-want +got):\n%s", tc.in, d)
		}
	}
}

func TestPinned(t *testing.T) {
	for spec, want := range map[string]string{
		"==1.2.3":       "1.2.3",
		"===1.0+local":  "1.0+local",
		"==1.*":         "",
		">=1":           "",
		"==1,!=1.1":     "",
		"~=1.2":         "",
		"":              "",
		"==1.0.0.post1": "1.0.0.post1",
	} {
		got, ok := Requirement{Name: "x", Specifier: spec}.Pinned()
		if got != want || ok != (want != "") {
			t.Errorf("Pinned(%q) = %q, %v; want %q", spec, got, ok, want)
		}
	}
}

func TestRequirementPackage(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want inventory.Package
	}{{
		in: "PyYAML==6.0.1",
		want: inventory.Package{Name: "pyyaml", Version: "6.0.1", Ecosystem: "pypi", PURL: "pkg:pypi/pyyaml@6.0.1",
			Relationship: "direct", Scope: "required"},
	}, {
		in: "Requests[Socks,use_chardet]>=2 ; python_version < '3.9'",
		want: inventory.Package{Name: "requests", Ecosystem: "pypi", PURL: "pkg:pypi/requests",
			Relationship: "direct", Scope: "required",
			Properties: []inventory.Property{
				{Name: "constraint", Value: ">=2"},
				{Name: "marker", Value: "python_version < '3.9'"},
				{Name: "extras", Value: "socks,use-chardet"},
			}},
	}, {
		in: "torch @ https://user:s3cret@download.example.com/whl/cpu/torch-2.1.0%2Bcpu-cp311-cp311-linux_x86_64.whl#sha256=abc",
		want: inventory.Package{Name: "torch", Version: "2.1.0+cpu", Ecosystem: "pypi", PURL: "pkg:pypi/torch@2.1.0%2Bcpu",
			Relationship: "direct", Scope: "required",
			Properties: []inventory.Property{
				{Name: "url", Value: "https://download.example.com/whl/cpu/torch-2.1.0%2Bcpu-cp311-cp311-linux_x86_64.whl#sha256=abc"},
			}},
	}, {
		in: "other @ https://example.com/torch-2.1.0-py3-none-any.whl",
		want: inventory.Package{Name: "other", Ecosystem: "pypi", PURL: "pkg:pypi/other",
			Relationship: "direct", Scope: "required",
			Properties: []inventory.Property{{Name: "url", Value: "https://example.com/torch-2.1.0-py3-none-any.whl"}}},
	}} {
		r, err := ParseRequirement(tc.in)
		if err != nil {
			t.Fatalf("ParseRequirement(%q): %v", tc.in, err)
		}
		if d := cmp.Diff(tc.want, r.Package(inventory.ScopeRequired), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("Package(%q) diff (-want +got):\n%s", tc.in, d)
		}
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/x.whl":                       "https://example.com/x.whl",
		"https://__token__:pypi-abc@example.com/simple":   "https://example.com/simple",
		"git+https://ghp_abc@github.com/o/r.git@v1#egg=r": "git+https://github.com/o/r.git@v1#egg=r",
		"git+ssh://git@github.com/o/r.git":                "git+ssh://github.com/o/r.git",
		"git+https://github.com/o/r.git@v1.0":             "git+https://github.com/o/r.git@v1.0",
		"file:///tmp/x.whl":                               "file:///tmp/x.whl",
		"https://${TOKEN}@example.com/x.whl":              "https://example.com/x.whl",
		"https://a@b:c@example.com/x?u=a@b":               "https://example.com/x?u=a@b",
		"no scheme user@example.com":                      "no scheme user@example.com",
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWheelFilename(t *testing.T) {
	for _, tc := range []struct {
		in, name, version string
	}{
		{"requests-2.31.0-py3-none-any.whl", "requests", "2.31.0"},
		{"https://x/y/numpy-1.26.0-1-cp311-cp311-manylinux_2_17_x86_64.whl?x=1", "numpy", "1.26.0"},
		{"./dist/my_pkg-0.1.0-py3-none-any.whl", "my_pkg", "0.1.0"},
		{"requests-2.31.0.tar.gz", "", ""},
		{"requests-2.31.0-py3.whl", "", ""},
		{"", "", ""},
	} {
		name, version, ok := WheelFilename(tc.in)
		if name != tc.name || version != tc.version || ok != (tc.name != "") {
			t.Errorf("WheelFilename(%q) = %q, %q, %v; want %q, %q", tc.in, name, version, ok, tc.name, tc.version)
		}
	}
}
