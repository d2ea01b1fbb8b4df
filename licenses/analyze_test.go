package licenses

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/licenses/copyright"
)

// TestAnalyzeCopyrights: reading only the lines around copyright keywords
// gives what copyright.Find gives on the whole text, with the same lines.
func TestAnalyzeCopyrights(t *testing.T) {
	code := strings.Repeat("func f() { return }\n", 50)
	texts := []string{
		k8sHeader,
		gpl2Header,
		bsd3InC,
		code + "// Copyright (c) 2015, 2016 Some Very Long Company Name\n// and Its Subsidiaries. All rights reserved.\n" + code,
		"© 2020 Jane Doe\n" + code + "/* Portions\n * Copyright 2019 Foo Inc. */\n",
		"版权所有 (C) 2020 华为技术有限公司\n" + code,
		code + "copyright := \"x\" // not a statement\n",
		spdxText(t, "ISC"),
	}
	d := NewDetector()
	for i, text := range texts {
		r, err := d.Analyze([]byte(text), ModeSource)
		if err != nil {
			t.Fatal(err)
		}
		want := copyright.Find([]byte(text))
		if diff := cmp.Diff(want, r.Copyrights); diff != "" {
			t.Errorf("text %d: (-Find +Analyze):\n%s", i, diff)
		}
	}
}

// TestAnalyzeParenC: a statement with only "(c)" is found in a license
// file anywhere, and in other files in their header (the first 4 KiB)
// only.
func TestAnalyzeParenC(t *testing.T) {
	grant := "Permission to use, copy, modify, and/or distribute this software for any\n" +
		"purpose with or without fee is hereby granted, provided that the above\n" +
		"copyright notice and this permission notice appear in all copies.\n"
	code := strings.Repeat("func f() { return g(x) }\n", 400) // 10 KB
	top := "(c) 2021 Jane Doe\n\n\n" + grant
	deep := "package x\n" + code + "// (C) 2021 Jane Doe\n" + code
	d := NewDetector()
	for _, tc := range []struct {
		name, text string
		mode       Mode
		want       int
	}{
		{"license_file", top, ModeLicenseFile, 1},
		{"license_file_deep", deep, ModeLicenseFile, 1},
		{"header", top, ModeSource, 1},
		{"deep_in_source", deep, ModeSource, 0},
	} {
		r, err := d.Analyze([]byte(tc.text), tc.mode)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Copyrights) != tc.want {
			t.Errorf("%s: copyrights %+v, want %d", tc.name, r.Copyrights, tc.want)
		}
	}
}
