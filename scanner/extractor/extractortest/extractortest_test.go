package extractortest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// fakeTB records what a helper reports; Fatal ends the goroutine, as
// testing's does.
type fakeTB struct {
	testing.TB
	msgs  []string
	fatal bool
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	f.fatal = true
	runtime.Goexit()
}

func (f *fakeTB) Fatal(args ...any) {
	f.Fatalf("%s", fmt.Sprint(args...))
}

// withFake runs a helper with a fakeTB, on a goroutine of its own.
func withFake(helper func(testing.TB)) *fakeTB {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		helper(f)
	}()
	<-done
	return f
}

func TestInvariants(t *testing.T) {
	good := inventory.Package{
		Name: "a", Version: "1.0.0", Ecosystem: "npm", PURL: "pkg:npm/a@1.0.0",
		Dependencies: []string{"pkg:npm/b@1.0.0"}, Directory: "app/node_modules/a",
	}
	with := func(f func(*inventory.Package)) inventory.Package {
		p := good
		f(&p)
		return p
	}
	for _, tc := range []struct {
		name string
		iv   Invariants
		pkg  inventory.Package
		// err is what the problem says, "" when there is none.
		err string
	}{
		{name: "good", pkg: good},
		{name: "all_fields", iv: Invariants{Ecosystem: "npm", PURL: true, Version: true, Directory: true, Below: "app", NotAbove: "app"}, pkg: good},
		{name: "minimal", pkg: inventory.Package{Name: "a", Ecosystem: "npm"}},
		{name: "root_directory", pkg: with(func(p *inventory.Package) { p.Directory = "." })},
		{name: "no_name", pkg: with(func(p *inventory.Package) { p.Name = "" }), err: "no name"},
		{name: "no_ecosystem", pkg: with(func(p *inventory.Package) { p.Ecosystem = "" }), err: "no ecosystem"},
		{name: "other_ecosystem", iv: Invariants{Ecosystem: "ohpm"}, pkg: good, err: `ecosystem "npm", not "ohpm"`},
		{name: "no_purl", iv: Invariants{PURL: true}, pkg: with(func(p *inventory.Package) { p.PURL = "" }), err: "no purl"},
		{name: "no_version", iv: Invariants{Version: true}, pkg: with(func(p *inventory.Package) { p.Version = "" }), err: "no version"},
		{name: "no_directory", iv: Invariants{Directory: true}, pkg: with(func(p *inventory.Package) { p.Directory = "" }), err: "no directory"},
		{name: "bad_purl", pkg: with(func(p *inventory.Package) { p.PURL = "npm/a" }), err: `bad purl "npm/a"`},
		{name: "bad_dependency", pkg: with(func(p *inventory.Package) { p.Dependencies = []string{"pkg:npm/b", ""} }), err: `bad dependency purl ""`},
		{name: "directory_above", pkg: with(func(p *inventory.Package) { p.Directory = "../a" }), err: `directory "../a" outside the tree`},
		{name: "directory_absolute", pkg: with(func(p *inventory.Package) { p.Directory = "/a" }), err: `directory "/a" outside the tree`},
		{name: "directory_unclean", pkg: with(func(p *inventory.Package) { p.Directory = "a//b" }), err: `directory "a//b" outside the tree`},
		{name: "not_below", iv: Invariants{Below: "app/vendor"}, pkg: good, err: `directory "app/node_modules/a" not below "app/vendor"`},
		{name: "below_itself", iv: Invariants{Below: "app"}, pkg: with(func(p *inventory.Package) { p.Directory = "app" }), err: `not below "app"`},
		{name: "below_prefix", iv: Invariants{Below: "app"}, pkg: with(func(p *inventory.Package) { p.Directory = "apple/x" }), err: `not below "app"`},
		{name: "the_project", iv: Invariants{NotAbove: "app"}, pkg: with(func(p *inventory.Package) { p.Directory = "app" }), err: `directory "app" is "app" or above it`},
		{name: "above_project", iv: Invariants{NotAbove: "app/sub"}, pkg: with(func(p *inventory.Package) { p.Directory = "app" }), err: "or above it"},
		{name: "root_above_project", iv: Invariants{NotAbove: "app"}, pkg: with(func(p *inventory.Package) { p.Directory = "." }), err: "or above it"},
		{name: "root_project", iv: Invariants{NotAbove: "."}, pkg: with(func(p *inventory.Package) { p.Directory = "." }), err: "or above it"},
		{name: "sibling_of_project", iv: Invariants{NotAbove: "app"}, pkg: with(func(p *inventory.Package) { p.Directory = "ap" }), err: ""},
		{name: "any_dependencies", iv: Invariants{AnyDependencies: true}, pkg: with(func(p *inventory.Package) { p.Dependencies = []string{""} })},
		{name: "any_directory", iv: Invariants{AnyDirectory: true, Below: "x", NotAbove: "y"}, pkg: with(func(p *inventory.Package) { p.Directory = "/y" })},
		{name: "any_but_purl", iv: Invariants{AnyDependencies: true, AnyDirectory: true}, pkg: with(func(p *inventory.Package) { p.PURL = "x" }), err: `bad purl "x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := tc.iv.problems([]inventory.Package{tc.pkg})
			if tc.err == "" {
				if len(problems) != 0 {
					t.Errorf("problems %q", problems)
				}
				return
			}
			if len(problems) != 1 || !strings.HasPrefix(problems[0], "package 0: ") || !strings.Contains(problems[0], tc.err) {
				t.Errorf("problems %q, want one of package 0 with %q", problems, tc.err)
			}
			f := withFake(func(tb testing.TB) { tc.iv.Check(tb, []inventory.Package{tc.pkg}) })
			if !f.fatal || len(f.msgs) != 1 || !strings.Contains(f.msgs[0], tc.err) {
				t.Errorf("Check() reported %q (fatal %v)", f.msgs, f.fatal)
			}
		})
	}
}

func TestCheckInvariants(t *testing.T) {
	pkgs := []inventory.Package{{Name: "a", Ecosystem: "pypi", PURL: "pkg:pypi/a"}, {Name: "b", Ecosystem: "pypi"}}
	if f := withFake(func(tb testing.TB) { CheckInvariants(tb, pkgs) }); len(f.msgs) != 0 {
		t.Errorf("CheckInvariants(good) reported %q", f.msgs)
	}
	pkgs[1].PURL = "pypi/b"
	if f := withFake(func(tb testing.TB) { CheckInvariants(tb, pkgs) }); !f.fatal || len(f.msgs) != 1 ||
		!strings.HasPrefix(f.msgs[0], "1 of 2 packages break invariants:\npackage 1: bad purl \"pypi/b\"") {
		t.Errorf("CheckInvariants(bad second) reported %q", f.msgs)
	}
	if f := withFake(func(tb testing.TB) { CheckInvariants(tb, nil) }); len(f.msgs) != 0 {
		t.Errorf("CheckInvariants(nothing) reported %q", f.msgs)
	}
	var bad []inventory.Package
	for range 25 {
		bad = append(bad, inventory.Package{Ecosystem: "pypi"})
	}
	f := withFake(func(tb testing.TB) { CheckInvariants(tb, bad) })
	if !f.fatal || len(f.msgs) != 1 || !strings.HasPrefix(f.msgs[0], "25 of 25 packages break invariants:\npackage 0: no name") ||
		strings.Count(f.msgs[0], "no name") != 10 {
		t.Errorf("CheckInvariants(bad) reported %q", f.msgs)
	}
}

func TestWantParseError(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		msgs  int
		fatal bool
	}{
		{"names_the_file", errors.New(`parse "a/yarn.lock": line 3: bad`), 0, false},
		{"no_error", nil, 1, true},
		{"other_file", errors.New(`parse "yarn.lock": line 3: bad`), 1, false},
		{"read_error", errors.New(`read "a/yarn.lock": too large`), 1, false},
		{"no_colon", errors.New(`parse "a/yarn.lock"`), 1, false},
	} {
		f := withFake(func(tb testing.TB) { WantParseError(tb, tc.err, "a/yarn.lock") })
		if len(f.msgs) != tc.msgs || f.fatal != tc.fatal {
			t.Errorf("%s: reported %q (fatal %v)", tc.name, f.msgs, f.fatal)
		}
	}
}

func TestNames(t *testing.T) {
	if got := Names([]inventory.Package{{Name: "b"}, {Name: "a"}}); strings.Join(got, ",") != "b,a" {
		t.Errorf("Names() = %q", got)
	}
	if got := Names(nil); len(got) != 0 {
		t.Errorf("Names(nil) = %q", got)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a/x.lock", "a/b/x.lock", "a/b/y.txt", "c/x.lock"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := filepath.ToSlash(dir)
	got := FindFiles(t, dir, func(rel string) bool { return strings.HasSuffix(rel, ".lock") })
	want := []string{base + "/a/b/x.lock", base + "/a/x.lock", base + "/c/x.lock"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("FindFiles() = %q, want %q", got, want)
	}
	for _, name := range got {
		if data := ReadFile(t, name); !strings.HasSuffix(name, string(data)) {
			t.Errorf("ReadFile(%s) = %q", name, data)
		}
	}
	if f := withFake(func(tb testing.TB) { FindFiles(tb, dir, func(string) bool { return false }) }); !f.fatal {
		t.Error("FindFiles(no match) did not fail")
	}
	if f := withFake(func(tb testing.TB) { FindFiles(tb, filepath.Join(dir, "missing"), func(string) bool { return true }) }); !f.fatal {
		t.Error("FindFiles(missing dir) did not fail")
	}
	if f := withFake(func(tb testing.TB) { ReadFile(tb, filepath.Join(dir, "missing")) }); !f.fatal {
		t.Error("ReadFile(missing) did not fail")
	}
}

func TestProps(t *testing.T) {
	got := Props("a", "1", "b", "2", "c")
	want := []inventory.Property{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Props() = %v, want %v", got, want)
	}
	if got := Props(); got != nil {
		t.Errorf("Props() = %v, want nil", got)
	}
}

// lines is an extractor for the tests: a package named by each line of
// the file, and an error for a line "bad".
type lines struct{}

func (lines) Name() string                { return "test/lines" }
func (lines) Version() int                { return 1 }
func (lines) Match(f extractor.File) bool { return true }

func (lines) Extract(_ context.Context, in *extractor.Input) ([]inventory.Package, error) {
	data, err := io.ReadAll(in.Reader)
	if err != nil {
		return nil, err
	}
	var out []inventory.Package
	for _, l := range strings.Fields(string(data)) {
		if l == "bad" {
			return out, fmt.Errorf("parse %q: bad line", in.Path)
		}
		out = append(out, inventory.Package{Name: l, Ecosystem: "npm", PURL: "pkg:npm/" + l, Locations: []inventory.Location{{Path: in.Path}}})
	}
	return out, nil
}

func TestCheckExtract(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("b a"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{{Name: "a", Ecosystem: "npm", PURL: "pkg:npm/a"}, {Name: "b", Ecosystem: "npm", PURL: "pkg:npm/b"}}
	if f := withFake(func(tb testing.TB) { CheckExtract(tb, lines{}, dir, "x.txt", want) }); len(f.msgs) != 0 {
		t.Errorf("CheckExtract(right) reported %q", f.msgs)
	}
	if f := withFake(func(tb testing.TB) { CheckExtract(tb, lines{}, dir, "x.txt", want[:1]) }); len(f.msgs) != 1 || f.fatal ||
		!strings.HasPrefix(f.msgs[0], "Extract(x.txt) diff (-want +got):") {
		t.Errorf("CheckExtract(wrong) reported %q (fatal %v)", f.msgs, f.fatal)
	}
	if f := withFake(func(tb testing.TB) { CheckExtractBytes(tb, lines{}, "y.txt", []byte("a b"), nil, want) }); len(f.msgs) != 0 {
		t.Errorf("CheckExtractBytes(right) reported %q", f.msgs)
	}
	if f := withFake(func(tb testing.TB) { CheckExtractBytes(tb, lines{}, "y.txt", []byte("a bad"), nil, want[:1]) }); len(f.msgs) != 1 || !f.fatal ||
		!strings.Contains(f.msgs[0], `parse "y.txt": bad line`) {
		t.Errorf("CheckExtractBytes(error) reported %q (fatal %v)", f.msgs, f.fatal)
	}
}

// suffix matches the paths that end in ".x".
type suffix struct{ lines }

func (suffix) Match(f extractor.File) bool { return strings.HasSuffix(f.Path, ".x") }

func TestCheckMatch(t *testing.T) {
	if f := withFake(func(tb testing.TB) {
		CheckMatch(tb, suffix{}, map[string]bool{"a.x": true, "b/c.x": true, "a.y": false})
	}); len(f.msgs) != 0 {
		t.Errorf("CheckMatch(right) reported %q", f.msgs)
	}
	f := withFake(func(tb testing.TB) {
		CheckMatch(tb, suffix{}, map[string]bool{"a.x": false, "a.y": true, "b.y": false})
	})
	if len(f.msgs) != 2 || f.fatal {
		t.Errorf("CheckMatch(wrong) reported %q (fatal %v)", f.msgs, f.fatal)
	}
}
