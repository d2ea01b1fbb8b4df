package licenses

import (
	"errors"
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Normalized is a declared license turned into an SPDX expression.
type Normalized struct {
	// Expression is a valid SPDX license expression in heng's canonical
	// form: ids spelled as SPDX spells them, deprecated ids replaced,
	// operators in upper case, operands in the order given (duplicates
	// dropped), and every compound operand of AND or OR in parentheses
	// ("MIT OR (Apache-2.0 AND BSD-3-Clause)"). Whatever cannot be mapped
	// becomes LicenseRef-heng-unknown-<slug>, the slug derived from the
	// text, so nothing is silently dropped. Blank input gives
	// LicenseRef-heng-unknown-empty.
	Expression string
	// Raw is the input as given.
	Raw string
	// Known reports whether every part was mapped to a license heng
	// knows (Lookup finds it): false if any part is a
	// LicenseRef-heng-unknown-*, a LicenseRef-heng-see-file-* or a
	// LicenseRef heng does not know.
	Known bool
}

// Prefixes of the LicenseRefs Normalize makes up.
const (
	unknownRefPrefix = "LicenseRef-heng-unknown-"
	seeFileRefPrefix = "LicenseRef-heng-see-file-"
)

// maxLooseLen bounds the input given to the heuristics; longer input is
// taken as a valid SPDX expression or not at all.
const maxLooseLen = 512

// Normalize maps a declared license, as package manifests write them
// (npm, PyPI, Maven, Cargo, Go, ohpm...), to an SPDX expression. It accepts
// SPDX ids and expressions in any case, deprecated ids, license names and
// common aliases in English and Chinese, license URLs, PyPI trove
// classifiers, npm's "SEE LICENSE IN <file>" and "UNLICENSED", and loose
// combinations ("MIT/Apache-2.0", "MIT or Apache 2.0", "BSD-3-Clause, MIT",
// "Dual licensed under MIT and GPL"). The choices it makes where a
// declaration is ambiguous are listed in docs/licenses.md. It never panics.
func Normalize(s string) Normalized {
	out := Normalized{Raw: s}
	nz := loadNormalizer()
	clean := cleanDecl(s)
	var n *lnode
	switch {
	case clean == "":
		n = &lnode{id: unknownRefPrefix + "empty"}
	case len(clean) > maxLooseLen:
		if m, err := nz.strict(clean); err == nil {
			n = m
		} else {
			n = unknownLeaf(clean)
		}
	default:
		n = nz.loose(clean, 0)
	}
	out.Expression = n.render()
	out.Known = n.allKnown()
	return out
}

// lnode is a parsed expression: a leaf (op == "") or an AND/OR of kids.
type lnode struct {
	op    string
	id    string // leaf: license id or LicenseRef, possibly ending in "+"
	exc   string // leaf: exception id after WITH
	known bool   // leaf: the id is a license heng knows
	kids  []*lnode
}

func (n *lnode) render() string {
	if n.op == "" {
		if n.exc != "" {
			return n.id + " WITH " + n.exc
		}
		return n.id
	}
	parts := make([]string, len(n.kids))
	for i, k := range n.kids {
		parts[i] = k.render()
		if k.op != "" {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, " "+n.op+" ")
}

func (n *lnode) allKnown() bool {
	if n.op == "" {
		return n.known
	}
	for _, k := range n.kids {
		if !k.allKnown() {
			return false
		}
	}
	return true
}

// combine joins nodes with op, flattening nested nodes of the same op and
// dropping duplicates; a single node is returned as is.
func combine(op string, nodes []*lnode) *lnode {
	var kids []*lnode
	seen := map[string]bool{}
	var add func(n *lnode)
	add = func(n *lnode) {
		if n == nil {
			return
		}
		if n.op == op {
			for _, k := range n.kids {
				add(k)
			}
			return
		}
		r := n.render()
		if seen[r] {
			return
		}
		seen[r] = true
		kids = append(kids, n)
	}
	for _, n := range nodes {
		add(n)
	}
	switch len(kids) {
	case 0:
		return nil
	case 1:
		return kids[0]
	}
	return &lnode{op: op, kids: kids}
}

// unknownLeaf is the LicenseRef for text that cannot be mapped:
// LicenseRef-heng-unknown-<slug>. The slug is the text in lower case with
// runs of other characters than letters, digits and dots turned into
// dashes, at most 48 bytes; when that loses information (non-ASCII text,
// truncation) a hash of the text is appended, so the ref stays stable and
// distinct.
func unknownLeaf(text string) *lnode {
	return &lnode{id: unknownRefPrefix + slug(text)}
}

func slug(text string) string {
	var b strings.Builder
	lossy := false
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '.':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			if r > unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				lossy = true
			}
			dash = true
		}
	}
	s := strings.Trim(b.String(), ".-")
	if len(s) > 48 {
		s = strings.Trim(s[:48], ".-")
		lossy = true
	}
	// Collapse runs of dots, which an SPDX idstring allows but which
	// read badly.
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	if lossy || s == "" {
		h := fnv.New32a()
		h.Write([]byte(text))
		sum := fmt.Sprintf("%08x", h.Sum32())
		if s == "" {
			return sum
		}
		return s + "-" + sum
	}
	return s
}

// cleanDecl maps full-width and typographic characters to ASCII, collapses
// white space, and strips what surrounds a declaration: quotes, enclosing
// parentheses or brackets, trailing punctuation, and labels such as
// "License:" or "SPDX-License-Identifier:".
func cleanDecl(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		case r == 0x3001: // ideographic comma
			r = ','
		case r == 0x3000 || r == 0xA0:
			r = ' '
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '「' || r == '」':
			r = '"'
		case r == '‘' || r == '’':
			r = '\''
		case r == '–' || r == '—' || r == '‐':
			r = '-'
		case r == '【' || r == '〔':
			r = '['
		case r == '】' || r == '〕':
			r = ']'
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	s = b.String()
	for {
		t := strings.TrimSpace(s)
		t = strings.TrimRight(t, ".;, ")
		for _, p := range []string{"spdx-license-identifier:", "license-expression:", "licenses:", "license:", "licence:"} {
			if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) && !strings.HasPrefix(t[len(p):], ":") {
				t = strings.TrimSpace(t[len(p):])
			}
		}
		if len(t) >= 2 {
			first, last := t[0], t[len(t)-1]
			if (first == '"' || first == '\'' || first == '`') && last == first {
				t = t[1 : len(t)-1]
			} else if (first == '(' && last == ')' || first == '[' && last == ']') && enclosed(t) {
				t = t[1 : len(t)-1]
			}
		}
		t = strings.TrimSpace(t)
		if t == s {
			return t
		}
		s = t
	}
}

// enclosed reports whether the bracket opening s closes at its end.
func enclosed(s string) bool {
	open, close := s[0], s[len(s)-1]
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		}
	}
	return depth == 0
}

// normalizer holds the lookup tables Normalize uses, built on first use.
type normalizer struct {
	names      map[string]string // nameKey -> expression
	exceptions map[string]string // nameKey -> exception id
	urls       map[string]string // urlKey -> expression
	classes    map[string]string // lower-cased trove classifier -> expression
}

var loadNormalizer = sync.OnceValue(buildNormalizer)

// buildNormalizer builds the lookup tables from the knowledge base and the
// alias tables below.
func buildNormalizer() *normalizer {
	nz := &normalizer{
		names:      map[string]string{},
		exceptions: map[string]string{},
		urls:       map[string]string{},
		classes:    map[string]string{},
	}
	// Ids and names from the knowledge base. An id's own key wins over a
	// name's; keys two licenses share are dropped as ambiguous.
	const (
		fromName = 1
		fromID   = 2
	)
	prio := map[string]int{}
	ambiguous := map[string]bool{}
	add := func(key, expr string, p int) {
		if key == "" || ambiguous[key] {
			return
		}
		old, ok := nz.names[key]
		switch {
		case !ok || p > prio[key]:
			nz.names[key] = expr
			prio[key] = p
		case p == prio[key] && old != expr:
			delete(nz.names, key)
			ambiguous[key] = true
		}
	}
	urlPrio := map[string]bool{}
	addURL := func(u, expr string, deprecated bool) {
		k := urlKey(u)
		if k == "" || ambiguous["url:"+k] {
			return
		}
		if old, ok := nz.urls[k]; ok && old != expr {
			if deprecated {
				return
			}
			if urlPrio[k] {
				delete(nz.urls, k)
				ambiguous["url:"+k] = true
				return
			}
		}
		nz.urls[k] = expr
		urlPrio[k] = !deprecated
	}
	for _, info := range All() {
		if info.Exception {
			nz.exceptions[nameKey(info.ID)] = info.ID
			nz.exceptions[nameKey(info.Name)] = info.ID
			continue
		}
		expr := info.ID
		if info.Replacement != "" {
			expr = info.Replacement
		}
		id := info.ID
		if rest, ok := strings.CutPrefix(id, "LicenseRef-"); ok {
			id = rest
		}
		add(nameKey(id), expr, fromID)
		add(nameKey(info.Name), expr, fromName)
		add(nameKey(info.NameZH), expr, fromName)
		if info.URL != "" {
			addURL(info.URL, expr, info.Deprecated)
		}
	}
	for text, expr := range nameAliases {
		nz.names[nameKey(text)] = expr
	}
	for text, exc := range exceptionAliases {
		nz.exceptions[nameKey(text)] = exc
	}
	for u, expr := range urlAliases {
		nz.urls[urlKey(u)] = expr
	}
	for c, expr := range troveClassifiers {
		nz.classes[classifierKey(c)] = expr
	}
	return nz
}

// nameAliases maps names and abbreviations seen in package manifests to
// expressions. Keys go through nameKey, so case, punctuation, "the",
// "license"/"licence" and "version"/"v" do not matter. Names that do not
// say which license of a family is meant map to
// LicenseRef-heng-unknown-<family>: heng does not guess versions or
// clause counts. The GNU licenses are the exception: their texts say that
// a program naming no version may be used under any version ever
// published, hence "GPL" -> GPL-1.0-or-later. See docs/licenses.md.
var nameAliases = map[string]string{
	// MIT and friends
	"MIT/X11":               "MIT",
	"MIT X11":               "MIT",
	"X11/MIT":               "MIT",
	"Expat":                 "MIT",
	"MIT Expat":             "MIT",
	"MIT-style":             "LicenseRef-heng-unknown-mit-style",
	"MIT like":              "LicenseRef-heng-unknown-mit-style",
	"Bouncy Castle":         "MIT",
	"Bouncy Castle Licence": "MIT",
	// BSD
	"BSD":                                  "LicenseRef-heng-unknown-bsd",
	"BSD-style":                            "LicenseRef-heng-unknown-bsd",
	"BSD like":                             "LicenseRef-heng-unknown-bsd",
	"Berkeley Software Distribution":       "LicenseRef-heng-unknown-bsd",
	"New BSD":                              "BSD-3-Clause",
	"BSD New":                              "BSD-3-Clause",
	"Modified BSD":                         "BSD-3-Clause",
	"Revised BSD":                          "BSD-3-Clause",
	"3-clause BSD":                         "BSD-3-Clause",
	"three-clause BSD":                     "BSD-3-Clause",
	"BSD three-clause":                     "BSD-3-Clause",
	"BSD-3":                                "BSD-3-Clause",
	"BSD3":                                 "BSD-3-Clause",
	"BSD 3-clause New":                     "BSD-3-Clause",
	"EDL 1.0":                              "BSD-3-Clause",
	"EDL":                                  "BSD-3-Clause",
	"Eclipse Distribution License 1.0":     "BSD-3-Clause",
	"Eclipse Distribution License - v 1.0": "BSD-3-Clause",
	"Simplified BSD":                       "BSD-2-Clause",
	"BSD Simplified":                       "BSD-2-Clause",
	"FreeBSD":                              "BSD-2-Clause",
	"2-clause BSD":                         "BSD-2-Clause",
	"two-clause BSD":                       "BSD-2-Clause",
	"BSD two-clause":                       "BSD-2-Clause",
	"BSD-2":                                "BSD-2-Clause",
	"BSD2":                                 "BSD-2-Clause",
	"Original BSD":                         "BSD-4-Clause",
	"4-clause BSD":                         "BSD-4-Clause",
	"BSD-4":                                "BSD-4-Clause",
	"zero-clause BSD":                      "0BSD",
	"BSD-0":                                "0BSD",
	// Apache
	"Apache":                          "LicenseRef-heng-unknown-apache",
	"Apache Software":                 "LicenseRef-heng-unknown-apache",
	"ASL":                             "LicenseRef-heng-unknown-apache",
	"ALv2":                            "Apache-2.0",
	"ASL 2.0":                         "Apache-2.0",
	"ASL 1.1":                         "Apache-1.1",
	"AL2":                             "Apache-2.0",
	"AL 2.0":                          "Apache-2.0",
	"Apache License v2":               "Apache-2.0",
	"Apache2":                         "Apache-2.0",
	"Apache License 2.0 (Apache-2.0)": "Apache-2.0",
	// GNU: no version means any version (GPLv2 s.9, LGPLv2.1 s.14, AGPLv3 s.14, GFDL s.10)
	"GPL":                             "GPL-1.0-or-later",
	"GNU GPL":                         "GPL-1.0-or-later",
	"GPL or later":                    "GPL-1.0-or-later",
	"LGPL":                            "LGPL-2.0-or-later",
	"GNU LGPL":                        "LGPL-2.0-or-later",
	"AGPL":                            "AGPL-3.0-or-later",
	"GNU AGPL":                        "AGPL-3.0-or-later",
	"GFDL":                            "GFDL-1.1-or-later",
	"GNU FDL":                         "GFDL-1.1-or-later",
	"GPL v2 with Classpath Exception": "GPL-2.0-only WITH Classpath-exception-2.0",
	"GPLv2+CE":                        "GPL-2.0-only WITH Classpath-exception-2.0",
	"GPL2 w/ CPE":                     "GPL-2.0-only WITH Classpath-exception-2.0",
	"GNU General Public License, version 2 with the GNU Classpath Exception":     "GPL-2.0-only WITH Classpath-exception-2.0",
	"GNU General Public License, version 2 (GPL2), with the classpath exception": "GPL-2.0-only WITH Classpath-exception-2.0",
	// Other families without a version
	"MPL":              "LicenseRef-heng-unknown-mpl",
	"EPL":              "LicenseRef-heng-unknown-epl",
	"CDDL":             "LicenseRef-heng-unknown-cddl",
	"EUPL":             "LicenseRef-heng-unknown-eupl",
	"Artistic":         "LicenseRef-heng-unknown-artistic",
	"AFL":              "LicenseRef-heng-unknown-afl",
	"OSL":              "LicenseRef-heng-unknown-osl",
	"ZPL":              "LicenseRef-heng-unknown-zpl",
	"LPPL":             "LicenseRef-heng-unknown-lppl",
	"OFL":              "LicenseRef-heng-unknown-ofl",
	"SIL OFL":          "LicenseRef-heng-unknown-ofl",
	"CC-BY":            "LicenseRef-heng-unknown-cc-by",
	"CC-BY-SA":         "LicenseRef-heng-unknown-cc-by-sa",
	"CC-BY-NC":         "LicenseRef-heng-unknown-cc-by-nc",
	"Creative Commons": "LicenseRef-heng-unknown-creative-commons",
	"BSL":              "LicenseRef-heng-unknown-bsl",
	"BSL 1.1":          "BUSL-1.1",
	"Boost":            "BSL-1.0",
	"Boost Software":   "BSL-1.0",
	"CPL":              "CPL-1.0",
	"IPL":              "IPL-1.0",
	"UPL":              "UPL-1.0",
	"SSPL":             "SSPL-1.0",
	"Elastic":          "LicenseRef-heng-unknown-elastic",
	"MulanPSL":         "LicenseRef-heng-unknown-mulanpsl",
	"Mulan":            "LicenseRef-heng-unknown-mulan",
	"木兰宽松许可证":          "LicenseRef-heng-unknown-mulanpsl",
	"木兰宽松许可证第二版":       "MulanPSL-2.0",
	"木兰宽松许可证第一版":       "MulanPSL-1.0",
	"木兰公共许可证第二版":       "LicenseRef-MulanPubL-2.0",
	"木兰公共许可证第一版":       "LicenseRef-MulanPubL-1.0",
	// Public domain, no license, proprietary
	"CC0":                      "CC0-1.0",
	"CC Zero":                  "CC0-1.0",
	"CC0 1.0 Universal":        "CC0-1.0",
	"Public Domain":            "LicenseRef-heng-public-domain",
	"Public-Domain":            "LicenseRef-heng-public-domain",
	"PD":                       "LicenseRef-heng-public-domain",
	"Public Domain Dedication": "LicenseRef-heng-public-domain",
	"公有领域":                     "LicenseRef-heng-public-domain",
	"UNLICENSED":               "LicenseRef-heng-proprietary",
	"Proprietary":              "LicenseRef-heng-proprietary",
	"Commercial":               "LicenseRef-heng-proprietary",
	"All rights reserved":      "LicenseRef-heng-proprietary",
	"Other/Proprietary":        "LicenseRef-heng-proprietary",
	"Closed source":            "LicenseRef-heng-proprietary",
	"专有":                       "LicenseRef-heng-proprietary",
	"商业":                       "LicenseRef-heng-proprietary",
	// Others
	"PSF":                                   "PSF-2.0",
	"PSFL":                                  "PSF-2.0",
	"Python Software Foundation":            "PSF-2.0",
	"ISCL":                                  "ISC",
	"zlib/libpng":                           "Zlib",
	"zlib-libpng":                           "Zlib",
	"WTFPL 2":                               "WTFPL",
	"Perl":                                  "Artistic-1.0-Perl OR GPL-1.0-or-later",
	"perl_5":                                "Artistic-1.0-Perl OR GPL-1.0-or-later",
	"Perl 5":                                "Artistic-1.0-Perl OR GPL-1.0-or-later",
	"same as Perl":                          "Artistic-1.0-Perl OR GPL-1.0-or-later",
	"same terms as Perl itself":             "Artistic-1.0-Perl OR GPL-1.0-or-later",
	"Mozilla Public License Version 2.0":    "MPL-2.0",
	"Eclipse Public License - v 1.0":        "EPL-1.0",
	"Eclipse Public License - v 2.0":        "EPL-2.0",
	"CDDL + GPLv2 with classpath exception": "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
	"CDDL/GPLv2+CE":                         "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
	"CDDL+GPL":                              "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
	"CDDL+GPL License":                      "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
	"Unicode":                               "LicenseRef-heng-unknown-unicode",
}

// exceptionAliases maps names of license exceptions, as written after
// "with", to SPDX exception ids.
var exceptionAliases = map[string]string{
	"Classpath exception":               "Classpath-exception-2.0",
	"Classpath":                         "Classpath-exception-2.0",
	"GNU Classpath exception":           "Classpath-exception-2.0",
	"the classpath exception":           "Classpath-exception-2.0",
	"CPE":                               "Classpath-exception-2.0",
	"CE":                                "Classpath-exception-2.0",
	"LLVM exceptions":                   "LLVM-exception",
	"LLVM":                              "LLVM-exception",
	"font exception":                    "Font-exception-2.0",
	"GCC runtime library exception 3.1": "GCC-exception-3.1",
	"runtime library exception":         "GCC-exception-3.1",
	"syscall note":                      "Linux-syscall-note",
	"Linux syscall exception":           "Linux-syscall-note",
}

// urlAliases maps license URLs the SPDX list does not give (or gives for
// several ids) to expressions. Keys go through urlKey.
var urlAliases = map[string]string{
	"https://www.apache.org/licenses/LICENSE-2.0":               "Apache-2.0",
	"https://www.apache.org/licenses/LICENSE-1.1":               "Apache-1.1",
	"https://www.apache.org/licenses/LICENSE-1.0":               "Apache-1.0",
	"https://opensource.org/licenses/apache2.0":                 "Apache-2.0",
	"https://mit-license.org":                                   "MIT",
	"https://opensource.org/licenses/mit-license":               "MIT",
	"https://unlicense.org":                                     "Unlicense",
	"http://www.wtfpl.net":                                      "WTFPL",
	"http://www.wtfpl.net/about":                                "WTFPL",
	"http://sam.zoy.org/wtfpl":                                  "WTFPL",
	"https://www.boost.org/LICENSE_1_0.txt":                     "BSL-1.0",
	"https://www.boost.org/users/license.html":                  "BSL-1.0",
	"https://www.json.org/license.html":                         "JSON",
	"https://www.eclipse.org/legal/epl-v10.html":                "EPL-1.0",
	"https://www.eclipse.org/legal/epl-2.0":                     "EPL-2.0",
	"https://www.eclipse.org/legal/epl-v20.html":                "EPL-2.0",
	"https://www.eclipse.org/org/documents/epl-v10.php":         "EPL-1.0",
	"https://www.eclipse.org/org/documents/epl-2.0/EPL-2.0.txt": "EPL-2.0",
	"https://www.eclipse.org/org/documents/edl-v10.php":         "BSD-3-Clause",
	"https://www.eclipse.org/org/documents/edl-v10.html":        "BSD-3-Clause",
	"https://www.eclipse.org/licenses/edl-v10.html":             "BSD-3-Clause",
	"https://opensource.org/licenses/BSD-license":               "LicenseRef-heng-unknown-bsd",
	"https://www.opensource.org/licenses/bsd-license.php":       "LicenseRef-heng-unknown-bsd",
	"https://glassfish.dev.java.net/public/CDDLv1.0.html":       "CDDL-1.0",
	"https://oss.oracle.com/licenses/CDDL+GPL-1.1":              "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
	"https://www.bouncycastle.org/licence.html":                 "MIT",
	"https://www.python.org/psf/license":                        "PSF-2.0",
	"https://docs.python.org/3/license.html":                    "PSF-2.0",
	"https://www.ruby-lang.org/en/about/license.txt":            "Ruby",
	"https://www.zlib.net/zlib_license.html":                    "Zlib",
	"https://www.mozilla.org/MPL/MPL-1.1.html":                  "MPL-1.1",
	"https://www.mozilla.org/MPL/MPL-1.0.html":                  "MPL-1.0",
}

// cosclLicenses maps the last path element of license.coscl.org.cn URLs,
// letters and digits only, to the Mulan licenses.
var cosclLicenses = map[string]string{
	"mulanpsl":         "MulanPSL-1.0",
	"mulanpsl1":        "MulanPSL-1.0",
	"mulanpsl10":       "MulanPSL-1.0",
	"mulanpslv1":       "MulanPSL-1.0",
	"mulanpsl2":        "MulanPSL-2.0",
	"mulanpsl20":       "MulanPSL-2.0",
	"mulanpslv2":       "MulanPSL-2.0",
	"mulanpubl1":       "LicenseRef-MulanPubL-1.0",
	"mulanpubl10":      "LicenseRef-MulanPubL-1.0",
	"mulanpublv1":      "LicenseRef-MulanPubL-1.0",
	"mulanpubl2":       "LicenseRef-MulanPubL-2.0",
	"mulanpubl20":      "LicenseRef-MulanPubL-2.0",
	"mulanpublv2":      "LicenseRef-MulanPubL-2.0",
	"mulanowlbyv1":     "LicenseRef-MulanOWL-BY-1.0",
	"mulanowlby10":     "LicenseRef-MulanOWL-BY-1.0",
	"mulanowlbysav1":   "LicenseRef-MulanOWL-BY-SA-1.0",
	"mulanowlbysa10":   "LicenseRef-MulanOWL-BY-SA-1.0",
	"mulanowlbyplv1":   "LicenseRef-MulanOWL-BY-PL-1.0",
	"mulanowlbypl10":   "LicenseRef-MulanOWL-BY-PL-1.0",
	"mulanowlbyplsav1": "LicenseRef-MulanOWL-BY-PL-SA-1.0",
	"mulanowlbyplsa10": "LicenseRef-MulanOWL-BY-PL-SA-1.0",
}

// troveClassifiers maps the license classifiers of the Python Package
// Index (PyPI) to expressions. Classifiers that name a family without a
// version map as the family's bare name does (see nameAliases).
var troveClassifiers = map[string]string{
	"License :: Aladdin Free Public License (AFPL)":                                              "Aladdin",
	"License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication":                            "CC0-1.0",
	"License :: CeCILL-B Free Software License Agreement (CECILL-B)":                             "CECILL-B",
	"License :: CeCILL-C Free Software License Agreement (CECILL-C)":                             "CECILL-C",
	"License :: DFSG approved":                                                                   "LicenseRef-heng-unknown-dfsg-approved",
	"License :: Eiffel Forum License (EFL)":                                                      "LicenseRef-heng-unknown-efl",
	"License :: Free For Educational Use":                                                        "LicenseRef-heng-unknown-free-for-educational-use",
	"License :: Free For Home Use":                                                               "LicenseRef-heng-unknown-free-for-home-use",
	"License :: Free To Use But Restricted":                                                      "LicenseRef-heng-unknown-free-to-use-but-restricted",
	"License :: Free for non-commercial use":                                                     "LicenseRef-heng-unknown-free-for-non-commercial-use",
	"License :: Freely Distributable":                                                            "LicenseRef-heng-unknown-freely-distributable",
	"License :: Freeware":                                                                        "LicenseRef-heng-unknown-freeware",
	"License :: GUST Font License 1.0":                                                           "LicenseRef-heng-unknown-gust-font-license-1.0",
	"License :: GUST Font License 2006-09-30":                                                    "LicenseRef-heng-unknown-gust-font-license-2006-09-30",
	"License :: Netscape Public License (NPL)":                                                   "LicenseRef-heng-unknown-npl",
	"License :: Nokia Open Source License (NOKOS)":                                               "Nokia",
	"License :: OSI Approved":                                                                    "LicenseRef-heng-unknown-osi-approved",
	"License :: OSI Approved :: Academic Free License (AFL)":                                     "LicenseRef-heng-unknown-afl",
	"License :: OSI Approved :: Apache Software License":                                         "LicenseRef-heng-unknown-apache",
	"License :: OSI Approved :: Apple Public Source License":                                     "LicenseRef-heng-unknown-apsl",
	"License :: OSI Approved :: Artistic License":                                                "LicenseRef-heng-unknown-artistic",
	"License :: OSI Approved :: Attribution Assurance License":                                   "AAL",
	"License :: OSI Approved :: BSD License":                                                     "LicenseRef-heng-unknown-bsd",
	"License :: OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)":                          "BlueOak-1.0.0",
	"License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)":                            "BSL-1.0",
	"License :: OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)": "CECILL-2.1",
	"License :: OSI Approved :: CMU License (MIT-CMU)":                                           "MIT-CMU",
	"License :: OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)":      "CDDL-1.0",
	"License :: OSI Approved :: Common Public License":                                           "CPL-1.0",
	"License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)":                            "EPL-1.0",
	"License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)":                            "EPL-2.0",
	"License :: OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)":            "ECL-2.0",
	"License :: OSI Approved :: Eiffel Forum License":                                            "LicenseRef-heng-unknown-efl",
	"License :: OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)":                    "EUPL-1.0",
	"License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)":                    "EUPL-1.1",
	"License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)":                    "EUPL-1.2",
	"License :: OSI Approved :: GNU Affero General Public License v3":                            "AGPL-3.0-only",
	"License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)":         "AGPL-3.0-or-later",
	"License :: OSI Approved :: GNU Free Documentation License (FDL)":                            "GFDL-1.1-or-later",
	"License :: OSI Approved :: GNU General Public License (GPL)":                                "GPL-1.0-or-later",
	"License :: OSI Approved :: GNU General Public License v2 (GPLv2)":                           "GPL-2.0-only",
	"License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)":                 "GPL-2.0-or-later",
	"License :: OSI Approved :: GNU General Public License v3 (GPLv3)":                           "GPL-3.0-only",
	"License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)":                 "GPL-3.0-or-later",
	"License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)":                   "LGPL-2.0-only",
	"License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)":         "LGPL-2.0-or-later",
	"License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)":                   "LGPL-3.0-only",
	"License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)":         "LGPL-3.0-or-later",
	"License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)":             "LGPL-2.0-or-later",
	"License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)":              "HPND",
	"License :: OSI Approved :: IBM Public License":                                              "IPL-1.0",
	"License :: OSI Approved :: ISC License (ISCL)":                                              "ISC",
	"License :: OSI Approved :: Intel Open Source License":                                       "Intel",
	"License :: OSI Approved :: Jabber Open Source License":                                      "LicenseRef-heng-unknown-jabber-open-source-license",
	"License :: OSI Approved :: MIT License":                                                     "MIT",
	"License :: OSI Approved :: MIT No Attribution License (MIT-0)":                              "MIT-0",
	"License :: OSI Approved :: MITRE Collaborative Virtual Workspace License (CVW)":             "LicenseRef-heng-unknown-mitre-cvw",
	"License :: OSI Approved :: MirOS License (MirOS)":                                           "MirOS",
	"License :: OSI Approved :: Motosoto License":                                                "Motosoto",
	"License :: OSI Approved :: Mozilla Public License 1.0 (MPL)":                                "MPL-1.0",
	"License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)":                            "MPL-1.1",
	"License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)":                            "MPL-2.0",
	"License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)":             "MulanPSL-2.0",
	"License :: OSI Approved :: Nethack General Public License":                                  "NGPL",
	"License :: OSI Approved :: Nokia Open Source License":                                       "Nokia",
	"License :: OSI Approved :: Open Group Test Suite License":                                   "OGTSL",
	"License :: OSI Approved :: Open Software License 3.0 (OSL-3.0)":                             "OSL-3.0",
	"License :: OSI Approved :: PostgreSQL License":                                              "PostgreSQL",
	"License :: OSI Approved :: Python License (CNRI Python License)":                            "CNRI-Python",
	"License :: OSI Approved :: Python Software Foundation License":                              "PSF-2.0",
	"License :: OSI Approved :: Qt Public License (QPL)":                                         "QPL-1.0",
	"License :: OSI Approved :: Ricoh Source Code Public License":                                "RSCPL",
	"License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)":                             "OFL-1.1",
	"License :: OSI Approved :: Sleepycat License":                                               "Sleepycat",
	"License :: OSI Approved :: Sun Industry Standards Source License (SISSL)":                   "SISSL",
	"License :: OSI Approved :: Sun Public License":                                              "SPL-1.0",
	"License :: OSI Approved :: The Unlicense (Unlicense)":                                       "Unlicense",
	"License :: OSI Approved :: Universal Permissive License (UPL)":                              "UPL-1.0",
	"License :: OSI Approved :: University of Illinois/NCSA Open Source License":                 "NCSA",
	"License :: OSI Approved :: Vovida Software License 1.0":                                     "VSL-1.0",
	"License :: OSI Approved :: W3C License":                                                     "W3C",
	"License :: OSI Approved :: X.Net License":                                                   "Xnet",
	"License :: OSI Approved :: Zero-Clause BSD (0BSD)":                                          "0BSD",
	"License :: OSI Approved :: Zope Public License":                                             "LicenseRef-heng-unknown-zpl",
	"License :: OSI Approved :: zlib/libpng License":                                             "Zlib",
	"License :: Other/Proprietary License":                                                       "LicenseRef-heng-proprietary",
	"License :: Public Domain":                                                                   "LicenseRef-heng-public-domain",
	"License :: Repoze Public License":                                                           "LicenseRef-heng-unknown-repoze-public-license",
}

func classifierKey(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(s), "::", " :: ")), " ")
}

// strict parses s as an SPDX license expression (operators in any case),
// with ids and exceptions compared without regard to case and deprecated
// ids replaced. It fails on anything else, including ids not on the list.
func (nz *normalizer) strict(s string) (n *lnode, err error) {
	p := &exprParser{toks: tokenizeSPDX(s)}
	if len(p.toks) == 0 {
		return nil, errors.New("empty expression")
	}
	n, err = p.or(0)
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("unexpected %q", p.toks[p.pos])
	}
	return n, nil
}

func tokenizeSPDX(s string) []string {
	var toks []string
	start := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\r', '\n', '(', ')':
			if start >= 0 {
				toks = append(toks, s[start:i])
				start = -1
			}
			if c == '(' || c == ')' {
				toks = append(toks, s[i:i+1])
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

type exprParser struct {
	toks []string
	pos  int
}

func (p *exprParser) peekOp(op string) bool {
	return p.pos < len(p.toks) && strings.EqualFold(p.toks[p.pos], op)
}

const maxExprDepth = 64

func (p *exprParser) or(depth int) (*lnode, error) {
	var nodes []*lnode
	for {
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
		if !p.peekOp("OR") {
			return combine("OR", nodes), nil
		}
		p.pos++
	}
}

func (p *exprParser) and(depth int) (*lnode, error) {
	var nodes []*lnode
	for {
		n, err := p.with(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
		if !p.peekOp("AND") {
			return combine("AND", nodes), nil
		}
		p.pos++
	}
}

func (p *exprParser) with(depth int) (*lnode, error) {
	n, err := p.atom(depth)
	if err != nil {
		return nil, err
	}
	if !p.peekOp("WITH") {
		return n, nil
	}
	p.pos++
	if p.pos >= len(p.toks) {
		return nil, errors.New("missing exception after WITH")
	}
	exc, ok := Lookup(p.toks[p.pos])
	if !ok || !exc.Exception {
		return nil, fmt.Errorf("unknown exception %q", p.toks[p.pos])
	}
	p.pos++
	if n.op != "" || n.exc != "" || strings.HasPrefix(n.id, "LicenseRef-") || strings.HasPrefix(n.id, "DocumentRef-") {
		return nil, errors.New("WITH must follow a single SPDX license id")
	}
	return &lnode{id: n.id, exc: exc.ID, known: n.known}, nil
}

var (
	refRe    = regexp.MustCompile(`^(?i)licenseref-([A-Za-z0-9.-]+)$`)
	docRefRe = regexp.MustCompile(`^(?i)documentref-([A-Za-z0-9.-]+):licenseref-([A-Za-z0-9.-]+)$`)
)

func (p *exprParser) atom(depth int) (*lnode, error) {
	if p.pos >= len(p.toks) {
		return nil, errors.New("unexpected end of expression")
	}
	t := p.toks[p.pos]
	p.pos++
	switch {
	case t == "(":
		if depth >= maxExprDepth {
			return nil, errors.New("expression nested too deeply")
		}
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.pos >= len(p.toks) || p.toks[p.pos] != ")" {
			return nil, errors.New("missing )")
		}
		p.pos++
		return n, nil
	case t == ")":
		return nil, errors.New("unexpected )")
	case isOperatorWord(t):
		return nil, fmt.Errorf("unexpected operator %s", t)
	}
	return licenseLeaf(t)
}

// licenseLeaf resolves one license token: an SPDX id (any case, "+"
// allowed), a LicenseRef or a DocumentRef.
func licenseLeaf(t string) (*lnode, error) {
	if m := refRe.FindStringSubmatch(t); m != nil {
		id := "LicenseRef-" + m[1]
		info, known := Lookup(id)
		if known {
			id = info.ID
		}
		return &lnode{id: id, known: known}, nil
	}
	if m := docRefRe.FindStringSubmatch(t); m != nil {
		return &lnode{id: "DocumentRef-" + m[1] + ":LicenseRef-" + m[2]}, nil
	}
	if info, ok := Lookup(t); ok {
		return idLeaf(info)
	}
	base, plus := strings.CutSuffix(t, "+")
	if !plus || base == "" {
		return nil, fmt.Errorf("unknown license id %q", t)
	}
	info, ok := Lookup(base)
	if !ok || info.Exception || info.Source != "spdx" {
		return nil, fmt.Errorf("unknown license id %q", t)
	}
	n, err := idLeaf(info)
	if err != nil {
		return nil, err
	}
	if n.op != "" {
		return nil, fmt.Errorf("%q cannot take +", t)
	}
	switch {
	case strings.HasSuffix(n.id, "-only"):
		or := strings.TrimSuffix(n.id, "-only") + "-or-later"
		if _, ok := Lookup(or); ok {
			n.id = or
		}
	case strings.HasSuffix(n.id, "-or-later"):
	default:
		n.id += "+"
	}
	return n, nil
}

// idLeaf is the node for a known id: deprecated ids become their
// replacement.
func idLeaf(info Info) (*lnode, error) {
	if info.Exception {
		return nil, fmt.Errorf("%s is an exception, not a license", info.ID)
	}
	if info.Deprecated && info.Replacement != "" {
		p := &exprParser{toks: tokenizeSPDX(info.Replacement)}
		return p.or(0)
	}
	return &lnode{id: info.ID, known: true}, nil
}

// loose applies the heuristics to a cleaned declaration.
func (nz *normalizer) loose(s string, depth int) *lnode {
	s = cleanDecl(s)
	if s == "" {
		return nil
	}
	if n := nz.whole(s); n != nil {
		return n
	}
	if depth > 6 {
		return unknownLeaf(s)
	}
	if hasCopyright(s) {
		if n := nz.copyright(s); n != nil {
			return n
		}
	}
	if rest, ok := cutDual(s); ok {
		parts, seps := splitTop(rest, dualSeps)
		return combine("OR", nz.group(parts, seps, depth))
	}
	if parts, seps := splitTop(s, orSeps); len(parts) > 1 {
		return combine("OR", nz.group(parts, seps, depth))
	}
	if parts, seps := splitTop(s, andSeps); len(parts) > 1 {
		return combine("AND", nz.group(parts, seps, depth))
	}
	if parts, _ := splitTop(s, withSeps); len(parts) == 2 {
		left := nz.loose(parts[0], depth+1)
		if exc := nz.exception(parts[1]); exc != "" && left != nil && left.op == "" && left.exc == "" &&
			!strings.HasPrefix(left.id, "LicenseRef-") && !strings.HasPrefix(left.id, "DocumentRef-") && left.known {
			return &lnode{id: left.id, exc: exc, known: true}
		}
		return unknownLeaf(s)
	}
	return unknownLeaf(s)
}

func hasCopyright(s string) bool {
	lower := strings.ToLower(s)
	return strings.Contains(lower, "copyright") || strings.Contains(lower, "(c)") || strings.Contains(s, "©")
}

// group resolves the parts of a split declaration. Adjacent parts are
// first joined back where the join is itself a name ("Apache License",
// "Version 2.0"; "GPL v2", "later"), longest first.
func (nz *normalizer) group(parts, seps []string, depth int) []*lnode {
	var nodes []*lnode
	for i := 0; i < len(parts); {
		next := i + 1
		var found *lnode
		for j := min(len(parts)-1, i+5); j > i; j-- {
			var b strings.Builder
			for k := i; k <= j; k++ {
				b.WriteString(parts[k])
				if k < j {
					b.WriteString(seps[k])
				}
			}
			if n := nz.whole(b.String()); n != nil {
				found, next = n, j+1
				break
			}
		}
		if found == nil {
			found = nz.loose(parts[i], depth+1)
		}
		if found != nil {
			nodes = append(nodes, found)
		}
		i = next
	}
	return nodes
}

// Separators of loose combinations. "/" means OR as in Cargo's old
// "MIT/Apache-2.0"; a comma, a semicolon or "&" means AND (the reading that
// asks the most of the user: see docs/licenses.md).
var (
	orSeps   = []string{" or ", " | ", "||", "|", " / ", "/"}
	andSeps  = []string{" and ", " & ", "&&", "&", ",", ";", " + "}
	dualSeps = []string{" and ", " or ", ",", ";", " / ", "/", " & ", "&"}
	withSeps = []string{" with ", " w/ "}
)

// splitTop splits s at the separators outside parentheses, matching
// them without regard to case. It does not split URLs at "/".
func splitTop(s string, seps []string) (parts, used []string) {
	lower := strings.ToLower(s)
	isURL := strings.Contains(lower, "://") || strings.HasPrefix(lower, "www.")
	depth := 0
	start := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '(', '[':
			depth++
			i++
			continue
		case ')', ']':
			depth--
			i++
			continue
		}
		matched := ""
		if depth == 0 {
			for _, sep := range seps {
				if strings.HasPrefix(lower[i:], sep) {
					if strings.Contains(sep, "/") && (isURL || i > 0 && (lower[i-1] == 'w' && sep == "/")) {
						continue
					}
					matched = sep
					break
				}
			}
		}
		if matched == "" {
			i++
			continue
		}
		parts = append(parts, s[start:i])
		used = append(used, s[i:i+len(matched)])
		i += len(matched)
		start = i
	}
	parts = append(parts, s[start:])
	// Drop empty parts ("MIT,, BSD") with their separators.
	var p2, u2 []string
	for i, p := range parts {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if len(p2) > 0 {
			u2 = append(u2, used[i-1])
		}
		p2 = append(p2, p)
	}
	return p2, u2
}

var dualRe = regexp.MustCompile(`^(?i)(?:(?:this (?:software|project|package|library) is )?(?:dual|multi|triple)[- ]licen[cs]ed(?: under)?(?: the)?(?: terms of)?(?: either)?|(?:available|licen[cs]ed) under (?:either|your choice of|the choice of)|either)\s+(.+)$`)

// cutDual recognizes "dual licensed under X and Y", "either X or Y":
// declarations that offer a choice, so that "and" means OR.
func cutDual(s string) (string, bool) {
	m := dualRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	rest := strings.TrimSpace(m[1])
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, " licenses"), " licences")
	rest = strings.TrimSuffix(rest, " at your option")
	return rest, rest != ""
}

var leadRe = regexp.MustCompile(`^(?i)(?:(?:this (?:software|project|package|library|code) is )?(?:licen[cs]ed|released|distributed|available|provided) under(?: the)?(?: terms of)?(?: the)?|under the|under)\s+`)

// whole resolves s as one declaration, without splitting it: an SPDX
// expression, a URL, a trove classifier, "SEE LICENSE IN", or a name.
func (nz *normalizer) whole(s string) *lnode {
	s = cleanDecl(s)
	if s == "" {
		return nil
	}
	if n, err := nz.strict(s); err == nil {
		return n
	}
	if n := nz.url(s); n != nil {
		return n
	}
	if n := nz.classifier(s); n != nil {
		return n
	}
	if n := seeFile(s); n != nil {
		return n
	}
	if n := nz.name(s); n != nil {
		return n
	}
	if m := leadRe.FindStringIndex(s); m != nil {
		if n := nz.whole(s[m[1]:]); n != nil {
			return n
		}
	}
	return nil
}

// name looks s up by its nameKey, also without what is in parentheses
// ("GNU General Public License v3 (GPLv3)") and as what is in them.
func (nz *normalizer) name(s string) *lnode {
	if n := nz.byKey(nameKey(s)); n != nil {
		return n
	}
	outside, inside := splitParens(s)
	if outside != s && outside != "" {
		if n := nz.byKey(nameKey(outside)); n != nil {
			return n
		}
	}
	for _, in := range inside {
		if n, err := nz.strict(in); err == nil {
			return n
		}
		if n := nz.byKey(nameKey(in)); n != nil {
			return n
		}
	}
	return nil
}

func (nz *normalizer) byKey(k string) *lnode {
	if k == "" {
		return nil
	}
	expr, ok := nz.names[k]
	if !ok {
		return nil
	}
	n, err := nz.strict(expr)
	if err != nil {
		return nil
	}
	return n
}

// splitParens returns s without its parenthesized groups, and the groups.
func splitParens(s string) (outside string, inside []string) {
	var b strings.Builder
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
				if depth == 0 {
					inside = append(inside, s[start:i])
				}
				continue
			}
		}
		if depth == 0 {
			b.WriteByte(s[i])
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), inside
}

// exception resolves the text after "with" to an exception id.
func (nz *normalizer) exception(s string) string {
	s = cleanDecl(s)
	if info, ok := Lookup(s); ok && info.Exception {
		return info.ID
	}
	k := nameKey(s)
	if id, ok := nz.exceptions[k]; ok && !strings.HasPrefix(id, "LicenseRef-") {
		return id
	}
	return ""
}

// copyright drops a copyright statement that shares a declaration with a
// license name: "MIT (c) 2020 Jane Doe", "Copyright 2020 Jane Doe. MIT
// License".
func (nz *normalizer) copyright(s string) *lnode {
	lower := strings.ToLower(s)
	at := -1
	for _, m := range []string{"copyright", "(c)", "©"} {
		if i := strings.Index(lower, m); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	if at > 0 {
		if n := nz.whole(strings.TrimRight(s[:at], " ,;-")); n != nil {
			return n
		}
	}
	var keep []string
	for _, piece := range sentenceRe.Split(s, -1) {
		pl := strings.ToLower(piece)
		if strings.Contains(pl, "copyright") || strings.Contains(pl, "(c)") || strings.Contains(pl, "©") || strings.Contains(pl, "all rights reserved") {
			continue
		}
		keep = append(keep, piece)
	}
	if len(keep) == 0 {
		return nil
	}
	return nz.whole(strings.Join(keep, ". "))
}

var seeFileRe = regexp.MustCompile(`^(?i)see (?:the )?(?:licen[cs]e in|licen[cs]e file|file|licen[cs]e at)\s+(.+)$|^(?i)see (?:the )?((?:licen[cs]e|copying)[^ ]*)(?: file)?$`)

// seeFile maps npm's "SEE LICENSE IN <file>" (and "see LICENSE file") to
// LicenseRef-heng-see-file-<file>.
func seeFile(s string) *lnode {
	m := seeFileRe.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	file := m[1]
	if file == "" {
		file = m[2]
	}
	file = strings.TrimPrefix(strings.TrimSpace(file), "./")
	var b strings.Builder
	dash := false
	for _, r := range file {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	name := strings.Trim(b.String(), ".-")
	for strings.Contains(name, "..") {
		name = strings.ReplaceAll(name, "..", ".")
	}
	if len(name) > 64 {
		name = strings.Trim(name[:64], ".-")
	}
	if name == "" {
		name = "LICENSE"
	}
	return &lnode{id: seeFileRefPrefix + name}
}

// classifier resolves a PyPI trove classifier ("License :: ...").
func (nz *normalizer) classifier(s string) *lnode {
	k := classifierKey(s)
	if !strings.HasPrefix(k, "license ::") {
		return nil
	}
	if expr, ok := nz.classes[k]; ok {
		n, err := nz.strict(expr)
		if err == nil {
			return n
		}
	}
	segs := strings.Split(s, "::")
	last := strings.TrimSpace(segs[len(segs)-1])
	if last == "" || strings.EqualFold(last, "license") {
		return nil
	}
	if n, err := nz.strict(last); err == nil {
		return n
	}
	if n := seeFile(last); n != nil {
		return n
	}
	return nz.name(last)
}

// urlKey reduces a license URL to a lookup key: no scheme, "www.", query,
// fragment, trailing slash, "/legalcode" or file extension; lower case.
func urlKey(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	u = strings.TrimPrefix(u, "http://")
	u = strings.TrimPrefix(u, "https://")
	u = strings.TrimPrefix(u, "www.")
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for {
		before := u
		u = strings.TrimRight(u, "/")
		u = strings.TrimSuffix(u, "/legalcode")
		u = strings.TrimSuffix(u, "/index")
		for _, ext := range []string{".html", ".htm", ".txt", ".php", ".md", ".json", ".xml"} {
			u = strings.TrimSuffix(u, ext)
		}
		if u == before {
			return u
		}
	}
}

var (
	gnuURLRe    = regexp.MustCompile(`^gnu\.org/(?:licenses/(?:old-licenses/)?|copyleft/)(gpl|lgpl|agpl|fdl|lesser)(?:-(\d\.\d))?(?:-standalone)?(?:\.[a-z]{2}(?:-[a-z]{2})?)?$`)
	ccURLRe     = regexp.MustCompile(`^creativecommons\.org/licenses/((?:by|sa|nc|nd)(?:-(?:by|sa|nc|nd))*)/(\d\.\d)(?:/([a-z]{2,3}))?(?:/.*)?$`)
	ccPDURLRe   = regexp.MustCompile(`^creativecommons\.org/publicdomain/(zero|mark)/(\d\.\d)(?:/.*)?$`)
	mplURLRe    = regexp.MustCompile(`^mozilla\.org/(?:[a-z-]+/)?mpl/(\d\.\d)(?:/.*)?$`)
	apacheURLRe = regexp.MustCompile(`^apache\.org/licenses/license-(\d\.\d)$`)
	hostRe      = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/`)
	sentenceRe  = regexp.MustCompile(`\. |; | - |, `)
	idURLRe     = regexp.MustCompile(`^(?:spdx\.org/licenses|opensource\.org/licenses?|choosealicense\.com/licenses)/([^/]+)$`)
)

// url resolves a license URL.
func (nz *normalizer) url(s string) *lnode {
	if strings.ContainsAny(s, " \t") {
		return nil
	}
	lower := strings.ToLower(s)
	if !strings.Contains(lower, "://") && !strings.HasPrefix(lower, "www.") && !hostRe.MatchString(lower) {
		return nil
	}
	k := urlKey(s)
	parse := func(expr string) *lnode {
		n, err := nz.strict(expr)
		if err != nil {
			return nil
		}
		return n
	}
	if expr, ok := nz.urls[k]; ok {
		return parse(expr)
	}
	if m := gnuURLRe.FindStringSubmatch(k); m != nil {
		fam, ver := m[1], m[2]
		switch fam {
		case "fdl":
			fam = "gfdl"
		case "lesser":
			fam = "lgpl"
		}
		if ver == "" {
			ver = map[string]string{"gpl": "3.0", "lgpl": "3.0", "agpl": "3.0", "gfdl": "1.3"}[fam]
		}
		return parse(strings.ToUpper(fam) + "-" + ver + "-only")
	}
	if m := ccURLRe.FindStringSubmatch(k); m != nil {
		id := "CC-" + strings.ToUpper(m[1]) + "-" + m[2]
		if m[3] != "" {
			if n := parse(id + "-" + strings.ToUpper(m[3])); n != nil {
				return n
			}
		}
		return parse(id)
	}
	if m := ccPDURLRe.FindStringSubmatch(k); m != nil {
		if m[1] == "zero" {
			return parse("CC0-" + m[2])
		}
		return parse("CC-PDM-" + m[2])
	}
	if m := mplURLRe.FindStringSubmatch(k); m != nil {
		return parse("MPL-" + m[1])
	}
	if m := idURLRe.FindStringSubmatch(k); m != nil {
		id := strings.TrimSuffix(m[1], "-license")
		if n := parse(id); n != nil {
			return n
		}
		return nz.byKey(nameKey(id))
	}
	if rest, ok := strings.CutPrefix(k, "license.coscl.org.cn/"); ok {
		seg := rest[strings.LastIndexByte(rest, '/')+1:]
		if expr, ok := cosclLicenses[squash(seg)]; ok {
			return parse(expr)
		}
	}
	if m := apacheURLRe.FindStringSubmatch(k); m != nil {
		return parse("Apache-" + m[1])
	}
	return unknownLeaf(k)
}

// nameKey reduces a license name to a lookup key: lower case; words only
// (letters, numbers, CJK runs); "licence" spelled "license"; "the",
// "license", "version", "v" before a number and other filler dropped;
// "2.0" written "2"; "+" and "or any later version" written "or later";
// long names of common families replaced by their abbreviations ("GNU
// Lesser General Public" -> "lgpl", "Creative Commons Attribution" -> "cc
// by"), so that names and ids of one license meet.
func nameKey(s string) string {
	s = strings.ToLower(cleanDecl(s))
	for _, r := range chineseOrdinals {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	var toks []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		j := i + 1
		switch {
		case 'a' <= r && r <= 'z':
			for j < len(rs) && 'a' <= rs[j] && rs[j] <= 'z' {
				j++
			}
			w := string(rs[i:j])
			// "gplv3", "mulanpslv2": split off the v before a number.
			if j < len(rs) && '0' <= rs[j] && rs[j] <= '9' && len(w) > 1 && strings.HasSuffix(w, "v") {
				toks = append(toks, w[:len(w)-1], "v")
			} else {
				toks = append(toks, w)
			}
		case '0' <= r && r <= '9':
			for j < len(rs) && ('0' <= rs[j] && rs[j] <= '9' || rs[j] == '.' && j+1 < len(rs) && '0' <= rs[j+1] && rs[j+1] <= '9') {
				j++
			}
			n := string(rs[i:j])
			for strings.HasSuffix(n, ".0") {
				n = strings.TrimSuffix(n, ".0")
			}
			toks = append(toks, n)
		case r == '+':
			toks = append(toks, "or", "later")
		case r > unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			for j < len(rs) && rs[j] > unicode.MaxASCII && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
				j++
			}
			w := string(rs[i:j])
			w = strings.TrimPrefix(w, "第")
			w = strings.TrimSuffix(w, "版")
			if w != "" && w != "第" && w != "版" {
				toks = append(toks, w)
			}
		}
		i = j
	}
	var kept []string
	for i, t := range toks {
		switch t {
		case "the", "license", "licensed", "licenses", "licence", "licences", "version", "ver", "agreement", "unported", "generic", "international":
			continue
		case "v":
			if i+1 < len(toks) && toks[i+1] != "" && '0' <= toks[i+1][0] && toks[i+1][0] <= '9' {
				continue
			}
		}
		kept = append(kept, t)
	}
	k := " " + strings.Join(kept, " ") + " "
	for _, r := range nameSynonyms {
		k = strings.ReplaceAll(k, r[0], r[1])
	}
	return strings.TrimSpace(k)
}

var chineseOrdinals = [][2]string{{"第一版", "第1版"}, {"第二版", "第2版"}, {"第三版", "第3版"}}

// nameSynonyms rewrite nameKey's word sequence, longest phrases first.
var nameSynonyms = [][2]string{
	{" gnu library or lesser general public ", " lgpl "},
	{" library or lesser general public ", " lgpl "},
	{" gnu lesser general public ", " lgpl "},
	{" gnu library general public ", " lgpl "},
	{" gnu affero general public ", " agpl "},
	{" gnu general public ", " gpl "},
	{" gnu free documentation ", " gfdl "},
	{" lesser general public ", " lgpl "},
	{" library general public ", " lgpl "},
	{" affero general public ", " agpl "},
	{" general public ", " gpl "},
	{" free documentation ", " gfdl "},
	{" gnu gpl ", " gpl "},
	{" gnu lgpl ", " lgpl "},
	{" gnu agpl ", " agpl "},
	{" gnu fdl ", " gfdl "},
	{" fdl ", " gfdl "},
	{" affero gpl ", " agpl "},
	{" lesser gpl ", " lgpl "},
	{" library gpl ", " lgpl "},
	{" or at your option any later ", " or later "},
	{" or at your option later ", " or later "},
	{" or any later ", " or later "},
	{" or newer ", " or later "},
	{" and later ", " or later "},
	{" or greater ", " or later "},
	{" or higher ", " or later "},
	{" or above ", " or later "},
	{" any later ", " or later "},
	{" apache software ", " apache "},
	{" mozilla public ", " mpl "},
	{" eclipse public ", " epl "},
	{" common development and distribution ", " cddl "},
	{" eclipse distribution ", " edl "},
	{" european union public ", " eupl "},
	{" business source ", " busl "},
	{" open software ", " osl "},
	{" academic free ", " afl "},
	{" sil open font ", " ofl "},
	{" open font ", " ofl "},
	{" sil ofl ", " ofl "},
	{" universal permissive ", " upl "},
	{" microsoft public ", " ms pl "},
	{" microsoft reciprocal ", " ms rl "},
	{" zope public ", " zpl "},
	{" python software foundation ", " psf "},
	{" educational community ", " ecl "},
	{" creative commons ", " cc "},
	{" attribution ", " by "},
	{" share alike ", " sa "},
	{" sharealike ", " sa "},
	{" non commercial ", " nc "},
	{" noncommercial ", " nc "},
	{" no derivatives ", " nd "},
	{" noderivatives ", " nd "},
	{" no derivs ", " nd "},
	{" noderivs ", " nd "},
	{" mulan psl ", " mulanpsl "},
	{" mulan publ ", " mulanpubl "},
	{" mulan owl ", " mulanowl "},
	{" server side public ", " sspl "},
	{" boost software ", " boost "},
}
