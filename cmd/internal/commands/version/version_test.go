package version

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/cmd/internal/build"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

var testInfo = build.Info{
	Version:   "1.2.3",
	Commit:    "0123456789abcdef0123456789abcdef01234567",
	Date:      "2025-11-22T00:10:00Z",
	GoVersion: "go1.26.0",
	OS:        "linux",
	Arch:      "loong64",
}

// execute runs the version command with args and returns stdout, stderr
// and the error.
func execute(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	cmd := NewCmdVersion(&cmdutil.Factory{IOStreams: ios, Build: testInfo}, nil)
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceErrors = true
	cmd.SilenceUsage = true
	_, err = cmd.ExecuteC()
	return out.String(), errOut.String(), err
}

func TestVersionText(t *testing.T) {
	stdout, stderr, err := execute(t)
	if err != nil {
		t.Fatalf("version: %v", err)
	}
	want := `heng 1.2.3
commit: 0123456789abcdef0123456789abcdef01234567
built: 2025-11-22T00:10:00Z
go: go1.26.0 linux/loong64
`
	if d := cmp.Diff(want, stdout); d != "" {
		t.Errorf("stdout diff (-want +got):\n%s", d)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
}

func TestVersionJSON(t *testing.T) {
	stdout, _, err := execute(t, "--format", "json")
	if err != nil {
		t.Fatalf("version --format json: %v", err)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("decode %q: %v", stdout, err)
	}
	want := map[string]string{
		"version": "1.2.3",
		"commit":  "0123456789abcdef0123456789abcdef01234567",
		"date":    "2025-11-22T00:10:00Z",
		"go":      "go1.26.0",
		"os":      "linux",
		"arch":    "loong64",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("JSON diff (-want +got):\n%s", d)
	}
}

func TestVersionFlags(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantFormat string
		wantErr    string
		flagErr    bool
	}{
		{name: "default", args: nil, wantFormat: "text"},
		{name: "json", args: []string{"--format", "json"}, wantFormat: "json"},
		{name: "bad_format", args: []string{"--format", "xml"}, wantErr: `unknown format "xml" for --format; available: json, text`, flagErr: true},
		{name: "extra_argument", args: []string{"now"}, wantErr: `unknown command "now" for "version"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *versionOptions
			cmd := NewCmdVersion(&cmdutil.Factory{IOStreams: ios, Build: testInfo}, func(o *versionOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			cmd.SilenceErrors = true
			cmd.SilenceUsage = true
			_, err := cmd.ExecuteC()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				var fe *cmdutil.FlagError
				if tt.flagErr && !errors.As(err, &fe) {
					t.Errorf("error %v is not a FlagError", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("error = %v", err)
			}
			if got == nil || got.Format != tt.wantFormat {
				t.Fatalf("options = %+v, want Format %q", got, tt.wantFormat)
			}
			if got.Build != testInfo {
				t.Errorf("options.Build = %+v, want the factory's", got.Build)
			}
		})
	}
}
