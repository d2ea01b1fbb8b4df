// Package build reports which heng this binary is: its version, the commit
// it was built from and when.
//
// Release builds get the values from the linker (see .goreleaser.yaml):
//
//	go build -ldflags "-X github.com/hengdev/heng/cmd/internal/build.Version=1.2.3 ..."
//
// A plain `go build` or `go install` sets none of them, so Get falls back to
// what the Go toolchain stamps into every binary (module version, VCS
// revision and time), and to "dev" and "unknown" when even that is missing,
// as in test binaries.
package build

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by the linker with -X; empty in builds that do not set them. They are
// variables, not constants, because -X can only change variables.
var (
	// Version is the release version without a leading "v", e.g. "1.2.3".
	Version string
	// Commit is the full VCS revision the release was built from.
	Commit string
	// Date is the build time in RFC 3339, e.g. "2025-11-22T00:10:00Z".
	Date string
)

// Placeholders for values that neither the linker nor the toolchain knew.
const (
	devVersion = "dev"
	unknown    = "unknown"
)

// Info is the resolved description of this binary.
type Info struct {
	Version   string // release version without "v", or "dev"
	Commit    string // VCS revision, or "unknown"
	Date      string // build or commit time in RFC 3339, or "unknown"
	GoVersion string // toolchain that built the binary, e.g. "go1.26.0"
	OS        string // runtime.GOOS
	Arch      string // runtime.GOARCH
}

// Get returns the description of the running binary. Values set with -X
// win; each missing one is taken from the toolchain's build information.
func Get() Info {
	bi, _ := debug.ReadBuildInfo() // nil when the binary has none
	info := resolve(Version, Commit, Date, bi)
	info.GoVersion = runtime.Version()
	info.OS = runtime.GOOS
	info.Arch = runtime.GOARCH
	return info
}

// resolve merges the linker values with build information; bi may be nil.
// It is separate from Get so tests can feed it any combination.
func resolve(version, commit, date string, bi *debug.BuildInfo) Info {
	info := Info{Version: version, Commit: commit, Date: date}
	if bi != nil {
		if info.Version == "" {
			info.Version = moduleVersion(bi.Main.Version)
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && info.Commit == "":
				info.Commit = s.Value
			case s.Key == "vcs.time" && info.Date == "":
				info.Date = s.Value
			}
		}
	}
	if info.Version == "" {
		info.Version = devVersion
	}
	if info.Commit == "" {
		info.Commit = unknown
	}
	if info.Date == "" {
		info.Date = unknown
	}
	return info
}

// moduleVersion turns the main module's version into the form releases use:
// without the "v" that goreleaser's {{.Version}} also drops, and "" for the
// "(devel)" that binaries built inside the work tree report.
func moduleVersion(v string) string {
	if v == "(devel)" {
		return ""
	}
	return strings.TrimPrefix(v, "v")
}
