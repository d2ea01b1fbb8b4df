package licenses

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/cmd/internal/cmdtest"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	lic "github.com/hengdev/heng/licenses"
)

func TestShowFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    showOptions
		wantErr string
	}{
		{name: "id", args: []string{"MIT"}, want: showOptions{ID: "MIT", Format: "text"}},
		{name: "id_kept_as_typed", args: []string{" mit "}, want: showOptions{ID: "mit", Format: "text"}},
		{name: "json_to_file", args: []string{"-f", "json", "-o", "mit.json", "MulanPSL-2.0"}, want: showOptions{ID: "MulanPSL-2.0", Format: "json", Output: "mit.json"}},
		{name: "no_id", args: nil, wantErr: "missing license id: heng licenses show <id>, for example heng licenses show MIT"},
		{name: "empty_id", args: []string{" "}, wantErr: "missing license id: heng licenses show <id>, for example heng licenses show MIT"},
		{
			name:    "quoted_expression",
			args:    []string{"MIT OR Apache-2.0"},
			wantErr: `show takes one license id, not an SPDX expression ("MIT OR Apache-2.0"); show each id on its own: MIT, Apache-2.0`,
		},
		{
			name:    "unquoted_expression",
			args:    []string{"GPL-2.0-only", "with", "Classpath-exception-2.0"},
			wantErr: `show takes one license id, not an SPDX expression ("GPL-2.0-only with Classpath-exception-2.0"); show each id on its own: GPL-2.0-only, Classpath-exception-2.0`,
		},
		{
			name:    "parenthesized",
			args:    []string{"(MIT)"},
			wantErr: `show takes one license id, not an SPDX expression ("(MIT)"); show each id on its own: MIT`,
		},
		{name: "two_ids", args: []string{"MIT", "ISC"}, wantErr: "show takes one license id, got 2: MIT, ISC"},
		{name: "bad_format", args: []string{"--format", "table", "MIT"}, wantErr: `unknown format "table" for --format; available: text, json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdShow, tt.args...)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				var fe *cmdutil.FlagError
				if !errors.As(err, &fe) {
					t.Errorf("error %v is not a FlagError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("runF was not called")
			}
			if d := cmp.Diff(tt.want, *got, cmpopts.IgnoreFields(showOptions{}, "IO")); d != "" {
				t.Errorf("options (-want +got):\n%s", d)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		id, wantID, wantErr string
		exception           bool
	}{
		{id: "MIT", wantID: "MIT"},
		{id: "mit", wantID: "MIT"},
		{id: "APACHE-2.0", wantID: "Apache-2.0"},
		{id: "mulanpsl-2.0", wantID: "MulanPSL-2.0"},
		{id: "licenseref-mulanpubl-2.0", wantID: "LicenseRef-MulanPubL-2.0"},
		{id: "gpl-2.0+", wantID: "GPL-2.0+"},
		{id: "classpath-exception-2.0", wantID: "Classpath-exception-2.0", exception: true},
		{id: "apache2", wantErr: `unknown license "apache2"; did you mean Apache-2.0, Apache-1.0, Apache-1.1?`},
		{id: "mulanpsl2", wantErr: `unknown license "mulanpsl2"; did you mean MulanPSL-2.0, MulanPSL-1.0?`},
		{id: "qqqqqqqqqqqq", wantErr: `unknown license "qqqqqqqqqqqq"; to search the names, run: heng licenses --search "qqqqqqqqqqqq"`},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			info, err := lookup(tt.id)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("lookup(%q) error = %v, want %q", tt.id, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if info.ID != tt.wantID || info.Exception != tt.exception {
				t.Errorf("lookup(%q) = %s (exception %v), want %s (exception %v)", tt.id, info.ID, info.Exception, tt.wantID, tt.exception)
			}
		})
	}
}

// show runs `licenses show args...` through the whole command tree.
func show(t *testing.T, ios *iostreams.IOStreams, args ...string) (string, string, error) {
	t.Helper()
	return execute(t, ios, append([]string{"show"}, args...)...)
}

func TestShowText(t *testing.T) {
	stdout, stderr, err := show(t, newIO(), "mulanpsl-2.0")
	if err != nil {
		t.Fatal(err)
	}
	if stderr != "" {
		t.Errorf("stderr = %q", stderr)
	}
	wantHead := `MulanPSL-2.0
Name:         Mulan Permissive Software License, Version 2
Chinese name: 木兰宽松许可证，第2版
Category:     permissive (宽松型)
Obligations:  You may use, change and redistribute the work, also inside
              closed-source products, and sell it. Keep the copyright and
              license notices in the copies you distribute (for binaries, in the
              documentation or an "about" screen). Some licenses also ask you to
              state your changes, credit the authors in advertising, not use
              their names to endorse your product, or rename modified versions.
              You never have to publish source code.
Why:          keep notices; patent licence; no copyleft
OSI:          approved
Deprecated:   no
URL:          https://license.coscl.org.cn/MulanPSL2
Source:       SPDX License List 3.28.0

`
	head, text, ok := strings.Cut(stdout, "\n\n")
	if !ok {
		t.Fatalf("no blank line before the text:\n%s", stdout)
	}
	if d := cmp.Diff(wantHead, head+"\n\n"); d != "" {
		t.Errorf("fields (-want +got):\n%s", d)
	}
	want, _ := lic.Text("MulanPSL-2.0")
	if !strings.HasSuffix(want, "\n") {
		want += "\n"
	}
	if text != want {
		t.Errorf("text is not licenses.Text(MulanPSL-2.0):\n%.300s", text)
	}
	if !strings.Contains(text, "木兰宽松许可证") || !strings.Contains(text, "Mulan Permissive Software License") {
		t.Errorf("text lacks its Chinese or English half")
	}
}

func TestShowVariants(t *testing.T) {
	tests := []struct {
		name     string
		id       string
		want     []string // lines stdout must have
		wantNot  []string
		wantTail string // stdout must end with this
	}{
		{
			name: "deprecated",
			id:   "gpl-2.0",
			want: []string{"GPL-2.0", "Name:         GNU General Public License v2.0 only", "Category:     strong-copyleft (强著佐权)", "Deprecated:   yes; use GPL-2.0-only instead", "OSI:          approved"},
		},
		{
			name: "deprecated_without_replacement",
			id:   "Net-SNMP",
			want: []string{"Deprecated:   yes; SPDX names no single replacement"},
		},
		{
			name:     "exception",
			id:       "classpath-exception-2.0",
			want:     []string{"Classpath-exception-2.0", "Kind:         license exception (used after WITH)", "Category:     unknown (exceptions have no category of their own)", "Obligations:  An exception adds to or relaxes the license it is attached to with"},
			wantNot:  []string{"OSI:", "Why:", "URL:"},
			wantTail: "Text:         heng ships no text for Classpath-exception-2.0\n",
		},
		{
			name:     "heng_licenseref_without_text",
			id:       "LicenseRef-MulanOWL-BY-PL-1.0",
			want:     []string{"Chinese name: 木兰开放作品许可协议 署名-专利许可，第1版", "Source:       heng (a LicenseRef heng defines; not on the SPDX License List)", "OSI:          not approved"},
			wantTail: "Text:         heng ships no text for LicenseRef-MulanOWL-BY-PL-1.0\n",
		},
		{
			name: "network_copyleft",
			id:   "LicenseRef-MulanPubL-2.0",
			want: []string{"Category:     network-copyleft (网络著佐权)", "Why:          its definition of Distribution includes providing online services"},
		},
		{
			name:     "mit_text",
			id:       "mit",
			want:     []string{"MIT", "Name:         MIT License", "Category:     permissive (宽松型)", "MIT License", "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and"},
			wantNot:  []string{"Chinese name:", "Why:"},
			wantTail: "USE OR OTHER DEALINGS IN THE SOFTWARE.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, err := show(t, newIO(), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(stdout, "\n")
			for _, w := range tt.want {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) }) {
					t.Errorf("no line starting %q in:\n%s", w, stdout)
				}
			}
			for _, w := range tt.wantNot {
				if slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) }) {
					t.Errorf("a line starts %q in:\n%s", w, stdout)
				}
			}
			if !strings.HasSuffix(stdout, tt.wantTail) {
				t.Errorf("stdout ends %q, want %q", stdout[max(0, len(stdout)-80):], tt.wantTail)
			}
		})
	}
}

func TestShowJSON(t *testing.T) {
	stdout, _, err := show(t, newIO(), "--format", "json", "Mit")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("decode %q: %v", stdout, err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	wantKeys := slices.Sorted(slices.Values(append(slices.Clone(jsonKeys), "obligations", "text")))
	if d := cmp.Diff(wantKeys, keys); d != "" {
		t.Errorf("keys (-want +got):\n%s", d)
	}
	text, _ := lic.Text("MIT")
	want := map[string]any{
		"id":           "MIT",
		"name":         "MIT License",
		"name_zh":      "",
		"category":     "permissive",
		"reason":       "",
		"osi_approved": true,
		"deprecated":   false,
		"replacement":  "",
		"exception":    false,
		"url":          "https://opensource.org/license/mit/",
		"has_text":     true,
		"source":       "spdx",
		"obligations":  CategoryDescription(lic.Permissive),
		"text":         text,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("JSON (-want +got):\n%s", d)
	}

	// An exception: no text, has_text false, unknown category.
	stdout, _, err = show(t, newIO(), "--format", "json", "LLVM-exception")
	if err != nil {
		t.Fatal(err)
	}
	var exc jsonShow
	if err := json.Unmarshal([]byte(stdout), &exc); err != nil {
		t.Fatal(err)
	}
	if !exc.Exception || exc.HasText || exc.Text != "" || exc.Category != "unknown" || exc.Obligations != exceptionObligations {
		t.Errorf("LLVM-exception = %+v", exc)
	}
}

func TestShowUnknown(t *testing.T) {
	stdout, stderr, err := show(t, newIO(), "apache2")
	want := `unknown license "apache2"; did you mean Apache-2.0, Apache-1.0, Apache-1.1?`
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		t.Errorf("an unknown id is bad input, not a usage mistake: no help hint")
	}
	if stdout != "" || stderr != "" {
		t.Errorf("stdout = %q, stderr = %q; want nothing (cli prints the error)", stdout, stderr)
	}
}

func TestShowOutputFile(t *testing.T) {
	ios := newIO()
	ios.SetStdoutTTY(true) // files never get colour
	path := filepath.Join(t.TempDir(), "mit.txt")
	stdout, _, err := show(t, ios, "-o", path, "MIT")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing with -o", stdout)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "MIT\nName:         MIT License\n") {
		t.Errorf("file starts %q", data[:min(len(data), 60)])
	}

	// On a colour terminal, only the id is bold.
	ios = newIO()
	ios.SetStdoutTTY(true)
	stdout, _, err = show(t, ios, "MIT")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "\x1b[1mMIT\x1b[0m\nName:         MIT License\n") {
		t.Errorf("stdout starts %q", stdout[:60])
	}
}
