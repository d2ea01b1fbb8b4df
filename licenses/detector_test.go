package licenses

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hengdev/heng/licenses/internal/index"
)

// spdxText returns the SPDX reference text of a license.
func spdxText(t testing.TB, id string) string {
	t.Helper()
	m := spdxList(t)
	l, ok := m[id]
	if !ok {
		t.Fatalf("no SPDX text for %s", id)
	}
	return l.Text
}

var spdxData = sync.OnceValues(func() (map[string]index.SPDXLicense, error) {
	data, err := os.ReadFile("data/spdx-full.json")
	if err != nil {
		return nil, err
	}
	return index.ParseSPDX(data)
})

func spdxList(t testing.TB) map[string]index.SPDXLicense {
	m, err := spdxData()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const k8sHeader = `/*
Copyright 2014 The Kubernetes Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/

package cache

import "fmt"

func main() { fmt.Println("hi") }
`

const gpl2Header = `#!/usr/bin/env python3
#
# Copyright (C) 2019 Jane Doe
#
# This program is free software; you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation; either version 2 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.

import sys
print(sys.argv)
`

const bsd3InC = `/*
 * Copyright (c) 1998 The Example Foundation, Inc.
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 * 1. Redistributions of source code must retain the above copyright
 *    notice, this list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright
 *    notice, this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the Foundation nor the names of its contributors
 *    may be used to endorse or promote products derived from this software
 *    without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE FOUNDATION AND CONTRIBUTORS ` + "``AS IS''" + ` AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
 * ARE DISCLAIMED.  IN NO EVENT SHALL THE FOUNDATION OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
 * OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
 * HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
 * LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
 * OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
 * SUCH DAMAGE.
 */

#include <stdio.h>
int main(void) { return 0; }
`

const gpl3Notice = `This program is free software: you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.
`

// brief is the part of a finding the tables compare.
type brief struct {
	ID, Expression string
	Kind           Kind
	Lines          [2]int
	Percent        float64
	Error          bool
}

func briefs(fs []Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.ID, f.Expression, f.Kind, [2]int{f.StartLine, f.EndLine}, f.Percent, f.Error != ""})
	}
	return out
}

func TestDetect(t *testing.T) {
	mit := spdxText(t, "MIT")
	mitLines := strings.Count(strings.TrimRight(mit, "\n"), "\n") + 1
	code := strings.Repeat("x := compute(y) // some code\n", 400)
	tests := []struct {
		name string
		text string
		mode Mode
		want []brief
	}{
		{
			name: "apache_header_in_go",
			text: k8sHeader,
			want: []brief{{ID: "Apache-2.0", Kind: KindNotice, Lines: [2]int{2, 14}, Percent: 100}},
		},
		{
			name: "gpl2_or_later_header_in_python",
			text: gpl2Header,
			want: []brief{{ID: "GPL-2.0-or-later", Kind: KindNotice, Lines: [2]int{3, 13}, Percent: 100}},
		},
		{
			name: "bsd3_text_in_c_comment",
			text: bsd3InC,
			want: []brief{{ID: "BSD-3-Clause", Kind: KindText, Lines: [2]int{2, 27}, Percent: 100}},
		},
		{
			name: "mit_license_file",
			text: mit,
			mode: ModeLicenseFile,
			// The title line "MIT License" is not part of the text.
			want: []brief{{ID: "MIT", Kind: KindText, Lines: [2]int{3, mitLines}, Percent: 99}},
		},
		{
			name: "license_deep_in_file",
			text: code + "/*\n" + mit + "\n*/\n" + code,
			want: []brief{{ID: "MIT", Kind: KindText, Lines: [2]int{404, 401 + mitLines}, Percent: 100}},
		},
		{
			name: "mit_with_bom_and_crlf",
			text: "\ufeff" + strings.ReplaceAll(mit, "\n", "\r\n"),
			mode: ModeLicenseFile,
			want: []brief{{ID: "MIT", Kind: KindText, Lines: [2]int{3, mitLines}, Percent: 99}},
		},
		{
			name: "invalid_utf8_around_header",
			text: "\xff\xfe\x80 junk\n" + k8sHeader + "\xc3\x28 more junk\n",
			want: []brief{{ID: "Apache-2.0", Kind: KindNotice, Lines: [2]int{3, 15}, Percent: 100}},
		},
		{
			// One window, the same notice twice with other words between:
			// both are found, the second by a scan of its own segment.
			name: "same_notice_twice_in_one_window",
			text: "Moment is released under the MIT license.\n\n## Install\n\nnpm install moment\nnpm test\nnpm run build\n\n## License\n\nMoment is released under the MIT license.\n",
			want: []brief{
				{ID: "MIT", Kind: KindNotice, Lines: [2]int{1, 1}, Percent: 71.4},
				{ID: "MIT", Kind: KindNotice, Lines: [2]int{11, 11}, Percent: 71.4},
			},
		},
		{
			name: "code_mentioning_license_only",
			text: "func (l *License) String() string { return l.licenseID }\n// copyright holders are listed in AUTHORS\n",
			want: nil,
		},
		{
			name: "spdx_tag_single",
			text: "// SPDX-License-Identifier: MIT\npackage x\n",
			want: []brief{{ID: "MIT", Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100}},
		},
		{
			name: "spdx_tag_compound",
			text: "# SPDX-License-Identifier: MIT OR Apache-2.0\n",
			want: []brief{{Expression: "MIT OR Apache-2.0", Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100}},
		},
		{
			name: "spdx_tag_canonical_case",
			text: "/* SPDX-License-Identifier: apache-2.0 or gpl-2.0-only */\n",
			want: []brief{{Expression: "Apache-2.0 OR GPL-2.0-only", Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100}},
		},
		{
			name: "spdx_tag_with_exception",
			text: "\n\n// SPDX-License-Identifier: GPL-2.0-or-later WITH Classpath-exception-2.0\n",
			want: []brief{{Expression: "GPL-2.0-or-later WITH Classpath-exception-2.0", Kind: KindTag, Lines: [2]int{3, 3}, Percent: 100}},
		},
		{
			name: "spdx_tag_in_string_literal",
			text: `const header = "SPDX-License-Identifier: BSD-2-Clause";` + "\n",
			want: []brief{{ID: "BSD-2-Clause", Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100}},
		},
		{
			name: "spdx_tag_or_later_plus",
			text: "-- SPDX-License-Identifier: GPL-2.0+\n",
			want: []brief{{Expression: "GPL-2.0+", Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100}},
		},
		{
			name: "spdx_tag_invalid",
			text: "// SPDX-License-Identifier: GPL-2.0 with bananas\n",
			want: []brief{{Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100, Error: true}},
		},
		{
			name: "spdx_tag_empty",
			text: "// SPDX-License-Identifier:\n",
			want: []brief{{Kind: KindTag, Lines: [2]int{1, 1}, Percent: 100, Error: true}},
		},
		{
			name: "license_url",
			text: "// Copyright 2020 Example\n// Released under https://opensource.org/licenses/MIT.\n",
			want: []brief{{ID: "MIT", Kind: KindURL, Lines: [2]int{2, 2}, Percent: 100}},
		},
		{
			name: "two_licenses_in_one_file",
			text: mit + "\n\n" + spdxText(t, "Apache-2.0"),
			mode: ModeLicenseFile,
			want: []brief{
				{ID: "MIT", Kind: KindText, Lines: [2]int{3, mitLines}, Percent: 9},
				{ID: "Apache-2.0", Kind: KindText, Lines: [2]int{mitLines + 2, mitLines + 2 + strings.Count(spdxText(t, "Apache-2.0"), "\n")}, Percent: 91},
			},
		},
		{
			// The GPL's own "How to Apply" sample says "or any later
			// version"; the bare text does not.
			name: "gpl3_full_text_is_not_or_later",
			text: spdxText(t, "GPL-3.0-only"),
			mode: ModeLicenseFile,
			want: []brief{{ID: "GPL-3.0", Kind: KindText, Lines: [2]int{1, 203}, Percent: 93}},
		},
		{
			name: "gpl3_text_then_own_notice_on_top",
			text: gpl3Notice + "\n" + spdxText(t, "GPL-3.0-only"),
			mode: ModeLicenseFile,
			want: []brief{
				{ID: "GPL-3.0-or-later", Kind: KindNotice, Lines: [2]int{1, 4}, Percent: 1},
				{ID: "GPL-3.0", Kind: KindText, Lines: [2]int{6, 208}, Percent: 92},
			},
		},
		{
			name: "empty",
			text: "",
			want: nil,
		},
	}
	d := NewDetector()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := d.Detect([]byte(tc.text), tc.mode)
			if err != nil {
				t.Fatal(err)
			}
			approx := cmpopts.EquateApprox(0, 1)
			if diff := cmp.Diff(tc.want, briefs(got), approx); diff != "" {
				t.Errorf("Detect(%s) diff (-want +got):\n%s\nfindings: %+v", tc.name, diff, got)
			}
		})
	}
}

func TestDetectInvalidTagKeepsRaw(t *testing.T) {
	got, err := NewDetector().Detect([]byte("// SPDX-License-Identifier: GPL-2.0 with bananas */\n"), ModeSource)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Raw != "GPL-2.0 with bananas" || !strings.Contains(got[0].Error, "bananas") {
		t.Fatalf("got %+v, want one invalid tag with raw text and an error naming the bad part", got)
	}
}

// TestDetectConcurrent runs one detector from many goroutines (with -race,
// this proves the lazily built scanners are safe to share).
func TestDetectConcurrent(t *testing.T) {
	d := NewDetector()
	texts := []string{k8sHeader, gpl2Header, bsd3InC, spdxText(t, "MIT"), spdxText(t, "ISC")}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				text := texts[(i+j)%len(texts)]
				fs, err := d.Detect([]byte(text), ModeSource)
				if err != nil || len(fs) == 0 {
					t.Errorf("no finding in text %d: %v", (i+j)%len(texts), err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestCanonicalExpression(t *testing.T) {
	tests := []struct {
		in, want string
		single   bool
		bad      bool
	}{
		{in: "MIT", want: "MIT", single: true},
		{in: "mit", want: "MIT", single: true},
		{in: "apache-2.0", want: "Apache-2.0", single: true},
		{in: "MIT OR Apache-2.0", want: "MIT OR Apache-2.0"},
		{in: "(MIT OR Apache-2.0) AND BSD-3-Clause", want: "(MIT OR Apache-2.0) AND BSD-3-Clause"},
		{in: "( mit  or  apache-2.0 )", want: "(MIT OR Apache-2.0)"},
		{in: "GPL-2.0+", want: "GPL-2.0+"},
		{in: "gpl-2.0-only with linux-syscall-note", want: "GPL-2.0-only WITH Linux-syscall-note"},
		{in: "licenseref-MyLicense", want: "LicenseRef-MyLicense", single: true},
		{in: "DocumentRef-spdx:LicenseRef-x", want: "DocumentRef-spdx:LicenseRef-x", single: true},
		{in: "", bad: true},
		{in: "MIT AND", bad: true},
		{in: "(MIT", bad: true},
		{in: "Not-A-License", bad: true},
		{in: "GPL-2.0-only WITH MIT", bad: true},
	}
	for _, tc := range tests {
		got, single, err := CanonicalExpression(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("CanonicalExpression(%q) = %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want || single != tc.single {
			t.Errorf("CanonicalExpression(%q) = %q, %v, %v; want %q, %v", tc.in, got, single, err, tc.want, tc.single)
		}
	}
}

func TestFindURLs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"see https://opensource.org/licenses/MIT.", []string{"https://opensource.org/licenses/MIT"}},
		{"<http://www.apache.org/licenses/LICENSE-2.0>", []string{"http://www.apache.org/licenses/LICENSE-2.0"}},
		{"(HTTP://www.gnu.org/licenses/gpl-3.0.html)", []string{"HTTP://www.gnu.org/licenses/gpl-3.0.html"}},
		{"at www.apache.org/licenses/LICENSE-2.0, or", []string{"www.apache.org/licenses/LICENSE-2.0"}},
		{"ftp://example.com and file:///x", nil},
		{"no address here: a.b.c", nil},
		{"[MIT](https://spdx.org/licenses/MIT.html)", []string{"https://spdx.org/licenses/MIT.html"}},
	}
	for _, tc := range tests {
		var got []string
		for _, loc := range findURLs([]byte(tc.text)) {
			got = append(got, tc.text[loc[0]:loc[1]])
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("findURLs(%q) diff (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestAnd(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"MIT"}, "MIT"},
		{[]string{"MIT OR Apache-2.0"}, "MIT OR Apache-2.0"},
		{[]string{"MIT", "", "MIT"}, "MIT"},
		{[]string{"Zlib", "MIT OR Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"}, "Zlib AND (MIT OR Apache-2.0) AND (GPL-2.0-only WITH Classpath-exception-2.0)"},
	}
	for _, tt := range tests {
		if got := And(tt.in...); got != tt.want {
			t.Errorf("And(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
