package attribution

import (
	"context"
	"strings"
	"testing"

	"github.com/hengdev/heng/internal/testtree"
	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner"
	"github.com/hengdev/heng/scanner/extractor/list"
)

// mitText is the MIT license with a copyright line for holder.
func mitText(holder string) string {
	t, _ := licenses.Text("MIT")
	return strings.Replace(t, "Copyright (c) <year> <copyright holders>", "Copyright (c) 2020 "+holder, 1)
}

// mulanText is the Mulan PSL v2 as a Chinese project ships it.
func mulanText() string {
	t, _ := licenses.Text("MulanPSL-2.0")
	return "Copyright (c) 2022 示例科技有限公司\n\n" + t
}

func npmPackage(name, version, license string) string {
	s := `{"name": "` + name + `", "version": "` + version + `"`
	if license != "" {
		s += `, "license": "` + license + `"`
	}
	return s + "}\n"
}

// testTree writes a small npm project and returns its directory:
//
//	a, b    MIT, own LICENSE files differing only in the copyright line
//	c       declares Apache-2.0, no license file: canonical text
//	d       MulanPSL-2.0 (Chinese text) with a Chinese holder
//	f       declares ISC, its LICENSE is MIT: a disagreement
//	g       no license at all
//	h       LICENSE holding only an SPDX tag for BSD-3-Clause
//	i       declares Apache-2.0 and ships a NOTICE file
func testTree(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"package.json":                `{"name": "app", "version": "1.0.0", "license": "MIT", "dependencies": {"a": "1.0.0", "b": "2.0.0", "c": "3.0.0", "d": "1.0.0", "f": "1.0.0", "g": "0.1.0", "h": "1.0.0", "i": "1.0.0"}}`,
		"LICENSE":                     mitText("App Authors"),
		"node_modules/a/package.json": npmPackage("a", "1.0.0", "MIT"),
		"node_modules/a/LICENSE":      mitText("Alice"),
		"node_modules/a/index.js":     "// Copyright 2020 Alice\nmodule.exports = 1\n",
		"node_modules/b/package.json": npmPackage("b", "2.0.0", "MIT"),
		"node_modules/b/LICENSE.md":   mitText("Bob"),
		"node_modules/c/package.json": npmPackage("c", "3.0.0", "Apache-2.0"),
		"node_modules/d/package.json": npmPackage("d", "1.0.0", "MulanPSL-2.0"),
		"node_modules/d/LICENSE":      mulanText(),
		"node_modules/f/package.json": npmPackage("f", "1.0.0", "ISC"),
		"node_modules/f/LICENSE":      mitText("Frank"),
		"node_modules/g/package.json": npmPackage("g", "0.1.0", ""),
		"node_modules/h/package.json": npmPackage("h", "1.0.0", "BSD-3-Clause"),
		"node_modules/h/LICENSE":      "SPDX-License-Identifier: BSD-3-Clause\n",
		"node_modules/i/package.json": npmPackage("i", "1.0.0", "Apache-2.0"),
		"node_modules/i/NOTICE":       "Example Thing\nCopyright 2019 The Example Foundation\n\nThis product includes software developed at\nThe Example Foundation (https://example.org/).\n",
	}
	testtree.Write(t, dir, files)
	return dir
}

// scan scans a directory as heng scan does.
func scan(t testing.TB, dir string) *sbom.Document {
	t.Helper()
	res, err := scanner.Run(context.Background(), scanner.Config{Root: dir, Jobs: 2, Extractors: list.All()})
	if err != nil {
		t.Fatal(err)
	}
	return &sbom.Document{Root: "project", Name: "project", Files: res.Files, Issues: res.Issues, Packages: res.Packages}
}
