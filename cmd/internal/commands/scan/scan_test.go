package scan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/cmd/internal/cmdtest"
)

func TestNewCmdScanFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    scanOptions
		wantErr string
	}{
		{name: "defaults", args: nil, want: scanOptions{Tree: Tree{Root: ".", MaxFileSize: 16 << 20}, Format: "text"}},
		{name: "all_flags", args: []string{"-f", "json", "-o", "r.json", "-j", "3", "--max-file-size", "1MiB", "--no-ignore", "--exclude", "a/", "--exclude", "*.js", "src"},
			want: scanOptions{Tree: Tree{Root: "src", Jobs: 3, MaxFileSize: 1 << 20, NoIgnore: true, Excludes: []string{"a/", "*.js"}}, Format: "json", Output: "r.json"}},
		{name: "bad_format", args: []string{"-f", "xml"}, wantErr: `unknown format "xml" for --format; available: text, json, cyclonedx-json, cyclonedx-xml`},
		{name: "bad_size", args: []string{"--max-file-size", "0"}, wantErr: `invalid argument "0" for "--max-file-size" flag: invalid size "0": want a positive number of bytes, optionally with a unit such as KiB, MiB or GB`},
		{name: "bad_jobs", args: []string{"-j", "-2"}, wantErr: "invalid --jobs -2: want a positive number of parallel jobs"},
		{name: "two_paths", args: []string{"a", "b"}, wantErr: "accepts at most 1 arg(s), received 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdScan, tc.args...)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "defaults" {
				tc.want.Jobs = got.Jobs // the number of CPUs
			}
			if diff := cmp.Diff(tc.want, *got, cmpopts.IgnoreFields(scanOptions{}, "IO", "Build")); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{{"1", 1}, {"512k", 512000}, {"512KiB", 512 << 10}, {"16MiB", 16 << 20}, {"1GB", 1e9}, {"2 gib", 2 << 30}} {
		if got, err := parseSize(tc.in); err != nil || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "MiB", "-1", "1XB", "1.5MiB", "99999999999999999999"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) succeeded", bad)
		}
	}
	s := byteSize(16 << 20)
	if s.String() != "16MiB" {
		t.Errorf("String() = %q", s.String())
	}
}
