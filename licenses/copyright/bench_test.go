package copyright

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// synthSource returns about size bytes of generated source code, C- and
// Go-like, without any copyright statement: the common case for Find. It is
// dense in parentheses (and has calls such as "putc(c)", which the
// prefilter must drop cheaply), comments in English and string literals.
func synthSource(size int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	idents := []string{"buf", "n", "err", "ctx", "c", "i", "node", "value", "result", "offset",
		"reader", "count", "table", "entry", "key", "name", "path", "size", "state", "token"}
	funcs := []string{"read", "write", "parse", "lookup", "append", "putc", "getc", "len",
		"make", "copy", "close", "flush", "scan", "hash", "grow", "reset", "emit", "walk"}
	words := []string{"the", "value", "is", "returned", "when", "buffer", "full", "we", "keep",
		"order", "of", "entries", "so", "that", "callers", "can", "rely", "on", "it", "each",
		"line", "counts", "once", "because", "input", "may", "be", "large", "and", "slow"}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	var b bytes.Buffer
	for b.Len() < size {
		switch rng.IntN(9) {
		case 0:
			fmt.Fprintf(&b, "// %s %s %s %s %s %s.\n", pick(words), pick(words), pick(words), pick(words), pick(words), pick(words))
		case 1:
			fmt.Fprintf(&b, "func %s%s(%s []byte, %s int) (int, error) {\n", pick(funcs), pick(idents), pick(idents), pick(idents))
		case 2:
			fmt.Fprintf(&b, "\tif %s := %s(%s); %s != nil {\n\t\treturn 0, %s\n\t}\n", pick(idents), pick(funcs), pick(idents), pick(idents), pick(idents))
		case 3:
			fmt.Fprintf(&b, "\tfor %s := 0; %s < len(%s); %s++ {\n\t\t%s(%s[%s])\n\t}\n", pick(idents), pick(idents), pick(idents), pick(idents), pick(funcs), pick(idents), pick(idents))
		case 4:
			fmt.Fprintf(&b, "\t%s = append(%s, %q)\n", pick(idents), pick(idents), pick(words)+" "+pick(words))
		case 5:
			fmt.Fprintf(&b, "\twhile ((%s = %s(%s)) != EOF) { %s(%s); }\n", pick(idents), pick(funcs), pick(idents), pick(funcs), pick(idents))
		case 6:
			fmt.Fprintf(&b, "\t%s := %s.%s(%s, %s+%d)\n", pick(idents), pick(idents), pick(funcs), pick(idents), pick(idents), rng.IntN(100))
		case 7:
			b.WriteString("}\n\n")
		default:
			fmt.Fprintf(&b, "\treturn %s(%s), nil\n", pick(funcs), pick(idents))
		}
	}
	return b.Bytes()
}

// headers are typical file headers: the forms of statement that most files
// with one carry.
var headers = []string{
	"// Copyright 2014 The Kubernetes Authors.\n//\n// Licensed under the Apache License, Version 2.0 (the \"License\");\n// you may not use this file except in compliance with the License.\n\n",
	"// Copyright 2009 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\n",
	"/*\n * Copyright (c) 2015, 2016 Example Corporation\n *     and Its Subsidiaries\n * SPDX-License-Identifier: MIT\n */\n\n",
	"# SPDX-FileCopyrightText: 2022 Jane Doe <jane@example.com>\n# SPDX-License-Identifier: GPL-3.0-or-later\n\n",
	"/* Copyright (C) 1991-2020 Free Software Foundation, Inc.\n   This file is part of the GNU C Library. */\n\n",
}

func BenchmarkFindNone(b *testing.B) {
	src := synthSource(256<<10, 1)
	if got := Find(src); len(got) != 0 {
		b.Fatalf("synthetic source has statements: %v", got)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Find(src)
	}
}

// BenchmarkFindNoneSmall is the same on files of typical size, where the
// fixed cost of a call matters more.
func BenchmarkFindNoneSmall(b *testing.B) {
	var files [][]byte
	var total int64
	for i := range 64 {
		f := synthSource(2<<10+i*200, uint64(i))
		files = append(files, f)
		total += int64(len(f))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			Find(f)
		}
	}
}

func BenchmarkFindHeaders(b *testing.B) {
	var files [][]byte
	var total int64
	for i := range 64 {
		f := append([]byte(headers[i%len(headers)]), synthSource(4<<10+i*300, uint64(i))...)
		files = append(files, f)
		total += int64(len(f))
	}
	for _, f := range files[:len(headers)] {
		if len(Find(f)) == 0 {
			b.Fatalf("no statement in %q", f[:80])
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			Find(f)
		}
	}
}
