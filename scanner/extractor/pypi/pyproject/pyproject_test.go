package pyproject

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"pyproject.toml":          true,
		"a/b/pyproject.toml":      true,
		"pyproject.toml.bak":      false,
		"mypyproject.toml":        false,
		"pyproject.tom":           false,
		"Pipfile":                 false,
		"poetry.lock":             false,
		"pyproject.toml/x":        false,
		"docs/pyproject.toml.txt": false,
	})
}

const (
	root     = inventory.RelationshipRoot
	direct   = inventory.RelationshipDirect
	req      = inventory.ScopeRequired
	optional = inventory.ScopeOptional
	dev      = inventory.ScopeDev
	test     = inventory.ScopeTest
)

// pkg is a pypi package as the tests want them, with properties given
// as name, value pairs.
func pkg(name, version, rel, scope, purl string, props ...string) inventory.Package {
	p := inventory.Package{Name: name, Version: version, Ecosystem: "pypi", PURL: purl, Relationship: rel, Scope: scope}
	for i := 0; i+1 < len(props); i += 2 {
		p.Properties = append(p.Properties, inventory.Property{Name: props[i], Value: props[i+1]})
	}
	return p
}

func withRoot(p inventory.Package, license *inventory.DeclaredLicense, deps ...string) inventory.Package {
	p.DeclaredLicense = license
	p.Dependencies = deps
	return p
}

func lic(expr, raw string) *inventory.DeclaredLicense {
	return &inventory.DeclaredLicense{Expression: expr, Raw: raw}
}

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []inventory.Package
	}{{
		// PEP 621 with a PEP 639 license expression, extras, PEP 735
		// groups including each other, and hatchling.
		name: "pep621",
		want: []inventory.Package{
			withRoot(pkg("acme-tools", "2.3.0", root, "", "pkg:pypi/acme-tools@2.3.0",
				"homepage", "https://github.com/acme/acme-tools", "license_file", "AUTHORS.md", "license_file", "LICEN[CS]E*",
				"repository", "https://github.com/acme/acme-tools.git"),
				lic("MIT OR Apache-2.0", "MIT OR Apache-2.0"),
				"pkg:pypi/boto3", "pkg:pypi/build", "pkg:pypi/click", "pkg:pypi/hatch-vcs", "pkg:pypi/hatchling",
				"pkg:pypi/httpx", "pkg:pypi/ipython", "pkg:pypi/mypy", "pkg:pypi/pydantic", "pkg:pypi/pytest",
				"pkg:pypi/pytest-cov", "pkg:pypi/pyyaml", "pkg:pypi/rich@13.7.1", "pkg:pypi/ruff@0.3.4",
				"pkg:pypi/s3fs@2024.2.0", "pkg:pypi/tomli", "pkg:pypi/twine"),
			pkg("boto3", "", direct, optional, "pkg:pypi/boto3", "constraint", ">=1.34", "extra", "s3"),
			pkg("build", "", direct, optional, "pkg:pypi/build", "group", "release"),
			pkg("click", "", direct, req, "pkg:pypi/click", "constraint", ">=8.1"),
			pkg("hatch-vcs", "", direct, dev, "pkg:pypi/hatch-vcs", "group", "build-system"),
			pkg("hatchling", "", direct, dev, "pkg:pypi/hatchling", "constraint", ">=1.21", "group", "build-system"),
			pkg("httpx", "", direct, req, "pkg:pypi/httpx", "constraint", ">=0.27,<1", "extras", "http2"),
			pkg("ipython", "", direct, dev, "pkg:pypi/ipython", "group", "dev"),
			pkg("mypy", "", direct, dev, "pkg:pypi/mypy", "constraint", ">=1.9", "group", "dev", "group", "lint"),
			pkg("pydantic", "", direct, req, "pkg:pypi/pydantic", "constraint", "~=2.6"),
			// In test (test) and, through include-group, dev (dev): the
			// wider scope wins.
			pkg("pytest", "", direct, dev, "pkg:pypi/pytest", "constraint", ">=8", "group", "dev", "group", "test"),
			pkg("pytest-cov", "", direct, dev, "pkg:pypi/pytest-cov", "group", "dev", "group", "test"),
			pkg("pyyaml", "", direct, optional, "pkg:pypi/pyyaml", "constraint", ">=6.0", "extra", "yaml"),
			pkg("rich", "13.7.1", direct, req, "pkg:pypi/rich@13.7.1"),
			pkg("ruff", "0.3.4", direct, dev, "pkg:pypi/ruff@0.3.4", "group", "dev", "group", "lint"),
			pkg("s3fs", "2024.2.0", direct, optional, "pkg:pypi/s3fs@2024.2.0", "extra", "s3"),
			pkg("tomli", "", direct, req, "pkg:pypi/tomli", "constraint", ">=1.1.0", "marker", "python_version < '3.11'"),
			pkg("twine", "", direct, optional, "pkg:pypi/twine", "group", "release"),
		},
	}, {
		// setuptools: dynamic version, license.text beside a vaguer
		// classifier.
		name: "setuptools",
		want: []inventory.Package{
			pkg("furo", "", direct, optional, "pkg:pypi/furo", "extra", "docs"),
			pkg("hypothesis", "", direct, optional, "pkg:pypi/hypothesis", "constraint", ">=6.0", "extra", "test"),
			withRoot(pkg("legacy-lib", "", root, "", "pkg:pypi/legacy-lib"),
				lic("BSD-3-Clause", "BSD 3-Clause License"),
				"pkg:pypi/furo", "pkg:pypi/hypothesis", "pkg:pypi/numpy", "pkg:pypi/pytest", "pkg:pypi/scipy",
				"pkg:pypi/setuptools", "pkg:pypi/setuptools-scm", "pkg:pypi/sphinx", "pkg:pypi/wheel"),
			pkg("numpy", "", direct, req, "pkg:pypi/numpy", "constraint", ">=1.22"),
			pkg("pytest", "", direct, optional, "pkg:pypi/pytest", "extra", "test"),
			pkg("scipy", "", direct, req, "pkg:pypi/scipy"),
			pkg("setuptools", "", direct, dev, "pkg:pypi/setuptools", "constraint", ">=61.0", "group", "build-system"),
			pkg("setuptools-scm", "", direct, dev, "pkg:pypi/setuptools-scm", "constraint", ">=8", "group", "build-system"),
			pkg("sphinx", "", direct, optional, "pkg:pypi/sphinx", "constraint", ">=7", "extra", "docs"),
			pkg("wheel", "", direct, dev, "pkg:pypi/wheel", "group", "build-system"),
		},
	}, {
		// Poetry 1.2+: groups, extras, multiple constraints, git and
		// path dependencies, "python" left out.
		name: "poetry",
		want: []inventory.Package{
			pkg("black", "", direct, dev, "pkg:pypi/black", "constraint", "^24.1", "group", "dev"),
			pkg("local-pkg", "", direct, req, "pkg:pypi/local-pkg", "editable", "true", "path", "../local-pkg"),
			pkg("mkdocs", "1.5.3", direct, dev, "pkg:pypi/mkdocs@1.5.3", "group", "docs"),
			pkg("my-lib", "", direct, req, "pkg:pypi/my-lib", "url", "git+https://github.com/acme/my-lib.git@v1.2.0"),
			pkg("numpy", "", direct, req, "pkg:pypi/numpy", "constraint", "^1.24", "constraint", "^1.26"),
			pkg("pendulum", "2.1.2", direct, req, "pkg:pypi/pendulum@2.1.2"),
			pkg("poetry-core", "", direct, dev, "pkg:pypi/poetry-core", "group", "build-system"),
			withLinks(withRoot(pkg("poetry-demo", "0.1.0", root, "", "pkg:pypi/poetry-demo@0.1.0"),
				lic("MIT", "MIT"),
				"pkg:pypi/black", "pkg:pypi/local-pkg", "pkg:pypi/mkdocs@1.5.3", "pkg:pypi/my-lib", "pkg:pypi/numpy",
				"pkg:pypi/pendulum@2.1.2", "pkg:pypi/poetry-core", "pkg:pypi/pre-commit", "pkg:pypi/psycopg2",
				"pkg:pypi/pytest", "pkg:pypi/pytest-mock", "pkg:pypi/pywin32@306", "pkg:pypi/requests", "pkg:pypi/uvicorn"),
				"homepage", "https://python-poetry.org/", "repository", "https://github.com/python-poetry/poetry-demo"),
			pkg("pre-commit", "", direct, dev, "pkg:pypi/pre-commit", "constraint", "*", "group", "dev"),
			pkg("psycopg2", "", direct, optional, "pkg:pypi/psycopg2", "constraint", "^2.9", "extra", "pgsql"),
			pkg("pytest", "", direct, test, "pkg:pypi/pytest", "constraint", "^8.0.0", "group", "test"),
			pkg("pytest-mock", "", direct, test, "pkg:pypi/pytest-mock", "constraint", "*", "group", "test"),
			pkg("pywin32", "306", direct, req, "pkg:pypi/pywin32@306", "marker", "sys_platform == 'win32'"),
			pkg("requests", "", direct, req, "pkg:pypi/requests", "constraint", "^2.31.0"),
			pkg("uvicorn", "", direct, req, "pkg:pypi/uvicorn", "constraint", "^0.27.0", "extras", "standard"),
		},
	}, {
		// Poetry before 1.2: dev-dependencies; the license string
		// beats the classifier.
		name: "poetry-legacy",
		want: []inventory.Package{
			pkg("flake8", "", direct, dev, "pkg:pypi/flake8", "constraint", "^3.9", "group", "dev"),
			pkg("flask", "", direct, req, "pkg:pypi/flask", "constraint", "^2.0"),
			withRoot(pkg("old-style", "1.0.0", root, "", "pkg:pypi/old-style@1.0.0"),
				lic("Apache-2.0", "Apache-2.0"),
				"pkg:pypi/flake8", "pkg:pypi/flask", "pkg:pypi/poetry-core", "pkg:pypi/pytest", "pkg:pypi/sqlalchemy@1.4.46"),
			pkg("poetry-core", "", direct, dev, "pkg:pypi/poetry-core", "constraint", ">=1.0.0", "group", "build-system"),
			pkg("pytest", "", direct, dev, "pkg:pypi/pytest", "constraint", "^6.2", "group", "dev"),
			pkg("sqlalchemy", "1.4.46", direct, req, "pkg:pypi/sqlalchemy@1.4.46", "extras", "postgresql-psycopg2binary"),
		},
	}, {
		// Poetry 2: [project] dependencies in PEP 508 with
		// parentheses; tool.poetry.dependencies only enrich them.
		name: "poetry2",
		want: []inventory.Package{
			pkg("fastapi", "", direct, req, "pkg:pypi/fastapi", "constraint", ">=0.110.0,<0.111.0"),
			pkg("poetry-core", "", direct, dev, "pkg:pypi/poetry-core", "constraint", ">=2.0.0,<3.0.0", "group", "build-system"),
			withRoot(pkg("poetry2-app", "0.2.0", root, "", "pkg:pypi/poetry2-app@0.2.0"),
				lic("MIT", "MIT"),
				"pkg:pypi/fastapi", "pkg:pypi/poetry-core", "pkg:pypi/ruff", "pkg:pypi/sqlalchemy"),
			pkg("ruff", "", direct, dev, "pkg:pypi/ruff", "constraint", "^0.3.0", "group", "dev"),
			pkg("sqlalchemy", "", direct, req, "pkg:pypi/sqlalchemy", "constraint", ">=2.0.28,<3.0.0", "extras", "asyncio"),
		},
	}, {
		name: "pdm",
		want: []inventory.Package{
			pkg("pdm-backend", "", direct, dev, "pkg:pypi/pdm-backend", "group", "build-system"),
			withRoot(pkg("pdm-demo", "0.1.0", root, "", "pkg:pypi/pdm-demo@0.1.0"),
				lic("MIT", "MIT"),
				"pkg:pypi/pdm-backend", "pkg:pypi/pytest", "pkg:pypi/requests", "pkg:pypi/ruff"),
			pkg("pytest", "", direct, test, "pkg:pypi/pytest", "constraint", ">=7.4.3", "group", "test"),
			pkg("requests", "", direct, req, "pkg:pypi/requests", "constraint", ">=2.31.0"),
			pkg("ruff", "", direct, dev, "pkg:pypi/ruff", "constraint", ">=0.1.6", "group", "lint"),
		},
	}, {
		name: "uv",
		want: []inventory.Package{
			pkg("fastapi", "", direct, req, "pkg:pypi/fastapi", "constraint", ">=0.115.0"),
			pkg("pytest", "", direct, dev, "pkg:pypi/pytest", "constraint", ">=8.3.3", "group", "dev"),
			withRoot(pkg("uv-app", "0.1.0", root, "", "pkg:pypi/uv-app@0.1.0"), nil, "pkg:pypi/fastapi", "pkg:pypi/pytest"),
		},
	}, {
		name: "tools-only",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.name + "/pyproject.toml"
			extractortest.CheckExtract(t, Extractor{}, "testdata", file, tc.want)
		})
	}
}

func TestExtractEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package
		wantErr       string
	}{{
		name:    "license_file_and_classifiers",
		content: "[project]\nname = \"x\"\nversion = \"1\"\nlicense = {file = \"LICENSE.txt\"}\nclassifiers = [\"License :: OSI Approved :: MIT License\"]\n",
		want: []inventory.Package{withRoot(pkg("x", "1", root, "", "pkg:pypi/x@1", "license_file", "LICENSE.txt"),
			lic("MIT", "License :: OSI Approved :: MIT License"))},
	}, {
		name:    "classifiers_only",
		content: "[project]\nname = \"x\"\nversion = \"1\"\nclassifiers = [\"License :: OSI Approved :: ISC License (ISCL)\", \"Topic :: Utilities\"]\n",
		want:    []inventory.Package{withRoot(pkg("x", "1", root, "", "pkg:pypi/x@1"), lic("ISC", "License :: OSI Approved :: ISC License (ISCL)"))},
	}, {
		name:    "license_files_table",
		content: "[project]\nname = \"x\"\nversion = \"1\"\nlicense-files = {paths = [\"LICENSE\"], globs = [\"licenses/*\"]}\n",
		want:    []inventory.Package{pkg("x", "1", root, "", "pkg:pypi/x@1", "license_file", "LICENSE", "license_file", "licenses/*")},
	}, {
		name:    "dynamic_version_from_poetry",
		content: "[project]\nname = \"x\"\ndynamic = [\"version\"]\n[tool.poetry]\nversion = \"3.1.4\"\n",
		want:    []inventory.Package{pkg("x", "3.1.4", root, "", "pkg:pypi/x@3.1.4")},
	}, {
		name:    "static_version_beats_poetry",
		content: "[project]\nname = \"x\"\nversion = \"1\"\n[tool.poetry]\nname = \"y\"\nversion = \"2\"\n",
		want:    []inventory.Package{pkg("x", "1", root, "", "pkg:pypi/x@1")},
	}, {
		name:    "no_name_no_root",
		content: "[dependency-groups]\ndev = [\"pytest\"]\ncuda = [\"torch==2.3.0\"]\n",
		want: []inventory.Package{
			pkg("pytest", "", direct, dev, "pkg:pypi/pytest", "group", "dev"),
			pkg("torch", "2.3.0", direct, optional, "pkg:pypi/torch@2.3.0", "group", "cuda"),
		},
	}, {
		name:    "include_group_normalised_name",
		content: "[dependency-groups]\nTest_Tools = [\"pytest\"]\nci = [{include-group = \"test-tools\"}]\n",
		// Under ci (optional) as well as its own group (test): optional
		// is the wider.
		want: []inventory.Package{pkg("pytest", "", direct, optional, "pkg:pypi/pytest", "group", "Test_Tools", "group", "ci")},
	}, {
		name:    "poetry_git_branch_subdirectory_and_url",
		content: "[tool.poetry]\nname = \"x\"\nversion = \"1\"\n[tool.poetry.dependencies]\na = {git = \"https://tok@example.com/a.git\", branch = \"main\", subdirectory = \"py\"}\nb = {url = \"https://example.com/b-1.0.tar.gz\"}\nc = \"=1.0\"\nd = \"1.*\"\nPython = \"^3.9\"\n",
		want: []inventory.Package{
			pkg("a", "", direct, req, "pkg:pypi/a", "url", "git+https://example.com/a.git@main#subdirectory=py"),
			pkg("b", "", direct, req, "pkg:pypi/b", "url", "https://example.com/b-1.0.tar.gz"),
			pkg("c", "1.0", direct, req, "pkg:pypi/c@1.0"),
			pkg("d", "", direct, req, "pkg:pypi/d", "constraint", "1.*"),
			withRoot(pkg("x", "1", root, "", "pkg:pypi/x@1"), nil, "pkg:pypi/a", "pkg:pypi/b", "pkg:pypi/c@1.0", "pkg:pypi/d"),
		},
	}, {
		name:    "poetry_main_group",
		content: "[tool.poetry.group.main.dependencies]\nrequests = \"^2\"\n[tool.poetry.group.lint.dependencies]\nruff = \"*\"\n",
		want: []inventory.Package{
			pkg("requests", "", direct, req, "pkg:pypi/requests", "constraint", "^2", "group", "main"),
			pkg("ruff", "", direct, dev, "pkg:pypi/ruff", "constraint", "*", "group", "lint"),
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtractBytes(t, Extractor{}, "pyproject.toml", []byte(tc.content), nil, tc.want)
		})
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []inventory.Package // read despite the errors
		wantErr       string
	}{{
		name:    "not_toml",
		content: "[project\nname = \"x\"\n",
		wantErr: "toml",
	}, {
		name:    "truncated",
		content: "[project]\nname = \"x\"\ndependencies = [\"requests\",",
		wantErr: "toml",
	}, {
		name:    "dependencies_not_an_array",
		content: "[project]\nname = \"x\"\ndependencies = \"requests\"\n",
		want:    []inventory.Package{pkg("x", "", root, "", "pkg:pypi/x")},
		wantErr: "project.dependencies: not an array",
	}, {
		name:    "bad_requirement_keeps_the_others",
		content: "[project]\nname = \"x\"\ndependencies = [\"requests>=2\", \"not a requirement\", 3]\n",
		want: []inventory.Package{
			pkg("requests", "", direct, req, "pkg:pypi/requests", "constraint", ">=2"),
			withRoot(pkg("x", "", root, "", "pkg:pypi/x"), nil, "pkg:pypi/requests"),
		},
		wantErr: "project.dependencies: invalid requirement",
	}, {
		name:    "bad_name",
		content: "[project]\nname = \"../x\"\ndependencies = [\"a\"]\n",
		want:    []inventory.Package{pkg("a", "", direct, req, "pkg:pypi/a")},
		wantErr: "not a valid name",
	}, {
		name:    "name_not_a_string",
		content: "[project]\nname = 42\n",
		wantErr: "project.name: not a string",
	}, {
		name:    "project_not_a_table",
		content: "project = \"x\"\n",
		wantErr: "project: not a table",
	}, {
		name:    "license_wrong_type",
		content: "[project]\nname = \"x\"\nlicense = 3\n",
		want:    []inventory.Package{pkg("x", "", root, "", "pkg:pypi/x")},
		wantErr: "project.license: neither a string nor a table",
	}, {
		name:    "include_group_cycle",
		content: "[dependency-groups]\na = [\"x\", {include-group = \"b\"}]\nb = [{include-group = \"a\"}]\n",
		want:    []inventory.Package{pkg("x", "", direct, optional, "pkg:pypi/x", "group", "a", "group", "b")},
		wantErr: "include-group cycle",
	}, {
		name:    "include_group_missing",
		content: "[dependency-groups]\na = [{include-group = \"nope\"}, {other = 1}, 7]\n",
		wantErr: `no group "nope" to include`,
	}, {
		name:    "poetry_bad_values",
		content: "[tool.poetry.dependencies]\na = 1\n\"b c\" = \"*\"\nd = [\"x\"]\ne = {version = 2}\n",
		want:    []inventory.Package{pkg("e", "", direct, req, "pkg:pypi/e")},
		wantErr: "tool.poetry.dependencies.a: neither a string, a table nor an array",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "pyproject.toml", []byte(tc.content), nil)
			if err == nil {
				t.Fatalf("no error, want %q", tc.wantErr)
			}
			if !strings.HasPrefix(err.Error(), `parse "pyproject.toml": `) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q, want one containing %q", err, tc.wantErr)
			}
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract() diff (-want +got):\n%s", d)
			}
		})
	}
}

// TestExtractDeepNesting: files nesting deep enough to stall the TOML
// parser for hours are refused at once, and real nesting is not.
func TestExtractDeepNesting(t *testing.T) {
	const n = 200_000
	for _, tc := range []struct {
		name, content string
		wantErr       string
	}{{
		name:    "inline_tables",
		content: "[tool.x]\na = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n",
		wantErr: "line 2: tables, arrays or dotted keys nested too deep",
	}, {
		name:    "arrays",
		content: "[project]\nname = \"x\"\ndependencies = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
		wantErr: "line 3: tables, arrays or dotted keys nested too deep",
	}, {
		name:    "dotted_key",
		content: strings.Repeat("tool.", n) + "x = 1\n",
		wantErr: "line 1: tables, arrays or dotted keys nested too deep",
	}, {
		name:    "table_header",
		content: "[" + strings.Repeat("tool.", n) + "x]\n",
		wantErr: "line 1: tables, arrays or dotted keys nested too deep",
	}, {
		name:    "too_large",
		content: "[project]\nname = \"x\"\n" + strings.Repeat("#", maxSize),
		wantErr: "too large: larger than 16 MiB",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, err := extractortest.ExtractBytes(Extractor{}, "pyproject.toml", []byte(tc.content), nil)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Extract() took %v", d)
			}
			if err == nil || !strings.HasPrefix(err.Error(), `parse "pyproject.toml": `) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
			if got != nil {
				t.Errorf("Extract() = %v, want no packages", got)
			}
		})
	}

	// Deep but real: a tool table nested as deep as the bound allows.
	content := "[project]\nname = \"x\"\n[tool.a.b.c]\nd = [[{e.f = [1]}]]\n" + "g = " + strings.Repeat("{g = ", maxDepth-1) + "1" + strings.Repeat("}", maxDepth-1) + "\n"
	got, err := extractortest.ExtractBytes(Extractor{}, "pyproject.toml", []byte(content), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{pkg("x", "", root, "", "pkg:pypi/x")}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract() diff (-want +got):\n%s", d)
	}
}

// withLinks adds properties (name, value pairs) to p.
func withLinks(p inventory.Package, kv ...string) inventory.Package {
	p.Properties = append(p.Properties, extractortest.Props(kv...)...)
	return p
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name    string
		project map[string]any
		poetry  map[string]any
		want    []inventory.Property
	}{
		{"none", nil, nil, nil},
		{"labels", map[string]any{"urls": map[string]any{
			"homepage": "https://h.example/", "Source-Code": "git+https://s.example/r.git", "Docs": "https://d.example/",
		}}, nil, extractortest.Props("homepage", "https://h.example/", "repository", "https://s.example/r.git")},
		{"github_label", map[string]any{"urls": map[string]any{"GitHub": "https://github.com/u/r", "Home": "relative/path"}}, nil,
			extractortest.Props("repository", "https://github.com/u/r")},
		{"project_urls_win", map[string]any{"urls": map[string]any{"Repository": "https://a.example/r"}},
			map[string]any{"homepage": "https://p.example/", "repository": "https://p.example/r"},
			extractortest.Props("homepage", "https://p.example/", "repository", "https://a.example/r")},
		{"wrong_types", map[string]any{"urls": map[string]any{"Homepage": 5}}, map[string]any{"repository": []any{"x"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, links(tt.project, tt.poetry)); diff != "" {
				t.Errorf("links mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
