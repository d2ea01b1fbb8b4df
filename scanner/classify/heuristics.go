package classify

import (
	"bytes"
	"reflect"
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode/utf8"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
)

// go-enry's content heuristics (data.ContentHeuristics, Linguist's
// heuristics.yml) decide between the languages an extension leaves, by
// running regexps over the whole content. On a Go tree they are the
// dearest part of classification: the rules for ".s" run an alternation of
// (?im) patterns with \b that Go's regexp can only execute with its NFA,
// at about 10 ms per 30 kB file, and most Go assembly matches none of them.
//
// The rules are opaque values (rule.Or, rule.And, ... around
// *regexp.Regexp), so heuristicsFor reads their structure and each
// regexp's source by reflection (read-only, no unsafe), rebuilds the same
// rules around the same regexps, and guards each regexp with literal gates
// derived from its source as for path rules (pathmatch.go), tested on a
// case-folded copy of the content: a gate that is absent proves the regexp
// cannot match, so the answer is unchanged. If the structure is not what
// this file expects (another go-enry version), enry.GetLanguagesByContent
// is called instead. TestHeuristicsMatchEnry compares both on every
// extension go-enry has rules for.

// heurNode is one matcher of a rule tree.
type heurNode struct {
	kind  heurKind
	re    *regexp.Regexp // for heurRegexp; nil for a regexp RE2 refused
	gates [][][]string   // for heurRegexp: requiredClauses, tested on the folded content
	subs  []*heurNode    // for or (one), and, not
	langs []string       // languages of a top-level rule
}

type heurKind int

const (
	heurRegexp heurKind = iota
	heurOr
	heurAnd
	heurNot
	heurAlways
)

// fastHeuristics are the rules of one extension.
type fastHeuristics struct {
	rules []*heurNode
}

// heuristicsCache maps an extension of data.ContentHeuristics to its
// rebuilt rules, or to nil when they could not be rebuilt. Rules are built
// on first use: most scans meet a handful of ambiguous extensions.
var heuristicsCache sync.Map

// heuristicsFor returns the rebuilt rules for ext, or nil when go-enry has
// none or they cannot be rebuilt (the caller then asks go-enry).
func heuristicsFor(ext string) *fastHeuristics {
	hs, ok := data.ContentHeuristics[ext]
	if !ok || hs == nil {
		// Not cached: the cache holds go-enry's extensions only.
		return nil
	}
	if v, ok := heuristicsCache.Load(ext); ok {
		return v.(*fastHeuristics)
	}
	fh := &fastHeuristics{}
	for _, h := range *hs {
		n := buildHeurNode(reflect.ValueOf(h))
		if n == nil {
			fh = nil
			break
		}
		n.langs = h.Languages()
		fh.rules = append(fh.rules, n)
	}
	v, _ := heuristicsCache.LoadOrStore(ext, fh)
	return v.(*fastHeuristics)
}

var regexpType = reflect.TypeFor[*regexp.Regexp]()

const rulePkg = "github.com/go-enry/go-enry/v2/data/rule"

// buildHeurNode rebuilds the matcher held by v, or returns nil when it is
// something this file does not know.
func buildHeurNode(v reflect.Value) *heurNode {
	for v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Type() == regexpType {
		n := &heurNode{kind: heurRegexp}
		if v.IsNil() {
			return n // regex.MustCompileRuby: never matches on RE2
		}
		expr := v.Elem().FieldByName("expr")
		if !expr.IsValid() || expr.Kind() != reflect.String {
			return nil
		}
		src := expr.String()
		re, err := regexp.Compile(src)
		if err != nil {
			return nil
		}
		n.re = re
		if tree, err := syntax.Parse(src, syntax.Perl); err == nil {
			n.gates = requiredClauses(tree.Simplify(), true)
		}
		return n
	}
	if v.Kind() != reflect.Struct || v.Type().PkgPath() != rulePkg {
		return nil
	}
	subs := func(field string) ([]*heurNode, bool) {
		f := v.FieldByName(field)
		if !f.IsValid() {
			return nil, false
		}
		if f.Kind() != reflect.Slice {
			n := buildHeurNode(f)
			return []*heurNode{n}, n != nil
		}
		out := make([]*heurNode, f.Len())
		for i := range out {
			if out[i] = buildHeurNode(f.Index(i)); out[i] == nil {
				return nil, false
			}
		}
		return out, true
	}
	n := &heurNode{}
	var ok bool
	switch v.Type().Name() {
	case "or":
		n.kind = heurOr
		n.subs, ok = subs("pattern")
	case "and":
		n.kind = heurAnd
		n.subs, ok = subs("patterns")
	case "not":
		n.kind = heurNot
		n.subs, ok = subs("Patterns")
	case "always":
		n.kind, ok = heurAlways, true
	}
	if !ok {
		return nil
	}
	return n
}

// heurInput is a content with its case-folded copy, made on first need.
type heurInput struct {
	content []byte
	folded  []byte
	made    bool
}

func (in *heurInput) fold() []byte {
	if !in.made {
		in.folded = foldContent(in.content)
		in.made = true
	}
	return in.folded
}

// foldContent maps every rune of content through canonRune, leaving bytes
// that are not valid UTF-8 as they are. Every match of a regexp is a run
// of runes that maps onto its gate's folded literal, so gates are tested
// here.
func foldContent(content []byte) []byte {
	out := make([]byte, 0, len(content))
	for i := 0; i < len(content); {
		c := content[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(content[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, c)
		} else {
			out = utf8.AppendRune(out, canonRune(r))
		}
		i += size
	}
	return out
}

// match mirrors rule's Match methods: a regexp RE2 refused fails an Or and
// is skipped by And and Not.
func (n *heurNode) match(in *heurInput) bool {
	switch n.kind {
	case heurRegexp:
		if n.re == nil {
			return false
		}
		if n.gates != nil && !clausesHold(n.gates, in.fold()) {
			return false
		}
		return n.re.Match(in.content)
	case heurOr:
		return n.subs[0].match(in)
	case heurAnd:
		for _, s := range n.subs {
			if s.kind == heurRegexp && s.re == nil {
				continue
			}
			if !s.match(in) {
				return false
			}
		}
		return true
	case heurNot:
		for _, s := range n.subs {
			if s.kind == heurRegexp && s.re == nil {
				continue
			}
			if s.match(in) {
				return false
			}
		}
		return true
	case heurAlways:
		return true
	}
	return false
}

// clausesHold reports whether text satisfies one of the clauses: contains a
// string of each of its sets.
func clausesHold(clauses [][][]string, text []byte) bool {
	for _, clause := range clauses {
		ok := true
		for _, set := range clause {
			found := false
			for _, s := range set {
				if bytes.Contains(text, []byte(s)) {
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// languagesByContent is enry.GetLanguagesByContent(path, content, nil) for a
// file whose lower-cased extension is ext.
func languagesByContent(path, ext string, content []byte) []string {
	if !rules().exact {
		return enry.GetLanguagesByContent(path, content, nil)
	}
	fh := heuristicsFor(ext)
	if fh == nil {
		return enry.GetLanguagesByContent(path, content, nil)
	}
	in := &heurInput{content: content}
	for _, r := range fh.rules {
		if !r.match(in) {
			continue
		}
		// As data.Heuristics.Match: the first matching rule decides.
		var langs []string
		for _, l := range r.langs {
			if lang, ok := data.LanguageByAlias(l); ok {
				langs = append(langs, lang)
			}
		}
		return langs
	}
	return nil
}
