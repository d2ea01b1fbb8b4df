package licenses

import (
	"errors"
	"fmt"
	"strings"
)

// Expression is a parsed SPDX license expression: an operator ("AND" or
// "OR") with two sides, or a license id with its optional exception.
type Expression struct {
	Op          string // "AND", "OR", or "" for a license
	Left, Right *Expression
	ID, With    string
}

// ParseExpression parses the syntax of an SPDX license expression: AND
// binds tighter than OR, WITH attaches an exception to one license,
// operators in any case. Ids are kept as written, known or not (Normalize
// and CanonicalExpression check and spell them). It never panics, and
// nests at most maxExprDepth parentheses deep; a malformed expression is
// an error.
func ParseExpression(s string) (*Expression, error) {
	toks := strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s))
	if len(toks) == 0 {
		return nil, errors.New("empty")
	}
	ps := &syntaxParser{toks: toks}
	n, err := ps.or(0)
	if err != nil {
		return nil, err
	}
	if ps.i < len(ps.toks) {
		return nil, fmt.Errorf("unexpected %q", ps.toks[ps.i])
	}
	return n, nil
}

type syntaxParser struct {
	toks []string
	i    int
}

func (ps *syntaxParser) peek() string {
	if ps.i < len(ps.toks) {
		return ps.toks[ps.i]
	}
	return ""
}

func (ps *syntaxParser) or(depth int) (*Expression, error) {
	left, err := ps.and(depth)
	if err != nil {
		return nil, err
	}
	for strings.EqualFold(ps.peek(), "OR") {
		ps.i++
		right, err := ps.and(depth)
		if err != nil {
			return nil, err
		}
		left = &Expression{Op: "OR", Left: left, Right: right}
	}
	return left, nil
}

func (ps *syntaxParser) and(depth int) (*Expression, error) {
	left, err := ps.primary(depth)
	if err != nil {
		return nil, err
	}
	for strings.EqualFold(ps.peek(), "AND") {
		ps.i++
		right, err := ps.primary(depth)
		if err != nil {
			return nil, err
		}
		left = &Expression{Op: "AND", Left: left, Right: right}
	}
	return left, nil
}

func (ps *syntaxParser) primary(depth int) (*Expression, error) {
	t := ps.peek()
	switch {
	case t == "":
		return nil, errors.New("ends too early")
	case t == "(":
		if depth >= maxExprDepth {
			return nil, errors.New("nested too deep")
		}
		ps.i++
		n, err := ps.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if ps.peek() != ")" {
			return nil, errors.New("missing )")
		}
		ps.i++
		return n, nil
	case t == ")" || isOperatorWord(t):
		return nil, fmt.Errorf("unexpected %q", t)
	}
	ps.i++
	n := &Expression{ID: t}
	if strings.EqualFold(ps.peek(), "WITH") {
		ps.i++
		w := ps.peek()
		if w == "" || w == "(" || w == ")" || isOperatorWord(w) {
			return nil, errors.New("WITH without an exception")
		}
		ps.i++
		n.With = w
	}
	return n, nil
}

// isOperatorWord reports whether t is AND, OR or WITH, in any case.
func isOperatorWord(t string) bool {
	return strings.EqualFold(t, "AND") || strings.EqualFold(t, "OR") || strings.EqualFold(t, "WITH")
}
