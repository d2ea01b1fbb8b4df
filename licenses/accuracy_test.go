package licenses

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/licensecheck"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/hengdev/heng/licenses/internal/index"
)

// accuracyCase is a file and the licenses a person would say it carries.
type accuracyCase struct {
	name string
	raw  []byte
	mode Mode
	want []string
}

// Recorded figures (docs/accuracy.md). The test fails when heng does
// worse; raise them when it does better.
const (
	minPrecision = 1.0
	minRecall    = 1.0
)

// commonHeaders are notices as projects put them at the top of files.
var commonHeaders = map[string]string{
	"Apache-2.0":        k8sHeader,
	"GPL-2.0-or-later":  gpl2Header,
	"BSD-3-Clause":      bsd3InC,
	"GPL-3.0-or-later":  "// " + strings.ReplaceAll(gpl3Notice, "\n", "\n// ") + "\npackage main\n",
	"MPL-2.0":           "/* This Source Code Form is subject to the terms of the Mozilla Public\n * License, v. 2.0. If a copy of the MPL was not distributed with this\n * file, You can obtain one at http://mozilla.org/MPL/2.0/. */\n\nvar x = 1;\n",
	"LGPL-2.1-or-later": "/*\n * This library is free software; you can redistribute it and/or\n * modify it under the terms of the GNU Lesser General Public\n * License as published by the Free Software Foundation; either\n * version 2.1 of the License, or (at your option) any later version.\n *\n * This library is distributed in the hope that it will be useful,\n * but WITHOUT ANY WARRANTY; without even the implied warranty of\n * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU\n * Lesser General Public License for more details.\n */\n#include <stdio.h>\n",
}

// commonTexts are licenses whose SPDX text is matched as a license file.
var commonTexts = []string{"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MPL-2.0", "LGPL-2.1-only", "LGPL-3.0-only", "GPL-2.0-only", "GPL-3.0-only", "AGPL-3.0-only", "EPL-2.0", "Unlicense", "CC0-1.0", "Zlib", "BSL-1.0", "0BSD", "Artistic-2.0", "EUPL-1.2", "CDDL-1.0"}

// textID is the id a full text is reported as: GNU texts by family.
func textID(id string) string {
	for _, fam := range []string{"GPL-", "LGPL-", "AGPL-"} {
		if strings.HasPrefix(id, fam) && strings.HasSuffix(id, "-only") {
			return strings.TrimSuffix(id, "-only")
		}
	}
	return id
}

func accuracyCases(t *testing.T) []accuracyCase {
	var cs []accuracyCase
	add := func(name string, raw []byte, mode Mode, want ...string) {
		cs = append(cs, accuracyCase{name, raw, mode, want})
	}
	for _, id := range commonTexts {
		text := spdxText(t, id)
		want := []string{textID(id)}
		if id == "LGPL-3.0-only" {
			// SPDX's text is the LGPL followed by the whole GPL-3.0.
			want = append(want, "GPL-3.0")
		}
		add("text/"+id, []byte(text), ModeLicenseFile, want...)
		add("text-rewrapped/"+id, []byte(rewrap(text, 60)), ModeLicenseFile, want...)
		add("text-in-readme/"+id, []byte("# Project\n\nSome words about it.\n\n## License\n\n"+text), ModeSource, want...)
	}
	for id, h := range commonHeaders {
		add("header/"+id, []byte(h), ModeSource, id)
	}
	for _, m := range mulanMembers {
		full := mulanText(t, m.id)
		add("mulan/"+m.id, []byte(full), ModeLicenseFile, m.id)
		add("mulan-rewrapped/"+m.id, []byte(rewrap(full, 35)), ModeLicenseFile, m.id)
		add("mulan-markdown/"+m.id, []byte(markdown(full)), ModeLicenseFile, m.id)
		if zh, en, ok := index.SplitBilingual(full); ok {
			add("mulan-en/"+m.id, []byte(en), ModeLicenseFile, m.id)
			add("mulan-zh/"+m.id, []byte(zh), ModeLicenseFile, m.id)
			add("mulan-zh-gb18030/"+m.id, encodeWith(t, simplifiedchinese.GB18030.NewEncoder(), zh), ModeLicenseFile, m.id)
			add("mulan-utf16/"+m.id, encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), full), ModeLicenseFile, m.id)
		}
		add("mulan-ref-en/"+m.id, []byte("## License\n\nThis project is licensed under "+m.short+".\n"), ModeSource, m.id)
		add("mulan-ref-zh/"+m.id, []byte("本项目采用"+m.zh+"第"+fmt.Sprint(m.v)+"版。\n"), ModeSource, m.id)
		add("mulan-url/"+m.id, []byte("// See "+m.url+"\n"), ModeSource, m.id)
		if b, err := os.ReadFile("testdata/mulan/" + m.id + ".header.txt"); err == nil {
			header := strings.NewReplacer("[Year]", "2024", "[2019]", "2019", "[name of copyright holder]", "Example Co.", "[Software Name]", "heng").Replace(string(b))
			add("mulan-notice/"+m.id, []byte(comment("//", header)+"package main\n"), ModeSource, m.id)
		}
	}
	d := NewDetector()
	_ = d
	for _, rc := range referenceCases {
		add("ref/"+rc.name, []byte(rc.text), ModeSource, rc.ids...)
	}
	for i, m := range mentions {
		add(fmt.Sprintf("mention/%d", i), []byte(m), ModeSource)
	}
	return cs
}

type score struct{ tp, fp, fn int }

func (s score) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s score) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func (s *score) add(want, got []string) {
	for _, g := range got {
		if slices.Contains(want, g) {
			s.tp++
		} else {
			s.fp++
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			s.fn++
		}
	}
}

func ids(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if id := f.ID + f.Expression; id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// TestAccuracy measures precision and recall of license ids, heng's and
// bare licensecheck's on the same cases (licensecheck.Scan on the file as
// it is), and fails if heng's drop below the recorded figures.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every license pattern")
	}
	d := NewDetector()
	full := builtinScanner()
	var heng, bare score
	groups := map[string]*[2]score{}
	for _, c := range accuracyCases(t) {
		text, _ := Decode(c.raw)
		fs, err := d.Detect(text, c.mode)
		if err != nil {
			t.Fatal(err)
		}
		got := ids(fs)
		var lc []string
		for _, m := range full.Scan(c.raw).Match {
			if !slices.Contains(lc, m.ID) {
				lc = append(lc, m.ID)
			}
		}
		heng.add(c.want, got)
		bare.add(c.want, lc)
		g := strings.SplitN(c.name, "/", 2)[0]
		if groups[g] == nil {
			groups[g] = &[2]score{}
		}
		groups[g][0].add(c.want, got)
		groups[g][1].add(c.want, lc)
		if !slices.Equal(sorted(got), sorted(c.want)) {
			t.Logf("%s: heng %q, want %q", c.name, got, c.want)
		}
	}
	var names []string
	for g := range groups {
		names = append(names, g)
	}
	slices.Sort(names)
	t.Logf("%-20s %22s %22s", "cases", "heng P / R", "licensecheck P / R")
	for _, g := range names {
		s := groups[g]
		t.Logf("%-20s %10.3f / %-10.3f %10.3f / %-10.3f", g, s[0].precision(), s[0].recall(), s[1].precision(), s[1].recall())
	}
	t.Logf("%-20s %10.3f / %-10.3f %10.3f / %-10.3f", "all", heng.precision(), heng.recall(), bare.precision(), bare.recall())
	if heng.precision() < minPrecision || heng.recall() < minRecall {
		t.Errorf("precision %.3f, recall %.3f: below the recorded %.3f / %.3f", heng.precision(), heng.recall(), minPrecision, minRecall)
	}
	_ = licensecheck.Scan
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
