package build

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolve(t *testing.T) {
	stamped := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/hengdev/heng", Version: "v0.3.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2025-11-20T10:00:00Z"},
			{Key: "vcs.modified", Value: "false"},
		},
	}
	tests := []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  Info
	}{
		{
			name:    "ldflags_win",
			version: "1.2.3", commit: "abc", date: "2025-01-01T00:00:00Z",
			bi:   stamped,
			want: Info{Version: "1.2.3", Commit: "abc", Date: "2025-01-01T00:00:00Z"},
		},
		{
			name: "build_info_fallback",
			bi:   stamped,
			want: Info{Version: "0.3.0", Commit: "0123456789abcdef0123456789abcdef01234567", Date: "2025-11-20T10:00:00Z"},
		},
		{
			name:    "partly_set",
			version: "1.2.3",
			bi:      stamped,
			want:    Info{Version: "1.2.3", Commit: "0123456789abcdef0123456789abcdef01234567", Date: "2025-11-20T10:00:00Z"},
		},
		{
			name: "devel_without_vcs",
			bi:   &debug.BuildInfo{Main: debug.Module{Path: "github.com/hengdev/heng", Version: "(devel)"}},
			want: Info{Version: "dev", Commit: "unknown", Date: "unknown"},
		},
		{
			name: "no_build_info",
			want: Info{Version: "dev", Commit: "unknown", Date: "unknown"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(tt.version, tt.commit, tt.date, tt.bi)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("resolve(%q, %q, %q) diff (-want +got):\n%s", tt.version, tt.commit, tt.date, d)
			}
		})
	}
}

func TestGetFillsEverything(t *testing.T) {
	got := Get()
	if got.Version == "" || got.Commit == "" || got.Date == "" {
		t.Errorf("Get() left a field empty: %+v", got)
	}
	if got.GoVersion != runtime.Version() || got.OS != runtime.GOOS || got.Arch != runtime.GOARCH {
		t.Errorf("Get() toolchain fields = %q %q %q, want the runtime's", got.GoVersion, got.OS, got.Arch)
	}
}
