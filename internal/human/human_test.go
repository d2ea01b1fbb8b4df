package human

import (
	"slices"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1234567, "1,234,567"}, {-1234, "-1,234"}} {
		if got := Count(tc.n); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestBytes(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {23366, "23.4 kB"}, {56_800_000, "56.8 MB"}, {1_136_700_000, "1.1 GB"}} {
		if got := Bytes(tc.n); got != tc.want {
			t.Errorf("Bytes(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want []string
	}{
		{"one two three four five six", 9, []string{"one two", "three", "four five", "six"}},
		{"averyveryverylongword ok", 5, []string{"averyveryverylongword", "ok"}},
		{"", 10, nil},
		{"  spaced\n\tout  ", 20, []string{"spaced out"}},
		{"木兰 宽松 许可证", 9, []string{"木兰 宽松", "许可证"}}, // two columns each
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.n, got, tt.want)
		}
	}
}
