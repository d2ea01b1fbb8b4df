package tomlvalue

import (
	"errors"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/internal/tomlsafe"
)

func TestDecode(t *testing.T) {
	doc, err := Decode([]byte("[package]\nname = \"a\"\nversion = \"1.0.0\"\n[dependencies]\nb = { version = \"1\" }\n"), 32)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := doc["package"].(map[string]any)
	deps, _ := doc["dependencies"].(map[string]any)
	if pkg["name"] != "a" || deps["b"] == nil {
		t.Errorf("Decode() = %v", doc)
	}
	if doc, err := Decode(nil, 32); err != nil || len(doc) != 0 {
		t.Errorf("Decode(empty) = %v, %v", doc, err)
	}
	if _, err := Decode([]byte("a = "), 32); err == nil {
		t.Error("Decode(bad TOML) gave no error")
	}
	deep := "x = " + strings.Repeat("{a=", 40) + "1" + strings.Repeat("}", 40)
	if _, err := Decode([]byte(deep), 32); !errors.Is(err, tomlsafe.ErrTooDeep) {
		t.Errorf("Decode(too deep) error %v, want ErrTooDeep", err)
	}
	if _, err := Decode([]byte(deep), 64); err != nil {
		t.Errorf("Decode(deep, within the bound) error %v", err)
	}
}

func TestString(t *testing.T) {
	doc, err := Decode([]byte("s = \"x\"\ni = 1\nf = 1.5\nb = true\na = [1]\nt = {}\nd = 1979-05-27\naot = [{}]\n"), 32)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, want, err string
	}{
		{key: "s", want: "x"},
		{key: "missing"},
		{key: "i", err: "i is a integer, not a string"},
		{key: "f", err: "f is a float, not a string"},
		{key: "b", err: "b is a boolean, not a string"},
		{key: "a", err: "a is a array, not a string"},
		{key: "aot", err: "aot is a array, not a string"},
		{key: "t", err: "t is a table, not a string"},
		{key: "d", err: "d is a date, not a string"},
	} {
		got, err := String(doc[tc.key], tc.key)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tc.want || gotErr != tc.err {
			t.Errorf("String(%s) = %q, %q; want %q, %q", tc.key, got, gotErr, tc.want, tc.err)
		}
	}
}
