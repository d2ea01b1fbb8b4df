package licenses

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"MIT", 3},
		{"木兰", 4},
		{"木兰宽松许可证，第2版", 21}, // full-width comma: 2; ASCII digit: 1
		{"Licence Libre du Québec", 23},
		{"Que\u0301bec", 6}, // combining accent: 0
		{"源码可见（非开源）", 18},
		{"a\tb", 2},
	}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"MIT License", 20, "MIT License"},
		{"MIT License", 11, "MIT License"},
		{"MIT License", 10, "MIT Lic..."},
		{"Mulan Public License (木兰公共许可证)", 30, "Mulan Public License (木兰..."},
		// 木 would end at column 26 of 25: it is left out, not split.
		{"Mulan Public License (木兰公共许可证)", 25, "Mulan Public License (..."},
		{"ab cd", 5, "ab cd"},
		{"ab cdefgh", 6, "ab..."},
	}
	for _, tt := range tests {
		got := truncate(tt.s, tt.max)
		if got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
		if displayWidth(got) > tt.max {
			t.Errorf("truncate(%q, %d) is %d columns wide", tt.s, tt.max, displayWidth(got))
		}
	}
}

func TestTable(t *testing.T) {
	tab := &table{
		header: []string{"ZH", "ID", "NAME"},
		rows: [][]string{
			{"木兰", "MulanPSL-2.0", "Mulan Permissive Software License, Version 2"},
			{"", "MIT", "MIT License"},
			{"源码可见", "X", ""},
		},
	}
	var b strings.Builder
	if err := tab.write(&b); err != nil {
		t.Fatal(err)
	}
	// Columns line up by display width, and no line has trailing spaces.
	want := "ZH        ID            NAME\n" +
		"木兰      MulanPSL-2.0  Mulan Permissive Software License, Version 2\n" +
		"          MIT           MIT License\n" +
		"源码可见  X\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}

	tab.fitLast(40, 10)
	b.Reset()
	if err := tab.write(&b); err != nil {
		t.Fatal(err)
	}
	want = "ZH        ID            NAME\n" +
		"木兰      MulanPSL-2.0  Mulan Permiss...\n" +
		"          MIT           MIT License\n" +
		"源码可见  X\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("fitted table (-want +got):\n%s", d)
	}

	tab.fitLast(20, 10) // too narrow: the last column keeps 10 columns
	if tab.lastMax != 10 {
		t.Errorf("lastMax = %d, want 10", tab.lastMax)
	}
}
