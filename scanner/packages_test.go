package scanner

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/extractor/list"
	"github.com/hengdev/heng/scanner/inventory"
)

// fakeExtractor reads files with one base name and yields one package per
// file, named after its size; it panics on demand.
type fakeExtractor struct {
	base  string
	panic bool
}

func (f fakeExtractor) Name() string                   { return "fake/" + f.base }
func (f fakeExtractor) Version() int                   { return 1 }
func (f fakeExtractor) Match(file extractor.File) bool { return extractor.Base(file.Path) == f.base }
func (f fakeExtractor) Extract(_ context.Context, in *extractor.Input) ([]inventory.Package, error) {
	if f.panic {
		var m map[string]int
		m["boom"]++ // a nil-map write: an extractor bug
	}
	n, err := io.Copy(io.Discard, in.Reader)
	if err != nil {
		return nil, err
	}
	// The version says how many bytes the extractor read.
	return []inventory.Package{{Name: f.base, Version: "1." + strconv.FormatInt(n, 10), Ecosystem: "generic"}}, nil
}

// TestExtractorProblemsAreReported: an extractor that panics, and a file
// too large to parse, become issues naming the file and the extractor;
// the scan goes on, and a manifest larger than --max-file-size is still
// read whole by its extractor.
func TestExtractorProblemsAreReported(t *testing.T) {
	root := writeTree(t, map[string]string{"ok.lock": "12345", "crash.lock": "x"})
	// Sparse files: no disk space, instant.
	sparse := func(name string, size int64) {
		f, err := os.Create(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	sparse("huge.lock", MaxManifestSize+1)
	sparse("big.lock", 20<<20) // above the default --max-file-size (16 MiB)

	res, err := Run(context.Background(), Config{
		Root: root, Detector: detector,
		Extractors: []extractor.Extractor{
			fakeExtractor{base: "ok.lock"}, fakeExtractor{base: "crash.lock", panic: true},
			fakeExtractor{base: "huge.lock"}, fakeExtractor{base: "big.lock"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var versions []string
	for _, p := range res.Packages {
		versions = append(versions, p.Name+"@"+p.Version)
	}
	if diff := cmp.Diff([]string{"big.lock@1.20971520", "ok.lock@1.5"}, versions); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	byPath := map[string]inventory.Issue{}
	for _, is := range res.Issues {
		byPath[is.Path] = is
	}
	if is := byPath["crash.lock"]; is.Extractor != "fake/crash.lock" || !strings.Contains(is.Message, "panic") {
		t.Errorf("crash.lock issue = %+v, want a panic reported for fake/crash.lock", is)
	}
	if is := byPath["huge.lock"]; is.Extractor != "fake/huge.lock" || !strings.Contains(is.Message, "too large") {
		t.Errorf("huge.lock issue = %+v, want too large", is)
	}
	if is, ok := byPath["ok.lock"]; ok {
		t.Errorf("unexpected issue %+v", is)
	}
}

// TestPackagesEndToEnd runs the real extractors on a small npm project with
// a git-ignored node_modules and vendored C code: the installed package's
// license is detected, the lock file gives the graph, and the unexplained
// third-party directory becomes a package.
func TestPackagesEndToEnd(t *testing.T) {
	root := writeTree(t, map[string]string{
		".gitignore":   "node_modules/\n",
		"package.json": `{"name": "app", "version": "1.0.0", "license": "Apache-2.0", "dependencies": {"tiny": "^2.0.0"}}`,
		"package-lock.json": `{"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
			"": {"name": "app", "version": "1.0.0", "license": "Apache-2.0", "dependencies": {"tiny": "^2.0.0"}},
			"node_modules/tiny": {"version": "2.1.0", "license": "MIT"}}}`,
		"node_modules/tiny/package.json":     `{"name": "tiny", "version": "2.1.0", "license": "MIT"}`,
		"node_modules/tiny/LICENSE":          mitText,
		"node_modules/tiny/requirements.txt": "django==5.0\n", // a file of the package, not the project's
		"third_party/zlib/LICENSE":           mitText,
		"third_party/zlib/zlib.c":            "int x;\n",
	})
	res, err := Run(context.Background(), Config{Root: root, Detector: detector, Extractors: list.All()})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Name, Version, Eco, Rel, Scope, Declared, Detected, Dir string }
	var got []row
	for _, p := range res.Packages {
		r := row{Name: p.Name, Version: p.Version, Eco: p.Ecosystem, Rel: p.Relationship, Scope: p.Scope, Dir: p.Directory}
		if p.DeclaredLicense != nil {
			r.Declared = p.DeclaredLicense.Expression
		}
		for _, d := range p.DetectedLicenses {
			r.Detected += d.License + " " + strings.Join(d.Files, ",")
		}
		got = append(got, r)
	}
	want := []row{
		{Name: "zlib", Eco: "generic", Detected: "MIT third_party/zlib/LICENSE", Dir: "third_party/zlib"},
		{Name: "app", Version: "1.0.0", Eco: "npm", Rel: "root", Declared: "Apache-2.0"},
		{Name: "tiny", Version: "2.1.0", Eco: "npm", Rel: "direct", Scope: "required", Declared: "MIT",
			Detected: "MIT node_modules/tiny/LICENSE", Dir: "node_modules/tiny"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	if len(res.Issues) != 0 {
		t.Errorf("issues: %v", res.Issues)
	}

	// Without extractors, the ignored directory stays ignored.
	res, err = Run(context.Background(), Config{Root: root, Detector: detector})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if strings.HasPrefix(f.Path, "node_modules/") {
			t.Errorf("%s scanned without package extraction", f.Path)
		}
	}
}
