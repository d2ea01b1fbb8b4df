// Package copyright finds copyright statements ("Copyright (c) 2019 Example
// Co.") in license files and source headers, and tells the years and the
// holders of each, for attribution reports and NOTICE files.
//
// Find is called on every text file of large trees, and most files have no
// copyright statement at all, so it starts with a prefilter: a few
// vectorised passes (bytes.Index, bytes.IndexByte) for what every statement
// holds: "yright" in three cases, "(c)", "©", "&copy;", "版权所有". A file
// without a hit costs those passes and nothing else, with no allocation;
// in a file with hits only the lines around them are read.
//
// # What is a statement
//
// A statement starts at a copyright marker: the word "copyright" (as
// "Copyright", "copyright", "COPYRIGHT" or "CopyRight"; also as "@copyright", "\copyright", ":copyright:", "Copyright:" and
// the REUSE tag "SPDX-FileCopyrightText:"), a sign "(c)", "(C)", "©",
// "&copy;", "（C）", or the Chinese "版权所有" / "版權所有". It counts when
// years follow the markers (4 digits from 1950 to 2099, in lists and ranges:
// "1998, 1999, 2000-2003", "2019 - present", "1998-99", "2019+"), or when a
// name follows them: after a sign ("© Jane Doe", "Copyright (c) Microsoft
// Corporation"), or after the word where a statement starts a line or a
// string literal ("Copyright The Kubernetes Authors."). Years may also come
// after the name ("(C) Copyright IBM Corp. 2020").
//
// Not statements: the word inside prose ("the above copyright notice",
// "THE COPYRIGHT HOLDERS", "copyright law", "Licensor shall mean the
// copyright owner": a generic word follows, or the word is in the middle of
// a sentence without years); identifiers and code ("copyrightYear",
// `copyright := "x"`, `"copyright": "MIT"`, "<copyright>"); a heading
// "Copyright" or "Copyright and License"; a bare "(c)" without years, which
// numbers clauses in license texts ("(c) You must retain ..."); and
// templates: "Copyright (c) [yyyy] [name of copyright holder]", "<year>
// <copyright holders>", "{{ year }}", "${year}", "19yy", "%d": the blanks of
// a license are not someone's claim, so they are not reported.
//
// # Text
//
// Text is the statement as written, from its first marker (or "Portions"
// before it) to the end of its holder, with comment markers and decoration
// removed from the line ("//", "#", "/*", " * ", "*/", "--", ";", "%",
// "<!--", "-->", `"""`, "REM", ...), whitespace collapsed, HTML tags
// removed and a few HTML entities decoded ("&copy;" is "©"). An "All
// rights reserved" after the holder is kept, on the same line or the next:
// NOTICE files reproduce statements whole. What follows a statement on its
// line ("Licensed under the MIT License", "; see LICENSE", the rest of a
// string literal) is not part of it. Invalid UTF-8 becomes U+FFFD.
//
// # Holders
//
// Holders are cut from Text without years, markers, "All rights
// reserved", e-mail addresses and URLs: "Jane Doe <jane@example.com>" holds
// as "Jane Doe", so that a person is one holder however they are reached
// (Text keeps the address). A holder that is nothing but an address keeps
// it. A final period is dropped unless it ends an abbreviation ("Example
// Co.", "Unicode, Inc.", but "Waymo LLC"). A statement names several
// holders when they are separated by ";" or "、", or when they are a list of
// personal names ("Alice Smith, Bob Jones and Carol White", "Alice, Bob");
// names of organisations are never split ("Unicode, Inc.", "Amazon Digital
// Services, Inc. or its affiliates", "Example Co. and contributors",
// "Barnes and Noble"), nor is a name from its place ("Tatu Ylonen, Espoo,
// Finland").
//
// # Several lines
//
// A statement goes on to the next line when that line clearly continues
// it: the statement has no holder yet ("Copyright (c)" alone, or "1998,
// 1999," at the end), or its holder is unfinished (it ends with a comma, or
// with "and", "or its", "of"), or the next line goes on with it ("and Its
// Subsidiaries", "Inc.", "Authors. All rights reserved."). Two lines at
// most, and a line with a marker of its own is never a continuation: it is
// a statement of its own. In a list of statements aligned under one
// "Copyright" (GNU style, and the "Copyright:" field of debian/copyright),
// each line that starts with years is a statement of its own, reported as
// written ("2006 Jane Doe"). Line numbers count '\n'; "\r\n" endings give
// the same results.
package copyright

import (
	"bytes"
	"slices"
	"strings"
)

// Statement is one copyright statement found in a text.
type Statement struct {
	Text      string   // the statement, whitespace normalised, comment markers removed: "Copyright (c) 2019-2024 Example Co. and contributors"
	Holders   []string // who holds it: ["Example Co. and contributors"]; several when a statement lists several, empty when none can be told
	Years     string   // the years as written ("2019-2024", "2019, 2021"), "" when none
	StartLine int      // 1-based, inclusive
	EndLine   int
}

// Find returns the copyright statements in text, in order of appearance,
// without duplicates (same Text reported once, first occurrence).
func Find(text []byte) []Statement {
	hits := prefilter(text)
	if len(hits) == 0 {
		return nil
	}
	f := finder{text: text}
	f.run(hits)
	return f.out
}

// The prefilter finds the places where a statement may start, and for
// most files it finds none: then it is all that Find costs, so it is built
// for speed. Every statement holds the word "copyright" (in some case), a
// sign "(c)", "(C)" or "©", the entity "&copy;", "版权所有" or "版權所有".
// Each needle is one pass of bytes.Index, which is vectorised and runs at
// memory speed while the needle's first byte is rare in the text:
//
//   - the word through "yright", "YRIGHT" and "yRight": 'y' is the rarest
//     of its letters in code and prose, and these three cover "Copyright",
//     "copyright", "COPYRIGHT", "CopyRight" and "SPDX-FileCopyrightText";
//   - both signs through '(' alone, checking for 'c' or 'C' after it. '(' is
//     common in code, and bytes.Index("(c)") gives up its vectorised
//     IndexByte for a byte-by-byte search after a few false starts: one
//     IndexByte loop for both cases costs less than either needle. Where
//     '(' is very dense (Lisp, or noise), each IndexByte call finds little,
//     and the loop hands over to bytes.Index for the rest (see signHits);
//   - "©", "&copy;" and the Chinese, whose first bytes are rare in most
//     files: those passes cost next to nothing.
//
// BenchmarkFindNone measures the whole; the '(' and "yright" passes take
// most of it on source code.
var needles = [...]struct {
	needle []byte
	check  func(text []byte, at int) bool // nil: a hit is a candidate
}{
	{[]byte("yright"), nil},
	{[]byte("YRIGHT"), nil},
	{[]byte("yRight"), nil},
	{[]byte("©"), nil},
	{[]byte("&copy;"), nil},
	{[]byte("版"), func(text []byte, at int) bool { return chineseMarker(string(text[at:min(len(text), at+13)])) > 0 }},
}

// isSignAt reports whether the '(' at text[at] starts a sign "(c)" or
// "(C)" that is not a call ("putc(c)").
func isSignAt(text []byte, at int) bool {
	return at+3 <= len(text) && text[at+1]|0x20 == 'c' && text[at+2] == ')' &&
		(at == 0 || !isWordByte(text[at-1]) || at >= 9 && hasFoldPrefix(string(text[at-9:at]), "copyright"))
}

// prefilter returns the offsets of the candidates in text, ascending; nil
// when there are none, which is the common case and allocates nothing.
func prefilter(text []byte) []int {
	var hits []int
	for _, n := range needles {
		for off := 0; off < len(text); {
			i := bytes.Index(text[off:], n.needle)
			if i < 0 {
				break
			}
			at := off + i
			off = at + 1
			if n.check == nil || n.check(text, at) {
				hits = append(hits, at)
			}
		}
	}
	hits = signHits(text, hits)
	if len(hits) > 1 {
		slices.Sort(hits)
	}
	return hits
}

// signHits appends the offsets of the signs "(c)" and "(C)" in text to hits.
// It steps from '(' to '(' with IndexByte while the steps are long enough
// to pay for the calls, as bytes.Index does, and hands the rest of a text
// dense in '(' to bytes.Index, once for each case.
func signHits(text []byte, hits []int) []int {
	fails := 0
	for off := 0; off < len(text); {
		i := bytes.IndexByte(text[off:], '(')
		if i < 0 {
			return hits
		}
		at := off + i
		off = at + 1
		if isSignAt(text, at) {
			hits = append(hits, at)
			continue
		}
		// One false start per 16 bytes read is where the calls begin to
		// cost more than the scanning they save.
		if fails++; fails > 32 && fails > off/16 {
			for _, needle := range [...][]byte{[]byte("(c)"), []byte("(C)")} {
				for o := off; o < len(text); {
					j := bytes.Index(text[o:], needle)
					if j < 0 {
						break
					}
					if isSignAt(text, o+j) {
						hits = append(hits, o+j)
					}
					o += j + 1
				}
			}
			return hits
		}
	}
	return hits
}

// isWordByte reports whether c is an ASCII letter, digit or '_'.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// Limits that keep the work per file linear. Real statements are short; a
// minified script can have a megabyte on one line and thousands of "(c)".
const (
	maxJoin      = 2   // continuation lines one statement may take
	maxListLines = 50  // year-led lines after a statement (a debian/copyright list)
	maxJoinLen   = 160 // bytes of a continuation line, once cleaned
)

// finder walks the lines that hold prefilter hits.
type finder struct {
	text []byte
	out  []Statement
	seen map[string]bool // Texts reported, once out is long enough to need it
}

// run parses the line of each hit, once per line, in order. pos is the
// start of the first line not yet parsed and line its number: counting
// newlines only between hits keeps the whole walk linear.
func (f *finder) run(hits []int) {
	pos, line := 0, 1
	for _, h := range hits {
		if h < pos {
			continue // on a line already parsed
		}
		start := pos + bytes.LastIndexByte(f.text[pos:h], '\n') + 1
		line += bytes.Count(f.text[pos:start], []byte{'\n'})
		pos, line = f.block(start, line)
	}
}

// lineAt returns the line that starts at off, without its line ending, and
// the offset of the next line.
func (f *finder) lineAt(off int) (line []byte, next int) {
	rest := f.text[off:]
	e := bytes.IndexByte(rest, '\n')
	if e < 0 {
		line, next = rest, len(f.text)
	} else {
		line, next = rest[:e], off+e+1
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, next
}

// block parses the line at off (number line) and the lines that continue
// its last statement, and returns where the next unparsed line starts and
// its number.
func (f *finder) block(off, line int) (int, int) {
	raw, next := f.lineAt(off)
	s := cleanLine(raw)
	stmts := parseLine(s)
	if len(stmts) == 0 {
		// "Copyright (c)" alone, its holder on the next line.
		if mi, ok := trailingMarkers(s); ok && next < len(f.text) {
			rawNext, after := f.lineAt(next)
			pending := stmt{mi: mi}
			if joined, st, ok := join(s, &pending, cleanLine(rawNext)); ok {
				f.emit(joined, &st, line, line+1)
				return after, line + 2
			}
		}
		return next, line + 1
	}
	for i := range stmts[:len(stmts)-1] {
		f.emit(s, &stmts[i], line, line)
	}
	last := &stmts[len(stmts)-1]
	end := line
	// Continuation lines: append each to the line and parse the statement
	// again; keep the longer reading only when it holds more.
	for k := 0; k < maxJoin && last.open && next < len(f.text); k++ {
		rawNext, after := f.lineAt(next)
		n := cleanLine(rawNext)
		if isARR(n) {
			last.arrLine = n
			end++
			next = after
			break
		}
		joined, st, ok := join(s, last, n)
		if !ok {
			break
		}
		s, *last = joined, st
		end++
		next = after
	}
	// "All Rights" at the end of the line, "Reserved." on the next.
	if t := s[last.start:last.end]; len(t) >= 10 && strings.EqualFold(t[len(t)-10:], "all rights") && next < len(f.text) {
		rawNext, after := f.lineAt(next)
		if n := cleanLine(rawNext); hasFoldPrefix(n, "reserved") && strings.Trim(n[8:], " .!") == "" {
			last.arrLine = n
			end++
			next = after
		}
	}
	f.emit(s, last, line, end)
	line = end + 1
	// Lists aligned under the statement: lines that start with years.
	if last.years == "" {
		return next, line
	}
	for k := 0; k < maxListLines && next < len(f.text); k++ {
		rawNext, after := f.lineAt(next)
		n := cleanLine(rawNext)
		st, ok := parseListLine(n)
		if !ok {
			break
		}
		f.emit(n, &st, line, line)
		line++
		next = after
	}
	return next, line
}

// emit adds the statement st, found in the cleaned line s, to the output
// unless its Text was reported before.
func (f *finder) emit(s string, st *stmt, start, end int) {
	text := normalizeSpace(s[st.start:st.end])
	if st.arrLine != "" {
		text += " " + normalizeSpace(st.arrLine)
	}
	if text == "" {
		return
	}
	if f.seen == nil && len(f.out) >= 8 {
		f.seen = make(map[string]bool, 2*len(f.out))
		for _, o := range f.out {
			f.seen[o.Text] = true
		}
	}
	if f.seen != nil {
		if f.seen[text] {
			return
		}
		f.seen[text] = true
	} else {
		for _, o := range f.out {
			if o.Text == text {
				return
			}
		}
	}
	f.out = append(f.out, Statement{
		Text:      text,
		Holders:   st.holders,
		Years:     normalizeSpace(st.years),
		StartLine: start,
		EndLine:   end,
	})
}
