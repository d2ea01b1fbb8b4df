package copyright

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markerKind tells what starts a statement.
type markerKind uint8

const (
	markWord    markerKind = iota // "copyright", as a word
	markSPDX                      // "SPDX-FileCopyrightText", a REUSE tag
	markSign                      // "(c)", "(C)", "©", full-width "（C）"
	markChinese                   // "版权所有", "版權所有"
)

// marker is a copyright marker in a cleaned line: s[pos:end].
type marker struct {
	pos, end int
	kind     markerKind
	ascii    bool // a sign written "(c)", which needs a year to count alone
}

// scanMarkers returns the markers in s, in order.
func scanMarkers(s string) []marker {
	var ms []marker
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'c', 'C':
			if !hasFoldPrefix(s[i:], "copyright") || i+9 < len(s) && isWordByte(s[i+9]) {
				continue
			}
			if i > 0 && isWordByte(s[i-1]) && !afterEscape(s, i) {
				continue
			}
			// An XML element <copyright>, not a statement.
			if i > 0 && s[i-1] == '<' || i > 1 && s[i-1] == '/' && s[i-2] == '<' {
				continue
			}
			ms = append(ms, marker{pos: i, end: i + 9, kind: markWord})
			i += 8
		case 's', 'S':
			const tag = "spdx-filecopyrighttext"
			if hasFoldPrefix(s[i:], tag) && (i == 0 || !isWordByte(s[i-1])) {
				ms = append(ms, marker{pos: i, end: i + len(tag), kind: markSPDX})
				i += len(tag) - 1
			}
		case '(':
			if i+2 < len(s) && (s[i+1] == 'c' || s[i+1] == 'C') && s[i+2] == ')' &&
				(i+3 == len(s) || !isWordByte(s[i+3]) || isDigit(s[i+3])) &&
				(i == 0 || !isWordByte(s[i-1]) || i >= 9 && hasFoldPrefix(s[i-9:], "copyright")) {
				ms = append(ms, marker{pos: i, end: i + 3, kind: markSign, ascii: true})
				i += 2
			}
		case 0xc2: // ©
			if i+1 < len(s) && s[i+1] == 0xa9 {
				ms = append(ms, marker{pos: i, end: i + 2, kind: markSign})
				i++
			}
		case 0xef: // full-width "（C）"
			for _, fw := range [...]string{"（C）", "（c）"} {
				if strings.HasPrefix(s[i:], fw) {
					ms = append(ms, marker{pos: i, end: i + len(fw), kind: markSign})
					i += len(fw) - 1
					break
				}
			}
		case 0xe7: // 版
			if n := chineseMarker(s[i:]); n > 0 {
				ms = append(ms, marker{pos: i, end: i + n, kind: markChinese})
				i += n - 1
			}
		}
	}
	return ms
}

// afterEscape reports whether s[i] follows an escape of a string literal,
// "\n" or "\t": "GNU nm 2.34\nCopyright (C) 2020 ...".
func afterEscape(s string, i int) bool {
	return i > 1 && s[i-2] == '\\' && (s[i-1] == 'n' || s[i-1] == 't' || s[i-1] == 'r')
}

// chineseMarker returns the length of "版权所有" or "版權所有" at the start of
// s, or 0. "版权所有者" is "the copyright owner", a phrase of license texts.
func chineseMarker(s string) int {
	for _, m := range [...]string{"版权所有", "版權所有"} {
		if strings.HasPrefix(s, m) && !strings.HasPrefix(s[len(m):], "者") && !strings.HasPrefix(s[len(m):], "人") {
			return len(m)
		}
	}
	return 0
}

// hasFoldPrefix reports whether s starts with prefix, ASCII case folded;
// prefix is lower case ASCII.
func hasFoldPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// stmt is a statement parsed from a cleaned line s.
type stmt struct {
	start, end    int      // Text is s[start:end]
	years         string   // as written
	holders       []string // cleaned
	rawHolder     string   // the holder as it stands in s, for continuation decisions
	open          bool     // nothing ended it before the end of the line: it may go on
	trailingYears bool     // the years came after the holder
	arrLine       string   // a next line "All rights reserved." joined to it
	mi            int      // index of its first marker, to parse it again when joined
	prevEnd       int      // where the statement before it on the line ended
}

// maxStmt bounds the bytes a statement may take from its start, and
// maxLookBack the bytes before it that are looked at. Real statements are
// far shorter; the bounds keep a long line with many markers linear.
const (
	maxStmt     = 400
	maxLookBack = 200
)

// parseLine returns the statements in the cleaned line s, in order.
func parseLine(s string) []stmt {
	ms := scanMarkers(s)
	var out []stmt
	prevEnd := 0
	for i := range ms {
		if ms[i].pos < prevEnd {
			continue // inside the statement before
		}
		if st, ok := parseAt(s, ms, i, prevEnd); ok {
			out = append(out, st)
			prevEnd = st.end
		}
	}
	return out
}

// parseAt parses the statement that starts at marker ms[i] of s; the text
// before it on the line starts at prevEnd.
func parseAt(s string, ms []marker, i, prevEnd int) (stmt, bool) {
	m := ms[i]
	start := m.pos
	// What is before the statement on its line, as far back as matters: a
	// long line with many markers must not be read again for each.
	lb := max(prevEnd, start-maxLookBack)
	for lb > prevEnd && !utf8.RuneStart(s[lb]) {
		lb--
	}
	pre := s[lb:start]
	// "Portions Copyright (c) ..." belongs to the statement.
	trimmed := strings.TrimRight(pre, " ")
	if w := lastWord(trimmed); w != "" && (strings.EqualFold(w, "portions") || strings.EqualFold(w, "portion") || strings.EqualFold(w, "parts")) {
		start = lb + len(trimmed) - len(w)
		pre = s[lb:start]
	}
	preStart := lb + len(pre) - len(strings.TrimLeft(pre, " \t"))
	pre = strings.TrimSpace(pre)

	// Inside a string literal, the statement ends with the string.
	limit := len(s)
	quoted := false
	if q := quoteBefore(pre); q != "" {
		quoted = true
		if k := strings.Index(s[m.end:min(len(s), m.end+maxStmt)], q); k >= 0 {
			limit = m.end + k
		}
	}
	bounded := false
	if limit-start > maxStmt {
		limit = start + maxStmt
		for limit > start && !utf8.RuneStart(s[limit]) {
			limit--
		}
		bounded = true
	}

	// The markers of the statement: "(C) Copyright", "Copyright ©",
	// "Copyright:", "SPDX-FileCopyrightText: Copyright (c)".
	var hasWord, hasSign, asciiOnly bool
	asciiOnly = true
	j := m.pos
	mi := i
	for mi < len(ms) && ms[mi].end <= limit {
		k := skipSpace(s, j, limit)
		if mi > i && ms[mi].pos != k {
			break
		}
		switch ms[mi].kind {
		case markSign:
			hasSign = true
			asciiOnly = asciiOnly && ms[mi].ascii
		default:
			hasWord = true
		}
		j = ms[mi].end
		mi++
		// A colon after the word: "Copyright:", ":copyright:", "版权所有："
		k = skipSpace(s, j, limit)
		if k < limit && s[k] == ':' {
			j = k + 1
		} else if strings.HasPrefix(s[k:limit], "：") {
			j = k + len("：")
		}
	}
	if mi == i {
		return stmt{}, false // the bound cuts the marker itself
	}
	if !hasSign {
		asciiOnly = false
	}

	st := stmt{start: start, mi: i, prevEnd: prevEnd}
	k := skipSpace(s, j, limit)
	if isPlaceholderAt(s[k:limit]) {
		return stmt{}, false
	}
	// "COPYRIGHT, PATENT, TRADEMARK" is prose; "Copyright, OpenVision
	// Technologies, Inc., 1993-1996" is a statement, with its years.
	commaAfterWord := !hasSign && k < limit && s[k] == ','
	// "©Foo": a sign stuck to a name is noise in binary files, unless a year
	// follows.
	signStuck := hasSign && j == k
	h, ok := parseTail(s, ms, mi, j, limit, &st)
	if !ok {
		return stmt{}, false
	}
	// Years after the holder ("Copyright IBM Corp. 2020") don't make a
	// statement of prose: "copyright treaty adopted on 20 December 1996".
	leadingYears := st.years != "" && !st.trailingYears
	st.open = st.open && limit == len(s) && !bounded

	// "华为技术有限公司 版权所有": the holder before the marker.
	if m.kind == markChinese && h == "" && st.years == "" && !hasSign && pre != "" && len(pre) <= 120 && lb == 0 {
		h = cleanHolder(pre, &st)
		st.start = preStart
		st.open = false
	}

	// Is it a statement?
	if !leadingYears {
		if h == "" || !startsLikeName(h) || isGeneric(h) || !nameSized(h) ||
			st.years == "" && (commaAfterWord || signStuck) {
			return stmt{}, false
		}
		switch {
		case asciiOnly && !hasWord && st.years == "":
			// A bare "(c)" numbers clauses: "(c) You must retain ...".
			return stmt{}, false
		case !hasSign && m.kind == markWord:
			// The bare word: a statement only where a statement starts, not
			// in the middle of a sentence.
			if pre != "" && !quoted && !isMarkup(pre) && !isVerbBefore(pre) {
				return stmt{}, false
			}
			if strings.Count(h, " ") >= 12 {
				return stmt{}, false
			}
		}
	}
	if h != "" {
		st.holders = splitHolders(h)
	}
	return st, true
}

// parseTail parses what follows the markers of a statement, from j: the
// years and the holder, up to limit. It sets st's years, end, rawHolder and
// open, and returns the cleaned holder; ok is false for a template.
func parseTail(s string, ms []marker, mi, j, limit int, st *stmt) (holder string, ok bool) {
	k := skipSpace(s, j, limit)
	// A value in quotes: `Copyright: "2016-2022 Foo"`.
	if k < limit && (s[k] == '"' || s[k] == '\'') && st.years == "" {
		if e := strings.IndexByte(s[k+1:limit], s[k]); e >= 0 {
			limit = k + 1 + e
			k = skipSpace(s, k+1, limit)
			j = k
		}
	}
	if k < limit && s[k] == ',' {
		k = skipSpace(s, k+1, limit)
	}
	if e, ok := parseYears(s, k, limit); ok {
		st.years = s[k:e]
		j = e
	}
	// Between the years and the holder: ", by", ":", " - ", a sign
	// ("Copyright 2002 (C) The Codehaus").
	for {
		k = skipSpace(s, j, limit)
		for mi < len(ms) && ms[mi].pos < k {
			mi++
		}
		switch {
		case st.years != "" && mi < len(ms) && ms[mi].pos == k && ms[mi].kind == markSign && ms[mi].end <= limit:
			j = ms[mi].end
			mi++
			continue
		case k < limit && (s[k] == ',' || s[k] == ':' || s[k] == '-'):
			j = k + 1
			continue
		case strings.HasPrefix(s[k:limit], "，") || strings.HasPrefix(s[k:limit], "："):
			j = k + 3
			continue
		case hasFoldPrefix(s[k:limit], "by") && (k+2 == limit || s[k+2] == ' ' || s[k+2] == ':'):
			j = k + 2
			continue
		}
		break
	}
	hs := skipSpace(s, j, limit)
	if isPlaceholderAt(s[hs:limit]) {
		return "", false
	}
	// Without years in front, only a name can follow ("Copyright IBM Corp.
	// 2020"): reject prose and code here, before reading further.
	if st.years == "" && hs < limit {
		if h := strings.TrimLeft(s[hs:limit], "\"'(<“"); !startsLikeName(h) || isGeneric(h) {
			return "", false
		}
	}
	var cut, textEnd, arrEnd int
	if holderStart(s[hs:limit]) {
		cut, textEnd, arrEnd = scanHolder(s, ms, mi, hs, limit, st.years != "")
	} else {
		// "Copyright 2015.+limitations\s+under": no holder, only years.
		cut, textEnd, arrEnd = hs, hs, arrFollows(s, hs, limit)
	}
	st.open = cut == limit && arrEnd < 0
	raw := s[hs:cut]
	st.rawHolder = strings.TrimSpace(raw)
	holder = cleanHolder(raw, st)
	end := trimTextEnd(s, st.start, textEnd)
	if arrEnd >= 0 {
		end = arrEnd
	}
	st.end = end
	return holder, true
}

// danglers are words left dangling at the end of a Text when what followed
// them was cut: "copyright 2019 Martin Atkins, and".
var danglers = setOf("and", "or", "&", "und", "et", "by", "and/or", "with")

// holderStart reports whether a holder can start at s: a letter or digit,
// a quote, an opening bracket (an address, a placeholder), a cut ('\n'),
// or nothing. What else follows the years is no holder: "Copyright
// 2015.+limitations\s+under" (a regular expression in code).
func holderStart(s string) bool {
	if s == "" || strings.HasPrefix(s, ". ") {
		return true // the period of "Copyright 2015. All rights reserved."
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'(<[@“«‘\n", r)
}

// trimTextEnd returns where the Text s[start:end] really ends: with the
// period of a sentence, but without the commas, dashes, dangling
// conjunctions and unbalanced parentheses that were left between the holder
// and what was cut after it.
func trimTextEnd(s string, start, end int) int {
	for range 8 {
		e := end
		for e > start {
			r, n := utf8.DecodeLastRuneInString(s[:e])
			if !isSpace(r) && !strings.ContainsRune(",;:-–—|(/\\，、；：", r) {
				break
			}
			e -= n
		}
		t := s[start:e]
		if w := lastWord(t); len(w) < len(t) && danglers[strings.ToLower(w)] {
			e -= len(w)
		} else if strings.HasSuffix(t, ")") && strings.Count(t, ")") > strings.Count(t, "(") {
			e--
		} else if strings.HasSuffix(t, ").") && strings.Count(t, ")") > strings.Count(t, "(") {
			e -= 2
		} else if strings.HasSuffix(t, `"`) && strings.Count(t, `"`)%2 == 1 {
			e-- // the end of a string literal the statement is in
		}
		if e == end {
			break
		}
		end = e
	}
	return end
}

// scanHolder finds where the holder that starts at hs ends: cut is the end
// of the holder, textEnd the end of the statement without "All rights
// reserved", arrEnd the end with it (-1 without one).
func scanHolder(s string, ms []marker, mi, hs, limit int, hasYears bool) (cut, textEnd, arrEnd int) {
	arrEnd = -1
	for mi < len(ms) && ms[mi].pos < hs {
		mi++
	}
	cut = limit
	// Markers the bound cuts in two are not markers here.
	ms = ms[:mi+sort.Search(len(ms)-mi, func(k int) bool { return ms[mi+k].end > limit })]
	// A '"' closes a string literal that was opened before the holder
	// ("...2.34\nCopyright (C) 2020 Free Software Foundation, Inc.",), not
	// one opened inside it (`John "Foo" Doe`).
	preOpen := strings.Count(s[max(0, hs-maxStmt-maxLookBack):hs], `"`)%2 == 1
	inner := 0
	for p := hs; p < limit; p++ {
		c := s[p]
		if mi < len(ms) && ms[mi].pos == p {
			m := ms[mi]
			mi++
			if m.kind == markChinese {
				// After a holder, "版权所有" is "all rights reserved".
				return p, p, arrAfter(s, m.end, limit)
			}
			// Another sign, or the word after a statement without years,
			// is not part of a holder ("(c) Foo (c) Bar").
			if m.kind == markSign || !hasYears || startsStatement(s, ms, mi-1, limit) {
				return p, p, -1
			}
		}
		wordStart := p == hs || s[p-1] == ' ' || s[p-1] == ',' || s[p-1] == '(' || s[p-1] == '-'
		switch {
		case c == '\n':
			cut = p
		case c == '"':
			if preOpen && inner%2 == 0 {
				cut = p
			}
			inner++
		case (c == ',' || c == ';') && stopsAfterComma(s[p+1:limit]),
			c == '(' && hasFoldPrefix(s[p+1:limit], "see "):
			cut = p
		case c == '.' && p+1 < limit && (s[p+1] == ' ' || s[p+1] == '\t'):
			if sentenceEnds(s, hs, p, limit) {
				textEnd = p + 1
				return p + 1, textEnd, arrFollows(s, p+1, limit)
			}
		case c == '*' && p+1 < limit && s[p+1] == '/',
			c == '-' && strings.HasPrefix(s[p:limit], "-->"),
			c == '\\' && p+1 < limit && s[p+1] == 'n',
			c == '|' && p > hs && s[p-1] == ' ' && p+1 < limit && s[p+1] == ' ':
			cut = p
		case c == 0xe3 && strings.HasPrefix(s[p:limit], "。"):
			return p, p + len("。"), arrFollows(s, p+len("。"), limit)
		case (wordStart || c >= 0xe0) && isARRAt(s[p:limit]) > 0:
			return p, p, arrAfter(s, p, limit)
		case wordStart && endsHolder(s[p:limit]):
			cut = p
		}
		if cut != limit {
			break
		}
	}
	return cut, cut, -1
}

// startsStatement reports whether marker ms[i], inside the holder of
// another statement, starts a statement of its own: "Copyright 2020 Foo,
// Copyright 2021 Bar". A word followed by a name is part of the holder
// ("The Copyright Foundation").
func startsStatement(s string, ms []marker, i, limit int) bool {
	m := ms[i]
	if m.kind == markSPDX {
		return true
	}
	k := skipSpace(s, m.end, limit)
	if k < limit && s[k] == ':' {
		return true
	}
	if _, ok := parseYears(s, k, limit); ok {
		return true
	}
	return i+1 < len(ms) && ms[i+1].pos == k
}

// sentenceEnds reports whether the period at s[p], followed by a space,
// ends the holder that starts at hs. It does after a word, and after an
// abbreviation ("Inc.", "Co.", an initial) unless what follows goes on with
// the name: lower case ("Inc. or its affiliates"), a company suffix ("Co.
// Ltd."), or more of a name after an initial ("J. R. Hacker").
func sentenceEnds(s string, hs, p, limit int) bool {
	w := lastWord(s[hs:p])
	if !isAbbrev(w) {
		return true
	}
	next := firstWord(s[skipSpace(s, p+1, limit):limit])
	if next == "" {
		return true
	}
	if len(w) == 1 && isARRAt(s[skipSpace(s, p+1, limit):limit]) == 0 {
		// An initial: "Robert A. van Engelen", "J. R. Hacker".
		return false
	}
	switch strings.ToLower(next) {
	case "or", "and", "and/or", "&", "und", "et", "y", "of", "its":
		// "Inc. or its affiliates", "Co. and contributors"
		return false
	}
	if isCorpSuffix(next) {
		return false
	}
	// "IBM Corp. 2020": the years after the holder.
	if _, ok := parseYears(next, 0, len(next)); ok {
		return false
	}
	return true
}

// arrFollows returns the end of "All rights reserved" (with its period)
// when it follows s[p:] after spaces and punctuation, or -1.
func arrFollows(s string, p, limit int) int {
	for p < limit && strings.IndexByte(" \t.,;-", s[p]) >= 0 {
		p++
	}
	if strings.HasPrefix(s[p:limit], "，") {
		p += len("，")
	}
	if isARRAt(s[p:limit]) > 0 {
		return arrAfter(s, p, limit)
	}
	return -1
}

// arrAfter returns the end of the "All rights reserved" at s[p:], with the
// period after it.
func arrAfter(s string, p, limit int) int {
	e := p + isARRAt(s[p:limit])
	for _, end := range [...]string{".", "。", "!"} {
		if strings.HasPrefix(s[e:limit], end) {
			return e + len(end)
		}
	}
	return e
}

// arrPhrases are "All rights reserved" in the forms and languages seen in
// statements, lower case.
var arrPhrases = []string{
	"all rights reserved", "all right reserved", "all rights reversed",
	"some rights reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "tutti i diritti riservati",
	"保留所有权利", "保留一切权利", "版权所有", "版權所有", "著作権所有",
}

// isARRAt returns the length of an "All rights reserved" phrase at the
// start of s, or 0.
func isARRAt(s string) int {
	if s == "" {
		return 0
	}
	switch c := s[0] | 0x20; {
	case c == 'a' || c == 's' || c == 't' || s[0] >= utf8.RuneSelf:
	default:
		return 0
	}
	for _, p := range arrPhrases {
		if hasFoldPrefix(s, p) || s[0] >= utf8.RuneSelf && strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	// Wrapped: "All Rights" at the end of the line, "Reserved." on the next.
	if t := strings.TrimRight(s, " ."); len(t) == len("all rights") && hasFoldPrefix(t, "all rights") {
		return len(t)
	}
	return 0
}

// isARR reports whether the cleaned line s is nothing but "All rights
// reserved".
func isARR(s string) bool {
	n := isARRAt(s)
	return n > 0 && strings.Trim(s[n:], " .!。") == ""
}

// commaStops are words that, after a comma or a semicolon, start prose
// rather than more of a holder: "Andreas Dilger, are derived from",
// "ImageMagick Studio LLC, a non-profit organization", "Bryan Braun;
// Licensed MIT".
var commaStops = setOf(
	"licensed", "licenced", "released", "distributed", "see", "are", "is", "was", "were",
	"which", "who", "that", "derived", "based", "modified", "originally", "used",
	"available", "made", "written", "published", "provided", "a", "an", "version", "under",
	"use", "since", "for", "from", "with", "license", "licence", "mit", "bsd", "gpl",
	"apache", "please", "visit", "contact", "email", "e-mail", "web", "website", "url",
)

// stopsAfterComma reports whether s, what follows a comma, starts prose.
func stopsAfterComma(s string) bool {
	w := firstWord(strings.TrimLeft(s, " \t"))
	return w != "" && commaStops[strings.ToLower(strings.TrimRight(w, ".:"))]
}

// holderEnds are phrases that end a holder: what follows a statement on its
// line. Lower case; each must start a word.
var holderEnds = []string{
	"licensed ", "licenced ", "released under", "distributed under",
	"is licensed", "are licensed", "is released", "is distributed",
	"is free software", "under the terms", "under the mit", "under the apache",
	"under the gnu", "under the bsd", "under mit", "under apache", "under gpl",
	"see license", "see the license", "see copying", "see the file", "see the accompanying",
	"see also", "for license", "for details", "spdx-license-identifier",
	"use of this", "this file is", "this program is", "this software is",
	"this library is", "this code is", "this work is", "permission is",
	"and licensed", "licensed to", "license:", "licence:", "all use", "you may",
	"and is licensed", "and released", "and distributed", "and based on", "based on",
	"derived from", "but ", "and are ", "and is ", "and it ", "it is ", "which ", "who ",
	"hereby", "author:", "authors:", "author(s):", "maintainer:", "written by", "contact:",
}

// endsHolder reports whether s starts with a phrase that ends a holder.
func endsHolder(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] | 0x20 {
	case 'l', 'r', 'd', 'i', 'a', 'u', 's', 'f', 't', 'p', 'y', 'b', 'w', 'h', 'm', 'c':
	default:
		return false
	}
	for _, p := range holderEnds {
		if hasFoldPrefix(s, p) {
			return true
		}
	}
	return false
}

// parseYears parses a list of years at s[k:], up to limit: "2019",
// "1998, 1999, 2000-2003", "2019 - present", "1998-99". It returns the end.
func parseYears(s string, k, limit int) (end int, ok bool) {
	if !isYearAt(s, k, limit) {
		return 0, false
	}
	p := k + 4
	p = skipDate(s, p, limit)
	end = p
	for {
		// "2019+": and later.
		if p < limit && s[p] == '+' {
			p++
			end = p
		}
		// A range: "-2003", " - present", "–99".
		q := skipSpace(s, p, limit)
		if n := rangeDash(s[q:limit]); n > 0 {
			r := skipSpace(s, q+n, limit)
			switch {
			case isYearAt(s, r, limit) || r+4 <= limit && isDigits(s[r:r+4]) && (r+4 == limit || !isWordByte(s[r+4])):
				// The end of a range may be any year: "2014-3099" is a joke,
				// but its years are as written.
				p = skipDate(s, r+4, limit)
				end = p
			case r+2 <= limit && isDigit(s[r]) && isDigit(s[r+1]) && (r+2 == limit || !isWordByte(s[r+2]) && s[r+2] != '-' && s[r+2] != '/'):
				p = r + 2
				end = p
			default:
				if w := firstWord(s[r:limit]); isOpenEnd(w) {
					p = r + len(w)
					end = p
				}
			}
		}
		// A list: ", 2005", "/2006", "、2007".
		q = skipSpace(s, p, limit)
		switch {
		case q < limit && (s[q] == ',' || s[q] == '/' || s[q] == '&'):
			q++
			// "1996, 1997, and 1998"
			if r := skipSpace(s, q, limit); hasFoldPrefix(s[r:limit], "and ") {
				q = r + 4
			}
		case strings.HasPrefix(s[q:limit], "，") || strings.HasPrefix(s[q:limit], "、"):
			q += 3
		case hasFoldPrefix(s[q:limit], "and "):
			q += 4
		case q > p && isYearAt(s, q, limit):
			// "1999 2002-2008": a list without commas.
		default:
			return end, true
		}
		q = skipSpace(s, q, limit)
		if !isYearAt(s, q, limit) {
			return end, true
		}
		p = skipDate(s, q+4, limit)
		end = p
	}
}

// isYearAt reports whether s[k:] starts with a year from 1950 to 2099 that
// stands alone: no digit or letter on either side.
func isYearAt(s string, k, limit int) bool {
	if k+4 > limit || k > 0 && isWordByte(s[k-1]) {
		return false
	}
	for i := k; i < k+4; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	if k+4 < limit && (isWordByte(s[k+4]) || s[k+4] == '.' && k+5 < limit && isDigit(s[k+5])) {
		return false
	}
	y := int(s[k]-'0')*1000 + int(s[k+1]-'0')*100 + int(s[k+2]-'0')*10 + int(s[k+3]-'0')
	return y >= 1950 && y <= 2099
}

// skipDate skips the month and day of a date after its year at s[p]:
// "2019-03-01", "2019/03/01".
func skipDate(s string, p, limit int) int {
	if p+6 <= limit && (s[p] == '-' || s[p] == '/') && isDigit(s[p+1]) && isDigit(s[p+2]) &&
		s[p+3] == s[p] && isDigit(s[p+4]) && isDigit(s[p+5]) && (p+6 == limit || !isWordByte(s[p+6])) {
		return p + 6
	}
	return p
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// rangeDash returns the length of a range dash at the start of s.
func rangeDash(s string) int {
	switch {
	case s == "":
		return 0
	case strings.HasPrefix(s, "--"):
		return 2 // TeX's en dash
	case s[0] == '-' || s[0] == '~':
		return 1
	case strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "～"):
		return 3
	case hasFoldPrefix(s, "to ") || hasFoldPrefix(s, "through "):
		return strings.IndexByte(s, ' ')
	}
	return 0
}

// isOpenEnd reports whether w ends an open range: "2019 - present".
func isOpenEnd(w string) bool {
	switch strings.ToLower(w) {
	case "present", "now", "today", "current", "date":
		return true
	}
	return false
}

// skipSpace returns the offset of the first byte at or after p that is not a
// space or a tab.
func skipSpace(s string, p, limit int) int {
	for p < limit && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " \t")+1:]
}

// firstWord returns the first word of s: letters, digits and the
// characters of names and abbreviations ("Co.", "O'Reilly", "AT&T").
func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '&' && r != '-' && r != '.' {
			return s[:i]
		}
	}
	return s
}

// quoteBefore returns the closing quote of a string literal that the text
// before a statement opens: `"Copyright 2020 Foo"`, `("(c) 2020 Foo")`.
func quoteBefore(pre string) string {
	if pre == "" {
		return ""
	}
	switch pre[len(pre)-1] {
	case '"':
		return `"`
	case '\'':
		return "'"
	case '`':
		return "`"
	}
	switch {
	case strings.HasSuffix(pre, "“"):
		return "”"
	case strings.HasSuffix(pre, "「"):
		return "」"
	}
	return ""
}

// isMarkup reports whether pre, the text before "copyright" on its line, is
// markup that introduces a statement: "@" (docblocks), `\` (Doxygen), ":"
// (reST fields), "-" (lists) or an HTML tag left in the line.
func isMarkup(pre string) bool {
	switch pre {
	case "@", `\`, ":", "-", "+", "•", "·":
		return true
	}
	return strings.HasSuffix(pre, ">") && strings.HasPrefix(pre, "<")
}

// isVerbBefore reports whether pre ends with a verb that makes the
// statement part of a sentence: "The CERN-OHL-P is copyright CERN 2020."
func isVerbBefore(pre string) bool {
	switch strings.ToLower(lastWord(pre)) {
	case "is", "are", "was", "were", "remains", "remain":
		return true
	}
	return false
}

// isPlaceholderAt reports whether s starts with a template placeholder
// where years or a holder are expected: "[yyyy]", "<year>", "{{ year }}",
// "${year}", "%d", "YYYY", "____".
func isPlaceholderAt(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '[', '{':
		return true
	case '(':
		// "(CopyrightHoldersName)", "(insert then current year)"
		e := strings.IndexByte(s, ')')
		if e < 0 {
			e = len(s)
		}
		inner := strings.ToLower(s[1:e])
		for _, w := range [...]string{"year", "name", "holder", "owner", "author", "insert", "date"} {
			if strings.Contains(inner, w) {
				return true
			}
		}
		return false
	case '<':
		e := strings.IndexByte(s, '>')
		return e > 1 && !strings.ContainsAny(s[1:e], "@.:/")
	case '$':
		return len(s) > 1 && (s[1] == '{' || s[1] >= 'A' && s[1] <= 'Z' || s[1] >= 'a' && s[1] <= 'z')
	case '%':
		return len(s) > 1 && (s[1] == 's' || s[1] == 'd' || s[1] == 'v' || s[1] == '(' || s[1] == '{' || s[1] >= 'A' && s[1] <= 'Z')
	case '_':
		return strings.HasPrefix(s, "___")
	}
	// "20xx", "19yy", "20[jj]", "20__": a century and a blank.
	if len(s) >= 4 && (s[:2] == "19" || s[:2] == "20") && strings.ContainsRune("xXyYjJ[_?", rune(s[2])) {
		return true
	}
	w := strings.ToLower(firstWord(s))
	switch w {
	case "yyyy", "yy", "xxxx", "19yy", "19xx", "20xx", "20yy", "nnnn", "year", "years", "<year>":
		return true
	}
	return false
}
