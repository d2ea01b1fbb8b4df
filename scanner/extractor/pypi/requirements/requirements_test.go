package requirements

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"requirements.txt":                 true,
		"a/b/requirements.txt":             true,
		"requirements-dev.txt":             true,
		"requirements_test.txt":            true,
		"requirements.dev.txt":             true,
		"dev-requirements.txt":             true,
		"test_requirements.txt":            true,
		"Requirements.txt":                 true,
		"requirements.in":                  true,
		"requirements-dev.in":              true,
		"requirements/base.txt":            true,
		"requirements/dev.in":              true,
		"x/requirements/prod.txt":          true,
		"Requirements/Prod.TXT":            true,
		"requirements.lock":                true,
		"requirements-dev.lock":            true,
		"requirements.txt.bak":             false,
		"requirements.txt.in":              false,
		"poetry.lock":                      false,
		"requirements/base.lock":           false,
		"requirements.txt~":                false,
		"requirements.py":                  false,
		"requirements.md":                  false,
		"requirement.txt":                  false,
		"docs/requirements.rst":            false,
		"requirements":                     false,
		"requirements/README.txt":          false,
		"requirements/LICENSE.txt":         false,
		"requirements/base.cfg":            false,
		"requirements/sub/base.txt":        false,
		"constraints.txt":                  false,
		"myrequirements.txt.orig":          false,
		"requirementsfile.yaml":            false,
		"requirements/.txt":                false,
		"notes/requirements-overview.html": false,
	})
}

// pkg is a pypi package as the tests want them.
func pkg(name, version, rel, scope, purl string) inventory.Package {
	return inventory.Package{Name: name, Version: version, Ecosystem: "pypi", PURL: purl, Relationship: rel, Scope: scope}
}

func props(p inventory.Package, kv ...string) inventory.Package {
	for i := 0; i+1 < len(kv); i += 2 {
		p.Properties = append(p.Properties, inventory.Property{Name: kv[i], Value: kv[i+1]})
	}
	return p
}

func sha256s(p inventory.Package, values ...string) inventory.Package {
	for _, v := range values {
		p.Hashes = append(p.Hashes, inventory.Hash{Algorithm: "SHA-256", Value: v})
	}
	return p
}

func deps(p inventory.Package, purls ...string) inventory.Package {
	p.Dependencies = append(p.Dependencies, purls...)
	return p
}

const (
	direct = inventory.RelationshipDirect
	trans  = inventory.RelationshipTransitive
	req    = inventory.ScopeRequired
	dev    = inventory.ScopeDev
	test   = inventory.ScopeTest
)

// handwritten is what testdata/handwritten/requirements.txt asks for, in
// the given scope.
func handwritten(scope string) []inventory.Package {
	return []inventory.Package{
		props(pkg("celery", "5.3.6", direct, scope, "pkg:pypi/celery@5.3.6"), "extras", "redis"),
		props(pkg("django", "", direct, scope, "pkg:pypi/django"), "constraint", ">=4.2,<5.0"),
		props(pkg("django-audit", "", direct, scope, "pkg:pypi/django-audit"),
			"editable", "true", "url", "git+https://github.com/example/django-audit.git@main#egg=django_audit"),
		props(pkg("django-health", "", direct, scope, "pkg:pypi/django-health"),
			"url", "git+https://github.com/example/django-health.git@v0.3.0#egg=django-health"),
		props(pkg("django-storages", "", direct, scope, "pkg:pypi/django-storages"),
			"url", "git+https://github.com/example/django-storages.git@1.14.2-fix"),
		pkg("djangorestframework", "3.14.0", direct, scope, "pkg:pypi/djangorestframework@3.14.0"),
		props(pkg("gunicorn", "21.2.0", direct, scope, "pkg:pypi/gunicorn@21.2.0"), "marker", `sys_platform != "win32"`),
		// The password in the URL is not kept.
		props(pkg("internal-lib", "2.4.1", direct, scope, "pkg:pypi/internal-lib@2.4.1"),
			"url", "https://pkgs.example.com/packages/internal_lib-2.4.1-py3-none-any.whl"),
		props(pkg("numpy", "", direct, scope, "pkg:pypi/numpy"), "constraint", "==1.26.*"),
		props(pkg("orjson", "3.9.10", direct, scope, "pkg:pypi/orjson@3.9.10"),
			"path", "./vendor/wheels/orjson-3.9.10-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
		props(pkg("pillow", "10.1.0", direct, scope, "pkg:pypi/pillow@10.1.0"),
			"url", "https://files.example.com/wheels/Pillow-10.1.0-cp311-cp311-manylinux_2_28_x86_64.whl"),
		props(pkg("psycopg2-binary", "", direct, scope, "pkg:pypi/psycopg2-binary"), "constraint", "~=2.9.9"),
		pkg("python-dateutil", "", direct, scope, "pkg:pypi/python-dateutil"),
		props(pkg("pywin32", "306", direct, scope, "pkg:pypi/pywin32@306"), "marker", `sys_platform == "win32"`),
		props(pkg("requests", "", direct, scope, "pkg:pypi/requests"), "constraint", ">=2.31.0", "extras", "socks,security"),
		props(pkg("typing-extensions", "", direct, scope, "pkg:pypi/typing-extensions"),
			"constraint", ">=4.8", "marker", `python_version < "3.11"`),
	}
}

func sorted(pkgs []inventory.Package) []inventory.Package {
	slices.SortFunc(pkgs, func(a, b inventory.Package) int { return inventory.ComparePackages(&a, &b) })
	return pkgs
}

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []inventory.Package
	}{{
		file: "handwritten/requirements.txt",
		want: handwritten(req),
	}, {
		// -r requirements.txt: its packages as if they were here.
		file: "handwritten/requirements-dev.txt",
		want: sorted(append(handwritten(dev),
			pkg("black", "23.11.0", direct, dev, "pkg:pypi/black@23.11.0"),
			props(pkg("django-stubs", "4.2.6", direct, dev, "pkg:pypi/django-stubs@4.2.6"), "extras", "compatible-mypy"),
			pkg("mypy", "1.7.1", direct, dev, "pkg:pypi/mypy@1.7.1"),
			props(pkg("pytest-django", "", direct, dev, "pkg:pypi/pytest-django"), "constraint", ">=4.7"),
			pkg("pytest", "7.4.3", direct, dev, "pkg:pypi/pytest@7.4.3"),
		)),
	}, {
		// pip freeze: everything pinned, everything direct; names as
		// written in METADATA, normalised.
		file: "freeze/requirements.txt",
		want: []inventory.Package{
			pkg("annotated-types", "0.7.0", direct, req, "pkg:pypi/annotated-types@0.7.0"),
			pkg("blinker", "1.9.0", direct, req, "pkg:pypi/blinker@1.9.0"),
			pkg("click", "8.4.0", direct, req, "pkg:pypi/click@8.4.0"),
			pkg("flask-cors", "6.0.2", direct, req, "pkg:pypi/flask-cors@6.0.2"),
			pkg("flask", "3.1.3", direct, req, "pkg:pypi/flask@3.1.3"),
			pkg("itsdangerous", "2.2.0", direct, req, "pkg:pypi/itsdangerous@2.2.0"),
			pkg("jinja2", "3.1.6", direct, req, "pkg:pypi/jinja2@3.1.6"),
			pkg("markupsafe", "3.0.3", direct, req, "pkg:pypi/markupsafe@3.0.3"),
			pkg("mypy-extensions", "1.1.0", direct, req, "pkg:pypi/mypy-extensions@1.1.0"),
			pkg("prompt-toolkit", "3.0.52", direct, req, "pkg:pypi/prompt-toolkit@3.0.52"),
			pkg("pydantic-core", "2.46.4", direct, req, "pkg:pypi/pydantic-core@2.46.4"),
			pkg("pydantic", "2.13.4", direct, req, "pkg:pypi/pydantic@2.13.4"),
			pkg("pyyaml", "6.0.3", direct, req, "pkg:pypi/pyyaml@6.0.3"),
			pkg("typing-extensions", "4.15.0", direct, req, "pkg:pypi/typing-extensions@4.15.0"),
			pkg("werkzeug", "3.1.8", direct, req, "pkg:pypi/werkzeug@3.1.8"),
		},
	}, {
		// pip-compile --generate-hashes: "# via" blocks give the
		// relationships and the dependency graph.
		file: "compiled/requirements.txt",
		want: []inventory.Package{
			sha256s(pkg("blinker", "1.9.0", trans, req, "pkg:pypi/blinker@1.9.0"),
				"5b703bfe49e7c0023addfe680d717e34fb9af37b0f57f9eab80a5bc952b83bf6",
				"ce7684ef4b72aec9aa08504db205bfca7faa7c40f9006657095388e8d3b3d64a"),
			sha256s(pkg("certifi", "2024.8.30", trans, req, "pkg:pypi/certifi@2024.8.30"),
				"0297abf47837e6d5266b7c1ba04f4f9545e492b0b41d8d59675a3d619f716d04",
				"9326ed59995df0f8de03198eaad37fbf940584613ba0cc10fa5dedb3f78db10f"),
			sha256s(pkg("charset-normalizer", "3.4.0", trans, req, "pkg:pypi/charset-normalizer@3.4.0"),
				"09fdf0eafe294289a64ba44894fd02a91a7a902655cc077c4ef91630d3daf915",
				"3850a1413be9c57f11c624c324f593d1522cf2e606a5730eccbda4485d209a0a",
				"b5480dd07635fd0202e4ca551fb2ee63828e0d5beb3b26107f51292425ce000c"),
			sha256s(pkg("click", "8.1.7", trans, req, "pkg:pypi/click@8.1.7"),
				"5f42c926470f0704f080e082a8ac907d91a67ff6beea959fa3e40a548bc0db67",
				"84717ffc0e2ebb9442cc8c2d2599c9be7aa717f826cc32a4c1c32d4ce812d582"),
			deps(sha256s(pkg("flask", "3.1.0", direct, req, "pkg:pypi/flask@3.1.0"),
				"35f3590139c4081516d45d4783522803f52f53334ab60a49c38275e13547d26b",
				"e8f50d3dd030c21a9e232878e0a8ac0038e74968655deb86fe83a09f282a7d3d"),
				"pkg:pypi/blinker@1.9.0", "pkg:pypi/click@8.1.7", "pkg:pypi/itsdangerous@2.2.0",
				"pkg:pypi/jinja2@3.1.4", "pkg:pypi/werkzeug@3.1.3"),
			sha256s(pkg("idna", "3.10", trans, req, "pkg:pypi/idna@3.10"),
				"5185c53cce7e81d373946a7581f6bc4925731c24bd1ed391d543363e3481ef6a",
				"ea15587d1104b4bacfeb8c2d2a721fccc8b49ee80db275d1945fa2f402631512"),
			sha256s(pkg("itsdangerous", "2.2.0", trans, req, "pkg:pypi/itsdangerous@2.2.0"),
				"1e16434d283c6e17e3e0e26328c192f38010701fa9cf3501d34c7733ec54af42",
				"6452681182ac17d398b143f3e59357d8fe370d4af2f25e5ad8a54cb53747257e"),
			deps(sha256s(pkg("jinja2", "3.1.4", trans, req, "pkg:pypi/jinja2@3.1.4"),
				"3475a2f348ce7f2826ba527a4ea93a29e33362a352dbde08a4924e3d885cbd33",
				"9539193b289c958861ec4a919e9afc788019198bdafc576a1638ca0f47991c1f"),
				"pkg:pypi/markupsafe@3.0.2"),
			sha256s(pkg("markupsafe", "3.0.2", trans, req, "pkg:pypi/markupsafe@3.0.2"),
				"53aa1b603a1b56331eacb4cd53062216e880269ba2ef5407a3909d43a006a575",
				"96abfe5774e16edf0427d0f8446426a06dd3de1b76edb97f1730d7b0a51f93a2",
				"e4c7db3a0883a71b9a44cf2a5c0eef72ebde9033233597f55ff92b44f6e783b6"),
			deps(sha256s(pkg("requests", "2.32.3", direct, req, "pkg:pypi/requests@2.32.3"),
				"3c3bfe01c46b121e6ccede15272010401d3f3f286df66a2a658873cebca6bf54",
				"b7a006a095287c41d07d318f5d3c538595c4786a45d475aef268095564f52591"),
				"pkg:pypi/certifi@2024.8.30", "pkg:pypi/charset-normalizer@3.4.0", "pkg:pypi/idna@3.10", "pkg:pypi/urllib3@2.2.3"),
			sha256s(pkg("urllib3", "2.2.3", trans, req, "pkg:pypi/urllib3@2.2.3"),
				"8ac51ad8de95780d7f055ceae6cf142f63b1d250f2d959c98fe56077b262ec04",
				"f22a8bd3aec8b69cb8fda15ef666c80c3789431a795f32fedcc77f97ca109db4"),
			deps(sha256s(pkg("werkzeug", "3.1.3", trans, req, "pkg:pypi/werkzeug@3.1.3"),
				"2821ca67894c61cf6fa0ec0de87979c12949eb37053e0f7ca2aca624cd5b67ea",
				"39c3906aa8bea4ab52f65daf2eb42638dfed3d5b106c5a3ce59dce10be20b4bb"),
				"pkg:pypi/markupsafe@3.0.2"),
			sha256s(pkg("wheel", "0.40.0", direct, req, "pkg:pypi/wheel@0.40.0"),
				"99263acb37dba0f0ac390863494992a6bafd2763e9b8a1ed315a02de7a69fa7a",
				"d236b20e7cb522daf2390fa84c55eea81c5c30190f90f29ae2ca1ad8355bf247"),
		},
	}, {
		// pip-compile's input.
		file: "compiled/requirements.in",
		want: []inventory.Package{
			props(pkg("flask", "", direct, req, "pkg:pypi/flask"), "constraint", ">=3.0"),
			props(pkg("requests", "", direct, req, "pkg:pypi/requests"), "constraint", ">=2.31"),
			pkg("wheel", "", direct, req, "pkg:pypi/wheel"),
		},
	}, {
		// -c requirements.txt pins none of these.
		file: "compiled/requirements-dev.in",
		want: []inventory.Package{
			pkg("black", "", direct, dev, "pkg:pypi/black"),
			pkg("pytest", "", direct, dev, "pkg:pypi/pytest"),
		},
	}, {
		// uv pip compile: "via -c requirements.txt" makes nothing direct.
		file: "compiled/requirements-dev.txt",
		want: []inventory.Package{
			deps(pkg("black", "24.10.0", direct, dev, "pkg:pypi/black@24.10.0"),
				"pkg:pypi/click@8.1.7", "pkg:pypi/mypy-extensions@1.0.0", "pkg:pypi/packaging@24.2",
				"pkg:pypi/pathspec@0.12.1", "pkg:pypi/platformdirs@4.3.6"),
			pkg("click", "8.1.7", trans, dev, "pkg:pypi/click@8.1.7"),
			pkg("iniconfig", "2.0.0", trans, dev, "pkg:pypi/iniconfig@2.0.0"),
			pkg("mypy-extensions", "1.0.0", trans, dev, "pkg:pypi/mypy-extensions@1.0.0"),
			pkg("packaging", "24.2", trans, dev, "pkg:pypi/packaging@24.2"),
			pkg("pathspec", "0.12.1", trans, dev, "pkg:pypi/pathspec@0.12.1"),
			pkg("platformdirs", "4.3.6", trans, dev, "pkg:pypi/platformdirs@4.3.6"),
			pkg("pluggy", "1.5.0", trans, dev, "pkg:pypi/pluggy@1.5.0"),
			deps(pkg("pytest", "8.3.3", direct, dev, "pkg:pypi/pytest@8.3.3"),
				"pkg:pypi/iniconfig@2.0.0", "pkg:pypi/packaging@24.2", "pkg:pypi/pluggy@1.5.0"),
		},
	}, {
		// pip-tools 5: annotations at the end of the line.
		file: "legacy/requirements.txt",
		want: []inventory.Package{
			pkg("click", "7.1.2", trans, req, "pkg:pypi/click@7.1.2"),
			deps(pkg("flask", "1.1.2", direct, req, "pkg:pypi/flask@1.1.2"),
				"pkg:pypi/click@7.1.2", "pkg:pypi/itsdangerous@1.1.0", "pkg:pypi/jinja2@2.11.2", "pkg:pypi/werkzeug@1.0.1"),
			pkg("itsdangerous", "1.1.0", trans, req, "pkg:pypi/itsdangerous@1.1.0"),
			deps(pkg("jinja2", "2.11.2", trans, req, "pkg:pypi/jinja2@2.11.2"), "pkg:pypi/markupsafe@1.1.1"),
			pkg("markupsafe", "1.1.1", trans, req, "pkg:pypi/markupsafe@1.1.1"),
			pkg("werkzeug", "1.0.1", trans, req, "pkg:pypi/werkzeug@1.0.1"),
		},
	}, {
		// Rye: one "# via" line per reason; the project itself (rye-demo)
		// is not a package of the file, and "-e file:." names nothing.
		file: "rye/requirements.lock",
		want: []inventory.Package{
			deps(pkg("anyio", "4.4.0", trans, req, "pkg:pypi/anyio@4.4.0"), "pkg:pypi/idna@3.7", "pkg:pypi/sniffio@1.3.1"),
			pkg("certifi", "2024.7.4", trans, req, "pkg:pypi/certifi@2024.7.4"),
			pkg("h11", "0.14.0", trans, req, "pkg:pypi/h11@0.14.0"),
			deps(pkg("httpcore", "1.0.5", trans, req, "pkg:pypi/httpcore@1.0.5"), "pkg:pypi/certifi@2024.7.4", "pkg:pypi/h11@0.14.0"),
			deps(pkg("httpx", "0.27.0", direct, req, "pkg:pypi/httpx@0.27.0"),
				"pkg:pypi/anyio@4.4.0", "pkg:pypi/certifi@2024.7.4", "pkg:pypi/httpcore@1.0.5", "pkg:pypi/idna@3.7", "pkg:pypi/sniffio@1.3.1"),
			pkg("idna", "3.7", trans, req, "pkg:pypi/idna@3.7"),
			pkg("sniffio", "1.3.1", trans, req, "pkg:pypi/sniffio@1.3.1"),
		},
	}, {
		// Scope from the directory: docs/.
		file: "docs/requirements.txt",
		want: []inventory.Package{
			props(pkg("myst-parser", "", direct, dev, "pkg:pypi/myst-parser"), "constraint", ">=2.0"),
			pkg("sphinx-rtd-theme", "1.3.0", direct, dev, "pkg:pypi/sphinx-rtd-theme@1.3.0"),
			pkg("sphinx", "7.2.6", direct, dev, "pkg:pypi/sphinx@7.2.6"),
		},
	}, {
		// -r requirements/prod.txt, which has -r base.txt; -c pins.
		file: "includes/requirements.txt",
		want: []inventory.Package{
			props(pkg("django", "4.2.7", direct, req, "pkg:pypi/django@4.2.7"),
				"constraint", ">=4.2,<5.0", "pinned_by", "includes/constraints.txt"),
			pkg("gunicorn", "21.2.0", direct, req, "pkg:pypi/gunicorn@21.2.0"),
			props(pkg("redis", "5.0.1", direct, req, "pkg:pypi/redis@5.0.1"), "pinned_by", "includes/constraints.txt"),
			props(pkg("sentry-sdk", "1.38.0", direct, req, "pkg:pypi/sentry-sdk@1.38.0"), "pinned_by", "includes/constraints.txt"),
		},
	}, {
		// --requirement=base.txt, in the same requirements/ directory.
		file: "includes/requirements/test.txt",
		want: []inventory.Package{
			props(pkg("coverage", "", direct, test, "pkg:pypi/coverage"), "constraint", ">=7", "extras", "toml"),
			props(pkg("django", "", direct, test, "pkg:pypi/django"), "constraint", ">=4.2,<5.0"),
			pkg("pytest", "", direct, test, "pkg:pypi/pytest"),
			pkg("redis", "", direct, test, "pkg:pypi/redis"),
		},
	}} {
		t.Run(strings.ReplaceAll(tc.file, "/", "_"), func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

func TestScopeOf(t *testing.T) {
	for p, want := range map[string]string{
		"requirements.txt":             req,
		"requirements-dev.txt":         dev,
		"dev-requirements.txt":         dev,
		"requirements_test.txt":        test,
		"test-requirements.txt":        test,
		"requirements-tests.txt":       test,
		"requirements/dev.txt":         dev,
		"requirements/testing.txt":     test,
		"requirements/docs.in":         dev,
		"requirements/base.txt":        req,
		"requirements/latest.txt":      req,
		"docs/requirements.txt":        dev,
		"tests/requirements.txt":       test,
		"src/app/requirements.txt":     req,
		"requirements-lint.txt":        dev,
		"tests/requirements/prod.txt":  req,
		"requirements-prod.txt":        req,
		"requirements-typing.txt":      dev,
		"requirements-dev-test.txt":    dev,
		"ci/requirements-devices.txt":  req,
		"integration-tests/reqs/r.txt": req,
	} {
		if got := scopeOf(p); got != want {
			t.Errorf("scopeOf(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestExtractLines(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package
	}{{
		name:    "continuations_and_hashes",
		content: "foo==1.0 \\\n    --hash=sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA \\\n    --hash sha512:" + strings.Repeat("b", 128) + "\n",
		want: []inventory.Package{{Name: "foo", Version: "1.0", Ecosystem: "pypi", PURL: "pkg:pypi/foo@1.0", Relationship: direct, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-256", Value: strings.Repeat("a", 64)}, {Algorithm: "SHA-512", Value: strings.Repeat("b", 128)}}}},
	}, {
		name:    "comments",
		content: "# foo==1.0\nbar==2.0 # baz==3.0\nqux @ https://example.com/qux.zip#sha256=abc\n  # indented comment\n",
		want: []inventory.Package{
			pkg("bar", "2.0", direct, req, "pkg:pypi/bar@2.0"),
			props(pkg("qux", "", direct, req, "pkg:pypi/qux"), "url", "https://example.com/qux.zip#sha256=abc"),
		},
	}, {
		// A comment line ends a continuation, as in pip.
		name:    "comment_ends_continuation",
		content: "foo==1.0 \\\n# comment\nbar\n",
		want: []inventory.Package{
			pkg("bar", "", direct, req, "pkg:pypi/bar"),
			pkg("foo", "1.0", direct, req, "pkg:pypi/foo@1.0"),
		},
	}, {
		name:    "continuation_at_end_of_file",
		content: "foo==1.0 \\",
		want:    []inventory.Package{pkg("foo", "1.0", direct, req, "pkg:pypi/foo@1.0")},
	}, {
		name:    "options_ignored",
		content: "-i https://u:p@example.com/simple\n--extra-index-url=https://example.org/simple\n-f ./wheels\n--trusted-host example.com\n--no-binary :all:\n--only-binary=numpy\n--pre\n--require-hashes\n--no-index\n--unknown-option\nfoo --config-settings=x=y --global-option=--quiet\n",
		want:    []inventory.Package{pkg("foo", "", direct, req, "pkg:pypi/foo")},
	}, {
		name:    "crlf_bom",
		content: "\ufefffoo==1.0\r\nbar>=2\r\n",
		want: []inventory.Package{
			props(pkg("bar", "", direct, req, "pkg:pypi/bar"), "constraint", ">=2"),
			pkg("foo", "1.0", direct, req, "pkg:pypi/foo@1.0"),
		},
	}, {
		name:    "arbitrary_equality",
		content: "foo===1.0-weird\n",
		want:    []inventory.Package{pkg("foo", "1.0-weird", direct, req, "pkg:pypi/foo@1.0-weird")},
	}, {
		name:    "unnamed_urls_and_paths",
		content: ".\n-e .\n./src/pkg\nsrc/pkg\nhttps://example.com/archive/main.zip\n/abs/path/pkg-1.0.tar.gz\n-e git+https://github.com/o/r.git\n",
	}, {
		name:    "url_with_marker",
		content: "https://example.com/foo-1.0-py3-none-any.whl; python_version >= \"3.8\"\n",
		want: []inventory.Package{props(pkg("foo", "1.0", direct, req, "pkg:pypi/foo@1.0"),
			"marker", `python_version >= "3.8"`, "url", "https://example.com/foo-1.0-py3-none-any.whl")},
	}, {
		name:    "egg_with_extras_and_subdirectory",
		content: "-e git+ssh://git@github.com/o/mono.git@v1#egg=pkg-a[extra]&subdirectory=pkgs/a\n",
		want: []inventory.Package{props(pkg("pkg-a", "", direct, req, "pkg:pypi/pkg-a"),
			"editable", "true", "url", "git+ssh://github.com/o/mono.git@v1#egg=pkg-a[extra]&subdirectory=pkgs/a")},
	}, {
		name:    "attached_short_options",
		content: "-egit+https://github.com/o/r.git#egg=r\n",
		want:    []inventory.Package{props(pkg("r", "", direct, req, "pkg:pypi/r"), "editable", "true", "url", "git+https://github.com/o/r.git#egg=r")},
	}, {
		// A package named in two lines is one package: both say
		// something.
		name:    "duplicates",
		content: "foo>=1\nfoo<2\n",
		want:    []inventory.Package{props(pkg("foo", "", direct, req, "pkg:pypi/foo"), "constraint", "<2", "constraint", ">=1")},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "requirements.txt", []byte(tc.content), nil, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		files         map[string]string
		want          []inventory.Package // read despite the error
		wantErr       string
	}{{
		name:    "bad_line_keeps_the_others",
		content: "foo==1.0\nbar=1.0\nbaz==2\n",
		want: []inventory.Package{
			pkg("baz", "2", direct, req, "pkg:pypi/baz@2"),
			pkg("foo", "1.0", direct, req, "pkg:pypi/foo@1.0"),
		},
		wantErr: "line 2: invalid requirement",
	}, {
		name:    "bad_hash",
		content: "foo==1.0 --hash=sha256:xyz\n",
		want:    []inventory.Package{pkg("foo", "1.0", direct, req, "pkg:pypi/foo@1.0")},
		wantErr: `line 1: bad hash "sha256:xyz"`,
	}, {
		name:    "option_without_value",
		content: "foo\n-r\n",
		want:    []inventory.Package{pkg("foo", "", direct, req, "pkg:pypi/foo")},
		wantErr: "line 2: option -r needs a value",
	}, {
		name:    "missing_include",
		content: "-r missing.txt\nfoo\n",
		want:    []inventory.Package{pkg("foo", "", direct, req, "pkg:pypi/foo")},
		wantErr: `line 1: include "missing.txt"`,
	}, {
		name:    "include_outside_tree",
		content: "-r ../../etc/requirements.txt\n-c /etc/constraints.txt\n",
		wantErr: "outside the scanned tree",
	}, {
		name:    "include_cycle",
		content: "-r sub/a.txt\nfoo\n",
		files: map[string]string{
			"sub/a.txt": "-r ../requirements.txt\nbar\n",
		},
		want: []inventory.Package{
			pkg("bar", "", direct, req, "pkg:pypi/bar"),
			pkg("foo", "", direct, req, "pkg:pypi/foo"),
		},
		wantErr: `sub/a.txt: line 1: include "../requirements.txt": includes itself`,
	}, {
		name:    "too_deep",
		content: "-r d1.txt\n",
		files: func() map[string]string {
			m := map[string]string{}
			for i := 1; i <= maxDepth+2; i++ {
				m["d"+strconv.Itoa(i)+".txt"] = "-r d" + strconv.Itoa(i+1) + ".txt\np" + strconv.Itoa(i) + "\n"
			}
			return m
		}(),
		want: func() []inventory.Package {
			var out []inventory.Package
			for i := 1; i <= maxDepth; i++ {
				out = append(out, pkg("p"+strconv.Itoa(i), "", direct, req, "pkg:pypi/p"+strconv.Itoa(i)))
			}
			return sorted(out)
		}(),
		wantErr: "more than 10 levels of includes",
	}, {
		name:    "line_too_long",
		content: "foo\nbar==" + strings.Repeat("1", maxLine) + "\n",
		want:    []inventory.Package{pkg("foo", "", direct, req, "pkg:pypi/foo")},
		wantErr: "line 2: longer than",
	}, {
		name:    "binary",
		content: "\x00\x01\x02\x03PK\x03\x04 garbage",
		wantErr: "invalid requirement",
	}, {
		name: "many_errors",
		content: func() string {
			var b strings.Builder
			for range 15 {
				b.WriteString("=bad\n")
			}
			return b.String()
		}(),
		wantErr: "and 5 more errors",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "requirements.txt", []byte(tc.content), tc.files)
			if err == nil {
				t.Fatalf("no error, want %q", tc.wantErr)
			}
			if !strings.HasPrefix(err.Error(), `parse "requirements.txt": `) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q, want one containing %q", err, tc.wantErr)
			}
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract() diff (-want +got):\n%s", d)
			}
		})
	}
}

// An included file is read once, however many files include it.
func TestExtractDiamond(t *testing.T) {
	files := map[string]string{
		"a.txt":      "-r common.txt\na\n",
		"b.txt":      "-r common.txt\nb\n",
		"common.txt": "c==1\n",
	}
	got, err := extractortest.ExtractBytes(Extractor{}, "requirements.txt", []byte("-r a.txt\n-r b.txt\n"), files)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		pkg("a", "", direct, req, "pkg:pypi/a"),
		pkg("b", "", direct, req, "pkg:pypi/b"),
		pkg("c", "1", direct, req, "pkg:pypi/c@1"),
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract() diff (-want +got):\n%s", d)
	}
}
