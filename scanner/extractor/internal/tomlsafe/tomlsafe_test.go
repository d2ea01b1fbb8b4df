package tomlsafe

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// depth is the bound the tests use, that of the Python lock files.
const depth = 32

func TestCheckNesting(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		ok         bool
	}{
		{"nested_array_and_table", `a = [[1, 2], {b = [3]}]`, true},
		{"brackets_in_basic_string", `a = "` + strings.Repeat("[", 100) + `"`, true},
		{"braces_in_literal_string", `a = '` + strings.Repeat("{", 100) + `'`, true},
		{"multiline_basic_escaped_quote_and_extra_quotes", "a = \"\"\"\n" + strings.Repeat("[", 100) + "\\\"\"\"\n\"\"\"\"\"", true},
		{"multiline_literal_extra_quotes", "a = '''\n" + strings.Repeat("[", 100) + "\n'''''", true},
		{"comment", "# " + strings.Repeat("[", 100) + "\na = 1", true},
		{"escaped_quote", `a = "\"` + strings.Repeat("[", 100) + `"`, true},
		{"escaped_backslash_ends_string", `a = "\\"` + strings.Repeat("[", 100), false},
		{"after_multiline_literal", "a = '''x'''" + strings.Repeat("[", 100), false},
		{"brackets_over_limit", strings.Repeat("[", depth+1), false},
		{"brackets_at_limit", strings.Repeat("[", depth), true},
		{"inline_tables_at_limit", "a = " + strings.Repeat("{a=", depth) + "1" + strings.Repeat("}", depth), true},
		{"inline_tables_over_limit", "a = " + strings.Repeat("{a=", depth+1) + "1" + strings.Repeat("}", depth+1), false},
		{"closed_levels_do_not_count", strings.Repeat("a = [[[[1]]]]\n", 100), true},
		{"stray_closing_brackets", strings.Repeat("]}", 100) + strings.Repeat("[", depth), true},
		// Dotted keys nest the parser as tables do.
		{"dotted_key_at_limit", strings.Repeat("a.", depth) + "b = 1", true},
		{"dotted_key_over_limit", strings.Repeat("a.", depth+1) + "b = 1", false},
		{"spaced_dotted_key_over_limit", strings.Repeat("a . ", depth+1) + "b = 1", false},
		{"quoted_dotted_key_over_limit", strings.Repeat(`"a".'b'.`, depth) + "b = 1", false},
		{"dots_in_quoted_key", `"` + strings.Repeat("a.", 100) + `" = 1`, true},
		{"header_at_limit", "[" + strings.Repeat("a.", depth-1) + "b]\nc = 1", true},
		{"header_over_limit", "[" + strings.Repeat("a.", depth) + "b]\nc = 1", false},
		{"array_header_over_limit", "[[" + strings.Repeat("a.", depth-1) + "b]]", false},
		{"key_into_inline_table", strings.Repeat("a.", depth-1) + "b = {c = 1}", true},
		{"key_into_inline_table_over_limit", strings.Repeat("a.", depth-1) + "b = {c.d = 1}", false},
		{"keys_add_up_in_inline_tables", "a = " + strings.Repeat("{a.a = ", depth/2+1) + "1" + strings.Repeat("}", depth/2+1), false},
		// A new line, a comma or a bracket ends a key; so does a comment,
		// with its line.
		{"lines_of_dotted_keys", strings.Repeat(strings.Repeat("a.", depth-1)+"b = 1\n", 10), true},
		{"dotted_key_after_comment", strings.Repeat("a.b.c = 1 # x.y.z\n", depth), true},
		{"floats_in_array", "a = [" + strings.Repeat("1.5, ", 100) + "]\nb = [\n" + strings.Repeat("2.5\n,", 100) + "]", true},
		{"floats_in_inline_table", "a = {" + strings.Repeat("b.c = 1.5, ", 100) + "}", true},
		// Inside an inline table only a comma ends a key (TOML 1.1 allows
		// new lines there).
		{"dotted_key_over_lines_in_inline_table", "a = {" + strings.Repeat("a.\n", depth+1) + "b = 1}", false},
		{"dotted_key_over_lines_in_array", "a = [" + strings.Repeat("1.\n", depth+1) + "]", true},
		{"dots_in_strings_of_values", "a = [" + strings.Repeat(`"1.2.3", '4.5.6', `, 100) + "]", true},
		{"dots_in_comments", "# " + strings.Repeat(".", 100) + "\n[a] # " + strings.Repeat("[", 100), true},
		{"unterminated_string", `a = "` + strings.Repeat("[", 100), true},
		{"unterminated_multiline_string", `a = """` + strings.Repeat("[", 100), true},
		{"string_cut_by_new_line", "a = \"x\n" + strings.Repeat("[", depth+1), false},
		{"literal_string_has_no_escapes", `a = '\'` + strings.Repeat("[", depth+1), false},
		{"multiline_literal_has_no_escapes", `a = '''\'''` + strings.Repeat("[", depth+1), false},
		{"multiline_basic_escaped_backslash", `a = """\\"""` + strings.Repeat("[", depth+1), false},
		{"multiline_basic_at_most_two_extra_quotes", `a = """x"""""` + strings.Repeat("[", depth+1), false},
		{"empty", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckNesting([]byte(tc.text), depth)
			if (err == nil) != tc.ok {
				t.Fatalf("CheckNesting(%.60q) = %v, want ok %v", tc.text, err, tc.ok)
			}
			if err != nil && !errors.Is(err, ErrTooDeep) {
				t.Errorf("error %v does not wrap ErrTooDeep", err)
			}
		})
	}
}

func TestCheckNestingError(t *testing.T) {
	err := CheckNesting([]byte("a = 1\n# [[[\nb = \"\"\"\n\"\"\"\nc = [[[1]]]\n"), 2)
	const want = "line 5: tables, arrays or dotted keys nested too deep: more than 2 levels"
	if err == nil || err.Error() != want {
		t.Errorf("CheckNesting() = %v, want %q", err, want)
	}
}

func TestCheckNestingZero(t *testing.T) {
	for text, ok := range map[string]bool{"a = 1\n": true, "a = 'x.y'": true, "a.b = 1": false, "a = []": false} {
		if err := CheckNesting([]byte(text), 0); (err == nil) != ok {
			t.Errorf("CheckNesting(%q, 0) = %v, want ok %v", text, err, ok)
		}
	}
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name    string
		r       io.Reader
		limit   int64
		want    string
		wantErr string
	}{
		{name: "under", r: strings.NewReader("abc"), limit: 4, want: "abc"},
		{name: "at_limit", r: strings.NewReader("abcd"), limit: 4, want: "abcd"},
		{name: "over_limit", r: strings.NewReader("abcde"), limit: 4, wantErr: "too large: larger than 4 bytes"},
		{name: "over_mib", r: strings.NewReader(strings.Repeat("x", 1<<20+1)), limit: 1 << 20, wantErr: "too large: larger than 1 MiB"},
		{name: "zero", r: strings.NewReader(""), limit: 0, want: ""},
		{name: "negative", r: strings.NewReader("a"), limit: -1, wantErr: "too large: larger than 0 bytes"},
		{name: "no_limit", r: strings.NewReader("abc"), limit: 1<<63 - 1, want: "abc"},
		{name: "reader_error", r: iotest.ErrReader(errors.New("boom")), limit: 10, wantErr: "boom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.r, tc.limit)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("Read() = %q, %v; want error %q", got, err, tc.wantErr)
				}
				if strings.HasPrefix(tc.wantErr, "too large") && !errors.Is(err, ErrTooLarge) {
					t.Errorf("error %v does not wrap ErrTooLarge", err)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Errorf("Read() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	type doc struct {
		Package []struct {
			Name string `toml:"name"`
		} `toml:"package"`
	}
	var v doc
	md, err := Decode(strings.NewReader("[[package]]\nname = \"a\"\nx = 1\n"), 1<<10, depth, &v)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Package) != 1 || v.Package[0].Name != "a" {
		t.Errorf("Decode() gave %+v", v)
	}
	if u := md.Undecoded(); len(u) != 1 || u[0].String() != "package.x" {
		t.Errorf("Undecoded() = %v, want [package.x]", u)
	}

	for _, tc := range []struct {
		name, text string
		want       error
		wantText   string
	}{
		{name: "too_large", text: strings.Repeat("#", 1<<10+1), want: ErrTooLarge},
		{name: "too_deep", text: "a = " + strings.Repeat("[", depth+1), want: ErrTooDeep},
		{name: "not_toml", text: "[package\n", wantText: "toml: line 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v map[string]any
			_, err := Decode(strings.NewReader(tc.text), 1<<10, depth, &v)
			if err == nil {
				t.Fatalf("Decode() = %v, want an error", v)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Decode() error %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("Decode() error %v, want one containing %q", err, tc.wantText)
			}
		})
	}
}

// TestDeepNestingRefusedQuickly: files that would take the parser hours
// (200,000 nested inline tables, a dotted key of 200,000 parts) are
// refused at once.
func TestDeepNestingRefusedQuickly(t *testing.T) {
	const n = 200_000
	for name, text := range map[string]string{
		"inline_tables": "a = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n),
		"arrays":        "a = " + strings.Repeat("[", n) + "1" + strings.Repeat("]", n),
		"dotted_key":    strings.Repeat("a.", n) + "b = 1",
		"table_header":  "[" + strings.Repeat("a.", n) + "b]\nc = 1\n",
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			var v map[string]any
			_, err := Decode(strings.NewReader(text), 256<<20, depth, &v)
			if !errors.Is(err, ErrTooDeep) {
				t.Fatalf("Decode() error %v, want ErrTooDeep", err)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("Decode() took %v", d)
			}
		})
	}
}

// BenchmarkCheckNesting scans a lock file of 5,000 packages shaped like
// uv.lock's.
func BenchmarkCheckNesting(b *testing.B) {
	var sb strings.Builder
	for range 5000 {
		sb.WriteString("[[package]]\nname = \"pkg\"\nversion = \"1.2.3\"\nsource = { registry = \"https://pypi.org/simple\" }\n")
		sb.WriteString("dependencies = [\n    { name = \"a\", marker = \"python_version < '3.11'\" },\n]\n")
		sb.WriteString("sdist = { url = \"https://files.example/pkg-1.2.3.tar.gz\", hash = \"sha256:0123\", size = 1234 }\n")
		sb.WriteString("# a comment [with] {brackets}\n")
		sb.WriteString("description = '''\nmulti\nline\n'''\n\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := CheckNesting(data, depth); err != nil {
			b.Fatal(err)
		}
	}
}
