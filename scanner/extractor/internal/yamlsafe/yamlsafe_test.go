package yamlsafe

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestMapping(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		// err is what the error says, "" for none.
		err string
		// keys are the mapping's keys.
		keys []string
	}{
		{name: "mapping", doc: "a: 1\nb: [x, y]\n", keys: []string{"a", "b"}},
		{name: "flow", doc: "{a: {b: c}}", keys: []string{"a"}},
		{name: "sequence", doc: "\n- a\n- b\n", err: "yaml: line 2: not a mapping"},
		{name: "scalar", doc: "x", err: "yaml: line 1: not a mapping"},
		{name: "alias", doc: "a: &x 1\nb: *x\n", err: ErrAlias.Error()},
		{name: "anchor_only", doc: "a: &x\n  b: 1\n", err: ErrAlias.Error()},
		{name: "deep_alias", doc: "a:\n  - b:\n      - &y c\n", err: ErrAlias.Error()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n yaml.Node
			if err := yaml.Unmarshal([]byte(tc.doc), &n); err != nil {
				t.Fatal(err)
			}
			m, err := Mapping(&n)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("Mapping() error %v, want %q", err, tc.err)
				}
				if m != nil {
					t.Errorf("Mapping() = %v with an error", m)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for i := 0; i < len(m.Content); i += 2 {
				keys = append(keys, m.Content[i].Value)
			}
			if strings.Join(keys, ",") != strings.Join(tc.keys, ",") {
				t.Errorf("keys %q, want %q", keys, tc.keys)
			}
		})
	}
}

func TestMappingOfMapping(t *testing.T) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("a: 1\n"), &n); err != nil {
		t.Fatal(err)
	}
	inner := n.Content[0]
	if m, err := Mapping(inner); err != nil || m != inner {
		t.Errorf("Mapping(a mapping) = %v, %v; want the node itself", m, err)
	}
}

// TestHasAliasDeep: a tree nested far deeper than any lock file is
// walked without recursion.
func TestHasAliasDeep(t *testing.T) {
	root := &yaml.Node{Kind: yaml.SequenceNode}
	n := root
	for range 100000 {
		c := &yaml.Node{Kind: yaml.SequenceNode}
		n.Content = []*yaml.Node{c}
		n = c
	}
	if HasAlias(root) {
		t.Error("HasAlias() = true without aliases")
	}
	n.Content = []*yaml.Node{{Kind: yaml.AliasNode}}
	if !HasAlias(root) {
		t.Error("HasAlias() = false with an alias at the bottom")
	}
}

func TestUnmarshal(t *testing.T) {
	var v map[string]int
	if err := Unmarshal([]byte("a: 1\n"), &v); err != nil || v["a"] != 1 {
		t.Errorf("Unmarshal() = %v, %v", v, err)
	}
	if err := Unmarshal([]byte("a: [\n"), &v); err == nil {
		t.Error("Unmarshal(bad YAML) gave no error")
	}
	// A nil target makes the decoder panic: an error here.
	if err := Unmarshal([]byte("a: 1\n"), nil); err == nil || !strings.HasPrefix(err.Error(), "yaml: ") {
		t.Errorf("Unmarshal(nil) error %v, want one from the panic", err)
	}
}

func TestDecode(t *testing.T) {
	dec := yaml.NewDecoder(bytes.NewReader([]byte("a: 1\n---\nb: 2\n")))
	var docs []string
	for {
		var n yaml.Node
		err := Decode(dec, &n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, n.Content[0].Content[0].Value)
	}
	if strings.Join(docs, ",") != "a,b" {
		t.Errorf("documents %q", docs)
	}
	dec = yaml.NewDecoder(bytes.NewReader([]byte("a: 1\n")))
	if err := Decode(dec, nil); err == nil || !strings.HasPrefix(err.Error(), "yaml: ") {
		t.Errorf("Decode(nil) error %v, want one from the panic", err)
	}
}
