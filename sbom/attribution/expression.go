package attribution

import (
	"slices"
	"strings"

	"github.com/hengdev/heng/licenses"
)

// demand ranks the categories from the least to the most demanding of a
// user who redistributes: licenses.Categories' order, public-domain,
// permissive, weak-copyleft, strong-copyleft, network-copyleft,
// source-available, proprietary, and unknown last. A category outside the
// list ranks as unknown.
func demand(c licenses.Category) int {
	all := licenses.Categories()
	if i := slices.Index(all, c); i >= 0 {
		return i
	}
	return len(all) - 1
}

// CategoryOf returns the category of a license expression: for "A AND B"
// the more demanding of the two (both apply), for "A OR B" the less
// demanding (the user may choose), for "A WITH E" the category of A (an
// exception only relaxes its license). Categories are ranked as
// licenses.Categories lists them, so an unknown part makes an AND unknown
// but never wins an OR against a known branch. The empty expression and
// one that does not parse (licenses.ParseExpression) are
// licenses.Unknown.
func CategoryOf(expr string) licenses.Category {
	n, err := licenses.ParseExpression(expr)
	if err != nil {
		return licenses.Unknown
	}
	var fold func(n *licenses.Expression) licenses.Category
	fold = func(n *licenses.Expression) licenses.Category {
		if n.Op == "" {
			return licenses.CategoryOf(n.ID)
		}
		l, r := fold(n.Left), fold(n.Right)
		if (n.Op == "AND") == (demand(r) > demand(l)) {
			return r
		}
		return l
	}
	return fold(n)
}

// tokens splits an expression into parentheses and words.
func tokens(expr string) []string {
	return strings.Fields(parens.Replace(expr))
}

var parens = strings.NewReplacer("(", " ( ", ")", " ) ")

func isOperator(t string) bool {
	switch strings.ToUpper(t) {
	case "AND", "OR", "WITH", "(", ")":
		return true
	}
	return false
}

// Disagree reports whether a declared and a concluded license name
// different licenses. They are compared as sets of ids, so order,
// parentheses and repetition do not matter ("MIT AND ISC" agrees with
// "ISC AND MIT") but operators do not either ("MIT OR ISC" agrees with
// "MIT AND ISC": the same licenses, read differently, is for a reviewer
// to judge, not a disagreement about what the package is under). Ids are
// compared in their canonical spelling, and a deprecated id as the id
// that replaces it (GPL-2.0 as GPL-2.0-only, GPL-2.0+ as
// GPL-2.0-or-later). When either side is "" there is nothing to disagree
// with. An unmapped declaration (LicenseRef-heng-unknown-...) against a
// license heng found does disagree: the reviewer should see it.
func Disagree(declared, concluded string) bool {
	if strings.TrimSpace(declared) == "" || strings.TrimSpace(concluded) == "" {
		return false
	}
	a, b := idSet(declared), idSet(concluded)
	return !slices.Equal(a, b)
}

// idSet returns the distinct ids of an expression, canonical, sorted.
func idSet(expr string) []string {
	var out []string
	for _, t := range tokens(expr) {
		if isOperator(t) {
			continue
		}
		out = append(out, canonicalID(t))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// canonicalID spells an id as heng's license list does, and a deprecated
// id with a single-id replacement as that replacement.
func canonicalID(id string) string {
	info, ok := licenses.Lookup(id)
	if !ok {
		return id
	}
	if info.Deprecated && info.Replacement != "" && !strings.ContainsAny(info.Replacement, " ()") {
		return info.Replacement
	}
	return info.ID
}
