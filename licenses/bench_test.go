package licenses

import (
	"strings"
	"testing"
)

// sourceMix is a realistic mix of source files: most carry a header, some
// a full license in a comment, some none.
func sourceMix(t testing.TB) [][]byte {
	code := strings.Repeat("\tif err := run(ctx, cfg); err != nil {\n\t\treturn fmt.Errorf(\"run: %w\", err)\n\t}\n", 60)
	return [][]byte{
		[]byte(k8sHeader + code),
		[]byte(gpl2Header + code),
		[]byte(bsd3InC + code),
		[]byte("package x\n\n" + code),
		[]byte("// Copyright 2009 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\n" + code),
		[]byte("// SPDX-License-Identifier: MIT\n" + code),
	}
}

func benchDetect(b *testing.B, texts [][]byte, mode Mode) {
	d := NewDetector()
	n := 0
	for _, t := range texts {
		n += len(t)
		if _, err := d.Detect(t, mode); err != nil { // warm the scanners
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			d.Detect(t, mode)
		}
	}
}

func BenchmarkDetectSource(b *testing.B) {
	benchDetect(b, sourceMix(b), ModeSource)
}

func BenchmarkDetectLicenseFile(b *testing.B) {
	var texts [][]byte
	for _, id := range []string{"MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only", "ISC", "MPL-2.0"} {
		texts = append(texts, []byte(spdxText(b, id)))
	}
	benchDetect(b, texts, ModeLicenseFile)
}

// BenchmarkKeywordHits measures the prefilter alone on code without
// license words: the cost every file pays.
func BenchmarkKeywordHits(b *testing.B) {
	text := []byte(strings.Repeat("\tfor i, v := range values { total += v * weights[i] }\n", 20000))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		keywordHits(text)
	}
}

// BenchmarkStartup measures a new detector's first Apache header: decoding
// the index and compiling one license's scanner. This is the start-up cost
// of a scan.
func BenchmarkStartup(b *testing.B) {
	text := []byte(k8sHeader)
	b.ReportAllocs()
	for b.Loop() {
		d := NewDetector()
		if fs, err := d.Detect(text, ModeSource); err != nil || len(fs) != 1 {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkLoad measures decoding the embedded candidate index: the
// detector's whole start-up before the first license is compiled.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := NewDetector().Load(); err != nil {
			b.Fatal(err)
		}
	}
}
