package copyright

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// FuzzFind checks that Find never panics and that what it returns keeps
// its promises: lines within the text, valid UTF-8, normalised and
// non-empty Text, no duplicates, in order.
func FuzzFind(f *testing.F) {
	for _, tt := range append(findTests, notStatements...) {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte("Copyright (c)\r\n\xff\xfe2020 \xc2\xa9 (C)\n\n(c) 1999, 2000,\n  2001 Foo,\nand Bar"))
	f.Add([]byte("版权所有\n版權所有（C）\n&copy;&copy; <a>x</a></p>"))
	f.Fuzz(func(t *testing.T, text []byte) {
		checkInvariants(t, text, Find(text))
	})
}

// TestFindLongLines makes sure that the work stays linear on the inputs
// that could make it quadratic: one long line with many markers (minified
// scripts), and many statements in a row.
func TestFindLongLines(t *testing.T) {
	inputs := map[string][]byte{
		"signs":      bytes.Repeat([]byte("if (c) x(c); (c) "), 200000),
		"words":      bytes.Repeat([]byte("copyright copyright notice "), 100000),
		"quotes":     bytes.Repeat([]byte(`"Copyright (c) `), 150000),
		"statements": bytes.Repeat([]byte("Copyright (c) 2020 Foo, "), 100000),
		"chinese":    bytes.Repeat([]byte("版权所有 某某公司 "), 100000),
		"lines":      []byte(strings.Repeat("// Copyright 2020 Foo\n//   2021 Bar\n", 50000)),
	}
	for name, in := range inputs {
		start := time.Now()
		got := Find(in)
		checkInvariants(t, in, got)
		// A quadratic walk over these takes minutes; a linear one, well
		// under a second even on a busy machine.
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: Find took %v on %d bytes", name, d, len(in))
		}
	}
}

// TestFindBoundaries puts markers across the bound of a statement's length
// (maxStmt) and of the look-back before it, where a marker of several
// bytes can be cut in two.
func TestFindBoundaries(t *testing.T) {
	markers := []string{"（C）", "版权所有", "版權所有", "©", "(c)", "Copyright", "SPDX-FileCopyrightText:", "，", "：", "。", "保留所有权利", "\""}
	for _, lead := range []string{"Copyright 2020 ", "© ", "版权所有 ", "\"Copyright (c) ", "x "} {
		for pad := maxStmt - 30; pad <= maxStmt+30; pad++ {
			for _, m := range markers {
				for _, tail := range []string{"", " 2021 Foo", "\n  2022 Bar\n"} {
					in := []byte(lead + strings.Repeat("a", pad-len(lead)) + m + tail)
					checkInvariants(t, in, Find(in))
					in = []byte(strings.Repeat("é", pad/2) + m + " " + lead + m + tail)
					checkInvariants(t, in, Find(in))
				}
			}
		}
	}
}
