// Package yamlsafe reads YAML for heng's extractors (pnpm-lock.yaml,
// yarn berry's yarn.lock) without letting a hostile file crash or stall
// the scan.
//
// go.yaml.in/yaml/v3, the YAML parser heng uses, is not heng's code:
// Unmarshal and Decode turn whatever panic it has on odd input into an
// error in the file. Lock files never use anchors and aliases, and
// expanding an alias entry by entry can take time quadratic in a file's
// size ("billion laughs"), so Mapping refuses a tree that has any before
// an extractor walks it.
package yamlsafe

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// ErrAlias is the error of a tree with an anchor or an alias.
var ErrAlias = errors.New("yaml: aliases, which lock files never use")

// Unmarshal is yaml.Unmarshal, with a panic of the decoder returned as an
// error ("yaml: <what it panicked with>").
func Unmarshal(data []byte, v any) (err error) {
	defer recoverInto(&err)
	return yaml.Unmarshal(data, v)
}

// Decode is dec.Decode, which decodes the next document of a stream,
// with a panic of the decoder returned as an error.
func Decode(dec *yaml.Decoder, v any) (err error) {
	defer recoverInto(&err)
	return dec.Decode(v)
}

func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("yaml: %v", r)
	}
}

// HasAlias reports whether a YAML tree has an anchor or an alias
// anywhere. It walks the tree once, without recursion.
func HasAlias(n *yaml.Node) bool {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			return true
		}
		stack = append(stack, n.Content...)
	}
	return false
}

// Mapping returns the mapping at the top of a decoded tree (the content
// of a document node, or n itself). It returns ErrAlias when the tree
// has an anchor or an alias anywhere (see HasAlias), and an error naming
// the line when the top is not a mapping.
func Mapping(n *yaml.Node) (*yaml.Node, error) {
	if HasAlias(n) {
		return nil, ErrAlias
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("yaml: line %d: not a mapping", n.Line)
	}
	return n, nil
}
