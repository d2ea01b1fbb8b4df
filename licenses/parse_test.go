package licenses

import (
	"strings"
	"testing"
)

// show writes a parsed expression back with every group parenthesised.
func show(n *Expression) string {
	if n.Op == "" {
		if n.With != "" {
			return n.ID + " WITH " + n.With
		}
		return n.ID
	}
	return "(" + show(n.Left) + " " + n.Op + " " + show(n.Right) + ")"
}

func TestParseExpression(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"MIT", "MIT", ""},
		{"MIT OR Apache-2.0 AND BSD-3-Clause", "(MIT OR (Apache-2.0 AND BSD-3-Clause))", ""},
		{"(MIT OR Apache-2.0) AND BSD-3-Clause", "((MIT OR Apache-2.0) AND BSD-3-Clause)", ""},
		{"mit or gpl-2.0+ with classpath-exception-2.0", "(mit OR gpl-2.0+ WITH classpath-exception-2.0)", ""},
		{"Not-A-License AND X", "(Not-A-License AND X)", ""}, // syntax only
		{"", "", "empty"},
		{"MIT OR (Apache-2.0", "", "missing )"},
		{"MIT AND", "", "ends too early"},
		{"MIT ISC", "", `unexpected "ISC"`},
		{"GPL-2.0-only WITH", "", "WITH without an exception"},
		{"(MIT) WITH X", "", `unexpected "WITH"`},
		{"()", "", `unexpected ")"`},
		{strings.Repeat("(", 65) + "MIT" + strings.Repeat(")", 65), "", "nested too deep"},
	}
	for _, tt := range tests {
		n, err := ParseExpression(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseExpression(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseExpression(%q): %v", tt.in, err)
			continue
		}
		if got := show(n); got != tt.want {
			t.Errorf("ParseExpression(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if _, err := ParseExpression(strings.Repeat("(", 64) + "MIT" + strings.Repeat(")", 64)); err != nil {
		t.Errorf("64 levels: %v", err)
	}
}
