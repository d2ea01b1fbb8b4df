package policy

import (
	"errors"
	"fmt"
	"strings"
)

// node is a parsed SPDX license expression: an operator with two sides, or
// a license id with its optional exception.
type node struct {
	op          string // "AND", "OR", or "" for a license
	left, right *node
	id, with    string
}

// maxDepth bounds the nesting of parentheses in an expression.
const maxDepth = 64

// parseExpression parses an SPDX license expression (AND binds tighter
// than OR; WITH attaches an exception to one license). It never panics; a
// malformed expression is an error.
func parseExpression(s string) (*node, error) {
	toks := tokenize(s)
	if len(toks) == 0 {
		return nil, errors.New("empty")
	}
	ps := &parser{toks: toks}
	n, err := ps.or(0)
	if err != nil {
		return nil, err
	}
	if ps.i < len(ps.toks) {
		return nil, fmt.Errorf("unexpected %q", ps.toks[ps.i])
	}
	return n, nil
}

func tokenize(s string) []string {
	s = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s)
	return strings.Fields(s)
}

type parser struct {
	toks []string
	i    int
}

func (ps *parser) peek() string {
	if ps.i < len(ps.toks) {
		return ps.toks[ps.i]
	}
	return ""
}

func (ps *parser) or(depth int) (*node, error) {
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
		left = &node{op: "OR", left: left, right: right}
	}
	return left, nil
}

func (ps *parser) and(depth int) (*node, error) {
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
		left = &node{op: "AND", left: left, right: right}
	}
	return left, nil
}

func (ps *parser) primary(depth int) (*node, error) {
	t := ps.peek()
	switch {
	case t == "":
		return nil, errors.New("ends too early")
	case t == "(":
		if depth >= maxDepth {
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
	case t == ")" || isOperator(t):
		return nil, fmt.Errorf("unexpected %q", t)
	}
	ps.i++
	n := &node{id: t}
	if strings.EqualFold(ps.peek(), "WITH") {
		ps.i++
		w := ps.peek()
		if w == "" || w == "(" || w == ")" || isOperator(w) {
			return nil, errors.New("WITH without an exception")
		}
		ps.i++
		n.with = w
	}
	return n, nil
}

func isOperator(t string) bool {
	return strings.EqualFold(t, "AND") || strings.EqualFold(t, "OR") || strings.EqualFold(t, "WITH")
}
