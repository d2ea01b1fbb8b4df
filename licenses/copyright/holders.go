package copyright

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanHolder turns the holder part of a statement into a holder: without
// e-mail addresses and URLs, trailing years (which go to st.years when it
// has none: "IBM Corp. 2020"), punctuation, conjunctions and quotes at its
// ends, and a final period that ends a sentence rather than an
// abbreviation.
func cleanHolder(raw string, st *stmt) string {
	h := trimHolder(normalizeSpace(raw))
	h = dropContacts(h)
	if st.years == "" {
		if y, rest, ok := trailingYears(h); ok {
			st.years = y
			st.trailingYears = true
			h = rest
		}
	}
	return trimHolder(h)
}

// trimHolder trims what is not part of a name from both ends of h.
func trimHolder(h string) string {
	for range 8 {
		t := strings.TrimFunc(h, func(r rune) bool {
			return isSpace(r) || strings.ContainsRune(",;:-–—|+*/=\\，、；：。", r)
		})
		if lw := lastWord(t); len(lw) < len(t) {
			switch strings.ToLower(lw) {
			case "and", "or", "&", "und", "et", "by", "y":
				t = t[:len(t)-len(lw)]
			}
		}
		if hasFoldPrefix(t, "by ") {
			t = t[3:]
		}
		if strings.HasSuffix(t, ".") && !isAbbrev(lastWord(t[:len(t)-1])) {
			t = t[:len(t)-1]
		}
		t = unwrap(t)
		if t == h {
			break
		}
		h = t
	}
	return h
}

// unwrap removes quotes and brackets that enclose h or have no partner in
// it: `"Foo Inc"`, "Foo)", "(Foo".
func unwrap(h string) string {
	if len(h) >= 2 {
		switch first, last := h[0], h[len(h)-1]; {
		case first == '"' && last == '"', first == '\'' && last == '\'', first == '(' && last == ')', first == '[' && last == ']':
			return h[1 : len(h)-1]
		}
	}
	for _, q := range [...]string{`"`, "'", "“", "”", "`"} {
		if strings.Count(h, q)%2 == 1 {
			if strings.HasPrefix(h, q) {
				return h[len(q):]
			}
			if strings.HasSuffix(h, q) {
				return h[:len(h)-len(q)]
			}
		}
	}
	for _, p := range [...][2]string{{"(", ")"}, {"[", "]"}, {"<", ">"}} {
		opens, closes := strings.Count(h, p[0]), strings.Count(h, p[1])
		if closes > opens && strings.HasSuffix(h, p[1]) {
			return h[:len(h)-1]
		}
		if opens > closes && strings.HasPrefix(h, p[0]) {
			return h[1:]
		}
	}
	return h
}

// dropContacts removes e-mail addresses and URLs from h, so that a holder
// is the same however it is reached: "Jane Doe <jane@example.com>" holds
// as "Jane Doe". A holder that is nothing but an address keeps it, without
// its brackets.
func dropContacts(h string) string {
	if !strings.ContainsAny(h, "@:") && !strings.Contains(h, "www.") {
		if strings.ContainsAny(h, "(<") {
			return dropObfuscated(h)
		}
		return h
	}
	fields := strings.Fields(h)
	out := make([]string, 0, len(fields))
	var first string
	for _, f := range fields {
		c := strings.Trim(f, "<>()[]{}.,;\"'")
		if !isContact(c) {
			out = append(out, f)
			continue
		}
		if first == "" {
			first = c
		}
		// Keep what the address does not own: the comma after it, the
		// parenthesis it closes ("(Vancouver, Canada, asnd@triumf.ca)").
		i := strings.Index(f, c)
		lead, trail := f[:i], f[i+len(c):]
		for _, o := range lead {
			if k := strings.IndexRune(trail, closer(o)); k >= 0 {
				trail = trail[:k] + trail[k+1:]
			}
		}
		trail = strings.TrimLeft(trail, ".")
		if trail != "" && len(out) > 0 {
			prev := out[len(out)-1]
			if strings.ContainsAny(trail[:1], ")]>}") {
				prev = strings.TrimRight(prev, ",;")
			}
			if !strings.HasSuffix(prev, trail[:1]) {
				prev += trail
			}
			out[len(out)-1] = prev
		}
	}
	if len(out) == 0 {
		return first
	}
	h = strings.Join(out, " ")
	// What the addresses leave behind: "sigu-399 ( )", "OOURA (email:)".
	for _, empty := range [...]string{"( )", "()", "< >", "<>", "[ ]", "[]", "(email:)", "(e-mail:)", "(mail:)", "(mailto:)"} {
		h = strings.ReplaceAll(h, empty, "")
	}
	return strings.TrimSpace(h)
}

// dropObfuscated removes addresses written to fool harvesters from h:
// "(alex DOT branham AT gmail DOT com)", "<jane at example.com>".
func dropObfuscated(h string) string {
	for _, p := range [...][2]byte{{'(', ')'}, {'<', '>'}} {
		i := strings.IndexByte(h, p[0])
		if i < 0 {
			continue
		}
		j := strings.IndexByte(h[i:], p[1])
		if j < 0 {
			continue
		}
		inner := strings.ToLower(h[i+1 : i+j])
		if (strings.Contains(inner, " at ") || strings.Contains(inner, "[at]")) &&
			(strings.Contains(inner, " dot ") || strings.Contains(inner, "[dot]") || strings.Contains(inner, ".")) {
			h = strings.TrimSpace(h[:i]) + " " + strings.TrimSpace(h[i+j+1:])
			h = strings.TrimSpace(h)
		}
	}
	return h
}

// closer returns the bracket that closes o.
func closer(o rune) rune {
	switch o {
	case '(':
		return ')'
	case '[':
		return ']'
	case '<':
		return '>'
	case '{':
		return '}'
	}
	return o
}

// isContact reports whether c is an e-mail address or a URL.
func isContact(c string) bool {
	for _, p := range [...]string{"http://", "https://", "ftp://", "www.", "mailto:"} {
		if hasFoldPrefix(c, p) {
			return true
		}
	}
	at := strings.IndexByte(c, '@')
	return at > 0 && strings.IndexByte(c[at:], '.') > 1
}

// trailingYears finds years at the end of h ("IBM Corp. 2020, 2021",
// "Microsoft (2019)") and returns them and what is before them.
func trailingYears(h string) (years, rest string, ok bool) {
	for p := 1; p < len(h); p++ {
		if !isDigit(h[p]) || !(h[p-1] == ' ' || h[p-1] == ',' || h[p-1] == '(') {
			continue
		}
		e, ok := parseYears(h, p, len(h))
		if !ok || strings.Trim(h[e:], " .)") != "" {
			continue
		}
		rest := strings.TrimRight(h[:p], " ,(")
		// "Jim Davies, January 1995", "Foo, 12 March 2001"
		if w := lastWord(rest); months[strings.ToLower(strings.TrimRight(w, "."))] {
			rest = strings.TrimRight(rest[:len(rest)-len(w)], " ,")
			if w := lastWord(rest); len(w) <= 2 && w != "" && isDigit(w[0]) {
				rest = strings.TrimRight(rest[:len(rest)-len(w)], " ,")
			}
		}
		return h[p:e], rest, true
	}
	return "", "", false
}

// nameSized reports whether h is no longer than a holder can be: a few
// dozen words, none of them longer than a domain name. Long runs are noise.
func nameSized(h string) bool {
	if len(h) > 200 {
		return false
	}
	for w := range strings.FieldsSeq(h) {
		if utf8.RuneCountInString(w) > 40 {
			return false
		}
	}
	return true
}

var months = setOf("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec")

// startsLikeName reports whether h starts as a name does: an upper-case
// letter, a letter of a script without case (Chinese), or a digit ("3Com").
func startsLikeName(h string) bool {
	// "the European Union", "the Regents of ..."
	if rest, ok := strings.CutPrefix(h, "the "); ok {
		h = rest
	}
	r, _ := utf8.DecodeRuneInString(h)
	return unicode.IsDigit(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// generic are the words that, right after "copyright", make it prose:
// "copyright notice", "COPYRIGHT HOLDERS", "copyright law", "Copyright and
// License". Checked on the first word of a holder that has no year; after
// "the", "a" or "an", on the second.
var generic = setOf(
	"a", "an", "the", "and", "or", "&", "of", "in", "on", "to", "for", "is", "are", "was",
	"were", "be", "been", "as", "at", "by", "from", "with", "under", "over", "into", "that",
	"this", "these", "those", "it", "its", "their", "his", "her", "our", "your", "you", "we",
	"such", "any", "each", "every", "no", "not", "none", "noassertion", "see", "if", "which",
	"who", "whose", "will", "shall", "may", "must", "can", "does", "do", "has", "have", "had",
	"also", "only", "other", "others", "same", "above", "below", "following", "said",
	"aforementioned", "respective", "applicable", "all", "law", "laws", "act", "acts",
	"office", "statement", "statements", "copyright", "copyrights", "copyrighted", "claim",
	"claims", "interest", "interests", "information", "info", "status", "policy", "policies",
	"date", "dates", "year", "years", "yyyy", "name", "names", "symbol", "sign", "header",
	"headers", "text", "texts", "line", "lines", "section", "sections", "file", "files",
	"page", "pages", "mark", "marks", "term", "terms", "agent", "agents", "rights", "right",
	"work", "works", "material", "materials", "content", "contents", "assignment",
	"assignments", "waiver", "transfer", "agreement", "agreements", "ownership", "note",
	"notes", "message", "field", "fields", "string", "value", "tag", "tags", "template",
	"check", "checks", "treaty", "treaties", "registration", "violation", "violations",
	"issue", "issues", "matters", "purposes", "reasons", "restrictions", "exceptions",
	"limitations", "permission", "permissions", "attribution", "details", "dispute",
	"legislation", "directive", "regulations", "requirements", "conditions", "clearance",
	"reserved", "and/or", "etc", "fee", "fees", "free", "laws.", "protected", "status",
	"lawyer", "lawyers", "attorney", "reform", "unpublished",
)

// genericStems are generic word beginnings: "notice(s)", "holder(s)",
// "owner(s)", "license(d|s)", "infringement", "disclaimer", "protection".
var genericStems = []string{"notic", "notif", "holder", "owner", "licen", "infring", "disclaim", "protect"}

// isGeneric reports whether h starts with a generic word.
func isGeneric(h string) bool {
	w := strings.ToLower(firstWord(h))
	if w == "" {
		// Starts with punctuation: "= x", "&& y".
		r, _ := utf8.DecodeRuneInString(h)
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	if w == "the" || w == "a" || w == "an" {
		rest := strings.TrimSpace(h[len(w):])
		w2 := strings.ToLower(firstWord(rest))
		if w2 == "" {
			return true
		}
		w = w2
	}
	w = strings.TrimRight(w, ".")
	if generic[w] {
		return true
	}
	for _, st := range genericStems {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	return false
}

// abbrevs are words written with a period that does not end a sentence,
// lower case, without the period. Company forms written without one
// ("LLC", "GmbH", "AG") are not here: "Waymo LLC." ends a sentence, and its
// holder is "Waymo LLC" as everywhere else.
var abbrevs = setOf(
	"inc", "co", "corp", "ltd", "bros", "jr", "sr", "pty", "al", "etc", "cie", "intl",
	"assn", "assoc", "dept", "univ", "mfg", "st", "dr", "mr", "mrs", "ms", "prof", "pte",
	"pvt", "ltda", "cia", "hnos", "mgr", "ing",
)

// isAbbrev reports whether w, a word before a period, is an abbreviation:
// a known one ("Inc", "Co", "Ltd"), one with periods inside ("L.L.C",
// "e.V", "S.A") or an initial ("J").
func isAbbrev(w string) bool {
	if w == "" {
		return false
	}
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	if strings.IndexByte(w, '.') > 0 {
		for seg := range strings.SplitSeq(w, ".") {
			if len(seg) == 0 || len(seg) > 3 || strings.IndexFunc(seg, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				return false
			}
		}
		return true
	}
	return false
}

// corpSuffixes are company-form words that end an organisation's name and
// may follow a comma ("Unicode, Inc.") or begin the next line.
var corpSuffixes = setOf(
	"inc", "ltd", "llc", "limited", "corp", "corporation", "co", "company", "gmbh", "ag",
	"kg", "sa", "s.a", "bv", "b.v", "nv", "n.v", "plc", "pty", "oy", "ab", "srl", "s.r.l",
	"spa", "s.p.a", "sarl", "lp", "llp", "kk", "k.k", "pte", "pvt", "sdn", "bhd", "e.v",
	"asa", "a/s", "aps", "ltda", "incorporated",
)

// isCorpSuffix reports whether w, capitalised, is a company suffix.
func isCorpSuffix(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return corpSuffixes[strings.ToLower(strings.TrimRight(w, ".,"))]
}

// splitHolders splits a holder into the holders it lists. ";" and "、"
// always separate; commas and "and" only between personal names, because
// organisations have commas in their names ("Unicode, Inc.") and "and" in
// them ("Barnes and Noble", "X and contributors").
func splitHolders(h string) []string {
	var out []string
	for part := range strings.FieldsFuncSeq(h, func(r rune) bool { return r == ';' || r == '、' }) {
		part = trimHolder(part)
		// "Foo; 2021 Bar Ltd": each part may have years of its own.
		if e, ok := parseYears(part, 0, len(part)); ok {
			part = trimHolder(part[e:])
		}
		if part == "" {
			continue
		}
		for _, n := range splitNames(part) {
			if n != "" && !containsString(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitNames splits "Alice Smith, Bob Jones and Carol White" into its names
// when every item is a personal name.
func splitNames(h string) []string {
	if !strings.Contains(h, ",") {
		a, b, ok := strings.Cut(h, " and ")
		if !ok || strings.Contains(b, " and ") {
			return []string{h}
		}
		// Without a comma, "and" joins two names only when both are full
		// names: "Barnes and Noble" stays one.
		if personLike(a) && personLike(b) && strings.Contains(a, " ") && strings.Contains(b, " ") {
			return []string{a, b}
		}
		return []string{h}
	}
	var items []string
	for item := range strings.SplitSeq(h, ",") {
		item = strings.TrimSpace(item)
		item = strings.TrimPrefix(item, "and ")
		for sub := range strings.SplitSeq(item, " and ") {
			items = append(items, strings.TrimSpace(sub))
		}
	}
	// All full names ("Thomas G. Lane, Guido Vollbeding") or all single
	// names ("Alice, Bob"); a mix is a name and its place ("Tatu Ylonen,
	// Espoo, Finland").
	full := 0
	for _, it := range items {
		if !personLike(it) {
			return []string{h}
		}
		if strings.Contains(it, " ") {
			full++
		}
	}
	if full != 0 && full != len(items) {
		return []string{h}
	}
	return items
}

// nameParticles are lower-case words inside personal names.
var nameParticles = setOf(
	"van", "von", "de", "der", "den", "la", "le", "da", "di", "du", "del", "dos", "das",
	"bin", "ibn", "ter", "ten", "y", "af", "zu", "e",
)

// notPersonal are words that make a name an organisation's, a group's or a
// suffix, lower case without periods.
var notPersonal = setOf(
	"inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "ag",
	"sa", "bv", "plc", "pty", "kg", "oy", "ab", "srl", "spa", "sarl", "lp", "llp", "nv", "kk",
	"foundation", "group", "university", "institute", "consortium", "association", "project",
	"projects", "authors", "author", "contributors", "team", "labs", "lab", "technologies",
	"technology", "systems", "software", "others", "affiliates", "subsidiaries", "developers",
	"community", "organization", "organisation", "society", "council", "trust", "partners",
	"holdings", "industries", "international", "enterprises", "studio", "studios", "games",
	"networks", "network", "solutions", "services", "media", "press", "computing", "computer",
	"computers", "research", "center", "centre", "college", "school", "academy", "laboratory",
	"laboratories", "department", "government", "agency", "ministry", "microsystems",
	"graphics", "electronics", "communications", "devices", "digital", "data", "cloud",
	"ventures", "capital", "global", "the", "its", "their", "phd", "ph.d", "md", "jr", "sr",
	"ii", "iii", "iv", "esq", "incorporated", "regents", "trustees", "maintainers", "members",
	"fund", "gesellschaft", "stiftung", "verein", "usa", "uk", "germany", "france", "china",
	"japan", "california", "berkeley", "mit", "ibm", "contributor",
)

// personLike reports whether s reads as one personal name: one to four
// capitalised words (and particles), no digits, no company or group word.
func personLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	capitals := 0
	for _, w := range words {
		lw := strings.ToLower(strings.TrimRight(w, "."))
		if nameParticles[lw] {
			continue
		}
		if notPersonal[lw] {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' && r != '’' {
				return false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		capitals++
	}
	return capitals > 0
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
