package licenses

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	lic "github.com/hengdev/heng/licenses"
)

// execute runs `licenses args...` with ios and returns stdout, stderr and
// the error.
func execute(t *testing.T, ios *iostreams.IOStreams, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	out, errOut := ios.Out.(*bytes.Buffer), ios.ErrOut.(*bytes.Buffer)
	cmd := NewCmdLicenses(&cmdutil.Factory{IOStreams: ios}, nil)
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceErrors = true
	cmd.SilenceUsage = true
	_, err = cmd.ExecuteC()
	return out.String(), errOut.String(), err
}

func newIO() *iostreams.IOStreams {
	ios, _, _, _ := iostreams.Test()
	return ios
}

func TestListFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    listOptions
		wantErr string
	}{
		{name: "defaults", args: nil, want: listOptions{Format: "table"}},
		{
			name: "all_flags",
			args: []string{"--format", "json", "-o", "l.json", "--category", "permissive", "--osi", "--exceptions", "--deprecated", "--search", "  mulan psl ", "--wide"},
			want: listOptions{Format: "json", Output: "l.json", Categories: []lic.Category{lic.Permissive}, OSI: true, Exceptions: true, Deprecated: true, Search: "mulan psl", Wide: true},
		},
		{
			name: "categories_repeated_and_comma_separated",
			args: []string{"--category", "Network-Copyleft, weak-copyleft", "--category", "network-copyleft", "--category=public-domain"},
			want: listOptions{Format: "table", Categories: []lic.Category{lic.NetworkCopyleft, lic.WeakCopyleft, lic.PublicDomain}},
		},
		{name: "short_format", args: []string{"-f", "json"}, want: listOptions{Format: "json"}},
		{name: "list_subcommand", args: []string{"list", "--osi", "--category", "permissive"}, want: listOptions{Format: "table", OSI: true, Categories: []lic.Category{lic.Permissive}}},
		{
			name:    "bad_category",
			args:    []string{"--category", "permissive,copyleft"},
			wantErr: `unknown category "copyleft" for --category; available: public-domain, permissive, weak-copyleft, strong-copyleft, network-copyleft, source-available, proprietary, unknown`,
		},
		{name: "bad_format", args: []string{"--format", "text"}, wantErr: `unknown format "text" for --format; available: table, json`},
		{name: "license_id_as_argument", args: []string{"mit"}, wantErr: `unknown command "mit" for "licenses"; to show a license, run "heng licenses show MIT"`},
		{name: "mistyped_subcommand", args: []string{"shwo"}, wantErr: `unknown command "shwo" for "licenses"; did you mean "show"?`},
		{name: "argument_to_list", args: []string{"list", "gpl"}, wantErr: `unknown command "gpl" for "licenses list"`},
		{name: "show_flag_is_not_list_flag", args: []string{"--text"}, wantErr: `unknown flag: --text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *listOptions
			cmd := NewCmdLicenses(&cmdutil.Factory{IOStreams: ios}, func(o *listOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			cmd.SilenceErrors = true
			cmd.SilenceUsage = true
			_, err := cmd.ExecuteC()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				var fe *cmdutil.FlagError
				if !strings.HasPrefix(tt.wantErr, "unknown flag") && !errors.As(err, &fe) {
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
			if got.IO != ios {
				t.Errorf("options.IO is not the factory's IOStreams")
			}
			if d := cmp.Diff(tt.want, *got, cmpopts.IgnoreFields(listOptions{}, "IO"), cmpopts.EquateEmpty()); d != "" {
				t.Errorf("options (-want +got):\n%s", d)
			}
		})
	}
}

func ids(infos []lic.Info) []string {
	var out []string
	for _, info := range infos {
		out = append(out, info.ID)
	}
	return out
}

func TestFilter(t *testing.T) {
	all := lic.All()
	mulanZH := []string{
		"LicenseRef-MulanOWL-BY-1.0", "LicenseRef-MulanOWL-BY-PL-1.0", "LicenseRef-MulanOWL-BY-SA-1.0",
		"LicenseRef-MulanPubL-1.0", "LicenseRef-MulanPubL-2.0", "MulanPSL-1.0", "MulanPSL-2.0",
	}
	tests := []struct {
		name       string
		opts       listOptions
		want       []string // exactly these ids, in this order
		contains   []string // or: at least these
		excludes   []string // and none of these
		wantHidden int
	}{
		{
			name:     "default_hides_deprecated_and_exceptions",
			contains: []string{"MIT", "Apache-2.0", "GPL-2.0-only", "MulanPSL-2.0", "LicenseRef-MulanPubL-2.0", "LicenseRef-heng-proprietary"},
			excludes: []string{"GPL-2.0", "GPL-2.0+", "wxWindows", "Classpath-exception-2.0"},
			// 32 deprecated SPDX license ids (docs/licenses.md)
			wantHidden: 32,
		},
		{
			name:     "deprecated_included",
			opts:     listOptions{Deprecated: true},
			contains: []string{"MIT", "GPL-2.0", "GPL-2.0+", "Net-SNMP"},
			excludes: []string{"Classpath-exception-2.0"},
		},
		{
			name:     "network_copyleft",
			opts:     listOptions{Categories: []lic.Category{lic.NetworkCopyleft}},
			contains: []string{"AGPL-3.0-only", "AGPL-3.0-or-later", "EUPL-1.2", "LicenseRef-MulanPubL-1.0", "LicenseRef-MulanPubL-2.0"},
			excludes: []string{"MIT", "GPL-3.0-only", "AGPL-3.0"},
			// AGPL-1.0 and AGPL-3.0
			wantHidden: 2,
		},
		{
			name:     "two_categories",
			opts:     listOptions{Categories: []lic.Category{lic.PublicDomain, lic.Proprietary}},
			contains: []string{"CC0-1.0", "Unlicense", "LicenseRef-heng-public-domain", "LicenseRef-heng-proprietary"},
			excludes: []string{"MIT", "AGPL-3.0-only"},
		},
		{
			name:     "osi",
			opts:     listOptions{OSI: true},
			contains: []string{"MIT", "Apache-2.0", "MulanPSL-2.0"},
			excludes: []string{"MulanPSL-1.0", "LicenseRef-MulanPubL-2.0", "CC0-1.0", "GPL-2.0"},
			// 149 OSI-approved SPDX ids, 13 of them deprecated (GPL-2.0, ...)
			wantHidden: 13,
		},
		{
			name: "osi_and_category",
			opts: listOptions{OSI: true, Categories: []lic.Category{lic.NetworkCopyleft}, Search: "affero"},
			want: []string{"AGPL-3.0-only", "AGPL-3.0-or-later"},
			// AGPL-3.0
			wantHidden: 1,
		},
		{name: "search_chinese", opts: listOptions{Search: "木兰"}, want: mulanZH},
		{name: "search_chinese_words", opts: listOptions{Search: "木兰 宽松"}, want: []string{"MulanPSL-1.0", "MulanPSL-2.0"}},
		{
			name: "search_english_any_case",
			opts: listOptions{Search: "MULAN"},
			want: slices.Insert(slices.Clone(mulanZH), 2, "LicenseRef-MulanOWL-BY-PL-SA-1.0"),
		},
		{name: "search_every_word", opts: listOptions{Search: "mulan public 2"}, want: []string{"LicenseRef-MulanPubL-2.0"}},
		{name: "search_without_punctuation", opts: listOptions{Search: "mulanpsl2"}, want: []string{"MulanPSL-2.0"}},
		{name: "search_id", opts: listOptions{Search: "apache-2"}, want: []string{"Apache-2.0"}},
		{name: "search_nothing", opts: listOptions{Search: "no such license anywhere"}, want: nil},
		{name: "search_deprecated_only", opts: listOptions{Search: "wxwindows"}, want: nil, wantHidden: 1},
		{
			name:     "exceptions",
			opts:     listOptions{Exceptions: true},
			contains: []string{"Classpath-exception-2.0", "LLVM-exception", "GCC-exception-3.1"},
			excludes: []string{"MIT", "Nokia-Qt-exception-1.1"},
			// Nokia-Qt-exception-1.1
			wantHidden: 1,
		},
		{name: "exceptions_search", opts: listOptions{Exceptions: true, Search: "classpath"}, want: []string{"Classpath-exception-2.0"}},
		{name: "exceptions_osi", opts: listOptions{Exceptions: true, OSI: true}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, hidden := filter(all, &tt.opts)
			got := ids(shown)
			if tt.want != nil || (tt.contains == nil && tt.excludes == nil) {
				if d := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); d != "" {
					t.Errorf("ids (-want +got):\n%s", d)
				}
			}
			for _, id := range tt.contains {
				if !slices.Contains(got, id) {
					t.Errorf("%s not listed", id)
				}
			}
			for _, id := range tt.excludes {
				if slices.Contains(got, id) {
					t.Errorf("%s listed", id)
				}
			}
			if hidden != tt.wantHidden {
				t.Errorf("hidden deprecated = %d, want %d", hidden, tt.wantHidden)
			}
			if !slices.IsSortedFunc(shown, func(a, b lic.Info) int {
				return strings.Compare(strings.ToLower(a.ID), strings.ToLower(b.ID))
			}) {
				t.Errorf("not sorted by id: %q", got)
			}
		})
	}
}

func TestListTable(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			name: "chinese_names_follow_english",
			args: []string{"--search", "mulan psl"},
			want: `ID            CATEGORY    OSI  NAME
MulanPSL-1.0  permissive       Mulan Permissive Software License, Version 1 (木兰宽松许可证，第1版)
MulanPSL-2.0  permissive  yes  Mulan Permissive Software License, Version 2 (木兰宽松许可证，第2版)
`,
		},
		{
			// The Chinese column is padded by display width: 木 takes
			// two columns, so the English names start aligned.
			name: "wide_with_deprecated",
			args: []string{"--search", "mulan pub", "--wide", "--deprecated", "--category", "network-copyleft"},
			want: `ID                        CATEGORY          OSI  DEPRECATED  NAME                             NAME_ZH
LicenseRef-MulanPubL-1.0  network-copyleft                   Mulan Public License, Version 1  木兰公共许可证，第1版
LicenseRef-MulanPubL-2.0  network-copyleft                   Mulan Public License, Version 2  木兰公共许可证，第2版
`,
		},
		{
			name: "deprecated_with_replacements",
			args: []string{"--search", "gpl-3.0", "--deprecated", "--category", "strong-copyleft"},
			want: `ID                               CATEGORY         OSI  DEPRECATED                                    NAME
GPL-3.0                          strong-copyleft  yes  use GPL-3.0-only                              GNU General Public License v3.0 only
GPL-3.0+                         strong-copyleft  yes  use GPL-3.0-or-later                          GNU General Public License v3.0 or later
GPL-3.0-only                     strong-copyleft  yes                                                GNU General Public License v3.0 only
GPL-3.0-or-later                 strong-copyleft  yes                                                GNU General Public License v3.0 or later
GPL-3.0-with-autoconf-exception  strong-copyleft       use GPL-3.0-only WITH Autoconf-exception-3.0  GNU General Public License v3.0 w/Autoconf exception
`,
		},
		{
			name: "exceptions_have_no_category_or_osi_columns",
			args: []string{"--exceptions", "--search", "classpath"},
			want: `ID                       NAME
Classpath-exception-2.0  Classpath exception 2.0
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			stdout, stderr, err := execute(t, ios, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, stdout); d != "" {
				t.Errorf("stdout (-want +got):\n%s", d)
			}
			if stderr != "" {
				t.Errorf("stderr = %q, want nothing when not on a terminal", stderr)
			}
		})
	}
}

func TestListTerminal(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	ios.SetStdoutTTY(true)
	ios.SetStderrTTY(true)
	ios.SetTerminalWidth(60)
	stdout, stderr, err := execute(t, ios, "--search", "mulan psl")
	if err != nil {
		t.Fatal(err)
	}
	// Bold header; names cut to fit 60 columns, counting 木 as two.
	want := "\x1b[1mID            CATEGORY    OSI  NAME\x1b[0m\n" +
		"MulanPSL-1.0  permissive       Mulan Permissive Software...\n" +
		"MulanPSL-2.0  permissive  yes  Mulan Permissive Software...\n"
	if d := cmp.Diff(want, stdout); d != "" {
		t.Errorf("stdout (-want +got):\n%s", d)
	}
	wantFooter := "\x1b[90m2 shown; heng knows 727 licenses (SPDX License List " + lic.ListVersion + ") and 18 heng LicenseRefs\x1b[0m\n"
	if d := cmp.Diff(wantFooter, stderr); d != "" {
		t.Errorf("stderr (-want +got):\n%s", d)
	}

	// --wide never cuts; NO_COLOR-like --no-color drops the escapes.
	ios, _, _, _ = iostreams.Test()
	ios.SetStdoutTTY(true)
	ios.SetNoColor(true)
	ios.SetTerminalWidth(60)
	stdout, _, err = execute(t, ios, "--search", "mulanpsl-2", "--wide")
	if err != nil {
		t.Fatal(err)
	}
	want = "ID            CATEGORY    OSI  NAME                                          NAME_ZH\n" +
		"MulanPSL-2.0  permissive  yes  Mulan Permissive Software License, Version 2  木兰宽松许可证，第2版\n"
	if d := cmp.Diff(want, stdout); d != "" {
		t.Errorf("--wide stdout (-want +got):\n%s", d)
	}
}

func TestListFooter(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		tty, quiet bool
		wantStderr string
	}{
		{
			name:       "all",
			tty:        true,
			wantStderr: "713 shown, 32 deprecated hidden (--deprecated shows them); heng knows 727 licenses (SPDX License List 3.28.0) and 18 heng LicenseRefs\n",
		},
		{
			name:       "deprecated",
			args:       []string{"--deprecated"},
			tty:        true,
			wantStderr: "745 shown; heng knows 727 licenses (SPDX License List 3.28.0) and 18 heng LicenseRefs\n",
		},
		{
			name:       "exceptions",
			args:       []string{"--exceptions"},
			tty:        true,
			wantStderr: "78 shown, 1 deprecated hidden (--deprecated shows them); heng knows 79 exceptions (SPDX License List 3.28.0)\n",
		},
		{name: "not_a_terminal", wantStderr: ""},
		{name: "quiet", tty: true, quiet: true, wantStderr: ""},
		{name: "json_too", args: []string{"--format", "json", "--osi"}, tty: true, wantStderr: "136 shown, 13 deprecated hidden (--deprecated shows them); heng knows 727 licenses (SPDX License List 3.28.0) and 18 heng LicenseRefs\n"},
		{name: "nothing_matches", args: []string{"--search", "zzz-no-such"}, wantStderr: "no licenses match\n"},
		{name: "only_deprecated_match", args: []string{"--search", "wxwindows"}, wantStderr: "no licenses match; 1 deprecated id does: add --deprecated\n"},
		{name: "nothing_matches_quiet", args: []string{"--search", "zzz-no-such"}, quiet: true, wantStderr: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetStderrTTY(tt.tty)
			ios.SetQuiet(tt.quiet)
			stdout, stderr, err := execute(t, ios, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.wantStderr, stderr); d != "" {
				t.Errorf("stderr (-want +got):\n%s", d)
			}
			if strings.Contains(stdout, "shown") {
				t.Errorf("footer on stdout")
			}
		})
	}
}

func TestListNothingMatches(t *testing.T) {
	for format, want := range map[string]string{"table": "", "json": "[]\n"} {
		ios, _, _, _ := iostreams.Test()
		stdout, _, err := execute(t, ios, "--search", "zzz-no-such", "--format", format)
		if err != nil {
			t.Fatal(err)
		}
		if stdout != want {
			t.Errorf("--format %s: stdout = %q, want %q", format, stdout, want)
		}
	}
}

// jsonKeys are the keys of every object of --format json, documented in
// docs/licenses.md.
var jsonKeys = []string{"category", "deprecated", "exception", "has_text", "id", "name", "name_zh", "osi_approved", "reason", "replacement", "source", "url"}

func TestListJSON(t *testing.T) {
	stdout, _, err := execute(t, newIO(), "--format", "json", "--deprecated", "--search", "mulanpsl-2.0 gpl-2.0+")
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("decode %q: %v", stdout, err)
	}
	if len(got) != 0 {
		t.Fatalf("search with two ids should match nothing, got %d", len(got))
	}

	stdout, _, err = execute(t, newIO(), "--format", "json", "--deprecated", "--search", "mulan")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("decode %q: %v", stdout, err)
	}
	if len(got) != 8 {
		t.Fatalf("got %d Mulan licenses, want 8", len(got))
	}
	for _, obj := range got {
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if d := cmp.Diff(jsonKeys, keys); d != "" {
			t.Fatalf("keys of %v (-want +got):\n%s", obj["id"], d)
		}
	}
	want := map[string]any{
		"id":           "MulanPSL-2.0",
		"name":         "Mulan Permissive Software License, Version 2",
		"name_zh":      "木兰宽松许可证，第2版",
		"category":     "permissive",
		"reason":       "keep notices; patent licence; no copyleft",
		"osi_approved": true,
		"deprecated":   false,
		"replacement":  "",
		"exception":    false,
		"url":          "https://license.coscl.org.cn/MulanPSL2",
		"has_text":     true,
		"source":       "spdx",
	}
	if d := cmp.Diff(want, got[len(got)-1]); d != "" {
		t.Errorf("MulanPSL-2.0 (-want +got):\n%s", d)
	}
	if !strings.Contains(stdout, `"name_zh": "木兰宽松许可证，第2版"`) {
		t.Errorf("Chinese names should be written as UTF-8, not escaped")
	}

	stdout, _, err = execute(t, newIO(), "--format", "json", "--deprecated", "--search", "gpl-2.0+")
	if err != nil {
		t.Fatal(err)
	}
	var deprecated []jsonLicense
	if err := json.Unmarshal([]byte(stdout), &deprecated); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(deprecated, func(l jsonLicense) bool { return l.ID == "GPL-2.0+" })
	if i < 0 || !deprecated[i].Deprecated || deprecated[i].Replacement != "GPL-2.0-or-later" {
		t.Errorf("GPL-2.0+ = %+v, want deprecated, replaced by GPL-2.0-or-later", deprecated)
	}
}

func TestListOutputFile(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	ios.SetStdoutTTY(true) // a file gets no colour and no cutting even so
	ios.SetTerminalWidth(40)
	path := filepath.Join(t.TempDir(), "licenses.txt")
	stdout, _, err := execute(t, ios, "--search", "mulanpsl", "-o", path)
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
	if !strings.Contains(string(data), "MulanPSL-2.0  permissive  yes  Mulan Permissive Software License, Version 2 (木兰宽松许可证，第2版)\n") ||
		strings.Contains(string(data), "\x1b[") {
		t.Errorf("file = %q", data)
	}
}

func TestCategoryDescriptions(t *testing.T) {
	for _, c := range lic.Categories() {
		if CategoryDescription(c) == "" || CategoryNameZH(c) == "" {
			t.Errorf("category %q has no description or Chinese name", c)
		}
	}
	if len(categoryText) != len(lic.Categories()) {
		t.Errorf("descriptions for %d categories, want %d", len(categoryText), len(lic.Categories()))
	}
	if CategoryDescription("copyleft") != "" {
		t.Errorf("a string that is not a category has a description")
	}
}
