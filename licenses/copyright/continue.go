package copyright

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// join decides whether the cleaned line n continues statement last, the
// last one of line s. If it does, it returns s and n joined and the
// statement parsed again from the joined text.
//
// A line continues a statement when the statement is missing its holder
// ("Copyright (c)", "Copyright (c) 1998, 1999,"), or when the holder is
// clearly unfinished (it ends with a comma or a conjunction) or the next
// line clearly goes on with it ("and Its Subsidiaries", "Inc."). A line
// with a marker of its own never continues another statement; nor does one
// that starts as prose, and the joined reading is kept only if it holds
// more than the line alone.
func join(s string, last *stmt, n string) (string, stmt, bool) {
	if n == "" || len(n) > maxJoinLen || len(scanMarkers(n)) > 0 {
		return "", stmt{}, false
	}
	r, _ := utf8.DecodeRuneInString(n)
	first := firstWord(n)
	pending := len(last.holders) == 0
	if pending {
		startsYears := isYearAt(n, 0, len(n))
		if !startsYears && !(unicode.IsLetter(r) && !unicode.IsLower(r)) {
			return "", stmt{}, false
		}
		if !startsYears && (isGeneric(n) || proseStart[strings.ToLower(first)]) {
			return "", stmt{}, false
		}
	} else {
		raw := last.rawHolder
		tail := strings.ToLower(lastWord(raw))
		lf := strings.ToLower(first)
		switch {
		case strings.HasSuffix(raw, ",") || strings.HasSuffix(raw, "，"):
			// "Free Software Foundation, Inc.,\n51 Franklin Street": an
			// address goes on with a number, a name with a letter.
			if !unicode.IsLetter(r) || proseStart[lf] {
				return "", stmt{}, false
			}
		case joinTails[tail]:
		case unicode.IsLower(r) && (lf == "and" || lf == "or" || lf == "of" || lf == "and/or") || strings.HasPrefix(n, "& "):
		case isCorpSuffix(first), arrEndsShortLine(n):
		default:
			return "", stmt{}, false
		}
	}
	joined := s + " " + n
	st, ok := parseAt(joined, scanMarkers(joined), last.mi, last.prevEnd)
	if !ok || st.end <= len(s) {
		return "", stmt{}, false
	}
	if pending {
		if len(st.holders) == 0 && len(st.years) <= len(last.years) {
			return "", stmt{}, false
		}
	} else if holderLen(st.holders) <= holderLen(last.holders) {
		return "", stmt{}, false
	}
	return joined, st, true
}

// joinTails are last words of a holder that leave it unfinished.
var joinTails = setOf("and", "or", "&", "of", "for", "the", "und", "its", "their", "by", "at", "in", "de", "von", "van", "du", "and/or")

// trailingMarkers reports whether the cleaned line s ends with a statement's
// markers and nothing after them ("Copyright (c)", "Copyright:"), and
// returns the index of the first of them. The word alone is a heading, not
// the start of a statement.
func trailingMarkers(s string) (int, bool) {
	ms := scanMarkers(s)
	if len(ms) == 0 {
		return 0, false
	}
	i := len(ms) - 1
	for i > 0 && strings.Trim(s[ms[i-1].end:ms[i].pos], " \t:") == "" {
		i--
	}
	if strings.Trim(s[ms[len(ms)-1].end:], " \t:") != "" {
		return 0, false
	}
	if strings.HasSuffix(s, ":") {
		return i, true
	}
	for _, m := range ms[i:] {
		if m.kind == markSign || m.kind == markSPDX {
			return i, true
		}
	}
	return 0, false
}

// proseStart are first words of lines that start a sentence of a header,
// not a holder, lower case.
var proseStart = setOf(
	"this", "these", "permission", "licensed", "redistribution", "redistributions", "use",
	"you", "unless", "see", "note", "all", "written", "created", "modified", "based",
	"version", "file", "part", "author", "authors", "maintainer", "maintainers", "contact",
	"email", "e-mail", "website", "description", "summary", "distributed", "released",
	"everyone", "except", "in", "if", "for", "with", "without", "is", "it", "some", "portions",
	"original", "derived", "generated", "do", "please", "contributed", "contributors",
	"copying", "license", "licence", "spdx", "warning", "todo", "fixme",
)

// arrEndsShortLine reports whether n is the end of a name and "All rights
// reserved": "Authors. All rights reserved.", the rest of a statement that
// was wrapped in the middle of its holder.
func arrEndsShortLine(n string) bool {
	words := strings.Fields(n)
	for i := 1; i < len(words) && i <= 5; i++ {
		if isARRAt(strings.Join(words[i:], " ")) > 0 {
			return true
		}
	}
	return false
}

func holderLen(hs []string) int {
	n := 0
	for _, h := range hs {
		n += len(h)
	}
	return n
}

// parseListLine parses a line of a list of statements aligned under a
// "Copyright" (GNU style, and debian/copyright's "Copyright:" field):
//
//	Copyright (C) 1999-2005 Free Software Foundation
//	              2006 Jane Doe
//
// Such a line starts with years and names a holder; it is a statement of
// its own, reported as written.
func parseListLine(n string) (stmt, bool) {
	if !isYearAt(n, 0, len(n)) {
		return stmt{}, false
	}
	ms := scanMarkers(n)
	if len(ms) > 0 {
		return stmt{}, false
	}
	st := stmt{}
	if len(n) > maxStmt {
		return stmt{}, false
	}
	h, ok := parseTail(n, ms, 0, 0, len(n), &st)
	if !ok || h == "" || !startsLikeName(h) || isGeneric(h) || strings.Count(h, " ") >= 12 {
		return stmt{}, false
	}
	st.holders = splitHolders(h)
	return st, true
}
